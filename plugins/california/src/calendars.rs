//! California business-day calendars, 2025-2026, as cited data.
//!
//! The CCPA regulations use "business days" (11 CCR §§7021(a), 7026(f), 7027)
//! without defining them. The fact sheet (shared/legal/calendars-uk-california-eu.md
//! §2c) reads them as Fin. Code §31033 does: Monday to Friday, except holidays
//! "specified or provided for" in the Government Code. Which of those holidays
//! count is disputed; the default calendar takes the conservative reading (b),
//! the eleven days state offices close (Gov. Code §19853), so that no deadline
//! is pushed later by a day on which offices were open. Reading (a), every
//! full-day §6700 holiday, is available with
//! `[modules.california] business_day_holidays = "government-code"`. Reading (c),
//! Civ. Code §9 (Saturdays are business days), is not offered: it contradicts
//! the Monday-to-Friday usage of Fin. Code §31033 and Gov. Code §11020.

use juris_core::time::{Calendar, Day, SATURDAY_SUNDAY, day};

use crate::options::HolidayReading;

/// The days California state offices close, 2025-2026 (reading (b)).
pub static CA_STATE_OFFICES: Calendar = Calendar {
    id: "us-ca-state-offices",
    name: "California state-office holidays",
    source: "Gov. Code §19853(a)-(b) and §6701, CalHR holiday rules; business day per Fin. Code §31033 (Mon-Fri except Government Code holidays), conservative reading (b): only the 11 days state offices close; dates from shared/legal/calendars-uk-california-eu.md §2b. No weekday substitute for a Saturday holiday (4 July 2026). Good Friday (noon-3 p.m. only) is a business day.",
    years: Some((2025, 2026)),
    weekend: SATURDAY_SUNDAY,
    holidays: STATE_OFFICE_DAYS,
    working_weekend_days: &[],
};

/// Every full-day Government Code holiday, 2025-2026 (reading (a)).
pub static CA_GOVERNMENT_CODE: Calendar = Calendar {
    id: "us-ca-government-code",
    name: "California Government Code holidays",
    source: "Gov. Code §§6700-6701 (as amended by AB 268, Stats. 2025 ch. 358, from 2026-01-01) and §19853; reading (a) of shared/legal/calendars-uk-california-eu.md §2c: the state-office days plus every other full-day §6700 holiday (dates from §2b).",
    years: Some((2025, 2026)),
    weekend: SATURDAY_SUNDAY,
    holidays: GOVERNMENT_CODE_DAYS,
    working_weekend_days: &[],
};

const STATE_OFFICE_DAYS: &[Day] = &[
    day(2025, 1, 1, "New Year's Day"),
    day(2025, 1, 20, "Dr. Martin Luther King, Jr. Day"),
    day(2025, 2, 17, "Presidents' Day"),
    day(2025, 3, 31, "Cesar Chavez Day"),
    day(2025, 5, 26, "Memorial Day"),
    day(2025, 7, 4, "Independence Day"),
    day(2025, 9, 1, "Labor Day"),
    day(2025, 11, 11, "Veterans Day"),
    day(2025, 11, 27, "Thanksgiving Day"),
    day(2025, 11, 28, "Day after Thanksgiving"),
    day(2025, 12, 25, "Christmas Day"),
    day(2026, 1, 1, "New Year's Day"),
    day(2026, 1, 19, "Dr. Martin Luther King, Jr. Day"),
    day(2026, 2, 16, "Presidents' Day"),
    day(2026, 3, 31, "Cesar Chavez Day"),
    day(2026, 5, 25, "Memorial Day"),
    day(2026, 7, 4, "Independence Day (a Saturday; no weekday substitute)"),
    day(2026, 9, 7, "Labor Day"),
    day(2026, 11, 11, "Veterans Day"),
    day(2026, 11, 26, "Thanksgiving Day"),
    day(2026, 11, 27, "Day after Thanksgiving"),
    day(2026, 12, 25, "Christmas Day"),
];

const GOVERNMENT_CODE_DAYS: &[Day] = &[
    day(2025, 1, 1, "New Year's Day"),
    day(2025, 1, 20, "Dr. Martin Luther King, Jr. Day"),
    day(2025, 1, 29, "Lunar New Year"),
    day(2025, 2, 12, "Lincoln Day"),
    day(2025, 2, 17, "Presidents' Day"),
    day(2025, 3, 31, "Cesar Chavez Day"),
    day(2025, 4, 24, "Genocide Remembrance Day"),
    day(2025, 5, 26, "Memorial Day"),
    day(2025, 6, 19, "Juneteenth"),
    day(2025, 7, 4, "Independence Day"),
    day(2025, 9, 1, "Labor Day"),
    day(2025, 9, 9, "Admission Day"),
    day(2025, 9, 26, "Native American Day"),
    day(2025, 10, 13, "Columbus Day"),
    day(2025, 11, 11, "Veterans Day"),
    day(2025, 11, 27, "Thanksgiving Day"),
    day(2025, 11, 28, "Day after Thanksgiving"),
    day(2025, 12, 25, "Christmas Day"),
    day(2026, 1, 1, "New Year's Day"),
    day(2026, 1, 19, "Dr. Martin Luther King, Jr. Day"),
    day(2026, 2, 12, "Lincoln Day"),
    day(2026, 2, 16, "Presidents' Day"),
    day(2026, 2, 17, "Lunar New Year"),
    day(2026, 3, 31, "Cesar Chavez Day"),
    day(2026, 4, 24, "Genocide Remembrance Day"),
    day(2026, 5, 25, "Memorial Day"),
    day(2026, 6, 19, "Juneteenth"),
    day(2026, 7, 4, "Independence Day (a Saturday; no weekday substitute)"),
    day(2026, 9, 7, "Labor Day"),
    day(2026, 9, 9, "Admission Day"),
    day(2026, 9, 25, "Native American Day"),
    day(2026, 10, 12, "Columbus Day"),
    day(2026, 11, 8, "Diwali (a Sunday)"),
    day(2026, 11, 11, "Veterans Day"),
    day(2026, 11, 26, "Thanksgiving Day"),
    day(2026, 11, 27, "Day after Thanksgiving"),
    day(2026, 12, 25, "Christmas Day"),
];

/// The business-day calendar for a holiday reading.
pub fn business_days(reading: HolidayReading) -> &'static Calendar {
    match reading {
        HolidayReading::StateOffices => &CA_STATE_OFFICES,
        HolidayReading::GovernmentCode => &CA_GOVERNMENT_CODE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use juris_core::jiff::civil::Weekday;

    #[test]
    fn state_office_days_are_government_code_days() {
        for d in STATE_OFFICE_DAYS {
            assert!(GOVERNMENT_CODE_DAYS.iter().any(|g| g.date == d.date && g.name == d.name), "{}", d.name);
        }
        assert_eq!(STATE_OFFICE_DAYS.len(), 22, "11 days a year");
    }

    #[test]
    fn dates_fall_on_the_weekdays_their_rules_give() {
        for d in GOVERNMENT_CODE_DAYS {
            let expected = match d.name {
                n if n.contains("King") || n.contains("Presidents") || n.contains("Memorial") => Some(Weekday::Monday),
                n if n.contains("Labor") || n.contains("Columbus") => Some(Weekday::Monday),
                "Thanksgiving Day" => Some(Weekday::Thursday),
                "Day after Thanksgiving" | "Native American Day" => Some(Weekday::Friday),
                _ => None,
            };
            if let Some(weekday) = expected {
                assert_eq!(d.date.weekday(), weekday, "{} {}", d.name, d.date);
            }
        }
    }

    #[test]
    fn the_default_reading_keeps_native_american_day_a_business_day() {
        let day = juris_core::jiff::civil::date(2026, 9, 25);
        assert!(CA_STATE_OFFICES.is_working_day(day));
        assert!(!CA_GOVERNMENT_CODE.is_working_day(day));
        assert!(!CA_STATE_OFFICES.is_working_day(juris_core::jiff::civil::date(2026, 11, 27)));
    }
}
