//! SARIF 2.1.0 for code-scanning tools: the juris driver, one
//! `tool.extensions` entry per module with its rules (help text, citation),
//! results located at manifest line and column, waived findings as external
//! suppressions, and input errors as tool execution notifications.

use juris_core::Severity;
use juris_core::manifest::InputError;
use serde_json::{Value, json};

use crate::report::Report;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn driver() -> Value {
    json!({
        "name": "juris",
        "version": env!("CARGO_PKG_VERSION"),
        "informationUri": "https://example.invalid/juris",
        "rules": [],
    })
}

pub fn report(report: &Report) -> Value {
    let extensions: Vec<Value> = report
        .modules
        .iter()
        .map(|module| {
            let rules: Vec<Value> = module
                .rules
                .iter()
                .map(|rule| {
                    json!({
                        "id": rule.id,
                        "name": rule.id.rsplit('/').next().unwrap_or(&rule.id),
                        "shortDescription": { "text": rule.title },
                        "fullDescription": { "text": format!("{} ({})", rule.title, rule.citation) },
                        "help": { "text": rule.docs.trim(), "markdown": rule.docs.trim() },
                        "defaultConfiguration": { "level": level(rule.severity) },
                        "properties": {
                            "citation": rule.citation,
                            "in_force_from": rule.in_force_from.map(|d| d.to_string()),
                            "in_force_until": rule.in_force_until.map(|d| d.to_string()),
                        },
                    })
                })
                .collect();
            json!({
                "name": module.id,
                "fullName": module.name,
                "version": module.version,
                "rules": rules,
            })
        })
        .collect();
    let uri = uri_reference(report.manifest_path);
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|l| {
            let extension = report.modules.iter().position(|m| std::ptr::eq(*m, l.module)).unwrap_or(0);
            let rule_index = l.module.rules.iter().position(|r| r.id == l.finding.rule);
            let mut rule = json!({ "id": l.finding.rule, "toolComponent": { "index": extension } });
            if let Some(index) = rule_index {
                rule["index"] = json!(index);
            }
            let mut message = l.finding.message.clone();
            if let Some(help) = &l.finding.help {
                message.push_str(&format!(" (help: {help})"));
            }
            let mut result = json!({
                "ruleId": l.finding.rule,
                "rule": rule,
                "level": level(l.finding.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": { "startLine": l.line, "startColumn": l.column },
                    }
                }],
                "partialFingerprints": {
                    "juris/v1": format!("{}:{}", l.finding.rule, l.finding.path),
                },
                "properties": { "path": l.finding.path },
            });
            if let Some(waiver) = l.waiver {
                result["suppressions"] = json!([{
                    "kind": "external",
                    "status": "accepted",
                    "justification": waiver.reason,
                    "properties": { "owner": waiver.owner, "expires": waiver.expires.0.to_string() },
                }]);
            }
            result
        })
        .collect();
    let notifications: Vec<Value> = report
        .failures
        .iter()
        .map(|f| json!({ "level": "error", "message": { "text": format!("{} ({})", f.message, f.plugin) } }))
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": driver(),
                "extensions": extensions,
            },
            "invocations": [{
                "executionSuccessful": report.failures.is_empty(),
                "toolExecutionNotifications": notifications,
                "properties": { "as_of": report.as_of.to_string() },
            }],
            "artifacts": [{ "location": { "uri": uri } }],
            // Columns are counted in characters, as in the text and JSON output.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// A SARIF log for a manifest that could not be read: no results, an
/// unsuccessful invocation, and one notification per error at its location.
pub fn input_errors(path: &str, errors: &[InputError]) -> Value {
    let uri = uri_reference(path);
    let notifications: Vec<Value> = errors
        .iter()
        .map(|e| {
            json!({
                "level": "error",
                "message": { "text": e.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": { "startLine": e.location.line, "startColumn": e.location.column },
                    }
                }],
            })
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver() },
            "invocations": [{
                "executionSuccessful": false,
                "exitCode": 2,
                "toolExecutionNotifications": notifications,
            }],
            "artifacts": [{ "location": { "uri": uri } }],
            "columnKind": "unicodeCodePoints",
            "results": [],
        }],
    })
}

/// A relative path as a URI reference: forward slashes, and percent-encoding
/// for anything outside the unreserved and path characters.
pub(crate) fn uri_reference(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::new();
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
