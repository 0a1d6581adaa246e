//! Rules evaluated as of different dates, with module options, on whole manifests.

use juris_core::jiff::civil::{Date, date};
use juris_core::testing::{self, of};
use juris_core::{Finding, Severity};
use juris_eea_uk::EeaUk;

fn check(text: &str, as_of: Date) -> Vec<Finding> {
    testing::check(&EeaUk, text, as_of)
}

const COOKIES_GB: &str = r#"
manifest = 1
[organization]
name = "Shop"
established = ["GB"]
markets = ["GB"]
[[cookies]]
name = "_ga"
purpose = "analytics"
[consent]
default = { mode = "opt-out" }
"#;

#[test]
fn uk_analytics_cookies_need_consent_only_before_5_february_2026() {
    let before = check(COOKIES_GB, date(2026, 2, 4));
    let rule = of(&before, "eea-uk/cookie-consent-required");
    assert_eq!(rule.len(), 1);
    assert_eq!(rule[0].path, "consent.default.mode");
    assert!(rule[0].message.contains("`_ga`") && rule[0].message.contains("GB"), "{}", rule[0].message);
    assert!(of(&check(COOKIES_GB, date(2026, 2, 5)), "eea-uk/cookie-consent-required").is_empty());
    // Without the exception's conditions, consent is needed again.
    let strict = format!("{COOKIES_GB}\n[modules.eea-uk]\nuk_analytics_exception = false\n");
    assert_eq!(of(&check(&strict, date(2026, 11, 29)), "eea-uk/cookie-consent-required").len(), 1);
    // Advertising cookies always need consent.
    let ads = COOKIES_GB.replace("\"analytics\"", "\"advertising\"");
    assert_eq!(of(&check(&ads, date(2026, 11, 29)), "eea-uk/cookie-consent-required").len(), 1);
}

#[test]
fn eea_analytics_cookies_need_consent_and_the_path_names_the_market_entry() {
    let text = COOKIES_GB.replace("[\"GB\"]", "[\"FR\"]").replace(
        "default = { mode = \"opt-out\" }",
        "default = { mode = \"opt-in\" }\nEEA = { mode = \"notice-only\" }",
    );
    let f = check(&text, date(2026, 11, 29));
    let rule = of(&f, "eea-uk/cookie-consent-required");
    assert_eq!(rule.len(), 1);
    assert_eq!(rule[0].path, "consent.EEA.mode");
}

#[test]
fn complaints_process_applies_from_19_june_2026() {
    let text = "manifest = 1\n[organization]\nname = \"Shop\"\nestablished = [\"GB\"]\nmarkets = [\"GB\"]\n";
    assert!(of(&check(text, date(2026, 6, 18)), "eea-uk/complaints-process").is_empty());
    let f = check(text, date(2026, 6, 19));
    let rule = of(&f, "eea-uk/complaints-process");
    assert_eq!(rule.len(), 1);
    assert_eq!(rule[0].path, "modules.eea-uk.complaints");
    // Not for an organisation neither established in nor targeting the UK.
    let eea = text
        .replace("markets = [\"GB\"]", "markets = [\"EEA\"]")
        .replace("established = [\"GB\"]", "established = [\"FR\"]");
    assert!(of(&check(&eea, date(2026, 11, 29)), "eea-uk/complaints-process").is_empty());
    // A UK establishment brings the duty even without a UK market (UK GDPR Art. 3(1)).
    let established = text.replace("markets = [\"GB\"]", "markets = [\"US\"]");
    assert_eq!(of(&check(&established, date(2026, 11, 29)), "eea-uk/complaints-process").len(), 1);
}

const US_RECIPIENT: &str = r#"
manifest = 1
[organization]
name = "Shop"
established = ["DE"]
markets = ["EEA"]
[[activities]]
id = "payments"
name = "Take payments"
uses = ["essential.service.payment_processing"]
data_categories = ["user.financial"]
data_subjects = ["customer"]
legal_basis = "contract"
recipients = ["psp"]
[[recipients]]
id = "psp"
name = "Payment provider"
role = "processor"
country = "US"
transfer = "dpf"
dpf_certified = true
contract = true
"#;

#[test]
fn the_data_privacy_framework_counts_from_10_july_2023_for_certified_recipients() {
    let rule = "eea-uk/transfer-without-safeguard";
    assert_eq!(of(&check(US_RECIPIENT, date(2023, 7, 9)), rule).len(), 1);
    assert!(of(&check(US_RECIPIENT, date(2023, 7, 10)), rule).is_empty());
    let uncertified = US_RECIPIENT.replace("dpf_certified = true", "dpf_certified = false");
    let f = check(&uncertified, date(2026, 11, 29));
    let found = of(&f, rule);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, "recipients[0].transfer");
    assert!(found[0].message.contains("certified"), "{}", found[0].message);
}

#[test]
fn brazil_is_adequate_for_the_eea_from_26_january_2026_and_not_for_the_uk() {
    let rule = "eea-uk/transfer-without-safeguard";
    let br = US_RECIPIENT.replace("country = \"US\"", "country = \"BR\"").replace("transfer = \"dpf\"\n", "");
    assert_eq!(of(&check(&br, date(2026, 1, 25)), rule).len(), 1);
    assert!(of(&check(&br, date(2026, 1, 26)), rule).is_empty());
    let uk = br.replace("markets = [\"EEA\"]", "markets = [\"EEA\", \"GB\"]");
    let f = check(&uk, date(2026, 11, 29));
    let found = of(&f, rule);
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("the UK"), "{}", found[0].message);
}

#[test]
fn the_danish_age_of_consent_rose_to_15_on_1_january_2024() {
    let text = r#"
manifest = 1
[organization]
name = "Games"
established = ["DK"]
markets = ["DK"]
[[activities]]
id = "accounts"
name = "Player accounts"
uses = ["essential.service"]
data_categories = ["user.account"]
data_subjects = ["customer"]
legal_basis = "consent"
[modules.eea-uk]
offers_services_to_children = true
parental_consent_below = 14
"#;
    let rule = "eea-uk/child-consent-age";
    assert!(of(&check(text, date(2023, 12, 31)), rule).is_empty());
    let f = check(text, date(2024, 1, 1));
    let found = of(&f, rule);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Error);
    assert!(found[0].message.contains("DK (15)"), "{}", found[0].message);
}

#[test]
fn findings_on_uncertain_ages_are_warnings_and_overrides_apply() {
    let text = r#"
manifest = 1
[organization]
name = "Games"
established = ["GB"]
markets = ["GB", "NO"]
[[activities]]
id = "accounts"
name = "Player accounts"
uses = ["essential.service"]
data_categories = ["user.account"]
data_subjects = ["customer"]
legal_basis = "consent"
[modules.eea-uk]
offers_services_to_children = true
parental_consent_below = 12
"#;
    let rule = "eea-uk/child-consent-age";
    let f = check(text, date(2026, 11, 29));
    let found = of(&f, rule);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(found[0].message.contains("NO (13)") && found[0].message.contains("GB (13)"), "{}", found[0].message);
    let raised = format!("{text}child_consent_ages = {{ GB = 16 }}\n");
    let f = check(&raised, date(2026, 11, 29));
    assert_eq!(of(&f, rule)[0].severity, Severity::Error);
}

#[test]
fn the_uk_representative_is_required_and_can_be_switched_off() {
    let text = r#"
manifest = 1
[organization]
name = "Marketplace"
established = ["SG"]
markets = ["GB"]
"#;
    let rule = "eea-uk/representative-missing";
    let f = check(text, date(2026, 11, 29));
    let found = of(&f, rule);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].severity, found[0].path.as_str()), (Severity::Error, "contacts"));
    let off = format!("{text}[modules.eea-uk]\nuk_representative_required = false\n");
    assert!(of(&check(&off, date(2026, 11, 29)), rule).is_empty());
    // An EEA entity is an establishment: no EU representative is needed.
    let eu = r#"
manifest = 1
[organization]
name = "Marketplace"
established = ["SG"]
markets = ["EEA"]
[[entities]]
id = "ie"
name = "Marketplace Ireland Ltd"
country = "IE"
serves = ["EEA"]
"#;
    assert!(of(&check(eu, date(2026, 11, 29)), rule).is_empty());
}

#[test]
fn dpo_scale_unknown_is_a_warning() {
    let text = r#"
manifest = 1
[organization]
name = "Shop"
established = ["DE"]
markets = ["DE"]
[[activities]]
id = "profiles"
name = "Build shopper profiles"
uses = ["personalize.content.profiling"]
data_categories = ["user.behavior.purchase_history"]
data_subjects = ["customer"]
legal_basis = "consent"
"#;
    let rule = "eea-uk/dpo-missing";
    let f = check(text, date(2026, 11, 29));
    let found = of(&f, rule);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning);
    let small = format!("{text}[modules.eea-uk]\nlarge_scale = false\n");
    assert!(of(&check(&small, date(2026, 11, 29)), rule).is_empty());
}

#[test]
fn recognised_legitimate_interest_is_a_uk_basis_from_5_february_2026_only() {
    let text = r#"
manifest = 1
[organization]
name = "Shop"
established = ["GB"]
markets = ["GB", "FR"]
[[activities]]
id = "police"
name = "Answer police requests"
uses = ["essential.legal_obligation"]
data_categories = ["user.contact"]
data_subjects = ["customer"]
legal_basis = "recognised_legitimate_interest"
"#;
    let rule = "eea-uk/lawful-basis-invalid";
    let f = check(text, date(2026, 11, 29));
    let found = of(&f, rule);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].message.contains("the EEA"), "{}", found[0].message);
    assert_eq!(found[0].path, "activities[0].legal_basis");
    let gb_only = text.replace("[\"GB\", \"FR\"]", "[\"GB\"]");
    assert!(of(&check(&gb_only, date(2026, 2, 5)), rule).is_empty());
    assert_eq!(of(&check(&gb_only, date(2026, 2, 4)), rule).len(), 1);
}

#[test]
fn a_malformed_options_table_is_one_error_and_the_other_rules_use_defaults() {
    let text = r#"
manifest = 1
[organization]
name = "Marketplace"
established = ["SG"]
markets = ["GB"]
[modules.eea-uk]
uk_representative = false
"#;
    let f = check(text, date(2026, 11, 29));
    let options = of(&f, "eea-uk/module-options");
    assert_eq!(options.len(), 1);
    assert_eq!(options[0].path, "modules.eea-uk.uk_representative");
    assert!(options[0].message.contains("did you mean `uk_representative_required`?"), "{}", options[0].message);
    assert!(options[0].message.contains("uk_representative"), "{}", options[0].message);
    assert_eq!(of(&f, "eea-uk/representative-missing").len(), 1);
}

#[test]
fn only_eea_and_uk_markets_are_checked() {
    let text = r#"
manifest = 1
[organization]
name = "Tienda"
established = ["BR"]
markets = ["BR", "US-CA"]
[[activities]]
id = "orders"
name = "Orders"
uses = ["essential.service"]
data_categories = ["user.health_and_medical"]
data_subjects = ["customer"]
[[cookies]]
name = "_ga"
purpose = "analytics"
"#;
    assert_eq!(check(text, date(2026, 11, 29)), Vec::new());
}

const BASIS: &str = r#"
manifest = 1
[organization]
name = "Shop"
established = ["DE"]
markets = ["*"]
[[activities]]
id = "credit"
name = "Credit checks"
uses = ["essential.service.payment_processing"]
data_categories = ["user.financial"]
data_subjects = ["customer"]
legal_basis_by = { BR = "credit_protection" }
"#;

#[test]
fn a_basis_for_another_country_is_no_basis_here() {
    // `*` includes the EEA and the UK; the BR entry is Brazil's basis only.
    let f = check(BASIS, date(2026, 11, 29));
    let missing = of(&f, "eea-uk/lawful-basis-missing");
    assert_eq!(missing.len(), 1, "{f:?}");
    assert!(missing[0].message.contains("the EEA") && missing[0].message.contains("GB"), "{}", missing[0].message);
    // Nor is it judged by the GDPR.
    assert!(of(&f, "eea-uk/lawful-basis-invalid").is_empty(), "{f:?}");
    // One EEA country's entry does not stand in for the other 29.
    let de_only = BASIS.replace("[\"*\"]", "[\"EEA\"]").replace("BR = \"credit_protection\"", "DE = \"contract\"");
    let f = check(&de_only, date(2026, 11, 29));
    let missing = of(&f, "eea-uk/lawful-basis-missing");
    assert_eq!(missing.len(), 1, "{f:?}");
    assert!(missing[0].message.contains("FR") && !missing[0].message.contains("DE"), "{}", missing[0].message);
    let everywhere = de_only.replace("DE = \"contract\"", "EEA = \"contract\"");
    assert!(of(&check(&everywhere, date(2026, 11, 29)), "eea-uk/lawful-basis-missing").is_empty());
}

#[test]
fn every_entry_for_a_served_country_is_judged_and_no_other() {
    let text = BASIS
        .replace("[\"*\"]", "[\"EEA\"]")
        .replace("BR = \"credit_protection\"", "DE = \"contract\", FR = \"credit_protection\"");
    let text = format!("{text}legal_basis = \"contract\"\n");
    let f = check(&text, date(2026, 11, 29));
    let invalid = of(&f, "eea-uk/lawful-basis-invalid");
    assert_eq!(invalid.len(), 1, "{f:?}");
    assert_eq!(invalid[0].path, "activities[0].legal_basis_by.FR");
    // An entry for a country the activity does not reach is not judged.
    let fr_only = text.replace("markets = [\"EEA\"]", "markets = [\"IT\"]");
    assert!(of(&check(&fr_only, date(2026, 11, 29)), "eea-uk/lawful-basis-invalid").is_empty());
}

const COOKIES_EEA_GB: &str = r#"
manifest = 1
[organization]
name = "Shop"
established = ["DE"]
markets = ["EEA", "GB"]
[[cookies]]
name = "_ga"
purpose = "analytics"
[[cookies]]
name = "_fbp"
purpose = "advertising"
[consent]
default = { mode = "opt-in" }
DE = { mode = "opt-out" }
"#;

#[test]
fn a_country_entry_inside_an_eea_market_is_checked() {
    let f = check(COOKIES_EEA_GB, date(2026, 11, 29));
    let rule = of(&f, "eea-uk/cookie-consent-required");
    assert_eq!(rule.len(), 1, "{f:?}");
    assert_eq!(rule[0].path, "consent.DE.mode");
    assert!(rule[0].message.contains("in DE"), "{}", rule[0].message);
}

#[test]
fn one_consent_entry_for_the_eea_and_gb_is_reported_for_each_set_of_cookies() {
    let text = COOKIES_EEA_GB
        .replace("default = { mode = \"opt-in\" }\nDE = { mode = \"opt-out\" }", "default = { mode = \"opt-out\" }");
    // Before 5 Feb 2026 the same cookies need consent in both: one finding.
    let f = check(&text, date(2026, 2, 4));
    let rule = of(&f, "eea-uk/cookie-consent-required");
    assert_eq!(rule.len(), 1, "{f:?}");
    assert!(rule[0].message.contains("the EEA, GB"), "{}", rule[0].message);
    // After it, GB's analytics rely on the exception, its advertising does not.
    let f = check(&text, date(2026, 11, 29));
    let rule = of(&f, "eea-uk/cookie-consent-required");
    assert_eq!(rule.len(), 2, "{f:?}");
    let gb = rule.iter().find(|r| r.message.contains("GB")).expect("a finding for GB");
    assert!(gb.message.contains("`_fbp`") && !gb.message.contains("`_ga`"), "{}", gb.message);
    assert!(rule.iter().all(|r| r.path == "consent.default.mode"));
}

#[test]
fn resolve_cites_the_uk_law_and_the_age_set_in_the_manifest() {
    use juris_core::Statement;
    let text = r#"
manifest = 1
[organization]
name = "Games"
established = ["GB"]
markets = ["GB", "ES"]
[modules.eea-uk]
child_consent_ages = { GB = 16 }
"#;
    let resolve = |place: &str, as_of| testing::resolve(&EeaUk, text, place, as_of);
    let find = |s: &[Statement], topic: &str| s.iter().find(|s| s.topic == topic).cloned().unwrap();
    let gb = resolve("GB", date(2026, 11, 29));
    assert!(find(&gb, "children").text.contains("is 16"), "{:?}", find(&gb, "children"));
    for topic in ["entity", "storage", "contacts", "children"] {
        let c = find(&gb, topic).citation.unwrap();
        assert!(c.starts_with("UK GDPR"), "{topic}: {c}");
    }
    assert_eq!(find(&gb, "consent").citation.as_deref(), Some("PECR reg 6 and Sch A1"));
    assert_eq!(find(&resolve("GB", date(2026, 2, 4)), "consent").citation.as_deref(), Some("PECR reg 6"));
    let es = resolve("ES", date(2026, 11, 29));
    assert!(find(&es, "children").text.contains("is 14 (Ley Orgánica 3/2018"), "{:?}", find(&es, "children"));
}

const US_ONLY: &str = r#"
manifest = 1
[organization]
name = "Diner"
established = ["US"]
markets = ["US"]
[[systems]]
id = "db"
name = "Customer database"
locations = ["US"]
holds = ["*"]
[[activities]]
id = "orders"
name = "Orders"
uses = ["marketing.advertising.third_party.targeted"]
data_categories = ["user.health_and_medical"]
data_subjects = ["customer"]
systems = ["db"]
recipients = ["ads"]
[[recipients]]
id = "ads"
name = "Ad network"
role = "third_party"
country = "US"
transfer = "none"
[[cookies]]
name = "_fbp"
purpose = "advertising"
"#;

#[test]
fn where_a_system_stores_data_never_makes_the_law_apply() {
    // GDPR / UK GDPR Art. 3: no establishment, no targeting, no monitoring.
    assert_eq!(check(US_ONLY, date(2026, 11, 29)), Vec::new());
    for place in ["DE", "GB"] {
        let r = testing::resolve(&EeaUk, US_ONLY, place, date(2026, 11, 29));
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(r[0].text.contains("does not apply"), "{}", r[0].text);
        assert_eq!(
            r[0].citation.as_deref(),
            Some(if place == "GB" { "UK GDPR Art. 3(1)-(2)" } else { "GDPR Art. 3(1)-(2)" })
        );
    }
    // Targeting the EEA brings the transfer rule, for the EEA only.
    let eea = US_ONLY.replace("markets = [\"US\"]", "markets = [\"US\", \"FR\"]");
    let f = check(&eea, date(2026, 11, 29));
    let transfers = of(&f, "eea-uk/transfer-without-safeguard");
    assert!(!transfers.is_empty() && transfers.iter().all(|t| t.message.contains("the EEA")), "{transfers:?}");
}

#[test]
fn gb_is_judged_under_the_gdpr_before_2021() {
    let text = "manifest = 1\n[organization]\nname = \"Shop\"\nestablished = [\"SG\"]\nmarkets = [\"GB\"]\n";
    let f = check(text, date(2020, 6, 1));
    let rep = of(&f, "eea-uk/representative-missing");
    assert_eq!(rep.len(), 1, "{f:?}");
    assert!(rep[0].message.contains("the EEA"), "{}", rep[0].message);
    let f = check(text, date(2021, 1, 1));
    assert!(of(&f, "eea-uk/representative-missing")[0].message.contains("the UK"));
}
