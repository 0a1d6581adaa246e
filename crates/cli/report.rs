//! The check report: findings located in the manifest, with their module and
//! rule, after `[rules]` levels and `[[waivers]]` are applied. Every renderer
//! (`render/`) reads this one structure.

use std::collections::HashMap;

use juris_core::jiff::civil::Date;
use juris_core::manifest::{SourceIndex, Waiver};
use juris_core::{Finding, Jurisdiction, Manifest, ModuleInfo, RuleMeta, Severity};

use crate::config::Level;
use crate::host_rules;

/// A finding located in the manifest, with its rule's metadata.
pub struct Located<'a> {
    pub finding: Finding,
    /// The module that reported it (the host's own, `juris`, for host rules).
    pub module: &'a ModuleInfo,
    pub rule: Option<&'a RuleMeta>,
    pub line: usize,
    pub column: usize,
    pub span: std::ops::Range<usize>,
    /// The waiver that accepts it, if any: a waived finding is reported but
    /// does not count for the exit code.
    pub waiver: Option<&'a Waiver>,
}

/// A plugin that failed to load or to answer: the file or module, and why.
pub struct Failure {
    pub plugin: String,
    pub message: String,
}

/// Everything a report shows.
pub struct Report<'a> {
    pub manifest_path: &'a str,
    pub manifest_text: &'a str,
    pub as_of: Date,
    /// The modules that reported, in load order, then the host.
    pub modules: Vec<&'a ModuleInfo>,
    pub findings: Vec<Located<'a>>,
    pub failures: Vec<Failure>,
    /// Markets juris.toml accepts as unchecked.
    pub unchecked_markets: &'a [Jurisdiction],
}

impl Report<'_> {
    /// Findings of a severity that are not waived.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.waiver.is_none() && f.finding.severity == severity).count()
    }

    /// Waived findings.
    pub fn waived(&self) -> usize {
        self.findings.iter().filter(|f| f.waiver.is_some()).count()
    }

    /// Counts per module: (errors, warnings, notes, waived).
    pub fn by_module(&self, module: &str) -> [usize; 4] {
        let mut counts = [0; 4];
        for f in self.findings.iter().filter(|f| f.module.id == module) {
            let slot = match (f.waiver.is_some(), f.finding.severity) {
                (true, _) => 3,
                (false, Severity::Error) => 0,
                (false, Severity::Warning) => 1,
                (false, Severity::Note) => 2,
            };
            counts[slot] += 1;
        }
        counts
    }

    /// Findings per rule, most frequent first: (rule, module, severity, count, waived).
    pub fn statistics(&self) -> Vec<(&str, &str, Severity, usize, usize)> {
        let mut by_rule: HashMap<&str, (&str, Severity, usize, usize)> = HashMap::new();
        for f in &self.findings {
            let entry = by_rule.entry(&f.finding.rule).or_insert((&f.module.id, f.finding.severity, 0, 0));
            entry.1 = entry.1.max(f.finding.severity);
            if f.waiver.is_some() {
                entry.3 += 1;
            } else {
                entry.2 += 1;
            }
        }
        let mut rows: Vec<_> = by_rule.into_iter().map(|(r, (m, s, n, w))| (r, m, s, n, w)).collect();
        rows.sort_by(|a, b| (b.3 + b.4).cmp(&(a.3 + a.4)).then(a.0.cmp(b.0)));
        rows
    }

    /// Whether the report fails the check: an error-level finding not waived.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

/// Locates a finding of `module` in the manifest.
pub fn locate<'a>(index: &SourceIndex<'_>, module: &'a ModuleInfo, finding: Finding) -> Located<'a> {
    let rule = module.rules.iter().find(|r| r.id == finding.rule);
    located(index, module, rule, finding)
}

/// Locates every finding of `module`, looking its rules up by id in a map
/// made once (a module has dozens of rules, a report hundreds of thousands
/// of findings), on every core for a large report.
pub fn locate_all<'a>(index: &SourceIndex<'_>, module: &'a ModuleInfo, findings: Vec<Finding>) -> Vec<Located<'a>> {
    let rules: HashMap<&str, &RuleMeta> = module.rules.iter().map(|r| (r.id.as_str(), r)).collect();
    crate::parallel::map_in_order(findings, |finding| {
        let rule = rules.get(finding.rule.as_str()).copied();
        located(index, module, rule, finding)
    })
}

fn located<'a>(
    index: &SourceIndex<'_>,
    module: &'a ModuleInfo,
    rule: Option<&'a RuleMeta>,
    finding: Finding,
) -> Located<'a> {
    let location = index.locate(&finding.path);
    Located { finding, module, rule, line: location.line, column: location.column, span: location.span, waiver: None }
}

/// A host finding at `path`.
pub fn host_finding(rule: &host_rules::HostRule, path: String, message: String, help: Option<String>) -> Finding {
    Finding { rule: rule.id.to_string(), severity: rule.severity, message, path, help }
}

/// The level `[rules]` sets for a rule: the entry for the rule, else for its
/// module (`module/*`), else `*`; `None` when no entry applies.
pub fn level_for(rules: &std::collections::BTreeMap<String, toml::Spanned<Level>>, rule: &str) -> Option<Level> {
    if let Some(host) = host_rules::get(rule)
        && !host.adjustable
    {
        return None;
    }
    let module = rule.split('/').next().unwrap_or(rule);
    rules
        .get(rule)
        .or_else(|| rules.get(&format!("{module}/*")))
        .or_else(|| rules.get("*"))
        .map(|level| *level.get_ref())
}

/// A finding's path with array indices replaced by the ids of the entries
/// (`activities[3].legal_basis` becomes `activities.analytics.legal_basis`),
/// for matching waiver targets.
pub fn id_path(manifest: &Manifest, path: &str) -> String {
    use juris_core::path::{ManifestPath, Segment};
    let Some(parsed) = ManifestPath::parse(path) else { return path.to_string() };
    let mut out = String::new();
    let mut table: Option<&str> = None;
    for (i, segment) in parsed.0.iter().enumerate() {
        match segment {
            Segment::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
                table = (i == 0).then_some(key.as_str());
            }
            Segment::Index(n) => {
                let id = match table {
                    Some("entities") => manifest.entities.get(*n).map(|e| e.id.as_str()),
                    Some("systems") => manifest.systems.get(*n).map(|e| e.id.as_str()),
                    Some("activities") => manifest.activities.get(*n).map(|e| e.id.as_str()),
                    Some("recipients") => manifest.recipients.get(*n).map(|e| e.id.as_str()),
                    Some("cookies") => manifest.cookies.get(*n).map(|e| e.name.as_str()),
                    _ => None,
                };
                match id {
                    Some(id) => {
                        out.push('.');
                        out.push_str(id);
                    }
                    None => out.push_str(&format!("[{n}]")),
                }
                table = None;
            }
        }
    }
    out
}

/// Whether a waiver's target covers a finding at `path` (given as written and
/// as an id path): the same path, or a path inside it.
pub fn target_covers(target: &str, path: &str, id_path: &str) -> bool {
    let inside = |p: &str| {
        p == target || p.strip_prefix(target).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
    };
    inside(id_path) || inside(path)
}

/// The tables whose entries a waiver target can name by id.
pub const ID_TABLES: [&str; 5] = ["entities", "systems", "activities", "recipients", "cookies"];

/// Whether an entry with `id` exists in the id table `table`, and the ids it has.
pub fn table_ids<'m>(manifest: &'m Manifest, table: &str) -> Vec<&'m str> {
    match table {
        "entities" => manifest.entities.iter().map(|e| e.id.as_str()).collect(),
        "systems" => manifest.systems.iter().map(|e| e.id.as_str()).collect(),
        "activities" => manifest.activities.iter().map(|e| e.id.as_str()).collect(),
        "recipients" => manifest.recipients.iter().map(|e| e.id.as_str()).collect(),
        "cookies" => manifest.cookies.iter().map(|e| e.name.as_str()).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_cover_their_inside_only() {
        assert!(target_covers("activities.analytics", "activities[2].uses[0]", "activities.analytics.uses[0]"));
        assert!(target_covers("activities.analytics", "activities[2]", "activities.analytics"));
        assert!(!target_covers("activities.analytics", "activities[3]", "activities.analytics-eu"));
        assert!(target_covers("notices", "notices.last_updated", "notices.last_updated"));
        assert!(target_covers("activities[2]", "activities[2].uses", "activities.analytics.uses"));
    }

    #[test]
    fn levels_follow_the_most_specific_entry() {
        let config: crate::config::Config =
            toml::from_str("[rules]\n\"*\" = \"note\"\n\"a/*\" = \"warning\"\n\"a/b\" = \"off\"\n").unwrap();
        assert_eq!(level_for(&config.rules, "a/b"), Some(Level::Off));
        assert_eq!(level_for(&config.rules, "a/c"), Some(Level::Warning));
        assert_eq!(level_for(&config.rules, "z/c"), Some(Level::Note));
        // The rules that keep the gate honest cannot be lowered.
        assert_eq!(level_for(&config.rules, "juris/market-not-covered"), None);
    }
}
