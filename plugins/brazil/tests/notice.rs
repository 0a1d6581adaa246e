//! Which notice items apply (`notice_items` with a manifest): each condition
//! turns its item off with a reason citing the law, the fact turns it on, and
//! without a manifest every item applies.

use juris_brazil::Brazil;
use juris_brazil::notice::ITEMS;
use juris_core::RegionalModule;
use juris_core::jiff::civil::{Date, date};
use juris_core::module::{NoticeItems, NoticeRequest};
use juris_core::testing;

const AS_OF: Date = date(2026, 12, 1);

/// A Brazilian shop whose one activity shares nothing and keeps its data in
/// Brazil, with an encarregado.
const BASE: &str = r#"
manifest = 1

[organization]
name = "Loja Exemplo Ltda."
established = ["BR"]
markets = ["BR"]

[[contacts]]
role = "dpo"
for = ["BR"]
name = "Maria Souza (encarregada)"
email = "encarregado@example.com.br"
published = true

[[systems]]
id = "db"
name = "Banco de dados"
locations = ["BR"]
holds = ["BR"]

[[activities]]
id = "pedidos"
name = "Pedidos"
uses = ["essential.service.payment_processing"]
data_categories = ["user.contact.email"]
data_subjects = ["customer"]
legal_basis = "contract"
systems = ["db"]
"#;

fn items_on(text: &str, as_of: Date) -> NoticeItems {
    testing::notice_items(&Brazil, text, as_of)
}

fn items(text: &str) -> NoticeItems {
    items_on(text, AS_OF)
}

use juris_core::testing::{item_applies as applies, item_off as off};

fn with(replace: &str, by: &str) -> String {
    testing::replaced(BASE, replace, by)
}

fn with_recipient(country: &str) -> String {
    format!(
        "{}\n[[recipients]]\nid = \"psp\"\nname = \"Pagamentos\"\nrole = \"processor\"\ncountry = \"{country}\"\ntransfer = \"anpd_scc\"\ncontract = true\n",
        with("systems = [\"db\"]", "systems = [\"db\"]\nrecipients = [\"psp\"]")
    )
}

/// Without an encarregado, as a small processing agent would be.
fn small_agent(declared: bool) -> String {
    let base = BASE.replace(
        "[[contacts]]\nrole = \"dpo\"\nfor = [\"BR\"]\nname = \"Maria Souza (encarregada)\"",
        "[[contacts]]\nrole = \"privacy\"\nfor = [\"BR\"]\nname = \"Atendimento\"",
    );
    assert_ne!(base, BASE);
    if declared { format!("{base}\n[modules.brazil]\nsmall_agent = true\n") } else { base }
}

#[test]
fn every_condition_turns_its_item_off_with_a_citation() {
    let items = items(BASE);
    let shared = off(&items, "shared-use").expect("nothing is shared");
    assert!(shared.contains("Art. 9 V"), "{shared}");
    let transfer = off(&items, "international-transfer").expect("nothing goes abroad");
    assert!(transfer.contains("Arts. 33-36"), "{transfer}");
    for id in ["purpose", "form-duration", "controller-identity", "controller-contact", "rights", "legal-basis"] {
        assert!(applies(&items, id), "{id} always applies");
    }
    assert!(applies(&items, "encarregado"), "an encarregado is appointed");
}

#[test]
fn shared_use_and_international_transfer_follow_the_recipients() {
    let domestic = items(&with_recipient("BR"));
    assert!(applies(&domestic, "shared-use"));
    assert!(!applies(&domestic, "international-transfer"));
    let abroad = items(&with_recipient("US"));
    assert!(applies(&abroad, "shared-use"));
    assert!(applies(&abroad, "international-transfer"));
}

#[test]
fn international_transfer_follows_own_systems_abroad() {
    let system = items(&with(r#"locations = ["BR"]"#, r#"locations = ["BR", "US"]"#));
    assert!(applies(&system, "international-transfer"));
    assert!(!applies(&system, "shared-use"));
}

#[test]
fn a_small_agent_need_not_name_an_encarregado() {
    let small = items(&small_agent(true));
    let reason = off(&small, "encarregado").expect("exempt");
    assert!(reason.contains("Res. CD/ANPD 2/2022 Art. 11"), "{reason}");
    assert!(reason.contains("channel"), "{reason}");
    assert!(applies(&small, "controller-contact"), "the channel must still exist");
    // Not a small agent: the encarregado must be named.
    assert!(applies(&items(&small_agent(false)), "encarregado"));
    // Before Res. 2/2022 was in force, no exemption.
    assert!(applies(&items_on(&small_agent(true), date(2022, 1, 27)), "encarregado"));
    // Excluded by its revenue (Res. 2/2022 Art. 3 II): no exemption.
    let large = format!("{}gross_revenue_brl = 50_000_000\n", small_agent(true));
    assert!(applies(&items(&large), "encarregado"));
    // A small agent that appoints one anyway names it.
    assert!(applies(&items(&format!("{BASE}\n[modules.brazil]\nsmall_agent = true\n")), "encarregado"));
}

#[test]
fn outside_the_lgpd_nothing_applies() {
    let elsewhere = items(
        &with(r#"established = ["BR"]"#, r#"established = ["PT"]"#)
            .replace(r#"markets = ["BR"]"#, r#"markets = ["PT"]"#)
            .replace(r#"holds = ["BR"]"#, r#"holds = ["PT"]"#)
            .replace(r#"locations = ["BR"]"#, r#"locations = ["PT"]"#),
    );
    for id in ITEMS {
        assert!(off(&elsewhere, id).is_some_and(|r| r.contains("LGPD Art. 3")), "{id}");
    }
    let before = items_on(BASE, date(2020, 9, 17));
    for id in ITEMS {
        assert!(off(&before, id).is_some_and(|r| r.contains("Art. 65")), "{id}");
    }
    assert!(applies(&items_on(BASE, date(2020, 9, 18)), "purpose"));
}

#[test]
fn without_a_manifest_every_item_applies_and_the_items_are_returned() {
    let items = Brazil.notice_items(&NoticeRequest { manifest: None, as_of: AS_OF }).expect("items");
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
