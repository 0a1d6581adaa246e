//! How outcomes change with the as-of date (2023-03-01, 2025-07-01,
//! 2025-09-01), with the `[modules.russia]` switches, and what `resolve` says.

use juris_core::jiff::civil::{Date, date};
use juris_core::testing;
use juris_core::{Finding, RegionalModule, Severity};
use juris_russia::Russia;

const BASE: &str = r#"
manifest = 1

[organization]
name = "Marketplace"
markets = ["RU", "EEA", "US-CA"]

[[entities]]
id = "ru"
name = "OOO Marketplace Rus"
country = "RU"
serves = ["RU"]

[[contacts]]
role = "responsible_person"
for = ["RU"]
name = "Head of Personal Data"

[[systems]]
id = "accounts-ru"
name = "Account store, Russia"
locations = ["RU"]
holds = ["RU"]

[[systems]]
id = "accounts-global"
name = "Account store, global"
locations = ["DE", "US"]
holds = ["*"]
replica_of = { RU = "accounts-ru" }

[[activities]]
id = "orders"
name = "Take and deliver orders"
uses = ["essential.service"]
data_categories = ["user.contact", "user.account"]
data_subjects = ["customer"]
legal_basis = "contract"
systems = ["accounts-ru", "accounts-global"]
recipients = ["payments"]
retention = { period = "P30D", from = "account-closure" }

[[activities]]
id = "newsletter"
name = "Deals newsletter"
uses = ["marketing.communications.email"]
data_categories = ["user.contact.email"]
data_subjects = ["customer"]
legal_basis = "consent"
systems = ["accounts-ru"]
retention = { period = "P30D", from = "consent-withdrawal" }

[[recipients]]
id = "payments"
name = "Payment processor"
role = "processor"
country = "US"
contract = true

[notices]
privacy_policy = "https://market.example/ru/privacy"

[filings]
rkn_operator_registry = true
rkn_cross_border_notice = ["DE", "US"]
"#;

fn check(text: &str, as_of: Date) -> Vec<Finding> {
    testing::check(&Russia, text, as_of)
}

fn rules(findings: &[Finding]) -> Vec<(&str, Severity)> {
    findings.iter().map(|f| (f.rule.as_str(), f.severity)).collect()
}

fn with_options(options: &str) -> String {
    format!("{BASE}\n[modules.russia]\n{options}\n")
}

#[test]
fn a_copy_abroad_is_lawful_before_23_fz_and_a_warning_after_under_the_strict_reading() {
    let text = with_options("consent_separate_document = true");
    assert_eq!(rules(&check(&text, date(2025, 6, 30))), [("russia/cross-border-notice", Severity::Note)]);
    let after = check(&text, date(2025, 7, 1));
    assert_eq!(
        rules(&after),
        [("russia/localization", Severity::Warning), ("russia/cross-border-notice", Severity::Note)]
    );
    assert_eq!(after[0].path, "systems[1].locations[0]");
    assert!(after[0].message.contains("strict reading"), "{}", after[0].message);
    // The collection-only reading keeps the copy lawful.
    let text = with_options("consent_separate_document = true\nlocalization_scope = \"collection-only\"");
    assert_eq!(rules(&check(&text, date(2025, 7, 1))), [("russia/cross-border-notice", Severity::Note)]);
}

#[test]
fn a_system_abroad_without_a_russian_primary_is_an_error_before_and_after_23_fz() {
    let text = with_options("consent_separate_document = true").replace("replica_of = { RU = \"accounts-ru\" }\n", "");
    for as_of in [date(2020, 1, 1), date(2025, 6, 30), date(2026, 11, 29)] {
        let found: Vec<_> = check(&text, as_of).into_iter().filter(|f| f.rule == "russia/localization").collect();
        assert_eq!(found.len(), 1, "{as_of}");
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(found[0].path, "systems[1].locations[0]");
    }
    // Before 242-FZ took effect there was no localisation duty.
    assert!(check(&text, date(2015, 8, 31)).iter().all(|f| f.rule != "russia/localization"));
}

#[test]
fn a_replica_of_a_system_that_is_not_in_russia_is_an_error() {
    let text = with_options("consent_separate_document = true")
        .replace("replica_of = { RU = \"accounts-ru\" }", "replica_of = { RU = \"accounts-global\" }");
    let found: Vec<_> =
        check(&text, date(2025, 1, 1)).into_iter().filter(|f| f.rule == "russia/localization").collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, "systems[1].replica_of.RU");
}

#[test]
fn the_separate_consent_document_is_required_from_2025_09_01() {
    let found = check(BASE, date(2025, 8, 31));
    assert!(found.iter().all(|f| f.rule != "russia/consent-separate-document"));
    let found: Vec<_> =
        check(BASE, date(2025, 9, 1)).into_iter().filter(|f| f.rule == "russia/consent-separate-document").collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, "modules.russia");
    assert!(found[0].message.contains("`newsletter`"), "{}", found[0].message);
    let text = with_options("consent_separate_document = true");
    assert!(check(&text, date(2025, 9, 1)).iter().all(|f| f.rule != "russia/consent-separate-document"));
}

#[test]
fn cross_border_notices_are_required_from_2023_03_01_and_name_the_wait() {
    let text = with_options("consent_separate_document = true")
        .replace("rkn_cross_border_notice = [\"DE\", \"US\"]", "rkn_cross_border_notice = [\"DE\"]");
    assert!(check(&text, date(2023, 2, 28)).iter().all(|f| f.rule != "russia/cross-border-notice"));
    let found: Vec<_> =
        check(&text, date(2023, 3, 1)).into_iter().filter(|f| f.rule == "russia/cross-border-notice").collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(found[0].path, "systems[1].locations[1]");
    assert!(found[0].message.contains("system `accounts-global` and recipient `payments`"), "{}", found[0].message);
    assert!(found[0].message.contains("10 working days"), "{}", found[0].message);
    // Counsel confirms the US as adequate: the notice is still needed, the wait is not.
    let text = text
        .replace("consent_separate_document = true", "consent_separate_document = true\nadequate_countries = [\"US\"]");
    let found: Vec<_> =
        check(&text, date(2026, 1, 1)).into_iter().filter(|f| f.rule == "russia/cross-border-notice").collect();
    assert_eq!(found.len(), 1);
    assert!(!found[0].message.contains("10 working days"), "{}", found[0].message);
}

#[test]
fn organisations_neither_established_in_nor_targeting_russia_are_left_alone() {
    let text = with_options("")
        .replace("markets = [\"RU\", \"EEA\", \"US-CA\"]", "markets = [\"EEA\", \"US-CA\"]")
        .replace("country = \"RU\"\nserves = [\"RU\"]", "country = \"DE\"\nserves = [\"EEA\"]")
        .replace("[[contacts]]\nrole = \"responsible_person\"", "[[contacts]]\nrole = \"privacy\"")
        .replace("[notices]\nprivacy_policy = \"https://market.example/ru/privacy\"\n", "")
        .replace("rkn_operator_registry = true", "rkn_operator_registry = false");
    assert_eq!(check(&text, date(2026, 11, 29)), []);
}

#[test]
fn operator_notification_exemptions() {
    let unfiled = BASE.replace("rkn_operator_registry = true", "rkn_operator_registry = false");
    let text = format!("{unfiled}\n[modules.russia]\nconsent_separate_document = true\n");
    let found: Vec<_> =
        check(&text, date(2026, 1, 1)).into_iter().filter(|f| f.rule == "russia/operator-notification").collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(found[0].path, "filings.rkn_operator_registry");
    // Before 266-FZ the broader old exemptions may apply: a warning.
    let found: Vec<_> =
        check(&text, date(2022, 8, 31)).into_iter().filter(|f| f.rule == "russia/operator-notification").collect();
    assert_eq!(found[0].severity, Severity::Warning);
    // A state system is exempt; a claim of non-automated processing with databases is not believed.
    let text = format!(
        "{unfiled}\n[modules.russia]\nconsent_separate_document = true\noperator_notification_exemption = \"state-system\"\n"
    );
    assert!(check(&text, date(2026, 1, 1)).iter().all(|f| f.rule != "russia/operator-notification"));
    let text = text.replace("state-system", "non-automated");
    let found: Vec<_> =
        check(&text, date(2026, 1, 1)).into_iter().filter(|f| f.rule == "russia/operator-notification").collect();
    assert_eq!(found[0].path, "modules.russia.operator_notification_exemption");
}

#[test]
fn consent_required_covers_special_categories_and_marketing() {
    let text = with_options("consent_separate_document = true")
        .replace(
            "data_categories = [\"user.contact\", \"user.account\"]",
            "data_categories = [\"user.contact\", \"user.health_and_medical\"]",
        )
        .replace("legal_basis = \"consent\"", "legal_basis = \"legitimate_interests\"");
    let found: Vec<_> =
        check(&text, date(2026, 1, 1)).into_iter().filter(|f| f.rule == "russia/consent-required").collect();
    let paths: Vec<&str> = found.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["activities[0].data_categories[1]", "activities[1].legal_basis"]);
}

#[test]
fn a_malformed_module_table_is_reported_and_the_defaults_apply() {
    let text = with_options("localization_scope = \"mirrors-ok\"");
    let found = check(&text, date(2026, 1, 1));
    let malformed: Vec<_> = found.iter().filter(|f| f.rule == "russia/module-options").collect();
    assert_eq!(malformed.len(), 1);
    assert_eq!(malformed[0].path, "modules.russia.localization_scope");
    assert!(malformed[0].message.contains("mirrors-ok"), "{}", malformed[0].message);
    // The strict default applies: the copy abroad is flagged.
    assert!(found.iter().any(|f| f.rule == "russia/localization"));
}

#[test]
fn resolve_says_where_data_must_be_and_which_transfers_need_notices() {
    let text = BASE.replace("rkn_cross_border_notice = [\"DE\", \"US\"]", "rkn_cross_border_notice = [\"DE\"]");
    let statements = testing::resolve(&Russia, &text, "RU", date(2026, 11, 29));
    let topic = |t: &str| statements.iter().find(|s| s.topic == t).map(|s| s.text.clone()).unwrap_or_default();
    assert!(topic("entity").contains("OOO Marketplace Rus"));
    assert!(topic("storage").contains("satisfied by `accounts-ru`"), "{}", topic("storage"));
    assert!(
        topic("storage").contains("`accounts-global` (DE and US, a copy of `accounts-ru`)"),
        "{}",
        topic("storage")
    );
    assert!(
        topic("transfers").contains("US (via system `accounts-global` and recipient `payments`): needs a notice"),
        "{}",
        topic("transfers")
    );
    assert!(topic("transfers").contains("DE (via system `accounts-global`): notice filed"), "{}", topic("transfers"));
    assert!(topic("consent").contains("separate document"));
    assert!(topic("contacts").contains("Head of Personal Data"));
    assert!(statements.iter().all(|s| s.citation.as_deref().is_some_and(|c| c.contains("152-FZ"))));
    // Other jurisdictions: nothing from this module.
    assert!(testing::resolve(&Russia, &text, "DE", date(2026, 11, 29)).is_empty());
}

#[test]
fn describe_names_the_laws_and_the_jurisdiction() {
    let info = Russia.describe();
    assert_eq!(info.id, "russia");
    assert_eq!(info.jurisdictions.iter().map(|j| j.to_string()).collect::<Vec<_>>(), ["RU"]);
    assert!(info.laws.iter().any(|l| l.name.contains("152-FZ")));
    // The module-options rule juris-core adds comes last.
    assert_eq!(info.rules.len(), juris_russia::rules::ALL.len() + 1);
    assert_eq!(info.rules.last().map(|r| r.id.as_str()), Some("russia/module-options"));
}

#[test]
fn a_system_holding_ru_data_with_no_location_is_reported_as_such() {
    let text = with_options("consent_separate_document = true")
        .replace("locations = [\"DE\", \"US\"]", "locations = []")
        .replace("replica_of = { RU = \"accounts-ru\" }\n", "");
    let found: Vec<_> =
        check(&text, date(2026, 1, 1)).into_iter().filter(|f| f.rule == "russia/localization").collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, "systems[1].locations");
    assert!(found[0].message.contains("names no location"), "{}", found[0].message);
}

#[test]
fn written_consent_for_biometrics_must_also_be_a_separate_document() {
    // `orders` rests on a contract, but its biometrics on written consent;
    // `newsletter` no longer uses consent.
    let text = BASE
        .replace("data_categories = [\"user.contact\", \"user.account\"]", "data_categories = [\"user.biometric\"]")
        .replace(
            "legal_basis = \"contract\"",
            "legal_basis = \"contract\"\nspecial_category_condition = \"written_consent\"",
        )
        .replace("legal_basis = \"consent\"", "legal_basis = \"legitimate_interests\"");
    let found: Vec<_> =
        check(&text, date(2025, 9, 1)).into_iter().filter(|f| f.rule == "russia/consent-separate-document").collect();
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("`orders`"), "{}", found[0].message);
}

#[test]
fn resolve_agrees_with_the_rule_on_localisation_exempt_systems() {
    let text = BASE
        .replace("replica_of = { RU = \"accounts-ru\" }\n", "")
        .replace("legal_basis = \"contract\"", "legal_basis = \"legal_obligation\"");
    assert!(check(&text, date(2026, 11, 29)).iter().all(|f| f.rule != "russia/localization"));
    let statements = testing::resolve(&Russia, &text, "RU", date(2026, 11, 29));
    let storage = statements.iter().find(|s| s.topic == "storage").unwrap();
    assert!(!storage.text.contains("breaks Art. 18(5)"), "{}", storage.text);
    assert!(storage.text.contains("`accounts-global` (DE and US) holds"), "{}", storage.text);
    assert!(storage.text.contains("exempts"), "{}", storage.text);
}

const RUSSIAN_EMPLOYER: &str = r#"
manifest = 1

[organization]
name = "OOO Software House"
established = ["RU"]
markets = ["US", "EEA"]

[[systems]]
id = "hr"
name = "HR system"
locations = ["DE"]
holds = ["RU"]

[[activities]]
id = "payroll"
name = "Employees' payroll"
uses = ["employment"]
data_categories = ["user.contact", "user.financial"]
data_subjects = ["employee"]
legal_basis = "legal_obligation"
systems = ["hr"]
retention = { period = "P50Y", from = "relationship-end", why = "Federal Law No. 125-FZ on archives, Art. 22.1" }
"#;

#[test]
fn a_russian_employer_serving_only_foreign_markets_has_operator_duties_for_its_employees() {
    let found = check(RUSSIAN_EMPLOYER, date(2026, 11, 29));
    let fired: Vec<&str> = found.iter().map(|f| f.rule.as_str()).collect();
    for rule in [
        "russia/operator-notification",
        "russia/policy-published",
        "russia/responsible-person",
        "russia/cross-border-notice",
    ] {
        assert!(fired.contains(&rule), "{rule} is silent: {found:?}");
    }
    // Payroll rests on a legal obligation, which Art. 18(5) exempts from localisation.
    assert!(!fired.contains(&"russia/localization"), "{found:?}");
    let notice = found.iter().find(|f| f.rule == "russia/operator-notification").unwrap();
    assert_eq!(notice.path, "filings.rkn_operator_registry");
    assert!(notice.message.contains("`payroll`"), "{}", notice.message);
    // On consent, the HR system abroad breaks localisation.
    let text = RUSSIAN_EMPLOYER.replace("legal_basis = \"legal_obligation\"", "legal_basis = \"consent\"");
    let found = check(&text, date(2026, 11, 29));
    let local: Vec<_> = found.iter().filter(|f| f.rule == "russia/localization").collect();
    assert_eq!(local.len(), 1, "{found:?}");
    assert_eq!(local[0].path, "systems[0].locations[0]");
    assert_eq!(local[0].severity, Severity::Error);
    // resolve agrees with check on scope.
    let statements = testing::resolve(&Russia, RUSSIAN_EMPLOYER, "RU", date(2026, 11, 29));
    let applicability = statements.iter().find(|s| s.topic == "applicability").unwrap();
    assert!(applicability.text.contains("established in Russia"), "{}", applicability.text);
    assert!(statements.iter().any(|s| s.topic == "storage"));
}

#[test]
fn a_check_as_of_2006_reports_no_152_fz_duty() {
    let text = RUSSIAN_EMPLOYER.replace("legal_basis = \"legal_obligation\"", "legal_basis = \"consent\"");
    for manifest_text in [BASE, text.as_str()] {
        let found = check(manifest_text, date(2006, 12, 31));
        assert!(found.iter().all(|f| f.rule == "russia/module-options"), "{found:?}");
    }
    assert!(check(&text, date(2007, 1, 26)).iter().any(|f| f.rule == "russia/operator-notification"));
    // Arts. 18.1 and 22.1 apply from 2011-07-27 (261-FZ).
    let before: Vec<String> = check(&text, date(2011, 7, 26)).into_iter().map(|f| f.rule).collect();
    assert!(!before.iter().any(|r| r == "russia/policy-published" || r == "russia/responsible-person"), "{before:?}");
    let after: Vec<String> = check(&text, date(2011, 7, 27)).into_iter().map(|f| f.rule).collect();
    assert!(after.iter().any(|r| r == "russia/policy-published"), "{after:?}");
    assert!(after.iter().any(|r| r == "russia/responsible-person"), "{after:?}");
    let statements = testing::resolve(&Russia, &text, "RU", date(2006, 6, 1));
    assert_eq!(statements.len(), 1);
    assert!(statements[0].text.contains("2007-01-26"));
}

#[test]
fn special_categories_need_an_art_10_2_case_and_criminal_records_a_federal_law() {
    let text = with_options("consent_separate_document = true").replace(
        "data_categories = [\"user.contact\", \"user.account\"]",
        "data_categories = [\"user.contact\", \"user.health_and_medical\"]",
    );
    let with = |condition: &str| {
        text.replace(
            "legal_basis = \"contract\"",
            &format!("legal_basis = \"contract\"\nspecial_category_condition = \"{condition}\""),
        )
    };
    let special = |text: &str| -> Vec<Finding> {
        check(text, date(2026, 1, 1)).into_iter().filter(|f| f.rule == "russia/consent-required").collect()
    };
    for not_a_case in ["explicit_consent", "substantial_public_interest", "manifestly_made_public"] {
        let found = special(&with(not_a_case));
        assert_eq!(found.len(), 1, "{not_a_case}: {found:?}");
        assert_eq!(found[0].path, "activities[0].special_category_condition");
        assert!(found[0].message.contains("not a case of 152-FZ Art. 10(2)"), "{}", found[0].message);
    }
    for case in ["written_consent", "medical_purposes", "legal_claims", "vital_interests"] {
        assert!(special(&with(case)).is_empty(), "{case}");
    }
    // Criminal records: consent is never enough, a federal law is.
    let text = with_options("consent_separate_document = true").replace(
        "data_categories = [\"user.contact\", \"user.account\"]",
        "data_categories = [\"user.contact\", \"user.criminal_history\"]",
    );
    let criminal = |text: &str| -> Vec<Finding> {
        check(text, date(2026, 1, 1)).into_iter().filter(|f| f.rule == "russia/criminal-records").collect()
    };
    let on_consent = text.replace("legal_basis = \"contract\"", "legal_basis = \"consent\"");
    let found = criminal(&on_consent);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, "activities[0].legal_basis");
    assert!(found[0].message.contains("never on consent"), "{}", found[0].message);
    assert!(criminal(&text.replace("legal_basis = \"contract\"", "legal_basis = \"legal_obligation\"")).is_empty());
}

#[test]
fn retention_beyond_the_purpose_needs_a_federal_law_or_contract_not_a_bare_reason() {
    let text = with_options("consent_separate_document = true");
    let keep = |why: &str| {
        text.replace(
            "retention = { period = \"P30D\", from = \"account-closure\" }",
            &format!("retention = {{ period = \"P3Y\", from = \"account-closure\", why = \"{why}\" }}"),
        )
    };
    let fired = |text: &str| -> Vec<Finding> {
        check(text, date(2026, 1, 1)).into_iter().filter(|f| f.rule == "russia/destruction-deadline").collect()
    };
    let found = fired(&keep("we may need it for analytics"));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, "activities[0].retention.why");
    assert!(found[0].message.contains("names no federal law or contract"), "{}", found[0].message);
    assert!(fired(&keep("Civil Code Art. 196 limitation period")).is_empty());
    assert!(fired(&keep("срок по договору с покупателем")).is_empty());
}

#[test]
fn consent_collected_opt_out_or_through_a_bad_banner_is_not_valid_consent() {
    let text = format!("{}\n[consent.RU]\nmode = \"opt-out\"\n", with_options("consent_separate_document = true"));
    let validity = |text: &str| -> Vec<Finding> {
        check(text, date(2026, 1, 1)).into_iter().filter(|f| f.rule == "russia/consent-validity").collect()
    };
    let found = validity(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].path, "consent.RU.mode");
    assert!(found[0].message.contains("`newsletter`"), "{}", found[0].message);
    // A default entry that covers Russia is read too.
    let found = validity(&text.replace("[consent.RU]", "[consent.default]"));
    assert_eq!(found[0].path, "consent.default.mode");
    // Banner facts count only where tracking carries personal data.
    let banner = text.replace(
        "mode = \"opt-out\"",
        "mode = \"opt-in\"\nbanner = { pre_ticked = true, consent_by_continuing = true }",
    );
    assert!(validity(&banner).is_empty());
    let tracked = banner.replace(
        "data_categories = [\"user.contact.email\"]",
        "data_categories = [\"user.contact.email\", \"user.device.cookie_id\"]",
    );
    let paths: Vec<String> = validity(&tracked).into_iter().map(|f| f.path).collect();
    assert_eq!(paths, ["consent.RU.banner.pre_ticked", "consent.RU.banner.consent_by_continuing"]);
    // Before 266-FZ the consent had to be specific, informed and conscious.
    let before = check(&tracked, date(2020, 1, 1));
    let first = before.iter().find(|f| f.rule == "russia/consent-validity").unwrap();
    assert!(first.message.contains("specific, informed and conscious"), "{}", first.message);
}

#[test]
fn cross_border_transfers_must_wait_for_the_notice_and_its_review() {
    let text = with_options("consent_separate_document = true")
        .replace("rkn_cross_border_notice = [\"DE\", \"US\"]", "rkn_cross_border_notice = [\"DE\", \"US\"]\nrkn_cross_border_notice_filed = 2024-03-04\ncross_border_transfers_began = BEGAN");
    let timing = |began: &str| -> Vec<Finding> {
        check(&text.replace("BEGAN", began), date(2026, 1, 1))
            .into_iter()
            .filter(|f| f.rule == "russia/cross-border-timing")
            .collect()
    };
    let found = timing("2024-03-01");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, "filings.cross_border_transfers_began");
    assert!(
        found[0].message.contains("before the cross-border notice was filed on 2024-03-04"),
        "{}",
        found[0].message
    );
    // The US is not adequate: 10 working days (8 March 2024 is a holiday).
    let found = timing("2024-03-19");
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("ended on 2024-03-19"), "{}", found[0].message);
    assert!(timing("2024-03-20").is_empty());
    // Silent before 2023-03-01.
    let early = check(&text.replace("BEGAN", "2024-03-01"), date(2023, 2, 28));
    assert!(early.iter().all(|f| f.rule != "russia/cross-border-timing"));
}
