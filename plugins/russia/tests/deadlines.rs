//! Deadlines under 152-FZ counted on the Russian production calendar, and
//! the examples of the Russia module's original issue.

use juris_core::jiff::civil::date;
use juris_core::module::Due;
use juris_core::{RequestKind, testing};
use juris_russia::Russia;

#[test]
fn access_is_ten_working_days_plus_five_across_the_may_holidays() {
    // Issue 6: received 2026-04-29 → 2026-05-15, extended 2026-05-22
    // (1 May and the 11 May transfer of Victory Day are days off).
    let plan = testing::request(&Russia, "RU", RequestKind::Access, date(2026, 4, 29), None);
    assert_eq!(plan.obligations.len(), 1);
    let o = &plan.obligations[0];
    assert_eq!(o.module, "russia");
    assert_eq!(o.action, "respond");
    assert_eq!(o.due, Due::Date(date(2026, 5, 15)));
    assert_eq!(o.extended_due, Some(Due::Date(date(2026, 5, 22))));
    assert!(o.citation.contains("Art. 20(1)"), "{}", o.citation);
    assert!(o.warnings.is_empty(), "{:?}", o.warnings);
}

#[test]
fn the_working_saturday_of_2025_counts_and_its_monday_does_not() {
    // Fri 2025-10-24 + 10 wd: 27-31 Oct (5), Sat 1 Nov (6), Mon 3 and Tue 4 Nov off,
    // 5, 6, 7 Nov (9), Mon 10 Nov (10).
    let plan = testing::request(&Russia, "RU", RequestKind::Access, date(2025, 10, 24), None);
    assert_eq!(plan.obligations[0].due, Due::Date(date(2025, 11, 10)));
    // +5: 11, 12, 13, 14, 17 Nov.
    assert_eq!(plan.obligations[0].extended_due, Some(Due::Date(date(2025, 11, 17))));
}

#[test]
fn new_year_holidays_and_transfers() {
    // Thu 2025-12-25 + 10 wd: 26, 29, 30 Dec (3); 31 Dec off (transfer); 1-9 Jan 2026 off;
    // 12-16 Jan (8), 19, 20 Jan (10).
    let plan = testing::request(&Russia, "RU", RequestKind::Access, date(2025, 12, 25), None);
    assert_eq!(plan.obligations[0].due, Due::Date(date(2026, 1, 20)));
    assert!(plan.obligations[0].warnings.is_empty());
}

#[test]
fn december_2026_counts_the_2027_decree() {
    let plan = testing::request(&Russia, "RU", RequestKind::Access, date(2026, 12, 25), None);
    let o = &plan.obligations[0];
    // 28, 29, 30 Dec (3); 31 Dec off (Decree No. 1466); 1-8 Jan 2027 off (Art. 112);
    // 11-15 Jan (8), 18, 19 Jan (10). 2027 is fixed by Decree No. 1187 of 17.09.2026.
    assert_eq!(o.due, Due::Date(date(2027, 1, 19)));
    assert!(o.warnings.is_empty(), "{:?}", o.warnings);
    assert!(!o.note.contains("projected"), "{}", o.note);
    // 2028 has no decree yet: counted by rule, and the note says so.
    let plan = testing::request(&Russia, "RU", RequestKind::Access, date(2027, 12, 24), None);
    assert!(plan.obligations[0].note.contains("projected: the official"), "{}", plan.obligations[0].note);
}

#[test]
fn requests_received_before_2022_09_01_get_thirty_calendar_days() {
    let plan = testing::request(&Russia, "RU", RequestKind::Access, date(2022, 8, 31), None);
    let o = &plan.obligations[0];
    assert_eq!(o.due, Due::Date(date(2022, 9, 30)));
    assert_eq!(o.extended_due, None);
    assert!(o.citation.contains("before 266-FZ"), "{}", o.citation);
    // 2022-09-01 is already under 266-FZ: 10 working days (no 2022 holidays in September).
    let plan = testing::request(&Russia, "RU", RequestKind::Access, date(2022, 9, 1), None);
    assert_eq!(plan.obligations[0].due, Due::Date(date(2022, 9, 15)));
    assert_eq!(plan.obligations[0].extended_due, Some(Due::Date(date(2022, 9, 22))));
    assert!(plan.obligations[0].warnings.is_empty(), "2022 is in the calendar: {:?}", plan.obligations[0].warnings);
}

#[test]
fn thirty_days_ending_on_a_weekend_are_not_moved_but_the_note_says_where_they_could_go() {
    // 2021-05-01 + 30 days = Mon 31 May: working, nothing to say.
    let plan = testing::request(&Russia, "RU", RequestKind::Access, date(2021, 5, 1), None);
    assert_eq!(plan.obligations[0].due, Due::Date(date(2021, 5, 31)));
    assert!(!plan.obligations[0].note.contains("Art. 193"));
    // 2021-04-30 + 30 days = Sun 30 May: stays, the note offers Mon 31 May.
    let plan = testing::request(&Russia, "RU", RequestKind::Access, date(2021, 4, 30), None);
    assert_eq!(plan.obligations[0].due, Due::Date(date(2021, 5, 30)));
    assert!(plan.obligations[0].note.contains("2021-05-31"), "{}", plan.obligations[0].note);
}

#[test]
fn rectification_is_seven_working_days() {
    // Wed 2026-04-29: 30 Apr (1), 4-8 May (6), 12 May (7).
    let plan = testing::request(&Russia, "RU", RequestKind::Rectification, date(2026, 4, 29), None);
    assert_eq!(plan.obligations[0].action, "rectify");
    assert_eq!(plan.obligations[0].due, Due::Date(date(2026, 5, 12)));
    assert!(plan.obligations[0].citation.contains("Art. 21(2)"));
}

#[test]
fn erasure_is_seven_working_days_and_flagged_for_checking() {
    let plan = testing::request(&Russia, "RU", RequestKind::Erasure, date(2026, 4, 29), None);
    assert_eq!(plan.obligations[0].action, "destroy");
    assert_eq!(plan.obligations[0].due, Due::Date(date(2026, 5, 12)));
    assert!(plan.obligations[0].warnings.iter().any(|w| w.contains("Art. 20(3)")));
}

#[test]
fn restriction_is_immediate() {
    let plan = testing::request(&Russia, "RU", RequestKind::Restriction, date(2026, 4, 29), None);
    assert_eq!(plan.obligations[0].action, "block");
    assert_eq!(plan.obligations[0].due, Due::Immediately(date(2026, 4, 29)));
}

#[test]
fn a_demand_to_stop_processing_is_ten_working_days_since_266_fz() {
    let plan = testing::request(&Russia, "RU", RequestKind::Objection, date(2026, 4, 29), None);
    assert_eq!(plan.obligations[0].action, "stop-processing");
    assert_eq!(plan.obligations[0].due, Due::Date(date(2026, 5, 15)));
    assert_eq!(plan.obligations[0].extended_due, Some(Due::Date(date(2026, 5, 22))));
    assert!(plan.notes.iter().any(|n| n.contains("Art. 15(2)")));
    let before = testing::request(&Russia, "RU", RequestKind::Objection, date(2022, 8, 1), None);
    assert!(before.obligations.is_empty());
    assert!(before.notes[0].contains("Art. 21(5.1)"));
}

#[test]
fn withdrawal_of_consent_means_destruction_within_thirty_days() {
    // 2026-04-29 + 30 days = Fri 29 May.
    let plan = testing::request(&Russia, "RU", RequestKind::WithdrawConsent, date(2026, 4, 29), None);
    assert_eq!(plan.obligations[0].action, "destroy");
    assert_eq!(plan.obligations[0].due, Due::Date(date(2026, 5, 29)));
    assert!(plan.obligations[0].citation.contains("Art. 21(5)"));
}

#[test]
fn automated_decision_review_is_thirty_days() {
    let plan = testing::request(&Russia, "RU", RequestKind::AutomatedDecisionReview, date(2026, 4, 29), None);
    assert_eq!(plan.obligations[0].due, Due::Date(date(2026, 5, 29)));
    assert!(plan.obligations[0].citation.contains("Art. 16"));
}

#[test]
fn kinds_152_fz_does_not_know_get_a_note_and_no_date() {
    for kind in [RequestKind::Portability, RequestKind::OptOutOfSale, RequestKind::LimitSensitive] {
        let plan = testing::request(&Russia, "RU", kind, date(2026, 4, 29), None);
        assert!(plan.obligations.is_empty(), "{kind}");
        assert_eq!(plan.notes.len(), 1);
        assert!(plan.notes[0].contains("not a right under 152-FZ"), "{}", plan.notes[0]);
    }
}

#[test]
fn other_jurisdictions_get_nothing() {
    for place in ["DE", "BR", "US-CA", "EEA", "*"] {
        let plan = testing::request(&Russia, place, RequestKind::Access, date(2026, 4, 29), None);
        assert!(plan.obligations.is_empty() && plan.notes.is_empty(), "{place}");
    }
    let plan = testing::incident(&Russia, &["DE", "GB"], "2026-11-29T10:00:00Z", None, None);
    assert!(plan.obligations.is_empty() && plan.notes.is_empty());
}

#[test]
fn incidents_are_24_and_72_clock_hours_from_detection() {
    let plan = testing::incident(&Russia, &["RU"], "2026-11-29T10:00:00Z", None, None);
    let actions: Vec<(&str, String)> =
        plan.obligations.iter().map(|o| (o.action.as_str(), o.due.to_string())).collect();
    assert_eq!(
        actions,
        [
            ("notify-authority", "2026-11-30T10:00:00Z".to_string()),
            ("report-investigation", "2026-12-02T10:00:00Z".to_string())
        ]
    );
    assert!(plan.obligations[0].citation.contains("Art. 21(3.1)(1)"));
    assert!(plan.notes.iter().any(|n| n.contains("GosSOPKA")));
    // The offset given is kept.
    let plan = testing::incident(&Russia, &["DE", "RU"], "2026-11-29T13:00:00+03:00", None, None);
    assert_eq!(plan.obligations[0].due.to_string(), "2026-11-30T13:00:00+03:00");
}

#[test]
fn incidents_before_266_fz_have_no_deadline() {
    let plan = testing::incident(&Russia, &["RU"], "2022-08-31T10:00:00Z", None, None);
    assert!(plan.obligations.is_empty());
    assert!(plan.notes[0].contains("2022-09-01"));
}

#[test]
fn an_incident_everywhere_includes_russia() {
    let plan = testing::incident(&Russia, &["*"], "2026-11-29T10:00:00Z", None, None);
    let actions: Vec<&str> = plan.obligations.iter().map(|o| o.action.as_str()).collect();
    assert_eq!(actions, ["notify-authority", "report-investigation"]);
    let plan = testing::incident(&Russia, &["EEA"], "2026-11-29T10:00:00Z", None, None);
    assert!(plan.obligations.is_empty());
}

#[test]
fn the_leak_fine_is_named_only_from_420_fz() {
    let before = testing::incident(&Russia, &["RU"], "2025-05-29T10:00:00Z", None, None);
    assert!(!before.obligations[0].note.contains("13.11(11)"), "{}", before.obligations[0].note);
    let after = testing::incident(&Russia, &["RU"], "2025-05-30T10:00:00Z", None, None);
    assert!(after.obligations[0].note.contains("KoAP Art. 13.11(11)"), "{}", after.obligations[0].note);
}

#[test]
fn the_extension_notice_is_due_by_the_tenth_working_day() {
    let plan = testing::request(&Russia, "RU", RequestKind::Access, date(2026, 4, 29), None);
    assert!(plan.obligations[0].note.contains("sent no later than 2026-05-15"), "{}", plan.obligations[0].note);
}
