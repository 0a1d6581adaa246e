use juris_core::jiff::civil::date;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `eea-uk/retention-undefined`
pub static RULE: Rule = Rule {
    id: "eea-uk/retention-undefined",
    title: "Processing activity without a retention period",
    citation: "GDPR Art. 5(1)(e), Art. 13(2)(a), Art. 30(1)(f); UK GDPR the same articles",
    severity: Severity::Error,
    in_force: InForce::from(date(2018, 5, 25)),
    docs: r#"
## What it does
Flags every processing activity that touches an EEA or UK market and has no
`retention` (a period and the event it runs from).

## Why
Personal data may be kept in identifiable form no longer than necessary for
the purposes (storage limitation, Art. 5(1)(e)). The privacy notice must say
how long data is kept, or the criteria used to decide (Art. 13(2)(a),
14(2)(a)), and the record of processing must give the time limits for
erasure where possible (Art. 30(1)(f)).

## Example
```toml
[[activities]]
id = "support"
name = "Answer support tickets"
# no retention
```

## How to fix
Add the period and its starting event, and why:
`retention = { period = "P2Y", from = "ticket-closure", why = "handling follow-up complaints" }`.
"#,
    check,
    fails: include_str!("fixtures/retention_undefined.fail.toml"),
    passes: include_str!("fixtures/retention_undefined.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let reach = crate::reach(ctx);
    m.activities
        .iter()
        .enumerate()
        .filter(|(i, a)| a.retention.is_none() && !reach.of(*i).is_empty())
        .map(|(i, a)| {
            Violation::new(format!("activities[{i}]"), format!("activity `{}` does not say how long data is kept", a.id))
                .help("add `retention = { period = \"P2Y\", from = \"...\" }`: an ISO 8601 duration and the event it runs from")
        })
        .collect()
}
