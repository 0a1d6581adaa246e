//! The test harness every module uses, built-in or third-party.
//!
//! Each [`Rule`] carries a manifest that breaks it and one that keeps it;
//! [`assert_rules`] checks, through the module's own `check`, that the rule
//! fires on the first and is silent on the second, that its metadata and
//! documentation are complete, and that every finding's path is a
//! well-formed manifest path. A rule without both manifests cannot be declared at all.

use jiff::civil::Date;

use crate::manifest;
use crate::module::{CheckContext, RegionalModule};
use crate::rule::{self, Rule};

/// The date rule fixtures are evaluated at, unless a rule is not in force then.
pub const AS_OF: Date = jiff::civil::date(2026, 11, 29);

/// The date a rule's fixtures are evaluated at: [`AS_OF`], or the last day the
/// rule was in force, or its first day.
pub fn fixture_date(rule: &Rule) -> Date {
    match (rule.in_force_from, rule.in_force_until) {
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

/// Checks every rule of `module`: metadata and docs are complete, ids are in the
/// module's namespace and unique, `describe()` lists exactly these rules, the
/// failing manifest triggers the rule at a well-formed path, and the passing
/// manifest does not trigger it, and findings follow the message style (one
/// lowercase clause, no final period). Panics with every problem found.
pub fn assert_rules<M: RegionalModule>(module: &M, rules: &[&Rule]) {
    let info = module.describe();
    let mut problems = Vec::new();
    let described: Vec<&str> = info.rules.iter().map(|r| r.id.as_str()).collect();
    let declared: Vec<&str> = rules.iter().map(|r| r.id).collect();
    if described != declared {
        problems.push(format!("describe() lists {described:?} but the rule table is {declared:?}"));
    }
    let mut seen = std::collections::HashSet::new();
    for rule in rules {
        if !seen.insert(rule.id) {
            problems.push(format!("duplicate rule id {}", rule.id));
        }
        problems.extend(rule::lint(&info.id, rule));
        let as_of = fixture_date(rule);
        let run = |text: &str| {
            let ctx = CheckContext { manifest: manifest(text), as_of };
            module.check(&ctx).into_iter().filter(|f| f.rule == rule.id).collect::<Vec<_>>()
        };
        let fired = run(rule.fails);
        if fired.is_empty() {
            problems.push(format!("{}: did not fire on its failing manifest (as of {as_of})", rule.id));
        }
        for finding in &fired {
            if crate::path::ManifestPath::parse(&finding.path).is_none() {
                problems.push(format!("{}: finding path `{}` is not a manifest path", rule.id, finding.path));
            }
            if let Some(problem) = message_style(&finding.message) {
                problems.push(format!("{}: message `{}` {problem}", rule.id, finding.message));
            }
        }
        let silent = run(rule.passes);
        if !silent.is_empty() {
            problems.push(format!(
                "{}: fired on its passing manifest: {}",
                rule.id,
                silent.iter().map(|f| format!("{} ({})", f.message, f.path)).collect::<Vec<_>>().join("; ")
            ));
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
