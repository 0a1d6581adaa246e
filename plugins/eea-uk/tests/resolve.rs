//! `resolve()` for people in EEA countries and the UK.

use juris_core::jiff::civil::date;
use juris_core::{Statement, testing};
use juris_eea_uk::EeaUk;

const MANIFEST: &str = r#"
manifest = 1
[organization]
name = "Marketplace"
established = ["SG"]
markets = ["EEA", "GB", "US-CA"]
[[entities]]
id = "sg"
name = "Marketplace Singapore Pte. Ltd."
country = "SG"
serves = ["*"]
[[entities]]
id = "ie"
name = "Marketplace Ireland Ltd"
country = "IE"
serves = ["EEA"]
[[contacts]]
role = "dpo"
for = ["EEA", "GB"]
name = "Data Protection Office"
email = "dpo@example.com"
[[systems]]
id = "accounts"
name = "Accounts"
locations = ["DE", "SG"]
holds = ["*"]
[[activities]]
id = "orders"
name = "Orders"
uses = ["essential.service"]
data_categories = ["user.contact"]
data_subjects = ["customer"]
legal_basis = "contract"
systems = ["accounts"]
recipients = ["psp"]
[[recipients]]
id = "psp"
name = "Payments"
role = "processor"
country = "US"
transfer = "dpf"
dpf_certified = true
[[cookies]]
name = "_ga"
purpose = "analytics"
[consent]
default = { mode = "opt-in" }
GB = { mode = "opt-out" }
[modules.eea-uk]
system_transfers = { SG = "scc" }
system_transfer_assessments = { SG = "TIA-2026-01" }
"#;

fn text(r: &[Statement], topic: &str) -> String {
    r.iter().find(|s| s.topic == topic).map(|s| s.text.clone()).unwrap_or_else(|| panic!("no `{topic}`"))
}

#[test]
fn a_person_in_germany() {
    let r = testing::resolve(&EeaUk, MANIFEST, "DE", date(2026, 11, 29));
    assert!(text(&r, "law").contains("GDPR"));
    assert!(text(&r, "entity").contains("Marketplace Ireland Ltd"));
    let transfers = text(&r, "transfers");
    assert!(transfers.contains("system `accounts` in DE: inside the EEA"), "{transfers}");
    assert!(transfers.contains("system `accounts` in SG: transfer under `scc`"), "{transfers}");
    assert!(transfers.contains("recipient `psp` in US: adequate"), "{transfers}");
    let consent = text(&r, "consent");
    assert!(consent.contains("opt-in") && consent.contains("_ga"), "{consent}");
    assert!(text(&r, "contacts").contains("dpo@example.com"));
    assert!(text(&r, "children").contains("is 16"));
    assert!(r.iter().all(|s| s.citation.is_some()));
}

#[test]
fn a_person_in_the_uk() {
    let r = testing::resolve(&EeaUk, MANIFEST, "GB", date(2026, 11, 29));
    assert!(text(&r, "law").contains("UK GDPR"));
    assert!(text(&r, "entity").contains("Singapore"));
    let transfers = text(&r, "transfers");
    // The EU SCCs alone do not cover UK transfers any more.
    assert!(transfers.contains("system `accounts` in SG: NOT LAWFUL"), "{transfers}");
    let consent = text(&r, "consent");
    assert!(consent.contains("`opt-out`, which is not consent"), "{consent}");
    assert!(!consent.contains("_ga"), "analytics rely on the statistical exception: {consent}");
    assert!(text(&r, "children").contains("is 13"));
}

#[test]
fn others_are_not_resolved_here() {
    for place in ["US-CA", "BR", "*"] {
        assert!(testing::resolve(&EeaUk, MANIFEST, place, date(2026, 11, 29)).is_empty(), "{place}");
    }
}
