//! What California law says about a person in California (`juris resolve`).

use juris_core::manifest::ConsentMode;
use juris_core::{Resolution, ResolveContext, Statement, Topic};

use crate::applicability::{self, Applicability};
use crate::options::Options;

/// The statements for a person in `ctx.jurisdiction`; none outside California.
pub fn resolve(ctx: &ResolveContext, options: &Options) -> Resolution {
    let mut statements = Vec::new();
    if !crate::governs(&ctx.jurisdiction) {
        return Resolution { statements };
    }
    let m = &ctx.manifest;
    let threshold = applicability::revenue_threshold(ctx.as_of);
    let consumers = applicability::consumers_threshold(ctx.as_of);
    let (applies, text) = match applicability::assess(m, options, ctx.as_of) {
        Applicability::NotInCalifornia => (
            false,
            "neither the organisation nor any of its activities names a market covering US-CA, and it is not established there, so it is not doing business in California and the CCPA does not apply".to_string(),
        ),
        Applicability::NotABusiness(reasons) => {
            (false, format!("the CCPA does not apply: the organisation is not a \"business\" (§1798.140(d)): {}", reasons.join("; ")))
        }
        Applicability::Business(reasons) => (true, format!("the CCPA applies: {}", reasons.join("; "))),
        Applicability::NotMet(reasons) => (
            false,
            format!(
                "the CCPA does not apply: none of the thresholds of §1798.140(d)(1) is met (revenue over ${}, {} consumers or households, 50% of revenue from selling or sharing): {}",
                crate::applicability::thousands(threshold),
                crate::applicability::thousands(consumers),
                reasons.join("; ")
            ),
        ),
        Applicability::Unknown(reasons) => (
            true,
            format!(
                "the CCPA is applied, although no threshold is known to be met, because the manifest cannot decide it: {}",
                reasons.join("; ")
            ),
        ),
    };
    statements.push(Statement::new(Topic::Applicability, text, "Civ. Code §1798.140(d)"));
    if !applies {
        return Resolution { statements };
    }

    let policy = m.consent_for(&ctx.jurisdiction);
    let mode = match policy.map(|p| p.mode) {
        Some(ConsentMode::OptOut) => "the manifest uses opt-out here, which is what the law requires at least",
        Some(ConsentMode::OptIn) => "the manifest uses opt-in here, which is stricter than the law requires",
        Some(ConsentMode::NoticeOnly) => {
            "the manifest uses notice only here, which is not enough when personal information is sold or shared: consumers must be able to opt out"
        }
        None => "the manifest names no consent policy for US-CA",
    };
    statements.push(Statement::new(
        Topic::Consent,
        format!(
            "opt-out model: no prior consent is needed to collect personal information, but consumers may opt out of its sale and of its sharing for cross-context behavioural advertising, and may limit the use of sensitive personal information; opt-in is required only to sell or share the data of consumers under 16 (the consumer from 13 to 15, a parent under 13); {mode}"
        ),
        "Civ. Code §§1798.120, 1798.121, 1798.135",
    ));
    let found = applicability::sales(m, options, ctx.as_of);
    let selling = if found.is_empty() {
        "the manifest shows no sale or sharing".to_string()
    } else {
        format!("the manifest shows that personal information is sold or shared: {}", crate::selling::reasons(&found))
    };
    let gpc = match policy.and_then(|p| p.honors_gpc) {
        Some(true) => "the manifest says signals are honoured",
        Some(false) => "the manifest says signals are not honoured, which breaks §7025",
        None => "the manifest does not say whether signals are honoured",
    };
    let display = if ctx.as_of >= juris_core::jiff::civil::date(2026, 1, 1) {
        if options.opt_out_signal_status_shown {
            "; from 2026-01-01 the site must show whether it processed the signal, which the manifest says it does"
        } else {
            "; from 2026-01-01 the site must also show whether it processed the signal (§7025(c)(6)), which `opt_out_signal_status_shown` in `[modules.california]` does not confirm"
        }
    } else {
        ""
    };
    statements.push(Statement::new(
        Topic::Gpc,
        format!(
            "opt-out preference signals such as Global Privacy Control must be processed as a valid request to opt out of sale and sharing, for the browser or device and any profile associated with it, without asking for more information; {selling}; {gpc}{display}"
        ),
        "Civ. Code §1798.135(b)(1); 11 CCR §7025; former 11 CCR §999.315(c) (from 2020-08-14)",
    ));
    statements.push(Statement::new(
        Topic::Storage,
        "California law sets no data-localisation requirement: personal information of Californians may be stored outside the state, under a contract with the service provider or contractor that keeps it (§1798.100(d))",
        "Civ. Code §1798.100(d)",
    ));
    Resolution { statements }
}
