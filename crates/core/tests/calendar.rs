//! The calendar engine against independent data and its own invariants:
//! Easter of both churches for 2000-2100, every kind of rule giving exactly
//! one date a year where it is valid and none outside, and working-day
//! counting agreeing with a naive day-by-day count.

use std::collections::HashMap;

use juris_core::calendar::{Calendar, easter, orthodox_easter};
use juris_core::jiff::civil::{Date, date};
use juris_core::time::{Count, Period, due_date, working_days_between};
use proptest::prelude::*;

#[derive(serde::Deserialize)]
struct EasterTable {
    #[allow(dead_code)]
    source: String,
    western: Vec<juris_core::manifest::IsoDate>,
    orthodox: Vec<juris_core::manifest::IsoDate>,
}

#[test]
fn easter_matches_the_independent_table_for_2000_to_2100() {
    let table: EasterTable = toml::from_str(include_str!("data/easter.toml")).unwrap();
    assert_eq!(table.western.len(), 101);
    for (i, year) in (2000..=2100).enumerate() {
        assert_eq!(easter(year), table.western[i].0, "Western Easter {year}");
        assert_eq!(orthodox_easter(year), table.orthodox[i].0, "Orthodox Easter {year}");
    }
}

/// One rule of each kind, each valid 2010-2090.
const RULES: &str = r#"
format = 1
id = "rules"
name = "every kind of rule"
jurisdiction = "DE"
weekend = ["saturday", "sunday"]
source = "test"
official_through = 2100

[[holiday]]
name = "fixed"
fixed = "07-14"
source = "t"
from = 2010
until = 2090

[[holiday]]
name = "easter"
easter = 39
source = "t"
from = 2010
until = 2090

[[holiday]]
name = "orthodox"
orthodox_easter = -48
source = "t"
from = 2010
until = 2090

[[holiday]]
name = "nth"
weekday = { day = "monday", month = 8, nth = 1 }
source = "t"
from = 2010
until = 2090

[[holiday]]
name = "last"
weekday = { day = "thursday", month = 11, nth = -1 }
source = "t"
from = 2010
until = 2090

[[holiday]]
name = "after"
weekday = { day = "saturday", on_or_after = "10-31" }
source = "t"
from = 2010
until = 2090

[[holiday]]
name = "before"
weekday = { day = "wednesday", on_or_before = "11-22" }
source = "t"
from = 2010
until = 2090
"#;

fn rules() -> Calendar {
    Calendar::parse(RULES, &HashMap::new()).unwrap()
}

#[test]
fn every_rule_gives_one_date_a_year_in_its_range_and_none_outside() {
    let calendar = rules();
    for year in 2000..=2100 {
        let holidays = calendar.holidays(year);
        let count = |name: &str| holidays.iter().filter(|h| h.name == name).count();
        let expected = usize::from((2010..=2090).contains(&year));
        for name in ["fixed", "easter", "orthodox", "nth", "last", "after", "before"] {
            assert_eq!(count(name), expected, "{name} in {year}");
        }
        if expected == 1 {
            let on = |name: &str| holidays.iter().find(|h| h.name == name).unwrap().date;
            assert_eq!(on("nth").weekday(), juris_core::jiff::civil::Weekday::Monday);
            assert!(on("nth").day() <= 7);
            assert!(on("last").day() >= 24 && on("last").month() == 11);
            assert!(on("after") >= date(year, 10, 31) && on("after") < date(year, 11, 7));
            assert!(on("before") <= date(year, 11, 22) && on("before") > date(year, 11, 15));
        }
    }
}

fn any_date() -> impl Strategy<Value = Date> {
    (2000i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| date(y, m, d))
}

proptest! {
    #[test]
    fn working_days_agree_with_a_naive_count(start in any_date(), n in 0u32..80) {
        let calendar = rules();
        let due = due_date(start, Count::exact(Period::WorkingDays(n)), &calendar).value;
        prop_assert_eq!(working_days_between(start, due, &calendar), n);
        // The naive count: day by day, a day is working when it is neither a
        // weekend day nor one of the year's holidays.
        let mut naive = 0;
        let mut day = start;
        while day < due {
            day = day.tomorrow().unwrap();
            let holiday = calendar.holidays(day.year()).iter().any(|h| h.date == day);
            if !calendar.is_weekend(day) && !holiday {
                naive += 1;
            }
        }
        prop_assert_eq!(naive, n);
    }
}
