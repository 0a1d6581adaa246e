//! The host's own rules, module id `juris`: what makes a check trustworthy
//! rather than what a law requires. Each is a file with its documentation, as
//! a module's rules are; `juris rules` and `juris explain` list them with the
//! modules' rules.

use std::sync::LazyLock;

use juris_core::{ModuleInfo, RuleMeta, Severity};

pub mod banner_contradicted;
pub mod cookie_purpose_contradicted;
pub mod cookie_undeclared;
pub mod law_not_current;
pub mod market_not_covered;
pub mod markets_missing;
pub mod module_table_unused;
pub mod third_party_undeclared;
pub mod waiver_expired;
pub mod waiver_too_long;
pub mod waiver_unused;

/// The module id of host findings.
pub const ID: &str = "juris";

/// A host rule's metadata, as a module's rule is described.
pub struct HostRule {
    pub id: &'static str,
    pub title: &'static str,
    pub citation: &'static str,
    pub severity: Severity,
    pub docs: &'static str,
    /// Whether `[rules]` may lower or turn off the rule: the rules that keep a
    /// gate from passing vacuously, or a waiver from hiding a finding for
    /// good, may not be.
    pub adjustable: bool,
}

/// Every host rule, in the order `juris rules` lists them.
pub static ALL: &[&HostRule] = &[
    &markets_missing::RULE,
    &market_not_covered::RULE,
    &law_not_current::RULE,
    &module_table_unused::RULE,
    &waiver_expired::RULE,
    &waiver_too_long::RULE,
    &waiver_unused::RULE,
    &cookie_undeclared::RULE,
    &cookie_purpose_contradicted::RULE,
    &banner_contradicted::RULE,
    &third_party_undeclared::RULE,
];

/// The rules on what `juris scan` observed (`juris check --evidence`).
pub fn evidence_checks(manifest: &juris_core::Manifest, evidence: &juris_core::Evidence) -> Vec<juris_core::Finding> {
    let mut out = Vec::new();
    let rules: [(&HostRule, EvidenceCheck); 4] = [
        (&cookie_undeclared::RULE, cookie_undeclared::check),
        (&third_party_undeclared::RULE, third_party_undeclared::check),
        (&cookie_purpose_contradicted::RULE, cookie_purpose_contradicted::check),
        (&banner_contradicted::RULE, banner_contradicted::check),
    ];
    for (rule, check) in rules {
        for (path, message, help) in check(manifest, evidence) {
            out.push(crate::report::host_finding(rule, path, message, Some(help)));
        }
    }
    out
}

type EvidenceCheck = fn(&juris_core::Manifest, &juris_core::Evidence) -> Vec<(String, String, String)>;

/// The host as a module, for reports: its rules sit beside the plugins'.
pub static INFO: LazyLock<ModuleInfo> = LazyLock::new(|| ModuleInfo {
    id: ID.to_string(),
    name: "juris host checks".to_string(),
    version: env!("CARGO_PKG_VERSION").to_string(),
    jurisdictions: Vec::new(),
    laws: Vec::new(),
    rules: ALL
        .iter()
        .map(|r| RuleMeta {
            id: r.id.to_string(),
            title: r.title.to_string(),
            citation: r.citation.to_string(),
            severity: r.severity,
            in_force_from: None,
            in_force_until: None,
            docs: r.docs.to_string(),
        })
        .collect(),
    core_version: juris_core::CORE_VERSION.to_string(),
    options: None,
});

/// The rule with this id, if it is a host rule.
pub fn get(id: &str) -> Option<&'static HostRule> {
    ALL.iter().copied().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    #[test]
    fn host_rules_are_documented_and_namespaced() {
        for rule in super::ALL {
            assert!(rule.id.starts_with("juris/"), "{}", rule.id);
            let mut last = 0;
            for section in juris_core::rule::DOC_SECTIONS {
                let at = rule.docs.find(section).unwrap_or_else(|| panic!("{} lacks {section}", rule.id));
                assert!(at >= last, "{}: {section} out of order", rule.id);
                last = at;
            }
            assert!(!rule.citation.is_empty() && !rule.title.is_empty());
        }
    }
}
