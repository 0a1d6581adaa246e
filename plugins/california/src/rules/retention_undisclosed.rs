use juris_core::jiff::civil::date;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `california/retention-undisclosed`
pub static RULE: Rule = Rule {
    id: "california/retention-undisclosed",
    title: "Retention period not disclosed for a category of personal information",
    citation: "Civ. Code §1798.100(a)(3); 11 CCR §7012(e)(6)",
    severity: Severity::Error,
    in_force: InForce::from(date(2023, 1, 1)),
    docs: r#"
## What it does
When the CCPA applies, flags every activity that touches California and gives
no `retention` (how long its categories of personal information are kept).

## Why
The notice at collection must state, for each category of personal
information, including sensitive personal information, how long the business
intends to keep it, or the criteria used to decide, and no category may be kept
longer than reasonably necessary for the disclosed purpose (Civ. Code
§1798.100(a)(3), added by the CPRA, operative 2023-01-01; 11 CCR §7012).

## Example
```toml
[[activities]]
id = "orders"
data_categories = ["user.contact.address", "user.financial.credit_card"]
# no retention
```

## How to fix
Add `retention = { period = "P6Y", from = "order-date", why = "tax law" }` to the
activity and disclose the same period in the notice at collection and the
privacy policy.
"#,
    check,
    fails: include_str!("fixtures/retention_undisclosed.fail.toml"),
    passes: include_str!("fixtures/retention_undisclosed.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    if super::ccpa(ctx).is_none() {
        return Vec::new();
    }
    let m = &ctx.manifest;
    let ca = crate::us_ca();
    m.activities
        .iter()
        .enumerate()
        .filter(|(_, a)| a.retention.is_none() && m.activity_touches(a, &ca))
        .map(|(i, a)| {
            Violation::new(
                format!("activities[{i}]"),
                format!(
                    "activity `{}` discloses no retention period for the personal information of Californians",
                    a.id
                ),
            )
            .help("add `retention = { period = \"P2Y\", from = \"...\" }` and state it in the notice at collection")
        })
        .collect()
}
