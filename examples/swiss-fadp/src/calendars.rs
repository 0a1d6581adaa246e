//! Swiss non-working days, 2025-2026, as cited data.
//!
//! Public holidays in Switzerland are cantonal, except the Swiss National Day
//! (1 August, Federal Constitution Art. 110(3)). This calendar lists only the
//! days that are public holidays in every canton (New Year's Day, Ascension
//! Day, National Day, Christmas Day): the conservative choice, because a
//! deadline that rolls past non-working days can then only come out earlier
//! than in any one canton, never later. Good Friday, Easter Monday, Whit
//! Monday, 2 January and 26 December are holidays in most but not all cantons
//! and are left out. Saturdays count as non-working days for the end of a
//! period (Federal Act on the Computation of Time Limits including Saturdays,
//! SR 173.110.3).
//!
//! UNVERIFIED: the list of nationwide days and the Saturday rule are from the
//! author's knowledge of Swiss law, not checked against a source for this
//! module. The dates themselves are computed (Ascension = Easter Sunday + 39
//! days) and tested below.

use juris_core::time::{Calendar, Day, SATURDAY_SUNDAY, day};

/// The days that are public holidays throughout Switzerland.
pub static CH_NATIONWIDE: Calendar = Calendar {
    id: "ch-nationwide",
    name: "Swiss nationwide public holidays",
    source: "Federal Constitution Art. 110(3) (1 August); days that are public holidays in every canton (UNVERIFIED list: New Year's Day, Ascension Day, Christmas Day); Saturdays and Sundays per SR 173.110.3 (UNVERIFIED)",
    years: Some((2025, 2026)),
    weekend: SATURDAY_SUNDAY,
    holidays: NATIONWIDE_DAYS,
    working_weekend_days: &[],
};

const NATIONWIDE_DAYS: &[Day] = &[
    day(2025, 1, 1, "New Year's Day"),
    day(2025, 5, 29, "Ascension Day"),
    day(2025, 8, 1, "Swiss National Day"),
    day(2025, 12, 25, "Christmas Day"),
    day(2026, 1, 1, "New Year's Day"),
    day(2026, 5, 14, "Ascension Day"),
    day(2026, 8, 1, "Swiss National Day (a Saturday)"),
    day(2026, 12, 25, "Christmas Day"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use juris_core::jiff::ToSpan;
    use juris_core::jiff::civil::{Date, date};

    /// Easter Sunday in the Gregorian calendar (the anonymous algorithm of
    /// Meeus/Jones/Butcher).
    fn easter(year: i16) -> Date {
        let y = i32::from(year);
        let (a, b, c) = (y % 19, y / 100, y % 100);
        let (d, e) = (b / 4, b % 4);
        let f = (b + 8) / 25;
        let g = (b - f + 1) / 3;
        let h = (19 * a + b - d - g + 15) % 30;
        let (i, k) = (c / 4, c % 4);
        let l = (32 + 2 * e + 2 * i - h - k) % 7;
        let m = (a + 11 * h + 22 * l) / 451;
        let month = (h + l - 7 * m + 114) / 31;
        let day = (h + l - 7 * m + 114) % 31 + 1;
        date(year, month as i8, day as i8)
    }

    #[test]
    fn ascension_is_39_days_after_easter() {
        assert_eq!(easter(2025), date(2025, 4, 20));
        assert_eq!(easter(2026), date(2026, 4, 5));
        for d in NATIONWIDE_DAYS.iter().filter(|d| d.name == "Ascension Day") {
            assert_eq!(d.date, easter(d.date.year()).checked_add(39.days()).unwrap(), "{}", d.date);
        }
    }

    #[test]
    fn fixed_days_and_coverage() {
        for year in 2025..=2026 {
            for (month, dom) in [(1, 1), (8, 1), (12, 25)] {
                let d = date(year, month, dom);
                assert!(CH_NATIONWIDE.holiday(d).is_some(), "{d}");
            }
        }
        assert!(CH_NATIONWIDE.covers(date(2026, 12, 31)));
        assert!(!CH_NATIONWIDE.covers(date(2027, 1, 1)));
    }
}
