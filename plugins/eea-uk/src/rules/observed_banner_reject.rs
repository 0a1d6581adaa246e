use juris_core::evidence::cite_page;
use juris_core::jiff::civil::date;
use juris_core::rule::{InForce, Violation};
use juris_core::{CheckContext, Rule, Severity};

use super::observed_shared;

/// `eea-uk/observed-banner-reject`
pub static RULE: Rule = Rule {
    id: "eea-uk/observed-banner-reject",
    title: "The banner observed offers no reject on its first layer, or a weaker one",
    citation: "GDPR Arts. 4(11), 7(3); Directive 2002/58/EC Art. 5(3); EDPB Report of the work undertaken by the Cookie Banner Taskforce (17 January 2023); CNIL SAN-2021-023 (Google, 31 December 2021) and SAN-2021-024 (Facebook, 31 December 2021)",
    severity: Severity::Error,
    in_force: InForce::from(date(2018, 5, 25)),
    docs: r#"
## What it does
With `juris check --evidence FILE`, when the organisation serves an EEA or
UK market, reports each page whose consent banner, as `juris scan` found it,
offers accept on its first layer but no reject (an error), or a reject
control made weaker than accept: a smaller area, styled as a link next to
an accept button, lower contrast or a smaller font (a warning: the
thresholds allow for layout noise, and the evidence keeps the raw sizes
and styles).

The finding cites the page, the controls found with their text, and the
screenshot.

## Why
Consent must be as easy to refuse as to give. The CNIL fined Google EUR 150
million and Facebook EUR 60 million on 31 December 2021 because accepting
took one click and refusing several. The EDPB's Cookie Banner Taskforce
(2023) found that most authorities consider a first layer without a reject
option, or with a reject link drowned by a prominent accept button,
contrary to the GDPR.

## Example
The first layer of `https://shop.example/` offers "Accept all" and "Manage
preferences"; rejecting takes a second layer.

## How to fix
Put a "Reject all" control on the first layer, next to "Accept all", with
the same size, style and contrast.
"#,
    check,
    fails: include_str!("fixtures/observed_banner_reject.fail.toml"),
    passes: include_str!("fixtures/observed_banner_reject.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let Some(evidence) = &ctx.evidence else { return Vec::new() };
    let Some((places, _)) = observed_shared::places(ctx) else { return Vec::new() };
    let places = crate::name_places(&places);
    let mut out = Vec::new();
    for page in &evidence.pages {
        let Some(banner) = page.visit.banner.as_ref().filter(|b| b.found && b.accept.is_some()) else { continue };
        let at = match &page.visit.before {
            Some(s) => cite_page(page, s),
            None => format!("on {}", page.url),
        };
        let text =
            |i: Option<usize>| i.and_then(|i| banner.controls.get(i)).map(|c| c.text.clone()).unwrap_or_default();
        if !banner.reject_on_first_layer {
            let offered: Vec<String> = banner.controls.iter().map(|c| format!("{:?}", c.text)).collect();
            out.push(
                Violation::new(
                    observed_shared::path(ctx),
                    format!(
                        "{at} the consent banner's first layer offers {} but no reject, for people in {places}",
                        offered.join(", ")
                    ),
                )
                .help("add a \"Reject all\" control to the first layer, as easy to use as \"Accept all\""),
            );
        } else if let Some(weaker) = banner.reject_prominence.as_ref().filter(|p| p.weaker) {
            out.push(
                Violation::new(
                    observed_shared::path(ctx),
                    format!(
                        "{at} the banner's reject control {:?} is weaker than accept {:?} ({}; {:.0} % of its area), for people in {places}",
                        text(banner.reject),
                        text(banner.accept),
                        weaker.reasons.join(", "),
                        weaker.area_ratio * 100.0
                    ),
                )
                .help("give reject the size, style and contrast of accept")
                .severity(Severity::Warning),
            );
        }
    }
    out
}
