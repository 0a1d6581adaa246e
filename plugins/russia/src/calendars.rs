//! The Russian production calendar (производственный календарь), as cited
//! data in `calendars/ru.toml`: the non-working holidays of Labour Code Art.
//! 112, its automatic transfer of a holiday falling on a weekend (Art. 112
//! part 2), and the Government's annual decrees "On the transfer of days off",
//! through the one for 2027 (Decree No. 1187 of 17.09.2026). 152-FZ counts its
//! working days on this calendar. Years after the last decree are projected
//! by the Labour Code's rules.

use std::sync::{Arc, LazyLock};

use juris_core::calendar::{Calendar, Calendars};

/// The calendar files.
const FILES: &[(&str, &str)] = &[("ru.toml", include_str!("../calendars/ru.toml"))];

/// Every calendar of the module.
pub static CALENDARS: LazyLock<Calendars> =
    LazyLock::new(|| Calendars::parse(FILES).expect("the module's calendar files are valid (tests/calendars.rs)"));

/// The production calendar.
pub fn production() -> Arc<Calendar> {
    CALENDARS.get("ru").cloned().expect("the Russian calendar is shipped")
}

#[cfg(test)]
mod tests {
    use juris_core::jiff::civil::date;
    use juris_core::time::working_days_between;

    #[test]
    fn the_official_years_have_247_working_days() {
        let ru = super::production();
        for year in [2025, 2026, 2027] {
            let days = working_days_between(date(year - 1, 12, 31), date(year, 12, 31), &ru);
            assert_eq!(days, 247, "{year}");
        }
    }
}
