//! Arbitrary text as a manifest; when it loads, `check` through all four
//! built-in modules, loaded from their shared libraries as the host loads them,
//! and `obligations` for one access request and one incident.
//!
//! A module that fails a call (above all a caught panic, which comes back as
//! `CallError::Failed`) on a manifest the parser accepted is a bug: the target
//! panics with the module's message so that libFuzzer reports the input.

#![no_main]

use juris_core::jiff::civil::{Date, date};
use juris_core::manifest::{SourceIndex, parse};
use juris_core::module::EventContext;
use juris_core::time::Instant;
use juris_core::{CheckContext, Event, Incident, Jurisdiction, RequestKind, RightsRequest};
use juris_fuzz::{assert_location, feature, plugins, shape};
use juris_host::CallError;
use libfuzzer_sys::fuzz_target;

/// The day every input is checked as of, and other days, before, at and after
/// the main laws and their amendments took effect, of which the input picks one
/// more (by its length) so that the corpus covers them all.
const TODAY: Date = date(2026, 3, 15);
const AS_OF: [Date; 4] = [date(2019, 6, 1), date(2023, 9, 1), TODAY, date(2031, 1, 1)];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(parsed) = parse(text) else { return };
    let index = SourceIndex::new(text);
    let other = AS_OF[data.len() % AS_OF.len()];
    let mut ctx = CheckContext::new(parsed.manifest, TODAY);
    check_all(text, &index, &ctx);
    if other != TODAY {
        ctx.as_of = other;
        check_all(text, &index, &ctx);
    }
    let (manifest, as_of) = (ctx.manifest, ctx.as_of);
    // Where the requester is: the organisation's first market, else Germany.
    let place: Jurisdiction =
        manifest.organization.markets.first().cloned().unwrap_or_else(|| "DE".parse().expect("DE is a country"));
    let markets = if manifest.organization.markets.is_empty() {
        vec![place.clone()]
    } else {
        manifest.organization.markets.clone()
    };
    let discovered: Instant = format!("{as_of}T23:30:00-03:00").parse().expect("an RFC 3339 instant");
    let events = [
        Event::Request(RightsRequest {
            jurisdiction: place,
            request: RequestKind::Access,
            received: as_of,
            relevant_time: None,
            paused_days: 0,
            calendar: None,
        }),
        Event::Incident(Incident { jurisdictions: markets, discovered, affected: Some(1000) }),
    ];
    let mut ctx = EventContext { event: events[0].clone(), manifest: Some(manifest) };
    for event in events {
        ctx.event = event;
        for plugin in plugins() {
            match plugin.obligations(&ctx) {
                Ok(plan) => {
                    for obligation in &plan.obligations {
                        feature(&[plugin.id(), &obligation.action, &obligation.citation]);
                    }
                }
                Err(CallError::Unsupported) => {}
                Err(CallError::Failed(message)) => panic!("`obligations` failed on a loaded manifest: {message}"),
            }
        }
    }
});

/// `check` through every module. A failed call is a crash.
fn check_all(text: &str, index: &SourceIndex<'_>, ctx: &CheckContext) {
    for plugin in plugins() {
        match plugin.check(ctx) {
            Ok(findings) => {
                for finding in &findings {
                    feature(&[plugin.id(), &finding.rule, &shape(&finding.path)]);
                    assert_location(
                        text,
                        &index.locate(&finding.path),
                        &format!("finding {} at `{}`", finding.rule, finding.path),
                    );
                }
            }
            Err(CallError::Unsupported) => panic!("module `{}` does not support `check`", plugin.id()),
            Err(CallError::Failed(message)) => panic!("`check` failed on a loaded manifest: {message}"),
        }
    }
}
