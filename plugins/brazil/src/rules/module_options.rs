use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `brazil/module-options`
pub static RULE: Rule = Rule {
    id: "brazil/module-options",
    title: "Malformed `[modules.brazil]` table",
    citation: "juris manifest schema 1, `[modules.<id>]`; the facts it holds come from Res. CD/ANPD 2/2022, 15/2024 and 19/2024 and LGPD Art. 19",
    severity: Severity::Error,
    in_force_from: None,
    in_force_until: None,
    docs: r#"
## What it does
Checks that the `[modules.brazil]` table, which holds the facts only the Brazil
module reads, has only known keys with values of the right type.

## Why
The table declares small-processing-agent status (which doubles deadlines and
lifts duties), the unit of LGPD Art. 19's 15 days, the transfer transparency
page and the incident register. A misspelt key would be silently ignored and
the module would judge the manifest on defaults, so it is an error instead.

## Example
```toml
[modules.brazil]
small_agnet = true        # misspelt
access_days = "weekdays"  # not "calendar" or "business"
```

## How to fix
Use the keys the module knows, with these shapes:

```toml
[modules.brazil]
small_agent = true                 # Res. CD/ANPD 2/2022
startup = false                    # LC 182/2021 startup
gross_revenue_brl = 3_200_000      # last fiscal year, in reais
group_gross_revenue_brl = 3_200_000
high_risk = { large_scale = false, significant_effect = false, emerging_technology = false, public_surveillance = false, automated_decisions = false, adolescents_or_elderly = false }
access_days = "calendar"           # or "business"
transfer_transparency_page = "https://example.com/pt-br/transferencias"
incident_register = { retention = "P5Y", location = "GRC tool" }
best_interest_assessments = { "kids-club" = "docs/best-interest.pdf" }
```

## Uncertainty
LGPD Art. 19 II gives "15 (quinze) dias" without saying whether they are
calendar or business days (fact sheet BR-DSR-02u, UNVERIFIED: sources
conflict). The module counts calendar days by default, the conservative
reading and the one the ANPD's own standard clauses use ("15 dias contínuos",
Res. CD/ANPD 19/2024 Annex II cl. 15.2); `access_days = "business"` counts
business days instead. Whether a last day on a weekend or holiday moves to the
next business day (Código Civil Art. 132 §1) is also unsettled for Art. 19
(BR-DSR-03, UNVERIFIED): the module keeps the last day itself and warns of the
later date.
"#,
    check,
    fails: include_str!("fixtures/module_options.fail.toml"),
    passes: include_str!("fixtures/module_options.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    match crate::options::parse(&ctx.manifest) {
        Ok(_) => Vec::new(),
        Err(e) => vec![
            Violation::new(format!("modules.{}", crate::ID), format!("`[modules.brazil]` is malformed: {e}")).help(
                "fix the table as `juris explain brazil/module-options` shows; until then the module uses its defaults",
            ),
        ],
    }
}
