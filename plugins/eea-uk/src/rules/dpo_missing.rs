use juris_core::jiff::civil::{Date, date};
use juris_core::manifest::{Activity, ContactRole};
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::taxonomy::is_within;
use juris_core::{CheckContext, Jurisdiction, Rule, Severity};

use crate::data::Regime;

/// `eea-uk/dpo-missing`
pub static RULE: Rule = Rule {
    id: "eea-uk/dpo-missing",
    title: "No data protection officer where Art. 37 requires one",
    citation: "GDPR Art. 37(1)(a)-(c), 37(4), 37(7); BDSG §38(1); UK GDPR Art. 37(1)(a)-(c), 37(7)",
    severity: Severity::Error,
    in_force: InForce::from(date(2018, 5, 25)),
    docs: r#"
## What it does
Decides whether a data protection officer is mandatory for the EEA and for
the UK, and if so looks for a `[[contacts]]` entry with `role = "dpo"` whose
`for` covers that market. A DPO is mandatory when:

- the organisation is a public authority or body (`organization.public_body
  = true`, or `[modules.eea-uk] public_authority = true`), or
- an activity touching the market monitors people (profiling, targeted
  advertising, personalisation from a profile: fideslang uses
  `marketing.advertising.first_party.targeted`,
  `marketing.advertising.third_party.targeted`,
  `marketing.advertising.profiling`, `personalize.content.profiled`,
  `personalize.content.profiling`, `personalize.profiling`), or
  processes special-category data (Art. 9) or criminal-offence data
  (`user.criminal_history`, Art. 10), **and** this is done on a large scale.

- for the EEA, the organisation or one of its entities is established in
  Germany and `organization.staff_processing_personal_data` is 20 or more
  (BDSG §38(1), a national rule under Art. 37(4); 10 before 26 November 2019,
  when the Second Data Protection Adaptation and Implementation Act EU raised
  it).

Scale is a fact only the organisation knows: say it with `[modules.eea-uk]
large_scale = true` or `false`. When it is not said, the finding is a
warning. A DPO that is not `published` is also reported, as a warning
(Art. 37(7)).

## Why
Art. 37(1) makes a DPO mandatory for public bodies and for controllers and
processors whose core activities consist of regular and systematic
monitoring of people on a large scale, or of large-scale processing of
special-category or criminal data. Art. 37(7) requires publishing the DPO's
contact details and telling the supervisory authority.

## Example
```toml
[[activities]]
id = "interest-ads"
uses = ["marketing.advertising.third_party.targeted"]

[modules.eea-uk]
large_scale = true
# no [[contacts]] with role = "dpo"
```

## How to fix
Designate a DPO, record it and publish its contact details:

```toml
[[contacts]]
role = "dpo"
for = ["EEA", "GB"]
name = "Data Protection Office"
email = "dpo@example.com"
published = true
```

## Uncertainty
Which activities are "core" cannot be read from the manifest: every
listed activity is treated as one. Of the national rules under Art. 37(4),
only Germany's BDSG §38 is encoded.
"#,
    check,
    fails: include_str!("fixtures/dpo_missing.fail.toml"),
    passes: include_str!("fixtures/dpo_missing.pass.toml"),
};

/// Fideslang uses that amount to monitoring people's behaviour.
pub const MONITORING_USES: [&str; 6] = [
    "marketing.advertising.first_party.targeted",
    "marketing.advertising.third_party.targeted",
    "marketing.advertising.profiling",
    "personalize.content.profiled",
    "personalize.content.profiling",
    "personalize.profiling",
];

/// Whether an activity monitors people's behaviour.
pub fn monitors(activity: &Activity) -> bool {
    activity.uses.iter().any(|u| MONITORING_USES.iter().any(|p| is_within(u.as_str(), p)))
}

/// Whether an activity processes special-category or criminal-offence data.
pub fn sensitive(activity: &Activity) -> bool {
    activity
        .data_categories
        .iter()
        .any(|c| crate::data::special_category(c.as_str()).is_some() || is_within(c.as_str(), "user.criminal_history"))
}

/// BDSG §38(1) in its version of 20 November 2019 (Second Data Protection
/// Adaptation and Implementation Act EU, BGBl. I 2019 p. 1626): a DPO where as a
/// rule at least 20 persons are constantly engaged in automated processing;
/// 10 before 26 November 2019.
pub const BDSG_38_THRESHOLDS: &[(Date, u64)] = &[(date(2018, 5, 25), 10), (date(2019, 11, 26), 20)];

fn bdsg_threshold(on: Date) -> u64 {
    BDSG_38_THRESHOLDS.iter().rev().find(|(from, _)| *from <= on).map_or(10, |(_, n)| *n)
}

/// Why a DPO is required for the regime, with the severity of a missing one.
fn requirement(ctx: &CheckContext, regime: Regime) -> Option<(String, Severity)> {
    let m = &ctx.manifest;
    let on = ctx.as_of;
    let options = ctx.options::<crate::options::Options>();
    if options.public_body(m) {
        return Some(("the organisation is a public authority or body (Art. 37(1)(a))".to_string(), Severity::Error));
    }
    let trigger = m
        .activities
        .iter()
        .filter(|a| crate::applicability::activity_in(m, a, regime, on))
        .find(|a| monitors(a) || sensitive(a));
    if let Some(a) = trigger {
        let why = if monitors(a) {
            format!("activity `{}` monitors people", a.id)
        } else {
            format!("activity `{}` processes special-category or criminal data", a.id)
        };
        match options.large_scale {
            Some(true) => return Some((why, Severity::Error)),
            None => return Some((format!("{why} (if this is on a large scale)"), Severity::Warning)),
            Some(false) => {}
        }
    }
    let in_germany = crate::applicability::own_establishment(m, regime, on)
        .into_iter()
        .chain(m.entities.iter().map(|e| &e.country))
        .any(|p| p.country().is_some_and(|c| c.code() == "DE"));
    let staff = m.organization.staff_processing_personal_data.unwrap_or(0);
    let threshold = bdsg_threshold(on);
    if regime == Regime::Eea && in_germany && staff >= threshold {
        return Some((
            format!(
                "the organisation is established in Germany and {staff} people are constantly engaged in automated processing of personal data (BDSG §38(1): from {threshold})"
            ),
            Severity::Error,
        ));
    }
    None
}

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let mut out = Vec::new();
    for regime in crate::applicability::org_regimes(m, ctx.as_of) {
        let place = match regime {
            Regime::Eea => "EEA",
            Regime::Uk => "GB",
        };
        let area: Jurisdiction = place.parse().expect("EEA and GB are jurisdictions");
        let Some((why, severity)) = requirement(ctx, regime) else { continue };
        let named = || {
            m.contacts
                .iter()
                .enumerate()
                .filter(|(_, c)| c.role == ContactRole::Dpo && c.for_.iter().any(|f| f.overlaps(&area)))
        };
        let dpo = named().find(|(_, c)| c.published).or_else(|| named().next());
        match dpo {
            None => out.push(
                Violation::new("contacts", format!("no data protection officer for {}: {why}", regime.name()))
                    .help(format!(
                        "add a `[[contacts]]` entry with `role = \"dpo\"` and `for = [\"{place}\"]`, or set `[modules.eea-uk] large_scale = false` if the processing is not large-scale"
                    ))
                    .severity(severity),
            ),
            Some((i, c)) if !c.published => out.push(
                Violation::new(
                    format!("contacts[{i}].published"),
                    format!("the data protection officer for {} is not published", regime.name()),
                )
                .help("publish the DPO's contact details (e.g. in the privacy notice) and set `published = true`")
                .severity(Severity::Warning),
            ),
            Some(_) => {}
        }
    }
    out
}
