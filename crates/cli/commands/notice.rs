//! `juris notice check`: read a published privacy notice and say, per module,
//! which disclosures its law requires that the notice makes and which it
//! lacks; with `--manifest`, also where the notice contradicts the manifest.
//!
//! The modules ship their required items as data (ABI 1.3 `notice_items`) and
//! decide from the manifest which apply; juris-notice reads the notice and
//! judges every item. A module built before ABI 1.3 reads no notices, which
//! is said on stderr and never counts as a pass for its market.

use std::io::Read;

use juris_core::{Manifest, NoticeRequest};
use juris_host::CallError;
use juris_notice::{ItemsFile, ModuleItems, NoticeReport, Status};

use crate::Outcome;
use crate::args::{NoticeCheckArgs, NoticeFormat};
use crate::input::{ErrorFormat, read_file};
use crate::report::Failure;
use crate::sanitize;
use crate::session::{self, Session};

pub fn check(session: &Session, args: &NoticeCheckArgs) -> Outcome {
    let set = match session::load(session) {
        Ok(set) => set,
        Err(outcome) => return outcome,
    };
    let plugins = match super::select(&set, &args.modules) {
        Ok(plugins) => plugins,
        Err(outcome) => return outcome,
    };
    let name = args.notice.display().to_string();
    let text = match read_notice(args, session.max_manifest_bytes()) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("error: {}", sanitize::line(&message));
            return Outcome::InputError;
        }
    };
    if text.len() > juris_notice::notice::MAX_NOTICE_BYTES {
        // Said, so that an item found only past the cut is not a silent miss.
        eprintln!(
            "warning: `{}` is {} bytes; only its first {} are read",
            sanitize::line(&name),
            text.len(),
            juris_notice::notice::MAX_NOTICE_BYTES
        );
    }
    let manifest: Option<Manifest> = match &args.manifest {
        Some(path) => {
            let format = match args.format {
                NoticeFormat::Json => ErrorFormat::Json,
                NoticeFormat::Sarif => ErrorFormat::Sarif,
                NoticeFormat::Text => ErrorFormat::Text,
            };
            let file = match read_file(path, session.max_manifest_bytes(), format) {
                Ok(file) => file,
                Err(outcome) => return outcome,
            };
            match file.parse(format) {
                Ok(parsed) => Some(parsed.manifest),
                Err(outcome) => return outcome,
            }
        }
        None => None,
    };
    let as_of = args.as_of.unwrap_or_else(session::today);
    let request = NoticeRequest { manifest: manifest.clone(), as_of };

    let mut failures: Vec<Failure> = set
        .errors
        .iter()
        .map(|e| Failure { plugin: e.path.display().to_string(), message: e.message.clone() })
        .collect();
    let mut modules: Vec<ModuleItems> = Vec::new();
    let mut reading: Vec<&juris_core::ModuleInfo> = Vec::new();
    // Reading an items file checks every pattern and compiles the region
    // cues (about ten milliseconds a module), so the files are read side by side.
    let answers: Vec<_> = plugins.iter().map(|plugin| plugin.notice_items(&request)).collect();
    let read: Vec<Option<Result<ItemsFile, String>>> = std::thread::scope(|scope| {
        let running: Vec<_> = answers
            .iter()
            .map(|answer| {
                scope.spawn(move || {
                    answer
                        .as_ref()
                        .ok()
                        .and_then(Option::as_ref)
                        .map(|items| ItemsFile::from_toml(&items.items).map_err(|e| e.0))
                })
            })
            .collect();
        running.into_iter().map(|t| t.join().unwrap_or_else(|_| Some(Err("reading it failed".to_string())))).collect()
    });
    for ((plugin, answer), file) in plugins.iter().zip(answers).zip(read) {
        let failed = |message: String| Failure { plugin: plugin.path.display().to_string(), message };
        match (answer, file) {
            (Ok(Some(items)), Some(file)) => match file {
                Ok(file) if file.module == plugin.id() => {
                    let mut module = ModuleItems::new(file);
                    for (id, applicability) in items.applicability {
                        module.set(&id, applicability.applies, applicability.reason);
                    }
                    modules.push(module);
                    reading.push(&plugin.info);
                }
                Ok(file) => failures.push(failed(format!(
                    "module `{}` gave notice items for module `{}`",
                    plugin.id(),
                    file.module
                ))),
                Err(error) => failures.push(failed(format!(
                    "module `{}` gave a notice items file juris cannot read: {error}",
                    plugin.id()
                ))),
            },
            (Ok(_), _) | (Err(CallError::Unsupported), _) => {
                eprintln!(
                    "note: module `{}` does not read privacy notices (it declares no notice items); its law was not checked against the notice",
                    sanitize::line(plugin.id())
                );
            }
            (Err(error), _) => failures.push(failed(error.to_string())),
        }
    }
    if let Some(failure) = super::check::stray_output_failure(&plugins) {
        failures.push(failure);
    }
    for failure in &failures {
        eprintln!("error: {} (plugin {})", sanitize::line(&failure.message), sanitize::line(&failure.plugin));
    }
    if modules.is_empty() && failures.is_empty() {
        eprintln!("error: no loaded module reads privacy notices, so nothing could be checked");
        return Outcome::PluginFailed;
    }

    let report = juris_notice::check(&name, &text, &modules, manifest.as_ref(), as_of);
    match args.format {
        NoticeFormat::Json => crate::output::json(&report),
        NoticeFormat::Sarif => crate::output::json(&crate::render::notice::sarif(&report, &reading, &failures, as_of)),
        NoticeFormat::Text => crate::render::notice::print_text(&report, &text, args.show_present),
    }
    let missing = report
        .modules
        .iter()
        .any(|m| m.error.is_some() || m.items.iter().any(|i| i.required && i.status == Status::Missing));
    let contradicted = report.consistency.iter().any(|f| f.severity == juris_core::Severity::Error);
    let mut outcome = if missing || contradicted { Outcome::Findings } else { Outcome::Clean };
    if !failures.is_empty() {
        outcome = outcome.and(Outcome::PluginFailed);
    }
    outcome
}

/// The notice's text: a regular file of bounded size, or standard input for
/// `-`, read to the same bound. Invalid UTF-8 is replaced, since a saved web
/// page in another encoding must still be readable; the lines stay the same.
fn read_notice(args: &NoticeCheckArgs, max_bytes: u64) -> Result<String, String> {
    if args.notice.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read the notice from standard input: {e}"))?;
        if bytes.len() as u64 > max_bytes {
            return Err(format!("the notice on standard input is larger than {max_bytes} bytes"));
        }
        return Ok(String::from_utf8_lossy(&bytes).into_owned());
    }
    match juris_host::input::read_text(&args.notice, "notice", max_bytes) {
        Ok(text) => Ok(text),
        Err(error) => match error.lossy_text {
            Some(text) => Ok(text),
            None => Err(error.message),
        },
    }
}

/// The consistency rules of `juris notice check --manifest` (`notice/*`), as
/// rules `juris rules` lists and `juris explain` prints.
pub static CONSISTENCY_RULES: std::sync::LazyLock<juris_core::ModuleInfo> =
    std::sync::LazyLock::new(|| juris_core::ModuleInfo {
        id: "notice".to_string(),
        name: "Privacy notice against the manifest (juris notice check)".to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        jurisdictions: Vec::new(),
        laws: Vec::new(),
        rules: juris_notice::CONSISTENCY_RULES
            .iter()
            .map(|rule| juris_core::RuleMeta {
                id: rule.id.to_string(),
                title: rule.title.to_string(),
                citation: rule.citation.to_string(),
                severity: rule.severity,
                // The CCPA's 12-month update duty is the one dated rule; the
                // others restate disclosure duties every module's law has.
                in_force_from: (rule.id == "notice/last-updated-stale")
                    .then(|| juris_core::jiff::civil::date(2020, 1, 1)),
                in_force_until: None,
                docs: rule.docs.to_string(),
            })
            .collect(),
        core_version: juris_core::CORE_VERSION.to_string(),
        options: None,
    });

/// The items and consistency rules as one report's counts, for the summary.
pub fn counts(report: &NoticeReport) -> (usize, usize, usize) {
    let mut present = 0;
    let mut missing = 0;
    let mut not_applicable = 0;
    for item in report.modules.iter().flat_map(|m| &m.items) {
        match item.status {
            Status::Present => present += 1,
            Status::Missing => missing += 1,
            Status::NotApplicable => not_applicable += 1,
        }
    }
    (present, missing, not_applicable)
}
