use juris_core::jiff::civil::date;
use juris_core::manifest::IsoDuration;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::time::{add_days, add_months_clamped};
use juris_core::{CheckContext, Rule, Severity};

use crate::options;

/// `brazil/incident-register`
pub static RULE: Rule = Rule {
    id: "brazil/incident-register",
    title: "No register of security incidents kept for 5 years",
    citation: "Res. CD/ANPD 15/2024 Art. 10; LGPD Art. 48",
    severity: Severity::Error,
    in_force: InForce::from(crate::deadlines::RES_15_2024_IN_FORCE),
    docs: r#"
## What it does
For an organisation the LGPD governs (Arts. 3-4, as for
`brazil/encarregado-missing`), requires `incident_register` in
`[modules.brazil]`, with a `retention` of at least five years whatever day
the entry is registered on (`P5Y`, `P60M`, or in days at least `P1827D`, since
five years can span two 29 Februaries).

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
    if !crate::applies(ctx) || ctx.options_malformed::<options::Options>() {
        return Vec::new();
    }
    let opts = ctx.options::<crate::options::Options>();
    match &opts.incident_register {
        None => vec![
            Violation::new(format!("modules.{}", crate::ID), "no register of security incidents is declared")
                .help("keep a register of every incident for at least five years and declare `incident_register = { retention = \"P5Y\" }` in `[modules.brazil]`"),
        ],
        Some(register) if !at_least_five_years(&register.retention) => vec![
            Violation::new(
                format!("modules.{}.incident_register.retention", crate::ID),
                format!("the incident register is kept for {}, less than the five years required", register.retention),
            )
            .help("keep register entries for at least five years from registration: `retention = \"P5Y\"`"),
        ],
        Some(_) => Vec::new(),
    }
}

/// Whether `retention`, counted from any registration day, lasts at least five
/// years: its months are added first, then its weeks and days, as ISO 8601 reads
/// `PnYnMnWnD`, and compared with the same day five years on over a whole leap
/// cycle of start days.
fn at_least_five_years(retention: &IsoDuration) -> bool {
    let months = retention.months();
    if months >= 60 {
        return true;
    }
    let days = days_part(retention);
    let start = date(2024, 1, 1);
    (0..1461).all(|offset| {
        let registered = add_days(start, offset);
        add_days(add_months_clamped(registered, months), days) >= add_months_clamped(registered, 60)
    })
}

/// The weeks and days of a duration, in days (the text is already validated).
fn days_part(duration: &IsoDuration) -> i64 {
    let mut total = 0i64;
    let mut number = String::new();
    for c in duration.as_str().chars().skip(1) {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let n: i64 = number.parse().unwrap_or(0);
        number.clear();
        match c {
            'W' => total = total.saturating_add(n.saturating_mul(7)),
            'D' => total = total.saturating_add(n),
            _ => {}
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn five(text: &str) -> bool {
        at_least_five_years(&IsoDuration::parse(text).unwrap())
    }

    #[test]
    fn five_years_in_any_unit() {
        for long in ["P5Y", "P60M", "P4Y12M", "P10Y", "P1827D", "P261W", "P4Y11M31D", "P2000D"] {
            assert!(five(long), "{long}");
        }
        // 1826 days fall a day short when the five years hold two 29 Februaries.
        for short in ["P2Y", "P59M", "P1826D", "P4Y11M", "P4Y11M27D", "P260W"] {
            assert!(!five(short), "{short}");
        }
    }
}
