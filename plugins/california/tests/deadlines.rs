//! Deadlines against the law (11 CCR §§7021, 7026(f), 7027(g); Civ. Code
//! §§1798.82, 1798.83, 1798.130) and worked examples, computed through
//! `obligations()`.

use juris_california::California;
use juris_core::RequestKind;
use juris_core::jiff::civil::date;
use juris_core::module::Due;
use juris_core::testing::{self, due};

fn options(table: &str) -> String {
    format!(
        "manifest = 1\n[organization]\nname = \"Shop\"\nmarkets = [\"US-CA\"]\nannual_revenue_usd = 40_000_000\n[modules.california]\n{table}\n"
    )
}

#[test]
fn opt_out_is_due_in_15_business_days() {
    // The example: Mon 2026-09-14 + 15 business days. Native American
    // Day (Fri 2026-09-25) is a business day on the default calendar.
    let plan = testing::request(&California, "US-CA", RequestKind::OptOutOfSale, date(2026, 9, 14), None);
    assert_eq!(plan.obligations.len(), 1);
    let o = &plan.obligations[0];
    assert_eq!(o.action, "respond");
    assert_eq!(o.due, Due::Date(date(2026, 10, 5)));
    assert_eq!(o.citation, "11 CCR §7026(f)");
    assert!(o.warnings.is_empty(), "{:?}", o.warnings);
    let plan = testing::request(&California, "US-CA", RequestKind::LimitSensitive, date(2026, 9, 14), None);
    assert_eq!(due(&plan, "respond"), Due::Date(date(2026, 10, 5)));
}

#[test]
fn every_government_code_holiday_is_a_switch_away() {
    let m = options("business_day_holidays = \"government-code\"");
    let plan = testing::request(&California, "US-CA", RequestKind::OptOutOfSale, date(2026, 9, 14), Some(&m));
    // Native American Day (2026-09-25) is then excluded too.
    assert_eq!(due(&plan, "respond"), Due::Date(date(2026, 10, 6)));
}

#[test]
fn access_is_acknowledged_in_10_business_days_and_answered_on_receipt_plus_44() {
    let plan = testing::request(&California, "US-CA", RequestKind::Access, date(2026, 9, 14), None);
    assert_eq!(due(&plan, "acknowledge"), Due::Date(date(2026, 9, 28)));
    let respond = plan.obligations.iter().find(|o| o.action == "respond").unwrap();
    assert_eq!(respond.due, Due::Date(date(2026, 10, 28)));
    assert_eq!(respond.extended_due, Some(Due::Date(date(2026, 12, 12))));
    assert!(respond.citation.contains("§1798.130(a)(2)(A)"));
    assert!(respond.note.contains("day 1"));
    assert!(plan.notes.iter().any(|n| n.contains("Shine the Light")));
    // Erasure and correction follow the same timeline.
    for kind in [RequestKind::Erasure, RequestKind::Rectification, RequestKind::Portability] {
        let plan = testing::request(&California, "US-CA", kind, date(2026, 9, 14), None);
        assert_eq!(due(&plan, "respond"), Due::Date(date(2026, 10, 28)), "{kind}");
    }
}

#[test]
fn the_45_days_can_exclude_the_day_of_receipt() {
    let m = options("respond_counts_receipt_day = false");
    let plan = testing::request(&California, "US-CA", RequestKind::Access, date(2026, 9, 14), Some(&m));
    let respond = plan.obligations.iter().find(|o| o.action == "respond").unwrap();
    assert_eq!(respond.due, Due::Date(date(2026, 10, 29)));
    // Day 90 is Sunday 2026-12-13: the next business day.
    assert_eq!(respond.extended_due, Some(Due::Date(date(2026, 12, 14))));
}

#[test]
fn acknowledgement_skips_thanksgiving_and_the_day_after() {
    // Wed 2026-11-18: Thu 19, Fri 20, Mon 23, Tue 24, Wed 25, (26, 27 holidays),
    // Mon 30, Tue 1, Wed 2, Thu 3, Fri 4 December.
    let plan = testing::request(&California, "US-CA", RequestKind::Erasure, date(2026, 11, 18), None);
    assert_eq!(due(&plan, "acknowledge"), Due::Date(date(2026, 12, 4)));
}

#[test]
fn dates_outside_the_calendar_carry_a_warning() {
    // Across New Year 2027 the state-office holidays of 2027 count, without a warning:
    // Mon 21 Dec 2026 + 15 business days skips 25 Dec and 1 Jan 2027.
    let plan = testing::request(&California, "US-CA", RequestKind::OptOutOfSale, date(2026, 12, 21), None);
    assert_eq!(plan.obligations[0].due, Due::Date(date(2027, 1, 13)));
    assert!(plan.obligations[0].warnings.is_empty(), "{:?}", plan.obligations[0].warnings);
    let plan = testing::request(&California, "US-CA", RequestKind::OptOutOfSale, date(2100, 12, 21), None);
    assert!(plan.obligations[0].warnings[0].contains("covers 2000-2100 only"), "{:?}", plan.obligations[0].warnings);
    // A count in calendar days cannot be moved by a holiday: no warning.
    let plan = testing::request(&California, "US-CA", RequestKind::Access, date(2027, 3, 1), None);
    let respond = plan.obligations.iter().find(|o| o.action == "respond").unwrap();
    assert_eq!(respond.due, Due::Date(date(2027, 4, 14)));
    assert!(respond.warnings.is_empty());
}

#[test]
fn kinds_without_a_california_right_get_a_note() {
    for kind in [RequestKind::Restriction, RequestKind::Objection, RequestKind::WithdrawConsent] {
        let plan = testing::request(&California, "US-CA", kind, date(2026, 9, 14), None);
        assert!(plan.obligations.is_empty(), "{kind}");
        assert!(plan.notes.iter().any(|n| n.contains("not a consumer right under the CCPA")), "{kind}");
    }
    let plan = testing::request(&California, "US-CA", RequestKind::AutomatedDecisionReview, date(2026, 9, 14), None);
    assert!(plan.obligations.is_empty());
    assert!(plan.notes[0].contains("2027-01-01"));
    let plan = testing::request(&California, "US-CA", RequestKind::AutomatedDecisionReview, date(2027, 2, 1), None);
    assert_eq!(plan.obligations.len(), 1);
}

#[test]
fn the_law_in_force_on_the_day_of_receipt_applies() {
    let plan = testing::request(&California, "US-CA", RequestKind::Rectification, date(2022, 6, 1), None);
    assert!(plan.obligations.is_empty());
    assert!(plan.notes[0].contains("CPRA"));
    let plan = testing::request(&California, "US-CA", RequestKind::Access, date(2019, 12, 31), None);
    assert!(plan.obligations.is_empty());
    let plan = testing::request(&California, "US-CA", RequestKind::Access, date(2022, 6, 1), None);
    assert_eq!(due(&plan, "respond"), Due::Date(date(2022, 7, 15)));
}

#[test]
fn other_places_are_not_governed() {
    assert!(testing::request(&California, "DE", RequestKind::Access, date(2026, 9, 14), None).obligations.is_empty());
    assert!(
        testing::request(&California, "US-NY", RequestKind::Access, date(2026, 9, 14), None).obligations.is_empty()
    );
    assert!(
        testing::incident(&California, &["BR", "EEA"], "2026-11-18T15:00:00-08:00", Some(10_000), None)
            .obligations
            .is_empty()
    );
}

#[test]
fn no_request_deadline_when_the_thresholds_are_not_met() {
    let m = "manifest = 1\n[organization]\nname = \"Bakery\"\nmarkets = [\"US-CA\"]\nannual_revenue_usd = 3_000_000\nsubjects_per_year = { \"US-CA\" = 20_000 }\n";
    let plan = testing::request(&California, "US-CA", RequestKind::Access, date(2026, 9, 14), Some(m));
    assert!(plan.obligations.is_empty());
    assert!(plan.notes[0].contains("not a CCPA \"business\""));
}

#[test]
fn breach_notice_is_due_in_30_days_and_the_attorney_general_15_days_later() {
    let plan = testing::incident(&California, &["US-CA", "BR"], "2026-11-18T15:00:00-08:00", Some(12_000), None);
    assert_eq!(plan.obligations.len(), 2);
    assert_eq!(plan.obligations[0].action, "notify-individuals");
    assert_eq!(plan.obligations[0].due, Due::Date(date(2026, 12, 18)));
    assert!(plan.obligations[0].citation.contains("§1798.82(a)"));
    assert_eq!(plan.obligations[1].action, "notify-authority");
    assert_eq!(plan.obligations[1].due, Due::Date(date(2027, 1, 2)));
    assert!(plan.obligations[1].citation.contains("§1798.82(f)"));
    // The local date of discovery counts: 01:00 UTC on the 19th is the 18th in California.
    let plan = testing::incident(&California, &["US"], "2026-11-19T01:00:00Z", None, None);
    assert_eq!(plan.obligations[0].due, Due::Date(date(2026, 12, 19)));
    assert_eq!(plan.obligations.len(), 2, "an unknown count is treated as more than 500");
}

#[test]
fn no_attorney_general_sample_for_500_or_fewer() {
    let plan = testing::incident(&California, &["US-CA"], "2026-11-18T15:00:00-08:00", Some(500), None);
    assert_eq!(plan.obligations.len(), 1);
    assert!(plan.notes[0].contains("not more than 500"));
}

#[test]
fn breaches_before_sb_446_have_no_fixed_period() {
    let plan = testing::incident(&California, &["US-CA"], "2025-12-01T09:00:00-08:00", Some(1_000), None);
    assert_eq!(plan.obligations[0].due, Due::Immediately(date(2025, 12, 1)));
    assert_eq!(plan.obligations[1].action, "notify-authority");
}

#[test]
fn shine_the_light_is_30_days_or_at_most_150() {
    let o = juris_california::deadlines::shine_the_light(date(2026, 9, 14), true);
    assert_eq!(o.due, Due::Date(date(2026, 10, 14)));
    assert_eq!(o.citation, "Civ. Code §1798.83(b)(1)");
    let o = juris_california::deadlines::shine_the_light(date(2026, 9, 14), false);
    assert_eq!(o.due, Due::Date(date(2027, 2, 11)));
}

#[test]
fn shine_the_light_predates_the_ccpa() {
    // Civ. Code §1798.83 has applied since 2005-01-01, whatever the CCPA says.
    let plan = testing::request(&California, "US-CA", RequestKind::ShineTheLight, date(2019, 3, 1), None);
    assert_eq!(due(&plan, "respond"), Due::Date(date(2019, 3, 31)));
    assert!(!plan.notes.iter().any(|n| n.contains("CCPA was not yet operative")), "{:?}", plan.notes);
    let plan = testing::request(&California, "US-CA", RequestKind::ShineTheLight, date(2004, 6, 1), None);
    assert!(plan.obligations.is_empty());
    assert!(plan.notes[0].contains("2005-01-01"));
}

#[test]
fn an_empty_designated_contact_is_no_designated_channel() {
    let m = options(
        "[modules.california.shine_the_light]\ndiscloses_for_direct_marketing = true\ndesignated_contact = \" \"",
    );
    let plan = testing::request(&California, "US-CA", RequestKind::ShineTheLight, date(2026, 9, 14), Some(&m));
    assert_eq!(due(&plan, "respond"), Due::Date(date(2027, 2, 11)));
}
