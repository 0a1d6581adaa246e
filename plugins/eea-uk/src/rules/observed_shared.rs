//! What the three `observed-*` rules share: where the module's law applies to
//! the website, and which observed items need consent there.

use juris_core::CheckContext;
use juris_core::Jurisdiction;
use juris_core::evidence::{Purpose, Tracking};

use super::cookie_consent_required::UK_EXCEPTIONS_FROM;

/// The places of the manifest's markets that the module governs, and whether
/// analytics is exempt in all of them (only UK places, on or after PECR Sch A1
/// para 5 applies, with the module's `uk_analytics_exception` left on).
pub fn places(ctx: &CheckContext) -> Option<(Vec<Jurisdiction>, bool)> {
    let places = crate::places_within(&crate::all_markets(&ctx.manifest), std::iter::empty());
    if places.is_empty() {
        return None;
    }
    let options = ctx.options::<crate::options::Options>();
    let uk_only = places.iter().all(|p| p.country().is_some_and(|c| c.code() == "GB"));
    let exempt = uk_only && ctx.as_of >= UK_EXCEPTIONS_FROM && options.uk_analytics_exception.unwrap_or(true);
    Some((places, exempt))
}

/// Drops what needs no consent: analytics where it is exempt.
pub fn needing_consent(mut t: Tracking<'_>, analytics_exempt: bool) -> Option<Tracking<'_>> {
    if analytics_exempt {
        t.cookies.retain(|(_, p)| *p == Purpose::Advertising);
        t.hosts.retain(|h| h.classification.purpose == Purpose::Advertising);
    }
    (!t.is_empty()).then_some(t)
}

/// The manifest path findings point at: the consent entry for the EEA (or the
/// default one), else the markets.
pub fn path(ctx: &CheckContext) -> String {
    juris_core::evidence::finding_path(&ctx.manifest, Some("EEA"))
}
