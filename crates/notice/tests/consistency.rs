//! Consistency between a notice and the manifest of the same organisation.

use juris_core::Manifest;
use juris_core::jiff::civil::date;
use juris_notice::{CONSISTENCY_RULES, Format, Notice, NoticeFinding, consistency};

const MANIFEST: &str = r#"
manifest = 1

[organization]
name = "Acme"
markets = ["EEA", "US-CA", "BR", "RU"]

[[entities]]
id = "us"
name = "Acme Widgets, Inc."
country = "US"
serves = ["*"]

[[entities]]
id = "eu"
name = "Acme Europe B.V."
country = "NL"
serves = ["EEA"]

[[contacts]]
role = "dpo"
for = ["EEA"]
name = "Jane Roe"
email = "dpo@acme.example"

[[contacts]]
role = "dpo"
for = ["BR"]
name = "Ana Lima"
email = "encarregado@acme.example"

[[systems]]
id = "main"
name = "Main database"
locations = ["US", "DE"]
holds = ["*"]

[[systems]]
id = "ru"
name = "Russian accounts"
locations = ["RU"]
holds = ["RU"]

[[recipients]]
id = "ads"
name = "Ad Network Ltd"
role = "third_party"
country = "SG"

[[activities]]
id = "billing"
name = "Billing"
uses = ["essential.service.payment_processing"]
data_categories = ["user.financial"]
data_subjects = ["customer"]
retention = { period = "P6Y", from = "invoice" }

[[activities]]
id = "ads"
name = "Targeted advertising"
uses = ["marketing.advertising.third_party"]
data_categories = ["user.device.cookie_id"]
data_subjects = ["customer"]
recipients = ["ads"]
"#;

const NOTICE: &str = "# Acme privacy notice\n\nLast updated: 3 March 2024\n\nAcme Widgets Inc (\"we\") runs acme.example. In Europe, Acme Europe Limited is the controller.\n\nOur servers are in the United States and in Германии.\n\nBilling records are kept for two years. Logs are kept for 30 days.\n\nWe do not sell or share your personal information.\n\nYou can reach our Data Protection Officer at dpo[at]acme[dot]example.\n";

fn findings() -> Vec<NoticeFinding> {
    let manifest: Manifest = toml::from_str(MANIFEST).expect("manifest");
    let notice = Notice::parse(NOTICE, Format::Markdown);
    consistency(&notice, &manifest, date(2025, 6, 30))
}

fn ids(f: &[NoticeFinding]) -> Vec<(&str, Option<&str>)> {
    f.iter().map(|f| (f.rule_id.as_str(), f.path.as_deref())).collect()
}

#[test]
fn each_check_finds_what_it_should_and_nothing_else() {
    let f = findings();
    let got = ids(&f);
    assert_eq!(
        got,
        vec![
            ("notice/storage-country-undisclosed", Some("systems[1].locations[0]")),
            ("notice/recipient-country-undisclosed", Some("recipients[0].country")),
            ("notice/entity-undisclosed", Some("entities[1].name")),
            ("notice/contact-undisclosed", Some("contacts[1]")),
            ("notice/retention-contradiction", Some("activities[0].retention.period")),
            ("notice/sale-contradiction", Some("activities[1].recipients")),
            ("notice/last-updated-stale", Some("notices.last_updated")),
        ]
    );
    let retention = &f[4];
    assert_eq!(retention.line, Some(9));
    assert!(retention.message.contains("P6Y"), "{}", retention.message);
    assert_eq!(f[5].line, Some(11));
    assert_eq!(f[6].line, Some(3));
    for finding in &f {
        assert!(!finding.citation.is_empty());
    }
}

#[test]
fn agreeing_notices_have_no_findings() {
    let manifest: Manifest = toml::from_str(MANIFEST).expect("manifest");
    let text = "Acme Widgets, Inc. and Acme Europe B.V. are the controllers. Data is stored in the USA, Germany and Russia, and sent to Singapore. Billing records are kept for 6 years. We share device identifiers with advertising partners. Our DPO is Jane Roe; our encarregada is Ana Lima (encarregado@acme.example). Effective date: 2025-05-01.";
    let notice = Notice::parse(text, Format::Text);
    let f = consistency(&notice, &manifest, date(2025, 6, 30));
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn every_rule_is_documented() {
    for r in CONSISTENCY_RULES {
        assert!(r.id.starts_with("notice/"));
        for section in ["## What it does", "## Why", "## Example", "## How to fix"] {
            assert!(r.docs.contains(section), "{} lacks {section}", r.id);
        }
    }
}

#[test]
fn the_report_has_the_documented_shape() {
    let manifest: Manifest = toml::from_str(MANIFEST).expect("manifest");
    let report = juris_notice::check("notice.md", NOTICE, &[], Some(&manifest), date(2025, 6, 30));
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["notice"], "notice.md");
    assert!(json["modules"].as_array().unwrap().is_empty());
    let first = &json["consistency"][0];
    for key in ["rule_id", "severity", "message", "line", "path", "citation"] {
        assert!(first.get(key).is_some(), "{key}");
    }
    assert_eq!(first["severity"], "warning");
}
