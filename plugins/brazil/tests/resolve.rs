//! `juris resolve --jurisdiction BR`.

use juris_brazil::Brazil;
use juris_core::jiff::civil::date;
use juris_core::{Statement, testing};

const MARKETPLACE: &str = r#"
manifest = 1
[organization]
name = "Marketplace"
markets = ["EEA", "BR"]
[[entities]]
id = "br"
name = "Marketplace Brasil Ltda."
country = "BR"
serves = ["BR"]
[[entities]]
id = "ie"
name = "Marketplace Europe Ltd"
country = "IE"
serves = ["*"]
[[contacts]]
role = "dpo"
for = ["BR"]
name = "Maria Souza"
email = "encarregado@example.com.br"
published = true
[[activities]]
id = "orders"
name = "Orders"
uses = ["essential.service"]
data_categories = ["user.contact.address"]
data_subjects = ["customer"]
legal_basis = "contract"
recipients = ["payments", "hosting"]
[[recipients]]
id = "payments"
name = "Payments"
role = "processor"
country = "US"
transfer = "dpf"
[[recipients]]
id = "hosting"
name = "Hosting"
role = "processor"
country = "IE"
transfer = "scc"
[consent]
default = { mode = "opt-in" }
"#;

fn topic<'a>(statements: &'a [Statement], name: &str) -> &'a str {
    &statements.iter().find(|s| s.topic == name).unwrap_or_else(|| panic!("no `{name}` in {statements:?}")).text
}

#[test]
fn brazil_resolves_module_entity_transfers_and_encarregado() {
    let s = testing::resolve(&Brazil, MARKETPLACE, "BR-SP", date(2026, 11, 29));
    assert!(topic(&s, "module").starts_with("the LGPD"));
    assert!(topic(&s, "entity").contains("Marketplace Brasil Ltda."));
    assert!(topic(&s, "encarregado").contains("Maria Souza"));
    let transfers = topic(&s, "transfers");
    assert!(transfers.contains("payments (US)") && transfers.contains("Data Privacy Framework"), "{transfers}");
    assert!(transfers.contains("hosting (IE): adequate under Res. CD/ANPD nº 32/2026"), "{transfers}");
    assert!(topic(&s, "consent").contains("opt-in"));
    assert!(topic(&s, "small-agent").contains("not declared"));
}

#[test]
fn other_places_get_nothing() {
    assert!(testing::resolve(&Brazil, MARKETPLACE, "DE", date(2026, 11, 29)).is_empty());
    assert!(testing::resolve(&Brazil, MARKETPLACE, "US-CA", date(2026, 11, 29)).is_empty());
}

#[test]
fn the_absence_of_other_adequacy_decisions_is_hedged() {
    let s = testing::resolve(&Brazil, MARKETPLACE, "BR", date(2026, 11, 29));
    assert!(
        topic(&s, "transfers").contains("its only adequacy decision as of 2026-12-01"),
        "{}",
        topic(&s, "transfers")
    );
}
