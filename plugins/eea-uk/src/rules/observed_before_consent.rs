//! The website's side of `eea-uk/cookie-consent-required`: tracking cookies
//! or requests the scan observed before the visitor's choice (`juris check
//! --evidence`). The rule's page documents it.

use juris_core::CheckContext;
use juris_core::rule::Violation;

use super::observed_shared;

/// One violation per page where trackers ran before any choice.
pub fn violations(ctx: &CheckContext) -> Vec<Violation> {
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
