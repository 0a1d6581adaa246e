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
