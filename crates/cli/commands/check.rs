//! `juris check`: run every module's rules over a manifest.

use crate::session::Session;
use juris_core::{CheckContext, Finding, RuleMeta, Severity};
use juris_host::Plugin;

use crate::Outcome;
use crate::args::{CheckArgs, ReportFormat};
use crate::input::read_file;
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
    let started = std::time::Instant::now();
    let file = match read_file(&args.manifest) {
        Ok(file) => file,
        Err(outcome) => return outcome,
    };
    let parsed = match file.parse() {
        Ok(parsed) => parsed,
        Err(outcome) => return outcome,
    };
    let index = parsed.index;
    let as_of = args.as_of.unwrap_or_else(session::today);
    let mut failures: Vec<(String, String)> =
        set.errors.iter().map(|e| (e.path.display().to_string(), e.message.clone())).collect();
    // A `[modules.<id>]` table for a module that is not loaded is read by no
    // one: most likely a typo, or a plugin missing from the search path.
    for id in parsed.manifest.modules.keys() {
        if !set.plugins.iter().any(|p| p.id() == id) {
            let at = index.locate(&format!("modules.{id}"));
            let known: Vec<&str> = set.plugins.iter().map(|p| p.id()).collect();
            let hint = juris_core::suggest::closest(id, known.iter().copied(), 3)
                .map(|k| format!("; did you mean `{k}`?"))
                .unwrap_or_default();
            eprintln!(
                "warning: {}:{}:{}: `[modules.{id}]` is for a module that is not loaded, so nothing reads it{hint} (loaded: {})",
                file.path,
                at.line,
                at.column,
                super::list_or_none(&known)
            );
        }
    }
    let ctx = CheckContext { manifest: parsed.manifest, as_of };
    // Encode the manifest once; every plugin decodes the same bytes.
    tracing::debug!(elapsed = ?started.elapsed(), "manifest parsed");
    let input = match serde_json::to_vec(&ctx) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("error: cannot encode the manifest for the plugins: {error}");
            return Outcome::InputError;
        }
    };
    tracing::debug!(elapsed = ?started.elapsed(), bytes = input.len(), "manifest encoded for the plugins");
    drop(ctx);
    let results = in_parallel(&modules, |plugin| {
        let result = plugin.check_encoded(&input);
        tracing::debug!(elapsed = ?started.elapsed(), module = plugin.id(), "module checked");
        result
    });
    let mut findings = Vec::new();
    let mut reported = Vec::new();
    for (plugin, result) in modules.iter().zip(results) {
        match result {
            Ok(found) => {
                reported.push(*plugin);
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
    // Plugin failures go to stderr in every format (and into the JSON and
    // SARIF documents); only the modules that answered count as reporting.
    for (path, message) in &failures {
        if message.contains(path.as_str()) {
            eprintln!("error: {message}");
        } else {
            eprintln!("error: {message} (plugin {path})");
        }
    }
    let report =
        Report { manifest_path: &file.path, manifest_text: &file.text, as_of, modules: reported, findings, failures };
    tracing::debug!(elapsed = ?started.elapsed(), findings = report.findings.len(), "findings located");
    match args.format {
        ReportFormat::Text => render::text::print_report(&report),
        ReportFormat::Json => render::json::print(&report),
        ReportFormat::Sarif => super::print_json(&render::sarif::report(&report)),
    }
    tracing::debug!(elapsed = ?started.elapsed(), "report written");
    let mut outcome = if report.count(Severity::Error) > 0 { Outcome::Findings } else { Outcome::Clean };
    if !report.failures.is_empty() {
        outcome = outcome.and(Outcome::PluginFailed);
    }
    outcome
}

/// Runs `f` on every plugin, on as many threads as there are cores, and
/// returns the results in the plugins' order. Modules are independent, and a
/// plugin call is thread-safe by the ABI's contract.
fn in_parallel<'p, T: Send>(plugins: &[&'p Plugin], f: impl Fn(&'p Plugin) -> T + Sync) -> Vec<T> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(plugins.len());
    if workers <= 1 {
        return plugins.iter().map(|p| f(p)).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, T)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(plugin) = plugins.get(i) else { break };
                        done.push((i, f(plugin)));
                    }
                    done
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, t)| t).collect()
}
