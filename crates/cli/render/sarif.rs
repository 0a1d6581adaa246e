//! SARIF 2.1.0 for code-scanning tools: the juris driver, one
//! `tool.extensions` entry per module with its rules (help text, citation),
//! results located at manifest line and column, waived findings as external
//! suppressions, and input errors as tool execution notifications.

use juris_core::Severity;
use juris_core::manifest::InputError;
use serde::Serialize;
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

// The log is written through borrowed, typed records rather than a
// `serde_json::Value` tree: a report can hold hundreds of thousands of
// results, and a tree of them costs gigabytes.

#[derive(Serialize)]
struct Log<'a, Results> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a, Results>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a, Results> {
    tool: Tool<'a>,
    invocations: [Invocation; 1],
    artifacts: [Artifact<'a>; 1],
    column_kind: &'static str,
    results: Results,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Value,
    extensions: Vec<Extension<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Extension<'a> {
    name: &'a str,
    full_name: &'a str,
    version: &'a str,
    rules: Vec<Value>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Value>,
    properties: Value,
}

#[derive(Serialize)]
struct Artifact<'a> {
    location: Uri<'a>,
}

#[derive(Serialize)]
struct Uri<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule: RuleRef<'a>,
    level: &'static str,
    message: Text,
    locations: [Location<'a>; 1],
    partial_fingerprints: Fingerprints,
    properties: PathProperty<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressions: Option<[Suppression<'a>; 1]>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleRef<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<usize>,
    tool_component: ComponentIndex,
}

#[derive(Serialize)]
struct ComponentIndex {
    index: usize,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: Uri<'a>,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "juris/v1")]
    juris_v1: String,
}

#[derive(Serialize)]
struct PathProperty<'a> {
    path: &'a str,
}

#[derive(Serialize)]
struct Suppression<'a> {
    kind: &'static str,
    status: &'static str,
    justification: &'a str,
    properties: SuppressionProperties<'a>,
}

#[derive(Serialize)]
struct SuppressionProperties<'a> {
    owner: &'a str,
    expires: String,
}

fn rule_descriptor(rule: &juris_core::RuleMeta) -> Value {
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
}

/// The SARIF log of a check. Rule descriptors are looked up by id once per
/// module, so the cost is linear in the number of findings.
/// `uri` is the manifest's path as a URI reference ([`uri_reference`]).
pub fn report<'a>(report: &'a Report, uri: &'a str) -> impl Serialize + 'a {
    let extensions: Vec<Extension> = report
        .modules
        .iter()
        .map(|module| Extension {
            name: &module.id,
            full_name: &module.name,
            version: &module.version,
            rules: module.rules.iter().map(rule_descriptor).collect(),
        })
        .collect();
    let rule_indices: Vec<std::collections::HashMap<&str, usize>> = report
        .modules
        .iter()
        .map(|module| module.rules.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect())
        .collect();
    let module_index: std::collections::HashMap<*const juris_core::ModuleInfo, usize> =
        report.modules.iter().enumerate().map(|(i, m)| (*m as *const _, i)).collect();
    let results = Results { report, uri, rule_indices, module_index };
    let notifications: Vec<Value> = report
        .failures
        .iter()
        .map(|f| json!({ "level": "error", "message": { "text": format!("{} ({})", f.message, f.plugin) } }))
        .collect();
    Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool { driver: driver(), extensions },
            invocations: [Invocation {
                execution_successful: report.failures.is_empty(),
                tool_execution_notifications: notifications,
                properties: json!({ "as_of": report.as_of.to_string() }),
            }],
            artifacts: [Artifact { location: Uri { uri } }],
            // Columns are counted in characters, as in the text and JSON output.
            column_kind: "unicodeCodePoints",
            results,
        }],
    }
}

/// The results, each made as it is written.
struct Results<'a> {
    report: &'a Report<'a>,
    uri: &'a str,
    /// Per extension: rule id to the rule's index in it.
    rule_indices: Vec<std::collections::HashMap<&'a str, usize>>,
    module_index: std::collections::HashMap<*const juris_core::ModuleInfo, usize>,
}

impl Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.report.findings.iter().map(|l| self.result(l)))
    }
}

impl<'a> Results<'a> {
    fn result(&self, l: &'a crate::report::Located<'a>) -> SarifResult<'a> {
        let uri = self.uri;
        let extension = self.module_index.get(&(l.module as *const _)).copied().unwrap_or(0);
        let rule_index = self.rule_indices.get(extension).and_then(|ids| ids.get(l.finding.rule.as_str()).copied());
        let message = match &l.finding.help {
            Some(help) => format!("{} (help: {help})", l.finding.message),
            None => l.finding.message.clone(),
        };
        SarifResult {
            rule_id: &l.finding.rule,
            rule: RuleRef {
                id: &l.finding.rule,
                index: rule_index,
                tool_component: ComponentIndex { index: extension },
            },
            level: level(l.finding.severity),
            message: Text { text: message },
            locations: [Location {
                physical_location: PhysicalLocation {
                    artifact_location: Uri { uri },
                    region: Region { start_line: l.line, start_column: l.column },
                },
            }],
            partial_fingerprints: Fingerprints { juris_v1: format!("{}:{}", l.finding.rule, l.finding.path) },
            properties: PathProperty { path: &l.finding.path },
            suppressions: l.waiver.map(|waiver| {
                [Suppression {
                    kind: "external",
                    status: "accepted",
                    justification: &waiver.reason,
                    properties: SuppressionProperties { owner: &waiver.owner, expires: waiver.expires.0.to_string() },
                }]
            }),
        }
    }
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
