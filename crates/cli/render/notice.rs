//! The output of `juris notice check`: rustc-style text against the notice's
//! lines, and SARIF results located in the notice file. (JSON is the
//! `NoticeReport` itself, docs/notice.md.) Every text from the notice or a
//! module passes through `sanitize` first.

use juris_core::{ModuleInfo, Severity};
use juris_notice::{ItemResult, NoticeReport, Status};
use serde_json::{Value, json};

use crate::report::Failure;
use crate::sanitize;

fn paint(text: &str, code: &str) -> String {
    if crate::output::color() { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
}

fn label(severity: Severity) -> String {
    match severity {
        Severity::Error => paint("error", "1;31"),
        Severity::Warning => paint("warning", "1;33"),
        Severity::Note => paint("note", "1;36"),
    }
}

/// A missing required item is an error; a missing item the law only
/// recommends is a warning.
fn item_severity(item: &ItemResult) -> Severity {
    if item.required { Severity::Error } else { Severity::Warning }
}

pub fn print_text(report: &NoticeReport, notice_text: &str, show_present: bool) {
    let file = sanitize::line(&report.notice).into_owned();
    let lines: Vec<&str> = notice_text.lines().collect();
    let mut out = String::new();
    for module in &report.modules {
        let id = sanitize::line(&module.module).into_owned();
        let (mut present, mut missing, mut not_applicable) = (0, 0, 0);
        for item in &module.items {
            match item.status {
                Status::Present => present += 1,
                Status::Missing => missing += 1,
                Status::NotApplicable => not_applicable += 1,
            }
        }
        out.push_str(&format!("── {id}: {present} present, {missing} missing, {not_applicable} not applicable ──\n"));
        match &module.section {
            Some(section) => out.push_str(&format!(
                "   its section: \"{}\" ({file}:{})\n\n",
                sanitize::line(&section.title),
                section.line
            )),
            None => out.push_str("   no part of the notice is addressed to its region; the general text was read\n\n"),
        }
        if let Some(error) = &module.error {
            out.push_str(&format!("{}: {}\n\n", label(Severity::Error), sanitize::line(error)));
        }
        for item in &module.items {
            match item.status {
                Status::Missing => {
                    let where_ = match &module.section {
                        Some(section) => {
                            format!("{file}:{} (nothing in the general text or this section)", section.line)
                        }
                        None => file.clone(),
                    };
                    out.push_str(&format!(
                        "{}[{id}/{}]: the notice does not disclose: {}\n  --> {where_}\n   = law: {}\n",
                        label(item_severity(item)),
                        sanitize::line(&item.id),
                        sanitize::line(&item.title),
                        sanitize::line(&item.citation)
                    ));
                    if let Some(add) = &item.add {
                        out.push_str(&format!("   = help: {}\n", sanitize::line(add)));
                    }
                    out.push('\n');
                }
                Status::Present if show_present => {
                    out.push_str(&format!(
                        "{}[{id}/{}]: {}\n",
                        paint("present", "1;32"),
                        sanitize::line(&item.id),
                        sanitize::line(&item.title)
                    ));
                    if let Some(line) = item.line {
                        out.push_str(&format!("  --> {file}:{line}\n"));
                    }
                    if let Some(quote) = &item.quote {
                        out.push_str(&format!("   | {}\n", sanitize::line(quote)));
                    }
                    out.push('\n');
                }
                Status::NotApplicable if show_present => {
                    out.push_str(&format!(
                        "{}[{id}/{}]: {}: {}\n\n",
                        paint("not applicable", "2"),
                        sanitize::line(&item.id),
                        sanitize::line(&item.title),
                        sanitize::line(&item.why)
                    ));
                }
                _ => {}
            }
        }
    }
    if !report.consistency.is_empty() {
        out.push_str("── consistency with the manifest ──\n\n");
    }
    for finding in &report.consistency {
        out.push_str(&format!(
            "{}[{}]: {}\n",
            label(finding.severity),
            sanitize::line(&finding.rule_id),
            sanitize::line(&finding.message)
        ));
        if let Some(line) = finding.line {
            out.push_str(&format!("  --> {file}:{line}\n"));
            if let Some(text) = lines.get(line.saturating_sub(1) as usize) {
                let shown: String = text.chars().take(120).collect();
                let cut = if text.chars().count() > 120 { "…" } else { "" };
                out.push_str(&format!("   | {}{cut}\n", sanitize::line(shown.trim())));
            }
        }
        if let Some(path) = &finding.path {
            out.push_str(&format!("   = manifest: {}\n", sanitize::line(path)));
        }
        out.push_str(&format!("   = law: {}\n\n", sanitize::line(&finding.citation)));
    }
    let (present, missing, not_applicable) = super::super::commands::notice::counts(report);
    let required_missing =
        report.modules.iter().flat_map(|m| &m.items).filter(|i| i.required && i.status == Status::Missing).count();
    out.push_str(&format!(
        "{} module(s) read {file}: {present} item(s) present, {missing} missing ({required_missing} required), {not_applicable} not applicable; {} consistency finding(s)\n",
        report.modules.len(),
        report.consistency.len()
    ));
    if !show_present {
        out.push_str("(--show-present lists the items found, with their lines and quotes)\n");
    }
    crate::output::write_bytes(out.as_bytes());
}

pub fn sarif(
    report: &NoticeReport,
    modules: &[&ModuleInfo],
    failures: &[Failure],
    as_of: juris_core::jiff::civil::Date,
) -> Value {
    let uri = super::sarif::uri_reference(&report.notice);
    let level = |s: Severity| match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    };
    let mut extensions: Vec<Value> = Vec::new();
    let mut results: Vec<Value> = Vec::new();
    for (index, module) in report.modules.iter().enumerate() {
        let info = modules.iter().find(|m| m.id == module.module);
        let rules: Vec<Value> = module
            .items
            .iter()
            .map(|item| {
                json!({
                    "id": format!("{}/notice/{}", module.module, item.id),
                    "name": item.id,
                    "shortDescription": { "text": item.title },
                    "fullDescription": { "text": format!("{} ({})", item.title, item.citation) },
                    "help": { "text": item.add.clone().unwrap_or_else(|| item.title.clone()) },
                    "defaultConfiguration": { "level": level(item_severity(item)) },
                    "properties": { "citation": item.citation },
                })
            })
            .collect();
        extensions.push(json!({
            "name": module.module,
            "version": info.map(|i| i.version.clone()).unwrap_or_default(),
            "rules": rules,
        }));
        for (rule_index, item) in module.items.iter().enumerate().filter(|(_, i)| i.status == Status::Missing) {
            let line = module.section.as_ref().map(|s| s.line).unwrap_or(1).max(1);
            let mut message = format!("The notice does not disclose: {}. {}", item.title, item.why);
            if let Some(add) = &item.add {
                message.push_str(&format!(" (help: {add})"));
            }
            results.push(json!({
                "ruleId": format!("{}/notice/{}", module.module, item.id),
                "rule": { "id": format!("{}/notice/{}", module.module, item.id), "index": rule_index, "toolComponent": { "index": index } },
                "level": level(item_severity(item)),
                "message": { "text": message },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri }, "region": { "startLine": line } } }],
                "partialFingerprints": { "juris/v1": format!("{}/notice/{}", module.module, item.id) },
            }));
        }
    }
    let consistency_rules: Vec<Value> = juris_notice::CONSISTENCY_RULES
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "name": rule.id.rsplit('/').next().unwrap_or(rule.id),
                "shortDescription": { "text": rule.title },
                "fullDescription": { "text": format!("{} ({})", rule.title, rule.citation) },
                "help": { "text": rule.docs.trim(), "markdown": rule.docs.trim() },
                "defaultConfiguration": { "level": level(rule.severity) },
                "properties": { "citation": rule.citation },
            })
        })
        .collect();
    let consistency_index = extensions.len();
    extensions.push(json!({ "name": "notice", "rules": consistency_rules }));
    for finding in &report.consistency {
        let rule_index = juris_notice::CONSISTENCY_RULES.iter().position(|r| r.id == finding.rule_id);
        let mut rule = json!({ "id": finding.rule_id, "toolComponent": { "index": consistency_index } });
        if let Some(i) = rule_index {
            rule["index"] = json!(i);
        }
        results.push(json!({
            "ruleId": finding.rule_id,
            "rule": rule,
            "level": level(finding.severity),
            "message": { "text": finding.message },
            "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri }, "region": { "startLine": finding.line.unwrap_or(1).max(1) } } }],
            "properties": { "path": finding.path, "citation": finding.citation },
        }));
    }
    let notifications: Vec<Value> = failures
        .iter()
        .map(|f| json!({ "level": "error", "message": { "text": format!("{} ({})", f.message, f.plugin) } }))
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": { "name": "juris", "version": env!("CARGO_PKG_VERSION"), "informationUri": "https://example.invalid/juris", "rules": [] },
                "extensions": extensions,
            },
            "invocations": [{
                "executionSuccessful": failures.is_empty(),
                "toolExecutionNotifications": notifications,
                "properties": { "as_of": as_of.to_string() },
            }],
            "artifacts": [{ "location": { "uri": uri } }],
            "results": results,
        }],
    })
}
