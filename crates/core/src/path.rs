//! Manifest paths such as `activities[3].legal_basis` or `consent."US-CA".mode`.
//!
//! Findings and input errors name the manifest value they are about with a path;
//! the host turns the path into a line and column. A path that does not exist in
//! the file (something missing) resolves to the nearest table that does.

use std::fmt;

/// One step of a manifest path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// A table key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// A parsed manifest path.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ManifestPath(pub Vec<Segment>);

impl ManifestPath {
    /// Parses the textual form. Keys that are not bare (letters, digits, `_`, `-`)
    /// are written in double quotes. Returns `None` for malformed text.
    pub fn parse(text: &str) -> Option<ManifestPath> {
        let mut segments = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'.' if !segments.is_empty() => i += 1,
                b'[' => {
                    let end = text[i..].find(']')? + i;
                    segments.push(Segment::Index(text[i + 1..end].parse().ok()?));
                    i = end + 1;
                }
                b'"' => {
                    let end = text[i + 1..].find('"')? + i + 1;
                    segments.push(Segment::Key(text[i + 1..end].to_string()));
                    i = end + 1;
                }
                _ => {
                    let end = text[i..].find(['.', '[']).map_or(text.len(), |e| e + i);
                    if end == i {
                        return None;
                    }
                    segments.push(Segment::Key(text[i..end].to_string()));
                    i = end;
                }
            }
        }
        Some(ManifestPath(segments))
    }

    /// Appends a key.
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.0.push(Segment::Key(key.into()));
        self
    }

    /// Appends an index.
    pub fn index(mut self, index: usize) -> Self {
        self.0.push(Segment::Index(index));
        self
    }
}

/// A key as it is written in a manifest path: bare when it is letters,
/// digits, `_` and `-`, quoted otherwise.
pub fn quote_key(key: &str) -> String {
    let bare = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare { key.to_string() } else { format!("\"{key}\"") }
}

impl fmt::Display for ManifestPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Index(i) => write!(f, "[{i}]")?,
                Segment::Key(k) => {
                    if n > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(&quote_key(k))?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for text in ["activities[3].legal_basis", "consent.US-CA.mode", "cookies.\"a b\"", "a[0][1].b"] {
            let path = ManifestPath::parse(text).unwrap();
            assert_eq!(path.to_string(), text);
        }
        assert_eq!(
            ManifestPath::parse("consent.\"US-CA\".mode").unwrap().0,
            vec![Segment::Key("consent".into()), Segment::Key("US-CA".into()), Segment::Key("mode".into())]
        );
        assert!(ManifestPath::parse("a[x]").is_none());
    }
}
