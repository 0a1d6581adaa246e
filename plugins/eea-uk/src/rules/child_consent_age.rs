use juris_core::jiff::civil::date;
use juris_core::manifest::{Activity, AgeAssurance};
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
Art. 8 applies only where **consent** (Art. 6(1)(a)) is the basis for
offering an information society service directly to a child. The rule
finds the places where that is so: an activity the GDPR or UK GDPR applies
to relies on `consent` there and either processes `user.childrens` data or
the organisation offers its services to children
(`organization.children.offered_to_children`, or `[modules.eea-uk]
offers_services_to_children`); activities about staff, applicants,
shareholders or suppliers only are left out. An activity on `contract` or
another basis is not subject to Art. 8 (Art. 8(3) leaves contract law
unaffected).

For each country there, the age below which the service asks for a
parent's consent (`organization.children.parental_consent_below = { DE = 16
}`, the most specific entry covering the country, else `[modules.eea-uk]
parental_consent_below`) must be at least the country's age of digital
consent. A country is left out when the service's own minimum age
(`organization.children.minimum_age`) is at least that age, unless
`age_assurance = "none"` says nobody's age is checked.

The ages are dated data, each with the national provision: 16 by default;
13 in BE, DK (until 2023), EE, FI, IS, LV, MT, NO, PT, SE and the UK; 14
in AT, BG, CY, IT, LT, ES; 15 in CZ, DK (from 1 January 2024), FR, GR, SI
(from 26 January 2023). The EU figures agree with the Commission's table in
SWD(2020) 115 final (24 June 2020), p. 17.

## Why
Where consent is the basis for offering an information society service
directly to a child, processing is lawful only if the child is at least 16,
or the lower age (not below 13) a Member State sets; below it a parent must
give or authorise consent, and the controller must make reasonable efforts
to verify that (Art. 8(1)-(2)).

## Example
```toml
[organization]
markets = ["EEA"]
children = { offered_to_children = true }

[[activities]]
legal_basis = "consent"

[modules.eea-uk]
parental_consent_below = 13   # Germany's age is 16
```

## How to fix
Ask for parental consent below the highest age among the countries served
(`parental_consent_below = 16` covers every EEA country), or gate by
country with `organization.children.parental_consent_below`. A country whose
age you have checked to differ can be set with `[modules.eea-uk]
child_consent_ages = { ES = 16 }`.

## Uncertainty
Liechtenstein's and Iceland's provisions were not confirmed against the
acts, Norway has a bill to raise its age to 15, and the UK's may change
by regulations under the Children's Wellbeing and Schools Act 2026 s.72
(none made as of 2026-12-01). Findings that rest only on those ages are
warnings.
"#,
    check,
    fails: include_str!("fixtures/child_consent_age.fail.toml"),
    passes: include_str!("fixtures/child_consent_age.pass.toml"),
};

/// Data subjects whose activities are not services offered to children.
const NOT_CHILDREN: [&str; 5] = ["employee", "job_applicant", "shareholder", "supplier_vendor", "consultant"];

fn about_users(a: &Activity) -> bool {
    a.data_subjects.is_empty() || a.data_subjects.iter().any(|s| !NOT_CHILDREN.contains(&s.as_str()))
}

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let on = ctx.as_of;
    let reach = crate::reach(ctx);
    let options = ctx.options::<crate::options::Options>();
    let offered = options.offered_to_children(m);
    let children = m.organization.children.as_ref();
    // The places where a service is offered to children on consent.
    let mut places: Vec<Jurisdiction> = Vec::new();
    let mut first: Option<usize> = None;
    for (i, a) in m.activities.iter().enumerate() {
        let childrens_data = a.data_categories.iter().any(|c| is_within(c.as_str(), "user.childrens"));
        if !(childrens_data || (offered && about_users(a))) {
            continue;
        }
        for u in crate::bases_under(m, a, reach.of(i), on).uses.into_iter().filter(|u| u.basis == "consent") {
            first.get_or_insert(i);
            places.extend(u.places);
        }
    }
    let Some(first) = first else { return Vec::new() };
    let mut countries: Vec<&str> = places.iter().flat_map(crate::countries).collect();
    countries.sort_unstable();
    countries.dedup();
    let by_country = |code: &str| -> Option<(u8, String)> {
        let place = Jurisdiction::Country(juris_core::jurisdiction::Country::parse(code)?);
        children
            .and_then(|c| {
                c.parental_consent_below
                    .iter()
                    .filter(|(j, _)| j.covers(&place))
                    .max_by_key(|(j, _)| juris_core::manifest::specificity(j))
            })
            .map(|(j, age)| (*age, format!("organization.children.parental_consent_below.{j}")))
            .or_else(|| {
                options
                    .parental_consent_below
                    .map(|age| (age, format!("{}.parental_consent_below", crate::options::TABLE)))
            })
    };
    let mut missing: Vec<String> = Vec::new();
    // Per gate path: the gate, the countries below their age, and whether any is certain.
    let mut below: Vec<(String, u8, Vec<String>, bool)> = Vec::new();
    for country in countries {
        let overridden =
            options.child_consent_ages.iter().find(|(j, _)| j.country().is_some_and(|c| c.code() == country));
        let (age, sure) = match (overridden, crate::data::consent_age(country, on)) {
            (Some((_, age)), _) => (*age, true),
            (None, Some(a)) => (a.age, a.certainty == Certainty::Verified),
            (None, None) => (16, false),
        };
        let minimum = children.filter(|c| c.age_assurance != Some(AgeAssurance::None)).and_then(|c| c.minimum_age);
        if minimum.is_some_and(|min| min >= age) {
            continue;
        }
        match by_country(country) {
            None => missing.push(country.to_string()),
            Some((gate, path)) if gate < age => match below.iter_mut().find(|b| b.0 == path) {
                Some(b) => {
                    b.2.push(format!("{country} ({age})"));
                    b.3 |= sure;
                }
                None => below.push((path, gate, vec![format!("{country} ({age})")], sure)),
            },
            Some(_) => {}
        }
    }
    let mut out = Vec::new();
    if !missing.is_empty() {
        let path =
            if children.is_some() { "organization.children".to_string() } else { format!("activities[{first}]") };
        out.push(
            Violation::new(
                path,
                format!(
                    "services are offered to children on consent in {} but the manifest does not say below which age a parent must consent",
                    missing.join(", ")
                ),
            )
            .help("set `[modules.eea-uk] parental_consent_below = 16` (or the highest age of digital consent among the countries served)"),
        );
    }
    for (path, gate, list, sure) in below {
        let violation = Violation::new(
            path,
            format!(
                "parental consent is asked only below {gate}, but the age of digital consent is higher in {}",
                list.join(", ")
            ),
        )
        .help("raise the age to the highest one listed, or gate the service by country");
        out.push(if sure { violation } else { violation.severity(Severity::Warning) });
    }
    out
}
