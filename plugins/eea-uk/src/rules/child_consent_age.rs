use juris_core::jiff::civil::date;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::taxonomy::is_within;
use juris_core::{CheckContext, Jurisdiction, Rule, Severity};

use crate::data::Certainty;

/// `eea-uk/child-consent-age`
pub static RULE: Rule = Rule {
    id: "eea-uk/child-consent-age",
    title: "Parental consent asked below a lower age than the country's age of digital consent",
    citation: "GDPR Art. 8(1)-(2) and national laws setting the age; UK GDPR Art. 8(1), DPA 2018 s.9",
    severity: Severity::Error,
    in_force: InForce::from(date(2018, 5, 25)),
    docs: r#"
## What it does
Applies when the organisation offers information society services directly
to children on the basis of consent: an activity touching an EEA or UK
market relies on `consent` and processes `user.childrens` data, or
`[modules.eea-uk] offers_services_to_children = true`. Then
`[modules.eea-uk] parental_consent_below` (the age below which the service
asks for a parent's consent) must be at least the age of digital consent of
every EEA or UK country where it does so: the countries of those
activities' markets where their basis is consent, or, with
`offers_services_to_children`, every market of the manifest (the
organisation's and the activities' own).

The ages are dated data from the fact sheet: 16 by default; 13 in BE, DK
(until 2023), FI, SE, and others; 14 in AT, BG, CY, IT, ES; 15 in CZ, DK
(from 1 January 2024), FR, GR; 13 in the UK.

## Why
Where consent is the basis for offering an information society service
directly to a child, processing is lawful only if the child is at least 16,
or the lower age (not below 13) a Member State sets; below it a parent must
give or authorise consent, and the controller must make reasonable efforts
to verify that (Art. 8(2)).

## Example
```toml
[organization]
markets = ["EEA"]

[modules.eea-uk]
offers_services_to_children = true
parental_consent_below = 13   # Germany's age is 16
```

## How to fix
Ask for parental consent below the highest age among the countries served
(`parental_consent_below = 16` covers every EEA country), or gate by
country. A country whose age you have checked to differ can be set with
`child_consent_ages = { ES = 16 }`.

## Uncertainty
Several ages are disputed or single-sourced (EE, LV, LT, MT, PT, SI, ES,
IS, LI, NO) and the UK's may change by regulations under the Children's
Wellbeing and Schools Act 2026 s.72. Where sources conflict the higher age
is used, and findings that rest only on such ages are warnings.
"#,
    check,
    fails: include_str!("fixtures/child_consent_age.fail.toml"),
    passes: include_str!("fixtures/child_consent_age.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let options = ctx.options::<crate::options::Options>();
    // The places where services are offered to children on consent: those
    // of the children's-data activities whose basis there is consent, or
    // every market when the organisation says it offers them.
    let mut places: Vec<Jurisdiction> = Vec::new();
    for a in &m.activities {
        if !a.data_categories.iter().any(|c| is_within(c.as_str(), "user.childrens")) {
            continue;
        }
        for u in crate::bases(m, a).uses.into_iter().filter(|u| u.basis == "consent") {
            places.extend(u.places);
        }
    }
    if options.offers_services_to_children {
        places.extend(crate::all_markets(m));
    }
    if places.is_empty() {
        return Vec::new();
    }
    let Some(gate) = options.parental_consent_below else {
        return vec![
            Violation::new(
                crate::options::TABLE,
                "services are offered to children on consent but the manifest does not say below which age a parent must consent",
            )
            .help("set `[modules.eea-uk] parental_consent_below = 16` (or the highest age of digital consent among the countries served)"),
        ];
    };
    let mut countries: Vec<&str> = places.iter().flat_map(crate::countries).collect();
    countries.sort_unstable();
    countries.dedup();
    let mut below = Vec::new();
    let mut certain = false;
    for country in countries {
        let overridden =
            options.child_consent_ages.iter().find(|(j, _)| j.country().is_some_and(|c| c.code() == country));
        let (age, sure) = match (overridden, crate::data::consent_age(country, ctx.as_of)) {
            (Some((_, age)), _) => (*age, true),
            (None, Some(a)) => (a.age, a.certainty == Certainty::Verified),
            (None, None) => (16, false),
        };
        if gate < age {
            below.push(format!("{country} ({age})"));
            certain |= sure;
        }
    }
    if below.is_empty() {
        return Vec::new();
    }
    let violation = Violation::new(
        format!("{}.parental_consent_below", crate::options::TABLE),
        format!(
            "parental consent is asked only below {gate}, but the age of digital consent is higher in {}",
            below.join(", ")
        ),
    )
    .help("raise `parental_consent_below` to the highest age listed, or gate the service by country");
    vec![if certain { violation } else { violation.severity(Severity::Warning) }]
}
