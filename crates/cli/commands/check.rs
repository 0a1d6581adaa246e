//! `juris check`: run every module's rules over a manifest.

use crate::session::Session;
use juris_core::manifest::SourceIndex;
use juris_core::{CheckContext, Finding, RuleMeta, Severity};
use juris_host::Plugin;

use crate::Outcome;
use crate::args::{CheckArgs, ReportFormat};
use crate::input::read_manifest;
use crate::render;
use crate::session;

/// A finding located in the manifest, with its rule's metadata.
pub struct Located<'a> {
    pub finding: Finding,
    pub module: &'a Plugin,
    pub rule: Option<&'a RuleMeta>,
    pub line: usize,
    pub column: usize,
    pub span: std::ops::Range<usize>,
}

/// Everything a report shows.
pub struct Report<'a> {
    pub manifest_path: &'a str,
    pub manifest_text: &'a str,
    pub as_of: juris_core::jiff::civil::Date,
    pub modules: Vec<&'a Plugin>,
    pub findings: Vec<Located<'a>>,
    /// Plugins that failed to load or to check: (file or module, message).
    pub failures: Vec<(String, String)>,
}

impl Report<'_> {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.finding.severity == severity).count()
    }
}

pub fn run(session: &Session, args: &CheckArgs) -> Outcome {
    let set = match session::load(session) {
        Ok(set) => set,
        Err(outcome) => return outcome,
    };
    let modules = match super::select(&set, &args.modules) {
        Ok(modules) => modules,
        Err(outcome) => return outcome,
    };
    let file = match read_manifest(&args.manifest) {
        Ok(file) => file,
        Err(outcome) => return outcome,
    };
    let as_of = args.as_of.unwrap_or_else(session::today);
    let mut failures: Vec<(String, String)> =
        set.errors.iter().map(|e| (e.path.display().to_string(), e.message.clone())).collect();
    let ctx = CheckContext { manifest: file.manifest, as_of };
    // Encode the manifest once; every plugin decodes the same bytes.
    let input = match serde_json::to_vec(&ctx) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("error: cannot encode the manifest for the plugins: {error}");
            return Outcome::InputError;
        }
    };
    let index = SourceIndex::new(&file.text);
    let mut findings = Vec::new();
    for plugin in &modules {
        match plugin.check_encoded(&input) {
            Ok(found) => {
                for finding in found {
                    let location = index.locate(&finding.path);
                    let rule = plugin.info.rules.iter().find(|r| r.id == finding.rule);
                    findings.push(Located {
                        finding,
                        module: plugin,
                        rule,
                        line: location.line,
                        column: location.column,
                        span: location.span,
                    });
                }
            }
            Err(error) => failures.push((plugin.path.display().to_string(), error.to_string())),
        }
    }
    findings.sort_by(|a, b| {
        (a.line, a.column, &a.finding.rule, &a.finding.message).cmp(&(
            b.line,
            b.column,
            &b.finding.rule,
            &b.finding.message,
        ))
    });
    let report = Report { manifest_path: &file.path, manifest_text: &file.text, as_of, modules, findings, failures };
    match args.format {
        ReportFormat::Text => render::text::print_report(&report),
        ReportFormat::Json => super::print_json(&render::json::report(&report)),
        ReportFormat::Sarif => super::print_json(&render::sarif::report(&report)),
    }
    let mut outcome = if report.count(Severity::Error) > 0 { Outcome::Findings } else { Outcome::Clean };
    if !report.failures.is_empty() {
        if args.format != ReportFormat::Text {
            for (_, message) in &report.failures {
                eprintln!("error: {message}");
            }
        }
        outcome = outcome.and(Outcome::PluginFailed);
    }
    outcome
}
