//! The example manifest beside this crate produces the findings it is meant to.

use juris_core::testing::manifest;
use juris_core::{CheckContext, RegionalModule, Severity};
use swiss_fadp::Switzerland;

fn findings(as_of: juris_core::jiff::civil::Date) -> Vec<(String, Severity, String)> {
    let text = include_str!("../privacy.toml");
    let ctx = CheckContext::new(manifest(text), as_of);
    Switzerland.check(&ctx).into_iter().map(|f| (f.rule, f.severity, f.path)).collect()
}

#[test]
fn the_example_breaks_the_swiss_rules_it_is_meant_to() {
    let found = findings(juris_core::jiff::civil::date(2026, 11, 29));
    let expected = [
        ("ch/cross-border-safeguards", Severity::Error, "recipients[0].transfer"),
        ("ch/cross-border-safeguards", Severity::Error, "recipients[2].transfer"),
        ("ch/transfer-countries-undisclosed", Severity::Error, "recipients[2].country"),
        ("ch/representative-missing", Severity::Error, "contacts"),
        ("ch/record-of-processing", Severity::Warning, "activities[1]"),
        ("ch/dpia-missing", Severity::Warning, "activities[1].impact_assessment"),
    ];
    let found: Vec<(&str, Severity, &str)> = found.iter().map(|(r, s, p)| (r.as_str(), *s, p.as_str())).collect();
    assert_eq!(found, expected);
}

#[test]
fn before_the_revised_act_nothing_applies() {
    assert!(findings(juris_core::jiff::civil::date(2023, 8, 31)).is_empty());
}
