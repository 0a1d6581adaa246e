//! Date arithmetic, in one place: calendar days, months per Regulation (EEC,
//! Euratom) No 1182/71, working days over a calendar of weekends, public holidays
//! and working weekend days, and hour periods as instants.
//!
//! Modules describe a deadline as a [`Count`] (a [`Period`], whether the day of
//! the event counts, and whether a due date on a non-working day rolls forward)
//! and a [`Calendar`] they ship as cited data; [`due_date`] does the rest. A
//! date outside the years a calendar covers is never guessed silently: the
//! result carries a warning that says which dates were counted on weekends alone.

use std::fmt;
use std::str::FromStr;

use jiff::civil::{Date, Weekday};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ToSpan};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An instant with the UTC offset it was given in, so that output keeps the
/// offset the user wrote (`2026-11-18T15:00:00-03:00`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instant {
    /// The instant.
    pub timestamp: Timestamp,
    /// The offset it is shown in.
    pub offset: Offset,
}

impl Instant {
    /// The calendar date at this instant, in its offset.
    pub fn local_date(&self) -> Date {
        self.timestamp.to_zoned(TimeZone::fixed(self.offset)).date()
    }

    /// The instant `hours` hours later. Hours are exact: an hour period runs
    /// over nights, weekends and holidays alike.
    pub fn plus_hours(&self, hours: i64) -> Instant {
        let timestamp = self.timestamp.saturating_add(hours.hours()).unwrap_or(self.timestamp);
        Instant { timestamp, offset: self.offset }
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.offset == Offset::UTC {
            write!(f, "{}", self.timestamp)
        } else {
            write!(f, "{}", self.timestamp.display_with_offset(self.offset))
        }
    }
}

impl FromStr for Instant {
    type Err = String;

    /// Parses an RFC 3339 instant, which must carry a UTC offset or `Z`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = |why: &str| format!("`{s}` is not an RFC 3339 instant such as 2026-11-18T15:00:00-03:00: {why}");
        let timestamp: Timestamp = s.parse().map_err(|e: jiff::Error| bad(&e.to_string()))?;
        let offset = if s.ends_with('Z') || s.ends_with('z') {
            Offset::UTC
        } else {
            let tail = s.get(s.len().saturating_sub(6)..).ok_or_else(|| bad("no offset"))?;
            let b = tail.as_bytes();
            let digits = |r: std::ops::Range<usize>| tail[r].parse::<i32>().ok();
            match (b.first(), b.get(3), digits(1..3), digits(4..6)) {
                (Some(sign @ (b'+' | b'-')), Some(b':'), Some(h), Some(m)) => {
                    let seconds = (h * 3600 + m * 60) * if *sign == b'-' { -1 } else { 1 };
                    Offset::from_seconds(seconds).map_err(|e| bad(&e.to_string()))?
                }
                _ => return Err(bad("the offset must be written as Z or ±HH:MM")),
            }
        };
        Ok(Instant { timestamp, offset })
    }
}

impl Serialize for Instant {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)?.parse().map_err(serde::de::Error::custom)
    }
}

pub use crate::calendar::{Calendar, YearStatus};

/// A value counted on a calendar (a due date), with the reasons it may be less
/// certain: the warnings of the count, and notes on how certain its years are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counted<T> {
    /// The value.
    pub value: T,
    /// Warnings: dates counted where the calendar has no holiday data, so a
    /// public holiday could move the value.
    pub warnings: Vec<String>,
    /// Notes: years counted on a projection, before their official act.
    pub notes: Vec<String>,
}

/// Records which dates a computation looked at outside a calendar's years,
/// or in years that are only projected.
struct Coverage<'c> {
    calendar: &'c Calendar,
    first_uncovered: Option<Date>,
    last_uncovered: Option<Date>,
    projected: Vec<i16>,
}

impl<'c> Coverage<'c> {
    fn new(calendar: &'c Calendar) -> Self {
        Coverage { calendar, first_uncovered: None, last_uncovered: None, projected: Vec::new() }
    }

    fn look(&mut self, date: Date) -> bool {
        match self.calendar.status(date.year()) {
            YearStatus::Uncovered => {
                self.first_uncovered = Some(self.first_uncovered.map_or(date, |d| d.min(date)));
                self.last_uncovered = Some(self.last_uncovered.map_or(date, |d| d.max(date)));
            }
            YearStatus::Projected if !self.projected.contains(&date.year()) => self.projected.push(date.year()),
            _ => {}
        }
        self.calendar.is_working_day(date)
    }

    fn finish<T>(self, value: T) -> Counted<T> {
        let mut warnings = Vec::new();
        let name = &self.calendar.name;
        if let (Some(first), Some(last)) = (self.first_uncovered, self.last_uncovered) {
            warnings.push(if self.calendar.has_holidays() {
                let span = if first == last { format!("{first}") } else { format!("{first} to {last}") };
                format!(
                    "the {name} calendar covers {}-{} only: {span} was counted with weekends alone, so a public holiday then would move this date; check it against the official calendar",
                    crate::calendar::FIRST_YEAR,
                    crate::calendar::LAST_YEAR
                )
            } else {
                // No data at all: the same words for every date, so that the
                // warnings of several dates of one plan read as one.
                format!(
                    "the {name} calendar has no public-holiday data: dates were counted with weekends alone, so a public holiday would move them; check them against the official calendar"
                )
            });
        }
        let notes = self
            .projected
            .iter()
            .map(|year| {
                format!(
                    "projected: the official {name} calendar for {year} is not yet published, so {year} was counted on the holidays the law sets by rule"
                )
            })
            .collect();
        Counted { value, warnings, notes }
    }
}

/// How long a period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// Calendar days.
    Days(u32),
    /// Calendar months per Regulation 1182/71 Art. 3(2)(c): the same date in the
    /// last month, or that month's last day when it has no such date.
    Months(u32),
    /// Working (business) days on the calendar.
    WorkingDays(u32),
}

/// What to do when a period ends on a non-working day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Roll {
    /// Nothing: the period ends on that day.
    None,
    /// The period ends at the end of the next working day (Reg. 1182/71 Art.
    /// 3(4); ICO guidance; Código Civil Art. 132 §1).
    NextWorkingDay,
}

/// How a deadline is counted from the day of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Count {
    /// The length.
    pub period: Period,
    /// Whether the day of the event is the period's first day (`true`), or the
    /// period starts the next day (`false`, Reg. 1182/71 Art. 3(1)).
    pub includes_event_day: bool,
    /// What happens when the period ends on a non-working day.
    pub roll: Roll,
}

impl Count {
    /// A period that starts the day after the event and rolls forward past
    /// non-working days: the common rule of the four built-in regimes.
    pub const fn rolling(period: Period) -> Count {
        Count { period, includes_event_day: false, roll: Roll::NextWorkingDay }
    }

    /// A period that starts the day after the event and ends where it ends.
    pub const fn exact(period: Period) -> Count {
        Count { period, includes_event_day: false, roll: Roll::None }
    }
}

/// The last day of a period counted from `event` on `calendar`.
pub fn due_date(event: Date, count: Count, calendar: &Calendar) -> Counted<Date> {
    due_date_paused(event, count, 0, calendar)
}

/// As [`due_date`], with `paused_days` calendar days added before rolling
/// forward: the days a clock was stopped (UK GDPR Art. 12A).
pub fn due_date_paused(event: Date, count: Count, paused_days: u32, calendar: &Calendar) -> Counted<Date> {
    let mut coverage = Coverage::new(calendar);
    let end = match count.period {
        Period::Days(n) => {
            let n = if count.includes_event_day { i64::from(n.saturating_sub(1)) } else { i64::from(n) };
            add_days(event, n)
        }
        Period::Months(n) => {
            let end = add_months_clamped(event, n);
            // A period "beginning with" the event day ends the day before the
            // corresponding date; when the month is too short to have that
            // date (31 January + 1 month), the month's last day already is
            // the day before it.
            if count.includes_event_day && end.day() == event.day() { add_days(end, -1) } else { end }
        }
        Period::WorkingDays(n) => {
            let mut remaining = n;
            let mut day = event;
            if count.includes_event_day && remaining > 0 && coverage.look(day) {
                remaining -= 1;
            }
            // `day < Date::MAX`: at the end of the representable range the
            // count stops rather than spinning on a saturated date.
            while remaining > 0 && day < Date::MAX {
                day = add_days(day, 1);
                if coverage.look(day) {
                    remaining -= 1;
                }
            }
            day
        }
    };
    let mut end = add_days(end, i64::from(paused_days));
    // Without a roll, a period in calendar days or months never consults the
    // calendar, so no holiday could change it and there is nothing to warn of.
    if count.roll == Roll::NextWorkingDay {
        while !coverage.look(end) && end < Date::MAX {
            end = add_days(end, 1);
        }
    }
    coverage.finish(end)
}

/// The notes on projected years for a period from `from` to `to` on
/// `calendar`, in the words [`Counted::notes`] uses: for modules that build an
/// obligation from a date they did not count with [`due_date`].
pub fn projected_notes(calendar: &Calendar, from: Date, to: Date) -> Vec<String> {
    let mut coverage = Coverage::new(calendar);
    for year in from.year()..=to.year() {
        if let Ok(day) = Date::new(year, 1, 1) {
            coverage.look(day);
        }
    }
    coverage.finish(()).notes
}

/// Says how a rolled due date came about: "the period ends on Saturday
/// 2026-02-28, a non-working day, so it ends on Monday 2026-03-02", or `None`
/// when the period ended on a working day. Modules keep the exact end in
/// their note, so that a reader can check the count.
pub fn rolled_note(exact_end: Date, due: Date, calendar: &Calendar) -> Option<String> {
    if exact_end == due {
        return None;
    }
    let why = match calendar.holiday(exact_end) {
        Some(day) => format!("{} on {}", day.name, calendar.name),
        None => "a non-working day".to_string(),
    };
    Some(format!(
        "the period ends on {} {exact_end} ({why}), so it moves to the next working day, {} {due}",
        weekday_name(exact_end),
        weekday_name(due)
    ))
}

fn weekday_name(date: Date) -> &'static str {
    match date.weekday() {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// `date` plus `n` calendar days (saturating at the ends of jiff's range).
pub fn add_days(date: Date, n: i64) -> Date {
    date.checked_add(n.days()).unwrap_or(if n < 0 { Date::MIN } else { Date::MAX })
}

/// Regulation 1182/71 Art. 3(2)(c): the day in the `n`th following month with
/// the same date as `date`, or that month's last day when it has no such date
/// (31 January + 1 month = 28 or 29 February).
pub fn add_months_clamped(date: Date, n: u32) -> Date {
    let months = i64::from(date.year()) * 12 + i64::from(date.month() - 1) + i64::from(n);
    let Ok(year) = i16::try_from(months.div_euclid(12)) else { return Date::MAX };
    let month = months.rem_euclid(12) as i8 + 1;
    let Ok(first) = Date::new(year, month, 1) else { return Date::MAX };
    let day = date.day().min(first.days_in_month());
    first.with().day(day).build().unwrap_or(Date::MAX)
}

/// The number of working days in `(start, end]` on `calendar`: what a
/// day-by-day count from the day after `start` to `end` gives.
pub fn working_days_between(start: Date, end: Date, calendar: &Calendar) -> u32 {
    let mut count = 0;
    let mut day = start;
    while day < end {
        day = add_days(day, 1);
        if calendar.is_working_day(day) {
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    const TEST_TOML: &str = r#"
format = 1
id = "test"
name = "test"
jurisdiction = "DE"
weekend = ["saturday", "sunday"]
source = "test data"
official_through = 2026

[[day]]
date = 2026-11-20
name = "holiday"
source = "test"

[[day]]
date = 2025-12-25
name = "Christmas"
source = "test"

[[working_day]]
date = 2025-11-01
name = "working Saturday"
source = "test"
"#;

    static TEST_CALENDAR: std::sync::LazyLock<Calendar> =
        std::sync::LazyLock::new(|| Calendar::parse(TEST_TOML, &Default::default()).unwrap());

    fn weekends_only() -> Calendar {
        Calendar::weekends_only("x", "X", crate::jurisdiction::country("DE"))
    }

    #[test]
    fn months_clamp_to_the_end_of_the_month() {
        assert_eq!(add_months_clamped(date(2026, 1, 31), 1), date(2026, 2, 28));
        assert_eq!(add_months_clamped(date(2024, 1, 31), 1), date(2024, 2, 29));
        assert_eq!(add_months_clamped(date(2026, 3, 31), 1), date(2026, 4, 30));
        assert_eq!(add_months_clamped(date(2026, 1, 31), 3), date(2026, 4, 30));
        assert_eq!(add_months_clamped(date(2025, 12, 15), 1), date(2026, 1, 15));
    }

    #[test]
    fn one_month_rolls_past_a_weekend() {
        // Reg. 1182/71 worked example: 30 Jan 2026 + 1 month = Sat 28 Feb → Mon 2 Mar.
        let due = due_date(date(2026, 1, 30), Count::rolling(Period::Months(1)), &TEST_CALENDAR);
        assert_eq!(due.value, date(2026, 3, 2));
        assert!(due.warnings.is_empty());
    }

    #[test]
    fn working_days_skip_holidays_and_count_working_saturdays() {
        // Wed 18 Nov 2026 + 3 working days: Thu 19, (Fri 20 holiday), Mon 23, Tue 24.
        let due = due_date(date(2026, 11, 18), Count::exact(Period::WorkingDays(3)), &TEST_CALENDAR);
        assert_eq!(due.value, date(2026, 11, 24));
        // Fri 31 Oct 2025 + 1 working day: Sat 1 Nov 2025 is worked.
        let due = due_date(date(2025, 10, 31), Count::exact(Period::WorkingDays(1)), &TEST_CALENDAR);
        assert_eq!(due.value, date(2025, 11, 1));
    }

    #[test]
    fn event_day_counting() {
        let count = Count { period: Period::Days(45), includes_event_day: true, roll: Roll::None };
        assert_eq!(due_date(date(2026, 9, 14), count, &TEST_CALENDAR).value, date(2026, 10, 28));
        let count = Count { period: Period::Days(45), includes_event_day: false, roll: Roll::None };
        assert_eq!(due_date(date(2026, 9, 14), count, &TEST_CALENDAR).value, date(2026, 10, 29));
    }

    #[test]
    fn projected_years_are_noted_and_uncovered_years_warn() {
        let due = due_date(date(2026, 12, 30), Count::exact(Period::WorkingDays(3)), &TEST_CALENDAR);
        assert_eq!(due.value, date(2027, 1, 4));
        assert!(due.warnings.is_empty(), "{:?}", due.warnings);
        assert_eq!(due.notes.len(), 1);
        assert!(due.notes[0].starts_with("projected: the official test calendar for 2027"), "{}", due.notes[0]);
        let due = due_date(date(2100, 12, 30), Count::exact(Period::WorkingDays(3)), &TEST_CALENDAR);
        assert!(due.warnings[0].contains("covers 2000-2100 only"), "{}", due.warnings[0]);
        let due = due_date(date(2026, 1, 30), Count::rolling(Period::Months(1)), &weekends_only());
        assert!(due.warnings[0].contains("no public-holiday data"));
    }

    #[test]
    fn a_month_beginning_with_the_event_day() {
        let count = Count { period: Period::Months(1), includes_event_day: true, roll: Roll::None };
        let f = |d| due_date(d, count, &TEST_CALENDAR).value;
        assert_eq!(f(date(2026, 1, 28)), date(2026, 2, 27));
        for day in 29..=31 {
            assert_eq!(f(date(2026, 1, day)), date(2026, 2, 28));
        }
        let zero = Count { period: Period::Days(0), includes_event_day: true, roll: Roll::None };
        assert_eq!(due_date(date(2026, 1, 5), zero, &TEST_CALENDAR).value, date(2026, 1, 5));
    }

    #[test]
    fn the_end_of_the_date_range_never_hangs() {
        let friday_weekend = Calendar::parse(
            &TEST_TOML.replace(r#"weekend = ["saturday", "sunday"]"#, r#"weekend = ["friday", "saturday"]"#),
            &Default::default(),
        )
        .unwrap();
        let due = due_date(Date::MAX, Count::rolling(Period::WorkingDays(3)), &friday_weekend);
        assert_eq!(due.value, Date::MAX);
        let due = due_date(date(9999, 12, 29), Count::rolling(Period::Months(1)), &friday_weekend);
        assert_eq!(due.value, Date::MAX);
    }

    #[test]
    fn paused_days_extend_before_rolling() {
        let due = due_date_paused(date(2026, 1, 5), Count::rolling(Period::Months(1)), 10, &TEST_CALENDAR);
        // 5 Feb + 10 days = Sun 15 Feb → Mon 16 Feb.
        assert_eq!(due.value, date(2026, 2, 16));
    }

    #[test]
    fn instants_keep_their_offset() {
        let i: Instant = "2026-11-18T15:00:00-03:00".parse().unwrap();
        assert_eq!(i.to_string(), "2026-11-18T15:00:00-03:00");
        assert_eq!(i.local_date(), date(2026, 11, 18));
        let z: Instant = "2026-11-29T10:00:00Z".parse().unwrap();
        assert_eq!(z.plus_hours(24).to_string(), "2026-11-30T10:00:00Z");
        assert_eq!(z.plus_hours(72).to_string(), "2026-12-02T10:00:00Z");
        assert!("2026-11-29T10:00:00".parse::<Instant>().is_err());
        assert!("2026-11-29".parse::<Instant>().is_err());
        // The local date follows the offset: 23:30 UTC is already the next day at +03:00.
        let late: Instant = "2026-11-29T23:30:00Z".parse().unwrap();
        let moscow = Instant { offset: Offset::from_seconds(3 * 3600).unwrap(), ..late };
        assert_eq!(moscow.local_date(), date(2026, 11, 30));
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (1900i16..2200, 1i8..=12, 1i8..=31).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap_or_else(|_| date(y, m, 28)))
    }

    proptest! {
        #[test]
        fn months_land_in_the_right_month_never_later_than_the_same_date(d in any_date(), n in 0u32..48) {
            let end = add_months_clamped(d, n);
            let months = |x: Date| i32::from(x.year()) * 12 + i32::from(x.month());
            prop_assert_eq!(months(end) - months(d), n as i32);
            prop_assert!(end.day() <= d.day());
            prop_assert!(end.day() == d.day() || end == end.last_of_month());
        }

        #[test]
        fn months_are_monotonic(a in any_date(), b in any_date(), n in 0u32..24) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(add_months_clamped(lo, n) <= add_months_clamped(hi, n));
        }

        #[test]
        fn working_day_counts_agree_with_a_naive_count(d in any_date(), n in 0u32..60) {
            let due = due_date(d, Count::exact(Period::WorkingDays(n)), &TEST_CALENDAR).value;
            prop_assert_eq!(working_days_between(d, due, &TEST_CALENDAR), n);
            if n > 0 {
                prop_assert!(TEST_CALENDAR.is_working_day(due));
            }
        }

        #[test]
        fn rolling_lands_on_a_working_day_no_earlier_than_the_exact_end(d in any_date(), n in 0u32..90) {
            let exact = due_date(d, Count::exact(Period::Days(n)), &TEST_CALENDAR).value;
            let rolled = due_date(d, Count::rolling(Period::Days(n)), &TEST_CALENDAR).value;
            prop_assert!(rolled >= exact);
            prop_assert!(TEST_CALENDAR.is_working_day(rolled));
            prop_assert!(add_days(exact, 7) > rolled);
        }

        #[test]
        fn never_panics_on_any_date_jiff_can_represent(
            y in -9999i16..=9999, m in 1i8..=12, d in 1i8..=31, n in 0u32..400, event_day: bool, roll: bool
        ) {
            let date = Date::new(y, m, d).unwrap_or_else(|_| jiff::civil::date(y, m, 28));
            let roll = if roll { Roll::NextWorkingDay } else { Roll::None };
            for period in [Period::Days(n), Period::Months(n), Period::WorkingDays(n)] {
                let due = due_date(date, Count { period, includes_event_day: event_day, roll }, &TEST_CALENDAR);
                prop_assert!(due.value >= add_days(date, -1));
            }
        }

        #[test]
        fn deadlines_are_monotonic_in_the_event_day(a in any_date(), b in any_date(), n in 1u32..30) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            for period in [Period::Days(n), Period::Months(n % 4 + 1), Period::WorkingDays(n)] {
                let f = |d| due_date(d, Count::rolling(period), &TEST_CALENDAR).value;
                prop_assert!(f(lo) <= f(hi));
            }
        }
    }
}
