//! Deadlines computed by `obligations()`, against worked examples of GDPR Art. 12(3) with Reg. 1182/71 and UK GDPR Art. 12A.

use juris_core::jiff::civil::{Date, date};
use juris_core::module::{Due, Event, EventContext, Plan, RequestKind, RightsRequest};
use juris_core::{Manifest, RegionalModule, testing};
use juris_eea_uk::EeaUk;

fn request(place: &str, kind: RequestKind, received: Date) -> RightsRequest {
    RightsRequest {
        jurisdiction: place.parse().unwrap(),
        request: kind,
        received,
        relevant_time: None,
        paused_days: 0,
        calendar: None,
    }
}

fn plan_with(request: RightsRequest, manifest: Option<Manifest>) -> Plan {
    EeaUk.obligations(&EventContext { event: Event::Request(request), manifest })
}

fn plan(request: RightsRequest) -> Plan {
    plan_with(request, None)
}

fn respond(plan: &Plan) -> (Due, Option<Due>) {
    assert_eq!(plan.obligations.len(), 1, "{plan:?}");
    let o = &plan.obligations[0];
    assert_eq!(o.action, "respond");
    assert_eq!(o.module, "eea-uk");
    (o.due, o.extended_due)
}

fn on(d: Date) -> Due {
    Due::Date(d)
}

#[test]
fn eu_month_clamps_to_february_and_rolls_past_the_weekend() {
    // Issue 3 "Done when": DE, access, received 2026-01-31.
    let p = plan(request("DE", RequestKind::Access, date(2026, 1, 31)));
    assert_eq!(respond(&p), (on(date(2026, 3, 2)), Some(on(date(2026, 4, 30)))));
    assert!(p.obligations[0].citation.contains("GDPR Art. 12(3)"));
    // Counted on Germany's public holidays, and the note says so.
    assert!(p.obligations[0].warnings.is_empty(), "{:?}", p.obligations[0].warnings);
    assert!(p.obligations[0].note.contains("public holidays of DE (`de`)"), "{}", p.obligations[0].note);
    assert!(p.obligations[0].note.contains("Saturday 2026-02-28"), "{}", p.obligations[0].note);
}

#[test]
fn eu_worked_examples_of_regulation_1182_71() {
    // Reg. 1182/71 Art. 3(2)(c) and (4): 15 Dec 2025 → 15 Jan 2026; 30 Jan 2026 → Sat 28 Feb → Mon 2 Mar.
    assert_eq!(respond(&plan(request("FR", RequestKind::Erasure, date(2025, 12, 15)))).0, on(date(2026, 1, 15)));
    assert_eq!(respond(&plan(request("NO", RequestKind::Portability, date(2026, 1, 30)))).0, on(date(2026, 3, 2)));
}

#[test]
fn every_gdpr_right_gets_one_month_and_cites_its_article() {
    for (kind, article) in [
        (RequestKind::Access, "Art. 15"),
        (RequestKind::Rectification, "Art. 16"),
        (RequestKind::Erasure, "Art. 17"),
        (RequestKind::Restriction, "Art. 18"),
        (RequestKind::Portability, "Art. 20"),
        (RequestKind::Objection, "Art. 21"),
        (RequestKind::AutomatedDecisionReview, "Art. 22"),
    ] {
        let p = plan(request("IT", kind, date(2026, 3, 10)));
        assert_eq!(respond(&p), (on(date(2026, 4, 10)), Some(on(date(2026, 6, 10)))), "{kind}");
        assert!(p.obligations[0].citation.contains(article), "{kind}: {}", p.obligations[0].citation);
    }
}

#[test]
fn kinds_without_a_deadline_give_a_note_and_no_obligation() {
    for kind in [RequestKind::WithdrawConsent, RequestKind::OptOutOfSale, RequestKind::LimitSensitive] {
        for place in ["DE", "GB"] {
            let p = plan(request(place, kind, date(2026, 3, 10)));
            assert!(p.obligations.is_empty(), "{kind} {place}");
            assert_eq!(p.notes.len(), 1, "{kind} {place}");
            assert!(p.notes[0].contains("Art. "), "{}", p.notes[0]);
        }
    }
}

#[test]
fn other_jurisdictions_are_not_governed() {
    for place in ["US-CA", "BR", "RU", "CH"] {
        let p = plan(request(place, RequestKind::Access, date(2026, 3, 10)));
        assert!(p.obligations.is_empty() && p.notes.is_empty(), "{place}");
    }
}

#[test]
fn uk_rolls_past_england_and_wales_bank_holidays() {
    // 31 Jul 2026 + 1 month = Mon 31 Aug 2026, the Summer bank holiday → Tue 1 Sep.
    let p = plan(request("GB", RequestKind::Access, date(2026, 7, 31)));
    assert_eq!(respond(&p).0, on(date(2026, 9, 1)));
    assert!(p.obligations[0].citation.contains("Art. 12A"));
    assert!(p.obligations[0].warnings.is_empty(), "{:?}", p.obligations[0].warnings);
    // 28 Nov 2026 + 1 month = Mon 28 Dec 2026, Boxing Day (substitute) → Tue 29 Dec.
    let p = plan(request("GB", RequestKind::Access, date(2026, 11, 28)));
    assert_eq!(respond(&p).0, on(date(2026, 12, 29)));
    // The extension ends on Sun 28 Feb 2027 → Mon 1 Mar 2027, a year gov.uk lists.
    assert_eq!(respond(&p).1, Some(on(date(2027, 3, 1))));
    assert!(p.obligations[0].warnings.is_empty(), "{:?}", p.obligations[0].warnings);
}

#[test]
fn uk_nations_have_their_own_bank_holidays() {
    // Scotland's summer bank holiday is 3 Aug 2026, not 31 Aug.
    assert_eq!(respond(&plan(request("GB-SCT", RequestKind::Access, date(2026, 7, 31)))).0, on(date(2026, 8, 31)));
    assert_eq!(respond(&plan(request("GB-SCT", RequestKind::Access, date(2026, 7, 3)))).0, on(date(2026, 8, 4)));
    // Northern Ireland: 13 Jul 2026 (Battle of the Boyne, substitute day).
    assert_eq!(respond(&plan(request("GB-NIR", RequestKind::Access, date(2026, 6, 13)))).0, on(date(2026, 7, 14)));
    assert_eq!(respond(&plan(request("GB", RequestKind::Access, date(2026, 6, 13)))).0, on(date(2026, 7, 13)));
}

#[test]
fn uk_counts_from_the_relevant_time() {
    let mut r = request("GB", RequestKind::Access, date(2026, 3, 2));
    r.relevant_time = Some(date(2026, 3, 9));
    assert_eq!(respond(&plan(r)), (on(date(2026, 4, 9)), Some(on(date(2026, 6, 9)))));
    // A relevant time before receipt does not move the start back.
    let mut r = request("GB", RequestKind::Access, date(2026, 3, 2));
    r.relevant_time = Some(date(2026, 2, 20));
    assert_eq!(respond(&plan(r)).0, on(date(2026, 4, 2)));
}

#[test]
fn uk_stop_the_clock_adds_paused_days_from_5_february_2026() {
    // 2 Apr 2026 + 10 paused days = Sun 12 Apr → Mon 13 Apr.
    let mut r = request("GB", RequestKind::Access, date(2026, 3, 2));
    r.paused_days = 10;
    let p = plan(r);
    assert_eq!(respond(&p), (on(date(2026, 4, 13)), Some(on(date(2026, 6, 12)))));
    assert!(p.obligations[0].note.contains("10 stop-the-clock day(s)"));
    // Before Art. 12A applied there was no stop-the-clock.
    let mut r = request("GB", RequestKind::Access, date(2026, 1, 10));
    r.paused_days = 5;
    let p = plan(r);
    assert_eq!(respond(&p).0, on(date(2026, 2, 10)));
    assert!(!p.obligations[0].citation.contains("Art. 12A"));
    assert!(p.notes.iter().any(|n| n.contains("before UK GDPR Art. 12A")), "{:?}", p.notes);
}

#[test]
fn eu_ignores_paused_days_unless_the_manifest_says_otherwise() {
    let mut r = request("DE", RequestKind::Access, date(2026, 3, 2));
    r.paused_days = 10;
    let p = plan(r.clone());
    assert_eq!(respond(&p).0, on(date(2026, 4, 2)));
    assert!(p.notes.iter().any(|n| n.contains("eu_identity_pause")));
    let m = juris_core::testing::manifest(
        "manifest = 1\n[organization]\nname = \"X\"\n[modules.eea-uk]\neu_identity_pause = true\n",
    );
    // 2 Apr + 10 = Sun 12 Apr → Mon 13 Apr.
    assert_eq!(respond(&plan_with(r, Some(m))).0, on(date(2026, 4, 13)));
}

#[test]
fn uk_conservative_month_ends_a_day_earlier() {
    let m = juris_core::testing::manifest(
        "manifest = 1\n[organization]\nname = \"X\"\n[modules.eea-uk]\nuk_month_beginning_with = true\n",
    );
    let p = plan_with(request("GB", RequestKind::Access, date(2026, 3, 10)), Some(m));
    assert_eq!(respond(&p), (on(date(2026, 4, 9)), Some(on(date(2026, 6, 9)))));
    assert!(p.obligations[0].warnings.iter().any(|w| w.contains("one month beginning with")));
    assert_eq!(respond(&plan(request("GB", RequestKind::Access, date(2026, 3, 10)))).0, on(date(2026, 4, 10)));
}

#[test]
fn incidents_notify_each_authority_within_72_hours() {
    let p = testing::incident(&EeaUk, &["DE", "GB", "US-CA"], "2026-11-29T10:00:00Z", Some(1200), None);
    let authority: Vec<_> = p.obligations.iter().filter(|o| o.action == "notify-authority").collect();
    assert_eq!(authority.len(), 2);
    for o in &authority {
        assert_eq!(o.due.to_string(), "2026-12-02T10:00:00Z");
    }
    assert!(authority.iter().any(|o| o.citation.starts_with("GDPR Art. 33(1)")));
    assert!(
        authority
            .iter()
            .any(|o| o.citation.starts_with("UK GDPR Art. 33(1)") && o.note.contains("Information Commissioner"))
    );
    // The offset given is kept, and the hours run over the weekend.
    let p = testing::incident(&EeaUk, &["FR"], "2026-11-27T18:30:00+01:00", Some(1200), None);
    let o = p.obligations.iter().find(|o| o.action == "notify-authority").unwrap();
    assert_eq!(o.due.to_string(), "2026-11-30T18:30:00+01:00");
}

#[test]
fn incidents_tell_people_without_undue_delay_when_the_risk_is_high() {
    let p = testing::incident(&EeaUk, &["EEA"], "2026-11-29T23:30:00-03:00", Some(1200), None);
    let people = p.obligations.iter().find(|o| o.action == "notify-individuals").unwrap();
    assert_eq!(people.due, Due::Immediately(date(2026, 11, 29)));
    assert!(people.citation.contains("Art. 34"));
    assert!(people.note.contains("high risk"));
    // In the order they fall due.
    assert_eq!(p.obligations[0].action, "notify-individuals");
    assert!(!p.notes.is_empty());
}

#[test]
fn incidents_elsewhere_trigger_nothing() {
    let p = testing::incident(&EeaUk, &["US-CA", "BR"], "2026-11-29T10:00:00Z", Some(1200), None);
    assert!(p.obligations.is_empty() && p.notes.is_empty());
}

#[test]
fn uk_articles_are_those_in_force_when_the_request_was_received() {
    // Arts. 22A-22D replaced Art. 22 on 5 Feb 2026.
    let before = plan(request("GB", RequestKind::AutomatedDecisionReview, date(2026, 2, 4)));
    assert!(before.obligations[0].citation.ends_with("UK GDPR Art. 22(3)"), "{}", before.obligations[0].citation);
    let after = plan(request("GB", RequestKind::AutomatedDecisionReview, date(2026, 2, 5)));
    assert!(after.obligations[0].citation.ends_with("UK GDPR Arts. 22A-22D"), "{}", after.obligations[0].citation);
    // The reasonable-and-proportionate search applies from 19 Jun 2025.
    let before = plan(request("GB", RequestKind::Access, date(2025, 6, 18)));
    assert!(!before.obligations[0].note.contains("15(1A)"), "{}", before.obligations[0].note);
    let after = plan(request("GB", RequestKind::Access, date(2025, 6, 19)));
    assert!(after.obligations[0].note.contains("15(1A)"), "{}", after.obligations[0].note);
    // Which nation's bank holidays apply to plain GB is unsettled: said in a note.
    assert!(after.notes.iter().any(|n| n.contains("England and Wales")), "{:?}", after.notes);
    assert!(plan(request("GB-SCT", RequestKind::Access, date(2026, 3, 2))).notes.is_empty());
}

#[test]
fn the_eu_counts_from_receipt_and_says_a_relevant_time_was_not_used() {
    let mut r = request("DE", RequestKind::Access, date(2026, 3, 2));
    r.relevant_time = Some(date(2026, 3, 9));
    let p = plan(r);
    assert_eq!(respond(&p).0, on(date(2026, 4, 2)));
    assert!(p.notes.iter().any(|n| n.contains("relevant time")), "{:?}", p.notes);
}
