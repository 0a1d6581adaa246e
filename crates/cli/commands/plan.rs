//! `juris dsr plan` and `juris incident plan`: the dated duties an event triggers.

use crate::session::Session;
use juris_core::module::{Event, EventContext, Obligation, Plan};
use juris_core::{Incident, Jurisdiction, RightsRequest};
use juris_host::Plugin;
use serde_json::json;

use crate::Outcome;
use crate::args::{DsrPlanArgs, IncidentPlanArgs, ListFormat};
use crate::input::read_manifest;
use crate::output::outln;
use crate::session;

pub fn dsr(session: &Session, args: &DsrPlanArgs) -> Outcome {
    let event = Event::Request(RightsRequest {
        jurisdiction: args.jurisdiction.clone(),
        request: args.request,
        received: args.received,
        relevant_time: args.relevant_time,
        paused_days: args.paused_days,
    });
    if let Some(t) = args.relevant_time
        && t < args.received
    {
        eprintln!("error: --relevant-time {t} is before --received {}", args.received);
        return Outcome::InputError;
    }
    plan(session, event, std::slice::from_ref(&args.jurisdiction), args.manifest.as_deref(), args.format)
}

pub fn incident(session: &Session, args: &IncidentPlanArgs) -> Outcome {
    let event = Event::Incident(Incident {
        jurisdictions: args.jurisdiction.clone(),
        discovered: args.discovered,
        affected: args.affected,
    });
    plan(session, event, &args.jurisdiction, args.manifest.as_deref(), args.format)
}

fn plan(
    session: &Session,
    event: Event,
    places: &[Jurisdiction],
    manifest: Option<&std::path::Path>,
    format: ListFormat,
) -> Outcome {
    let set = match session::load(session) {
        Ok(set) => set,
        Err(outcome) => return outcome,
    };
    let manifest = match manifest.map(read_manifest).transpose() {
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
        eprintln!("  = help: loaded modules: {}", super::list_or_none(&ids));
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
                eprintln!("error: {error}");
                outcome = outcome.and(Outcome::PluginFailed);
            }
        }
    }
    match format {
        ListFormat::Json => super::print_json(&json!({ "obligations": all.obligations, "notes": all.notes })),
        ListFormat::Text => print_text(&all),
    }
    outcome
}

fn print_text(plan: &Plan) {
    if plan.obligations.is_empty() {
        outln!("no dated duties");
    }
    for Obligation { module, action, due, extended_due, citation, note, warnings } in &plan.obligations {
        let extended = extended_due.map(|d| format!(" (extendable to {d})")).unwrap_or_default();
        outln!("{module}: {action} by {due}{extended}");
        outln!("  law:  {citation}");
        outln!("  how:  {note}");
        for w in warnings {
            outln!("  warning: {w}");
        }
    }
    for note in &plan.notes {
        outln!("note: {note}");
    }
}
