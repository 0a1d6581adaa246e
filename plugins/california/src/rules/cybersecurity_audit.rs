use juris_core::jiff::civil::{Date, date};
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::applicability;

/// The first certifications fall due (11 CCR §7121(a)).
pub const FIRST_DUE: Date = date(2028, 4, 1);

/// The consumers whose personal information, processed in a year, makes a
/// business over the revenue threshold audit itself (§7120(b)(2)(A)).
const CONSUMERS: u64 = 250_000;
/// The consumers whose sensitive personal information does (§7120(b)(2)(B)).
const SENSITIVE_CONSUMERS: u64 = 50_000;

/// `california/cybersecurity-audit`
pub static RULE: Rule = Rule {
    id: "california/cybersecurity-audit",
    title: "Cybersecurity audit certification not submitted when due",
    citation: "Civ. Code §1798.185(a)(15)(A); 11 CCR §§7120, 7121, 7124",
    severity: Severity::Error,
    in_force: InForce::from(FIRST_DUE),
    docs: r#"
## What it does
When the CCPA applies and processing presents significant risk to security
(11 CCR §7120(b)): 50 % or more of revenue comes from selling or sharing
(`revenue_percent_from_selling_or_sharing`), or revenue exceeds the
§1798.140(d)(1)(A) threshold and the personal information of 250,000 or more
consumers (or the sensitive personal information of 50,000 or more) is
processed a year, as `organization.subjects_per_year` shows for US-CA. The
first certification falls due, by the revenue of 2026
(`organization.annual_revenue_usd`), on 2028-04-01 (over $100 million),
2029-04-01 ($50-100 million) or 2030-04-01 (under $50 million), each covering
the year before, and yearly after. The rule checks that
`cybersecurity_audit_certified_year` in `[modules.california]` is the year the
latest certification due covers.

## Why
The CCPA regulations approved on 2025-09-23 require a business whose
processing presents significant risk to consumers' security to complete an
independent cybersecurity audit every year and submit a certification of
completion to the CPPA by 1 April (§§7120-7124), phased in by revenue:
<https://cppa.ca.gov/announcements/2025/20250923.html>.

## Example
```toml
[organization]
annual_revenue_usd = 400_000_000
subjects_per_year = { "US-CA" = 2_000_000 }
```

## How to fix
Have a qualified, independent auditor audit the cybersecurity program, submit
the certification by 1 April, and set `cybersecurity_audit_certified_year`.

## Uncertainty
The revenue tier is read from the revenue the manifest gives today, for want
of the 2026 figure. A business with no revenue given is put in the first tier,
the conservative reading.
"#,
    check,
    fails: include_str!("fixtures/cybersecurity_audit.fail.toml"),
    passes: include_str!("fixtures/cybersecurity_audit.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let Some(options) = super::ccpa(ctx) else { return Vec::new() };
    let m = &ctx.manifest;
    let revenue = m.organization.annual_revenue_usd;
    let share = options.revenue_percent_from_selling_or_sharing.is_some_and(|p| p >= 50.0);
    let over = revenue.is_some_and(|r| r > applicability::revenue_threshold(ctx.as_of));
    let people = applicability::californians_per_year(m).unwrap_or(0);
    let sensitive = crate::applicability::covered_activities(m, &options)
        .any(|(_, a)| !crate::sensitive::sensitive_categories(m, &options, a, ctx.as_of).is_empty());
    let volume = people >= CONSUMERS || (sensitive && people >= SENSITIVE_CONSUMERS);
    if !(share || (over && volume)) {
        return Vec::new();
    }
    let first_due_year: i16 = match revenue {
        Some(r) if r < 50_000_000 => 2030,
        Some(r) if r <= 100_000_000 => 2029,
        _ => 2028,
    };
    let year = ctx.as_of.year();
    let due_passed_this_year = ctx.as_of >= date(year, 4, 1);
    let latest_due = if due_passed_this_year { year } else { year - 1 };
    if latest_due < first_due_year {
        return Vec::new();
    }
    let covers = latest_due - 1;
    match options.cybersecurity_audit_certified_year {
        Some(y) if y >= covers => Vec::new(),
        certified => vec![
            Violation::new(
                "modules.california",
                format!(
                    "the cybersecurity audit certification for {covers}, due to the CPPA by {latest_due}-04-01, is not recorded as submitted{} (11 CCR §7121)",
                    certified.map(|y| format!(" (the latest is for {y})")).unwrap_or_default()
                ),
            )
            .help(format!("complete the audit, submit the certification and set `cybersecurity_audit_certified_year = {covers}` in `[modules.california]`")),
        ],
    }
}
