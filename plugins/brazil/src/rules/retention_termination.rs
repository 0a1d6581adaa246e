use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `brazil/retention-termination`
pub static RULE: Rule = Rule {
    id: "brazil/retention-termination",
    title: "No end of processing defined",
    citation: "LGPD Art. 15 I-IV; Art. 16 I-IV; Art. 9 II",
    severity: Severity::Error,
    in_force: InForce::from(crate::LGPD_IN_FORCE),
    docs: r#"
## What it does
Flags every activity touching Brazil that has no `retention`: no period and no
event from which the end of processing is counted.

## Why
Processing ends when its purpose is achieved or the data is no longer
necessary, when its period ends, on the person's request (including revocation
of consent), or on an ANPD order (Art. 15). The data must then be deleted,
unless it is kept for a legal or regulatory obligation, for research, for a
lawful transfer to a third party, or anonymised for the controller's exclusive
use (Art. 16). The person must be told the duration of processing (Art. 9 II),
which cannot be done without defining it.

## Example
```toml
[[activities]]
id = "newsletter"
uses = ["marketing.communications.email"]
legal_basis = "consent"
# no retention
```

## How to fix
```toml
retention = { period = "P2Y", from = "last-interaction", why = "until consent is revoked or two years of inactivity" }
```
"#,
    check,
    fails: include_str!("fixtures/retention_termination.fail.toml"),
    passes: include_str!("fixtures/retention_termination.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    crate::activities(ctx)
        .filter(|(_, a)| a.retention.is_none())
        .map(|(i, a)| {
            Violation::new(format!("activities[{i}]"), format!("activity `{}` defines no end of processing", a.id))
                .help("add `retention = { period = \"P…\", from = \"…\" }` saying how long the data is kept and from when")
        })
        .collect()
}
