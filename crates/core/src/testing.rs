//! The test harness every module uses, built-in or third-party.
//!
//! Each [`Rule`] carries a manifest that breaks it and one that keeps it, and
//! may have any number of further cases in `fixtures/<rule>/` (files named
//! `fail*.toml` must make it fire, `pass*.toml` must not; a first line
//! `#! as-of: YYYY-MM-DD` sets the date, and a line `#! evidence: FILE.json`
//! among the first lines gives the check that evidence file, beside the
//! fixture, as `juris check --evidence` would). [`assert_module`] checks, through the
//! module's own `check`:
//!
//! - metadata and documentation are complete, ids are in the module's
//!   namespace and unique, and `describe()` lists exactly these rules (and the
//!   `<id>/module-options` rule juris-core adds);
//! - every failing case fires the rule, at a path that resolves to a place in
//!   the file (not the line-1 fallback), with a message in the house style;
//! - every passing case is silent;
//! - the findings of every failing case, rendered as `line:column severity
//!   message` and `help:`, equal the snapshot beside the fixtures
//!   (`<rule>.fail.snap`, `<rule>/<case>.snap`). `JURIS_UPDATE_SNAPSHOTS=1`
//!   writes the snapshots instead; review the diff and commit them.
//!
//! The helpers below ([`check`], [`request`], [`incident`], [`due`], …) are
//! what module tests need to drive a module without the host.
//!
//! This module reads fixture files: it is test support, the one part of
//! juris-core that touches the file system.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::declare::Module;
use crate::jurisdiction::Jurisdiction;
use crate::manifest;
use crate::module::{
    CheckContext, Due, Event, EventContext, Finding, Incident, Plan, RegionalModule, RequestKind, ResolveContext,
    RightsRequest, Statement,
};
use crate::rule::{self, Rule};
use crate::time::Instant;

/// The date rule fixtures are evaluated at, unless a rule is not in force then.
pub const AS_OF: Date = jiff::civil::date(2026, 11, 29);

/// The variable that makes [`assert_module`] write snapshots.
pub const UPDATE_SNAPSHOTS: &str = "JURIS_UPDATE_SNAPSHOTS";

/// The date a rule's fixtures are evaluated at: [`AS_OF`], or the last day the
/// rule was in force, or its first day.
pub fn fixture_date(rule: &Rule) -> Date {
    match (rule.in_force.from, rule.in_force.until) {
        (_, Some(until)) if until < AS_OF => until,
        (Some(from), _) if from > AS_OF => from,
        _ => AS_OF,
    }
}

/// Loads a manifest for a test, panicking with every located error.
pub fn manifest(text: &str) -> manifest::Manifest {
    match manifest::parse(text) {
        Ok(parsed) => parsed.manifest,
        Err(errors) => {
            let list: Vec<String> =
                errors.iter().map(|e| format!("{}:{}: {}", e.location.line, e.location.column, e.message)).collect();
            panic!("test manifest does not load:\n{}", list.join("\n"))
        }
    }
}

/// Every finding of `module` on the manifest `text` as of `as_of`.
pub fn check<M: RegionalModule>(module: &M, text: &str, as_of: Date) -> Vec<Finding> {
    module.check(&CheckContext::new(manifest(text), as_of))
}

/// The findings of one rule.
pub fn of<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule == rule).collect()
}

/// The ids of the rules that fired, each once, in order.
pub fn fired(findings: &[Finding]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in findings {
        if !out.contains(&f.rule) {
            out.push(f.rule.clone());
        }
    }
    out
}

/// A jurisdiction from its code, for tests.
pub fn place(code: &str) -> Jurisdiction {
    code.parse().unwrap_or_else(|e| panic!("{code}: {e}"))
}

/// The plan for a rights request, with an optional manifest.
pub fn request<M: RegionalModule>(
    module: &M,
    place_code: &str,
    kind: RequestKind,
    received: Date,
    manifest_text: Option<&str>,
) -> Plan {
    let event = Event::Request(RightsRequest {
        jurisdiction: place(place_code),
        request: kind,
        received,
        relevant_time: None,
        paused_days: 0,
        calendar: None,
    });
    module.obligations(&EventContext { event, manifest: manifest_text.map(manifest) })
}

/// The plan for an incident discovered at the RFC 3339 instant `discovered`.
pub fn incident<M: RegionalModule>(
    module: &M,
    places: &[&str],
    discovered: &str,
    affected: Option<u64>,
    manifest_text: Option<&str>,
) -> Plan {
    let discovered: Instant = discovered.parse().unwrap_or_else(|e| panic!("{e}"));
    let event =
        Event::Incident(Incident { jurisdictions: places.iter().map(|p| place(p)).collect(), discovered, affected });
    module.obligations(&EventContext { event, manifest: manifest_text.map(manifest) })
}

/// The due date of every obligation with this action, in the plan's order.
pub fn dues(plan: &Plan, action: &str) -> Vec<Due> {
    plan.obligations.iter().filter(|o| o.action == action).map(|o| o.due).collect()
}

/// The due date of the one obligation with this action.
///
/// # Panics
/// When the plan has none or several.
pub fn due(plan: &Plan, action: &str) -> Due {
    match dues(plan, action).as_slice() {
        [one] => *one,
        other => panic!("expected one `{action}` obligation, found {}: {plan:#?}", other.len()),
    }
}

/// What `module` resolves for a person in `place_code`.
pub fn resolve<M: RegionalModule>(module: &M, text: &str, place_code: &str, as_of: Date) -> Vec<Statement> {
    module.resolve(&ResolveContext { manifest: manifest(text), jurisdiction: place(place_code), as_of }).statements
}

/// Every calendar of `calendars` agrees with the independent list
/// `dir/<id>.expected.toml` ([`calendar_differences`]); a calendar without
/// such a file is a failure, and at least one must be checked.
pub fn assert_calendars(calendars: &crate::calendar::Calendars, dir: &Path) {
    let mut problems = Vec::new();
    let mut checked = 0;
    for calendar in calendars.iter() {
        let path = dir.join(format!("{}.expected.toml", calendar.id));
        let Ok(expected) = std::fs::read_to_string(&path) else {
            problems.push(format!("{}: no independent list at {}", calendar.id, path.display()));
            continue;
        };
        problems.extend(calendar_differences(calendar, &expected));
        checked += 1;
    }
    assert!(checked > 0, "no calendar was checked");
    assert!(problems.is_empty(), "calendar differences:\n{}", problems.join("\n"));
}

/// The notice items `module` gives for the manifest `text` as of `as_of`.
pub fn notice_items<M: RegionalModule>(module: &M, text: &str, as_of: Date) -> crate::module::NoticeItems {
    module
        .notice_items(&crate::module::NoticeRequest { manifest: Some(manifest(text)), as_of })
        .expect("the module ships notice items")
}

/// The reason a notice item does not apply, or `None` when it applies.
pub fn item_off<'a>(items: &'a crate::module::NoticeItems, id: &str) -> Option<&'a str> {
    items.applicability.get(id).filter(|a| !a.applies).map(|a| a.reason.as_str())
}

/// Whether a notice item applies.
pub fn item_applies(items: &crate::module::NoticeItems, id: &str) -> bool {
    item_off(items, id).is_none()
}

/// `text` with `from` replaced by `to`; panics when `from` is not in `text`,
/// so that a variant of a test manifest cannot silently equal the original.
pub fn replaced(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "`{from}` is not in the text it should replace");
    text.replace(from, to)
}

/// Checks a calendar against an independent published list, in the format
/// of a calendar's `<id>.expected.toml` test data:
///
/// ```toml
/// source = "gov.uk/bank-holidays.json, fetched 2026-12-01"
/// weekdays_only = true        # optional: compare only Monday-Friday days
/// [[year]]
/// year = 2027
/// holidays = [2027-01-01, 2027-03-26]
/// working_days = [2027-02-20]           # optional: weekend days worked
/// known_differences = [2027-05-04]      # optional: disagreements a note explains
/// ```
///
/// Sundays are never compared (some lists include them, some do not).
/// Returns every difference, one line each; empty when the lists agree.
pub fn calendar_differences(calendar: &crate::calendar::Calendar, expected: &str) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Expected {
        #[allow(dead_code)]
        source: String,
        #[serde(default)]
        weekdays_only: bool,
        year: Vec<ExpectedYear>,
    }
    #[derive(serde::Deserialize)]
    struct ExpectedYear {
        year: i16,
        holidays: Vec<manifest::IsoDate>,
        working_days: Option<Vec<manifest::IsoDate>>,
        #[serde(default)]
        known_differences: Vec<manifest::IsoDate>,
    }
    let expected: Expected = match toml::from_str(expected) {
        Ok(e) => e,
        Err(e) => return vec![format!("the expected list does not parse: {e}")],
    };
    let mut out = Vec::new();
    for year in &expected.year {
        let keep = |d: Date| {
            let weekend = calendar.is_weekend(d);
            d.weekday() != jiff::civil::Weekday::Sunday
                && !(expected.weekdays_only && weekend)
                && !year.known_differences.iter().any(|k| k.0 == d)
        };
        let want: std::collections::BTreeSet<Date> = year.holidays.iter().map(|d| d.0).filter(|d| keep(*d)).collect();
        let got: std::collections::BTreeSet<Date> =
            calendar.holidays(year.year).into_iter().map(|h| h.date).filter(|d| keep(*d)).collect();
        for d in want.difference(&got) {
            out.push(format!("{} {}: the list has {d}, the calendar does not", calendar.id, year.year));
        }
        for d in got.difference(&want) {
            out.push(format!("{} {}: the calendar has {d}, the list does not", calendar.id, year.year));
        }
        if let Some(working) = &year.working_days {
            let want: std::collections::BTreeSet<Date> = working.iter().map(|d| d.0).collect();
            let got: std::collections::BTreeSet<Date> =
                calendar.working_weekend_days(year.year).into_iter().map(|h| h.date).collect();
            if want != got {
                out.push(format!(
                    "{} {}: working weekend days {want:?} expected, {got:?} found",
                    calendar.id, year.year
                ));
            }
        }
    }
    out
}

/// One case a rule is tested on.
struct Case {
    /// How it is named in messages and snapshot files.
    name: String,
    text: String,
    must_fire: bool,
    as_of: Date,
    snapshot: Option<PathBuf>,
    /// The evidence file named by a `#! evidence:` line, read from `dir`.
    evidence: Option<crate::evidence::Evidence>,
}

/// The evidence a fixture names on a `#! evidence: FILE` line among its first
/// lines, read from `dir`.
fn fixture_evidence(text: &str, dir: &Path, problems: &mut Vec<String>) -> Option<crate::evidence::Evidence> {
    let name = text.lines().take(5).find_map(|l| l.strip_prefix("#! evidence:"))?.trim();
    let path = dir.join(name);
    let json = match std::fs::read_to_string(&path) {
        Ok(json) => json,
        Err(e) => {
            problems.push(format!("{}: {e}", path.display()));
            return None;
        }
    };
    match serde_json::from_str(&json) {
        Ok(evidence) => Some(evidence),
        Err(e) => {
            problems.push(format!("{}: not evidence: {e}", path.display()));
            None
        }
    }
}

/// The cases of `rule`: its own two manifests, and the files of
/// `fixtures/<rule>/`.
fn cases(rule: &Rule, fixtures: &Path, problems: &mut Vec<String>) -> Vec<Case> {
    let name = rule.id.rsplit('/').next().unwrap_or(rule.id).replace('-', "_");
    let as_of = fixture_date(rule);
    let mut out = vec![
        Case {
            name: format!("{name}.fail"),
            text: rule.fails.to_string(),
            must_fire: true,
            as_of,
            snapshot: Some(fixtures.join(format!("{name}.fail.snap"))),
            evidence: fixture_evidence(rule.fails, fixtures, problems),
        },
        Case {
            name: format!("{name}.pass"),
            text: rule.passes.to_string(),
            must_fire: false,
            as_of,
            snapshot: None,
            evidence: fixture_evidence(rule.passes, fixtures, problems),
        },
    ];
    let dir = fixtures.join(&name);
    let Ok(entries) = std::fs::read_dir(&dir) else { return out };
    let mut files: Vec<PathBuf> =
        entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "toml")).collect();
    files.sort();
    for file in files {
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        let must_fire = if stem.starts_with("fail") {
            true
        } else if stem.starts_with("pass") {
            false
        } else {
            problems.push(format!("{}: fixture names start with `fail` or `pass`", file.display()));
            continue;
        };
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let as_of = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("#! as-of:"))
            .map(|d| d.trim().parse().unwrap_or_else(|e| panic!("{}: bad as-of: {e}", file.display())))
            .unwrap_or(as_of);
        let evidence = fixture_evidence(&text, &dir, problems);
        out.push(Case {
            name: format!("{name}/{stem}"),
            text,
            must_fire,
            as_of,
            snapshot: must_fire.then(|| dir.join(format!("{stem}.snap"))),
            evidence,
        });
    }
    out
}

/// The findings of a case as the snapshot shows them.
fn render(rule: &str, case: &Case, findings: &[Finding]) -> String {
    let parsed = manifest::parse(&case.text).expect("checked before");
    let mut out = format!("# {rule} on {} as of {}\n", case.name, case.as_of);
    for f in findings {
        let at = parsed.index.locate(&f.path);
        let _ = writeln!(out, "{}:{} {} {}", at.line, at.column, f.severity, f.message);
        let _ = writeln!(out, "  path: {}", f.path);
        if let Some(help) = &f.help {
            let _ = writeln!(out, "  help: {help}");
        }
    }
    out
}

/// Compares (or, with [`UPDATE_SNAPSHOTS`] set, writes) a snapshot.
fn snapshot(path: &Path, rendered: &str, problems: &mut Vec<String>) {
    if std::env::var_os(UPDATE_SNAPSHOTS).is_some() {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        std::fs::write(path, rendered).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    match std::fs::read_to_string(path) {
        Ok(committed) if committed == rendered => {}
        Ok(committed) => problems.push(format!(
            "{} differs (run with {UPDATE_SNAPSHOTS}=1 to update, then review):\n--- committed\n{committed}--- now\n{rendered}",
            path.display()
        )),
        Err(_) => problems.push(format!(
            "{} is missing: run the tests with {UPDATE_SNAPSHOTS}=1 to write it, then review and commit it",
            path.display()
        )),
    }
}

/// Checks every rule of a declared module against its fixtures and snapshots
/// (see the [module documentation](self)); `fixtures` is the directory of the
/// rules' fixture files. Panics with every problem found.
pub fn assert_module<M: Module>(module: &M, fixtures: &Path) {
    let info = RegionalModule::describe(module);
    let rules = module.rules();
    let mut problems = Vec::new();
    let options_rule = format!("{}/module-options", M::ID);
    let described: Vec<&str> = info.rules.iter().map(|r| r.id.as_str()).collect();
    let mut declared: Vec<&str> = rules.iter().map(|r| r.id).collect();
    declared.push(&options_rule);
    if described != declared {
        problems.push(format!("describe() lists {described:?} but the rule table is {declared:?}"));
    }
    // The brief description a check loads with is the full one without pages.
    let brief = RegionalModule::describe_brief(module);
    if serde_json::to_value(&brief).ok() != serde_json::to_value(info.clone().without_pages()).ok() {
        problems.push("describe_brief() is not describe() without the rule pages and options schema".to_string());
    }
    if info.rules.iter().any(|r| r.docs.trim().is_empty()) {
        problems.push("describe() leaves a rule without its page".to_string());
    }
    let schema = manifest::Manifest::json_schema();
    let top_level: Vec<&str> =
        schema["properties"].as_object().map(|p| p.keys().map(String::as_str).collect()).unwrap_or_default();
    let mut seen = std::collections::HashSet::new();
    for rule in rules {
        if !seen.insert(rule.id) {
            problems.push(format!("duplicate rule id {}", rule.id));
        }
        problems.extend(rule::lint(M::ID, rule));
        for case in cases(rule, fixtures, &mut problems) {
            let Ok(parsed) = manifest::parse(&case.text) else {
                problems.push(format!("{}: the fixture does not load as a manifest", case.name));
                continue;
            };
            let mut ctx = CheckContext::new(parsed.manifest, case.as_of);
            ctx.evidence = case.evidence.clone();
            let fired: Vec<Finding> = module.check(&ctx).into_iter().filter(|f| f.rule == rule.id).collect();
            if case.must_fire {
                if fired.is_empty() {
                    problems.push(format!("{}: {} did not fire (as of {})", case.name, rule.id, case.as_of));
                }
                for finding in &fired {
                    let top = finding.path.split(['.', '[']).next().unwrap_or("");
                    if crate::path::ManifestPath::parse(&finding.path).is_none() {
                        problems.push(format!("{}: finding path `{}` is not a manifest path", case.name, finding.path));
                    } else if !top_level.contains(&top) {
                        problems.push(format!(
                            "{}: finding path `{}` starts with `{top}`, which is not a manifest table",
                            case.name, finding.path
                        ));
                    } else if !parsed.index.resolves(&finding.path) {
                        problems.push(format!(
                            "{}: finding path `{}` names nothing in the file, so it would be shown at line 1; point at a value or table that is there",
                            case.name, finding.path
                        ));
                    }
                    if let Some(problem) = message_style(&finding.message) {
                        problems.push(format!("{}: message `{}` {problem}", case.name, finding.message));
                    }
                }
                if let Some(path) = &case.snapshot {
                    snapshot(path, &render(rule.id, &case, &fired), &mut problems);
                }
            } else if !fired.is_empty() {
                problems.push(format!(
                    "{}: {} fired on a passing case: {}",
                    case.name,
                    rule.id,
                    fired.iter().map(|f| format!("{} ({})", f.message, f.path)).collect::<Vec<_>>().join("; ")
                ));
            }
        }
    }
    // The options rule juris-core adds: a key the table does not have fires
    // it at that key; no table, or an empty one, is silent.
    let unknown =
        format!("manifest = 1\n[organization]\nname = \"x\"\n\n[modules.{}]\nno_such_key_anywhere = true\n", M::ID);
    let ctx = CheckContext::new(manifest(&unknown), AS_OF);
    let fired: Vec<Finding> = module.check(&ctx).into_iter().filter(|f| f.rule == options_rule).collect();
    if fired.len() != 1 || !fired[0].path.ends_with(".no_such_key_anywhere") {
        problems.push(format!("{options_rule}: an unknown key gave {fired:?}"));
    }
    for text in [
        "manifest = 1\n[organization]\nname = \"x\"\n".to_string(),
        format!("manifest = 1\n[organization]\nname = \"x\"\n[modules.{}]\n", M::ID),
    ] {
        let ctx = CheckContext::new(manifest(&text), AS_OF);
        if module.check(&ctx).iter().any(|f| f.rule == options_rule) {
            problems.push(format!("{options_rule}: fired without a malformed table"));
        }
    }
    assert!(problems.is_empty(), "rule problems in module `{}`:\n{}", info.id, problems.join("\n"));
}

/// Checks every rule of `module`, a module that implements [`RegionalModule`]
/// itself: metadata, ids, and that each rule fires on its failing manifest and
/// is silent on its passing one. Declared modules use [`assert_module`].
pub fn assert_rules<M: RegionalModule>(module: &M, rules: &[&Rule]) {
    let info = module.describe();
    let mut problems = Vec::new();
    let described: Vec<&str> = info.rules.iter().map(|r| r.id.as_str()).collect();
    let declared: Vec<&str> = rules.iter().map(|r| r.id).collect();
    if described != declared {
        problems.push(format!("describe() lists {described:?} but the rule table is {declared:?}"));
    }
    for rule in rules {
        problems.extend(rule::lint(&info.id, rule));
        let as_of = fixture_date(rule);
        let run = |text: &str| {
            let ctx = CheckContext::new(manifest(text), as_of);
            module.check(&ctx).into_iter().filter(|f| f.rule == rule.id).collect::<Vec<_>>()
        };
        if run(rule.fails).is_empty() {
            problems.push(format!("{}: did not fire on its failing manifest (as of {as_of})", rule.id));
        }
        if !run(rule.passes).is_empty() {
            problems.push(format!("{}: fired on its passing manifest", rule.id));
        }
    }
    assert!(problems.is_empty(), "rule problems in module `{}`:\n{}", info.id, problems.join("\n"));
}

/// Findings read as one clause in every output: lowercase first (unless the
/// first word is an acronym or code such as `RU` or `GDPR`), no final period.
fn message_style(message: &str) -> Option<&'static str> {
    let first_word = message.split_whitespace().next().unwrap_or("");
    let acronym = first_word.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2;
    if message.trim().is_empty() {
        Some("is empty")
    } else if message.ends_with('.') {
        Some("ends with a period")
    } else if message.starts_with(|c: char| c.is_uppercase()) && !acronym {
        Some("starts with a capital letter")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn message_style() {
        assert_eq!(super::message_style("activity `a` has no basis"), None);
        assert_eq!(super::message_style("RU people's data goes abroad"), None);
        assert!(super::message_style("Activity has no basis").is_some());
        assert!(super::message_style("activity has no basis.").is_some());
        assert!(super::message_style(" ").is_some());
    }
}
