//! Reading a `Set-Cookie` header line or a `document.cookie` assignment:
//! the name and the attributes that say where the cookie lives. The value is
//! measured, never kept.

/// One parsed cookie write.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CookieLine {
    pub name: String,
    pub value_length: usize,
    /// The `Domain` attribute, lower-cased, without a leading dot.
    pub domain: Option<String>,
    pub path: Option<String>,
    /// Whether it deletes the cookie (`Max-Age` of zero or less).
    pub deletes: bool,
}

/// Parses a cookie line (RFC 6265 section 5.2, leniently: never fails on odd text).
pub fn parse(line: &str) -> Option<CookieLine> {
    let mut parts = line.split(';');
    let pair = parts.next()?.trim();
    let (name, value) = match pair.split_once('=') {
        Some((n, v)) => (n.trim(), v.trim()),
        None => ("", pair),
    };
    if name.is_empty() && value.is_empty() {
        return None;
    }
    let mut out = CookieLine { name: name.to_owned(), value_length: value.len(), ..CookieLine::default() };
    for attr in parts {
        let (key, val) = match attr.split_once('=') {
            Some((k, v)) => (k.trim(), v.trim()),
            None => (attr.trim(), ""),
        };
        if key.eq_ignore_ascii_case("domain") && !val.is_empty() {
            out.domain = Some(val.trim_start_matches('.').to_ascii_lowercase());
        } else if key.eq_ignore_ascii_case("path") && !val.is_empty() {
            out.path = Some(val.to_owned());
        } else if key.eq_ignore_ascii_case("max-age") {
            out.deletes = val.parse::<i64>().is_ok_and(|v| v <= 0);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        let c = parse("_ga=GA1.1.123; Path=/; Domain=.Shop.Test; Max-Age=63072000; SameSite=Lax").expect("parses");
        assert_eq!(c.name, "_ga");
        assert_eq!(c.value_length, 9);
        assert_eq!(c.domain.as_deref(), Some("shop.test"));
        assert_eq!(c.path.as_deref(), Some("/"));
        assert!(!c.deletes);
        assert!(parse("gone=; max-age=0").expect("parses").deletes);
        assert_eq!(parse("novalue").expect("parses").name, "");
        assert_eq!(parse(""), None);
        assert_eq!(parse("ü=ß; domain=é.test").expect("parses").domain.as_deref(), Some("é.test"));
    }
}
