use juris_core::jiff::civil::date;
use juris_core::manifest::ContactRole;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Jurisdiction, Rule, Severity};

use crate::data::Regime;

/// `eea-uk/representative-missing`
pub static RULE: Rule = Rule {
    id: "eea-uk/representative-missing",
    title: "No representative in the EEA or UK for an organisation established outside it",
    citation: "GDPR Art. 27(1)-(3), Art. 3(2); UK GDPR Art. 27(1)-(3)",
    severity: Severity::Error,
    in_force: InForce::from(date(2018, 5, 25)),
    docs: r#"
## What it does
When the organisation (or one of its activities) targets the EEA (or GB)
but neither
`organization.established` nor any entity's `country` is in the EEA (or
GB), looks for a `[[contacts]]` entry with `role = "representative"` whose
`for` covers that market, and checks that its `country` is inside it.

## Why
A controller or processor not established in the Union that offers goods or
services to people there, or monitors their behaviour (Art. 3(2)), must
designate in writing a representative established in a Member State where
those people are (Art. 27(1), (3)). The representative is the contact point
for authorities and people. The UK GDPR has the same rule for the UK.

## Example
```toml
[organization]
established = ["SG"]
markets = ["EEA", "GB"]
# no [[contacts]] with role = "representative"
```

## How to fix
Appoint a representative and record it:

```toml
[[contacts]]
role = "representative"
for = ["EEA"]
name = "Example EU Representative Ltd"
country = "IE"
```

Public authorities, and organisations whose processing is occasional, does
not include large-scale special-category or criminal data and is unlikely
to result in a risk, are exempt (Art. 27(2)): say so with `[modules.eea-uk]
public_authority = true` or `occasional_processing = true`.

## Uncertainty
Sources conflict on whether the Data (Use and Access) Act 2025 removed the
UK representative (fact sheet W4). The requirement is kept, as a warning;
`[modules.eea-uk] uk_representative_required = false` turns it off.
"#,
    check,
    fails: include_str!("fixtures/representative_missing.fail.toml"),
    passes: include_str!("fixtures/representative_missing.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let options = ctx.options::<crate::options::Options>();
    if options.public_authority || options.occasional_processing {
        return Vec::new();
    }
    let mut out = Vec::new();
    for regime in crate::manifest_regimes(m) {
        if crate::established_in(m, regime) {
            continue;
        }
        let (place, severity) = match regime {
            Regime::Eea => ("EEA", Severity::Error),
            Regime::Uk if options.uk_representative_required == Some(false) => continue,
            Regime::Uk => ("GB", Severity::Warning),
        };
        let area: Jurisdiction = place.parse().expect("EEA and GB are jurisdictions");
        let inside = |j: &Jurisdiction| j.country().is_some_and(|c| area.covers(&Jurisdiction::Country(c)));
        // A representative established inside the area, if one is named;
        // else the first named for it (to say what is wrong with it).
        let named = || {
            m.contacts
                .iter()
                .enumerate()
                .filter(|(_, c)| c.role == ContactRole::Representative && c.for_.iter().any(|f| f.overlaps(&area)))
        };
        let representative = named().find(|(_, c)| c.country.as_ref().is_some_and(inside)).or_else(|| named().next());
        let violation = match representative {
            None => Violation::new(
                "contacts",
                format!(
                    "the organisation is not established in {} but targets it and names no representative there",
                    regime.name()
                ),
            )
            .help(format!("add a `[[contacts]]` entry with `role = \"representative\"`, `for = [\"{place}\"]` and the country it is established in")),
            Some((i, c)) => match &c.country {
                Some(country) if inside(country) => continue,
                Some(country) => Violation::new(
                    format!("contacts[{i}].country"),
                    format!("the representative for {} is established in {country}, outside it", regime.name()),
                )
                .help(format!("appoint a representative established in {} where the people concerned are", regime.name())),
                None => Violation::new(
                    format!("contacts[{i}]"),
                    format!("the representative for {} does not say where it is established", regime.name()),
                )
                .help("add `country = \"..\"`: the representative must be established where the people concerned are"),
            },
        };
        out.push(violation.severity(severity));
    }
    out
}
