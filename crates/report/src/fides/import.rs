//! Fides resources → a juris manifest.
//!
//! The output is TOML text rather than a [`Manifest`] value because most of
//! the work is in what the model cannot hold: comments that say where each
//! fact came from (file and line), which fideslang 1.x keys were translated,
//! and `TODO` where Fides records nothing that juris needs (markets, where
//! systems store data, whose data they hold) or where a value could not be
//! mapped. The text is parsed back with `juris_core::manifest::parse` before
//! it is returned, so an import never yields a manifest juris cannot load.
//!
//! [`Manifest`]: juris_core::Manifest

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::{self, Write};
use std::path::{Path, PathBuf};

use juris_core::Jurisdiction;
use juris_core::manifest::IsoDuration;

use super::keys::{self, Kind, Translated};
use super::yaml::{self, Node, Value};

/// A problem that stops the import, located in its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The file, as given.
    pub file: String,
    /// The 1-based line, when known.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// The result of an import.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The manifest, as TOML text with comments; it parses.
    pub manifest: String,
    /// The files read, in order.
    pub files: Vec<String>,
    /// How many `TODO` comments the manifest has: things to fill in or check.
    pub todos: usize,
    /// Things worth saying on the terminal (files skipped, resources ignored).
    pub notes: Vec<String>,
}

/// The resource types fideslang knows (`model_map`); 1.x and 2.x also had
/// `data_qualifier` and `registry`. Anything else makes fides abort, and so
/// does the import.
const RESOURCE_TYPES: &[&str] = &[
    "organization",
    "system",
    "dataset",
    "policy",
    "data_category",
    "data_use",
    "data_subject",
    "evaluation",
    "data_qualifier",
    "registry",
];

/// Reads one file's text, or says why not. The CLI passes juris's bounded
/// reader, which refuses devices and FIFOs and caps the size, so that a
/// `*.yml` symlinked to `/dev/zero` is an error, not a read without end.
pub type ReadFile<'a> = &'a dyn Fn(&Path) -> Result<String, String>;

/// Imports the fideslang files and directories at `paths` (directories are
/// searched for `*.yml` and `*.yaml` recursively, as fides does), each file
/// read with `read`.
pub fn import_paths(paths: &[PathBuf], read: ReadFile<'_>) -> Result<Imported, Vec<ImportError>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut visited = std::collections::HashSet::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            collect_yaml(path, &mut found, &mut errors, &mut visited, 0);
            found.sort();
            if found.is_empty() {
                errors.push(ImportError {
                    file: path.display().to_string(),
                    line: None,
                    message: "no .yml or .yaml file in this directory".to_string(),
                });
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut sources = Vec::new();
    for file in files {
        match read(&file) {
            Ok(text) => sources.push((file.display().to_string(), text)),
            Err(message) => errors.push(ImportError { file: file.display().to_string(), line: None, message }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    import_sources(&sources)
}

fn collect_yaml(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    errors: &mut Vec<ImportError>,
    visited: &mut std::collections::HashSet<PathBuf>,
    depth: usize,
) {
    // Symbolic links are followed; each real directory is read once, so
    // links back to a parent (two of them would double the walk per level)
    // cost nothing, and the depth bound keeps the walk finite regardless.
    let real = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if depth > 32 || !visited.insert(real) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(ImportError { file: dir.display().to_string(), line: None, message: e.to_string() });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_yaml(&path, out, errors, visited, depth + 1);
        } else if path.extension().is_some_and(|e| e == "yml" || e == "yaml") {
            out.push(path);
        }
    }
}

/// A resource and where it is.
struct Res<'a> {
    file: &'a str,
    node: &'a Node,
}

impl Res<'_> {
    fn at(&self) -> String {
        format!("{}:{}", short_file(self.file), self.node.line)
    }
    fn key(&self) -> Option<String> {
        self.node.str("fides_key")
    }
}

fn short_file(file: &str) -> &str {
    Path::new(file).file_name().and_then(|n| n.to_str()).unwrap_or(file)
}

/// Imports fideslang YAML given as `(name, text)` pairs.
pub fn import_sources(sources: &[(String, String)]) -> Result<Imported, Vec<ImportError>> {
    let mut errors = Vec::new();
    let mut notes = Vec::new();
    let mut documents: Vec<(&str, Node)> = Vec::new();
    for (file, text) in sources {
        match yaml::parse(text) {
            Ok(docs) => documents.extend(docs.into_iter().map(|d| (file.as_str(), d))),
            Err(e) => errors.push(ImportError {
                file: file.clone(),
                line: Some(e.line),
                message: format!("not valid YAML: {} (column {})", e.message, e.column),
            }),
        }
    }
    let mut by_type: BTreeMap<&str, Vec<Res>> = BTreeMap::new();
    for (file, doc) in &documents {
        match &doc.value {
            Value::Map(entries) => {
                for (key, list) in entries {
                    let Some(kind) = RESOURCE_TYPES.iter().find(|t| **t == key) else {
                        errors.push(ImportError {
                            file: file.to_string(),
                            line: Some(list.line.saturating_sub(0).max(doc.line)),
                            message: format!(
                                "`{key}` is not a fideslang resource type (expected one of {})",
                                RESOURCE_TYPES[..8].join(", ")
                            ),
                        });
                        continue;
                    };
                    match &list.value {
                        Value::Seq(items) => {
                            for item in items {
                                if matches!(item.value, Value::Map(_)) {
                                    by_type.entry(kind).or_default().push(Res { file, node: item });
                                } else {
                                    errors.push(ImportError {
                                        file: file.to_string(),
                                        line: Some(item.line),
                                        message: format!("each `{key}` entry must be a mapping with a fides_key"),
                                    });
                                }
                            }
                        }
                        Value::Null => {}
                        _ => errors.push(ImportError {
                            file: file.to_string(),
                            line: Some(list.line),
                            message: format!("`{key}` must be a list of resources"),
                        }),
                    }
                }
            }
            Value::Null => {}
            // fides skips such a file with a warning; so does the import.
            _ => notes.push(format!("{}: skipped, its YAML is not a mapping of resource types", file)),
        }
    }
    let empty = Vec::new();
    let systems = by_type.get("system").unwrap_or(&empty);
    for (kind, list) in &by_type {
        for r in list {
            if r.key().is_none() && *kind != "evaluation" {
                errors.push(ImportError {
                    file: r.file.to_string(),
                    line: Some(r.node.line),
                    message: format!("this {kind} has no fides_key"),
                });
            }
        }
    }
    for s in systems {
        match s.node.get("privacy_declarations").map(|n| &n.value) {
            Some(Value::Seq(_)) => {}
            Some(_) => errors.push(ImportError {
                file: s.file.to_string(),
                line: s.node.get("privacy_declarations").map(|n| n.line),
                message: "privacy_declarations must be a list".to_string(),
            }),
            None => errors.push(ImportError {
                file: s.file.to_string(),
                line: Some(s.node.line),
                message: format!(
                    "system `{}` has no privacy_declarations (fideslang requires the list, even if empty)",
                    s.key().unwrap_or_default()
                ),
            }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if by_type.get("organization").is_none_or(Vec::is_empty) && systems.is_empty() {
        return Err(vec![ImportError {
            file: sources.first().map_or_else(String::new, |s| s.0.clone()),
            line: None,
            message: "no organization and no system: nothing to import".to_string(),
        }]);
    }

    let mut w = Writer::default();
    let files: Vec<String> = sources.iter().map(|s| s.0.clone()).collect();
    let ctx = Context::new(&by_type);
    ctx.write(&mut w, &files);
    let manifest = w.out;
    // The promise: what the import writes, juris loads.
    if let Err(problems) = juris_core::manifest::parse(&manifest) {
        return Err(problems
            .into_iter()
            .map(|p| ImportError {
                file: "(imported manifest)".to_string(),
                line: Some(p.location.line),
                message: format!(
                    "internal error, please report: the import wrote a manifest juris cannot read: {}",
                    p.message
                ),
            })
            .collect());
    }
    let todos = manifest.matches("TODO:").count();
    Ok(Imported { manifest, files, todos, notes })
}

/// The TOML being written: values through [`string`] and [`strings`],
/// comments through [`Writer::comment`], so nothing from the YAML can
/// change the TOML's structure.
#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn blank(&mut self) {
        if !self.out.ends_with("\n\n") && !self.out.is_empty() {
            self.out.push('\n');
        }
    }

    /// A comment line; control characters (a newline above all) become spaces.
    fn comment(&mut self, text: &str) {
        let _ = writeln!(self.out, "# {}", comment_text(text));
    }

    /// `key = value`, with an optional trailing comment.
    fn kv(&mut self, key: &str, value: &str, note: Option<&str>) {
        match note {
            Some(n) => {
                let _ = writeln!(self.out, "{key} = {value}  # {}", comment_text(n));
            }
            None => {
                let _ = writeln!(self.out, "{key} = {value}");
            }
        }
    }
}

fn comment_text(text: &str) -> String {
    let cleaned: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if cleaned.chars().count() > 400 {
        let mut s: String = cleaned.chars().take(399).collect();
        s.push('…');
        s
    } else {
        cleaned
    }
}

/// A TOML basic string.
pub(crate) fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn strings(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|s| string(s)).collect::<Vec<_>>().join(", "))
}

/// A slug for ids: lower-case letters, digits, `-`, `_` and `.`.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    let out: String = out.chars().take(60).collect();
    if out.is_empty() { "x".to_string() } else { out }
}

/// A unique id from `base` among `taken`.
fn unique(base: String, taken: &mut HashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// An ISO 3166-1 alpha-3 code (`third_country_transfers`) or a country's
/// name (the last part of an address) as a juris country.
fn country_of(text: &str) -> Option<Jurisdiction> {
    let t = text.trim().trim_end_matches('.');
    let found = if t.len() == 3 && t.chars().all(|c| c.is_ascii_alphabetic()) {
        celes::Country::from_alpha3(t.to_ascii_uppercase()).ok()
    } else {
        None
    };
    let found = found.or_else(|| celes::Country::from_name(t).ok()).or_else(|| celes::Country::from_alias(t).ok());
    let code = match found {
        Some(c) => c.alpha2.to_string(),
        // An alpha-2 code as such, in upper case.
        None if t.len() == 2 && t.chars().all(|c| c.is_ascii_uppercase()) => t.to_string(),
        None => return None,
    };
    code.parse::<Jurisdiction>().ok().filter(|j| matches!(j, Jurisdiction::Country(_)))
}

/// Fides's `legal_basis_for_processing` (1.4.4+) and the 1.x `data_use`
/// `legal_basis`, as juris's basis.
fn legal_basis(text: &str) -> Option<&'static str> {
    match text.trim().to_ascii_lowercase().as_str() {
        "consent" => Some("consent"),
        "contract" => Some("contract"),
        "legal obligations" | "legal obligation" => Some("legal_obligation"),
        "vital interests" | "vital interest" => Some("vital_interests"),
        "public interest" => Some("public_task"),
        "legitimate interests" | "legitimate interest" => Some("legitimate_interests"),
        _ => None,
    }
}

/// Fides's `special_category_legal_basis` as the GDPR Art. 9(2) condition
/// names juris's eea-uk module reads.
fn special_condition(text: &str) -> Option<&'static str> {
    let t = text.trim().to_ascii_lowercase();
    let table = [
        ("explicit consent", "explicit_consent"),
        ("employment", "employment_social_security"),
        ("vital interests", "vital_interests"),
        ("not-for-profit", "not_for_profit"),
        ("made public", "manifestly_made_public"),
        ("legal claims", "legal_claims"),
        ("substantial public interest", "substantial_public_interest"),
        ("health or social care", "health_or_social_care"),
        ("public health", "public_health"),
        ("archiving", "archiving_research_statistics"),
    ];
    table.iter().find(|(prefix, _)| t.starts_with(prefix) || t.contains(prefix)).map(|(_, v)| *v)
}

/// `legal_basis_for_transfers` values as juris's mechanism.
fn transfer_mechanism(text: &str) -> Option<&'static str> {
    let t = text.trim().to_ascii_lowercase();
    if t.starts_with("adequacy") {
        Some("adequacy")
    } else if t == "sccs" || t.starts_with("standard contractual") {
        Some("scc")
    } else if t == "bcrs" || t.starts_with("binding corporate") {
        Some("bcr")
    } else {
        None
    }
}

/// A retention period in Fides's free text: a number of days (what the fides
/// admin UI asks for), or "N days/weeks/months/years".
fn retention(text: &str) -> Option<IsoDuration> {
    let t = text.trim().to_ascii_lowercase();
    if let Ok(days) = t.parse::<u32>() {
        return IsoDuration::parse(&format!("P{days}D")).ok();
    }
    if t.starts_with('p') {
        return IsoDuration::parse(&t.to_ascii_uppercase()).ok();
    }
    let mut words = t.split_whitespace();
    let n: u32 = words.next()?.parse().ok()?;
    let unit = match words.next()?.trim_end_matches('s') {
        "day" => 'D',
        "week" => 'W',
        "month" => 'M',
        "year" => 'Y',
        _ => return None,
    };
    if words.next().is_some() {
        return None;
    }
    IsoDuration::parse(&format!("P{n}{unit}")).ok()
}

/// Where a declaration's cookie is read for: juris's cookie purposes from
/// the data use.
fn cookie_purpose(data_use: &str) -> Option<&'static str> {
    let top = data_use.split('.').next().unwrap_or("");
    match top {
        "essential" => Some("strictly_necessary"),
        "functional" => Some("functional"),
        "analytics" => Some("analytics"),
        "marketing" | "personalize" => Some("advertising"),
        _ => None,
    }
}

/// Fields of a system or declaration that fideslang has and the manifest has
/// no place for: kept as comments, by name.
const SYSTEM_NOTES: &[&str] = &[
    "description",
    "system_type",
    "administrating_department",
    "responsibility",
    "data_responsibility_title",
    "legal_name",
    "legal_address",
    "privacy_policy",
    "data_security_practices",
    "dpa_location",
    "dpa_progress",
    "uses_profiling",
    "legal_basis_for_profiling",
    "requires_data_protection_assessments",
    "exempt_from_privacy_regulations",
    "reason_for_exemption",
    "processes_personal_data",
    "legitimate_interest_disclosure_url",
    "vendor_id",
    "previous_vendor_id",
    "registry_id",
    "system_dependencies",
    "joint_controller",
    "joint_controller_info",
    "dpo",
];

const DECLARATION_NOTES: &[&str] = &["features", "shared_categories", "flexible_legal_basis_for_processing"];

/// Every field the import reads or notes, so that the rest can be reported as
/// ignored (as fideslang ignores them).
const SYSTEM_READ: &[&str] = &[
    "fides_key",
    "name",
    "organization_fides_key",
    "tags",
    "meta",
    "fidesctl_meta",
    "privacy_declarations",
    "egress",
    "ingress",
    "third_country_transfers",
    "does_international_transfers",
    "legal_basis_for_transfers",
    "data_protection_impact_assessment",
    "cookies",
    "cookie_max_age_seconds",
    "uses_cookies",
    "cookie_refresh",
    "uses_non_cookie_access",
    "dataset_references",
    "vendor_deleted_date",
];

const DECLARATION_READ: &[&str] = &[
    "name",
    "data_categories",
    "data_use",
    "data_subjects",
    "data_qualifier",
    "dataset_references",
    "egress",
    "ingress",
    "cookies",
    "legal_basis_for_processing",
    "impact_assessment_location",
    "retention_period",
    "processes_special_category_data",
    "special_category_legal_basis",
    "data_shared_with_third_parties",
    "third_parties",
];

struct Context<'a> {
    orgs: &'a [Res<'a>],
    systems: &'a [Res<'a>],
    datasets: &'a [Res<'a>],
    policies: &'a [Res<'a>],
    /// `parent_key` of custom taxonomy keys, by kind and key.
    parents: HashMap<(u8, String), String>,
    /// 1.x: the legal basis recorded on a data use resource.
    use_basis: HashMap<String, (String, String)>,
    /// 1.x: a legitimate-interest assessment recorded on a data use.
    use_lia: HashMap<String, String>,
    data_qualifiers: usize,
    registries: usize,
}

fn kind_id(kind: Kind) -> u8 {
    match kind {
        Kind::Category => 0,
        Kind::Use => 1,
        Kind::Subject => 2,
    }
}

impl<'a> Context<'a> {
    fn new(by_type: &'a BTreeMap<&str, Vec<Res<'a>>>) -> Self {
        let get = |k: &str| by_type.get(k).map_or(&[][..], Vec::as_slice);
        let mut parents = HashMap::new();
        for (name, kind) in
            [("data_category", Kind::Category), ("data_use", Kind::Use), ("data_subject", Kind::Subject)]
        {
            for r in get(name) {
                if let (Some(key), Some(parent)) = (r.key(), r.node.str("parent_key")) {
                    parents.insert((kind_id(kind), key), parent);
                }
            }
        }
        let mut use_basis = HashMap::new();
        let mut use_lia = HashMap::new();
        for r in get("data_use") {
            let Some(key) = r.key() else { continue };
            if let Some(basis) = r.node.str("legal_basis") {
                use_basis.insert(key.clone(), (basis, r.at()));
            }
            if let Some(lia) = r.node.str("legitimate_interest_impact_assessment") {
                use_lia.insert(key, lia);
            }
        }
        Context {
            orgs: get("organization"),
            systems: get("system"),
            datasets: get("dataset"),
            policies: get("policy"),
            parents,
            use_basis,
            use_lia,
            data_qualifiers: get("data_qualifier").len(),
            registries: get("registry").len(),
        }
    }

    /// Translates a taxonomy key, writing what was done as a comment; `None`
    /// (with a TODO) when nothing fits.
    fn key(&self, w: &mut Writer, kind: Kind, key: &str, at: &str) -> Option<String> {
        let parents = |k: &str| self.parents.get(&(kind_id(kind), k.to_string())).cloned();
        match keys::translate(kind, key, &parents) {
            Translated::Same(k) => Some(k),
            Translated::Renamed(k, versions) => {
                w.comment(&format!(
                    "fideslang {} `{key}` ({at}) is `{k}` since fideslang {}",
                    kind.name(),
                    versions.join(", then ")
                ));
                Some(k)
            }
            Translated::Ancestor(k) => {
                w.comment(&format!(
                    "TODO: fideslang {} `{key}` ({at}) is not in juris's taxonomy; recorded as its nearest known ancestor `{k}`",
                    kind.name()
                ));
                Some(k)
            }
            Translated::Unknown => {
                w.comment(&format!(
                    "TODO: fideslang {} `{key}` ({at}) is not in juris's taxonomy and has no known parent; left out",
                    kind.name()
                ));
                None
            }
        }
    }

    fn write(&self, w: &mut Writer, files: &[String]) {
        w.comment("Imported from Fides (fideslang) resources by `juris import fides`:");
        for f in files {
            w.comment(&format!("  {f}"));
        }
        w.comment("Every fact with a place in the manifest is kept, with the file and line it came from.");
        w.comment("TODO marks what Fides does not record and juris needs, or what could not be mapped:");
        w.comment("fill those in, then run `juris check`.");
        w.blank();
        w.line("manifest = 1");
        w.blank();
        self.organization(w);
        self.contacts(w);
        let mut activities = Writer::default();
        let mut cookies = Writer::default();
        let mut recipients = Writer::default();
        let mut transfers: BTreeMap<String, String> = BTreeMap::new();
        // Sets, so that an import of thousands of systems stays linear.
        let mut taken_activities = HashSet::new();
        let mut taken_systems: HashSet<String> = HashSet::new();
        let system_keys: HashSet<String> = self.systems.iter().filter_map(Res::key).collect();
        for s in self.systems {
            let Some(key) = s.key() else { continue };
            if taken_systems.contains(&key) {
                w.comment(&format!(
                    "TODO: a second system `{key}` ({}) was left out: fides_key must be unique",
                    s.at()
                ));
                w.blank();
                continue;
            }
            taken_systems.insert(key.clone());
            self.system(w, s, &key, &mut transfers);
            let declarations = s.node.get("privacy_declarations").map(Node::items).unwrap_or_default();
            for (n, d) in declarations.iter().enumerate() {
                let r = Res { file: s.file, node: d };
                self.activity(
                    &mut activities,
                    &mut cookies,
                    &mut recipients,
                    s,
                    &r,
                    n,
                    &system_keys,
                    &mut taken_activities,
                );
            }
        }
        w.out.push_str(&activities.out);
        w.out.push_str(&cookies.out);
        w.out.push_str(&recipients.out);
        for d in self.datasets {
            self.dataset_note(w, d);
        }
        if !self.policies.is_empty() {
            w.blank();
            for p in self.policies {
                w.comment(&format!(
                    "Fides policy `{}` ({}) is not imported: juris's modules check the manifest against the law instead.",
                    p.key().unwrap_or_default(),
                    p.at()
                ));
            }
        }
        if self.data_qualifiers + self.registries > 0 {
            w.comment(&format!(
                "{} data_qualifier and {} registry resources (fideslang 1.x/2.x, removed in 3.0) were dropped.",
                self.data_qualifiers, self.registries
            ));
        }
        if !transfers.is_empty() {
            w.blank();
            w.comment("The safeguard for the organisation's own systems abroad, from legal_basis_for_transfers.");
            w.line("[modules.eea-uk]");
            let entries: Vec<String> =
                transfers.iter().map(|(c, m)| format!("{} = {}", string(c), string(m))).collect();
            w.kv("system_transfers", &format!("{{ {} }}", entries.join(", ")), None);
        }
    }

    fn organization(&self, w: &mut Writer) {
        let org =
            self.orgs.iter().find(|o| o.key().as_deref() == Some("default_organization")).or_else(|| self.orgs.first());
        w.line("[organization]");
        match org {
            Some(o) => {
                w.comment(&format!("From organization `{}` ({}).", o.key().unwrap_or_default(), o.at()));
                let name = o.node.str("name").or_else(|| o.key()).unwrap_or_default();
                w.kv("name", &string(&name), None);
                if let Some(d) = o.node.str("description") {
                    w.comment(&format!("description: {d}"));
                }
                if let Some(p) = o.node.str("security_policy") {
                    w.kv(
                        "security_measures",
                        &string(&p),
                        Some("from security_policy: the record of processing cites it"),
                    );
                }
            }
            None => {
                w.kv(
                    "name",
                    &string("TODO"),
                    Some("TODO: the organisation's name (no organization resource was given)"),
                );
            }
        }
        let guess = org
            .and_then(|o| o.node.get("controller"))
            .and_then(|c| c.str("address"))
            .and_then(|a| a.rsplit(',').next().and_then(country_of));
        match guess {
            Some(c) => w.kv(
                "established",
                &strings(&[c.to_string()]),
                Some("from the controller's address; TODO: check, and add every country with an establishment"),
            ),
            None => w.kv("established", "[]", Some("TODO: countries where the organisation has an establishment")),
        }
        w.kv(
            "markets",
            "[]",
            Some("TODO: where it offers goods or services or monitors people (Fides does not record markets)"),
        );
        for o in self.orgs.iter().filter(|o| org.is_some_and(|chosen| !std::ptr::eq(*o, chosen))) {
            w.comment(&format!(
                "TODO: organization `{}` ({}) is another organisation; a manifest describes one",
                o.key().unwrap_or_default(),
                o.at()
            ));
        }
        w.blank();
    }

    fn contacts(&self, w: &mut Writer) {
        let Some(org) =
            self.orgs.iter().find(|o| o.key().as_deref() == Some("default_organization")).or_else(|| self.orgs.first())
        else {
            return;
        };
        for (field, role, what) in [
            ("controller", "privacy", "the controller's contact"),
            ("data_protection_officer", "dpo", "the data protection officer"),
            ("representative", "representative", "the representative"),
        ] {
            let Some(c) = org.node.get(field) else { continue };
            let name = c.str("name");
            let email = c.str("email");
            let Some(name) = name.clone().or_else(|| email.clone()) else { continue };
            w.line("[[contacts]]");
            w.comment(&format!("{what}: organization.{field} ({}:{})", short_file(org.file), c.line));
            w.kv("role", &string(role), None);
            w.kv("for", &strings(&["*".to_string()]), Some("TODO: the places this contact acts for"));
            w.kv("name", &string(&name), None);
            if let Some(e) = email {
                w.kv("email", &string(&e), None);
            }
            if let Some(p) = c.str("phone") {
                w.kv("phone", &string(&p), None);
            }
            if let Some(address) = c.str("address") {
                match address.rsplit(',').next().and_then(country_of) {
                    Some(country) => {
                        w.kv("country", &string(&country.to_string()), Some(&format!("from the address: {address}")))
                    }
                    None => w.comment(&format!("address: {address}")),
                }
            }
            w.blank();
        }
    }

    fn system(&self, w: &mut Writer, s: &Res, key: &str, transfers: &mut BTreeMap<String, String>) {
        w.line("[[systems]]");
        w.comment(&format!("From system `{key}` ({}).", s.at()));
        w.kv("id", &string(key), None);
        w.kv("name", &string(&s.node.str("name").unwrap_or_else(|| key.to_string())), None);
        for field in SYSTEM_NOTES {
            if let Some(v) = s.node.get(field) {
                let text = flat(v);
                if !text.is_empty() {
                    w.comment(&format!("{field}: {text}"));
                }
            }
        }
        let mut locations: Vec<String> = Vec::new();
        for (code, line) in s.node.strings("third_country_transfers") {
            match country_of(&code) {
                Some(c) if !locations.contains(&c.to_string()) => locations.push(c.to_string()),
                Some(_) => {}
                None => w.comment(&format!(
                    "TODO: third_country_transfers `{code}` ({}:{line}) is not an ISO 3166-1 alpha-3 code",
                    short_file(s.file)
                )),
            }
        }
        if locations.is_empty() {
            w.kv("locations", "[]", Some("TODO: where the data is physically stored (Fides does not record it)"));
        } else {
            w.kv(
                "locations",
                &strings(&locations),
                Some("from third_country_transfers; TODO: add where else the data is stored"),
            );
        }
        w.kv("holds", "[]", Some("TODO: whose data it holds, e.g. [\"*\"] or [\"EEA\", \"GB\"]"));
        let bases = s.node.strings("legal_basis_for_transfers");
        if s.node.bool("does_international_transfers") == Some(true) || !bases.is_empty() {
            let mechanisms: Vec<&str> = bases.iter().filter_map(|(b, _)| transfer_mechanism(b)).collect();
            let abroad: Vec<&String> = locations
                .iter()
                .filter(|l| l.parse::<Jurisdiction>().is_ok_and(|j| !juris_core::jurisdiction::EEA.covers(&j)))
                .collect();
            match (mechanisms.first(), abroad.is_empty()) {
                (Some(m), false) => {
                    for l in abroad {
                        transfers.entry(l.clone()).or_insert_with(|| m.to_string());
                    }
                }
                _ => w.comment(&format!(
                    "TODO: the system transfers data internationally (legal_basis_for_transfers: {}); record the countries in `locations` and the safeguard in [modules.eea-uk] system_transfers",
                    if bases.is_empty() { "none".to_string() } else { bases.iter().map(|b| b.0.clone()).collect::<Vec<_>>().join(", ") }
                )),
            }
        }
        let known: Vec<&str> = SYSTEM_READ.iter().chain(SYSTEM_NOTES).copied().collect();
        for (field, v) in s.node.entries() {
            if !known.contains(&field.as_str()) {
                w.comment(&format!(
                    "{field} ({}:{}) ignored: fideslang has no such system field",
                    short_file(s.file),
                    v.line
                ));
            }
        }
        w.blank();
    }

    #[allow(clippy::too_many_arguments)]
    fn activity(
        &self,
        w: &mut Writer,
        cookies: &mut Writer,
        recipients: &mut Writer,
        system: &Res,
        d: &Res,
        n: usize,
        system_keys: &HashSet<String>,
        taken: &mut HashSet<String>,
    ) {
        let system_key = system.key().unwrap_or_default();
        let system_name = system.node.str("name").unwrap_or_else(|| system_key.clone());
        let data_use = d.node.str("data_use");
        let name = d.node.str("name");
        let base =
            format!("{}.{}", slug(&system_key), slug(name.as_deref().or(data_use.as_deref()).unwrap_or("declaration")));
        let id = unique(base, taken);
        // The keys first: their comments go above the activity's table.
        let mut head = Writer::default();
        let mut uses = Vec::new();
        match &data_use {
            Some(u) => {
                if let Some(k) = self.key(&mut head, Kind::Use, u, &d.at()) {
                    uses.push(k);
                }
            }
            None => {
                head.comment(&format!("TODO: declaration {} of `{system_key}` ({}) has no data_use", n + 1, d.at()))
            }
        }
        let mut categories = Vec::new();
        for (c, line) in d.node.strings("data_categories") {
            let at = format!("{}:{line}", short_file(d.file));
            if let Some(k) = self.key(&mut head, Kind::Category, &c, &at)
                && !categories.contains(&k)
            {
                categories.push(k);
            }
        }
        let mut subjects = Vec::new();
        for (c, line) in d.node.strings("data_subjects") {
            let at = format!("{}:{line}", short_file(d.file));
            if let Some(k) = self.key(&mut head, Kind::Subject, &c, &at)
                && !subjects.contains(&k)
            {
                subjects.push(k);
            }
        }
        w.out.push_str(&head.out);
        w.line("[[activities]]");
        w.comment(&format!("From privacy declaration {} of system `{system_key}` ({}).", n + 1, d.at()));
        w.kv("id", &string(&id), None);
        let title = name.clone().unwrap_or_else(|| format!("{system_name}: {}", data_use.clone().unwrap_or_default()));
        w.kv("name", &string(&title), None);
        w.kv("uses", &strings(&uses), None);
        if categories.is_empty() {
            w.kv("data_categories", "[]", Some("TODO: no data category could be mapped"));
        } else {
            w.kv("data_categories", &strings(&categories), None);
        }
        if subjects.is_empty() {
            w.kv("data_subjects", "[]", Some("TODO: whose data (Fides records no data subject here)"));
        } else {
            w.kv("data_subjects", &strings(&subjects), None);
        }
        // The legal basis: the declaration's (1.4.4+), else the 1.x data use's.
        let basis = d.node.str("legal_basis_for_processing");
        let from_use = data_use.as_ref().and_then(|u| self.use_basis.get(u));
        match (basis.as_deref(), from_use) {
            (Some(b), _) => match legal_basis(b) {
                Some(j) => w.kv("legal_basis", &string(j), None),
                None => w.comment(&format!("TODO: legal_basis_for_processing `{b}` is not a fideslang value juris knows")),
            },
            (None, Some((b, at))) => match legal_basis(b) {
                Some(j) => w.kv(
                    "legal_basis",
                    &string(j),
                    Some(&format!("from the fideslang 1.x data_use `{}` ({at})", data_use.clone().unwrap_or_default())),
                ),
                None => w.comment(&format!("TODO: the data use's legal_basis `{b}` ({at}) is not a value juris knows")),
            },
            (None, None) => w.comment("TODO: legal_basis (consent, contract, legal_obligation, vital_interests, public_task or legitimate_interests): Fides records none here"),
        }
        if let Some(lia) = data_use.as_ref().and_then(|u| self.use_lia.get(u)) {
            w.kv("legitimate_interest_assessment", &string(lia), Some("from the fideslang 1.x data_use"));
        }
        if let Some(s) = d.node.str("special_category_legal_basis") {
            match special_condition(&s) {
                Some(c) => w.kv("special_category_condition", &string(c), Some(&format!("Fides: {s}"))),
                None => w.comment(&format!("TODO: special_category_legal_basis `{s}` could not be mapped")),
            }
        } else if d.node.bool("processes_special_category_data") == Some(true) {
            w.comment("TODO: special_category_condition: Fides says the declaration processes special-category data, without a basis");
        }

        // Systems: this one, and those its data flows to or from.
        let mut systems = vec![system_key.clone()];
        let mut notes = Vec::new();
        let flows = |node: &Node, dir: &str| -> Vec<(String, String)> {
            node.get(dir)
                .map(Node::items)
                .unwrap_or_default()
                .iter()
                .filter_map(|f| Some((f.str("fides_key")?, f.str("type").unwrap_or_default())))
                .collect()
        };
        for dir in ["egress", "ingress"] {
            let declared = d.node.strings(dir);
            let system_flows = flows(system.node, dir);
            let chosen: Vec<(String, String)> = if declared.is_empty() {
                system_flows
            } else {
                declared
                    .into_iter()
                    .map(|(k, _)| {
                        let kind = system_flows.iter().find(|f| f.0 == k).map(|f| f.1.clone()).unwrap_or_default();
                        (k, kind)
                    })
                    .collect()
            };
            for (target, kind) in chosen {
                if kind == "user" || target == "user" {
                    continue;
                }
                if system_keys.contains(&target) {
                    if !systems.contains(&target) {
                        notes.push(format!("`{target}` from {dir}"));
                        systems.push(target);
                    }
                } else {
                    notes.push(format!("{dir} {kind} `{target}` (not a system of these resources)"));
                }
            }
        }
        let note = (!notes.is_empty()).then(|| notes.join("; "));
        w.kv("systems", &strings(&systems), note.as_deref());

        if let Some(r) = d.node.str("retention_period") {
            match retention(&r) {
                Some(p) => w.kv(
                    "retention",
                    &format!("{{ period = {}, from = {} }}", string(p.as_str()), string("collection")),
                    Some(&format!("Fides: \"{r}\"; TODO: check the event the period runs from")),
                ),
                None => {
                    w.comment(&format!("TODO: retention: Fides records \"{r}\", which is not a period juris can read"))
                }
            }
        }
        let dpia = d.node.str("impact_assessment_location").or_else(|| {
            system
                .node
                .get("data_protection_impact_assessment")
                .and_then(|a| a.str("link").or_else(|| a.str("progress")))
        });
        if let Some(a) = dpia {
            w.kv("impact_assessment", &string(&a), None);
        }
        if let Some(q) = d.node.str("data_qualifier") {
            w.comment(&format!("data_qualifier `{q}` dropped: fideslang deprecated it in 2.0 and removed it in 3.0"));
        }
        for field in DECLARATION_NOTES {
            if let Some(v) = d.node.get(field) {
                let text = flat(v);
                if !text.is_empty() {
                    w.comment(&format!("{field}: {text}"));
                }
            }
        }
        let refs = d.node.strings("dataset_references");
        if !refs.is_empty() {
            w.comment(&format!(
                "dataset_references: {} (their fields are noted at the end)",
                refs.iter().map(|r| r.0.clone()).collect::<Vec<_>>().join(", ")
            ));
        }
        for (field, v) in d.node.entries() {
            if !DECLARATION_READ.contains(&field.as_str()) && !DECLARATION_NOTES.contains(&field.as_str()) {
                w.comment(&format!(
                    "{field} ({}:{}) ignored: fideslang has no such declaration field",
                    short_file(d.file),
                    v.line
                ));
            }
        }
        w.blank();

        // Third parties: a recipient needs a country, which Fides does not
        // record, so it is written out for the user to complete.
        if d.node.bool("data_shared_with_third_parties") == Some(true) || d.node.str("third_parties").is_some() {
            let who = d.node.str("third_parties").unwrap_or_else(|| "third parties".to_string());
            recipients.comment(&format!(
                "TODO: declaration {} of `{system_key}` ({}) shares data with: {who}.",
                n + 1,
                d.at()
            ));
            let shared = d.node.strings("shared_categories");
            if !shared.is_empty() {
                recipients.comment(&format!(
                    "  shared categories: {}",
                    shared.into_iter().map(|s| s.0).collect::<Vec<_>>().join(", ")
                ));
            }
            recipients.comment(
                "  Record each as a recipient (its country is required), and list it in the activity's `recipients`:",
            );
            recipients.comment("  [[recipients]]");
            recipients.comment(&format!("  id = {}", string(&slug(&who))));
            recipients.comment(&format!("  name = {}", string(&who)));
            recipients.comment("  role = \"third_party\"");
            recipients.comment("  country = \"\"  # where it receives the data");
            recipients.blank();
        }

        // Cookies (fideslang 1.4.2 to 3.0), with the purpose of the data use.
        let system_cookies = system.node.get("cookies").map(Node::items).unwrap_or_default();
        let own = d.node.get("cookies").map(Node::items).unwrap_or_default();
        let list: &[Node] = if own.is_empty() && n == 0 { system_cookies } else { own };
        let max_age = system.node.get("cookie_max_age_seconds").and_then(|v| match v.value {
            Value::Int(i) if i > 0 => Some(i),
            _ => None,
        });
        for c in list {
            let Some(cookie) = c.str("name") else { continue };
            let purpose = uses.first().and_then(|u| cookie_purpose(u));
            cookies.line("[[cookies]]");
            cookies.comment(&format!("From `{system_key}` ({}:{}).", short_file(d.file), c.line));
            cookies.kv("name", &string(&cookie), None);
            cookies.kv("provider", &string(&c.str("domain").unwrap_or_else(|| system_name.clone())), None);
            match purpose {
                Some(p) => cookies.kv("purpose", &string(p), Some("from the declaration's data use; TODO: check")),
                None => cookies.kv(
                    "purpose",
                    &string("functional"),
                    Some("TODO: the purpose (strictly_necessary, functional, analytics or advertising)"),
                ),
            }
            if let Some(seconds) = max_age {
                let days = (seconds + 86_399) / 86_400;
                cookies.kv("lifetime", &string(&format!("P{days}D")), Some("from cookie_max_age_seconds"));
            }
            cookies.blank();
        }
    }

    fn dataset_note(&self, w: &mut Writer, d: &Res) {
        let mut categories: Vec<String> = Vec::new();
        fn walk(node: &Node, out: &mut Vec<String>, depth: usize) {
            if depth > 16 {
                return;
            }
            for (c, _) in node.strings("data_categories") {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
            for key in ["collections", "fields"] {
                for child in node.get(key).map(Node::items).unwrap_or_default() {
                    walk(child, out, depth + 1);
                }
            }
        }
        walk(d.node, &mut categories, 0);
        w.blank();
        w.comment(&format!(
            "Fides dataset `{}` ({}): fields with data categories {}. juris records categories per activity, not per field.",
            d.key().unwrap_or_default(),
            d.at(),
            if categories.is_empty() { "none".to_string() } else { categories.join(", ") }
        ));
        for field in ["retention", "third_country_transfers", "joint_controller", "data_qualifier"] {
            if let Some(v) = d.node.get(field) {
                let text = flat(v);
                if !text.is_empty() {
                    w.comment(&format!("  {field} (fideslang 1.x/2.x): {text}"));
                }
            }
        }
    }
}

/// A YAML value on one line, for comments.
fn flat(node: &Node) -> String {
    match &node.value {
        Value::Seq(items) => items.iter().map(flat).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", "),
        Value::Map(entries) => entries
            .iter()
            .map(|(k, v)| (k, flat(v)))
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join("; "),
        _ => node.text().unwrap_or_default(),
    }
}
