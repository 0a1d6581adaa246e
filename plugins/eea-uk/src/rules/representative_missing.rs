use juris_core::jiff::civil::date;
use juris_core::manifest::ContactRole;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Jurisdiction, Rule, Severity};

use crate::applicability::{self, Ground};
use crate::data::Regime;

/// `eea-uk/representative-missing`
pub static RULE: Rule = Rule {
    id: "eea-uk/representative-missing",
    title: "No representative in the EEA or UK for an organisation established outside it",
    citation: "GDPR Art. 27(1)-(3), Art. 3(2); UK GDPR Art. 27(1)-(3), Art. 3(2)",
    severity: Severity::Error,
    in_force: InForce::from(date(2018, 5, 25)),
    docs: r#"
## What it does
When the GDPR (or the UK GDPR) applies only through Art. 3(2), that is the
organisation (or one of its activities or entities) targets people in the
EEA (or GB) but neither `organization.established` nor any entity's
`country` is there (see `juris explain eea-uk/territorial-scope`), looks
for a `[[contacts]]` entry with `role = "representative"` whose `for`
covers that territory, and checks that its `country` is one of the Member
States where the people targeted are (Art. 27(3)): with `markets = ["FR",
"DE"]`, a representative in Ireland does not do.

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
to result in a risk, are exempt (Art. 27(2)): say so with
`organization.public_body = true` (or `[modules.eea-uk] public_authority =
true`) or `[modules.eea-uk] occasional_processing = true`.

## Facts
UK GDPR Art. 27 is unchanged by the Data (Use and Access) Act 2025: no
section of the Act amends it (the removal proposed by the earlier Data
Protection and Digital Information Bill lapsed with that Bill in 2024), so
the UK representative is required as the EU one is.
`[modules.eea-uk] uk_representative_required = false` silences the UK check.
"#,
    check,
    fails: include_str!("fixtures/representative_missing.fail.toml"),
    passes: include_str!("fixtures/representative_missing.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let on = ctx.as_of;
    let options = ctx.options::<crate::options::Options>();
    if options.public_body(m) || options.occasional_processing {
        return Vec::new();
    }
    let mut out = Vec::new();
    for regime in [Regime::Eea, Regime::Uk] {
        // Art. 27 applies only where Art. 3(2) does: no establishment.
        let Some(Ground::Targeting(targeted)) = applicability::ground(m, regime, on) else { continue };
        if regime == Regime::Uk && options.uk_representative_required == Some(false) {
            continue;
        }
        let area = applicability::area(regime);
        let place = match regime {
            Regime::Eea => "EEA",
            Regime::Uk => "GB",
        };
        // Art. 27(3): in one of the Member States where the people are.
        let where_people_are = |country: &Jurisdiction| {
            country.country().is_some_and(|c| {
                let here = Jurisdiction::Country(c);
                applicability::regimes(&here, on).contains(&regime) && targeted.iter().any(|t| t.covers(&here))
            })
        };
        let named = || {
            m.contacts
                .iter()
                .enumerate()
                .filter(|(_, c)| c.role == ContactRole::Representative && c.for_.iter().any(|f| f.overlaps(&area)))
        };
        let representative =
            named().find(|(_, c)| c.country.as_ref().is_some_and(where_people_are)).or_else(|| named().next());
        let people = crate::name_places(&crate::places_within(&targeted, std::iter::empty()));
        let violation = match representative {
            None => Violation::new(
                "contacts",
                format!(
                    "the organisation is not established in {} but targets people there and names no representative",
                    regime.name()
                ),
            )
            .help(format!("add a `[[contacts]]` entry with `role = \"representative\"`, `for = [\"{place}\"]` and the country it is established in")),
            Some((i, c)) => match &c.country {
                Some(country) if where_people_are(country) => continue,
                Some(country) if applicability::regimes(country, on).contains(&regime) => Violation::new(
                    format!("contacts[{i}].country"),
                    format!(
                        "the representative for {} is established in {country}, where none of the people targeted are ({people})",
                        regime.name()
                    ),
                )
                .help(format!("appoint a representative established in one of: {people} (Art. 27(3))")),
                Some(country) => Violation::new(
                    format!("contacts[{i}].country"),
                    format!("the representative for {} is established in {country}, outside it", regime.name()),
                )
                .help(format!("appoint a representative established in one of: {people} (Art. 27(3))")),
                None => Violation::new(
                    format!("contacts[{i}]"),
                    format!("the representative for {} does not say where it is established", regime.name()),
                )
                .help("add `country = \"..\"`: the representative must be established where the people concerned are"),
            },
        };
        out.push(violation);
    }
    out
}
