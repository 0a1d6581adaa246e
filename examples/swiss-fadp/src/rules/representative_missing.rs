use juris_core::manifest::ContactRole;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `ch/representative-missing`
pub static RULE: Rule = Rule {
    id: "ch/representative-missing",
    title: "Controller abroad without a published representative in Switzerland",
    citation: "FADP Art. 14-15",
    severity: Severity::Error,
    in_force: InForce::from(crate::FADP_IN_FORCE),
    docs: r#"
## What it does
When the organisation has no establishment in Switzerland (neither in
`organization.established` nor as an entity's `country`) but offers goods or
services there (`CH` among its markets), looks for a contact with
`role = "representative"` acting `for` Switzerland, established in
Switzerland, whose details are `published`. The duty depends on three more
facts, recorded in `[modules.ch]`: `processing_large_scale`,
`processing_regular` and `processing_high_risk`. If any is `false`, nothing
is reported; if all are `true`, a missing representative is an error; if any
is not recorded, it is reported as a warning.

## Why
Private controllers with their registered office or domicile abroad must
appoint a representative in Switzerland if they process personal data of
persons in Switzerland and the processing (a) is connected with offering them
goods or services or monitoring their behaviour, (b) is on a large scale,
(c) is regular and (d) poses a high risk to their personality (FADP
Art. 14(1)); the FDPIC reads the four conditions as cumulative. The
representative is the contact point for the persons concerned and the FDPIC
(Art. 14(2)), and the controller must publish its name and address
(Art. 14(3)).

## Example
```toml
[organization]
established = ["US"]
markets = ["CH", "US"]

[modules.ch]
processing_large_scale = true
processing_regular = true
processing_high_risk = true
# …and no [[contacts]] entry with role = "representative" for CH
```

## How to fix
Appoint a representative in Switzerland, publish its name and address in the
privacy notice, and record it:

```toml
[[contacts]]
role = "representative"
for = ["CH"]
name = "Example Rep AG"
country = "CH"
published = true
```

If the processing is not large scale, not regular or not high risk, record
that fact in `[modules.ch]` instead.

## Facts
Verified: Art. 14(1)-(3) and the FDPIC's cumulative reading. "Offers goods or
services" is taken from `CH` being among the markets; the other three
conditions cannot be derived from the manifest, and when they are not
recorded the conservative default reports the missing representative as a
warning.
"#,
    check,
    fails: include_str!("fixtures/representative_missing.fail.toml"),
    passes: include_str!("fixtures/representative_missing.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let ch = crate::ch();
    if crate::established_in_switzerland(m) || !m.targets(&ch) {
        return Vec::new();
    }
    let o = ctx.options::<crate::options::Options>();
    let criteria = [o.processing_large_scale, o.processing_regular, o.processing_high_risk];
    if criteria.contains(&Some(false)) {
        return Vec::new();
    }
    let (severity, condition) = if criteria.iter().all(|c| *c == Some(true)) {
        (Severity::Error, "")
    } else {
        (
            Severity::Warning,
            " if its processing is large scale, regular and high risk (not all recorded in `[modules.ch]`)",
        )
    };
    let representative = m
        .contacts
        .iter()
        .enumerate()
        .find(|(_, c)| c.role == ContactRole::Representative && c.for_.iter().any(|j| j.covers(&ch)));
    let violation = match representative {
        None => Violation::new(
            "contacts",
            format!("the organisation has no establishment in Switzerland and offers goods or services there, so it must appoint a representative in Switzerland{condition}; none is recorded"),
        )
        .help("appoint a representative in Switzerland and add a `[[contacts]]` entry with `role = \"representative\"`, `for = [\"CH\"]`, `country = \"CH\"` and `published = true`"),
        Some((i, c)) if c.country.as_ref().is_some_and(|country| !ch.covers(country)) => Violation::new(
            format!("contacts[{i}].country"),
            format!("the representative `{}` must be in Switzerland{condition}, not in {}", c.name, c.country.as_ref().map(ToString::to_string).unwrap_or_default()),
        )
        .help("appoint a representative established in Switzerland"),
        Some((i, c)) if !c.published => Violation::new(
            format!("contacts[{i}].published"),
            format!("the name and address of the representative `{}` must be published{condition}", c.name),
        )
        .help("publish the representative's name and address (e.g. in the privacy notice) and set `published = true`"),
        Some(_) => return Vec::new(),
    };
    vec![violation.severity(severity)]
}
