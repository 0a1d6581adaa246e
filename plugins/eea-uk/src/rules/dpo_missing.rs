use juris_core::jiff::civil::date;
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
    citation: "GDPR Art. 37(1)(a)-(c), 37(7); UK GDPR Art. 37(1)(a)-(c), 37(7)",
    severity: Severity::Error,
    in_force: InForce::from(date(2018, 5, 25)),
    docs: r#"
## What it does
Decides whether a data protection officer is mandatory for the EEA and for
the UK, and if so looks for a `[[contacts]]` entry with `role = "dpo"` whose
`for` covers that market. A DPO is mandatory when:

- the organisation is a public authority (`[modules.eea-uk]
  public_authority = true`), or
- an activity touching the market monitors people (profiling, targeted
  advertising, personalisation from a profile: fideslang uses
  `marketing.advertising.first_party.targeted`,
  `marketing.advertising.third_party.targeted`,
  `marketing.advertising.profiling`, `personalize.content.profiled`,
  `personalize.content.profiling`, `personalize.profiling`), or
  processes special-category data (Art. 9) or criminal-offence data
  (`user.criminal_history`, Art. 10), **and** this is done on a large scale.

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
listed activity is treated as one. Member States may require a DPO in more
cases (e.g. national headcount thresholds); those are not encoded.
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

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let options = ctx.options::<crate::options::Options>();
    let mut out = Vec::new();
    for regime in crate::manifest_regimes(m) {
        let place = match regime {
            Regime::Eea => "EEA",
            Regime::Uk => "GB",
        };
        let area: Jurisdiction = place.parse().expect("EEA and GB are jurisdictions");
        let trigger = m
            .activities
            .iter()
            .filter(|a| crate::activity_regimes(m, a).contains(&regime))
            .find(|a| monitors(a) || sensitive(a));
        let severity = if options.public_authority {
            Severity::Error
        } else {
            match (trigger, options.large_scale) {
                (None, _) | (_, Some(false)) => continue,
                (Some(_), Some(true)) => Severity::Error,
                (Some(_), None) => Severity::Warning,
            }
        };
        let named = || {
            m.contacts
                .iter()
                .enumerate()
                .filter(|(_, c)| c.role == ContactRole::Dpo && c.for_.iter().any(|f| f.overlaps(&area)))
        };
        let dpo = named().find(|(_, c)| c.published).or_else(|| named().next());
        match dpo {
            None => {
                let why = match trigger {
                    _ if options.public_authority => "the organisation is a public authority".to_string(),
                    Some(a) if monitors(a) => format!("activity `{}` monitors people", a.id),
                    Some(a) => format!("activity `{}` processes special-category or criminal data", a.id),
                    None => "a DPO is required".to_string(),
                };
                let scale = if options.large_scale.is_none() && !options.public_authority {
                    " (if this is on a large scale)"
                } else {
                    ""
                };
                out.push(
                    Violation::new(
                        "contacts",
                        format!("no data protection officer for {}: {why}{scale}", regime.name()),
                    )
                    .help(format!(
                        "add a `[[contacts]]` entry with `role = \"dpo\"` and `for = [\"{place}\"]`, or set `[modules.eea-uk] large_scale = false` if the processing is not large-scale"
                    ))
                    .severity(severity),
                );
            }
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
