//! Reading YAML with line numbers, into a small tree of our own.
//!
//! saphyr (the maintained successor of yaml-rust and yaml-rust2, YAML 1.2,
//! no unsafe code) parses into nodes that carry their span, which is what
//! lets every message of the import name a file and line. Its node type is
//! generic and borrowed; converting once into [`Node`] keeps the rest of the
//! import simple and independent of saphyr's API.

use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};

/// A YAML value with the line it starts on.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// 1-based line.
    pub line: usize,
    /// The value.
    pub value: Value,
}

/// A YAML value. Mapping keys are kept as text, in document order.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A floating-point number, as written.
    Float(f64),
    /// A string.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping; keys that are not scalars are dropped (fideslang has none).
    Map(Vec<(String, Node)>),
    /// Something fideslang never uses (an alias, a malformed tagged value).
    Unsupported(&'static str),
}

/// A YAML syntax error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What saphyr says.
    pub message: String,
}

/// Parses every document of `text`.
pub fn parse(text: &str) -> Result<Vec<Node>, SyntaxError> {
    let documents = MarkedYaml::load_from_str(text).map_err(|e| SyntaxError {
        line: e.marker().line(),
        column: e.marker().col() + 1,
        message: e.info().to_string(),
    })?;
    Ok(documents.iter().map(|d| convert(d, 0)).collect())
}

/// Deeper than this, a document is not a fideslang manifest; stop rather
/// than recurse without bound.
const MAX_DEPTH: usize = 64;

fn convert(node: &MarkedYaml<'_>, depth: usize) -> Node {
    let line = node.span.start.line();
    if depth > MAX_DEPTH {
        return Node { line, value: Value::Unsupported("nesting deeper than 64 levels") };
    }
    let value = match &node.data {
        YamlData::Value(scalar) => scalar_value(scalar),
        YamlData::Representation(text, _, _) => Value::Str(text.to_string()),
        YamlData::Sequence(items) => Value::Seq(items.iter().map(|n| convert(n, depth + 1)).collect()),
        YamlData::Mapping(map) => Value::Map(
            map.iter()
                .filter_map(|(k, v)| {
                    let key = match &k.data {
                        YamlData::Value(s) => scalar_text(s)?,
                        YamlData::Representation(text, _, _) => text.to_string(),
                        _ => return None,
                    };
                    Some((key, convert(v, depth + 1)))
                })
                .collect(),
        ),
        YamlData::Tagged(_, inner) => convert(inner, depth + 1).value,
        YamlData::Alias(_) => Value::Unsupported("an alias (*name)"),
        YamlData::BadValue => Value::Unsupported("a value that does not match its tag"),
    };
    Node { line, value }
}

fn scalar_value(s: &Scalar<'_>) -> Value {
    match s {
        Scalar::Null => Value::Null,
        Scalar::Boolean(b) => Value::Bool(*b),
        Scalar::Integer(i) => Value::Int(*i),
        Scalar::FloatingPoint(f) => Value::Float(f.into_inner()),
        Scalar::String(t) => Value::Str(t.to_string()),
    }
}

fn scalar_text(s: &Scalar<'_>) -> Option<String> {
    match scalar_value(s) {
        Value::Str(t) => Some(t),
        Value::Int(i) => Some(i.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Null => Some(String::new()),
        _ => None,
    }
}

impl Node {
    /// The value of `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The entries of a mapping (empty for anything else).
    pub fn entries(&self) -> &[(String, Node)] {
        match &self.value {
            Value::Map(entries) => entries,
            _ => &[],
        }
    }

    /// The items of a sequence (empty for anything else).
    pub fn items(&self) -> &[Node] {
        match &self.value {
            Value::Seq(items) => items,
            _ => &[],
        }
    }

    /// A scalar as text (numbers and booleans as written); `None` for
    /// null, collections and the unsupported.
    pub fn text(&self) -> Option<String> {
        match &self.value {
            Value::Str(s) => Some(s.clone()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// The text of `key`, trimmed, when present and not empty.
    pub fn str(&self, key: &str) -> Option<String> {
        self.get(key).and_then(Node::text).map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
    }

    /// A boolean at `key`.
    pub fn bool(&self, key: &str) -> Option<bool> {
        match self.get(key).map(|n| &n.value) {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        }
    }

    /// `key` as a list of strings with their lines: a sequence of scalars,
    /// or a single scalar (fideslang changed some fields from one to many).
    pub fn strings(&self, key: &str) -> Vec<(String, usize)> {
        match self.get(key) {
            Some(n) => match &n.value {
                Value::Seq(items) => {
                    items.iter().filter_map(|i| Some((i.text()?.trim().to_string(), i.line))).collect()
                }
                _ => n.text().map(|t| vec![(t.trim().to_string(), n.line)]).unwrap_or_default(),
            },
            None => Vec::new(),
        }
        .into_iter()
        .filter(|(s, _)| !s.is_empty())
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_cannot_blow_up() {
        // The "billion laughs": nine levels of ten aliases each.
        let mut text = String::from("a0: &a0 [x]\n");
        for i in 1..10 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            text.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        let start = std::time::Instant::now();
        let _ = parse(&text);
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn keeps_lines_and_structure() {
        let docs = parse("system:\n  - fides_key: a\n    privacy_declarations:\n      - data_use: x\n        n: 395\n")
            .unwrap();
        let system = &docs[0].get("system").unwrap().items()[0];
        assert_eq!(system.line, 2);
        assert_eq!(system.str("fides_key").as_deref(), Some("a"));
        let decl = &system.get("privacy_declarations").unwrap().items()[0];
        assert_eq!((decl.line, decl.str("n").as_deref()), (4, Some("395")));
        let e = parse("a: [1, 2\nb: c").unwrap_err();
        assert!(e.line >= 1, "{e:?}");
        assert_eq!(parse("a: &x 1\nb: *x").unwrap()[0].str("b").as_deref(), Some("1"));
    }
}
