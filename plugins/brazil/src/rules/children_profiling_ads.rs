use juris_core::jiff::civil::{Date, date};
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::options::processes_childrens_data;

/// The day the ECA Digital (Lei 15.211/2025) came into force: six months
/// after its publication on 17 September 2025 (MP 1.319/2025).
pub const ECA_DIGITAL_IN_FORCE: Date = date(2026, 3, 17);

/// The purposes that profile people for advertising.
const PROFILING_FOR_ADS: &[&str] = &[
    "marketing.advertising.first_party.targeted",
    "marketing.advertising.third_party.targeted",
    "marketing.advertising.profiling",
];

/// `brazil/children-profiling-ads`
pub static RULE: Rule = Rule {
    id: "brazil/children-profiling-ads",
    title: "Children's or adolescents' data profiled for advertising",
    citation: "Lei 15.211/2025 (ECA Digital) Art. 22; LGPD Art. 14 caput",
    severity: Severity::Error,
    in_force: InForce::from(ECA_DIGITAL_IN_FORCE),
    docs: r#"
## What it does
From 17 March 2026, flags every activity the LGPD governs that profiles people
for advertising (`marketing.advertising.first_party.targeted`,
`marketing.advertising.third_party.targeted`, `marketing.advertising.profiling`)
when it processes children's data (`user.childrens`) or when the organisation
offers its services to children (`organization.children.offered_to_children`).
Consent does not cure it.

## Why
The Estatuto Digital da Criança e do Adolescente (Lei 15.211/2025, in force 17
March 2026 under MP 1.319/2025) forbids profiling techniques to direct
commercial advertising to children and adolescents (Art. 22), on top of the
LGPD's rule that their data be processed in their best interest (Art. 14).

## Example
```toml
[organization.children]
offered_to_children = true

[[activities]]
id = "kids-ads"
uses = ["marketing.advertising.third_party.targeted"]
legal_basis = "consent"
```

## How to fix
Stop profiling users under 18 for advertising: serve only contextual ads to
them (`marketing.advertising.first_party.contextual`), and keep targeted
advertising to activities limited to adults.
"#,
    check,
    fails: include_str!("fixtures/children_profiling_ads.fail.toml"),
    passes: include_str!("fixtures/children_profiling_ads.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let offered = m.organization.children.as_ref().is_some_and(|c| c.offered_to_children);
    let mut out = Vec::new();
    for (i, activity) in crate::activities(ctx) {
        let Some(u) = activity.uses.iter().find(|u| PROFILING_FOR_ADS.iter().any(|p| u.is_within(p))) else {
            continue;
        };
        let whose = if processes_childrens_data(activity) {
            "processes children's data"
        } else if offered {
            "belongs to a service offered to children"
        } else {
            continue;
        };
        out.push(
            Violation::new(
                format!("activities[{i}].uses"),
                format!(
                    "activity `{}` {whose} and profiles for advertising (`{}`), which the ECA Digital forbids for children and adolescents since {ECA_DIGITAL_IN_FORCE}",
                    activity.id,
                    u.as_str()
                ),
            )
            .help("stop profiling users under 18 for advertising: show them only contextual ads, and keep targeted advertising to activities limited to adults"),
        );
    }
    out
}
