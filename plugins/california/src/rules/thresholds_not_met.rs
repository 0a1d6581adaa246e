use juris_core::jiff::civil::date;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::applicability::{self, Applicability};

/// `california/thresholds-not-met`
pub static RULE: Rule = Rule {
    id: "california/thresholds-not-met",
    title: "The organisation is not a CCPA \"business\", or no threshold is known to be met",
    citation: "Civ. Code §§1798.140(d), 1798.145, 1798.146, 1798.199.95(d)",
    severity: Severity::Note,
    in_force: InForce::from(date(2020, 1, 1)),
    docs: r#"
## What it does
Decides, once for every rule, the plan and `juris resolve`, whether the
organisation is a CCPA "business" (Civ. Code §1798.140(d)) as of the as-of
date, and says so as a note when it is not; the module then raises no CCPA
findings and no CCPA request deadlines (Shine the Light and the breach-notice
law still apply). In order:
1. **Doing business in California**: a market of the organisation or of an
   activity, or a place an entity serves, covers or includes US-CA, or it is
   established there. Otherwise the module is silent.
2. **Control and common branding** ((d)(2)): `organization.controlled_by`
   names a CCPA business (`ccpa_business = true`) with `common_branding` and,
   from 2023-01-01, `shares_personal_information`: a business whatever its
   size.
3. **Not a business**: a `public_body`, an organisation that is not for profit
   (`for_profit = false`, or a `legal_form` such as "nonprofit public benefit
   corporation" or "501(c)(3)" when `for_profit` is absent; absent means
   for-profit), or one that only processes on others' behalf
   (`role = "processor"`).
4. **Thresholds** ((d)(1)(A)-(C)), any one of: annual gross revenue above
   $25,000,000 as adjusted for inflation ($26,625,000 from 2025-01-01), from
   `organization.annual_revenue_usd`; buying, selling or sharing the personal
   information of 100,000 or more consumers or households a year (before
   2023-01-01, when the CPRA amendments became operative: 50,000 or more
   consumers, households or devices), from `consumers_bought_sold_or_shared` in
   `[modules.california]`, else the `organization.subjects_per_year` entry for
   US-CA (or US, or `*`) when the manifest shows a sale or sharing (derived
   from recipients, purposes, consideration and cookies, or declared); 50 % or
   more of revenue from selling or sharing, from
   `revenue_percent_from_selling_or_sharing`.

Exempt data (§§1798.145-1798.146: HIPAA protected health information, CMIA
medical information, GLBA data, FCRA consumer reports, DPPA records) is
declared per activity in `[[modules.california.exempt_activities]]`; an
exempt activity is left out of the CCPA rules, and a claim for an activity that
processes none of that kind of data is refused with a warning.

## Why
The CCPA binds only a "business": a for-profit entity doing business in
California that determines the purposes and means of processing and meets at
least one threshold, or an entity it controls or is controlled by that shares
its branding and its consumers' personal information (§1798.140(d)).
Nonprofits and government agencies are outside it. The revenue figure is
adjusted in January of odd years (§1798.199.95(d)); the CPPA set $26,625,000
from 2025-01-01 (<https://cppa.ca.gov/announcements/2024/20241217.html>).

## Example
```toml
[organization]
markets = ["US-CA"]
annual_revenue_usd = 3_000_000
subjects_per_year = { "US-CA" = 20_000 }
```

## How to fix
Nothing to fix: the note explains why the CCPA rules are silent. Re-check when
revenue or the number of consumers grows.

## Uncertainty
When a threshold cannot be decided from the manifest (no revenue given, no
count of Californians, no revenue share while data is sold or shared), the
module applies the CCPA, the conservative reading. No adjustment of the
revenue figure effective 2027-01-01 had been published by the CPPA as of
2026-12-01: from that date the 2025 figure is used with a warning.
"#,
    check,
    fails: include_str!("fixtures/thresholds_not_met.fail.toml"),
    passes: include_str!("fixtures/thresholds_not_met.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let options = ctx.options::<crate::options::Options>();
    let mut out = Vec::new();
    match applicability::assess(m, options, ctx.as_of) {
        Applicability::NotABusiness(reasons) => out.push(
            Violation::new(
                "organization",
                format!("the organisation is not a CCPA \"business\", so the CCPA rules were not applied: {}", reasons.join("; ")),
            )
            .help("nothing to do; Shine the Light and the breach-notice law still apply"),
        ),
        Applicability::NotMet(reasons) => out.push(
            Violation::new(
                "organization",
                format!("the organisation is not a CCPA business, so the CCPA rules were not applied: {}", reasons.join("; ")),
            )
            .help("nothing to do unless a threshold is met; Shine the Light and the breach-notice law still apply"),
        ),
        Applicability::Unknown(reasons) => out.push(
            Violation::new(
                "organization",
                format!("no CCPA threshold is known to be met, so the CCPA rules are applied conservatively: {}", reasons.join("; ")),
            )
            .help("give `annual_revenue_usd` and `subjects_per_year` in `[organization]`, or the counts in `[modules.california]`"),
        ),
        Applicability::Business(_) | Applicability::NotInCalifornia => {}
    }
    if applicability::in_california(m) {
        let (_, refused) = applicability::exempt_activities(m, options);
        for (k, why) in refused {
            out.push(
                Violation::new(
                    format!("modules.california.exempt_activities[{k}]"),
                    format!("{why}, so the CCPA rules still apply to it"),
                )
                .help("claim an exemption only for an activity whose data that law governs")
                .severity(Severity::Warning),
            );
        }
    }
    if applicability::in_california(m)
        && ctx.as_of >= applicability::NEXT_ADJUSTMENT
        && m.organization.annual_revenue_usd.is_some()
    {
        out.push(
            Violation::new(
                "organization.annual_revenue_usd",
                format!(
                    "the revenue threshold adjusted from {} is not known to this module; ${} was used",
                    applicability::NEXT_ADJUSTMENT,
                    applicability::thousands(applicability::revenue_threshold(ctx.as_of))
                ),
            )
            .help("check the CPPA's current figure")
            .severity(Severity::Warning),
        );
    }
    out
}
