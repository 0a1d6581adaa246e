//! The Russian production calendar (производственный календарь) for 2025 and
//! 2026, as cited data: the non-working holidays of Labour Code Art. 112, the
//! days off the Government transferred by decree, and the Saturday worked in
//! 2025. 152-FZ counts its "рабочие дни" on this calendar.

use juris_core::time::{Calendar, SATURDAY_SUNDAY, day};

/// The five-day-week production calendar of the Russian Federation, 2025-2026.
pub static RU_PRODUCTION: Calendar = Calendar {
    id: "ru-production",
    name: "Russian production",
    source: "Labour Code of the Russian Federation Art. 112; Government Decree No. 1335 of 04.10.2024 \"On the transfer of days off in 2025\"; Government Decree No. 1466 of 24.09.2025 \"On the transfer of days off in 2026\" (shared/legal/brazil-russia.md §7a)",
    years: Some((2025, 2026)),
    weekend: SATURDAY_SUNDAY,
    holidays: &[
        // 2025 (Decree No. 1335): 247 working days.
        day(2025, 1, 1, "New Year holidays"),
        day(2025, 1, 2, "New Year holidays"),
        day(2025, 1, 3, "New Year holidays"),
        day(2025, 1, 6, "New Year holidays"),
        day(2025, 1, 7, "Christmas"),
        day(2025, 1, 8, "New Year holidays"),
        day(2025, 2, 23, "Defender of the Fatherland Day (Sunday)"),
        day(2025, 3, 8, "International Women's Day (Saturday)"),
        day(2025, 5, 1, "Spring and Labour Day"),
        day(2025, 5, 2, "day off transferred from Saturday 4 January"),
        day(2025, 5, 8, "day off transferred from Sunday 23 February"),
        day(2025, 5, 9, "Victory Day"),
        day(2025, 6, 12, "Russia Day"),
        day(2025, 6, 13, "day off transferred from Saturday 8 March"),
        day(2025, 11, 3, "day off transferred from Saturday 1 November"),
        day(2025, 11, 4, "National Unity Day"),
        day(2025, 12, 31, "day off transferred from Sunday 5 January"),
        // 2026 (Decree No. 1466 and Art. 112 automatic transfers): 247 working days.
        day(2026, 1, 1, "New Year holidays"),
        day(2026, 1, 2, "New Year holidays"),
        day(2026, 1, 5, "New Year holidays"),
        day(2026, 1, 6, "New Year holidays"),
        day(2026, 1, 7, "Christmas"),
        day(2026, 1, 8, "New Year holidays"),
        day(2026, 1, 9, "day off transferred from Saturday 3 January"),
        day(2026, 2, 23, "Defender of the Fatherland Day"),
        day(2026, 3, 8, "International Women's Day (Sunday)"),
        day(2026, 3, 9, "day off transferred from Sunday 8 March (Art. 112)"),
        day(2026, 5, 1, "Spring and Labour Day"),
        day(2026, 5, 9, "Victory Day (Saturday)"),
        day(2026, 5, 11, "day off transferred from Saturday 9 May (Art. 112)"),
        day(2026, 6, 12, "Russia Day"),
        day(2026, 11, 4, "National Unity Day"),
        day(2026, 12, 31, "day off transferred from Sunday 4 January"),
    ],
    working_weekend_days: &[day(2025, 11, 1, "working Saturday (its day off moved to Monday 3 November)")],
};

#[cfg(test)]
mod tests {
    use super::*;
    use juris_core::jiff::civil::date;
    use juris_core::time::working_days_between;

    #[test]
    fn each_year_has_247_working_days() {
        // (31 Dec of the year before, 31 Dec] counts every day of the year.
        assert_eq!(working_days_between(date(2024, 12, 31), date(2025, 12, 31), &RU_PRODUCTION), 247);
        assert_eq!(working_days_between(date(2025, 12, 31), date(2026, 12, 31), &RU_PRODUCTION), 247);
    }

    #[test]
    fn transfers_and_the_working_saturday() {
        assert!(RU_PRODUCTION.is_working_day(date(2025, 11, 1)));
        assert!(!RU_PRODUCTION.is_working_day(date(2025, 11, 3)));
        assert!(!RU_PRODUCTION.is_working_day(date(2025, 12, 31)));
        assert!(!RU_PRODUCTION.is_working_day(date(2026, 1, 9)));
        assert!(!RU_PRODUCTION.is_working_day(date(2026, 5, 11)));
        assert!(RU_PRODUCTION.is_working_day(date(2026, 5, 8)));
        assert_eq!(RU_PRODUCTION.holiday(date(2026, 6, 12)).map(|d| d.name), Some("Russia Day"));
    }
}
