//! `juris dsr plan` and `juris incident plan`: the dated duties an event
//! triggers, merged across modules into one timeline in the order they fall
//! due, with the ones already past due at `--now` marked overdue.

use juris_core::jiff::SignedDuration;
use juris_core::module::{Event, EventContext, Obligation, Plan};
use juris_core::time::Instant;
use juris_core::{Incident, Jurisdiction, RightsRequest};
use juris_host::Plugin;
use serde::Serialize;

use crate::Outcome;
use crate::args::{DsrPlanArgs, IncidentPlanArgs, PlanFormat, TimelineArgs};
use crate::input::read_manifest;
use crate::output::outln;
use crate::sanitize;
use crate::session::{self, Session};

pub fn dsr(session: &Session, args: &DsrPlanArgs) -> Outcome {
    let event = Event::Request(RightsRequest {
        jurisdiction: args.jurisdiction.clone(),
        request: args.request,
        received: args.received,
        relevant_time: args.relevant_time,
        paused_days: args.paused_days,
        calendar: args.calendar.clone(),
    });
    if let Some(t) = args.relevant_time
        && t < args.received
    {
        eprintln!("error: --relevant-time {t} is before --received {}", args.received);
        return Outcome::InputError;
    }
    plan(session, event, std::slice::from_ref(&args.jurisdiction), args.manifest.as_deref(), &args.timeline)
}

pub fn incident(session: &Session, args: &IncidentPlanArgs) -> Outcome {
    let event = Event::Incident(Incident {
        jurisdictions: args.jurisdiction.clone(),
        discovered: args.discovered,
        affected: args.affected,
    });
    plan(session, event, &args.jurisdiction, args.manifest.as_deref(), &args.timeline)
}

/// An obligation as the plan shows it: with whether it is past due at `now`.
#[derive(Serialize)]
struct Timed<'a> {
    #[serde(flatten)]
    obligation: &'a Obligation,
    overdue: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    overdue_days: Option<i64>,
}

fn plan(
    session: &Session,
    event: Event,
    places: &[Jurisdiction],
    manifest: Option<&std::path::Path>,
    timeline: &TimelineArgs,
) -> Outcome {
    let set = match session::load_brief(session) {
        Ok(set) => set,
        Err(outcome) => return outcome,
    };
    let manifest = match manifest.map(|path| read_manifest(path, session.max_manifest_bytes())).transpose() {
        Ok(manifest) => manifest,
        Err(outcome) => return outcome,
    };
    let governs = |p: &Plugin| p.info.jurisdictions.iter().any(|j| places.iter().any(|place| j.overlaps(place)));
    let modules: Vec<&Plugin> = set.plugins.iter().filter(|p| governs(p)).collect();
    let mut outcome = session::report_load_errors(&set);
    if modules.is_empty() {
        let shown: Vec<String> = places.iter().map(ToString::to_string).collect();
        eprintln!("error: no loaded module encodes the law of {}", shown.join(", "));
        let ids: Vec<&str> = set.plugins.iter().map(|p| p.id()).collect();
        eprintln!("  = help: loaded modules: {}", sanitize::line(&super::list_or_none(&ids)));
        return outcome.and(Outcome::InputError);
    }
    let ctx = EventContext { event, manifest };
    let mut all = Plan::default();
    for plugin in modules {
        match plugin.obligations(&ctx) {
            Ok(plan) => {
                all.obligations.extend(plan.obligations);
                all.notes.extend(plan.notes.into_iter().map(|n| format!("{}: {n}", plugin.id())));
            }
            Err(error) => {
                eprintln!("error: {}", sanitize::line(&error.to_string()));
                outcome = outcome.and(Outcome::PluginFailed);
            }
        }
    }
    // One timeline across modules, in the order the duties fall due.
    all.sort();
    let now = timeline.now.unwrap_or_else(now);
    let timed: Vec<Timed> = all
        .obligations
        .iter()
        .map(|o| {
            let late = o.due.overdue_at(&now);
            Timed { obligation: o, overdue: late.is_some(), overdue_days: late.map(|d| d.as_hours() / 24) }
        })
        .collect();
    match timeline.format {
        PlanFormat::Json => crate::output::json(&serde_json::json!({
            "now": now.to_string(),
            "obligations": timed,
            "notes": all.notes,
        })),
        PlanFormat::Text => print_text(&timed, &all.notes, &now),
        PlanFormat::Ics => crate::commands::ics::print(&all.obligations),
    }
    outcome
}

/// The current time, in the system's UTC offset.
fn now() -> Instant {
    let zoned = crate::session::now_local();
    Instant { timestamp: zoned.timestamp(), offset: zoned.offset() }
}

fn late(duration: SignedDuration) -> String {
    let hours = duration.as_hours();
    if hours >= 24 {
        let days = hours / 24;
        format!("OVERDUE by {days} day{}", if days == 1 { "" } else { "s" })
    } else {
        let hours = hours.max(1);
        format!("OVERDUE by {hours} hour{}", if hours == 1 { "" } else { "s" })
    }
}

fn print_text(timed: &[Timed], notes: &[String], now: &Instant) {
    if timed.is_empty() {
        outln!("no dated duties");
    }
    for t in timed {
        let Obligation { module, action, due, extended_due, citation, note, warnings } = t.obligation;
        let extended = extended_due.map(|d| format!(" (extendable to {d})")).unwrap_or_default();
        let overdue = due.overdue_at(now).map(|d| format!("  [{}]", late(d))).unwrap_or_default();
        outln!("{}: {} by {due}{extended}{overdue}", sanitize::line(module), sanitize::line(action));
        outln!("  law:  {}", sanitize::line(citation));
        outln!("  how:  {}", sanitize::line(note));
        for w in warnings {
            outln!("  warning: {}", sanitize::line(w));
        }
    }
    for note in notes {
        outln!("note: {}", sanitize::line(note));
    }
}
