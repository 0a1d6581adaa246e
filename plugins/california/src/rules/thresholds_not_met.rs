use juris_core::jiff::civil::date;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::applicability::{self, Applicability};

/// `california/thresholds-not-met`
pub static RULE: Rule = Rule {
    id: "california/thresholds-not-met",
    title: "The CCPA's thresholds for a \"business\" are not met",
    citation: "Civ. Code §1798.140(d)(1)(A)-(C); §1798.199.95(d)",
    severity: Severity::Note,
    in_force: InForce::from(date(2020, 1, 1)),
    docs: r#"
## What it does
For an organisation doing business in California (a market of the
organisation, or of one of its activities, covers or includes US-CA, or it is
established there), tests the three
thresholds of a CCPA "business" as of the as-of date and, when none is met,
says so as a note; the module then raises no CCPA findings and no CCPA request
deadlines (Shine the Light and the breach-notice law still apply). The
thresholds are: (A) annual gross revenue above $25,000,000 as adjusted for
inflation ($26,625,000 from 2025-01-01), from `organization.annual_revenue_usd`;
(B) buying, selling or sharing the personal information of 100,000 or more
consumers or households a year (before 2023-01-01, when the CPRA amendments
became operative: 50,000 or more consumers, households or devices), from
`consumers_bought_sold_or_shared` in
`[modules.california]`, else the `organization.subjects_per_year` entry for
US-CA (or US, or `*`) when an activity sells or shares; (C) 50 % or more of
revenue from selling or sharing, from `revenue_percent_from_selling_or_sharing`
in `[modules.california]`.

## Why
The CCPA binds only a "business": a for-profit entity doing business in
California that determines the purposes and means of processing and meets at
least one of the thresholds of Civ. Code §1798.140(d)(1). The revenue figure
is adjusted in January of odd years (§1798.199.95(d)).

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
module applies the CCPA, the conservative reading. The figure adjusted from
2027-01-01 was not found (fact sheet W7): after that date the 2025 figure is
used with a warning.
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
