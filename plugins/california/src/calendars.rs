//! The business-day calendars California deadlines are counted on, as cited
//! data in `calendars/`. The CCPA regulations count "business days" (11 CCR
//! §§7021, 7026) without defining them; California law has two readings of
//! which holidays a business day excludes, and both are shipped:
//!
//! - `us-ca` (the default): the days state offices close (Gov. Code §19853,
//!   with Fin. Code §31033's Monday-to-Friday business day), the reading that
//!   gives the earlier, conservative date;
//! - `us-ca-govcode`: every full-day holiday of Gov. Code §6700.

use std::sync::{Arc, LazyLock};

use juris_core::calendar::{Calendar, Calendars};

use crate::options::HolidayReading;

/// The calendar files.
const FILES: &[(&str, &str)] = &[
    ("us-ca.toml", include_str!("../calendars/us-ca.toml")),
    ("us-ca-govcode.toml", include_str!("../calendars/us-ca-govcode.toml")),
];

/// Every calendar of the module.
pub static CALENDARS: LazyLock<Calendars> =
    LazyLock::new(|| Calendars::parse(FILES).expect("the module's calendar files are valid (tests/calendars.rs)"));

/// The business-day calendar for a holiday reading.
pub fn business_days(reading: HolidayReading) -> Arc<Calendar> {
    let id = match reading {
        HolidayReading::StateOffices => "us-ca",
        HolidayReading::GovernmentCode => "us-ca-govcode",
    };
    CALENDARS.get(id).cloned().expect("both California calendars are shipped")
}

#[cfg(test)]
mod tests {
    use super::*;
    use juris_core::jiff::civil::date;

    #[test]
    fn the_default_reading_keeps_native_american_day_a_business_day() {
        let state = business_days(HolidayReading::StateOffices);
        let code = business_days(HolidayReading::GovernmentCode);
        let native_american_day = date(2026, 9, 25);
        assert!(state.is_working_day(native_american_day));
        assert!(!code.is_working_day(native_american_day));
        assert!(!state.is_working_day(date(2026, 11, 27)), "the day after Thanksgiving");
        // Every state-office holiday is a Government Code holiday too.
        for year in 2024..=2030 {
            for holiday in state.holidays(year) {
                assert!(!code.is_working_day(holiday.date) || code.is_weekend(holiday.date), "{holiday:?}");
            }
        }
    }
}
