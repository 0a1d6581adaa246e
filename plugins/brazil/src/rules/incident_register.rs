use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::options;

/// `brazil/incident-register`
pub static RULE: Rule = Rule {
    id: "brazil/incident-register",
    title: "No register of security incidents kept for 5 years",
    citation: "Res. CD/ANPD 15/2024 Art. 10; LGPD Art. 48",
    severity: Severity::Error,
    in_force_from: Some(crate::deadlines::RES_15_2024_IN_FORCE),
    in_force_until: None,
    docs: r#"
## What it does
For an organisation serving Brazil, requires `incident_register` in
`[modules.brazil]`, with a `retention` of at least five years (`P5Y`, or
`P60M`).

## Why
The controller must keep a register of security incidents, including those
not notified to the ANPD or the people affected, for at least five years from
the registration (Res. CD/ANPD 15/2024 Art. 10).

## Example
```toml
[modules.brazil]
incident_register = { retention = "P2Y" }   # shorter than five years
```

## How to fix
```toml
[modules.brazil]
incident_register = { retention = "P5Y", location = "security incident log in the GRC tool" }
```
"#,
    check,
    fails: include_str!("fixtures/incident_register.fail.toml"),
    passes: include_str!("fixtures/incident_register.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    if !crate::applies(m) || options::parse(m).is_err() {
        return Vec::new();
    }
    let opts = options::or_default(m);
    match opts.incident_register {
        None => vec![
            Violation::new(format!("modules.{}", crate::ID), "no register of security incidents is declared")
                .help("keep a register of every incident for at least five years and declare `incident_register = { retention = \"P5Y\" }` in `[modules.brazil]`"),
        ],
        Some(register) if register.retention.months() < 60 => vec![
            Violation::new(
                format!("modules.{}.incident_register.retention", crate::ID),
                format!("the incident register is kept for {}, less than the five years required", register.retention),
            )
            .help("keep register entries for at least five years from registration: `retention = \"P5Y\"`"),
        ],
        Some(_) => Vec::new(),
    }
}
