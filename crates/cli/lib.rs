//! The `juris` command as a library: argument parsing, the commands, and
//! the renderers. `main.rs` only calls [`main`]; the library exists so that
//! the fuzz targets and benchmarks can reach the renderers ([`fuzzing`]).
//!
//! Exit codes are a contract (see `args.rs`): 0 clean, 1 error-level findings,
//! 2 usage or input error, 3 a plugin failed.

#![forbid(unsafe_code)]

mod args;
mod commands;
mod config;
mod evidence;
mod host_rules;
mod input;
mod output;
mod parallel;
mod render;
mod report;
use juris_host::sanitize;
#[doc(hidden)]
pub mod fuzzing;
mod session;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::args::{
    Cli, Command, DsrCommand, ExportCommand, ImportCommand, IncidentCommand, NoticeCommand, PluginsAction,
};

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to report.
    Clean = 0,
    /// Error-level findings.
    Findings = 1,
    /// A plugin could not be loaded or failed.
    PluginFailed = 3,
    /// Usage or input error.
    InputError = 2,
}

impl Outcome {
    /// The outcome that wins when two apply: an input error, then a plugin
    /// failure, then findings.
    pub fn and(self, other: Outcome) -> Outcome {
        let rank = |o: Outcome| match o {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::PluginFailed => 2,
            Outcome::InputError => 3,
        };
        if rank(other) > rank(self) { other } else { self }
    }
}

/// Whether `-q` was given: `check` then shows only error-level findings.
static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether `-q` was given.
pub fn quiet() -> bool {
    QUIET.load(std::sync::atomic::Ordering::Relaxed)
}

/// Runs `juris` with the process's arguments.
/// Leaves `value` for the operating system to reclaim when the process
/// exits, rather than freeing it now. Every command runs once and exits; a
/// large manifest's model, syntax tree and findings are millions of small
/// allocations, and freeing them one by one took a fifth of a second of the
/// 100,000-activity benchmark (docs/performance.md). Only for plain data:
/// nothing whose drop flushes or closes something.
pub(crate) fn left_to_exit<T>(value: T) {
    std::mem::forget(value);
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // clap prints help/version to stdout (exit 0) and usage errors to
            // stderr (exit 2).
            let _ = error.print();
            return ExitCode::from(error.exit_code().clamp(0, 255) as u8);
        }
    };
    init_logging(cli.global.verbose, cli.global.quiet);
    // The child side of isolation speaks frames on its own standard output,
    // so it must not claim it for a report.
    if let Command::PluginHost { file, shown } = &cli.command {
        return match juris_host::isolate::serve(file, shown.as_deref().unwrap_or(file)) {
            0 => ExitCode::SUCCESS,
            _ => ExitCode::from(Outcome::PluginFailed as u8),
        };
    }
    QUIET.store(cli.global.quiet > 0, std::sync::atomic::Ordering::Relaxed);
    if let Err(message) = output::init(cli.global.output.as_deref(), cli.global.color) {
        eprintln!("error: {}", sanitize::line(&message));
        return ExitCode::from(Outcome::InputError as u8);
    }
    let mut outcome = run(cli);
    // `check` reports this with its other plugin failures; for every other
    // command, output a plugin printed is caught here.
    let stray = juris_host::stdio::stray_output();
    if !stray.is_empty() {
        eprintln!(
            "error: plugin code running in juris's process wrote {} byte(s) to standard output, which belongs to juris; it was kept out of the output: \"{}\" (run with --isolate to see which plugin)",
            stray.len(),
            juris_host::stdio::excerpt(&stray)
        );
        outcome = outcome.and(Outcome::PluginFailed);
    }
    // A closed pipe (juris … | head) is not an error worth reporting, as in
    // ripgrep: `output` exits 0 on it.
    output::flush();
    let _ = std::io::stdout().flush();
    ExitCode::from(outcome as u8)
}

fn run(cli: Cli) -> Outcome {
    // Commands that need neither settings nor plugins.
    match &cli.command {
        Command::Init(args) => return commands::init::run(args),
        Command::Import { command: ImportCommand::Fides(args) } => return commands::report::import_fides(args),
        Command::Schema => return commands::meta::schema(),
        Command::Completions { shell } => return commands::meta::completions(*shell),
        Command::Man => return commands::meta::man(),
        Command::Scan(args) => return commands::scan::run(args),
        _ => {}
    }
    let replacing_lock = matches!(cli.command, Command::Plugins { action: Some(PluginsAction::Lock), .. });
    let session = match session::Session::new(&cli.global, !replacing_lock) {
        Ok(session) => session,
        Err(outcome) => return outcome,
    };
    match cli.command {
        Command::PluginHost { .. }
        | Command::Init(_)
        | Command::Import { .. }
        | Command::Schema
        | Command::Scan(_)
        | Command::Completions { .. }
        | Command::Man => Outcome::Clean,
        Command::Plugins { action: Some(PluginsAction::Lock), .. } => commands::plugins::lock(&session),
        Command::Plugins { action: None, format } => commands::plugins::run(&session, format),
        Command::Check(args) => commands::check::run(&session, &args),
        Command::Report(args) => commands::report::html(&session, &args),
        Command::Notice { command: NoticeCommand::Check(args) } => commands::notice::check(&session, &args),
        Command::Export { command: ExportCommand::Ropa(args) } => commands::report::export_ropa(&session, &args),
        Command::Export { command: ExportCommand::Fides(args) } => commands::report::export_fides(&session, &args),
        Command::Rules { modules, format } => commands::rules::list(&session, &modules, format),
        Command::Explain { rule } => commands::rules::explain(&session, &rule),
        Command::Resolve(args) => commands::resolve::run(&session, &args),
        Command::Calendar(args) => commands::calendar::run(&session, &args),
        Command::Dsr { command: DsrCommand::Plan(args) } => commands::plan::dsr(&session, &args),
        Command::Incident { command: IncidentCommand::Plan(args) } => commands::plan::incident(&session, &args),
    }
}

/// Logs go to stderr. `JURIS_LOG` (then `RUST_LOG`) takes tracing filter
/// directives and wins over -v/-q, whose default scope is juris's own crates.
fn init_logging(verbose: u8, quiet: u8) {
    use tracing_subscriber::EnvFilter;
    let level = match (verbose, quiet) {
        (0, 0) => "warn",
        (1, _) => "info",
        (2, _) => "debug",
        (v, _) if v > 2 => "trace",
        (_, 1) => "error",
        _ => "off",
    };
    let default = format!("juris={level},juris_host={level},juris_core={level}");
    let directives = std::env::var("JURIS_LOG").or_else(|_| std::env::var("RUST_LOG")).unwrap_or(default.clone());
    let filter = EnvFilter::try_new(&directives).unwrap_or_else(|error| {
        eprintln!("juris: ignoring JURIS_LOG `{directives}`: {error}");
        EnvFilter::new(default)
    });
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(|| SafeStderr)
        // Colour codes would be escaped like any other control sequence.
        .with_ansi(false)
        .without_time()
        .try_init();
}

/// Log lines on stderr with every control character shown, not sent: log
/// fields carry plugin paths, module ids and messages juris did not write.
struct SafeStderr;

impl std::io::Write for SafeStderr {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // tracing writes one event per call, ending in a newline.
        let text = String::from_utf8_lossy(buf);
        let (body, newline) = match text.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (&*text, ""),
        };
        let safe = sanitize::block(body, "    ");
        std::io::stderr().lock().write_all(format!("{safe}{newline}").as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}
