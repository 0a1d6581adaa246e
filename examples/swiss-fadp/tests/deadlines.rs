//! The access deadline and the breach notification, through `obligations()`.

use juris_core::jiff::civil::{Date, date};
use juris_core::module::{Due, Event, EventContext, Plan};
use juris_core::{Incident, RegionalModule, RequestKind, RightsRequest};
use swiss_fadp::Switzerland;

fn request(kind: RequestKind, received: Date, place: &str) -> Plan {
    let event = Event::Request(RightsRequest {
        jurisdiction: place.parse().unwrap(),
        request: kind,
        received,
        relevant_time: None,
        paused_days: 0,
        calendar: None,
    });
    Switzerland.obligations(&EventContext { event, manifest: None })
}

fn incident(discovered: &str, places: &[&str]) -> Plan {
    let event = Event::Incident(Incident {
        jurisdictions: places.iter().map(|p| p.parse().unwrap()).collect(),
        discovered: discovered.parse().unwrap(),
        affected: None,
    });
    Switzerland.obligations(&EventContext { event, manifest: None })
}

#[test]
fn access_is_due_30_days_after_receipt() {
    let plan = request(RequestKind::Access, date(2026, 11, 18), "CH");
    assert_eq!(plan.obligations.len(), 1);
    let o = &plan.obligations[0];
    assert_eq!((o.module.as_str(), o.action.as_str()), ("ch", "respond"));
    assert_eq!(o.due, Due::Date(date(2026, 12, 18)));
    assert_eq!(o.extended_due, None, "DPO Art. 18(2) sets no maximum");
    assert_eq!(o.citation, "FADP Art. 25-26; DPO Art. 18(1)");
    assert!(o.note.contains("by when it will be given"), "{}", o.note);
    assert!(o.warnings.is_empty(), "{:?}", o.warnings);
    assert!(plan.notes.iter().any(|n| n.contains("CHF 300")));
}

#[test]
fn a_last_day_on_a_holiday_is_kept_and_the_rolled_date_is_named() {
    // 25 Nov 2026 + 30 days = Fri 25 Dec 2026, Christmas Day.
    let plan = request(RequestKind::Access, date(2026, 11, 25), "CH-ZH");
    let o = &plan.obligations[0];
    assert_eq!(o.due, Due::Date(date(2026, 12, 25)));
    assert!(o.note.contains("2026-12-28"), "{}", o.note);
    assert!(o.warnings.is_empty(), "{:?}", o.warnings);
}

#[test]
fn across_new_year_the_next_years_holidays_count() {
    // 10 Dec 2026 + 30 days = Sat 9 Jan 2027; a roll would give Mon 11 Jan.
    let plan = request(RequestKind::Access, date(2026, 12, 10), "CH");
    let o = &plan.obligations[0];
    assert_eq!(o.due, Due::Date(date(2027, 1, 9)));
    assert!(o.note.contains("2027-01-11"), "{}", o.note);
    assert!(o.warnings.is_empty(), "the calendar covers 2027 by rule: {:?}", o.warnings);
}

#[test]
fn other_places_other_kinds_and_earlier_law() {
    assert!(request(RequestKind::Access, date(2026, 11, 18), "DE").obligations.is_empty());
    let erasure = request(RequestKind::Erasure, date(2026, 11, 18), "CH");
    assert!(erasure.obligations.is_empty());
    assert!(erasure.notes[0].contains("`erasure`"), "{:?}", erasure.notes);
    let old = request(RequestKind::Access, date(2023, 8, 31), "CH");
    assert!(old.obligations.is_empty());
    assert!(old.notes[0].contains("2023-09-01"), "{:?}", old.notes);
}

#[test]
fn a_breach_is_notified_to_the_fdpic_at_once_on_the_local_date() {
    // 00:30 in Zurich on 30 Nov is still 29 Nov in UTC.
    let plan = incident("2026-11-30T00:30:00+01:00", &["CH"]);
    assert_eq!(plan.obligations.len(), 1);
    let o = &plan.obligations[0];
    assert_eq!(o.action, "notify-authority");
    assert_eq!(o.due, Due::Immediately(date(2026, 11, 30)));
    assert_eq!(o.citation, "FADP Art. 24(1)-(2)");
    assert!(o.note.contains("as quickly as possible"), "{}", o.note);
    assert!(plan.notes.iter().any(|n| n.contains("Art. 24(4)")));
    // A group or `*` that includes Switzerland counts; the EEA does not.
    assert_eq!(incident("2026-11-30T10:00:00Z", &["*"]).obligations.len(), 1);
    assert!(incident("2026-11-30T10:00:00Z", &["EEA"]).obligations.is_empty());
    assert!(incident("2023-08-01T10:00:00Z", &["CH"]).obligations.is_empty());
}
