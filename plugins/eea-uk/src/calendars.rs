//! Working-day calendars for EEA and UK deadlines, as cited data.

use juris_core::time::{Calendar, SATURDAY_SUNDAY, day};

/// Bank holidays in England and Wales, 2025-2026.
pub static UK_ENGLAND_WALES: Calendar = Calendar {
    id: "uk-england-wales",
    name: "England and Wales bank holidays",
    source: "Banking and Financial Dealings Act 1971, Sch. 1, and Royal Proclamations; dates as published on gov.uk/bank-holidays (shared/legal/calendars-uk-california-eu.md §1a)",
    years: Some((2025, 2026)),
    weekend: SATURDAY_SUNDAY,
    holidays: &[
        day(2025, 1, 1, "New Year's Day"),
        day(2025, 4, 18, "Good Friday"),
        day(2025, 4, 21, "Easter Monday"),
        day(2025, 5, 5, "Early May bank holiday"),
        day(2025, 5, 26, "Spring bank holiday"),
        day(2025, 8, 25, "Summer bank holiday"),
        day(2025, 12, 25, "Christmas Day"),
        day(2025, 12, 26, "Boxing Day"),
        day(2026, 1, 1, "New Year's Day"),
        day(2026, 4, 3, "Good Friday"),
        day(2026, 4, 6, "Easter Monday"),
        day(2026, 5, 4, "Early May bank holiday"),
        day(2026, 5, 25, "Spring bank holiday"),
        day(2026, 8, 31, "Summer bank holiday"),
        day(2026, 12, 25, "Christmas Day"),
        day(2026, 12, 28, "Boxing Day (substitute day)"),
    ],
    working_weekend_days: &[],
};

/// Bank holidays in Scotland, 2025-2026: 2 January and St Andrew's Day, the
/// first Monday of August, and no Easter Monday.
pub static UK_SCOTLAND: Calendar = Calendar {
    id: "uk-scotland",
    name: "Scotland bank holidays",
    source: "Banking and Financial Dealings Act 1971, Sch. 1 para 2, as amended by the St Andrew's Day Bank Holiday (Scotland) Act 2007 s.1; dates as published on gov.uk/bank-holidays (shared/legal/calendars-uk-california-eu.md §1b)",
    years: Some((2025, 2026)),
    weekend: SATURDAY_SUNDAY,
    holidays: &[
        day(2025, 1, 1, "New Year's Day"),
        day(2025, 1, 2, "2nd January"),
        day(2025, 4, 18, "Good Friday"),
        day(2025, 5, 5, "Early May bank holiday"),
        day(2025, 5, 26, "Spring bank holiday"),
        day(2025, 8, 4, "Summer bank holiday"),
        day(2025, 12, 1, "St Andrew's Day (substitute day)"),
        day(2025, 12, 25, "Christmas Day"),
        day(2025, 12, 26, "Boxing Day"),
        day(2026, 1, 1, "New Year's Day"),
        day(2026, 1, 2, "2nd January"),
        day(2026, 4, 3, "Good Friday"),
        day(2026, 5, 4, "Early May bank holiday"),
        day(2026, 5, 25, "Spring bank holiday"),
        day(2026, 8, 3, "Summer bank holiday"),
        day(2026, 11, 30, "St Andrew's Day"),
        day(2026, 12, 25, "Christmas Day"),
        day(2026, 12, 28, "Boxing Day (substitute day)"),
    ],
    working_weekend_days: &[],
};

/// Bank holidays in Northern Ireland, 2025-2026: the England and Wales days
/// plus St Patrick's Day and the Battle of the Boyne.
pub static UK_NORTHERN_IRELAND: Calendar = Calendar {
    id: "uk-northern-ireland",
    name: "Northern Ireland bank holidays",
    source: "Banking and Financial Dealings Act 1971, Sch. 1 para 3, and Royal Proclamations; dates as published on gov.uk/bank-holidays (shared/legal/calendars-uk-california-eu.md §1c)",
    years: Some((2025, 2026)),
    weekend: SATURDAY_SUNDAY,
    holidays: &[
        day(2025, 1, 1, "New Year's Day"),
        day(2025, 3, 17, "St Patrick's Day"),
        day(2025, 4, 18, "Good Friday"),
        day(2025, 4, 21, "Easter Monday"),
        day(2025, 5, 5, "Early May bank holiday"),
        day(2025, 5, 26, "Spring bank holiday"),
        day(2025, 7, 14, "Battle of the Boyne (Orangemen's Day) (substitute day)"),
        day(2025, 8, 25, "Summer bank holiday"),
        day(2025, 12, 25, "Christmas Day"),
        day(2025, 12, 26, "Boxing Day"),
        day(2026, 1, 1, "New Year's Day"),
        day(2026, 3, 17, "St Patrick's Day"),
        day(2026, 4, 3, "Good Friday"),
        day(2026, 4, 6, "Easter Monday"),
        day(2026, 5, 4, "Early May bank holiday"),
        day(2026, 5, 25, "Spring bank holiday"),
        day(2026, 7, 13, "Battle of the Boyne (Orangemen's Day) (substitute day)"),
        day(2026, 8, 31, "Summer bank holiday"),
        day(2026, 12, 25, "Christmas Day"),
        day(2026, 12, 28, "Boxing Day (substitute day)"),
    ],
    working_weekend_days: &[],
};

/// Member states' public holidays are not shipped as data yet: deadlines in
/// the EEA roll past weekends only, and every date computed on this calendar
/// says so.
pub static EEA_WEEKENDS_ONLY: Calendar = Calendar::weekends_only("eea", "EEA member state");

/// The UK calendar for a place: Scotland for `GB-SCT`, Northern Ireland for
/// `GB-NIR`, else England and Wales.
pub fn uk_calendar(place: &juris_core::Jurisdiction) -> &'static Calendar {
    match place {
        juris_core::Jurisdiction::Subdivision(_, s) if s == "SCT" => &UK_SCOTLAND,
        juris_core::Jurisdiction::Subdivision(_, s) if s == "NIR" => &UK_NORTHERN_IRELAND,
        _ => &UK_ENGLAND_WALES,
    }
}
