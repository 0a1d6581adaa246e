//! The JSON report of `juris check --format json`. Its shape is documented in
//! docs/output.md, and programs depend on its names: add, never rename.
//!
//! Written through borrowed, typed records rather than a `serde_json::Value`
//! tree: a report can hold hundreds of thousands of findings.

use serde::Serialize;

use crate::report::Report;

#[derive(Serialize)]
struct JsonReport<'a, Findings> {
    juris: &'static str,
    manifest: &'a str,
    as_of: String,
    modules: Vec<JsonModule<'a>>,
    findings: Findings,
    summary: Summary<'a>,
    unchecked_markets: Vec<String>,
    errors: Vec<JsonError<'a>>,
}

#[derive(Serialize)]
struct JsonModule<'a> {
    id: &'a str,
    name: &'a str,
    version: &'a str,
    /// The oldest date the module's laws are current to.
    current_to: Option<String>,
    laws: &'a [juris_core::Law],
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
    #[serde(skip_serializing_if = "Option::is_none")]
    waived: Option<JsonWaiver<'a>>,
}

#[derive(Serialize)]
struct JsonWaiver<'a> {
    reason: &'a str,
    owner: &'a str,
    expires: String,
}

#[derive(Serialize)]
struct Summary<'a> {
    errors: usize,
    warnings: usize,
    notes: usize,
    waived: usize,
    by_module: Vec<ModuleCounts<'a>>,
    by_rule: Vec<RuleCount<'a>>,
}

#[derive(Serialize)]
struct ModuleCounts<'a> {
    module: &'a str,
    errors: usize,
    warnings: usize,
    notes: usize,
    waived: usize,
}

#[derive(Serialize)]
struct RuleCount<'a> {
    rule: &'a str,
    module: &'a str,
    count: usize,
    waived: usize,
}

#[derive(Serialize)]
struct JsonError<'a> {
    path: &'a str,
    error: &'a str,
}

pub fn print(report: &Report) {
    let findings = super::Sequence(|| {
        report.findings.iter().map(|l| JsonFinding {
            rule: &l.finding.rule,
            module: &l.module.id,
            severity: l.finding.severity,
            message: &l.finding.message,
            citation: l.rule.map(|r| r.citation.as_str()),
            path: &l.finding.path,
            line: l.line,
            column: l.column,
            help: l.finding.help.as_deref(),
            waived: l.waiver.map(|w| JsonWaiver {
                reason: &w.reason,
                owner: &w.owner,
                expires: w.expires.0.to_string(),
            }),
        })
    });
    let json = JsonReport {
        juris: env!("CARGO_PKG_VERSION"),
        manifest: report.manifest_path,
        as_of: report.as_of.to_string(),
        modules: report
            .modules
            .iter()
            .filter(|m| m.id != crate::host_rules::ID)
            .map(|m| JsonModule {
                id: &m.id,
                name: &m.name,
                version: &m.version,
                current_to: m.laws.iter().map(|l| l.current_to).min().map(|d| d.to_string()),
                laws: &m.laws,
            })
            .collect(),
        findings,
        summary: Summary {
            errors: report.count(juris_core::Severity::Error),
            warnings: report.count(juris_core::Severity::Warning),
            notes: report.count(juris_core::Severity::Note),
            waived: report.waived(),
            by_module: report
                .modules
                .iter()
                .map(|m| {
                    let [errors, warnings, notes, waived] = report.by_module(&m.id);
                    ModuleCounts { module: &m.id, errors, warnings, notes, waived }
                })
                .collect(),
            by_rule: report
                .statistics()
                .into_iter()
                .map(|(rule, module, _, count, waived)| RuleCount { rule, module, count, waived })
                .collect(),
        },
        unchecked_markets: report.unchecked_markets.iter().map(ToString::to_string).collect(),
        errors: report.failures.iter().map(|f| JsonError { path: &f.plugin, error: &f.message }).collect(),
    };
    crate::output::json(&json);
}
