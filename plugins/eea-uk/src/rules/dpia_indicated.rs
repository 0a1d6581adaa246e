use juris_core::jiff::civil::date;
use juris_core::manifest::Activity;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::taxonomy::is_within;
use juris_core::{CheckContext, Rule, Severity};

/// `eea-uk/dpia-indicated`
pub static RULE: Rule = Rule {
    id: "eea-uk/dpia-indicated",
    title: "Processing likely to need a data protection impact assessment has none",
    citation: "GDPR Art. 35(1), 35(3)(a)-(c), 35(4); UK GDPR Art. 35(1), 35(3)-(4) and the ICO's list",
    severity: Severity::Warning,
    in_force: InForce::from(date(2018, 5, 25)),
    docs: r#"
## What it does
Warns about every activity touching an EEA or UK market that shows a sign
of high risk and has no `impact_assessment` reference:

- profiling or behavioural tracking (the monitoring uses of
  `eea-uk/dpo-missing`): Art. 35(3)(a) and the ICO's "tracking" criterion;
- special-category or criminal-offence data: Art. 35(3)(b), unless
  `[modules.eea-uk] large_scale = false`;
- children's data (`user.childrens`) or precise location
  (`user.location.precise`): the ICO's and EDPB's criteria of vulnerable
  people and tracking;
- training an AI system (`train_ai_system`): innovative technology.

## Why
Where processing is likely to result in a high risk to people's rights and
freedoms, the controller must assess its impact before starting (Art
35(1)); Art. 35(3) names three cases where an assessment is always needed,
and the supervisory authorities' lists (Art. 35(4)) add more. If the risk
stays high, the authority must be consulted first (Art. 36).

## Example
```toml
[[activities]]
id = "interest-ads"
uses = ["marketing.advertising.third_party.targeted"]
# no impact_assessment
```

## How to fix
Carry out the assessment and reference it:
`impact_assessment = "DPIA-2026-07"`. If you concluded that no assessment is
needed, record that screening decision as the reference.

## Uncertainty
The Art. 35(3) cases need "systematic and extensive" evaluation or "large
scale" processing, which the manifest cannot show fully; this is why the
rule warns rather than errs.
"#,
    check,
    fails: include_str!("fixtures/dpia_indicated.fail.toml"),
    passes: include_str!("fixtures/dpia_indicated.pass.toml"),
};

/// Why an activity likely needs an impact assessment, if it does.
pub fn indication(activity: &Activity, large_scale: Option<bool>) -> Option<&'static str> {
    let category = |prefix: &str| activity.data_categories.iter().any(|c| is_within(c.as_str(), prefix));
    if super::dpo_missing::monitors(activity) {
        Some("profiles or tracks people")
    } else if super::dpo_missing::sensitive(activity) && large_scale != Some(false) {
        Some("processes special-category or criminal-offence data")
    } else if category("user.childrens") {
        Some("processes children's data")
    } else if category("user.location.precise") {
        Some("tracks precise location")
    } else if activity.uses.iter().any(|u| is_within(u.as_str(), "train_ai_system")) {
        Some("trains an AI system")
    } else {
        None
    }
}

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let reach = crate::reach(ctx);
    let large_scale = ctx.options::<crate::options::Options>().large_scale;
    let mut out = Vec::new();
    for (i, a) in m.activities.iter().enumerate() {
        if a.impact_assessment.is_some() || reach.of(i).is_empty() {
            continue;
        }
        if let Some(why) = indication(a, large_scale) {
            out.push(
                Violation::new(
                    format!("activities[{i}]"),
                    format!("activity `{}` {why} but references no impact assessment", a.id),
                )
                .help("carry out a DPIA before the processing and set `impact_assessment = \"...\"`"),
            );
        }
    }
    out
}
