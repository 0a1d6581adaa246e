//! The JSON report of `juris check --format json`. Its shape is documented in
//! docs/output.md, and programs depend on its names: add, never rename.
//!
//! Written through borrowed, typed records rather than a `serde_json::Value`
//! tree: a report can hold hundreds of thousands of findings.

use serde::Serialize;

use crate::commands::check::Report;

#[derive(Serialize)]
struct JsonReport<'a> {
    juris: &'static str,
    manifest: &'a str,
    as_of: String,
    modules: Vec<JsonModule<'a>>,
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
    errors: Vec<JsonError<'a>>,
}

#[derive(Serialize)]
struct JsonModule<'a> {
    id: &'a str,
    version: &'a str,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    module: &'a str,
    severity: juris_core::Severity,
    message: &'a str,
    citation: Option<&'a str>,
    path: &'a str,
    line: usize,
    column: usize,
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    notes: usize,
}

#[derive(Serialize)]
struct JsonError<'a> {
    path: &'a str,
    error: &'a str,
}

pub fn print(report: &Report) {
    let findings = report
        .findings
        .iter()
        .map(|l| JsonFinding {
            rule: &l.finding.rule,
            module: &l.module.info.id,
            severity: l.finding.severity,
            message: &l.finding.message,
            citation: l.rule.map(|r| r.citation.as_str()),
            path: &l.finding.path,
            line: l.line,
            column: l.column,
            help: l.finding.help.as_deref(),
        })
        .collect();
    let json = JsonReport {
        juris: env!("CARGO_PKG_VERSION"),
        manifest: report.manifest_path,
        as_of: report.as_of.to_string(),
        modules: report.modules.iter().map(|p| JsonModule { id: &p.info.id, version: &p.info.version }).collect(),
        findings,
        summary: Summary {
            errors: report.count(juris_core::Severity::Error),
            warnings: report.count(juris_core::Severity::Warning),
            notes: report.count(juris_core::Severity::Note),
        },
        errors: report.failures.iter().map(|(path, error)| JsonError { path, error }).collect(),
    };
    crate::commands::print_json(&json);
}
