//! `juris rules` and `juris explain`.

use crate::session::Session;
use serde_json::json;

use crate::Outcome;
use crate::args::ListFormat;
use crate::output::outln;
use crate::session;

pub fn list(session: &Session, modules: &[String], format: ListFormat) -> Outcome {
    let set = match session::load(session) {
        Ok(set) => set,
        Err(outcome) => return outcome,
    };
    let selected = match super::select(&set, modules) {
        Ok(selected) => selected,
        Err(outcome) => return outcome,
    };
    let rules = selected.iter().flat_map(|p| p.info.rules.iter().map(move |r| (p.id(), r)));
    match format {
        ListFormat::Json => {
            let rules: Vec<_> = rules
                .map(|(module, r)| {
                    json!({
                        "id": r.id,
                        "module": module,
                        "title": r.title,
                        "citation": r.citation,
                        "severity": r.severity,
                        "in_force_from": r.in_force_from.map(|d| d.to_string()),
                        "in_force_until": r.in_force_until.map(|d| d.to_string()),
                    })
                })
                .collect();
            super::print_json(&json!({ "rules": rules }));
        }
        ListFormat::Text => {
            for (_, r) in rules {
                let dates = match (r.in_force_from, r.in_force_until) {
                    (Some(from), Some(until)) => format!("{from} to {until}"),
                    (Some(from), None) => format!("from {from}"),
                    (None, Some(until)) => format!("until {until}"),
                    (None, None) => "always".to_string(),
                };
                outln!("{:<44} {:<7} {} — {} [{}]", r.id, r.severity.to_string(), r.title, r.citation, dates);
            }
        }
    }
    session::report_load_errors(&set)
}

pub fn explain(session: &Session, id: &str) -> Outcome {
    let set = match session::load(session) {
        Ok(set) => set,
        Err(outcome) => return outcome,
    };
    let all: Vec<_> = set.plugins.iter().flat_map(|p| p.info.rules.iter()).collect();
    let Some(rule) = all.iter().find(|r| r.id == id) else {
        let suggestion = juris_core::suggest::closest(id, all.iter().map(|r| r.id.as_str()), 3)
            .map(|r| format!("; did you mean `{r}`?"))
            .unwrap_or_default();
        eprintln!("error: unknown rule `{id}`{suggestion}");
        eprintln!("  = help: `juris rules` lists every rule");
        session::report_load_errors(&set);
        return Outcome::InputError;
    };
    let dates = match (rule.in_force_from, rule.in_force_until) {
        (Some(from), Some(until)) => format!("in force {from} to {until}"),
        (Some(from), None) => format!("in force from {from}"),
        (None, Some(until)) => format!("in force until {until}"),
        (None, None) => "in force".to_string(),
    };
    outln!("# {}: {}\n", rule.id, rule.title);
    outln!("Law: {}", rule.citation);
    outln!("Default severity: {}", rule.severity);
    outln!("Dates: {dates}");
    outln!("{}", rule.docs.trim_end());
    session::report_load_errors(&set)
}
