//! Rules evaluated as of different dates, with module options, on whole manifests.

use juris_core::jiff::civil::{Date, date};
use juris_core::testing::manifest;
use juris_core::{CheckContext, Finding, RegionalModule, Severity};
use juris_eea_uk::EeaUk;

fn check(text: &str, as_of: Date) -> Vec<Finding> {
    EeaUk.check(&CheckContext { manifest: manifest(text), as_of })
}

fn fired<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule == rule).collect()
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
    let rule = fired(&before, "eea-uk/cookie-consent-required");
    assert_eq!(rule.len(), 1);
    assert_eq!(rule[0].path, "consent.default.mode");
    assert!(rule[0].message.contains("`_ga`") && rule[0].message.contains("GB"), "{}", rule[0].message);
    assert!(fired(&check(COOKIES_GB, date(2026, 2, 5)), "eea-uk/cookie-consent-required").is_empty());
    // Without the exception's conditions, consent is needed again.
    let strict = format!("{COOKIES_GB}\n[modules.eea-uk]\nuk_analytics_exception = false\n");
    assert_eq!(fired(&check(&strict, date(2026, 11, 29)), "eea-uk/cookie-consent-required").len(), 1);
    // Advertising cookies always need consent.
    let ads = COOKIES_GB.replace("\"analytics\"", "\"advertising\"");
    assert_eq!(fired(&check(&ads, date(2026, 11, 29)), "eea-uk/cookie-consent-required").len(), 1);
}

#[test]
fn eea_analytics_cookies_need_consent_and_the_path_names_the_market_entry() {
    let text = COOKIES_GB.replace("[\"GB\"]", "[\"FR\"]").replace(
        "default = { mode = \"opt-out\" }",
        "default = { mode = \"opt-in\" }\nEEA = { mode = \"notice-only\" }",
    );
    let f = check(&text, date(2026, 11, 29));
    let rule = fired(&f, "eea-uk/cookie-consent-required");
    assert_eq!(rule.len(), 1);
    assert_eq!(rule[0].path, "consent.EEA.mode");
}

#[test]
fn complaints_process_applies_from_19_june_2026() {
    let text = "manifest = 1\n[organization]\nname = \"Shop\"\nestablished = [\"GB\"]\nmarkets = [\"GB\"]\n";
    assert!(fired(&check(text, date(2026, 6, 18)), "eea-uk/complaints-process").is_empty());
    let f = check(text, date(2026, 6, 19));
    let rule = fired(&f, "eea-uk/complaints-process");
    assert_eq!(rule.len(), 1);
    assert_eq!(rule[0].path, "modules.eea-uk.complaints");
    // Not for an organisation that does not target the UK.
    let eea = text.replace("markets = [\"GB\"]", "markets = [\"EEA\"]");
    assert!(fired(&check(&eea, date(2026, 11, 29)), "eea-uk/complaints-process").is_empty());
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
    assert_eq!(fired(&check(US_RECIPIENT, date(2023, 7, 9)), rule).len(), 1);
    assert!(fired(&check(US_RECIPIENT, date(2023, 7, 10)), rule).is_empty());
    let uncertified = US_RECIPIENT.replace("dpf_certified = true", "dpf_certified = false");
    let f = check(&uncertified, date(2026, 11, 29));
    let found = fired(&f, rule);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, "recipients[0].transfer");
    assert!(found[0].message.contains("certified"), "{}", found[0].message);
}

#[test]
fn brazil_is_adequate_for_the_eea_from_26_january_2026_and_not_for_the_uk() {
    let rule = "eea-uk/transfer-without-safeguard";
    let br = US_RECIPIENT.replace("country = \"US\"", "country = \"BR\"").replace("transfer = \"dpf\"\n", "");
    assert_eq!(fired(&check(&br, date(2026, 1, 25)), rule).len(), 1);
    assert!(fired(&check(&br, date(2026, 1, 26)), rule).is_empty());
    let uk = br.replace("markets = [\"EEA\"]", "markets = [\"EEA\", \"GB\"]");
    let f = check(&uk, date(2026, 11, 29));
    let found = fired(&f, rule);
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
[modules.eea-uk]
offers_services_to_children = true
parental_consent_below = 14
"#;
    let rule = "eea-uk/child-consent-age";
    assert!(fired(&check(text, date(2023, 12, 31)), rule).is_empty());
    let f = check(text, date(2024, 1, 1));
    let found = fired(&f, rule);
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
markets = ["GB", "ES"]
[modules.eea-uk]
offers_services_to_children = true
parental_consent_below = 13
"#;
    let rule = "eea-uk/child-consent-age";
    let f = check(text, date(2026, 11, 29));
    let found = fired(&f, rule);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(found[0].message.contains("ES (14)") && !found[0].message.contains("GB"), "{}", found[0].message);
    let raised = format!("{text}child_consent_ages = {{ GB = 16 }}\n");
    let f = check(&raised, date(2026, 11, 29));
    assert_eq!(fired(&f, rule)[0].severity, Severity::Error);
}

#[test]
fn the_uk_representative_is_a_warning_that_can_be_switched_off() {
    let text = r#"
manifest = 1
[organization]
name = "Marketplace"
established = ["SG"]
markets = ["GB"]
"#;
    let rule = "eea-uk/representative-missing";
    let f = check(text, date(2026, 11, 29));
    let found = fired(&f, rule);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].severity, found[0].path.as_str()), (Severity::Warning, "contacts"));
    let off = format!("{text}[modules.eea-uk]\nuk_representative_required = false\n");
    assert!(fired(&check(&off, date(2026, 11, 29)), rule).is_empty());
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
    assert!(fired(&check(eu, date(2026, 11, 29)), rule).is_empty());
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
    let found = fired(&f, rule);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning);
    let small = format!("{text}[modules.eea-uk]\nlarge_scale = false\n");
    assert!(fired(&check(&small, date(2026, 11, 29)), rule).is_empty());
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
    let found = fired(&f, rule);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].message.contains("the EEA"), "{}", found[0].message);
    assert_eq!(found[0].path, "activities[0].legal_basis");
    let gb_only = text.replace("[\"GB\", \"FR\"]", "[\"GB\"]");
    assert!(fired(&check(&gb_only, date(2026, 2, 5)), rule).is_empty());
    assert_eq!(fired(&check(&gb_only, date(2026, 2, 4)), rule).len(), 1);
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
    let options = fired(&f, "eea-uk/module-options");
    assert_eq!(options.len(), 1);
    assert_eq!(options[0].path, "modules.eea-uk");
    assert!(options[0].message.contains("uk_representative"), "{}", options[0].message);
    assert_eq!(fired(&f, "eea-uk/representative-missing").len(), 1);
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
