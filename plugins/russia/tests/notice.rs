//! Which policy items apply (`notice_items` with a manifest): each condition
//! turns its item off with a reason citing the law, the fact turns it on, and
//! without a manifest every item applies.

use juris_core::RegionalModule;
use juris_core::jiff::civil::{Date, date};
use juris_core::module::{NoticeItems, NoticeRequest};
use juris_core::testing;
use juris_russia::Russia;
use juris_russia::notice::ITEMS;

const AS_OF: Date = date(2026, 12, 1);

/// A Russian operator whose data stays in Russia.
const BASE: &str = r#"
manifest = 1

[organization]
name = "OOO Magazin"
established = ["RU"]
markets = ["RU"]

[[systems]]
id = "db"
name = "Database"
locations = ["RU"]
holds = ["RU"]

[[activities]]
id = "orders"
name = "Orders"
uses = ["essential.service.payment_processing"]
data_categories = ["user.contact.email"]
data_subjects = ["customer"]
legal_basis = "contract"
systems = ["db"]
"#;

fn items_on(text: &str, as_of: Date) -> NoticeItems {
    testing::notice_items(&Russia, text, as_of)
}

fn items(text: &str) -> NoticeItems {
    items_on(text, AS_OF)
}

use juris_core::testing::{item_applies as applies, item_off as off};

fn with(replace: &str, by: &str) -> String {
    testing::replaced(BASE, replace, by)
}

#[test]
fn cross_border_is_off_when_nothing_leaves_russia() {
    let items = items(BASE);
    let reason = off(&items, "cross-border").expect("no transfer abroad");
    assert!(reason.contains("152-FZ Art. 12"), "{reason}");
    for id in ITEMS.iter().filter(|id| **id != "cross-border") {
        assert!(applies(&items, id), "{id} applies in scope");
    }
}

#[test]
fn cross_border_applies_when_data_goes_abroad() {
    let system = items(&with(r#"locations = ["RU"]"#, r#"locations = ["RU", "DE"]"#));
    assert!(applies(&system, "cross-border"));
    let recipient = format!(
        "{}\n[[recipients]]\nid = \"psp\"\nname = \"Payments\"\nrole = \"processor\"\ncountry = \"KZ\"\ncontract = true\n",
        with("systems = [\"db\"]", "systems = [\"db\"]\nrecipients = [\"psp\"]")
    );
    assert!(applies(&items(&recipient), "cross-border"));
    // A recipient in Russia is no cross-border transfer.
    assert!(!applies(&items(&recipient.replace("\"KZ\"", "\"RU\"")), "cross-border"));
}

#[test]
fn storage_location_from_the_localisation_duty() {
    assert!(applies(&items_on(BASE, date(2015, 9, 1)), "storage-location"));
    let before = items_on(BASE, date(2015, 8, 31));
    assert!(off(&before, "storage-location").unwrap().contains("Art. 18(5)"));
    assert!(applies(&before, "purposes"));
}

#[test]
fn outside_152_fz_nothing_applies() {
    let elsewhere = items(
        &with(r#"established = ["RU"]"#, r#"established = ["DE"]"#)
            .replace(r#"markets = ["RU"]"#, r#"markets = ["EEA"]"#)
            .replace(r#"holds = ["RU"]"#, r#"holds = ["EEA"]"#),
    );
    for id in ITEMS {
        assert!(off(&elsewhere, id).is_some_and(|r| r.contains("152-FZ Art. 1")), "{id}");
    }
    // A foreign operator whose services are directed at Russia is in scope.
    let directed = with(r#"established = ["RU"]"#, r#"established = ["DE"]"#);
    assert!(applies(&items(&directed), "purposes"));
    let before = items_on(BASE, date(2007, 1, 25));
    assert!(ITEMS.iter().all(|id| off(&before, id).is_some_and(|r| r.contains("Art. 25"))));
}

#[test]
fn without_a_manifest_every_item_applies_and_the_items_are_returned() {
    let items = Russia.notice_items(&NoticeRequest { manifest: None, as_of: AS_OF }).expect("items");
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
