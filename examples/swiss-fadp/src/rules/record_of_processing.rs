use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `ch/record-of-processing`
pub static RULE: Rule = Rule {
    id: "ch/record-of-processing",
    title: "Record of processing activities missing or incomplete",
    citation: "FADP Art. 12; DPO Art. 24",
    severity: Severity::Warning,
    in_force: InForce::from(crate::FADP_IN_FORCE),
    docs: r#"
## What it does
Decides whether the organisation must keep a record of processing activities
and, if so, checks the manifest's `[[activities]]` (the record) for the
activities touching Switzerland: an organisation in scope with no activity
recorded at all is an error; an activity without a `retention` period is a
warning.

The exemption of DPO Art. 24 applies when `organization.employees` is below
250, unless an activity processes sensitive personal data (FADP Art. 5(c):
health, biometric, genetic, criminal, political, religious, racial or
ethnic, sexual orientation) and `[modules.ch] processing_large_scale` is not
`false`, or high-risk profiling is carried out: `high_risk_profiling = true`,
or an activity has a profiling use (`personalize.profiling`,
`marketing.advertising.profiling`, …) and `high_risk_profiling` is not
`false`.

## Why
Controllers and processors must each keep a record of their processing
activities (FADP Art. 12(1)). The controller's record contains at least its
identity, the purpose, the categories of persons and of personal data, the
categories of recipients, if possible the retention period or the criteria
for it, if possible a general description of the security measures and, if
data is disclosed abroad, the State and the safeguards (Art. 12(2)).
Enterprises with fewer than 250 employees on 1 January of a year, and natural
persons, are exempt unless they process sensitive personal data on a large
scale or carry out high-risk profiling (DPO Art. 24, under Art. 12(5)).

## Example
```toml
[organization]
employees = 400

[[activities]]
id = "orders"
# …no retention
```

## How to fix
Record every processing activity touching Switzerland in `[[activities]]`, and
give each a `retention` (`period` and `from`), or the criteria that determine
it in `why`.

## Facts
Verified: DPO Art. 24 (the 250-employee threshold on 1 January and its two
exceptions). UNVERIFIED: the list of contents of Art. 12(2), taken from the
author's reading of the Act. Conservative defaults: an unknown number of
employees is taken to be 250 or more; sensitive data is taken to be processed
on a large scale unless `processing_large_scale = false`; a profiling use is
taken to be high-risk profiling unless `high_risk_profiling = false`.
"#,
    check,
    fails: include_str!("fixtures/record_of_processing.fail.toml"),
    passes: include_str!("fixtures/record_of_processing.pass.toml"),
};

/// Profiling uses in the fideslang taxonomy.
const PROFILING_USES: [&str; 4] = [
    "personalize.profiling",
    "personalize.content.profiling",
    "personalize.content.profiled",
    "marketing.advertising.profiling",
];

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    if !crate::in_scope(m) {
        return Vec::new();
    }
    let activities = super::swiss_activities(m);
    let o = ctx.options::<crate::options::Options>();
    let sensitive_large_scale = o.processing_large_scale != Some(false)
        && activities.iter().any(|(_, a)| super::sensitive_category(a).is_some());
    let profiling = o.high_risk_profiling == Some(true)
        || (o.high_risk_profiling.is_none()
            && activities.iter().any(|(_, a)| a.uses.iter().any(|u| PROFILING_USES.iter().any(|p| u.is_within(p)))));
    let why = match m.organization.employees {
        Some(n) if n < 250 && !sensitive_large_scale && !profiling => return Vec::new(),
        Some(n) if n >= 250 => format!("the organisation has {n} employees (250 or more)"),
        Some(n) if sensitive_large_scale => {
            format!("the organisation has {n} employees, but processes sensitive personal data on a large scale")
        }
        Some(n) => format!("the organisation has {n} employees, but carries out high-risk profiling"),
        None => "the number of employees is not recorded (`organization.employees`), so the exemption for fewer than 250 cannot be assumed".to_string(),
    };
    if activities.is_empty() {
        return vec![
            Violation::new("activities", format!("{why}, so it must keep a record of processing activities, and none touching Switzerland is recorded"))
                .help("record each processing activity touching Switzerland in `[[activities]]`")
                .severity(Severity::Error),
        ];
    }
    activities
        .iter()
        .filter(|(_, a)| a.retention.is_none())
        .map(|(i, a)| {
            Violation::new(
                format!("activities[{i}]"),
                format!("{why}, so its record of processing must give, where possible, the retention period of `{}`, and none is recorded", a.id),
            )
            .help("add `retention = { period = \"P2Y\", from = \"…\" }` to the activity, or the criteria for the period in `why`")
        })
        .collect()
}
