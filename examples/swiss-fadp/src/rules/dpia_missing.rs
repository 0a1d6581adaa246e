use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `ch/dpia-missing`
pub static RULE: Rule = Rule {
    id: "ch/dpia-missing",
    title: "Sensitive personal data processed without a data protection impact assessment",
    citation: "FADP Art. 22",
    severity: Severity::Warning,
    in_force: InForce::from(crate::FADP_IN_FORCE),
    docs: r#"
## What it does
Warns about each activity touching Switzerland that processes sensitive
personal data (FADP Art. 5(c): health, biometric, genetic, criminal,
political, religious, racial or ethnic, sexual orientation) and records no
`impact_assessment`, unless `[modules.ch] processing_large_scale = false`.

## Why
If processing is likely to result in a high risk to the personality or
fundamental rights of the persons concerned, the controller must carry out a
data protection impact assessment beforehand (FADP Art. 22(1)). A high risk
arises in particular from the large-scale processing of sensitive personal
data (Art. 22(2)(a)). The assessment describes the processing, evaluates the
risks and describes the protective measures (Art. 22(3)). Private
controllers processing under a legal obligation, or using a certified system
or an approved code of conduct, are exempt (Art. 22(4)-(5)).

## Example
```toml
[[activities]]
id = "telehealth"
data_categories = ["user.health_and_medical"]
# no impact_assessment
```

## How to fix
Carry out the assessment before the processing starts, record a reference to
it in `impact_assessment`, and consult the FDPIC if it shows a high residual
risk (Art. 23). If the processing is not large scale, set
`[modules.ch] processing_large_scale = false`.

## Facts
Verified: Art. 22(1)-(5). Whether a processing is "large scale" or otherwise
high risk cannot be read from the manifest; the rule is a warning for that
reason, and assumes large scale unless told otherwise (the conservative
default). The exemptions of Art. 22(4)-(5) are not modelled.
"#,
    check,
    fails: include_str!("fixtures/dpia_missing.fail.toml"),
    passes: include_str!("fixtures/dpia_missing.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    if ctx.options::<crate::options::Options>().processing_large_scale == Some(false) {
        return Vec::new();
    }
    super::swiss_activities(m)
        .into_iter()
        .filter(|(_, a)| a.impact_assessment.is_none())
        .filter_map(|(i, a)| super::sensitive_category(a).map(|c| (i, a, c)))
        .map(|(i, a, c)| {
            Violation::new(
                format!("activities[{i}].impact_assessment"),
                format!("activity `{}` processes sensitive personal data (`{}`) of persons in Switzerland without a recorded data protection impact assessment", a.id, c.as_str()),
            )
            .help("carry out a data protection impact assessment and set `impact_assessment` to its reference")
        })
        .collect()
}
