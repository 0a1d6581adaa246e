//! Loading a manifest from TOML text: parse, deserialize, check references, and
//! locate any problem at a line and column.

use std::collections::HashSet;
use std::ops::Range;

use serde::Deserialize;
use toml::de::DeTable;

use super::Manifest;
use super::tree::{Tree, Value};
use crate::path::{ManifestPath, Segment};

/// A problem with the input, located in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where.
    pub location: Location,
}

/// A place in the manifest text.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte range of the text the location points at.
    pub span: Range<usize>,
}

/// A successfully loaded manifest, with the index that locates its paths.
pub struct Parsed<'a> {
    /// The model.
    pub manifest: Manifest,
    /// Locates manifest paths in the text (built from the same parse).
    pub index: SourceIndex<'a>,
}

impl std::fmt::Debug for Parsed<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Parsed").field("manifest", &self.manifest).finish_non_exhaustive()
    }
}

/// Parses and validates manifest text. Every problem found is returned, each
/// with its location; the model is only returned when there is none.
///
/// The text is parsed once into a [`Tree`], which the model is read from by
/// reference and which is then kept for locating findings. A document the tree
/// leaves to `toml` (any error, a few rare shapes), or one the model does not
/// read from it, takes `toml`'s path, whose messages are the ones shown.
pub fn parse(text: &str) -> Result<Parsed<'_>, Vec<InputError>> {
    if let Some(tree) = Tree::parse(text)
        && let Ok(manifest) = tree.manifest()
    {
        return validated(text, manifest, tree);
    }
    let root = DeTable::parse(text).map_err(|e| vec![toml_error(text, &e)])?;
    let tree = Tree::from_toml(root.get_ref());
    let manifest = match Manifest::deserialize(toml::de::Deserializer::from(root)) {
        Ok(manifest) => manifest,
        // serde stops at the first problem; the schema walk finds them all.
        Err(first) => {
            let problems = DeTable::parse(text).map(|root| super::collect::problems(&root)).unwrap_or_default();
            if problems.is_empty() {
                return Err(vec![toml_error(text, &first)]);
            }
            let lines = LineIndex::new(text);
            return Err(problems
                .into_iter()
                .map(|(span, message)| {
                    let span = narrow(text, span, &message);
                    let (line, column) = lines.line_column(text, span.start);
                    InputError { message, location: Location { line, column, span } }
                })
                .collect());
        }
    };
    validated(text, manifest, tree)
}

/// The references and uniqueness checks, on a model read from `tree`.
fn validated<'a>(text: &'a str, manifest: Manifest, tree: Tree<'a>) -> Result<Parsed<'a>, Vec<InputError>> {
    let index = SourceIndex { text, root: Some(tree), lines: LineIndex::new(text) };
    let problems = validate(&manifest);
    if problems.is_empty() {
        return Ok(Parsed { manifest, index });
    }
    Err(problems.into_iter().map(|(path, message)| InputError { location: index.locate(&path), message }).collect())
}

fn toml_error(text: &str, error: &toml::de::Error) -> InputError {
    let index = LineIndex::new(text);
    let (span, message) = match error.span() {
        Some(span) => (narrow(text, span, error.message()), error.message().trim().to_string()),
        // toml reports a dotted key deeper than its limit without a place.
        None if error.message().contains("recursion limit") => match too_deep_key(text) {
            Some(span) => {
                (span, format!("this key has more than {} dotted parts, deeper than TOML is read", KEY_DEPTH_LIMIT - 1))
            }
            None => (0..0, error.message().trim().to_string()),
        },
        None => (0..0, error.message().trim().to_string()),
    };
    let (line, column) = index.line_column(text, span.start);
    InputError { message, location: Location { line, column, span } }
}

/// The number of parts at which toml refuses a dotted key (its limit of 80
/// applies to the parts before the last).
const KEY_DEPTH_LIMIT: usize = 81;

/// The first dotted key (in a table header or before `=`) with at least
/// [`KEY_DEPTH_LIMIT`] parts, found in one pass over the tokens.
fn too_deep_key(text: &str) -> Option<Range<usize>> {
    use toml_parser::lexer::TokenKind;
    let mut start: Option<usize> = None;
    let mut parts = 0usize;
    for token in toml_parser::Source::new(text).lex() {
        let span = token.span();
        match token.kind() {
            TokenKind::Atom | TokenKind::BasicString | TokenKind::LiteralString => {
                start.get_or_insert(span.start());
                if parts == 0 {
                    parts = 1;
                }
            }
            TokenKind::Dot if start.is_some() => {
                parts += 1;
                if parts >= KEY_DEPTH_LIMIT {
                    return start.map(|s| s..span.end());
                }
            }
            TokenKind::Whitespace => {}
            _ => {
                start = None;
                parts = 0;
            }
        }
    }
    None
}

/// serde reports an invalid element of an array at the whole array. Our value
/// errors quote the offending text in backticks; point at that element instead.
fn narrow(text: &str, span: Range<usize>, message: &str) -> Range<usize> {
    let quoted = message.split('`').nth(1).filter(|q| !q.is_empty());
    let (Some(quoted), Some(within)) = (quoted, text.get(span.clone())) else { return span };
    for delimiter in ['"', '\''] {
        let needle = format!("{delimiter}{quoted}{delimiter}");
        if let Some(at) = within.find(&needle) {
            return span.start + at..span.start + at + needle.len();
        }
    }
    span
}

/// Checks what serde cannot: the schema version, unique ids, and that every
/// reference names something that exists.
fn validate(m: &Manifest) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    if m.manifest != 1 {
        problems.push((
            "manifest".to_string(),
            format!("unsupported manifest schema version {}: this juris reads version 1", m.manifest),
        ));
    }
    fn unique<'a>(problems: &mut Vec<(String, String)>, table: &str, ids: impl ExactSizeIterator<Item = &'a str>) {
        // Sized once: growing a set of 100,000 ids rehashed it seventeen times.
        let mut seen = HashSet::with_capacity(ids.len());
        for (i, id) in ids.enumerate() {
            if !seen.insert(id) {
                problems.push((format!("{table}[{i}].id"), format!("duplicate {table} id `{id}`")));
            }
        }
    }
    unique(&mut problems, "entities", m.entities.iter().map(|e| e.id.as_str()));
    unique(&mut problems, "systems", m.systems.iter().map(|e| e.id.as_str()));
    unique(&mut problems, "activities", m.activities.iter().map(|e| e.id.as_str()));
    unique(&mut problems, "recipients", m.recipients.iter().map(|e| e.id.as_str()));
    let systems: HashSet<&str> = m.systems.iter().map(|s| s.id.as_str()).collect();
    let recipients: HashSet<&str> = m.recipients.iter().map(|r| r.id.as_str()).collect();
    for (i, a) in m.activities.iter().enumerate() {
        for (k, s) in a.systems.iter().enumerate() {
            if !systems.contains(s.as_str()) {
                problems.push((
                    format!("activities[{i}].systems[{k}]"),
                    format!("activity `{}` names system `{s}`, which no [[systems]] entry defines", a.id),
                ));
            }
        }
        for (k, r) in a.recipients.iter().enumerate() {
            if !recipients.contains(r.as_str()) {
                problems.push((
                    format!("activities[{i}].recipients[{k}]"),
                    format!("activity `{}` names recipient `{r}`, which no [[recipients]] entry defines", a.id),
                ));
            }
        }
    }
    for (i, s) in m.systems.iter().enumerate() {
        for (j, primary) in &s.replica_of {
            if !systems.contains(primary.as_str()) {
                problems.push((
                    format!("systems[{i}].replica_of.{j}"),
                    format!("system `{}` is a replica of `{primary}`, which no [[systems]] entry defines", s.id),
                ));
            }
        }
    }
    problems
}

/// Byte offsets of line starts, to turn offsets into lines and columns; 32-bit,
/// as manifests are smaller than 4 GiB (a larger text is indexed up to there).
struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let newlines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
        let mut starts = Vec::with_capacity(newlines + 1);
        starts.push(0);
        let ends = memchr::memchr_iter(b'\n', text.as_bytes()).map_while(|i| u32::try_from(i + 1).ok());
        starts.extend(ends);
        LineIndex { starts }
    }

    fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s as usize <= offset).max(1);
        let start = self.starts[line - 1] as usize;
        let column = text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }
}

/// The TOML syntax tree of a manifest, kept to locate manifest paths.
pub struct SourceIndex<'a> {
    text: &'a str,
    root: Option<Tree<'a>>,
    lines: LineIndex,
}

impl<'a> SourceIndex<'a> {
    /// Indexes `text`. Text that is not valid TOML yields an index that locates
    /// everything at line 1.
    pub fn new(text: &'a str) -> Self {
        let root = Tree::parse(text).or_else(|| DeTable::parse(text).ok().map(|root| Tree::from_toml(root.get_ref())));
        SourceIndex { text, root, lines: LineIndex::new(text) }
    }

    /// The location of `path`: the value it names, or, when it names something
    /// absent, the nearest enclosing table or array that is present; when its
    /// whole top-level table is absent, the `[organization]` table (line 1
    /// only when there is none).
    pub fn locate(&self, path: &str) -> Location {
        let span = self.span_of(path).unwrap_or(0..0);
        let (line, column) = self.lines.line_column(self.text, span.start);
        Location { line, column, span }
    }

    /// Whether `path` names something in the file (a value, or, for
    /// something missing, a table or array that is there, or `[organization]`
    /// for a top-level table that is absent), rather than falling back to
    /// line 1.
    pub fn resolves(&self, path: &str) -> bool {
        self.span_of(path).is_some()
    }

    fn span_of(&self, path: &str) -> Option<Range<usize>> {
        let root = &self.root.as_ref()?.root;
        let path = ManifestPath::parse(path)?;
        let mut best: Option<Range<usize>> = None;
        // Something missing whose whole table is absent belongs to the
        // organisation: point at `[organization]`, the one table every
        // manifest has, rather than at line 1.
        if let Some(Segment::Key(first)) = path.0.first()
            && root.get(first).is_none()
        {
            return root.get("organization").map(|entry| entry.key_span.range());
        }
        let mut value = None::<&Value<'a>>;
        for segment in &path.0 {
            let item = match (segment, value) {
                (Segment::Key(k), None) => root.get(k).map(|entry| (entry, &entry.value)),
                (Segment::Key(k), Some(Value::Table(t))) => t.get(k).map(|entry| (entry, &entry.value)),
                (Segment::Index(i), Some(Value::Array(array))) => {
                    let Some(item) = array.items.get(*i) else { break };
                    best = Some(item.span.range());
                    value = Some(&item.value);
                    continue;
                }
                _ => None,
            };
            let Some((entry, item)) = item else { break };
            // A table header's value span covers the whole table; the
            // key is a better place to point at for missing children.
            best = Some(if matches!(item.value, Value::Table(_)) { entry.key_span.range() } else { item.span.range() });
            value = Some(&item.value);
        }
        best.map(|span| self.trim_to_line(span))
    }

    /// An array of tables spans every table; point at the first line only.
    fn trim_to_line(&self, span: Range<usize>) -> Range<usize> {
        let text = &self.text[span.clone()];
        match text.find('\n') {
            Some(n) => span.start..span.start + text[..n].trim_end().len(),
            None => span,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "manifest = 1\n[organization]\nname = \"Acme\"\nmarkets = [\"DE\", \"US-CA\"]\n";

    #[test]
    fn minimal_manifest_loads() {
        let parsed = parse(MINIMAL).unwrap();
        assert_eq!(parsed.manifest.organization.markets.len(), 2);
    }

    #[test]
    fn unknown_field_is_located() {
        let text = "manifest = 1\n[organization]\nname = \"Acme\"\nmarkts = []\n";
        let errors = parse(text).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("unknown field `markts`"), "{}", errors[0].message);
        assert_eq!((errors[0].location.line, errors[0].location.column), (4, 1));
    }

    #[test]
    fn unknown_jurisdiction_is_located_with_a_suggestion() {
        let text = "manifest = 1\n[organization]\nname = \"Acme\"\nmarkets = [\"DE\", \"UK\"]\n";
        let errors = parse(text).unwrap_err();
        assert!(errors[0].message.contains("did you mean `GB`"), "{}", errors[0].message);
        assert_eq!((errors[0].location.line, errors[0].location.column), (4, 18));
    }

    #[test]
    fn wrong_type_and_syntax_errors_are_located() {
        let errors = parse("manifest = \"one\"\n").unwrap_err();
        assert_eq!(errors[0].location.line, 1);
        let errors = parse("manifest = 1\n[organization\n").unwrap_err();
        assert_eq!(errors[0].location.line, 2);
    }

    #[test]
    fn dangling_reference_is_located() {
        let text = format!(
            "{MINIMAL}[[activities]]\nid = \"a\"\nname = \"A\"\nuses = []\ndata_categories = []\ndata_subjects = []\nsystems = [\"nope\"]\n"
        );
        let errors = parse(&text).unwrap_err();
        assert!(errors[0].message.contains("system `nope`"));
        assert_eq!((errors[0].location.line, errors[0].location.column), (11, 12));
    }

    #[test]
    fn every_structural_problem_is_reported_at_once() {
        let text = "manifest = 1\n[organization]\nname = \"Acme\"\nmarkets = [\"DE\", \"UK\", \"USA\"]\nemployes = 3\n\n[[activities]]\nid = \"a\"\nname = \"A\"\nuse = []\ndata_categories = [\"user.contact.emial\"]\ndata_subjects = []\nsells_or_shares = \"yes\"\n\n[consent]\ndefault = { mode = \"opt-in\" }\nUS-CX = { mode = \"opt-out\" }\n";
        let errors = parse(text).unwrap_err();
        let shown: Vec<String> =
            errors.iter().map(|e| format!("{}:{} {}", e.location.line, e.location.column, e.message)).collect();
        let has = |needle: &str| shown.iter().any(|s| s.contains(needle));
        assert!(has("4:18 unknown jurisdiction `UK`"), "{shown:#?}");
        assert!(has("did you mean `GB`"), "{shown:#?}");
        assert!(has("4:24 unknown jurisdiction `USA`") && has("did you mean `US`"), "{shown:#?}");
        assert!(has("5:1 unknown field `employes`") && has("did you mean `employees`"), "{shown:#?}");
        assert!(has("10:1 unknown field `use`") && has("did you mean `uses`"), "{shown:#?}");
        assert!(has("missing field `uses`"), "{shown:#?}");
        assert!(has("11:20") && has("user.contact.emial"), "{shown:#?}");
        assert!(has("13:19 invalid type: a string, expected a boolean"), "{shown:#?}");
        assert!(has("17:1 unknown jurisdiction `US-CX`"), "{shown:#?}");
        assert_eq!(errors.len(), 8, "{shown:#?}");
    }

    #[test]
    fn paths_locate_values_and_fall_back_to_tables() {
        let index = SourceIndex::new(MINIMAL);
        assert_eq!(index.locate("organization.markets[1]").line, 4);
        assert_eq!(index.locate("organization.markets[1]").column, 18);
        // Missing key: the enclosing table's header.
        assert_eq!(index.locate("organization.established").line, 2);
        // Missing table: the organisation's table.
        assert_eq!(index.locate("notices.last_updated").line, 2);
    }
}
