//! The Fides import and export, on fixtures written for these tests in the
//! public fideslang format (one directory per fideslang major version).

use std::path::{Path, PathBuf};

use juris_report::fides::yaml::{self, Node};
use juris_report::fides::{export, import_paths, import_sources};

fn fixture(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fides").join(dir)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| e.to_string())
}

fn import(dir: &str) -> (String, juris_core::Manifest) {
    let imported = import_paths(&[fixture(dir)], &read).unwrap_or_else(|e| panic!("{dir}: {e:?}"));
    let manifest = juris_core::manifest::parse(&imported.manifest)
        .unwrap_or_else(|e| panic!("{dir}: the import does not parse: {e:?}\n{}", imported.manifest))
        .manifest;
    (imported.manifest, manifest)
}

#[test]
fn fideslang_3_keeps_every_mapped_fact() {
    let (text, m) = import("v3");
    assert_eq!(m.organization.name, "Lumen Books");
    assert_eq!(m.organization.established.iter().map(|j| j.to_string()).collect::<Vec<_>>(), ["DE"]);
    // Controller and DPO become contacts; the empty representative does not.
    let roles: Vec<String> = m.contacts.iter().map(|c| format!("{:?}:{}", c.role, c.name)).collect();
    assert_eq!(roles, ["Privacy:Lumen Books GmbH", "Dpo:Dana Officer"]);
    assert_eq!(m.systems.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["shop", "analytics"]);
    assert_eq!(m.activities.len(), 3);
    let orders = &m.activities[0];
    assert_eq!(orders.name, "Take and deliver orders");
    assert_eq!(orders.uses[0].as_str(), "essential.service.payment_processing");
    assert_eq!(orders.legal_basis.as_deref(), Some("contract"));
    assert_eq!(orders.retention.as_ref().map(|r| r.period.as_str()), Some("P395D"));
    let recommend = &m.activities[1];
    assert_eq!(recommend.legal_basis.as_deref(), Some("consent"));
    assert_eq!(recommend.special_category_condition.as_deref(), Some("explicit_consent"));
    assert_eq!(recommend.impact_assessment.as_deref(), Some("https://lumen.example/dpia/recommendations"));
    // The system's egress to `analytics` puts the data there too.
    assert_eq!(recommend.systems, ["shop", "analytics"]);
    // A data subject juris does not know is left out, with a TODO naming it.
    assert_eq!(recommend.data_subjects.iter().map(|s| s.as_str()).collect::<Vec<_>>(), ["customer"]);
    assert!(text.contains("TODO: fideslang data subject `book_club_member` (systems.yml:45)"), "{text}");
    // A custom data use becomes its declared parent.
    assert_eq!(m.activities[2].uses[0].as_str(), "analytics.reporting");
    assert_eq!(m.activities[2].retention.as_ref().map(|r| r.period.as_str()), Some("P2Y"));
    // What Fides does not record is asked for.
    assert!(text.contains("markets = []  # TODO"), "{text}");
    assert!(text.contains("locations = []  # TODO"), "{text}");
    // Third parties cannot be recipients without a country: written out for the user.
    assert!(text.contains("# TODO: declaration 1 of `shop` (systems.yml:20) shares data with: Parcel carriers."));
    assert!(m.recipients.is_empty());
}

#[test]
fn fideslang_2_transfers_cookies_and_deprecated_fields() {
    let (text, m) = import("v2");
    let booking = &m.systems[0];
    assert_eq!(booking.locations.iter().map(|j| j.to_string()).collect::<Vec<_>>(), ["US", "IN"]);
    assert!(text.contains("`XYZ` (resources.yaml:13) is not an ISO 3166-1 alpha-3 code"), "{text}");
    let transfers = &m.modules["eea-uk"]["system_transfers"];
    assert_eq!(transfers["US"], "scc");
    assert_eq!(m.activities[0].impact_assessment.as_deref(), Some("https://orbit.example/dpia/booking"));
    assert!(m.activities[0].retention.is_none());
    assert!(
        text.contains("data_qualifier `aggregated.anonymized.unlinked_pseudonymized.pseudonymized.identified` dropped")
    );
    assert_eq!(m.cookies.len(), 1);
    assert_eq!(m.cookies[0].lifetime.as_ref().map(|l| l.as_str()), Some("P1D"));
    assert!(text.contains("a_field_fideslang_never_had (resources.yaml:43) ignored"));
}

#[test]
fn fideslang_1_keys_are_translated_with_a_comment() {
    let (text, m) = import("v1");
    let ads = &m.activities[0];
    assert_eq!(ads.uses[0].as_str(), "marketing.advertising.first_party.targeted");
    let categories: Vec<&str> = ads.data_categories.iter().map(|c| c.as_str()).collect();
    assert_eq!(categories, ["user.contact.email", "user.behavior.browsing_history", "user"]);
    // The 1.x legal basis lived on the data use.
    assert_eq!(ads.legal_basis.as_deref(), Some("legitimate_interests"));
    assert_eq!(ads.legitimate_interest_assessment.as_deref(), Some("https://old.example/lia"));
    assert!(text.contains(
        "# fideslang data category `user.provided.identifiable.contact.email` (resources.yml:23) is `user.contact.email` since fideslang 1.1"
    ));
    assert!(text.contains("`user.provided.identifiable.secret_sauce` (resources.yml:25) is not in juris's taxonomy"));
    assert_eq!(m.activities[1].uses[0].as_str(), "essential.service.operations.support");
    assert!(text.contains("1 registry resources"));
}

#[test]
fn problems_name_the_file_and_line() {
    let cases = [
        ("system:\n  - fides_key: a\n    system_type: x\n", "a.yml:2: system `a` has no privacy_declarations"),
        ("organization: []\nsystems: []\n", "a.yml:2: `systems` is not a fideslang resource type"),
        ("system:\n  - name: no key\n    privacy_declarations: []\n", "a.yml:2: this system has no fides_key"),
        ("system: [\n", "a.yml:2: not valid YAML"),
        ("system:\n  - fides_key: a\n    privacy_declarations: 3\n", "a.yml:3: privacy_declarations must be a list"),
    ];
    for (text, expected) in cases {
        let errors = import_sources(&[("a.yml".to_string(), text.to_string())]).unwrap_err();
        let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(messages.iter().any(|m| m.starts_with(expected)), "{text:?}: {messages:?}");
    }
}

#[test]
fn hostile_text_cannot_break_the_toml() {
    let yaml = "organization:\n  - fides_key: default_organization\n    name: \"Evil\\\"\\n[modules.x]\\nname = 1\"\n    description: \"line\\n[[systems]]\\nid = 'x'\"\nsystem:\n  - fides_key: \"s\\\"]\"\n    name: \"x\\u0000y\"\n    system_type: Application\n    privacy_declarations:\n      - name: \"# not a comment\\n\"\n        data_categories: [\"user.contact\\n\"]\n        data_use: essential\n        retention_period: \"P1Y\\\"\"\n";
    let imported = import_sources(&[("evil.yml".to_string(), yaml.to_string())]).unwrap();
    let m = juris_core::manifest::parse(&imported.manifest).unwrap().manifest;
    assert_eq!(m.organization.name, "Evil\"\n[modules.x]\nname = 1");
    assert!(m.modules.is_empty());
    assert_eq!(m.systems.len(), 1);
    assert_eq!(m.systems[0].id, "s\"]");
}

/// The YAML of an export, read back: the resources fides would see.
fn export_tree(manifest: &str) -> Node {
    let m = juris_core::manifest::parse(manifest).unwrap().manifest;
    let exported = export(&m);
    let docs = yaml::parse(&exported.yaml).unwrap_or_else(|e| panic!("{e:?}\n{}", exported.yaml));
    assert_eq!(docs.len(), 1);
    docs.into_iter().next().unwrap()
}

#[test]
fn export_has_what_fides_evaluate_needs() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/acme.toml")).unwrap();
    let tree = export_tree(&text);
    let keys: Vec<&str> = tree.entries().iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["organization", "system", "policy"]);
    assert_eq!(tree.get("organization").unwrap().items()[0].str("fides_key").as_deref(), Some("default_organization"));
    let systems = tree.get("system").unwrap().items();
    assert_eq!(systems.len(), 3);
    for system in systems {
        assert!(system.str("system_type").is_some());
        let declarations = system.get("privacy_declarations").unwrap().items();
        let mut names: Vec<String> = declarations.iter().map(|d| d.str("name").unwrap()).collect();
        let count = names.len();
        names.dedup();
        assert_eq!(names.len(), count, "declaration names must be unique in a system");
        for d in declarations {
            assert!(!d.strings("data_categories").is_empty());
            for (c, _) in d.strings("data_categories") {
                assert!(juris_core::taxonomy::DataCategory::parse(&c).is_ok(), "{c}");
            }
            assert!(d.str("data_use").is_some());
            assert!(d.get("data_subjects").is_some());
        }
    }
    let shop = &systems[0];
    assert_eq!(shop.str("fides_key").as_deref(), Some("shop"));
    // Stored in the US, and the organisation is established in DE.
    assert_eq!(shop.strings("third_country_transfers").into_iter().map(|c| c.0).collect::<Vec<_>>(), ["USA"]);
    assert_eq!(shop.strings("legal_basis_for_transfers")[0].0, "SCCs");
    let orders = &shop.get("privacy_declarations").unwrap().items()[0];
    assert_eq!(orders.str("legal_basis_for_processing").as_deref(), Some("Contract"));
    assert_eq!(orders.str("retention_period").as_deref(), Some("2190"));
    let rule = &tree.get("policy").unwrap().items()[0].get("rules").unwrap().items()[0];
    for part in ["data_categories", "data_uses", "data_subjects"] {
        assert_eq!(rule.get(part).unwrap().str("matches").as_deref(), Some("ANY"));
    }
}

#[test]
fn export_then_import_round_trips_the_declarations() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/acme.toml")).unwrap();
    let m = juris_core::manifest::parse(&text).unwrap().manifest;
    let exported = export(&m);
    let imported = import_sources(&[("juris_export.yml".to_string(), exported.yaml)]).unwrap();
    let back = juris_core::manifest::parse(&imported.manifest).unwrap().manifest;
    assert_eq!(back.organization.name, "Acme Books");
    assert_eq!(back.systems.len(), 3);
    // `orders` is in two systems, so it is declared twice.
    assert_eq!(back.activities.len(), 3);
    assert_eq!(back.activities[0].legal_basis.as_deref(), Some("contract"));
    assert_eq!(back.systems[0].locations.iter().map(|j| j.to_string()).collect::<Vec<_>>(), ["US"]);
}
