use juris_core::jiff::civil::date;
use juris_core::rule::{InForce, Violation};
use juris_core::{CheckContext, Rule, Severity};

use super::observed_shared;

/// `eea-uk/observed-before-consent`
pub static RULE: Rule = Rule {
    id: "eea-uk/observed-before-consent",
    title: "Tracking cookies or requests observed before the visitor's choice",
    citation: "Directive 2002/58/EC Art. 5(3); GDPR Arts. 4(11), 6(1)(a); PECR reg 6; CNIL SAN-2020-012 (Google, 7 December 2020) and SAN-2020-013 (Amazon Europe Core, 7 December 2020)",
    severity: Severity::Error,
    in_force: InForce::from(date(2011, 5, 25)),
    docs: r#"
## What it does
With `juris check --evidence FILE` (the file `juris scan` writes), when the
organisation serves an EEA or UK market, reports each page where, before
any interaction with the consent banner, the browser already held analytics
or advertising cookies or had requested analytics or advertising hosts.
A cookie's purpose is the manifest's `[[cookies]]` declaration of its name,
else the shipped cookie data; hosts are classified by the shipped tracker
data. Unclassified and functional items are not counted. In the UK from
5 February 2026, analytics is exempt under PECR Sch A1 para 5 unless
`[modules.eea-uk] uk_analytics_exception = false`.

The finding cites the page, each cookie (domain, what set it and when, in
ms after navigation), each host (its first request) and the screenshot.

## Why
Storing or reading information on a visitor's device needs their prior
consent, unless it is strictly necessary for a service they asked for.
Consent given before any choice is no consent: it must be an unambiguous,
affirmative act (GDPR Art. 4(11)). The CNIL fined Google EUR 100 million
and Amazon EUR 35 million in December 2020 because advertising cookies were
set as soon as the home page loaded.

## Example
The scan of `https://shop.example/` found `_ga` set by Google's tag at
180 ms and a request to `ad.doubleclick.net` at 230 ms, before the banner
was answered, for a manifest with `markets = ["EEA"]`.

## How to fix
Load analytics and advertising tags only after the visitor accepts (a
consent management platform's prior blocking, or Google Consent Mode with
tags denied by default), then scan again.
"#,
    check,
    fails: include_str!("fixtures/observed_before_consent.fail.toml"),
    passes: include_str!("fixtures/observed_before_consent.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let Some(evidence) = &ctx.evidence else { return Vec::new() };
    let Some((places, exempt)) = observed_shared::places(ctx) else { return Vec::new() };
    let places = crate::name_places(&places);
    evidence
        .tracking_before(&ctx.manifest)
        .into_iter()
        .filter_map(|t| observed_shared::needing_consent(t, exempt))
        .map(|t| {
            Violation::new(
                observed_shared::path(ctx),
                format!(
                    "{} the website set or requested trackers before any consent choice, for people in {places}: {}",
                    t.place(),
                    t.cite(6)
                ),
            )
            .help("block analytics and advertising cookies and tags until the visitor accepts, then scan again")
        })
        .collect()
}
