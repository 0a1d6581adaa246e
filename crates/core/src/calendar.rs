//! Public-holiday calendars as data: one TOML file per calendar, shipped in
//! the module that uses it and embedded at build time, evaluated by rule for
//! every year from [`FIRST_YEAR`] to [`LAST_YEAR`].
//!
//! A calendar is made of rules, each citing its source:
//!
//! - fixed dates (`fixed = "12-25"`);
//! - days relative to Easter, Western (`easter = 1`) or Orthodox
//!   (`orthodox_easter = -2`);
//! - the nth weekday of a month or the last (`weekday = { day = "monday",
//!   month = 5, nth = 1 }`, `nth = -1`), or the first such weekday on or after
//!   or the last on or before a date (`on_or_after = "06-20"`);
//! - a table of dates by year for days no rule gives (`dates = { 2027 =
//!   "02-06" }`);
//! - observance: `observed = "substitute"` (the next day that is neither a
//!   weekend day nor already a holiday, as UK substitute days and Russia's
//!   Labour Code Art. 112 transfers), or a table of weekday shifts (`{
//!   saturday = -1, sunday = 1 }`);
//! - validity ranges (`from`, `until`, inclusive years).
//!
//! and of dated entries an act decided: `[[day]]` (a one-off holiday or a
//! transferred day off), `[[not_holiday]]` (a date a rule gives that an act
//! made a working day) and `[[working_day]]` (a weekend day worked). A
//! calendar may extend another (`extends = "de"` for a Land). Years up to
//! `official_through` are fixed by published acts; later years are
//! *projected* by the rules, and dates counted then say so. docs/calendars.md
//! is the format's reference.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

use crate::jurisdiction::Jurisdiction;

/// The first year calendars are stated for.
pub const FIRST_YEAR: i16 = 2000;
/// The last year calendars are stated for.
pub const LAST_YEAR: i16 = 2100;

/// A non-working day on a calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    /// The date.
    #[serde(with = "date_text")]
    pub date: Date,
    /// What it is, e.g. "Christmas Day".
    pub name: String,
    /// The law or act that makes it a holiday.
    pub source: String,
    /// Where that is published, when the calendar says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

mod date_text {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(date)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
    }
}

/// How certain a year of a calendar is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum YearStatus {
    /// Fixed by published law and acts.
    Official,
    /// Computed by the rules ahead of an act not yet published (Russia's
    /// annual decree, a UK proclamation).
    Projected,
    /// Outside the years the calendar is stated for: weekends only.
    Uncovered,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
enum WeekdayName {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl From<WeekdayName> for Weekday {
    fn from(w: WeekdayName) -> Weekday {
        match w {
            WeekdayName::Monday => Weekday::Monday,
            WeekdayName::Tuesday => Weekday::Tuesday,
            WeekdayName::Wednesday => Weekday::Wednesday,
            WeekdayName::Thursday => Weekday::Thursday,
            WeekdayName::Friday => Weekday::Friday,
            WeekdayName::Saturday => Weekday::Saturday,
            WeekdayName::Sunday => Weekday::Sunday,
        }
    }
}

/// `"MM-DD"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct MonthDay {
    month: i8,
    day: i8,
}

impl<'de> Deserialize<'de> for MonthDay {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let bad = || serde::de::Error::custom(format!("`{text}` is not a month and day such as \"12-25\""));
        let (m, day) = text.split_once('-').ok_or_else(bad)?;
        let (month, day): (i8, i8) = (m.parse().map_err(|_| bad())?, day.parse().map_err(|_| bad())?);
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) || m.len() != 2 || text.len() != 5 {
            return Err(bad());
        }
        Ok(MonthDay { month, day })
    }
}

impl MonthDay {
    /// The date in `year`, or `None` when the year has no such day (29 February).
    fn in_year(self, year: i16) -> Option<Date> {
        Date::new(year, self.month, self.day).ok()
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WeekdayRuleFile {
    day: WeekdayName,
    month: Option<i8>,
    nth: Option<i8>,
    on_or_after: Option<MonthDay>,
    on_or_before: Option<MonthDay>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
enum ObservedFile {
    Named(String),
    Shifts(BTreeMap<WeekdayName, i8>),
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    name: String,
    source: String,
    #[serde(default)]
    url: Option<String>,
    from: Option<i16>,
    until: Option<i16>,
    fixed: Option<MonthDay>,
    easter: Option<i16>,
    orthodox_easter: Option<i16>,
    weekday: Option<WeekdayRuleFile>,
    dates: Option<BTreeMap<String, MonthDay>>,
    observed: Option<ObservedFile>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DayFile {
    date: crate::manifest::IsoDate,
    name: String,
    source: String,
    #[serde(default)]
    url: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct YearFile {
    year: i16,
    source: String,
    #[serde(default)]
    url: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    format: u32,
    id: String,
    name: String,
    jurisdiction: Jurisdiction,
    extends: Option<String>,
    weekend: Vec<WeekdayName>,
    source: String,
    url: Option<String>,
    official_through: i16,
    #[serde(default)]
    notes: Option<String>,
    #[serde(default)]
    holiday: Vec<RuleFile>,
    #[serde(default)]
    day: Vec<DayFile>,
    #[serde(default)]
    not_holiday: Vec<DayFile>,
    #[serde(default)]
    working_day: Vec<DayFile>,
    #[serde(default)]
    year: Vec<YearFile>,
}

/// When a holiday falls, in a year.
#[derive(Clone, Debug)]
enum When {
    Fixed(MonthDay),
    Easter(i16),
    OrthodoxEaster(i16),
    NthWeekday { day: Weekday, month: i8, nth: i8 },
    OnOrAfter { day: Weekday, from: MonthDay },
    OnOrBefore { day: Weekday, until: MonthDay },
    Dates(HashMap<i16, MonthDay>),
}

/// What happens when a holiday falls on a given weekday.
#[derive(Clone, Debug)]
enum Observance {
    None,
    /// Also the next day that is neither a weekend day nor a holiday.
    Substitute,
    /// Moved by this many days on these weekdays.
    Shift(Vec<(Weekday, i8)>),
}

#[derive(Clone, Debug)]
struct HolidayRule {
    name: String,
    source: String,
    url: Option<String>,
    from: Option<i16>,
    until: Option<i16>,
    when: When,
    observance: Observance,
}

/// The source of a year fixed by an act (Russia's decree, a Spanish
/// resolution, a Portaria).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearSource {
    /// The year.
    pub year: i16,
    /// The act: number, date and title.
    pub source: String,
    /// Where it is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One year of a calendar, computed.
#[derive(Debug, Default)]
struct YearTable {
    holidays: BTreeMap<Date, Holiday>,
    working: BTreeMap<Date, Holiday>,
}

/// A public-holiday calendar.
pub struct Calendar {
    /// A short id, e.g. `fr`, `de-by`, `gb-sct`.
    pub id: String,
    /// A human-readable name.
    pub name: String,
    /// The place it is the calendar of.
    pub jurisdiction: Jurisdiction,
    /// The act that lists the public holidays.
    pub source: String,
    /// An official page for it.
    pub url: Option<String>,
    /// What a user must know (what is and is not counted).
    pub notes: Option<String>,
    /// The last year fixed by published acts; later years are projected.
    pub official_through: i16,
    /// The calendar this one extends, if any.
    pub parent: Option<Arc<Calendar>>,
    weekend: Vec<Weekday>,
    rules: Vec<HolidayRule>,
    days: Vec<Holiday>,
    not_holidays: Vec<Date>,
    working_days: Vec<Holiday>,
    years: Vec<YearSource>,
    cache: Mutex<HashMap<i16, Arc<YearTable>>>,
}

impl std::fmt::Debug for Calendar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Calendar")
            .field("id", &self.id)
            .field("jurisdiction", &self.jurisdiction)
            .finish_non_exhaustive()
    }
}

/// Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm
/// (Meeus, *Astronomical Algorithms*, ch. 8).
pub fn easter(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as i8, day as i8).unwrap_or(Date::MAX)
}

/// Orthodox Easter Sunday as a Gregorian date: the Julian computus (Meeus,
/// ch. 8), then the Julian date moved by the calendars' difference.
pub fn orthodox_easter(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 4;
    let b = y % 7;
    let c = y % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    // The Julian date, read as Gregorian, then moved forward by the
    // difference between the calendars in March-May of this year (13 days
    // from 1900 to 2099, 14 in 2100).
    let difference = y / 100 - y / 400 - 2;
    Date::new(year, month as i8, day as i8)
        .ok()
        .and_then(|d| d.checked_add(i64::from(difference).days()).ok())
        .unwrap_or(Date::MAX)
}

fn add_days(date: Date, n: i64) -> Option<Date> {
    date.checked_add(n.days()).ok()
}

impl When {
    fn in_year(&self, year: i16) -> Option<Date> {
        match self {
            When::Fixed(md) => md.in_year(year),
            When::Easter(n) => add_days(easter(year), i64::from(*n)),
            When::OrthodoxEaster(n) => add_days(orthodox_easter(year), i64::from(*n)),
            When::NthWeekday { day, month, nth } => {
                let first = Date::new(year, *month, 1).ok()?;
                let found = if *nth > 0 {
                    let first_match = first.nth_weekday_of_month(1, *day).ok()?;
                    add_days(first_match, 7 * i64::from(*nth - 1))?
                } else {
                    let last_match = first.nth_weekday_of_month(-1, *day).ok()?;
                    add_days(last_match, -7 * i64::from(-*nth - 1))?
                };
                (found.month() == *month).then_some(found)
            }
            When::OnOrAfter { day, from } => {
                let start = from.in_year(year)?;
                let ahead = (day.to_monday_zero_offset() - start.weekday().to_monday_zero_offset()).rem_euclid(7);
                add_days(start, i64::from(ahead))
            }
            When::OnOrBefore { day, until } => {
                let end = until.in_year(year)?;
                let back = (end.weekday().to_monday_zero_offset() - day.to_monday_zero_offset()).rem_euclid(7);
                add_days(end, -i64::from(back))
            }
            When::Dates(table) => table.get(&year).and_then(|md| md.in_year(year)),
        }
    }
}

fn compile_rule(rule: RuleFile) -> Result<HolidayRule, String> {
    let named = |what: &str| format!("holiday `{}`: {what}", rule.name);
    let mut kinds = Vec::new();
    if let Some(md) = rule.fixed {
        kinds.push(When::Fixed(md));
    }
    if let Some(n) = rule.easter {
        kinds.push(When::Easter(n));
    }
    if let Some(n) = rule.orthodox_easter {
        kinds.push(When::OrthodoxEaster(n));
    }
    if let Some(w) = &rule.weekday {
        let day = Weekday::from(w.day);
        kinds.push(match (w.month, w.nth, w.on_or_after, w.on_or_before) {
            (Some(month), Some(nth), None, None) if (1..=12).contains(&month) && nth != 0 && (-5..=5).contains(&nth) => {
                When::NthWeekday { day, month, nth }
            }
            (None, None, Some(from), None) => When::OnOrAfter { day, from },
            (None, None, None, Some(until)) => When::OnOrBefore { day, until },
            _ => {
                return Err(named(
                    "`weekday` needs `month` and `nth` (1 to 5, or -1 to -5 from the end), or `on_or_after`, or `on_or_before`",
                ));
            }
        });
    }
    if let Some(dates) = &rule.dates {
        let mut table = HashMap::new();
        for (year, md) in dates {
            let year: i16 = year.parse().map_err(|_| named(&format!("`dates` key `{year}` is not a year")))?;
            table.insert(year, *md);
        }
        kinds.push(When::Dates(table));
    }
    if kinds.len() != 1 {
        return Err(named("give exactly one of `fixed`, `easter`, `orthodox_easter`, `weekday`, `dates`"));
    }
    if let (Some(from), Some(until)) = (rule.from, rule.until)
        && from > until
    {
        return Err(named(&format!("`from` {from} is after `until` {until}")));
    }
    let observance = match &rule.observed {
        None => Observance::None,
        Some(ObservedFile::Named(name)) if name == "none" => Observance::None,
        Some(ObservedFile::Named(name)) if name == "substitute" => Observance::Substitute,
        Some(ObservedFile::Named(other)) => {
            return Err(named(&format!(
                "`observed = \"{other}\"`: expected \"substitute\", \"none\" or a table of weekday shifts"
            )));
        }
        Some(ObservedFile::Shifts(table)) => {
            if table.values().any(|shift| !(-7..=7).contains(shift)) {
                return Err(named("an `observed` shift moves a holiday by at most 7 days"));
            }
            Observance::Shift(table.iter().map(|(w, s)| (Weekday::from(*w), *s)).collect())
        }
    };
    Ok(HolidayRule {
        name: rule.name,
        source: rule.source,
        url: rule.url,
        from: rule.from,
        until: rule.until,
        when: kinds.remove(0),
        observance,
    })
}

impl Calendar {
    /// Parses a calendar file. `parents` resolves `extends`: the calendars
    /// already parsed, by id.
    pub fn parse(text: &str, parents: &HashMap<String, Arc<Calendar>>) -> Result<Calendar, String> {
        let file: CalendarFile = toml::from_str(text).map_err(|e| {
            let at = e.span().map(|span| {
                let before = &text[..span.start.min(text.len())];
                format!(" at line {}", before.matches('\n').count() + 1)
            });
            format!("{}{}", e.message().trim(), at.unwrap_or_default())
        })?;
        let id = file.id.clone();
        let context = |problem: String| format!("calendar `{id}`: {problem}");
        if file.format != 1 {
            return Err(context(format!("format {} is not the format this juris reads (1)", file.format)));
        }
        let parent = match &file.extends {
            Some(parent) => Some(
                parents
                    .get(parent)
                    .cloned()
                    .ok_or_else(|| context(format!("extends `{parent}`, which is not known")))?,
            ),
            None => None,
        };
        let rules = file.holiday.into_iter().map(compile_rule).collect::<Result<Vec<_>, _>>().map_err(context)?;
        let entry = |d: DayFile| Holiday { date: d.date.0, name: d.name, source: d.source, url: d.url };
        Ok(Calendar {
            id: file.id,
            name: file.name,
            jurisdiction: file.jurisdiction,
            source: file.source,
            url: file.url,
            notes: file.notes.map(|n| n.trim().to_string()),
            official_through: file.official_through,
            parent,
            weekend: file.weekend.into_iter().map(Weekday::from).collect(),
            rules,
            days: file.day.into_iter().map(entry).collect(),
            not_holidays: file.not_holiday.into_iter().map(|d| d.date.0).collect(),
            working_days: file.working_day.into_iter().map(entry).collect(),
            years: file.year.into_iter().map(|y| YearSource { year: y.year, source: y.source, url: y.url }).collect(),
            cache: Mutex::new(HashMap::new()),
        })
    }

    /// A calendar that knows weekends only: every date counted on it carries a
    /// warning that public holidays were not considered.
    pub fn weekends_only(id: &str, name: &str, jurisdiction: Jurisdiction) -> Calendar {
        Calendar {
            id: id.to_string(),
            name: name.to_string(),
            jurisdiction,
            source: "weekends only: no public-holiday data".to_string(),
            url: None,
            notes: None,
            official_through: FIRST_YEAR - 1,
            parent: None,
            weekend: vec![Weekday::Saturday, Weekday::Sunday],
            rules: Vec::new(),
            days: Vec::new(),
            not_holidays: Vec::new(),
            working_days: Vec::new(),
            years: Vec::new(),
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// Whether the calendar has public-holiday data at all.
    pub fn has_holidays(&self) -> bool {
        !self.rules.is_empty() || !self.days.is_empty() || self.parent.as_ref().is_some_and(|p| p.has_holidays())
    }

    /// How certain the calendar is for `year`.
    pub fn status(&self, year: i16) -> YearStatus {
        if !self.has_holidays() || !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            YearStatus::Uncovered
        } else if year <= self.official_through {
            YearStatus::Official
        } else {
            YearStatus::Projected
        }
    }

    /// The act that fixes `year`, when the calendar names one.
    pub fn year_source(&self, year: i16) -> Option<&YearSource> {
        self.years.iter().find(|y| y.year == year).or_else(|| self.parent.as_ref().and_then(|p| p.year_source(year)))
    }

    /// Whether `date` is a weekend day here.
    pub fn is_weekend(&self, date: Date) -> bool {
        self.weekend.contains(&date.weekday())
    }

    /// Whether `date` is a working day. Outside the calendar's years only
    /// weekends are known.
    pub fn is_working_day(&self, date: Date) -> bool {
        let table = self.year_table(date.year());
        if table.working.contains_key(&date) {
            return true;
        }
        !self.is_weekend(date) && !table.holidays.contains_key(&date)
    }

    /// The holiday on `date`, if any.
    pub fn holiday(&self, date: Date) -> Option<Holiday> {
        self.year_table(date.year()).holidays.get(&date).cloned()
    }

    /// Every holiday of `year`, in date order (weekend ones included).
    pub fn holidays(&self, year: i16) -> Vec<Holiday> {
        self.year_table(year).holidays.values().cloned().collect()
    }

    /// The weekend days of `year` that are working days.
    pub fn working_weekend_days(&self, year: i16) -> Vec<Holiday> {
        self.year_table(year).working.values().cloned().collect()
    }

    fn year_table(&self, year: i16) -> Arc<YearTable> {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return Arc::new(YearTable::default());
        }
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(table) = cache.get(&year) {
            return table.clone();
        }
        // Rules of the years around are evaluated too, so that a holiday
        // moved or substituted across 1 January lands in the right year.
        let mut holidays: BTreeMap<Date, Holiday> = BTreeMap::new();
        self.evaluate(year.saturating_sub(1)..=year.saturating_add(1), &mut holidays);
        holidays.retain(|d, _| d.year() == year);
        let mut working = BTreeMap::new();
        self.collect_working(year, &mut working);
        let table = Arc::new(YearTable { holidays, working });
        cache.insert(year, table.clone());
        table
    }

    fn collect_working(&self, year: i16, out: &mut BTreeMap<Date, Holiday>) {
        if let Some(parent) = &self.parent {
            parent.collect_working(year, out);
        }
        for day in self.working_days.iter().filter(|d| d.date.year() == year) {
            out.insert(day.date, day.clone());
        }
    }

    /// The holidays the rules of `years` give, with the parent's, before
    /// they are filtered to one year.
    fn evaluate(&self, years: std::ops::RangeInclusive<i16>, out: &mut BTreeMap<Date, Holiday>) {
        if let Some(parent) = &self.parent {
            parent.evaluate(years.clone(), out);
        }
        let mut substitutes: Vec<(Date, &HolidayRule)> = Vec::new();
        for year in years.clone() {
            for rule in &self.rules {
                if rule.from.is_some_and(|from| year < from) || rule.until.is_some_and(|until| year > until) {
                    continue;
                }
                let Some(mut date) = rule.when.in_year(year) else { continue };
                if let Observance::Shift(shifts) = &rule.observance
                    && let Some((_, shift)) = shifts.iter().find(|(w, _)| *w == date.weekday())
                {
                    date = add_days(date, i64::from(*shift)).unwrap_or(date);
                }
                out.entry(date).or_insert_with(|| Holiday {
                    date,
                    name: rule.name.clone(),
                    source: rule.source.clone(),
                    url: rule.url.clone(),
                });
                if matches!(rule.observance, Observance::Substitute) && self.is_weekend(date) {
                    substitutes.push((date, rule));
                }
            }
        }
        for day in self.days.iter().filter(|d| years.contains(&d.date.year())) {
            out.entry(day.date).or_insert_with(|| day.clone());
        }
        // Substitute days, in the order of the holidays they stand in for, on
        // the next day that is neither a weekend day nor already a holiday.
        substitutes.sort_by_key(|(date, _)| *date);
        for (date, rule) in substitutes {
            let mut day = date;
            while let Some(next) = add_days(day, 1) {
                day = next;
                if !self.is_weekend(day) && !out.contains_key(&day) {
                    out.insert(
                        day,
                        Holiday {
                            date: day,
                            name: format!("{} (substitute day)", rule.name),
                            source: rule.source.clone(),
                            url: rule.url.clone(),
                        },
                    );
                    break;
                }
            }
        }
        for date in &self.not_holidays {
            out.remove(date);
        }
    }
}

/// The calendars a module ships, by id; `extends` is resolved among them.
#[derive(Debug, Default)]
pub struct Calendars {
    list: Vec<Arc<Calendar>>,
}

impl Calendars {
    /// Parses calendar files given as `(file name, text)`, parents before the
    /// calendars that extend them.
    pub fn parse(files: &[(&str, &str)]) -> Result<Calendars, String> {
        let mut by_id: HashMap<String, Arc<Calendar>> = HashMap::new();
        let mut list = Vec::new();
        for (name, text) in files {
            let calendar = Calendar::parse(text, &by_id).map_err(|e| format!("{name}: {e}"))?;
            if by_id.contains_key(calendar.id.as_str()) {
                return Err(format!("{name}: calendar id `{}` is used twice", calendar.id));
            }
            let calendar = Arc::new(calendar);
            by_id.insert(calendar.id.clone(), calendar.clone());
            list.push(calendar);
        }
        Ok(Calendars { list })
    }

    /// The calendar with this id.
    pub fn get(&self, id: &str) -> Option<&Arc<Calendar>> {
        self.list.iter().find(|c| c.id == id)
    }

    /// Every calendar, in the order given.
    pub fn iter(&self) -> impl Iterator<Item = &Arc<Calendar>> {
        self.list.iter()
    }

    /// The calendar of `place`: the one whose jurisdiction covers it most
    /// specifically (`DE-BY` before `DE`); the first of equals wins.
    pub fn for_place(&self, place: &Jurisdiction) -> Option<&Arc<Calendar>> {
        self.list
            .iter()
            .filter(|c| c.jurisdiction.covers(place))
            .max_by_key(|c| (crate::manifest::specificity(&c.jurisdiction), std::cmp::Reverse(self.position(&c.id))))
    }

    fn position(&self, id: &str) -> usize {
        self.list.iter().position(|c| c.id == id).unwrap_or(usize::MAX)
    }
}

/// A calendar's description, as `juris calendar --list` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarInfo {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The place it is the calendar of.
    pub jurisdiction: Jurisdiction,
    /// The calendar it extends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// The first year it is stated for.
    pub first_year: i16,
    /// The last year fixed by published acts.
    pub official_through: i16,
    /// The last year it is stated for (projected after `official_through`).
    pub last_year: i16,
    /// The act that lists the holidays.
    pub source: String,
}

/// A request for one year of a calendar.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CalendarRequest {
    /// The place.
    pub jurisdiction: Jurisdiction,
    /// The year.
    pub year: i16,
    /// A calendar id, instead of the place's own calendar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
}

/// One year of a calendar, as `juris calendar` shows it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CalendarYear {
    /// The place asked about.
    pub jurisdiction: Jurisdiction,
    /// The calendar's id.
    pub calendar: String,
    /// Its name.
    pub name: String,
    /// The year.
    pub year: i16,
    /// Whether the year is official or projected.
    pub status: YearStatus,
    /// The law that lists the holidays, and the act for this year if any.
    pub source: String,
    /// The holidays, in date order (weekend ones included).
    pub holidays: Vec<Holiday>,
    /// Weekend days that are working days.
    pub working_weekend_days: Vec<Holiday>,
    /// What a user must know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl Calendar {
    /// The description `juris calendar --list` shows.
    pub fn info(&self) -> CalendarInfo {
        CalendarInfo {
            id: self.id.clone(),
            name: self.name.clone(),
            jurisdiction: self.jurisdiction.clone(),
            extends: self.parent.as_ref().map(|p| p.id.clone()),
            first_year: FIRST_YEAR,
            official_through: self.official_through,
            last_year: LAST_YEAR,
            source: self.source.clone(),
        }
    }

    /// One year, as `juris calendar` shows it.
    pub fn year(&self, place: &Jurisdiction, year: i16) -> CalendarYear {
        let mut source = self.source.clone();
        if let Some(act) = self.year_source(year) {
            source.push_str(&format!("; {year}: {}", act.source));
        }
        CalendarYear {
            jurisdiction: place.clone(),
            calendar: self.id.clone(),
            name: self.name.clone(),
            year,
            status: self.status(year),
            source,
            holidays: self.holidays(year),
            working_weekend_days: self.working_weekend_days(year),
            notes: self.notes.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const UK: &str = r#"
format = 1
id = "uk"
name = "Test UK"
jurisdiction = "GB"
weekend = ["saturday", "sunday"]
source = "test"
url = "https://example.invalid"
official_through = 2026

[[holiday]]
name = "Christmas Day"
fixed = "12-25"
observed = "substitute"
source = "test"

[[holiday]]
name = "Boxing Day"
fixed = "12-26"
observed = "substitute"
source = "test"

[[holiday]]
name = "Early May bank holiday"
weekday = { day = "monday", month = 5, nth = 1 }
source = "test"
until = 2019

[[holiday]]
name = "Spring bank holiday"
weekday = { day = "monday", month = 5, nth = -1 }
source = "test"

[[holiday]]
name = "Midsummer"
weekday = { day = "saturday", on_or_after = "06-20" }
source = "test"

[[day]]
date = 2022-09-19
name = "State funeral"
source = "proclamation"

[[not_holiday]]
date = 2026-05-25
name = "moved"
source = "act"

[[working_day]]
date = 2026-06-06
name = "worked Saturday"
source = "act"
"#;

    fn uk() -> Calendar {
        Calendar::parse(UK, &HashMap::new()).unwrap()
    }

    #[test]
    fn substitutes_follow_the_uk_rule() {
        let c = uk();
        // 2021: Christmas Sat, Boxing Day Sun -> Mon 27 and Tue 28.
        let dates: Vec<Date> = c.holidays(2021).iter().map(|h| h.date).filter(|d| d.month() == 12).collect();
        assert_eq!(dates, [date(2021, 12, 25), date(2021, 12, 26), date(2021, 12, 27), date(2021, 12, 28)]);
        // 2026: Christmas Fri, Boxing Day Sat -> Mon 28.
        assert_eq!(c.holiday(date(2026, 12, 28)).unwrap().name, "Boxing Day (substitute day)");
        assert!(c.is_working_day(date(2026, 12, 29)));
    }

    #[test]
    fn weekday_rules_ranges_and_dated_entries() {
        let c = uk();
        assert!(c.holiday(date(2019, 5, 6)).is_some(), "first Monday of May 2019");
        assert!(c.holiday(date(2020, 5, 4)).is_none(), "the rule ends in 2019");
        assert!(c.holiday(date(2025, 5, 26)).is_some(), "last Monday of May");
        assert!(c.holiday(date(2026, 5, 25)).is_none(), "a not_holiday removes it");
        assert_eq!(c.holiday(date(2026, 6, 20)).unwrap().name, "Midsummer");
        assert_eq!(c.holiday(date(2027, 6, 26)).unwrap().name, "Midsummer");
        assert!(c.holiday(date(2022, 9, 19)).is_some());
        assert!(c.is_working_day(date(2026, 6, 6)), "a worked Saturday");
        assert_eq!(c.status(2026), YearStatus::Official);
        assert_eq!(c.status(2027), YearStatus::Projected);
        assert_eq!(c.status(2101), YearStatus::Uncovered);
    }

    #[test]
    fn easter_of_both_churches() {
        assert_eq!(easter(2024), date(2024, 3, 31));
        assert_eq!(easter(2025), date(2025, 4, 20));
        assert_eq!(easter(2026), date(2026, 4, 5));
        assert_eq!(easter(2000), date(2000, 4, 23));
        assert_eq!(orthodox_easter(2024), date(2024, 5, 5));
        assert_eq!(orthodox_easter(2025), date(2025, 4, 20));
        assert_eq!(orthodox_easter(2026), date(2026, 4, 12));
        assert_eq!(orthodox_easter(2100), date(2100, 5, 2));
    }

    #[test]
    fn bad_files_say_what_is_wrong() {
        let err = Calendar::parse("format = 1\nid = \"x\"\n", &HashMap::new()).unwrap_err();
        assert!(err.contains("missing field"), "{err}");
        let two_kinds = UK.replace("fixed = \"12-25\"", "fixed = \"12-25\"\neaster = 1");
        assert!(Calendar::parse(&two_kinds, &HashMap::new()).unwrap_err().contains("exactly one"));
        let bad_day = UK.replace("fixed = \"12-25\"", "fixed = \"13-25\"");
        assert!(Calendar::parse(&bad_day, &HashMap::new()).is_err());
        let child = "format = 1\nid = \"y\"\nname = \"y\"\njurisdiction = \"GB-SCT\"\nextends = \"nope\"\nweekend = []\nsource = \"s\"\nofficial_through = 2026\n";
        assert!(Calendar::parse(child, &HashMap::new()).unwrap_err().contains("extends `nope`"));
    }
}
