//! `juris report`, `juris export ropa|fides` and `juris import fides`: what
//! auditors and teams ask for, made by juris-report from the manifest (and,
//! for the HTML report, from the findings `juris check` would give).

use std::path::Path;

use juris_report::fides;
use juris_report::html::ReportInput;
use juris_report::ropa::{self, RopaOptions};
use juris_report::{ModuleCoverage, ReportFinding};

use crate::Outcome;
use crate::args::{ExportFidesArgs, ExportRopaArgs, ImportFidesArgs, ReportArgs, SortOrder};
use crate::commands::check::{Evaluation, Selection, evaluate};
use crate::input::{ErrorFormat, read_file};
use crate::sanitize;
use crate::session::{self, Session};

/// `juris report`: checks the manifest as `juris check` does, then writes one
/// self-contained HTML file. Exit codes are `check`'s: 1 with error-level
/// findings (the report is still written), 3 when a plugin failed.
pub fn html(session: &Session, args: &ReportArgs) -> Outcome {
    let set = match session::load(session) {
        Ok(set) => set,
        Err(outcome) => return outcome,
    };
    let selection = Selection {
        manifest: args.manifest.as_deref(),
        modules: &args.modules,
        as_of: args.as_of,
        sort: SortOrder::Module,
        evidence: None,
    };
    let ended = evaluate(session, &set, &selection, ErrorFormat::Text, |evaluation| {
        let Evaluation { file, manifest, as_of, reported, findings, failures } = evaluation;
        let report_findings: Vec<ReportFinding> = findings
            .iter()
            .map(|located| ReportFinding {
                rule: located.finding.rule.clone(),
                module: located.module.id.clone(),
                severity: located.finding.severity,
                message: located.finding.message.clone(),
                citation: located.rule.map(|meta| meta.citation.clone()).unwrap_or_default(),
                path: Some(located.finding.path.clone()),
                line: (located.line > 0).then_some(located.line),
                docs: located.rule.map(|meta| meta.docs.clone()),
                waived: located.waiver.is_some(),
            })
            .collect();
        let coverage: Vec<ModuleCoverage> = reported
            .iter()
            .filter(|info| info.id != "juris")
            .map(|info| ModuleCoverage { id: info.id.clone(), version: info.version.clone(), laws: info.laws.clone() })
            .collect();
        let options = ropa_options(manifest);
        let input = ReportInput {
            manifest,
            source: Some(&file.path),
            as_of,
            findings: &report_findings,
            coverage: &coverage,
            duties: None,
            ropa: &options,
        };
        let html = juris_report::html::render(&input);
        if let Err(outcome) = write_out(args.out.as_deref(), html.as_bytes()) {
            return outcome;
        }
        let errors =
            findings.iter().filter(|l| l.waiver.is_none() && l.finding.severity == juris_core::Severity::Error);
        let mut outcome = if errors.count() > 0 { Outcome::Findings } else { Outcome::Clean };
        if !failures.is_empty() {
            outcome = outcome.and(Outcome::PluginFailed);
        }
        outcome
    });
    ended.unwrap_or_else(|outcome| outcome)
}

/// `juris export ropa`: the record of processing, one row per activity.
pub fn export_ropa(session: &Session, args: &ExportRopaArgs) -> Outcome {
    let Some(manifest) = load_manifest(session, args.manifest.as_deref()) else { return Outcome::InputError };
    let record = ropa::record(&manifest, args.variant.into(), &ropa_options(&manifest));
    let format = args.format.into();
    if format == ropa::Format::Xlsx && args.out.is_none() && !crate::output::is_file() {
        eprintln!("error: an XLSX workbook is binary: give --out FILE (or --output FILE)");
        return Outcome::InputError;
    }
    let bytes = match ropa::export(&record, format) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("error: cannot write the record: {}", sanitize::line(&error.0));
            return Outcome::InputError;
        }
    };
    let incomplete = record.rows.iter().filter(|row| !row.missing.is_empty()).count();
    if incomplete > 0 {
        eprintln!(
            "note: {incomplete} of {} activities lack fields {} requires (the `missing` column names them)",
            record.rows.len(),
            record.variant.citation()
        );
    }
    write_out(args.out.as_deref(), &bytes).err().unwrap_or(Outcome::Clean)
}

/// `juris export fides`: systems and privacy declarations as fideslang YAML.
pub fn export_fides(session: &Session, args: &ExportFidesArgs) -> Outcome {
    let Some(manifest) = load_manifest(session, args.manifest.as_deref()) else { return Outcome::InputError };
    let exported = fides::export::export(&manifest);
    for note in &exported.notes {
        eprintln!("note: {}", sanitize::line(note));
    }
    write_out(args.out.as_deref(), exported.yaml.as_bytes()).err().unwrap_or(Outcome::Clean)
}

/// `juris import fides`: fideslang resources to a manifest with TODOs.
pub fn import_fides(args: &ImportFidesArgs) -> Outcome {
    if let Some(out) = &args.out
        && out.exists()
    {
        eprintln!(
            "error: `{}` exists; juris import never overwrites a file",
            sanitize::line(&out.display().to_string())
        );
        return Outcome::InputError;
    }
    // Import reads no juris.toml, so the default cap applies.
    let read = |path: &std::path::Path| {
        juris_host::input::read_text(path, "Fides file", juris_host::input::DEFAULT_MAX_BYTES).map_err(|e| match e.at {
            Some((line, column)) => format!("{} (line {line}, column {column})", e.message),
            None => e.message,
        })
    };
    let imported = match fides::import::import_paths(&args.paths, &read) {
        Ok(imported) => imported,
        Err(errors) => {
            for error in &errors {
                eprintln!("error: {}", sanitize::line(&error.to_string()));
            }
            return Outcome::InputError;
        }
    };
    for note in &imported.notes {
        eprintln!("note: {}", sanitize::line(note));
    }
    if let Err(outcome) = write_out(args.out.as_deref(), imported.manifest.as_bytes()) {
        return outcome;
    }
    eprintln!(
        "imported {} file(s); the manifest has {} TODO comment(s) to fill in before `juris check` means much",
        imported.files.len(),
        imported.todos
    );
    Outcome::Clean
}

fn ropa_options(manifest: &juris_core::Manifest) -> RopaOptions {
    RopaOptions { security_measures: manifest.organization.security_measures.as_deref().map(str::to_string) }
}

/// Reads and parses the manifest, reporting every input error (exit 2).
fn load_manifest(session: &Session, given: Option<&Path>) -> Option<juris_core::Manifest> {
    let path = session.manifest_path(given).ok()?;
    let file = read_file(&path, session.max_manifest_bytes(), ErrorFormat::Text).ok()?;
    let parsed = file.parse(ErrorFormat::Text).ok()?;
    Some(parsed.manifest)
}

/// Writes `bytes` to `out`, or to the output sink (standard output or
/// `--output`) when no file is given.
fn write_out(out: Option<&Path>, bytes: &[u8]) -> Result<(), Outcome> {
    match out {
        Some(path) => std::fs::write(path, bytes).map_err(|error| {
            eprintln!("error: cannot write `{}`: {error}", sanitize::line(&path.display().to_string()));
            Outcome::InputError
        }),
        None => {
            crate::output::write_bytes(bytes);
            Ok(())
        }
    }
}
