//! `juris rules` and `juris explain`: every rule, the loaded modules' and the
//! host's own (`juris/*`), with its citation, severity and dates in force.

use juris_core::RuleMeta;
use serde_json::json;

use crate::Outcome;
use crate::args::ListFormat;
use crate::host_rules;
use crate::output::outln;
use crate::sanitize;
use crate::session::{self, Session};

fn dates(rule: &RuleMeta) -> String {
    match (rule.in_force_from, rule.in_force_until) {
        (Some(from), Some(until)) => format!("{from} to {until}"),
        (Some(from), None) => format!("from {from}"),
        (None, Some(until)) => format!("until {until}"),
        (None, None) => "always".to_string(),
    }
}

pub fn list(session: &Session, modules: &[String], format: ListFormat) -> Outcome {
    let set = match session::load(session) {
        Ok(set) => set,
        Err(outcome) => return outcome,
    };
    // `juris` (the host's rules) and `notice` (notice consistency) are not plugins.
    let plugin_ids: Vec<String> = modules.iter().filter(|m| *m != host_rules::ID && *m != "notice").cloned().collect();
    let selected = match super::select(&set, &plugin_ids) {
        Ok(selected) => selected,
        Err(outcome) => return outcome,
    };
    let host = &*host_rules::INFO;
    let with_host = modules.is_empty() || modules.iter().any(|m| m == host_rules::ID);
    let notice = &*super::notice::CONSISTENCY_RULES;
    let with_notice = modules.is_empty() || modules.iter().any(|m| m == "notice");
    let only_pseudo = !modules.is_empty() && plugin_ids.is_empty();
    let mut infos: Vec<&juris_core::ModuleInfo> =
        if only_pseudo { Vec::new() } else { selected.iter().map(|p| &p.info).collect() };
    if with_host {
        infos.push(host);
    }
    if with_notice {
        infos.push(notice);
    }
    let rules = infos.iter().flat_map(|m| m.rules.iter().map(move |r| (m.id.as_str(), r)));
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
            crate::output::json(&json!({ "rules": rules }));
        }
        ListFormat::Text => {
            for (_, r) in rules {
                outln!(
                    "{:<44} {:<7} {} — {} [{}]",
                    sanitize::line(&r.id),
                    r.severity.to_string(),
                    sanitize::line(&r.title),
                    sanitize::line(&r.citation),
                    dates(r)
                );
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
    let host = &*host_rules::INFO;
    let notice = &*super::notice::CONSISTENCY_RULES;
    let all: Vec<&RuleMeta> = set
        .plugins
        .iter()
        .flat_map(|p| p.info.rules.iter())
        .chain(host.rules.iter())
        .chain(notice.rules.iter())
        .collect();
    let Some(rule) = all.iter().find(|r| r.id == id) else {
        // A bare rule name (`localization`) names the rule of that name in
        // whichever module has it; otherwise the closest id.
        let by_name: Vec<&str> =
            all.iter().filter(|r| r.id.rsplit('/').next() == Some(id)).map(|r| r.id.as_str()).collect();
        let suggestion = if by_name.is_empty() {
            juris_core::suggest::closest(id, all.iter().map(|r| r.id.as_str()), 3)
                .or_else(|| {
                    let names = all.iter().map(|r| r.id.rsplit('/').next().unwrap_or(&r.id));
                    let near = juris_core::suggest::closest(id, names, 3)?;
                    all.iter().map(|r| r.id.as_str()).find(|r| r.rsplit('/').next() == Some(near))
                })
                .map(|r| format!("; did you mean `{r}`?"))
                .unwrap_or_default()
        } else {
            let quoted: Vec<String> = by_name.iter().map(|r| format!("`{r}`")).collect();
            format!("; did you mean {}?", quoted.join(" or "))
        };
        eprintln!("error: unknown rule `{}`{}", sanitize::line(id), sanitize::line(&suggestion));
        eprintln!("  = help: `juris rules` lists every rule");
        session::report_load_errors(&set);
        return Outcome::InputError;
    };
    let in_force = match dates(rule).as_str() {
        "always" => "in force".to_string(),
        d => format!("in force {d}"),
    };
    outln!("# {}: {}\n", sanitize::line(&rule.id), sanitize::line(&rule.title));
    outln!("Law: {}", sanitize::line(&rule.citation));
    outln!("Default severity: {}", rule.severity);
    outln!("Dates: {in_force}");
    outln!("{}", sanitize::block(rule.docs.trim_end(), ""));
    session::report_load_errors(&set)
}
