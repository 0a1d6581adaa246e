use juris_core::jiff::civil::date;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `california/financial-incentive-notice`
pub static RULE: Rule = Rule {
    id: "california/financial-incentive-notice",
    title: "Financial incentive offered without a notice of financial incentive",
    citation: "Civ. Code §1798.125(b); 11 CCR §7016",
    severity: Severity::Error,
    in_force: InForce::from(date(2020, 1, 1)),
    docs: r#"
## What it does
When the CCPA applies, checks each loyalty programme or other financial
incentive declared in `[[modules.california.financial_incentives]]`: it must
have `notice = true`.

## Why
A business may offer a financial incentive, or a different price or service,
for the collection, retention, sale or sharing of personal information only
with a notice of financial incentive given before the consumer opts in, and
only with the consumer's prior opt-in consent, revocable at any time (Civ. Code
§1798.125(b)). 11 CCR §7016 sets the notice's content: a summary of the
incentive, the categories of personal information involved, how to opt in and
withdraw, and a good-faith estimate of the value of the consumer's data and
how it was calculated.

## Example
```toml
[[modules.california.financial_incentives]]
name = "Rewards club"
notice = false
```

## How to fix
Publish the notice of financial incentive (linked from the sign-up page and
the privacy policy), obtain opt-in consent before enrolment, and set
`notice = true`.

## Uncertainty
§7016 sets the notice itself; 11 CCR §§7080-7081 set how the value of the
consumer's data is estimated and when a price or service difference is
discriminatory, which the manifest cannot show.
"#,
    check,
    fails: include_str!("fixtures/financial_incentive_notice.fail.toml"),
    passes: include_str!("fixtures/financial_incentive_notice.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let Some(options) = super::ccpa(ctx) else { return Vec::new() };
    options
        .financial_incentives
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.notice)
        .map(|(i, f)| {
            Violation::new(
                format!("modules.california.financial_incentives[{i}].notice"),
                format!("the financial incentive `{}` is offered without a notice of financial incentive", f.name),
            )
            .help("publish a notice with the content of 11 CCR §7016, get opt-in consent before enrolment, and set `notice = true`")
        })
        .collect()
}
