use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::options;

/// `brazil/small-agent-ineligible`
pub static RULE: Rule = Rule {
    id: "brazil/small-agent-ineligible",
    title: "Small-processing-agent status declared but excluded",
    citation: "Res. CD/ANPD 2/2022 Arts. 2, 3 and 4; LC 123/2006 Art. 3 II; LC 182/2021 Art. 4 §1 I",
    severity: Severity::Error,
    in_force: InForce::from(crate::deadlines::RES_2_2022_IN_FORCE),
    docs: r#"
## What it does
When `[modules.brazil]` declares `small_agent = true`, checks the exclusions of
Res. CD/ANPD 2/2022:

- gross revenue (`gross_revenue_brl`) above R$4,800,000 (LC 123/2006 Art. 3 II),
  or R$16,000,000 for a startup (`startup = true`, LC 182/2021);
- an economic group's global revenue (`group_gross_revenue_brl`) above the same
  limit;
- high-risk processing (Art. 4): at least one general criterion (large scale,
  or a significant effect on people's interests and rights, declared in
  `high_risk`) together with at least one specific criterion (emerging
  technology, surveillance of public areas, solely automated decisions, data of
  adolescents or the elderly, all declared in `high_risk`; or sensitive or
  children's data, which the module reads from the activities).

It also warns when the status is declared without `gross_revenue_brl`, since
the ANPD may ask for proof of the status within 15 days (Art. 5).

While the status is excluded, the module applies the ordinary deadlines and
duties.

## Why
Small processing agents get simplified duties and doubled deadlines (Arts. 9-15),
but not when their revenue exceeds the limits or their processing is high-risk
(Art. 3). A mistaken claim makes every deadline the module computes twice too
long.

## Example
```toml
[modules.brazil]
small_agent = true
gross_revenue_brl = 9_000_000   # above R$4.8 million
```

## How to fix
Remove `small_agent = true`, or correct the facts that exclude the status.
"#,
    check,
    fails: include_str!("fixtures/small_agent_ineligible.fail.toml"),
    passes: include_str!("fixtures/small_agent_ineligible.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    if ctx.options_malformed::<options::Options>() {
        return Vec::new();
    }
    let opts = ctx.options::<options::Options>();
    if !opts.small_agent {
        return Vec::new();
    }
    let mut out: Vec<Violation> = options::small_agent_exclusions(m, opts)
        .into_iter()
        .map(|e| {
            Violation::new(e.path, format!("small-processing-agent status does not hold: {}", e.reason))
                .help("remove `small_agent = true` from `[modules.brazil]`: the ordinary deadlines and duties apply")
        })
        .collect();
    if opts.gross_revenue_brl.is_none() {
        out.push(
            Violation::new(
                format!("modules.{}.small_agent", crate::ID),
                "small-processing-agent status is declared without `gross_revenue_brl` to support it",
            )
            .help("add `gross_revenue_brl` (last fiscal year, in reais): the ANPD may ask for proof of the status within 15 days")
            .severity(Severity::Warning),
        );
    }
    out
}
