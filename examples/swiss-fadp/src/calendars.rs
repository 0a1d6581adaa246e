//! Swiss non-working days, as cited data in `calendars/ch.toml` (the format of
//! docs/calendars.md in the juris repository, evaluated by juris-core): the
//! days that are public holidays throughout Switzerland, for every year.

use std::sync::LazyLock;

use juris_core::calendar::{Calendar, Calendars};

/// The calendar files.
const FILES: &[(&str, &str)] = &[("ch.toml", include_str!("../calendars/ch.toml"))];

/// Every calendar of the module.
pub static CALENDARS: LazyLock<Calendars> =
    LazyLock::new(|| Calendars::parse(FILES).expect("the module's calendar files are valid"));

/// The days that are public holidays throughout Switzerland.
pub fn nationwide() -> &'static Calendar {
    CALENDARS.get("ch").expect("ch.toml is shipped")
}

#[cfg(test)]
mod tests {
    use juris_core::jiff::civil::date;

    #[test]
    fn nationwide_days_fall_where_the_rules_put_them() {
        let ch = super::nationwide();
        for d in [date(2025, 1, 1), date(2025, 5, 29), date(2025, 8, 1), date(2026, 5, 14), date(2027, 5, 6)] {
            assert!(ch.holiday(d).is_some(), "{d}");
        }
        assert!(ch.is_working_day(date(2026, 4, 6)), "Easter Monday is not a holiday in every canton");
    }
}
