//! What the rules say, where they point, and how their dated facts change the
//! result: beyond the fires/silent check of `tests/rules.rs`.

use juris_brazil::Brazil;
use juris_core::jiff::civil::{Date, date};
use juris_core::testing::{self, AS_OF, of};
use juris_core::{Finding, Severity};

fn check(text: &str, as_of: Date) -> Vec<Finding> {
    testing::check(&Brazil, text, as_of)
}

fn with_recipient(country: &str, transfer: &str) -> String {
    format!(
        r#"
manifest = 1
[organization]
name = "Marketplace"
markets = ["BR"]
[modules.brazil]
transfer_transparency_page = "https://example.com/pt-br/transferencias"
incident_register = {{ retention = "P5Y" }}
[[activities]]
id = "orders"
name = "Orders"
uses = ["essential.service"]
data_categories = ["user.contact.address"]
data_subjects = ["customer"]
legal_basis = "contract"
recipients = ["r"]
retention = {{ period = "P5Y", from = "account-closure" }}
[[recipients]]
id = "r"
name = "Recipient"
role = "processor"
country = "{country}"
{transfer}
"#
    )
}

#[test]
fn legal_basis_findings_point_at_the_basis_used_for_brazil() {
    let text = r#"
manifest = 1
[organization]
name = "X"
markets = ["BR", "EEA"]
[[activities]]
id = "a"
name = "A"
uses = ["marketing.communications.email"]
data_categories = ["user.contact.email"]
data_subjects = ["customer"]
legal_basis = "consent"
legal_basis_by = { BR = "public_interest" }
retention = { period = "P1Y", from = "collection" }
[[activities]]
id = "b"
name = "B"
uses = ["essential.service"]
data_categories = ["user.demographic.religious_belief"]
data_subjects = ["customer"]
legal_basis = "contract"
retention = { period = "P1Y", from = "collection" }
[[activities]]
id = "c"
name = "C"
uses = ["essential.service"]
data_categories = ["user.contact.email"]
data_subjects = ["customer"]
retention = { period = "P1Y", from = "collection" }
"#;
    let findings = check(text, AS_OF);
    let basis = of(&findings, "brazil/legal-basis-invalid");
    let paths: Vec<_> = basis.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["activities[0].legal_basis_by.BR", "activities[1].legal_basis", "activities[2]"]);
    assert!(basis[1].message.contains("Art. 11"), "{}", basis[1].message);
    assert!(basis.iter().all(|f| f.severity == Severity::Error && !f.message.ends_with('.')));
    // Before the LGPD was in force, nothing.
    assert!(of(&check(text, date(2020, 9, 17)), "brazil/legal-basis-invalid").is_empty());
}

#[test]
fn activities_outside_brazil_are_not_judged() {
    let text = r#"
manifest = 1
[organization]
name = "X"
markets = ["BR", "EEA"]
[[activities]]
id = "eu-only"
name = "EU only"
uses = ["essential.service"]
data_categories = ["user.health_and_medical"]
data_subjects = ["customer"]
legal_basis = "legitimate_interests"
markets = ["EEA"]
"#;
    let findings = check(text, AS_OF);
    assert!(findings.iter().all(|f| !f.path.starts_with("activities")), "{findings:?}");
}

#[test]
fn eu_clauses_are_a_warning_in_the_transition_and_an_error_after_it() {
    let text = with_recipient("US", "transfer = \"scc\"");
    let during = check(&text, date(2025, 8, 23));
    let f = of(&during, "brazil/transfer-mechanism");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(f[0].path, "recipients[0].transfer");
    let after = check(&text, date(2025, 8, 24));
    assert_eq!(of(&after, "brazil/transfer-mechanism")[0].severity, Severity::Error);
}

#[test]
fn the_eu_is_adequate_from_27_january_2026() {
    let text = with_recipient("DE", "transfer = \"adequacy\"");
    let before = check(&text, date(2026, 1, 26));
    assert_eq!(of(&before, "brazil/transfer-mechanism").len(), 1);
    assert!(of(&before, "brazil/transfer-mechanism")[0].message.contains("no ANPD adequacy decision"));
    assert!(of(&check(&text, date(2026, 1, 27)), "brazil/transfer-mechanism").is_empty());
    // Norway is in the decision; the United Kingdom is not.
    assert!(
        of(&check(&with_recipient("NO", "transfer = \"adequacy\""), AS_OF), "brazil/transfer-mechanism").is_empty()
    );
    assert_eq!(
        of(&check(&with_recipient("GB", "transfer = \"adequacy\""), AS_OF), "brazil/transfer-mechanism").len(),
        1
    );
}

#[test]
fn missing_mechanisms_point_at_the_recipient() {
    let findings = check(&with_recipient("US", ""), AS_OF);
    let f = of(&findings, "brazil/transfer-mechanism");
    assert_eq!(f[0].path, "recipients[0]");
    assert!(of(&check(&with_recipient("BR", ""), AS_OF), "brazil/transfer-mechanism").is_empty());
    assert!(
        of(&check(&with_recipient("US", "transfer = \"anpd_scc\""), AS_OF), "brazil/transfer-mechanism").is_empty()
    );
}

#[test]
fn small_agents_need_a_channel_not_an_encarregado() {
    let base = r#"
manifest = 1
[organization]
name = "Loja Pequena"
markets = ["BR"]
[modules.brazil]
small_agent = true
gross_revenue_brl = 900_000
incident_register = { retention = "P5Y" }
"#;
    let f = check(base, AS_OF);
    let enc = of(&f, "brazil/encarregado-missing");
    assert_eq!(enc.len(), 1);
    assert!(enc[0].message.contains("channel"), "{}", enc[0].message);
    let with_channel = format!("{base}[rights]\nchannels = [\"email\"]\n");
    assert!(of(&check(&with_channel, AS_OF), "brazil/encarregado-missing").is_empty());
    // Excluded by revenue: an encarregado is required again, and the exclusion is reported.
    let rich = base.replace("900_000", "5_000_000");
    let f = check(&format!("{rich}[rights]\nchannels = [\"email\"]\n"), AS_OF);
    assert_eq!(of(&f, "brazil/encarregado-missing")[0].message, "no encarregado is appointed for Brazil");
    let inel = of(&f, "brazil/small-agent-ineligible");
    assert_eq!(inel[0].path, "modules.brazil.gross_revenue_brl");
    // A startup may earn up to R$16 million.
    let startup = rich.replace("small_agent = true", "small_agent = true\nstartup = true");
    assert!(of(&check(&startup, AS_OF), "brazil/small-agent-ineligible").is_empty());
}

#[test]
fn an_unpublished_encarregado_is_reported_at_its_flag() {
    let text = r#"
manifest = 1
[organization]
name = "Loja"
markets = ["BR"]
[[contacts]]
role = "dpo"
for = ["*"]
name = "DPO"
"#;
    let f = check(text, AS_OF);
    let paths: Vec<_> = of(&f, "brazil/encarregado-missing").iter().map(|f| f.path.clone()).collect();
    assert_eq!(paths, ["contacts[0].published", "contacts[0]"]);
    // An organisation that does not serve Brazil owes nothing.
    let elsewhere = text.replace("markets = [\"BR\"]", "markets = [\"EEA\"]");
    assert!(check(&elsewhere, AS_OF).is_empty(), "{:?}", check(&elsewhere, AS_OF));
}

#[test]
fn children_before_the_enunciado_need_consent() {
    let text = r#"
manifest = 1
[organization]
name = "Jogos"
markets = ["BR"]
[modules.brazil]
best_interest_assessments = { "homework" = "docs/bi.pdf" }
[[activities]]
id = "homework"
name = "Homework help"
uses = ["essential.service"]
data_categories = ["user.childrens"]
data_subjects = ["customer"]
legal_basis = "contract"
retention = { period = "P1Y", from = "collection" }
"#;
    assert!(of(&check(text, AS_OF), "brazil/children-consent").is_empty());
    let before = check(text, date(2023, 5, 23));
    assert!(of(&before, "brazil/children-consent")[0].message.contains("instead of parental consent"));
}

#[test]
fn the_incident_register_and_a_malformed_table() {
    let text = "manifest = 1\n[organization]\nname = \"X\"\nmarkets = [\"BR\"]\n";
    let f = check(text, AS_OF);
    assert_eq!(of(&f, "brazil/incident-register")[0].path, "modules.brazil");
    // Not in force before Res. 15/2024.
    assert!(of(&check(text, date(2024, 4, 25)), "brazil/incident-register").is_empty());
    let bad = format!("{text}[modules.brazil]\naccess_days = \"weekdays\"\n");
    let f = check(&bad, AS_OF);
    assert_eq!(of(&f, "brazil/module-options").len(), 1);
    assert!(of(&f, "brazil/incident-register").is_empty(), "one finding for one mistake");
}

#[test]
fn an_activity_with_its_own_brazilian_market_brings_the_organisation_duties() {
    // The organisation lists only the EEA, but one activity serves Brazil: the LGPD applies
    // (Art. 3), so an encarregado and an incident register are owed.
    let text = r#"
manifest = 1
[organization]
name = "Loja"
markets = ["EEA"]
[[activities]]
id = "br-orders"
name = "Orders from Brazil"
uses = ["essential.service"]
data_categories = ["user.contact.address"]
data_subjects = ["customer"]
legal_basis = "contract"
markets = ["BR"]
retention = { period = "P5Y", from = "account-closure" }
"#;
    let f = check(text, AS_OF);
    assert_eq!(of(&f, "brazil/encarregado-missing").len(), 1, "{f:?}");
    assert_eq!(of(&f, "brazil/incident-register").len(), 1, "{f:?}");
    // The same activity limited to the EEA: nothing for Brazil.
    let elsewhere = text.replace("markets = [\"BR\"]", "markets = [\"EEA\"]");
    assert!(check(&elsewhere, AS_OF).is_empty(), "{:?}", check(&elsewhere, AS_OF));
}

#[test]
fn one_published_encarregado_among_several_suffices() {
    let text = r#"
manifest = 1
[organization]
name = "Loja"
markets = ["BR"]
[[contacts]]
role = "dpo"
for = ["*"]
name = "Global DPO"
[[contacts]]
role = "dpo"
for = ["BR"]
name = "Maria Souza"
email = "encarregado@example.com.br"
published = true
"#;
    assert!(of(&check(text, AS_OF), "brazil/encarregado-missing").is_empty());
    // Neither published: the one for Brazil (the more specific) is reported.
    let neither = text.replace("published = true", "published = false");
    let paths: Vec<_> =
        of(&check(&neither, AS_OF), "brazil/encarregado-missing").iter().map(|f| f.path.clone()).collect();
    assert_eq!(paths, ["contacts[1].published"]);
}

#[test]
fn adolescents_and_the_elderly_are_a_specific_high_risk_criterion() {
    // Res. CD/ANPD 2/2022 Art. 4 II d: data of children, adolescents and the elderly.
    let text = r#"
manifest = 1
[organization]
name = "Cuidado Sênior"
markets = ["BR"]
[modules.brazil]
small_agent = true
gross_revenue_brl = 1_000_000
high_risk = { large_scale = true, adolescents_or_elderly = true }
"#;
    let f = of(&check(text, AS_OF), "brazil/small-agent-ineligible").into_iter().cloned().collect::<Vec<_>>();
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].path, "modules.brazil.high_risk");
    assert!(f[0].message.contains("adolescents or the elderly"), "{}", f[0].message);
    // Without a general criterion it is not high-risk.
    let no_general = text.replace("large_scale = true, ", "");
    assert!(of(&check(&no_general, AS_OF), "brazil/small-agent-ineligible").is_empty());
}

#[test]
fn an_incident_register_kept_in_days_is_judged_by_its_length() {
    let text = "manifest = 1\n[organization]\nname = \"X\"\nmarkets = [\"BR\"]\n[modules.brazil]\n";
    let with =
        |retention: &str| check(&format!("{text}incident_register = {{ retention = \"{retention}\" }}\n"), AS_OF);
    assert!(of(&with("P1827D"), "brazil/incident-register").is_empty());
    assert!(of(&with("P4Y11M31D"), "brazil/incident-register").is_empty());
    assert_eq!(of(&with("P1826D"), "brazil/incident-register")[0].path, "modules.brazil.incident_register.retention");
    assert_eq!(of(&with("P59M"), "brazil/incident-register").len(), 1);
}

#[test]
fn own_systems_abroad_of_a_brazilian_organisation_are_transfers() {
    let text = r#"
manifest = 1
[organization]
name = "Loja Ltda."
established = ["BR"]
markets = ["BR"]
[[systems]]
id = "us-cloud"
name = "CRM in Virginia"
locations = ["US"]
holds = ["BR"]
[[activities]]
id = "crm"
name = "CRM"
uses = ["essential.service"]
data_categories = ["user.contact.email"]
data_subjects = ["customer"]
legal_basis = "contract"
systems = ["us-cloud"]
retention = { period = "P1Y", from = "collection" }
"#;
    let f = check(text, AS_OF);
    let t = of(&f, "brazil/transfer-mechanism");
    assert_eq!(t.len(), 1, "{f:?}");
    assert_eq!(t[0].path, "systems[0].locations");
    assert!(t[0].message.contains("own system `us-cloud` in US"), "{}", t[0].message);
    let declared = text
        .replace("[[systems]]", "[modules.brazil]\nsystem_transfers = { \"us-cloud\" = \"anpd_scc\" }\n[[systems]]");
    assert!(of(&check(&declared, AS_OF), "brazil/transfer-mechanism").is_empty());
    // A foreign organisation collecting directly into its own systems abroad does not transfer.
    let foreign = text.replace("established = [\"BR\"]", "established = [\"US\"]");
    assert!(of(&check(&foreign, AS_OF), "brazil/transfer-mechanism").is_empty());
}

#[test]
fn consent_to_a_transfer_needs_opt_in_consent_in_brazil() {
    let text =
        format!("{}[consent]\nBR = {{ mode = \"notice-only\" }}\n", with_recipient("US", "transfer = \"consent\""));
    let f = check(&text, AS_OF);
    let t = of(&f, "brazil/transfer-mechanism");
    assert_eq!(t.len(), 1, "{f:?}");
    assert!(t[0].message.contains("notice-only") && t[0].message.contains("Art. 33 VIII"), "{}", t[0].message);
    let opt_in = text.replace("notice-only", "opt-in");
    assert!(of(&check(&opt_in, AS_OF), "brazil/transfer-mechanism").is_empty());
}

#[test]
fn banner_facts_matter_only_where_consent_is_the_basis() {
    // The marketplace's activity rests on contract: its banner is not judged by the LGPD rule.
    let text = format!(
        "{}[consent]\nBR = {{ mode = \"opt-in\", banner = {{ pre_ticked = true }} }}\n",
        with_recipient("BR", "")
    );
    assert!(of(&check(&text, AS_OF), "brazil/consent-invalid").is_empty());
    let consent = text.replace("legal_basis = \"contract\"", "legal_basis = \"consent\"");
    let f = check(&consent, AS_OF);
    let c = of(&f, "brazil/consent-invalid");
    assert_eq!(c.len(), 1, "{f:?}");
    assert_eq!((c[0].path.as_str(), c[0].severity), ("consent.BR.banner.pre_ticked", Severity::Error));
}

#[test]
fn a_legal_sounding_retention_reason_is_a_warning_and_a_bare_one_an_error() {
    let text = with_recipient("BR", "").replace(
        "retention = { period = \"P5Y\", from = \"account-closure\" }",
        "retention = { period = \"P5Y\", from = \"account-closure\", why = \"tax law requires it\" }",
    );
    let f = check(&text, AS_OF);
    let r = of(&f, "brazil/retention-after-purpose");
    assert_eq!((r[0].path.as_str(), r[0].severity), ("activities[0].retention.why", Severity::Warning));
    let bare = check(&with_recipient("BR", ""), AS_OF);
    let r = of(&bare, "brazil/retention-after-purpose");
    assert_eq!((r[0].path.as_str(), r[0].severity), ("activities[0].retention", Severity::Error));
}

#[test]
fn automated_decisions_without_significant_effect_are_a_warning_and_dated() {
    let text = with_recipient("BR", "").replace(
        "recipients = [\"r\"]",
        "recipients = [\"r\"]\nautomated_decision = { solely_automated = true, significant_effect = false }",
    );
    let f = check(&text, AS_OF);
    let a = of(&f, "brazil/automated-decision-review");
    assert_eq!((a[0].path.as_str(), a[0].severity), ("activities[0].automated_decision", Severity::Warning));
    assert!(of(&check(&text, date(2020, 9, 17)), "brazil/automated-decision-review").is_empty());
}

#[test]
fn the_eca_digital_profiling_ban_starts_on_17_march_2026() {
    let text = r#"
manifest = 1
[organization]
name = "Jogos"
markets = ["BR"]
[[activities]]
id = "ads"
name = "Ads"
uses = ["marketing.advertising.first_party.targeted"]
data_categories = ["user.childrens"]
data_subjects = ["customer"]
legal_basis = "consent"
retention = { period = "P1Y", from = "collection" }
"#;
    assert!(of(&check(text, date(2026, 3, 16)), "brazil/children-profiling-ads").is_empty());
    let f = check(text, date(2026, 3, 17));
    assert_eq!(of(&f, "brazil/children-profiling-ads")[0].path, "activities[0].uses");
}
