use juris_core::jiff::civil::date;
use juris_core::rule::{InForce, Violation};
use juris_core::{CheckContext, Rule, Severity};

use super::observed_shared;

/// `eea-uk/observed-after-reject`
pub static RULE: Rule = Rule {
    id: "eea-uk/observed-after-reject",
    title: "Tracking cookies or requests observed after the visitor rejected",
    citation: "Directive 2002/58/EC Art. 5(3); GDPR Arts. 4(11), 7(3); PECR reg 6; EDPB Report of the work undertaken by the Cookie Banner Taskforce (17 January 2023)",
    severity: Severity::Error,
    in_force: InForce::from(date(2011, 5, 25)),
    docs: r#"
## What it does
With `juris check --evidence FILE`, when the organisation serves an EEA or
UK market, reports each page where, after `juris scan` clicked the banner's
reject control, the browser still held analytics or advertising cookies or
requested analytics or advertising hosts. Purposes are as for
`eea-uk/cookie-consent-required`: the manifest's declaration first, then
the shipped data; unclassified items are not counted.

The finding cites the page, the control clicked, each cookie or host, and
the screenshot taken after the click.

## Why
A refusal must be respected: without consent, nothing but strictly
necessary storage may be read or written. Cookies set before the choice
that stay after a refusal keep tracking the visitor; the EDPB's Cookie
Banner Taskforce and national authorities treat them as processing
without consent.

## Example
After clicking "Reject all" on `https://shop.example/`, the scan still found
`_ga` and `IDE` and a request to `ad.doubleclick.net`.

## How to fix
On refusal, delete the cookies set so far and stop the tags; better, set
nothing before the choice (see `eea-uk/cookie-consent-required`).
"#,
    check,
    fails: include_str!("fixtures/observed_after_reject.fail.toml"),
    passes: include_str!("fixtures/observed_after_reject.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let Some(evidence) = &ctx.evidence else { return Vec::new() };
    let Some((places, exempt)) = observed_shared::places(ctx) else { return Vec::new() };
    let places = crate::name_places(&places);
    evidence
        .tracking_after_reject(&ctx.manifest)
        .into_iter()
        .filter_map(|t| observed_shared::needing_consent(t, exempt))
        .map(|t| {
            let clicked = t.page.visit.after_reject.as_ref().map(|a| a.clicked.as_str()).unwrap_or("reject");
            Violation::new(
                observed_shared::path(ctx),
                format!(
                    "{} trackers were still set or requested after the visitor clicked {clicked:?}, for people in {places}: {}",
                    t.place(),
                    t.cite(6)
                ),
            )
            .help("on refusal, delete the cookies set so far and stop analytics and advertising tags")
        })
        .collect()
}
