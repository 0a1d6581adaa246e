//! `juris resolve`: what applies to a person in one jurisdiction.

use juris_core::Jurisdiction;
use juris_core::manifest::ConsentMode;
use juris_core::module::{ResolveContext, Statement};
use serde_json::json;

use crate::Outcome;
use crate::args::{ListFormat, ResolveArgs};
use crate::input::read_manifest;
use crate::output::outln;
use crate::sanitize::line as clean;
use crate::session::{self, Session};

pub fn run(session: &Session, args: &ResolveArgs) -> Outcome {
    let set = match session::load_brief(session) {
        Ok(set) => set,
        Err(outcome) => return outcome,
    };
    let path = match session.manifest_path(args.manifest.as_deref()) {
        Ok(path) => path,
        Err(outcome) => return outcome,
    };
    let manifest = match read_manifest(&path, session.max_manifest_bytes()) {
        Ok(manifest) => manifest,
        Err(outcome) => return outcome,
    };
    let place = &args.jurisdiction;
    let as_of = args.as_of.unwrap_or_else(session::today);
    let m = &manifest;
    let applicable: Vec<_> =
        set.plugins.iter().filter(|p| p.info.jurisdictions.iter().any(|j| j.overlaps(place))).collect();

    // Facts that come from the manifest alone.
    let targeted = m.targets(place);
    let entity = m.contracting_entity(place);
    let consent = m.consent_for(place);
    let systems: Vec<_> = m.systems.iter().filter(|s| s.holds.iter().any(|h| h.overlaps(place))).collect();

    let mut outcome = session::report_load_errors(&set);
    let ctx = ResolveContext { manifest: manifest.clone(), jurisdiction: place.clone(), as_of };
    let mut by_module: Vec<(String, Vec<Statement>)> = Vec::new();
    for plugin in &applicable {
        match plugin.resolve(&ctx) {
            Ok(resolution) => by_module.push((plugin.id().to_string(), resolution.statements)),
            Err(juris_host::CallError::Unsupported) => by_module.push((plugin.id().to_string(), Vec::new())),
            Err(error) => {
                eprintln!("error: {}", clean(&error.to_string()));
                outcome = outcome.and(Outcome::PluginFailed);
            }
        }
    }

    let mode = |m: ConsentMode| match m {
        ConsentMode::OptIn => "opt-in",
        ConsentMode::OptOut => "opt-out",
        ConsentMode::NoticeOnly => "notice-only",
    };
    match args.format {
        ListFormat::Json => {
            let modules: Vec<_> =
                by_module.iter().map(|(id, statements)| json!({ "module": id, "statements": statements })).collect();
            crate::output::json(&json!({
                "jurisdiction": place,
                "as_of": as_of.to_string(),
                "targeted": targeted,
                "modules": modules,
                "contracting_entity": entity.map(|e| json!({"id": e.id, "name": e.name, "country": e.country})),
                "consent": consent.map(|c| json!({"mode": mode(c.mode), "honors_gpc": c.honors_gpc})),
                "systems": systems.iter().map(|s| json!({
                    "id": s.id, "locations": s.locations, "replica_of": s.replica_of.iter()
                        .filter(|(j, _)| j.overlaps(place)).map(|(_, primary)| primary).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            }));
        }
        ListFormat::Text => {
            outln!("Jurisdiction: {place} (as of {as_of})");
            if !targeted {
                outln!("  note: the manifest's organization.markets do not include {place}");
            }
            let ids: Vec<&str> = by_module.iter().map(|(id, _)| id.as_str()).collect();
            outln!("Modules: {}", clean(&super::list_or_none(&ids)));
            match entity {
                Some(e) => outln!("Contracting entity: {} ({}, {})", clean(&e.name), clean(&e.id), e.country),
                None => outln!("Contracting entity: none of [[entities]] serves {place}"),
            }
            match consent {
                Some(c) => outln!(
                    "Consent mode: {}{}",
                    mode(c.mode),
                    match c.honors_gpc {
                        Some(true) => ", honours Global Privacy Control",
                        Some(false) => ", does not honour Global Privacy Control",
                        None => "",
                    }
                ),
                None => outln!("Consent mode: not declared in [consent]"),
            }
            if systems.is_empty() {
                outln!("Storage: no [[systems]] entry holds data of people in {place}");
            }
            for s in &systems {
                let locations: Vec<String> = s.locations.iter().map(Jurisdiction::to_string).collect();
                let replica = s
                    .replica_of
                    .iter()
                    .find(|(j, _)| j.overlaps(place))
                    .map(|(_, primary)| format!(", a replica of `{}` for these people", clean(primary)))
                    .unwrap_or_default();
                outln!("Storage: `{}` in {}{replica}", clean(&s.id), locations.join(", "));
            }
            for (id, statements) in &by_module {
                if statements.is_empty() {
                    continue;
                }
                outln!("\n{}:", clean(id));
                for st in statements {
                    let cite = st.citation.as_deref().map(|c| format!(" [{}]", clean(c))).unwrap_or_default();
                    outln!("  {}: {}{cite}", clean(&st.topic), clean(&st.text));
                }
            }
        }
    }
    if applicable.is_empty() {
        eprintln!("warning: no loaded module encodes the law of {place}");
    }
    outcome
}
