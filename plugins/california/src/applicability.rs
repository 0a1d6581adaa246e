//! Whether the CCPA applies at all: the three thresholds of Civ. Code
//! §1798.140(d)(1), with the revenue figure as dated data.

use juris_core::Manifest;
use juris_core::jiff::civil::{Date, date};
use juris_core::manifest::specificity;

use crate::options::Options;

/// Revenue threshold (A) of §1798.140(d)(1)(A), by the date each figure applies
/// from: $25,000,000, adjusted for CPI in January of odd years
/// (§1798.199.95(d)); the CPPA set $26,625,000 from 2025-01-01 (announcement of
/// 2024-12-17). The 2027 adjustment was not found (fact sheet W7, UNVERIFIED).
pub const REVENUE_THRESHOLDS: &[(Date, u64)] = &[(date(2020, 1, 1), 25_000_000), (date(2025, 1, 1), 26_625_000)];

/// The first day a newer revenue figure is due and not yet known.
pub const NEXT_ADJUSTMENT: Date = date(2027, 1, 1);

/// Threshold (B), by the date each figure applies from: before the CPRA,
/// 50,000 or more consumers, households or devices whose personal information
/// is bought, received for commercial purposes, sold or shared for commercial
/// purposes a year (former §1798.140(c)(1)(B)); from 2023-01-01, 100,000 or more
/// consumers or households whose personal information is bought, sold or shared
/// (§1798.140(d)(1)(B) as amended by the CPRA). The pre-2023 figure is not in
/// the shared fact sheet (which gives the current one, C7.1); sources:
/// https://www.gtlaw-dataprivacydish.com/2021/01/how-many-times-do-you-count-a-person-when-deciding-whether-the-ccpa-applies-to-a-business/
/// and https://www.spirion.com/ccpa/jurisdictional-thresholds/ (statute text of
/// 2018-2020).
pub const CONSUMERS_THRESHOLDS: &[(Date, u64)] = &[(date(2020, 1, 1), 50_000), (date(2023, 1, 1), 100_000)];

/// Threshold (C): share of annual revenue from selling or sharing, in percent.
pub const REVENUE_SHARE_THRESHOLD_PERCENT: f64 = 50.0;

/// The revenue threshold in force on `on`.
pub fn revenue_threshold(on: Date) -> u64 {
    REVENUE_THRESHOLDS.iter().rev().find(|(from, _)| *from <= on).map_or(REVENUE_THRESHOLDS[0].1, |(_, amount)| *amount)
}

/// Threshold (B) in force on `on`.
pub fn consumers_threshold(on: Date) -> u64 {
    CONSUMERS_THRESHOLDS.iter().rev().find(|(from, _)| *from <= on).map_or(CONSUMERS_THRESHOLDS[0].1, |(_, n)| *n)
}

/// Whether the organisation does business in California as far as the
/// manifest shows: one of its markets covers or includes US-CA (`*`, `US`,
/// `US-CA`), an activity names such a market of its own, or it is established
/// in California.
pub fn in_california(m: &Manifest) -> bool {
    let ca = crate::us_ca();
    m.targets(&ca)
        || m.activities.iter().any(|a| m.activity_touches(a, &ca))
        || m.organization.established.iter().any(|e| ca.covers(e))
}

/// The outcome of the threshold test.
#[derive(Clone, Debug, PartialEq)]
pub enum Applicability {
    /// The organisation does not do business in California (no market covers US-CA).
    NotInCalifornia,
    /// At least one threshold is met; the reasons say which.
    Business(Vec<String>),
    /// None is met; the reasons say why each is not.
    NotMet(Vec<String>),
    /// None is known to be met, but some cannot be decided from the manifest;
    /// the module then applies the law (the conservative reading).
    Unknown(Vec<String>),
}

impl Applicability {
    /// Whether the CCPA's duties are to be checked.
    pub fn applies(&self) -> bool {
        matches!(self, Applicability::Business(_) | Applicability::Unknown(_))
    }
}

/// Whether an activity sells or shares the data of Californians.
fn sells_in_california(m: &Manifest) -> bool {
    m.activities.iter().any(|a| a.sells_or_shares && m.activity_touches(a, &crate::us_ca()))
}

/// The number of Californians the manifest says it processes a year: the
/// `subjects_per_year` entry that covers US-CA most specifically (a `US` or `*`
/// count is an upper bound, which is the conservative estimate).
pub fn californians_per_year(m: &Manifest) -> Option<u64> {
    let ca = crate::us_ca();
    m.organization
        .subjects_per_year
        .iter()
        .filter(|(j, _)| j.covers(&ca))
        .max_by_key(|(j, _)| specificity(j))
        .map(|(_, n)| *n)
}

/// The threshold test as of `as_of`.
pub fn assess(m: &Manifest, options: &Options, as_of: Date) -> Applicability {
    if !in_california(m) {
        return Applicability::NotInCalifornia;
    }
    let mut met = Vec::new();
    let mut not_met = Vec::new();
    let mut unknown = Vec::new();

    let threshold = revenue_threshold(as_of);
    match m.organization.annual_revenue_usd {
        Some(revenue) if revenue > threshold => met.push(format!(
            "annual gross revenue of ${} exceeds ${} (§1798.140(d)(1)(A))",
            thousands(revenue),
            thousands(threshold)
        )),
        Some(revenue) => not_met.push(format!(
            "annual gross revenue of ${} does not exceed ${}",
            thousands(revenue),
            thousands(threshold)
        )),
        None => unknown.push("`organization.annual_revenue_usd` is not given".to_string()),
    }

    let sells = sells_in_california(m);
    let consumers = consumers_threshold(as_of);
    match (options.consumers_bought_sold_or_shared, californians_per_year(m)) {
        (Some(n), _) if n >= consumers => met.push(format!(
            "personal information of {} consumers or households is bought, sold or shared a year (§1798.140(d)(1)(B))",
            thousands(n)
        )),
        (Some(n), _) => {
            not_met.push(format!("{} consumers or households is below {}", thousands(n), thousands(consumers)))
        }
        (None, _) if !sells => not_met.push("no activity sells or shares Californians' data".to_string()),
        (None, Some(n)) if n >= consumers => met.push(format!(
            "{} Californians a year, whose data an activity sells or shares (§1798.140(d)(1)(B))",
            thousands(n)
        )),
        (None, Some(n)) => not_met.push(format!("{} Californians a year is below {}", thousands(n), thousands(consumers))),
        (None, None) => unknown.push(
            "the number of Californians is not given (`organization.subjects_per_year`, or `consumers_bought_sold_or_shared` in `[modules.california]`)"
                .to_string(),
        ),
    }

    match options.revenue_percent_from_selling_or_sharing {
        Some(p) if p >= REVENUE_SHARE_THRESHOLD_PERCENT => {
            met.push(format!("{p}% of revenue comes from selling or sharing (§1798.140(d)(1)(C))"))
        }
        Some(p) => not_met.push(format!("{p}% of revenue from selling or sharing is below 50%")),
        None if !sells => not_met.push("no revenue from selling or sharing Californians' data".to_string()),
        None => unknown.push(
            "the share of revenue from selling or sharing is not given (`revenue_percent_from_selling_or_sharing` in `[modules.california]`)"
                .to_string(),
        ),
    }

    if !met.is_empty() {
        Applicability::Business(met)
    } else if unknown.is_empty() {
        Applicability::NotMet(not_met)
    } else {
        Applicability::Unknown(unknown)
    }
}

/// `26625000` as `26,625,000`, as money and head counts are written.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod thousands_tests {
    #[test]
    fn groups_digits_by_three() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1000), "1,000");
        assert_eq!(super::thousands(26_625_000), "26,625,000");
    }
}
