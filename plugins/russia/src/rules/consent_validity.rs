use juris_core::manifest::{ConsentMode, ConsentScope, CookiePurpose};
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Manifest, Rule, Severity};

use crate::law::{self, FZ152_IN_FORCE, FZ266_MAIN, Ground, RU};

/// `russia/consent-validity`
pub static RULE: Rule = Rule {
    id: "russia/consent-validity",
    title: "Consent collected in a way that cannot make it valid",
    citation: "152-FZ Art. 9(1) (as amended by 266-FZ of 14.07.2022 from 2022-09-01); Art. 6(1) item 1",
    severity: Severity::Error,
    in_force: InForce::from(FZ152_IN_FORCE),
    docs: r#"
## What it does
Derives from the facts whether the consent relied on for Russia can be
valid:

- the consent policy that covers Russia (`consent.RU`, else the most
  specific entry covering it, else `consent.default`) has `mode = "opt-out"`
  or `"notice-only"` while an activity within 152-FZ rests on `consent`;
- where cookies or tracking carry personal data, its banner pre-selects
  purposes (`banner.pre_ticked = true`), takes continued browsing as consent
  (`banner.consent_by_continuing = true`), or sets non-essential cookies or
  loads trackers before the person chooses
  (`banner.non_essential_before_choice = true`).

Cookies or tracking are taken to carry personal data when an analytics or
advertising cookie is read by a recipient (`cookies[].recipients`), or an
activity within 152-FZ processes device or behavioural data (`user.device`,
`user.behavior`).

## Why
Consent must be given freely, of one's own will and in one's own interest,
and be specific, informed and conscious (Art. 9(1), 2006 text); since
2022-09-01 (266-FZ) it must also be substantive ("предметным") and
unambiguous ("однозначным"). Silence, inaction, a box ticked in advance or
carrying on browsing show no will of the person: they are not consent, so
processing that rests on them has no ground under Art. 6(1) item 1.
Cookies set before the choice are processed before any consent was given.
Cookie identifiers and browsing data are personal data when they relate,
directly or indirectly, to an identifiable person (Art. 3 item 1).

## Example
```toml
[consent.RU]
mode = "opt-out"
banner = { pre_ticked = true, consent_by_continuing = true }

[[activities]]
id = "ads"
legal_basis = "consent"
data_categories = ["user.device.cookie_id"]
```

## How to fix
Ask before processing, with nothing pre-selected, and take only an active
choice as consent:

```toml
[consent.RU]
mode = "opt-in"
banner = { pre_ticked = false, consent_by_continuing = false, non_essential_before_choice = false }
```

## Uncertainty
152-FZ has no cookie-specific rule like ePrivacy Art. 5(3); the findings
rest on Art. 9(1) applied to consent-based tracking. Where the manifest
says nothing about a banner fact, nothing is reported about it. Whether
refusing must be as easy as accepting is not set by 152-FZ and is not
checked.

## Fines
KoAP RF Art. 13.11(2) (processing without consent where it is required),
as amended by 420-FZ of 30.11.2024 from 2025-05-30: legal entities RUB
300-700 thousand, repeat up to RUB 1.5 million.
"#,
    check,
    fails: include_str!("fixtures/consent_validity.fail.toml"),
    passes: include_str!("fixtures/consent_validity.pass.toml"),
};

/// The `consent` entry that covers Russia, with its key: the one
/// `Manifest::consent_for` picks.
fn policy_key(m: &Manifest) -> Option<String> {
    let chosen = m.consent_for(&RU)?;
    m.consent.iter().find(|(_, p)| std::ptr::eq(*p, chosen)).map(|(scope, _)| match scope {
        ConsentScope::Default => "default".to_string(),
        ConsentScope::In(j) => j.to_string(),
    })
}

/// Whether cookies or tracking carry personal data (see the docs).
fn tracking_carries_personal_data(m: &Manifest) -> bool {
    let non_essential = |p: CookiePurpose| matches!(p, CookiePurpose::Analytics | CookiePurpose::Advertising);
    m.cookies.iter().any(|c| non_essential(c.purpose) && !c.recipients.is_empty())
        || law::ru_activities(m)
            .any(|(_, a)| a.data_categories.iter().any(|c| c.is_within("user.device") || c.is_within("user.behavior")))
}

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let mut out = Vec::new();
    if !law::applies(m) {
        return out;
    }
    let Some(key) = policy_key(m) else { return out };
    let Some(policy) = m.consent_for(&RU) else { return out };
    let qualities = if ctx.as_of >= FZ266_MAIN {
        "specific, substantive, informed, conscious and unambiguous"
    } else {
        "specific, informed and conscious"
    };
    let on_consent: Vec<String> = law::ru_activities(m)
        .filter(|(i, a)| matches!(law::ground(m, *i, a), Some((Some(Ground::Consent), _, _))))
        .map(|(_, a)| format!("`{}`", a.id))
        .collect();
    if !on_consent.is_empty() && matches!(policy.mode, ConsentMode::OptOut | ConsentMode::NoticeOnly) {
        let mode = if policy.mode == ConsentMode::OptOut { "opt-out" } else { "notice-only" };
        out.push(
            Violation::new(
                format!("consent.{key}.mode"),
                format!(
                    "{} {} {} on consent, but consent for Russia is collected `{mode}`, where silence or inaction is no consent that is {qualities} (Art. 9(1))",
                    if on_consent.len() == 1 { "activity" } else { "activities" },
                    law::join(&on_consent),
                    if on_consent.len() == 1 { "rests" } else { "rest" },
                ),
            )
            .help("ask for consent before processing and take only an active choice (`mode = \"opt-in\"`), or name another Art. 6(1) ground"),
        );
    }
    let Some(banner) = &policy.banner else { return out };
    if !tracking_carries_personal_data(m) {
        return out;
    }
    let facts = [
        (
            banner.pre_ticked,
            "pre_ticked",
            "pre-selects non-essential purposes, so a consent given through it is not conscious and unambiguous",
        ),
        (
            banner.consent_by_continuing,
            "consent_by_continuing",
            "takes continued browsing or closing the banner as consent, which shows no will of the person",
        ),
        (
            banner.non_essential_before_choice,
            "non_essential_before_choice",
            "sets non-essential cookies or loads trackers before the person chooses, so their personal data is processed before any consent",
        ),
    ];
    for (fact, name, what) in facts {
        if fact == Some(true) {
            out.push(
                Violation::new(
                    format!("consent.{key}.banner.{name}"),
                    format!("the consent banner shown in Russia {what} (consent must be {qualities}, Art. 9(1))"),
                )
                .help(format!("change the banner and set `{name} = false`; until then, tracking that carries personal data has no consent")),
            );
        }
    }
    out
}
