use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::applicability::{self, Ground};
use crate::data::Regime;

/// `eea-uk/territorial-scope`
pub static RULE: Rule = Rule {
    id: "eea-uk/territorial-scope",
    title: "The GDPR or UK GDPR applies through an establishment although no market is there",
    citation: "GDPR Art. 3(1)-(2); UK GDPR Art. 3(1)-(2); EDPB Guidelines 3/2018 on territorial scope",
    severity: Severity::Note,
    in_force: InForce::from(applicability::GDPR_FROM),
    docs: r#"
## What it does
States the module's one applicability model, which every rule and `juris
resolve` use, and notes when the manifest's markets alone would hide it:
the organisation is established in the EEA (or the UK) but none of its
markets, its activities' markets or its entities' places is there.

The model:

1. **Establishment** (Art. 3(1)). The law applies to processing in the
   context of the activities of an establishment in the territory,
   whether or not the processing takes place there and whoever the people
   are. `organization.established` in the territory brings every activity
   into scope; an entity (`entities[].country`) in the territory brings the
   activities whose markets overlap the places it `serves`.
2. **Targeting and monitoring** (Art. 3(2)(a)-(b)). Without an
   establishment, the law applies to processing related to offering goods
   or services to people in the territory, or monitoring their behaviour
   there: `organization.markets`, `activities[].markets`, and the places an
   entity `serves` (other than a default `*`). Such an organisation needs a
   representative (Art. 27; `eea-uk/representative-missing`).
3. **Storage is not a ground.** Where a system stores data
   (`systems[].locations`) and whose data it holds (`systems[].holds`)
   never make the law apply by themselves. A US-only business whose
   database holds `["*"]` is outside both laws, and has no transfers under
   Chapter V (EDPB Guidelines 05/2021: a transfer needs an exporter subject
   to the GDPR).
4. **Dates.** The GDPR applies from 2018-05-25; until 2020-12-31 the UK was
   a Member State or in the transition period, so GB is judged under the
   GDPR before 2021-01-01 and under the UK GDPR from then.

Each rule then works on what the law reaches: activity rules on the
activities in scope, transfer rules on the data of those activities,
organisation duties (records, rights, DPO, complaints) when the law applies
at all.

## Why
Scope decided differently from rule to rule gives contradictory answers;
Art. 3 is the single test. An EEA company that sells only to the US is
still a GDPR controller for that processing (Art. 3(1)); a foreign company
that only stores EEA people's data it did not obtain by targeting them is
not.

## Example
```toml
[organization]
established = ["DE"]
markets = ["US"]
```

## How to fix
Nothing to fix: the note says that the GDPR (or UK GDPR) applies. If the
establishment is wrong, correct `organization.established` or the entity's
`country`.
"#,
    check,
    fails: include_str!("fixtures/territorial_scope.fail.toml"),
    passes: include_str!("fixtures/territorial_scope.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let on = ctx.as_of;
    let offered = applicability::offered_places(m);
    let mut out = Vec::new();
    for regime in [Regime::Eea, Regime::Uk] {
        let Some(ground @ Ground::Establishment(..)) = applicability::ground(m, regime, on) else { continue };
        if offered.iter().any(|p| applicability::regimes(p, on).contains(&regime)) {
            continue;
        }
        let path = match ground {
            Ground::Establishment(_, true) => "organization.established",
            _ => "entities",
        };
        out.push(
            Violation::new(
                path,
                format!(
                    "the {} applies to the organisation's processing although no market is in {}: {}",
                    applicability::law(regime),
                    regime.name(),
                    ground.describe(regime)
                ),
            )
            .help("nothing to fix if this is right: rules apply the law to every activity in the context of that establishment"),
        );
    }
    out
}
