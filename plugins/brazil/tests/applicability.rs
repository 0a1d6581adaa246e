//! LGPD Arts. 3-4: one model decides scope for `check` and `resolve` alike.

use juris_brazil::Brazil;
use juris_core::jiff::civil::date;
use juris_core::testing::{self, AS_OF};

fn module_statement(text: &str) -> String {
    testing::resolve(&Brazil, text, "BR", AS_OF)
        .into_iter()
        .find(|s| s.topic == "module")
        .map(|s| s.text)
        .unwrap_or_default()
}

const EMPLOYER: &str = r#"
manifest = 1
[organization]
name = "Exporta Ltda."
established = ["BR"]
markets = ["US"]
[[activities]]
id = "payroll"
name = "Payroll"
uses = ["employment"]
data_categories = ["user.financial.bank_account"]
data_subjects = ["employee"]
legal_basis = "legal_obligation"
"#;

#[test]
fn an_organisation_established_in_brazil_is_in_scope_whatever_its_markets() {
    let f = testing::check(&Brazil, EMPLOYER, AS_OF);
    let retention: Vec<_> = f.iter().filter(|f| f.rule == "brazil/retention-termination").collect();
    assert_eq!(retention.len(), 1, "{f:?}");
    assert_eq!(retention[0].path, "activities[0]");
    assert!(f.iter().any(|f| f.rule == "brazil/encarregado-missing"), "{f:?}");
    let s = module_statement(EMPLOYER);
    assert!(s.contains("established in Brazil") && s.contains("Art. 3 I"), "{s}");
}

#[test]
fn a_foreign_organisation_without_brazilian_people_is_out_of_scope_in_check_and_resolve() {
    let text = EMPLOYER.replace("established = [\"BR\"]", "established = [\"US\"]");
    assert!(testing::check(&Brazil, &text, AS_OF).is_empty(), "{:?}", testing::check(&Brazil, &text, AS_OF));
    assert!(module_statement(&text).starts_with("the manifest shows no processing the LGPD governs"));
}

#[test]
fn data_from_an_adequate_country_only_hosted_in_brazil_is_excluded_by_art_4_iv() {
    let text = r#"
manifest = 1
[organization]
name = "EU Shop"
established = ["DE"]
markets = ["DE"]
[[systems]]
id = "sp-dc"
name = "Hosting in São Paulo"
locations = ["BR"]
holds = ["DE"]
[[activities]]
id = "orders"
name = "Orders"
uses = ["essential.service"]
data_categories = ["user.contact.address"]
data_subjects = ["customer"]
legal_basis = "contract"
systems = ["sp-dc"]
"#;
    // Germany is adequate from 2026-01-27 (Res. CD/ANPD 32/2026): Art. 4 IV applies.
    assert!(testing::check(&Brazil, text, AS_OF).is_empty(), "{:?}", testing::check(&Brazil, text, AS_OF));
    // Before the adequacy decision, processing in Brazil brings the LGPD (Art. 3 I).
    let before = testing::check(&Brazil, text, date(2025, 6, 1));
    assert!(before.iter().any(|f| f.rule == "brazil/retention-termination"), "{before:?}");
    // Shared with a recipient in Brazil, it is no longer only passing through.
    let shared = format!(
        "{}recipients = [\"br-partner\"]\n[[recipients]]\nid = \"br-partner\"\nname = \"Parceiro\"\nrole = \"controller\"\ncountry = \"BR\"\n",
        text
    );
    assert!(testing::check(&Brazil, &shared, AS_OF).iter().any(|f| f.rule == "brazil/retention-termination"));
}

#[test]
fn a_journalistic_exemption_holds_only_for_journalism() {
    let text = r#"
manifest = 1
[organization]
name = "Jornal"
markets = ["BR"]
[modules.brazil]
exemptions = { "newsroom" = "journalistic" }
incident_register = { retention = "P5Y" }
[[contacts]]
role = "dpo"
for = ["BR"]
name = "Encarregada"
email = "dpo@example.com.br"
published = true
[[activities]]
id = "newsroom"
name = "Reporting"
uses = ["essential.service"]
data_categories = ["user.health_and_medical"]
data_subjects = ["customer"]
legal_basis = "legitimate_interests"
"#;
    let f = testing::check(&Brazil, text, AS_OF);
    assert!(f.iter().all(|f| !f.path.starts_with("activities")), "{f:?}");
    // Advertising on the same activity: the exemption does not hold, the activity is judged.
    let ads = text.replace("uses = [\"essential.service\"]", "uses = [\"marketing.advertising.third_party.targeted\"]");
    let f = testing::check(&Brazil, &ads, AS_OF);
    assert!(f.iter().any(|f| f.rule == "brazil/legal-basis-invalid"), "{f:?}");
}
