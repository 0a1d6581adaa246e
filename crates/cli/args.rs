//! The command line, declared once with clap's derive: this is the single
//! source of `--help`, of the usage errors, and of every option's parsing.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};
use juris_core::jiff::civil::Date;
use juris_core::time::Instant;
use juris_core::{Jurisdiction, RequestKind};

const AFTER_HELP: &str = "\
Exit codes:
  0  no error-level finding
  1  error-level findings
  2  usage or input error (bad manifest, unknown flag, code or rule)
  3  a plugin could not be loaded or failed (the other modules' results are still reported)

Plugins are searched for beside the juris binary, then in JURIS_PLUGIN_PATH, then in each --plugin-dir.
Logging: -v/-vv/-vvv or JURIS_LOG (tracing filter directives, e.g. JURIS_LOG=juris_host=debug).";

/// Check a privacy manifest against regional data-protection law, and compute
/// the deadlines that rights requests and incidents trigger.
#[derive(Debug, Parser)]
#[command(name = "juris", version, about, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after the subcommand.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Also load plugins from DIR (repeatable; searched after JURIS_PLUGIN_PATH).
    #[arg(long = "plugin-dir", value_name = "DIR", global = true)]
    pub plugin_dirs: Vec<PathBuf>,
    /// More log output on stderr (-v info, -vv debug, -vvv trace).
    #[arg(short, long, action = ArgAction::Count, global = true, conflicts_with = "quiet")]
    pub verbose: u8,
    /// Less log output on stderr (-q errors only, -qq nothing).
    #[arg(short, long, action = ArgAction::Count, global = true)]
    pub quiet: u8,
    /// Run each plugin in a child process, so that one that crashes, hangs or
    /// misbehaves cannot take juris down (also `isolate = true` in juris.toml).
    #[arg(long, global = true)]
    pub isolate: bool,
    /// With --isolate: the longest a plugin may take to answer one call, in
    /// seconds (default 30, or `plugin_timeout_seconds` in juris.toml).
    #[arg(long, value_name = "SECONDS", global = true)]
    pub plugin_timeout: Option<u64>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the plugins found: id, version, file, ABI, jurisdictions and rules.
    Plugins {
        #[command(subcommand)]
        action: Option<PluginsAction>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Check a manifest against every loaded module's rules.
    Check(CheckArgs),
    /// List the rules of every loaded module.
    Rules {
        /// Only the rules of this module (repeatable).
        #[arg(long = "module", value_name = "ID")]
        modules: Vec<String>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print a rule's documentation: what it checks, why, an example, and the fix.
    Explain {
        /// The rule id, e.g. `russia/localization`.
        rule: String,
    },
    /// Say what applies to a person in a jurisdiction: modules, contracting entity,
    /// where their data must be stored, consent mode.
    Resolve(ResolveArgs),
    /// Data-subject requests.
    Dsr {
        #[command(subcommand)]
        command: DsrCommand,
    },
    /// Security incidents.
    Incident {
        #[command(subcommand)]
        command: IncidentCommand,
    },
    /// Internal: host one plugin in this process for an isolated parent.
    #[command(name = "__plugin-host", hide = true)]
    PluginHost {
        /// The library to load.
        file: PathBuf,
        /// How to name it in messages (defaults to `file`).
        shown: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum PluginsAction {
    /// Write juris.lock, pinning the SHA-256 of every plugin file found; from
    /// then on a plugin whose bytes differ, or that is not listed, is refused.
    Lock,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The manifest to check.
    #[arg(default_value = "privacy.toml")]
    pub manifest: PathBuf,
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Evaluate the law as it stood on this date (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Only run this module (repeatable).
    #[arg(long = "module", value_name = "ID")]
    pub modules: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ResolveArgs {
    /// Where the person is: an ISO 3166 code such as `DE`, `GB`, `US-CA`.
    #[arg(long, value_name = "CODE")]
    pub jurisdiction: Jurisdiction,
    /// The manifest.
    #[arg(default_value = "privacy.toml")]
    pub manifest: PathBuf,
    /// Evaluate the law as it stood on this date (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Debug, Subcommand)]
pub enum DsrCommand {
    /// The deadlines a data-subject request triggers.
    Plan(DsrPlanArgs),
}

#[derive(Debug, Args)]
pub struct DsrPlanArgs {
    /// Where the requester is, e.g. `DE`, `GB`, `US-CA`, `BR`, `RU`.
    #[arg(long, value_name = "CODE")]
    pub jurisdiction: Jurisdiction,
    /// What they asked for: access, rectification, erasure, restriction,
    /// portability, objection, opt-out-of-sale, limit-sensitive,
    /// withdraw-consent, automated-decision-review or shine-the-light.
    #[arg(long, value_name = "KIND", value_parser = parse_request_kind)]
    pub request: RequestKind,
    /// The day the request was received.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub received: Date,
    /// UK: the day identity information or a fee that was asked for arrived
    /// (the "relevant time" of UK GDPR Art. 12A), when later than receipt.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub relevant_time: Option<Date>,
    /// UK: days the clock was stopped awaiting clarification (Art. 12A).
    #[arg(long, value_name = "DAYS", default_value_t = 0)]
    pub paused_days: u32,
    /// A manifest whose facts change deadlines (e.g. small-agent status in Brazil).
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Debug, Subcommand)]
pub enum IncidentCommand {
    /// The notification deadlines an incident triggers.
    Plan(IncidentPlanArgs),
}

#[derive(Debug, Args)]
pub struct IncidentPlanArgs {
    /// Where affected people are (repeatable, or comma-separated).
    #[arg(long, value_name = "CODE", required = true, value_delimiter = ',')]
    pub jurisdiction: Vec<Jurisdiction>,
    /// When the incident was discovered: an RFC 3339 instant with an offset,
    /// e.g. 2026-11-18T15:00:00-03:00.
    #[arg(long, value_name = "INSTANT", value_parser = parse_instant)]
    pub discovered: Instant,
    /// How many people are affected, when known.
    #[arg(long, value_name = "N")]
    pub affected: Option<u64>,
    /// A manifest whose facts change deadlines (e.g. small-agent status in Brazil).
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// rustc-style diagnostics for people.
    Text,
    /// The documented JSON report (docs/output.md).
    Json,
    /// SARIF 2.1.0 for code-scanning tools.
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// Dates juris computes with: wide enough for any real request or incident,
/// far enough from the ends of the calendar that every deadline fits.
const YEARS: std::ops::RangeInclusive<i16> = 1900..=2999;

fn parse_date(text: &str) -> Result<Date, String> {
    let date = juris_core::manifest::parse_date(text)?;
    if !YEARS.contains(&date.year()) {
        return Err(format!("{date} is outside the years juris computes with ({}-{})", YEARS.start(), YEARS.end()));
    }
    Ok(date)
}

fn parse_instant(text: &str) -> Result<Instant, String> {
    let instant: Instant = text.parse()?;
    let year = instant.local_date().year();
    if !YEARS.contains(&year) {
        return Err(format!("{text} is outside the years juris computes with ({}-{})", YEARS.start(), YEARS.end()));
    }
    Ok(instant)
}

fn parse_request_kind(text: &str) -> Result<RequestKind, String> {
    text.parse()
}

#[cfg(test)]
mod tests {
    use juris_core::RequestKind;

    #[test]
    fn the_request_help_names_every_kind() {
        use clap::CommandFactory;
        let cli = super::Cli::command();
        let plan = cli.find_subcommand("dsr").and_then(|dsr| dsr.find_subcommand("plan")).expect("dsr plan");
        let request = plan.get_arguments().find(|a| a.get_id() == "request").expect("--request");
        let help = request.get_help().map(|h| h.to_string()).unwrap_or_default();
        for kind in RequestKind::ALL {
            assert!(help.contains(kind.as_str()), "`--request` help does not name {kind}: {help}");
        }
    }
}
