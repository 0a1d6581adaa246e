//! Which privacy-policy items apply (`notice_items` with a manifest): each
//! condition turns its item off with a reason citing the law, the fact turns
//! it on, and without a manifest every item applies.

use juris_california::California;
use juris_california::notice::ITEMS;
use juris_core::RegionalModule;
use juris_core::jiff::civil::{Date, date};
use juris_core::module::{NoticeItems, NoticeRequest};
use juris_core::testing;

const AS_OF: Date = date(2026, 12, 1);

/// A business in California that neither sells nor shares, uses no sensitive
/// data, and discloses only to a service provider under contract.
const BASE: &str = r#"
manifest = 1

[organization]
name = "Shop"
markets = ["US-CA"]
annual_revenue_usd = 40_000_000

[[activities]]
id = "orders"
name = "Orders"
uses = ["essential.service.payment_processing"]
data_categories = ["user.contact.email"]
data_subjects = ["customer"]
recipients = ["psp"]

[[recipients]]
id = "psp"
name = "Payments"
role = "service_provider"
country = "US"
contract = true
"#;

fn items_on(text: &str, as_of: Date) -> NoticeItems {
    testing::notice_items(&California, text, as_of)
}

fn items(text: &str) -> NoticeItems {
    items_on(text, AS_OF)
}

use juris_core::testing::{item_applies as applies, item_off as off};

fn with(replace: &str, by: &str) -> String {
    testing::replaced(BASE, replace, by)
}

/// An advertising partner that receives the data for cross-context
/// behavioural advertising: sharing (§1798.140(ah)), found by `selling.rs`
/// with no `sells_or_shares` flag.
const SHARING: &str = "\n[[activities]]\nid = \"ads\"\nname = \"Ads\"\nuses = [\"marketing.advertising.third_party.targeted\"]\ndata_categories = [\"user.device.cookie_id\"]\ndata_subjects = [\"customer\"]\nrecipients = [\"ad-network\"]\n\n[[recipients]]\nid = \"ad-network\"\nname = \"Ad network\"\nrole = \"third_party\"\ncountry = \"US\"\n";

#[test]
fn every_condition_turns_its_item_off_with_a_citation() {
    let items = items(BASE);
    for (id, cite) in [
        ("right-opt-out", "§§1798.120, 1798.135"),
        ("right-limit", "§1798.121"),
        ("minors-under-16", "§1798.120(c)"),
        ("third-party-categories", "§7011(e)(1)(E)"),
    ] {
        let reason = off(&items, id).unwrap_or_else(|| panic!("{id} should not apply"));
        assert!(reason.contains(cite), "{id}: {reason}");
    }
    for id in ["categories-collected", "categories-sold-shared", "right-know", "non-discrimination", "last-updated"] {
        assert!(applies(&items, id), "{id} always applies");
    }
}

#[test]
fn opt_out_follows_a_sale_or_sharing_derived_from_the_facts() {
    let shares = items(&format!("{BASE}{SHARING}"));
    assert!(applies(&shares, "right-opt-out"));
    assert!(applies(&shares, "third-party-categories"));
    // The declared flag alone also counts.
    let declared = items(&with("recipients = [\"psp\"]", "recipients = [\"psp\"]\nsells_or_shares = true"));
    assert!(applies(&declared, "right-opt-out"));
    // Money from a third party for the data is a sale (§1798.140(ad)).
    let sold = with("role = \"service_provider\"", "role = \"third_party\"\nconsideration = \"monetary\"");
    assert!(applies(&items(&sold), "right-opt-out"));
}

#[test]
fn third_party_categories_when_disclosed_to_a_third_party() {
    // A vendor without a contract is not a service provider in law.
    let no_contract = items(&with("contract = true", "contract = false"));
    assert!(applies(&no_contract, "third-party-categories"));
    assert!(!applies(&no_contract, "right-opt-out"), "a disclosure for no consideration is no sale");
}

#[test]
fn right_limit_when_sensitive_data_goes_beyond_7027m_and_from_2023() {
    // Precise geolocation used for profiled personalisation.
    let beyond = with(
        "uses = [\"essential.service.payment_processing\"]\ndata_categories = [\"user.contact.email\"]",
        "uses = [\"personalize.content.profiled\"]\ndata_categories = [\"user.location.precise\"]",
    );
    assert!(applies(&items(&beyond), "right-limit"));
    assert!(off(&items_on(&beyond, date(2022, 12, 31)), "right-limit").unwrap().contains("2023-01-01"));
    // The same data for a permitted purpose (§7027(m)(6)) does not bring it.
    let permitted = with("data_categories = [\"user.contact.email\"]", "data_categories = [\"user.location.precise\"]");
    assert!(!applies(&items(&permitted), "right-limit"));
}

#[test]
fn minors_under_16_needs_actual_knowledge_and_a_sale_or_sharing() {
    let knowledge = "\n[organization.children]\nactual_knowledge = true\n";
    let both = format!(
        "{}{SHARING}",
        with("annual_revenue_usd = 40_000_000", &format!("annual_revenue_usd = 40_000_000{knowledge}"))
    );
    assert!(applies(&items(&both), "minors-under-16"));
    let no_knowledge = items(&format!("{BASE}{SHARING}"));
    assert!(off(&no_knowledge, "minors-under-16").unwrap().contains("actual knowledge"));
    let no_sale = with("annual_revenue_usd = 40_000_000", &format!("annual_revenue_usd = 40_000_000{knowledge}"));
    assert!(off(&items(&no_sale), "minors-under-16").unwrap().contains("neither sells nor shares"));
}

#[test]
fn outside_the_ccpa_nothing_applies() {
    let elsewhere = items(&with(r#"markets = ["US-CA"]"#, r#"markets = ["US-NY"]"#));
    for id in ITEMS {
        assert!(off(&elsewhere, id).is_some_and(|r| r.contains("§1798.140(d)")), "{id}");
    }
    let small = items(&with(
        "annual_revenue_usd = 40_000_000",
        "annual_revenue_usd = 1_000_000\nsubjects_per_year = { \"US-CA\" = 5_000 }",
    ));
    for id in ITEMS {
        assert!(off(&small, id).is_some_and(|r| r.contains("not a \"business\"")), "{id}");
    }
    let nonprofit =
        items(&with("annual_revenue_usd = 40_000_000", "annual_revenue_usd = 40_000_000\nfor_profit = false"));
    assert!(off(&nonprofit, "right-know").is_some_and(|r| r.contains("§1798.140(d)")));
    let before = items_on(BASE, date(2019, 12, 31));
    assert!(ITEMS.iter().all(|id| off(&before, id).is_some_and(|r| r.contains("§1798.198"))));
}

#[test]
fn without_a_manifest_every_item_applies_and_the_items_are_returned() {
    let items = California.notice_items(&NoticeRequest { manifest: None, as_of: AS_OF }).expect("items");
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
