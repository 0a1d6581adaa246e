//! Whether the CCPA applies at all, decided once for every rule, the plan and
//! `resolve`: the "business" of Civ. Code §1798.140(d) and the exempt data of
//! §§1798.145-1798.146.
//!
//! A business is (d)(1) a for-profit legal entity doing business in California
//! that determines the purposes and means of processing and meets one of the
//! thresholds (A)-(C), or (d)(2) an entity that controls or is controlled by
//! such a business, shares its branding and shares consumers' personal
//! information with it. Nonprofits and public bodies are not businesses.

use juris_core::Manifest;
use juris_core::jiff::civil::{Date, date};
use juris_core::manifest::{OrganizationRole, specificity};

use crate::options::{Exemption, Options};
use crate::selling;

/// Revenue threshold (A) of §1798.140(d)(1)(A), by the date each figure applies
/// from: $25,000,000, adjusted for CPI in January of odd years
/// (§1798.199.95(d)); the CPPA set $26,625,000 from 2025-01-01 (announcement of
/// 2024-12-17, <https://cppa.ca.gov/announcements/2024/20241217.html>). No
/// adjustment effective 2027-01-01 was published as of 2026-12-01.
pub const REVENUE_THRESHOLDS: &[(Date, u64)] = &[(date(2020, 1, 1), 25_000_000), (date(2025, 1, 1), 26_625_000)];

/// The first day a newer revenue figure is due and not yet known.
pub const NEXT_ADJUSTMENT: Date = date(2027, 1, 1);

/// Threshold (B), by the date each figure applies from: before the CPRA,
/// 50,000 or more consumers, households or devices whose personal information
/// is bought, received for commercial purposes, sold or shared for commercial
/// purposes a year (§1798.140(c)(1)(B) as enacted by AB 375, 2018); from
/// 2023-01-01, 100,000 or more consumers or households whose personal
/// information is bought, sold or shared (§1798.140(d)(1)(B) as amended by the
/// CPRA).
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
/// manifest shows: one of its markets, an activity's own market or a place an
/// entity serves covers or includes US-CA (`*`, `US`, `US-CA`), or it or one of
/// its entities is established in California.
pub fn in_california(m: &Manifest) -> bool {
    let ca = crate::us_ca();
    m.reaches(&ca) || m.established_in(&ca)
}

/// The outcome of the test.
#[derive(Clone, Debug, PartialEq)]
pub enum Applicability {
    /// The organisation does not do business in California.
    NotInCalifornia,
    /// It is not the kind of entity the CCPA binds (a nonprofit, a public body,
    /// a service provider only); the reasons say why.
    NotABusiness(Vec<String>),
    /// It is a business; the reasons say which limb or threshold is met.
    Business(Vec<String>),
    /// No threshold is met; the reasons say why each is not.
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

    /// Why the CCPA does not apply, for an organisation in California.
    pub fn not_applying(&self) -> Option<&[String]> {
        match self {
            Applicability::NotABusiness(reasons) | Applicability::NotMet(reasons) => Some(reasons),
            _ => None,
        }
    }
}

/// Words in a legal form that mark an organisation not run for profit. (A
/// Delaware "public benefit corporation" is for-profit; California's
/// "nonprofit public benefit corporation" says "nonprofit".)
const NONPROFIT_FORMS: &[&str] =
    &["nonprofit", "non-profit", "not-for-profit", "not for profit", "501(c)", "charity", "charitable"];

/// Whether the organisation is organised or operated for profit: the stated
/// `for_profit`, else its legal form, else yes (absent means for-profit).
pub fn for_profit(m: &Manifest) -> bool {
    match m.organization.for_profit {
        Some(v) => v,
        None => !m.organization.legal_form.as_deref().is_some_and(|form| {
            let form = form.to_ascii_lowercase();
            NONPROFIT_FORMS.iter().any(|w| form.contains(w))
        }),
    }
}

/// Whether §1798.140(d)(2) makes the organisation a business through the
/// business that controls it or that it controls: control, common branding,
/// and (from the CPRA, 2023-01-01) shared personal information.
fn controlled_business(m: &Manifest, on: Date) -> Result<String, Option<String>> {
    let Some(c) = &m.organization.controlled_by else { return Err(None) };
    if !c.ccpa_business {
        return Err(None);
    }
    let shares_needed = on >= crate::deadlines::CPRA_OPERATIVE;
    if c.common_branding && (c.shares_personal_information || !shares_needed) {
        Ok(format!(
            "it controls or is controlled by `{}`, a CCPA business, shares its branding{} (§1798.140(d)(2))",
            c.name,
            if shares_needed { " and consumers' personal information with it" } else { "" }
        ))
    } else {
        let missing = if !c.common_branding { "common branding" } else { "shared personal information" };
        Err(Some(format!(
            "`{}` is a CCPA business, but without {missing} that link does not make this organisation one (§1798.140(d)(2))",
            c.name
        )))
    }
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

/// The test as of `as_of`.
pub fn assess(m: &Manifest, options: &Options, as_of: Date) -> Applicability {
    if !in_california(m) {
        return Applicability::NotInCalifornia;
    }
    let org = &m.organization;
    let control = controlled_business(m, as_of);
    if let Ok(reason) = &control {
        return Applicability::Business(vec![reason.clone()]);
    }
    let mut not_business = Vec::new();
    if org.public_body {
        not_business.push(
            "a public body is not a \"business\": the CCPA binds for-profit legal entities (§1798.140(d)(1))"
                .to_string(),
        );
    } else if !for_profit(m) {
        let what = match (&org.for_profit, &org.legal_form) {
            (None, Some(form)) => format!("its legal form, `{form}`, is not organised for profit"),
            _ => "it is not organised or operated for the profit of its owners".to_string(),
        };
        not_business.push(format!("{what}, so it is not a \"business\" (§1798.140(d)(1))"));
    }
    if org.role == Some(OrganizationRole::Processor) {
        not_business.push(
            "it processes personal information only on others' behalf, as a service provider or contractor, and determines no purposes or means itself (§1798.140(d)(1), (ag), (j))"
                .to_string(),
        );
    }
    if !not_business.is_empty() {
        if let Err(Some(why)) = control {
            not_business.push(why);
        }
        return Applicability::NotABusiness(not_business);
    }

    let mut met = Vec::new();
    let mut not_met = Vec::new();
    let mut unknown = Vec::new();

    let threshold = revenue_threshold(as_of);
    match org.annual_revenue_usd {
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

    let sells = !selling::find(m, as_of).is_empty();
    let consumers = consumers_threshold(as_of);
    match (options.consumers_bought_sold_or_shared, californians_per_year(m)) {
        (Some(n), _) if n >= consumers => met.push(format!(
            "personal information of {} consumers or households is bought, sold or shared a year (§1798.140(d)(1)(B))",
            thousands(n)
        )),
        (Some(n), _) => {
            not_met.push(format!("{} consumers or households is below {}", thousands(n), thousands(consumers)))
        }
        (None, _) if !sells => not_met.push("no activity or cookie sells or shares Californians' data".to_string()),
        (None, Some(n)) if n >= consumers => met.push(format!(
            "{} Californians a year, whose data is sold or shared (§1798.140(d)(1)(B))",
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
        if let Err(Some(why)) = control {
            not_met.push(why);
        }
        Applicability::NotMet(not_met)
    } else {
        Applicability::Unknown(unknown)
    }
}

/// Fideslang categories that show each exemption's data: an exemption claimed
/// for an activity that processes none of them is not accepted.
fn exemption_categories(e: Exemption) -> &'static [&'static str] {
    match e {
        Exemption::Hipaa | Exemption::Cmia => &["user.health_and_medical", "user.biometric.health"],
        Exemption::Glba => &["user.financial", "user.payment"],
        Exemption::Fcra | Exemption::Dppa => &["user"],
    }
}

/// The activities `[modules.california] exempt_activities` exempts, by index,
/// when the activity exists and processes the exemption's kind of data; and
/// the claims that could not be accepted, with why.
pub fn exempt_activities(m: &Manifest, options: &Options) -> (Vec<usize>, Vec<(usize, String)>) {
    let mut exempt = Vec::new();
    let mut refused = Vec::new();
    for (k, claim) in options.exempt_activities.iter().enumerate() {
        let Some(i) = m.activities.iter().position(|a| a.id == claim.activity) else {
            refused.push((k, format!("no activity has the id `{}`", claim.activity)));
            continue;
        };
        let a = &m.activities[i];
        let fits =
            a.data_categories.iter().any(|c| exemption_categories(claim.exemption).iter().any(|p| c.is_within(p)));
        if fits {
            exempt.push(i);
        } else {
            refused.push((
                k,
                format!(
                    "activity `{}` is claimed exempt under {}, but processes none of the data that exemption covers",
                    a.id,
                    claim.exemption.citation()
                ),
            ));
        }
    }
    (exempt, refused)
}

/// The activities the CCPA rules look at: those touching California that no
/// accepted exemption of §§1798.145-1798.146 takes out, with their index.
pub fn covered_activities<'a>(
    m: &'a Manifest,
    options: &Options,
) -> impl Iterator<Item = (usize, &'a juris_core::manifest::Activity)> + 'a {
    let ca = crate::us_ca();
    let (exempt, _) = exempt_activities(m, options);
    m.activities.iter().enumerate().filter(move |(i, a)| m.activity_touches(a, &ca) && !exempt.contains(i))
}

/// Every sale and sharing of the activities the CCPA covers, and of cookies.
pub fn sales(m: &Manifest, options: &Options, on: Date) -> Vec<selling::SaleOrSharing> {
    let (exempt, _) = exempt_activities(m, options);
    selling::find(m, on)
        .into_iter()
        .filter(|s| !matches!(s.source, selling::Source::Activity(i) if exempt.contains(&i)))
        .collect()
}

/// Every sale and sharing the check's rules look at ([`sales`] with the
/// module's options), found once per check and shared by them.
pub fn sales_in(ctx: &juris_core::CheckContext) -> std::sync::Arc<Vec<selling::SaleOrSharing>> {
    ctx.memo(|ctx| sales(&ctx.manifest, ctx.options::<Options>(), ctx.as_of))
}

/// The activities among [`sales_in`] that sell or share, once per check.
pub fn selling_activities_in(ctx: &juris_core::CheckContext) -> std::sync::Arc<selling::SellingActivities> {
    ctx.memo(|ctx| selling::SellingActivities::of(&sales_in(ctx), ctx.manifest.activities.len()))
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
