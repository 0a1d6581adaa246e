//! Deadlines against LGPD Arts. 18-19, Res. CD/ANPD 2/2022 Arts. 14-15 and Res.
//! CD/ANPD 15/2024 Arts. 6 and 9, counted per Código Civil Art. 132.

use juris_brazil::Brazil;
use juris_core::RequestKind;
use juris_core::jiff::civil::date;
use juris_core::module::Due;
use juris_core::testing::{self, dues, manifest};

const SMALL_AGENT: &str = r#"
manifest = 1
[organization]
name = "Loja Pequena"
markets = ["BR"]
[modules.brazil]
small_agent = true
gross_revenue_brl = 1_200_000
"#;

const SMALL_AGENT_TOO_RICH: &str = r#"
manifest = 1
[organization]
name = "Loja Grande"
markets = ["BR"]
[modules.brazil]
small_agent = true
gross_revenue_brl = 9_000_000
"#;

const BUSINESS_DAYS: &str = r#"
manifest = 1
[organization]
name = "Loja"
markets = ["BR"]
[modules.brazil]
access_days = "business"
"#;

#[test]
fn access_simplified_immediately_and_complete_in_15_calendar_days() {
    // An ordinary end date: Mon 2 Mar 2026 + 15 = Tue 17 Mar 2026, with nothing to warn of.
    let plan = testing::request(&Brazil, "BR-SP", RequestKind::Access, date(2026, 3, 2), None);
    assert_eq!(dues(&plan, "respond"), vec![Due::Immediately(date(2026, 3, 2)), Due::Date(date(2026, 3, 17))]);
    assert!(plan.obligations[1].citation.contains("Art. 19 II"));
    assert!(plan.obligations[1].note.contains("calendar days"));
    assert!(plan.obligations.iter().all(|o| o.warnings.is_empty()));
}

#[test]
fn access_periods_are_not_moved_off_holidays_and_weekends() {
    // Moving a last day off a holiday (CC Art. 132 §1) is an inference that no ANPD act
    // confirms for LGPD Art. 19: the due date is the 15th day, and a warning gives the later date.
    // Thu 5 Nov 2026 + 15 days = Fri 20 Nov, Consciência Negra.
    let plan = testing::request(&Brazil, "BR", RequestKind::Access, date(2026, 11, 5), None);
    assert_eq!(dues(&plan, "respond"), vec![Due::Immediately(date(2026, 11, 5)), Due::Date(date(2026, 11, 20))]);
    let complete = &plan.obligations[1];
    assert_eq!(complete.warnings.len(), 1, "{:?}", complete.warnings);
    assert!(complete.warnings[0].contains("Art. 132 §1") && complete.warnings[0].contains("2026-11-23"));
    assert!(complete.note.contains("not moved"), "{}", complete.note);
    // Ending on a Sunday: Sat 31 Jan 2026 + 15 = Sun 15 Feb (Mon 16 Feb if it moved).
    let plan = testing::request(&Brazil, "BR", RequestKind::Access, date(2026, 1, 31), None);
    assert_eq!(dues(&plan, "respond")[1], Due::Date(date(2026, 2, 15)));
    assert!(plan.obligations[1].warnings[0].contains("2026-02-16"));
}

#[test]
fn access_in_business_days_when_switched() {
    // Thu 5 Nov 2026 + 15 business days, skipping Fri 20 Nov: Fri 27 Nov.
    let plan = testing::request(&Brazil, "BR", RequestKind::Access, date(2026, 11, 5), Some(BUSINESS_DAYS));
    assert_eq!(dues(&plan, "respond"), vec![Due::Immediately(date(2026, 11, 5)), Due::Date(date(2026, 11, 27))]);
    assert!(plan.obligations[1].note.contains("15 business days"));
}

#[test]
fn small_agents_get_30_days_and_15_for_the_simplified_format() {
    // Thu 5 Nov 2026: +15 = Fri 20 Nov (a holiday, not moved); +30 = Sat 5 Dec (not moved).
    let plan = testing::request(&Brazil, "BR", RequestKind::Access, date(2026, 11, 5), Some(SMALL_AGENT));
    assert_eq!(dues(&plan, "respond"), vec![Due::Date(date(2026, 11, 20)), Due::Date(date(2026, 12, 5))]);
    assert!(plan.obligations[1].warnings[0].contains("2026-12-07"));
    assert!(plan.obligations[0].citation.contains("Res. CD/ANPD 2/2022 Art. 15"));
    assert!(plan.obligations[1].citation.contains("Art. 14 III"));
    // Status declared but excluded by revenue: the ordinary deadlines, with a note saying why.
    let plan = testing::request(&Brazil, "BR", RequestKind::Access, date(2026, 11, 5), Some(SMALL_AGENT_TOO_RICH));
    assert_eq!(dues(&plan, "respond"), vec![Due::Immediately(date(2026, 11, 5)), Due::Date(date(2026, 11, 20))]);
    assert!(plan.notes.iter().any(|n| n.contains("does not hold")), "{:?}", plan.notes);
    // Before Res. 2/2022 came into force (28 Jan 2022), no doubling.
    let plan = testing::request(&Brazil, "BR", RequestKind::Access, date(2021, 6, 1), Some(SMALL_AGENT));
    assert_eq!(dues(&plan, "respond")[0], Due::Immediately(date(2021, 6, 1)));
}

#[test]
fn dates_outside_the_calendar_warn() {
    // 2027 is counted on the national holidays the laws set; no warning.
    let plan = testing::request(&Brazil, "BR", RequestKind::Access, date(2027, 3, 1), Some(BUSINESS_DAYS));
    assert_eq!(dues(&plan, "respond")[1], Due::Date(date(2027, 3, 22)));
    assert!(plan.obligations[1].warnings.is_empty(), "{:?}", plan.obligations[1].warnings);
    // Beyond 2100 only weekends are known, and the date says so.
    let plan = testing::request(&Brazil, "BR", RequestKind::Access, date(2101, 3, 1), Some(BUSINESS_DAYS));
    assert!(plan.obligations[1].warnings[0].contains("covers 2000-2100 only"), "{:?}", plan.obligations[1].warnings);
    // Calendar days do not: Mon 1 Mar 2027 + 15 = Tue 16 Mar 2027, whatever the holidays.
    let plan = testing::request(&Brazil, "BR", RequestKind::Access, date(2027, 3, 1), None);
    assert_eq!(dues(&plan, "respond")[1], Due::Date(date(2027, 3, 16)));
    assert!(plan.obligations[1].warnings.is_empty(), "{:?}", plan.obligations[1].warnings);
}

#[test]
fn other_request_kinds_have_no_deadline_but_a_note() {
    for kind in
        [RequestKind::Erasure, RequestKind::Portability, RequestKind::OptOutOfSale, RequestKind::WithdrawConsent]
    {
        let plan = testing::request(&Brazil, "BR", kind, date(2026, 11, 5), None);
        assert!(plan.obligations.is_empty(), "{kind}");
        assert_eq!(plan.notes.len(), 1, "{kind}");
        assert!(plan.notes[0].contains("Art. 18 §5"), "{kind}: {}", plan.notes[0]);
    }
    let plan = testing::request(&Brazil, "BR", RequestKind::OptOutOfSale, date(2026, 11, 5), None);
    assert!(plan.notes[0].contains("not a right under the LGPD"));
}

#[test]
fn requests_before_the_lgpd_and_outside_brazil() {
    let plan = testing::request(&Brazil, "BR", RequestKind::Access, date(2020, 9, 17), None);
    assert!(plan.obligations.is_empty());
    assert!(plan.notes[0].contains("2020-09-18"));
    let plan = testing::request(&Brazil, "BR", RequestKind::Access, date(2020, 9, 18), None);
    assert_eq!(plan.obligations.len(), 2);
    let plan = testing::request(&Brazil, "DE", RequestKind::Access, date(2026, 11, 5), None);
    assert!(plan.obligations.is_empty() && plan.notes.is_empty());
}

#[test]
fn incident_in_3_business_days_skipping_consciencia_negra() {
    // Issue 5: discovered Wed 18 Nov 2026 15:00 -03:00 → Thu 19, (Fri 20 holiday), Mon 23, Tue 24.
    let plan = testing::incident(&Brazil, &["BR"], "2026-11-18T15:00:00-03:00", None, None);
    assert_eq!(dues(&plan, "notify-authority"), vec![Due::Date(date(2026, 11, 24))]);
    assert_eq!(dues(&plan, "notify-individuals"), vec![Due::Date(date(2026, 11, 24))]);
    // Declaration of notice to people: 3 business days after 24 Nov.
    assert_eq!(dues(&plan, "report-individuals-notified"), vec![Due::Date(date(2026, 11, 27))]);
    // Supplement: 20 business days from 18 Nov (conservative: notice filed the same day).
    assert_eq!(dues(&plan, "supplement-authority-notice"), vec![Due::Date(date(2026, 12, 17))]);
    let authority = plan.obligations.iter().find(|o| o.action == "notify-authority").unwrap();
    assert!(authority.citation.contains("Res. CD/ANPD 15/2024 Art. 6"));
    assert!(authority.warnings.is_empty());
    // In the order they fall due.
    let dates: Vec<_> = plan.obligations.iter().map(|o| o.due.to_string()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
}

#[test]
fn incident_counts_on_the_local_date_of_the_instant() {
    // 23:30 at -03:00 is 02:30Z the next day: counted from the 18th as given...
    let plan = testing::incident(&Brazil, &["BR"], "2026-11-18T23:30:00-03:00", None, None);
    assert_eq!(dues(&plan, "notify-authority"), vec![Due::Date(date(2026, 11, 24))]);
    // ...and from the 19th when given in UTC: Mon 23, Tue 24, Wed 25.
    let plan = testing::incident(&Brazil, &["BR"], "2026-11-19T02:30:00Z", None, None);
    assert_eq!(dues(&plan, "notify-authority"), vec![Due::Date(date(2026, 11, 25))]);
}

#[test]
fn small_agents_double_incident_deadlines_with_a_warning() {
    // 18 Nov 2026 + 6 business days: 19, 23, 24, 25, 26, 27.
    let plan = testing::incident(&Brazil, &["BR"], "2026-11-18T15:00:00-03:00", None, Some(SMALL_AGENT));
    assert_eq!(dues(&plan, "notify-authority"), vec![Due::Date(date(2026, 11, 27))]);
    assert_eq!(dues(&plan, "notify-individuals"), vec![Due::Date(date(2026, 11, 27))]);
    let authority = plan.obligations.iter().find(|o| o.action == "notify-authority").unwrap();
    assert!(authority.warnings.iter().any(|w| w.contains("2026-11-24")), "{:?}", authority.warnings);
    // Supplement: 40 business days from 18 Nov 2026, skipping 20 Nov, 25 Dec and 1 Jan 2027:
    // Dec 17 is the 20th, Dec 31 the 29th, Jan 4 the 30th, Jan 18 the 40th.
    let supplement = plan.obligations.iter().find(|o| o.action == "supplement-authority-notice").unwrap();
    assert_eq!(supplement.due, Due::Date(date(2027, 1, 18)));
    assert!(supplement.warnings.iter().all(|w| !w.contains("covers")), "{:?}", supplement.warnings);
}

#[test]
fn incidents_elsewhere_or_before_res_15_2024() {
    assert!(
        testing::incident(&Brazil, &["DE", "US-CA"], "2026-11-18T15:00:00-03:00", None, None).obligations.is_empty()
    );
    let everywhere = testing::incident(&Brazil, &["*"], "2026-11-18T15:00:00-03:00", None, None);
    assert_eq!(dues(&everywhere, "notify-authority"), vec![Due::Date(date(2026, 11, 24))]);
    let plan = testing::incident(&Brazil, &["BR"], "2024-04-25T10:00:00-03:00", None, None);
    assert!(plan.obligations.is_empty());
    assert!(plan.notes[0].contains("Art. 48"));
    // Good Friday 2025 (18 Apr) and Tiradentes (Mon 21 Apr): Wed 16 Apr + 3 = Thu 17, Tue 22, Wed 23.
    let plan = testing::incident(&Brazil, &["BR"], "2025-04-16T09:00:00-03:00", None, None);
    assert_eq!(dues(&plan, "notify-authority"), vec![Due::Date(date(2025, 4, 23))]);
}

#[test]
fn a_malformed_options_table_falls_back_with_a_note() {
    let text =
        "manifest = 1\n[organization]\nname = \"X\"\nmarkets = [\"BR\"]\n[modules.brazil]\nsmall_agent = \"yes\"\n";
    let _ = manifest(text);
    let plan = testing::request(&Brazil, "BR", RequestKind::Access, date(2026, 11, 5), Some(text));
    assert_eq!(dues(&plan, "respond")[0], Due::Immediately(date(2026, 11, 5)));
    assert!(plan.notes.iter().any(|n| n.contains("malformed")));
}
