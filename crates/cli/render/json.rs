//! The JSON report of `juris check --format json`. Its shape is documented in
//! docs/output.md, and programs depend on its names: add, never rename.

use serde_json::{Value, json};

use crate::commands::check::Report;

pub fn report(report: &Report) -> Value {
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|l| {
            json!({
                "rule": l.finding.rule,
                "module": l.module.info.id,
                "severity": l.finding.severity,
                "message": l.finding.message,
                "citation": l.rule.map(|r| r.citation.as_str()),
                "path": l.finding.path,
                "line": l.line,
                "column": l.column,
                "help": l.finding.help,
            })
        })
        .collect();
    json!({
        "juris": env!("CARGO_PKG_VERSION"),
        "manifest": report.manifest_path,
        "as_of": report.as_of.to_string(),
        "modules": report.modules.iter().map(|p| json!({"id": p.info.id, "version": p.info.version})).collect::<Vec<_>>(),
        "findings": findings,
        "summary": {
            "errors": report.count(juris_core::Severity::Error),
            "warnings": report.count(juris_core::Severity::Warning),
            "notes": report.count(juris_core::Severity::Note),
        },
        "errors": report.failures.iter().map(|(path, error)| json!({"path": path, "error": error})).collect::<Vec<_>>(),
    })
}
