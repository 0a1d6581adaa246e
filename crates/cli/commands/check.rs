//! `juris check`: run every module's rules over a manifest, add the host's own
//! findings (markets no module checks, stale law, waivers), apply the
//! `[rules]` levels of juris.toml and the manifest's waivers, and render.

use juris_core::jiff::ToSpan;
use juris_core::manifest::{Parsed, SourceIndex};
use juris_core::{CheckContext, Finding, Manifest, ModuleInfo};
use juris_host::{Plugin, PluginSet};

use crate::Outcome;
use crate::args::{CheckArgs, ReportFormat};
use crate::config::{DEFAULT_LAW_CURRENT_WITHIN_DAYS, DEFAULT_MAX_WAIVER_DAYS};
use crate::host_rules::{self, law_not_current, market_not_covered, markets_missing, module_table_unused};
use crate::input::{ErrorFormat, read_file};
use crate::report::{self, Failure, Located, Report};
use crate::session::{self, Session};
use crate::{render, sanitize};

fn error_format(format: ReportFormat) -> ErrorFormat {
    match format {
        ReportFormat::Text => ErrorFormat::Text,
        ReportFormat::Json => ErrorFormat::Json,
        ReportFormat::Sarif => ErrorFormat::Sarif,
        ReportFormat::Github => ErrorFormat::Github,
        ReportFormat::Junit => ErrorFormat::Junit,
    }
}

/// Checks the selected manifest with the selected modules of `set`. Input
/// errors are reported here, in `format`, and come back as the outcome.
/// `then` gets the evaluation (which borrows the manifest it was made from)
/// and says how the command ends.
pub fn evaluate(
    session: &Session,
    set: &PluginSet,
    selection: &Selection<'_>,
    format: ErrorFormat,
    then: impl FnOnce(Evaluation<'_>) -> Outcome,
) -> Result<Outcome, Outcome> {
    let modules = super::select(set, selection.modules)?;
    validate_rule_levels(session, set)?;
    let started = std::time::Instant::now();
    let path = session.manifest_path(selection.manifest)?;
    let file = read_file(&path, session.max_manifest_bytes(), format)?;
    let Parsed { manifest, index } = file.parse(format)?;
    if let Err(errors) = validate_waivers(&manifest, &index, set) {
        crate::input::report(&file.path, &file.text, &errors, format);
        return Err(Outcome::InputError);
    }
    tracing::debug!(elapsed = ?started.elapsed(), resident_mib = resident_mib(), "manifest parsed");
    let as_of = selection.as_of.unwrap_or_else(session::today);
    let mut failures: Vec<Failure> = set
        .errors
        .iter()
        .map(|e| Failure { plugin: e.path.display().to_string(), message: e.message.clone() })
        .collect();

    let evidence = match selection.evidence {
        Some(path) => Some(crate::evidence::read(path, format)?),
        None => None,
    };
    let mut ctx = CheckContext::new(manifest, as_of);
    ctx.evidence = evidence;
    // Encode the manifest once; every plugin decodes the same bytes. The
    // JSON is about as long as the TOML: room for it at once spares copying
    // a growing buffer of 33 MB for 100,000 activities.
    let mut input = Vec::with_capacity(file.text.len() + file.text.len() / 8);
    let input = match serde_json::to_writer(&mut input, &ctx) {
        Ok(()) => input,
        Err(error) => {
            eprintln!("error: cannot encode the manifest for the plugins: {error}");
            return Err(Outcome::InputError);
        }
    };
    let manifest = ctx.manifest;
    let evidence = ctx.evidence;
    tracing::debug!(elapsed = ?started.elapsed(), resident_mib = resident_mib(), bytes = input.len(), "manifest encoded for the plugins");
    let results = in_parallel(&modules, |plugin| {
        let result = plugin.check_encoded(&input);
        tracing::debug!(elapsed = ?started.elapsed(), resident_mib = resident_mib(), module = plugin.id(), "module checked");
        result
    });
    drop(input);
    if let Some(failure) = stray_output_failure(&modules) {
        failures.push(failure);
    }
    // Sized once for every module's findings (and a few of the host's).
    let reported_count = results.iter().flatten().map(|checked| checked.findings.len()).sum::<usize>();
    let mut findings: Vec<Located> = Vec::with_capacity(reported_count + 64);
    let mut reported: Vec<&ModuleInfo> = Vec::new();
    for (plugin, result) in modules.iter().zip(results) {
        match result {
            Ok(checked) => {
                if let Some(message) = checked.refused {
                    failures.push(Failure { plugin: plugin.path.display().to_string(), message });
                }
                reported.push(&plugin.info);
                findings.extend(report::locate_all(&index, &plugin.info, checked.findings));
            }
            Err(error) => {
                failures.push(Failure { plugin: plugin.path.display().to_string(), message: error.to_string() })
            }
        }
    }
    let settings = &session.config.config;
    let host = &*host_rules::INFO;
    let all_loaded: Vec<&ModuleInfo> = set.plugins.iter().map(|p| &p.info).collect();
    let mut host_findings =
        host_checks(&manifest, &all_loaded, &reported, selection.modules.is_empty(), as_of, settings);
    if let Some(evidence) = &evidence {
        host_findings.extend(host_rules::evidence_checks(&manifest, evidence));
    }
    host_findings.extend(waiver_checks(&manifest, as_of, settings.max_waiver_days.unwrap_or(DEFAULT_MAX_WAIVER_DAYS)));
    findings.extend(report::locate_all(&index, host, host_findings));
    reported.push(host);

    // `[rules]` in juris.toml: off drops a finding, a level replaces its severity.
    findings.retain_mut(|located| match report::level_for(&settings.rules, &located.finding.rule) {
        Some(level) => match level.severity() {
            Some(severity) => {
                located.finding.severity = severity;
                true
            }
            None => false,
        },
        None => true,
    });
    apply_waivers(&manifest, &index, &mut findings, as_of, settings.max_waiver_days.unwrap_or(DEFAULT_MAX_WAIVER_DAYS));
    sort(&mut findings, selection.sort, &reported);

    // Plugin failures go to stderr in every format (and into the JSON and
    // SARIF documents); only the modules that answered count as reporting.
    for failure in &failures {
        let message = sanitize::line(&failure.message);
        if failure.message.contains(failure.plugin.as_str()) {
            eprintln!("error: {message}");
        } else {
            eprintln!("error: {message} (plugin {})", sanitize::line(&failure.plugin));
        }
    }
    let outcome = then(Evaluation { file: &file, manifest: &manifest, as_of, reported, findings, failures });
    crate::left_to_exit((index, manifest, evidence));
    crate::left_to_exit(file);
    Ok(outcome)
}

/// A manifest checked by every selected module, with the host's findings,
/// juris.toml's levels and the waivers applied: what `juris check` renders
/// and `juris report` draws.
pub struct Evaluation<'s> {
    pub file: &'s crate::input::ManifestFile,
    pub manifest: &'s Manifest,
    pub as_of: juris_core::jiff::civil::Date,
    /// The modules whose results count, the host's rules last.
    pub reported: Vec<&'s ModuleInfo>,
    pub findings: Vec<Located<'s>>,
    pub failures: Vec<Failure>,
}

/// What to evaluate: the manifest (or discovery), the modules, the date.
pub struct Selection<'a> {
    pub manifest: Option<&'a std::path::Path>,
    pub modules: &'a [String],
    pub as_of: Option<juris_core::jiff::civil::Date>,
    pub sort: crate::args::SortOrder,
    /// `--evidence`: what `juris scan` observed, for the modules and the host rules.
    pub evidence: Option<&'a std::path::Path>,
}

pub fn run(session: &Session, args: &CheckArgs) -> Outcome {
    // Only SARIF carries the rules' pages (as each rule's `help`).
    let load = if matches!(args.format, ReportFormat::Sarif) { session::load } else { session::load_brief };
    let set = match load(session) {
        Ok(set) => set,
        Err(outcome) => return outcome,
    };
    let selection = Selection {
        manifest: args.manifest.as_deref(),
        modules: &args.modules,
        as_of: args.as_of,
        sort: args.sort,
        evidence: args.evidence.as_deref(),
    };
    let started = std::time::Instant::now();
    let rendered = evaluate(session, &set, &selection, error_format(args.format), |evaluation| {
        let Evaluation { file, manifest: _, as_of, reported, findings, failures } = evaluation;
        let settings = &session.config.config;
        let report = Report {
            manifest_path: &file.path,
            manifest_text: &file.text,
            as_of,
            modules: reported,
            findings,
            failures,
            unchecked_markets: &settings.unchecked_markets,
        };
        tracing::debug!(elapsed = ?started.elapsed(), resident_mib = resident_mib(), findings = report.findings.len(), "findings located");
        match args.format {
            ReportFormat::Text => render::text::print_report(&report, args),
            ReportFormat::Json => render::json::print(&report),
            ReportFormat::Sarif => {
                let uri = render::sarif::uri_reference(report.manifest_path);
                crate::output::json(&render::sarif::report(&report, &uri))
            }
            ReportFormat::Github => render::github::print(&report),
            ReportFormat::Junit => render::junit::print(&report),
        }
        tracing::debug!(elapsed = ?started.elapsed(), resident_mib = resident_mib(), "report written");
        let mut outcome = if report.has_errors() && !args.exit_zero { Outcome::Findings } else { Outcome::Clean };
        if !report.failures.is_empty() {
            outcome = outcome.and(Outcome::PluginFailed);
        }
        crate::left_to_exit(report);
        outcome
    });
    rendered.unwrap_or_else(|outcome| outcome)
}

/// A failure when something wrote to standard output while in-process
/// plugins ran (see `juris_host::stdio`): their output was kept out of the
/// report, and the run must not pass as if nothing happened.
pub(crate) fn stray_output_failure(modules: &[&juris_host::Plugin]) -> Option<Failure> {
    let stray = juris_host::stdio::stray_output();
    if stray.is_empty() {
        return None;
    }
    let in_process: Vec<String> =
        modules.iter().filter(|p| !p.is_isolated()).map(|p| format!("`{}`", p.path.display())).collect();
    Some(Failure {
        plugin: in_process.join(", "),
        message: format!(
            "plugin code running in juris's process ({}) wrote {} byte(s) to standard output, which belongs to the report; it was kept out of it: \"{}\" (run with --isolate to see which plugin)",
            in_process.join(", "),
            stray.len(),
            juris_host::stdio::excerpt(&stray)
        ),
    })
}

/// The host's findings about the check itself: no market at all, markets no
/// module checks, modules whose law is stale, module tables nobody reads.
fn host_checks(
    manifest: &Manifest,
    loaded: &[&ModuleInfo],
    reported: &[&ModuleInfo],
    all_modules: bool,
    as_of: juris_core::jiff::civil::Date,
    settings: &crate::config::Config,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some((path, message, help)) = markets_missing::check(manifest) {
        out.push(report::host_finding(&markets_missing::RULE, path, message, Some(help)));
    }
    // Coverage is judged on every loaded module; `--module` narrows the run
    // on purpose, so it is not a gap in coverage.
    if all_modules {
        for (path, message, help) in market_not_covered::check(manifest, loaded, &settings.unchecked_markets) {
            out.push(report::host_finding(&market_not_covered::RULE, path, message, Some(help)));
        }
    }
    let within = settings.law_current_within_days.unwrap_or(DEFAULT_LAW_CURRENT_WITHIN_DAYS);
    for (_, message) in law_not_current::check(reported, as_of, within) {
        out.push(report::host_finding(
            &law_not_current::RULE,
            "manifest".to_string(),
            message,
            Some("update the module, or raise `law_current_within_days` in juris.toml".to_string()),
        ));
    }
    // A `[modules.<id>]` table for a module that is not loaded is read by no
    // one: most likely a typo, or a plugin missing from the search path.
    for id in manifest.modules.keys() {
        if loaded.iter().any(|m| &m.id == id) {
            continue;
        }
        let known: Vec<&str> = loaded.iter().map(|m| m.id.as_str()).collect();
        let hint = juris_core::suggest::closest(id, known.iter().copied(), 3)
            .map(|k| format!("did you mean `{k}`? "))
            .unwrap_or_default();
        out.push(report::host_finding(
            &module_table_unused::RULE,
            format!("modules.\"{id}\""),
            format!("`[modules.{id}]` is for a module that is not loaded, so nothing reads it"),
            Some(format!("{hint}loaded modules: {}", super::list_or_none(&known))),
        ));
    }
    out
}

/// Expired and over-long waivers.
fn waiver_checks(manifest: &Manifest, as_of: juris_core::jiff::civil::Date, max_days: u32) -> Vec<Finding> {
    let mut out = Vec::new();
    let latest = as_of.checked_add(i64::from(max_days).days()).unwrap_or(juris_core::jiff::civil::Date::MAX);
    for (i, waiver) in manifest.waivers.iter().enumerate() {
        let expires = waiver.expires.0;
        if expires < as_of {
            out.push(report::host_finding(
                &host_rules::waiver_expired::RULE,
                format!("waivers[{i}].expires"),
                format!("the waiver of `{}` expired on {expires}, so it waives nothing", waiver.rule),
                Some("fix the finding and remove the waiver, or renew it with a new date, reason and owner".into()),
            ));
        } else if expires > latest {
            out.push(report::host_finding(
                &host_rules::waiver_too_long::RULE,
                format!("waivers[{i}].expires"),
                format!(
                    "the waiver of `{}` runs to {expires}, more than {max_days} days after {as_of}, so it waives nothing",
                    waiver.rule
                ),
                Some(format!("set `expires` on or before {latest}, or raise `max_waiver_days` in juris.toml")),
            ));
        }
    }
    out
}

/// Marks each finding a valid waiver covers, and warns of valid waivers that
/// cover none.
fn apply_waivers<'a>(
    manifest: &'a Manifest,
    index: &SourceIndex<'_>,
    findings: &mut Vec<Located<'a>>,
    as_of: juris_core::jiff::civil::Date,
    max_days: u32,
) {
    if manifest.waivers.is_empty() {
        return;
    }
    let latest = as_of.checked_add(i64::from(max_days).days()).unwrap_or(juris_core::jiff::civil::Date::MAX);
    let valid: Vec<(usize, &juris_core::manifest::Waiver)> =
        manifest.waivers.iter().enumerate().filter(|(_, w)| w.expires.0 >= as_of && w.expires.0 <= latest).collect();
    let mut used = vec![false; manifest.waivers.len()];
    for located in findings.iter_mut() {
        // A waiver cannot waive the findings about waivers.
        if located.finding.rule.starts_with("juris/waiver-") {
            continue;
        }
        let path = &located.finding.path;
        let id_path = report::id_path(manifest, path);
        let waiver = valid.iter().find(|(_, w)| {
            w.rule == located.finding.rule
                && w.target.as_deref().is_none_or(|t| report::target_covers(t, path, &id_path))
        });
        if let Some((i, w)) = waiver {
            used[*i] = true;
            located.waiver = Some(w);
        }
    }
    let host = &*host_rules::INFO;
    for (i, waiver) in valid {
        if !used[i] {
            let target = waiver.target.as_deref().map(|t| format!(" at `{t}`")).unwrap_or_default();
            let finding = report::host_finding(
                &host_rules::waiver_unused::RULE,
                format!("waivers[{i}]"),
                format!("the waiver of `{}`{target} matches no finding", waiver.rule),
                Some("remove the waiver, or correct its `rule` or `target`".into()),
            );
            findings.push(report::locate(index, host, finding));
        }
    }
}

/// The default order groups findings by module (in load order, the host
/// last), then errors before warnings before notes, then by line; `--sort
/// line` orders by position only.
fn sort(findings: &mut [Located], order: crate::args::SortOrder, modules: &[&ModuleInfo]) {
    // Findings hold the very `ModuleInfo`s the list does, so the address
    // finds the rank without comparing ids at each of a large sort's comparisons.
    let rank = |module: &ModuleInfo| {
        modules.iter().position(|m| std::ptr::eq(*m, module)).or_else(|| modules.iter().position(|m| m.id == module.id))
    };
    let rank = |module: &ModuleInfo| rank(module).unwrap_or(usize::MAX);
    match order {
        crate::args::SortOrder::Module => findings.sort_by(|a, b| {
            (rank(a.module), std::cmp::Reverse(a.finding.severity), a.line, a.column, &a.finding.rule).cmp(&(
                rank(b.module),
                std::cmp::Reverse(b.finding.severity),
                b.line,
                b.column,
                &b.finding.rule,
            ))
        }),
        crate::args::SortOrder::Line => findings.sort_by(|a, b| {
            (a.line, a.column, &a.finding.rule, &a.finding.message).cmp(&(
                b.line,
                b.column,
                &b.finding.rule,
                &b.finding.message,
            ))
        }),
    }
}

/// Every rule id a waiver or `[rules]` may name: the loaded modules' and the host's.
fn known_rules(set: &PluginSet) -> Vec<&str> {
    set.plugins
        .iter()
        .flat_map(|p| p.info.rules.iter().map(|r| r.id.as_str()))
        .chain(host_rules::ALL.iter().map(|r| r.id))
        .collect()
}

/// `[rules]` entries must name a loaded module's rule, `<module>/*` or `*`;
/// the host's integrity rules cannot be lowered. Exit 2 with the entry's
/// location otherwise.
fn validate_rule_levels(session: &Session, set: &PluginSet) -> Result<(), Outcome> {
    let config = &session.config;
    let rules = known_rules(set);
    let modules: Vec<&str> = set.plugins.iter().map(|p| p.id()).chain([host_rules::ID]).collect();
    let mut bad = false;
    for (key, level) in &config.config.rules {
        let at = config.locate(level.span().start);
        let problem = if key == "*" {
            None
        } else if let Some(module) = key.strip_suffix("/*") {
            (!modules.contains(&module)).then(|| {
                let hint = juris_core::suggest::closest(module, modules.iter().copied(), 3)
                    .map(|m| format!("; did you mean `{m}/*`?"))
                    .unwrap_or_default();
                format!("`[rules]` names module `{module}`, which is not loaded{hint}")
            })
        } else if !rules.contains(&key.as_str()) {
            let hint = juris_core::suggest::closest(key, rules.iter().copied(), 4)
                .or_else(|| rules.iter().copied().find(|r| r.rsplit('/').next() == Some(key.as_str())))
                .map(|r| format!("; did you mean `{r}`?"))
                .unwrap_or_default();
            Some(format!("`[rules]` names unknown rule `{key}`{hint}"))
        } else if let Some(host) = host_rules::get(key)
            && !host.adjustable
            && level.get_ref().severity() != Some(host.severity)
        {
            Some(format!(
                "`{key}` keeps a check from passing vacuously or a waiver from lasting for good, and cannot be lowered"
            ))
        } else {
            None
        };
        if let Some(problem) = problem {
            eprintln!("error: {at}: {}", sanitize::line(&problem));
            bad = true;
        }
    }
    if bad {
        eprintln!("  = help: `juris rules` lists every rule");
        return Err(Outcome::InputError);
    }
    Ok(())
}

/// Waivers must name a known rule, and a target that exists.
fn validate_waivers(
    manifest: &Manifest,
    index: &SourceIndex<'_>,
    set: &PluginSet,
) -> Result<(), Vec<juris_core::manifest::InputError>> {
    let rules = known_rules(set);
    let mut errors = Vec::new();
    let mut error = |path: String, message: String| {
        errors.push(juris_core::manifest::InputError { location: index.locate(&path), message });
    };
    for (i, waiver) in manifest.waivers.iter().enumerate() {
        if !rules.contains(&waiver.rule.as_str()) {
            let hint = juris_core::suggest::closest(&waiver.rule, rules.iter().copied(), 4)
                .or_else(|| rules.iter().copied().find(|r| r.rsplit('/').next() == Some(waiver.rule.as_str())))
                .map(|r| format!("; did you mean `{r}`?"))
                .unwrap_or_default();
            error(format!("waivers[{i}].rule"), format!("the waiver names unknown rule `{}`{hint}", waiver.rule));
        }
        for (field, value) in [("reason", &waiver.reason), ("owner", &waiver.owner)] {
            if value.trim().is_empty() {
                error(format!("waivers[{i}].{field}"), format!("the waiver's `{field}` is empty"));
            }
        }
        if let Some(target) = &waiver.target {
            let mut parts = target.splitn(3, '.');
            let table = parts.next().unwrap_or("");
            if let (true, Some(id)) = (report::ID_TABLES.contains(&table), parts.next()) {
                let ids = report::table_ids(manifest, table);
                if !ids.contains(&id) {
                    let hint = juris_core::suggest::closest(id, ids.iter().copied(), 3)
                        .map(|k| format!("; did you mean `{table}.{k}`?"))
                        .unwrap_or_default();
                    error(
                        format!("waivers[{i}].target"),
                        format!("the waiver's target `{target}` names no entry of `{table}`{hint}"),
                    );
                }
            } else if juris_core::path::ManifestPath::parse(target).is_none() {
                error(format!("waivers[{i}].target"), format!("the waiver's target `{target}` is not a manifest path"));
            }
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

/// The process's resident memory in MiB, for `-vv`'s phase log (Linux only).
fn resident_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find_map(|line| line.strip_prefix("VmRSS:"))?;
    let kib: u64 = line.trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kib / 1024)
}

/// Runs `f` on every plugin, on as many threads as there are cores, and
/// returns the results in the plugins' order. Modules are independent, and a
/// plugin call is thread-safe by the ABI's contract.
fn in_parallel<'p, T: Send>(plugins: &[&'p Plugin], f: impl Fn(&'p Plugin) -> T + Sync) -> Vec<T> {
    let workers = crate::parallel::cores().min(plugins.len());
    if workers <= 1 {
        return plugins.iter().map(|p| f(p)).collect();
    }
    // The modules with the most rules first, as a guess at the longest
    // checks: one started last while the other threads have nothing left to
    // do keeps a core idle (on two cores, EEA/UK last cost 0.3 s of 100,000
    // activities).
    let mut order: Vec<usize> = (0..plugins.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(plugins[i].info.rules.len()));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, T)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let taken = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(&i) = order.get(taken) else { break };
                        done.push((i, f(plugins[i])));
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
