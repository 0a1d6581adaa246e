//! Which notice items apply (`notice_items` with a manifest): each condition
//! turns its item off with a reason citing the law, the fact turns it on, and
//! without a manifest every item applies.

use juris_core::RegionalModule;
use juris_core::jiff::civil::{Date, date};
use juris_core::module::{NoticeItems, NoticeRequest};
use juris_core::testing;
use juris_eea_uk::EeaUk;
use juris_eea_uk::notice::ITEMS;

const AS_OF: Date = date(2026, 12, 1);

/// A shop established in Germany selling in the EEA, whose one activity
/// triggers none of the conditional items.
const BASE: &str = r#"
manifest = 1

[organization]
name = "Shop"
established = ["DE"]
markets = ["EEA"]

[[systems]]
id = "db"
name = "Database"
locations = ["DE"]
holds = ["EEA"]

[[activities]]
id = "invoices"
name = "Invoicing"
uses = ["essential.service.payment_processing"]
data_categories = ["user.financial"]
data_subjects = ["customer"]
legal_basis = "legal_obligation"
systems = ["db"]
collected_from = ["subject"]
"#;

fn items_on(text: &str, as_of: Date) -> NoticeItems {
    testing::notice_items(&EeaUk, text, as_of)
}

fn items(text: &str) -> NoticeItems {
    items_on(text, AS_OF)
}

use juris_core::testing::{item_applies as applies, item_off as off};

fn with(replace: &str, by: &str) -> String {
    testing::replaced(BASE, replace, by)
}

#[test]
fn every_condition_turns_its_item_off_with_a_citation() {
    let items = items(BASE);
    let expected = [
        ("representative", "Art. 27(1)"),
        ("dpo-contact", "Art. 13(1)(b)"),
        ("legitimate-interests", "Art. 13(1)(d)"),
        ("withdraw-consent", "Art. 13(2)(c)"),
        ("right-portability", "Art. 20(1)"),
        ("right-objection", "Art. 21"),
        ("transfers", "Art. 13(1)(f)"),
        ("transfer-safeguards", "Art. 13(1)(f)"),
        ("automated-decisions", "Art. 22(1)"),
        ("sources", "Art. 14(2)(f)"),
        ("categories", "Art. 14(1)(d)"),
    ];
    for (id, cite) in expected {
        let reason = off(&items, id).unwrap_or_else(|| panic!("{id} should not apply"));
        assert!(reason.contains(cite), "{id}: {reason}");
    }
    for id in ["controller-identity", "purposes", "legal-basis", "recipients", "retention", "right-access"] {
        assert!(applies(&items, id), "{id} always applies");
    }
    assert!(applies(&items, "statutory-requirement"), "data is collected from the person");
    assert!(applies(&items, "complaint-authority"));
}

#[test]
fn representative_only_for_an_organisation_reached_by_targeting() {
    let abroad = with(r#"established = ["DE"]"#, r#"established = ["SG"]"#);
    assert!(applies(&items(&abroad), "representative"));
    // The UK GDPR reaches a German shop that targets GB: a UK representative.
    let uk = with(r#"markets = ["EEA"]"#, r#"markets = ["EEA", "GB"]"#);
    assert!(applies(&items(&uk), "representative"));
    // Art. 27(2)(b): a public authority needs none.
    let public = abroad.replace(r#"markets = ["EEA"]"#, "markets = [\"EEA\"]\npublic_body = true");
    assert!(off(&items(&public), "representative").unwrap().contains("Art. 27(2)(b)"));
}

#[test]
fn dpo_contact_when_designated_or_required() {
    let designated =
        format!("{BASE}\n[[contacts]]\nrole = \"dpo\"\nfor = [\"EEA\"]\nname = \"DPO\"\nemail = \"dpo@example.com\"\n");
    assert!(applies(&items(&designated), "dpo-contact"));
    // A DPO for Brazil only is not one for the EEA.
    let elsewhere = designated.replace(r#"for = ["EEA"]"#, r#"for = ["BR"]"#);
    assert!(!applies(&items(&elsewhere), "dpo-contact"));
    // Monitoring, on a scale not said to be small: Art. 37(1)(b) may require one.
    let profiling = with("essential.service.payment_processing", "marketing.advertising.profiling");
    assert!(applies(&items(&profiling), "dpo-contact"));
    let small = format!("{profiling}\n[modules.eea-uk]\nlarge_scale = false\n");
    assert!(!applies(&items(&small), "dpo-contact"));
}

#[test]
fn bases_decide_legitimate_interests_consent_portability_and_objection() {
    let li = items(&with("legal_obligation", "legitimate_interests"));
    assert!(applies(&li, "legitimate-interests"));
    assert!(applies(&li, "right-objection"));
    assert!(!applies(&li, "withdraw-consent"));
    assert!(!applies(&li, "right-portability"));

    let consent = items(&with("legal_obligation", "consent"));
    assert!(applies(&consent, "withdraw-consent"));
    assert!(applies(&consent, "right-portability"));
    assert!(!applies(&consent, "legitimate-interests"));

    let explicit = items(&with(
        r#"legal_basis = "legal_obligation""#,
        "legal_basis = \"legal_obligation\"\nspecial_category_condition = \"explicit_consent\"",
    ));
    assert!(applies(&explicit, "withdraw-consent"));

    let contract = items(&with("legal_obligation", "contract"));
    assert!(applies(&contract, "right-portability"));
    assert!(!applies(&contract, "withdraw-consent"));

    let public_task = items(&with("legal_obligation", "public_task"));
    assert!(applies(&public_task, "right-objection"));

    // Art. 21(2): direct marketing, whatever the basis.
    let marketing = items(&with("essential.service.payment_processing", "marketing.communications.email"));
    assert!(applies(&marketing, "right-objection"));
}

#[test]
fn a_basis_outside_the_scope_does_not_count() {
    // The activity is for the US market of a Singapore company: the GDPR
    // does not reach it, so its consent brings no withdrawal item.
    let text = with(r#"established = ["DE"]"#, r#"established = ["SG"]"#).replace(
        "collected_from = [\"subject\"]",
        "collected_from = [\"subject\"]\n\n[[activities]]\nid = \"us-ads\"\nname = \"US ads\"\nuses = [\"essential.service\"]\ndata_categories = [\"user.contact.email\"]\ndata_subjects = [\"customer\"]\nlegal_basis = \"consent\"\nmarkets = [\"US\"]",
    );
    assert!(!applies(&items(&text), "withdraw-consent"));
}

#[test]
fn transfers_when_data_goes_outside_the_eea_or_uk() {
    let system = items(&with(r#"locations = ["DE"]"#, r#"locations = ["DE", "US"]"#));
    assert!(applies(&system, "transfers"));
    assert!(applies(&system, "transfer-safeguards"));

    let recipient = format!(
        "{}\n[[recipients]]\nid = \"psp\"\nname = \"Payments\"\nrole = \"processor\"\ncountry = \"US\"\ntransfer = \"dpf\"\ncontract = true\n",
        with("systems = [\"db\"]", "systems = [\"db\"]\nrecipients = [\"psp\"]")
    );
    let recipient = items(&recipient);
    assert!(applies(&recipient, "transfers"));
    assert!(applies(&recipient, "transfer-safeguards"));

    // A recipient inside the EEA is no transfer.
    let inside = format!(
        "{}\n[[recipients]]\nid = \"psp\"\nname = \"Payments\"\nrole = \"processor\"\ncountry = \"FR\"\ncontract = true\n",
        with("systems = [\"db\"]", "systems = [\"db\"]\nrecipients = [\"psp\"]")
    );
    assert!(!applies(&items(&inside), "transfers"));
}

#[test]
fn automated_decisions_only_solely_automated_with_significant_effect() {
    let decide = |solely: bool, significant: bool| {
        items(&format!(
            "{BASE}automated_decision = {{ solely_automated = {solely}, significant_effect = {significant} }}\n"
        ))
    };
    assert!(applies(&decide(true, true), "automated-decisions"));
    assert!(!applies(&decide(true, false), "automated-decisions"));
    assert!(!applies(&decide(false, true), "automated-decisions"));
}

#[test]
fn sources_and_statutory_requirement_follow_collected_from() {
    let third = items(&with(r#"collected_from = ["subject"]"#, r#"collected_from = ["third_party"]"#));
    assert!(applies(&third, "sources"));
    assert!(applies(&third, "categories"));
    assert!(off(&third, "statutory-requirement").unwrap().contains("Art. 13(2)(e)"));

    let public = items(&with(r#"collected_from = ["subject"]"#, r#"collected_from = ["public", "subject"]"#));
    assert!(applies(&public, "sources"));
    assert!(applies(&public, "statutory-requirement"));

    // Not said: the person is presumed to be the source (Art. 13).
    let unsaid = items(&with(r#"collected_from = ["subject"]"#, ""));
    assert!(applies(&unsaid, "statutory-requirement"));
    assert!(!applies(&unsaid, "sources"));
}

#[test]
fn out_of_scope_nothing_applies() {
    let abroad = with(r#"established = ["DE"]"#, r#"established = ["US"]"#)
        .replace(r#"markets = ["EEA"]"#, r#"markets = ["US"]"#);
    let items = items(&abroad);
    for id in ITEMS {
        assert!(off(&items, id).is_some_and(|r| r.contains("Art. 3")), "{id}");
    }
    let before = items_on(BASE, date(2018, 5, 24));
    for id in ITEMS {
        assert!(off(&before, id).is_some_and(|r| r.contains("Art. 99(2)")), "{id}");
    }
    assert!(off(&items_on(BASE, date(2018, 5, 25)), "purposes").is_none());
}

#[test]
fn without_a_manifest_every_item_applies_and_the_items_are_returned() {
    let items = EeaUk.notice_items(&NoticeRequest { manifest: None, as_of: AS_OF }).expect("items");
    assert!(items.applicability.is_empty());
    assert_eq!(items.items, include_str!("../notice/items.toml"));
    let ids: Vec<&str> = items
        .items
        .lines()
        .filter_map(|l| l.trim().strip_prefix("id = "))
        .map(|v| v.trim_matches(|c| c == '\'' || c == '"'))
        .collect();
    assert_eq!(ids, ITEMS, "notice::ITEMS lists the items file's ids");
}
