//! The command line, declared once with clap's derive: this is the single
//! source of `--help`, of the usage errors, and of every option's parsing.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};
use juris_core::jiff::civil::Date;
use juris_core::time::Instant;
use juris_core::{Jurisdiction, RequestKind};

const AFTER_HELP: &str = "\
Exit codes:
  0  no error-level finding (waived findings do not count)
  1  error-level findings
  2  usage or input error (bad manifest, juris.toml, flag, code or rule), always with file:line:column
  3  a plugin could not be loaded or failed, or no module was loaded (the other modules' results are still reported)

Settings: juris.toml in the working directory or the nearest parent (up to the repository's top or $HOME), or --config FILE.
Plugins are searched for beside the juris binary, in ../lib/juris/plugins relative to it, in $XDG_DATA_HOME/juris/plugins
(default ~/.local/share/juris/plugins), in JURIS_PLUGIN_PATH, then in each --plugin-dir.
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
    /// Read these settings instead of the nearest juris.toml.
    #[arg(long, value_name = "FILE", global = true, env = "JURIS_CONFIG")]
    pub config: Option<PathBuf>,
    /// Write the output to FILE instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE", global = true)]
    pub output: Option<PathBuf>,
    /// When to colour the output (NO_COLOR and CLICOLOR_FORCE are honoured with auto).
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// More log output on stderr (-v info, -vv debug, -vvv trace); -v also says
    /// which settings, manifest and lock files were used.
    #[arg(short, long, action = ArgAction::Count, global = true, conflicts_with = "quiet")]
    pub verbose: u8,
    /// Less output: `check` prints only error-level findings and the summary,
    /// and logs show errors only (-qq: no logs).
    #[arg(short, long, action = ArgAction::Count, global = true)]
    pub quiet: u8,
    /// Run every plugin in a child process, the built-in modules too (also
    /// `isolate = true` in juris.toml). By default only plugins you added
    /// (XDG_DATA_HOME, JURIS_PLUGIN_PATH, --plugin-dir) are isolated.
    #[arg(long, global = true, conflicts_with = "no_isolate")]
    pub isolate: bool,
    /// Run every plugin in juris's own process, added ones too (also
    /// `isolate = false` in juris.toml): faster, but a plugin that crashes or
    /// hangs takes juris with it.
    #[arg(long, global = true)]
    pub no_isolate: bool,
    /// Load plugins that fail the file-permission checks (a file or directory
    /// others may write to, or owned by another user), with a warning. Only for
    /// a machine whose only user is you.
    #[arg(long, global = true)]
    pub allow_insecure_plugins: bool,
    /// The longest an isolated plugin may take to answer one call, in seconds
    /// (1 to 86400; default 30, or `plugin_timeout_seconds` in juris.toml).
    #[arg(long, value_name = "SECONDS", global = true, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub plugin_timeout: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal, unless NO_COLOR is set (CLICOLOR_FORCE forces it).
    Auto,
    Always,
    Never,
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
    /// Visit web pages in headless Chromium and record, as evidence JSON, the
    /// cookies, storage and third-party requests before and after the consent
    /// choice (and under GPC with --gpc), for `juris check --evidence`.
    Scan(ScanArgs),
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
    /// Show a holiday calendar deadlines are counted on: one year's holidays,
    /// their sources, and whether the year is official or projected.
    Calendar(CalendarArgs),
    /// Write one self-contained HTML report for auditors and teams: the data map,
    /// the record of processing, the findings with their rules' pages, and the
    /// law each module encodes. Exits as `check` does.
    Report(ReportArgs),
    /// Published privacy notices.
    Notice {
        #[command(subcommand)]
        command: NoticeCommand,
    },
    /// Export the manifest for other tools: the record of processing (GDPR Art. 30,
    /// LGPD Art. 37, 152-FZ Art. 22(3)) or fideslang resources.
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
    /// Import another tool's resources (Fides) as a manifest with TODOs.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// Write a commented starter privacy.toml and juris.toml (never over existing files).
    Init(InitArgs),
    /// Print the manifest's JSON Schema (for editors: Taplo, Even Better TOML, JetBrains).
    Schema,
    /// Print a shell completion script.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
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
    /// The manifest to check (default: `manifest` in juris.toml, else the
    /// nearest privacy.toml).
    pub manifest: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Evaluate the law as it stood on this date (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Only run this module (repeatable).
    #[arg(long = "module", value_name = "ID")]
    pub modules: Vec<String>,
    /// Text: also show waived findings (they are always counted in the summary).
    #[arg(long)]
    pub show_waived: bool,
    /// Text: the order of findings.
    #[arg(long, value_enum, default_value_t = SortOrder::Module)]
    pub sort: SortOrder,
    /// Text: print how many findings each rule has instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Exit 0 even with error-level findings (input errors and plugin failures still exit 2 and 3).
    #[arg(long)]
    pub exit_zero: bool,
    /// What `juris scan` observed on the website (its evidence JSON): the
    /// modules and the host rule on it as well as on the manifest.
    #[arg(long, value_name = "FILE")]
    pub evidence: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// The pages to visit (http or https).
    #[arg(value_name = "URL", required = true)]
    pub urls: Vec<String>,
    /// Write the evidence JSON here (default: standard output, or --output).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Pages per URL: the URL, then same-site links found, breadth first (1 to 1000).
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub pages: u16,
    /// Also visit every page with Global Privacy Control (`Sec-GPC: 1` and
    /// `navigator.globalPrivacyControl`), and record the differences.
    #[arg(long)]
    pub gpc: bool,
    /// The Chromium executable (default: chromium, chromium-browser,
    /// google-chrome… on PATH; Debian and Ubuntu: `apt-get install chromium`).
    #[arg(long, value_name = "PATH", env = "JURIS_BROWSER")]
    pub browser: Option<PathBuf>,
    /// The bound on one visit, browser start included, in seconds (1 to 3600).
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
    /// The bound on the whole scan, in seconds (1 to 86400).
    #[arg(long, value_name = "SECONDS", default_value_t = 600, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub total_timeout: u64,
    /// Write PNG screenshots of each page, before and after reject, to DIR.
    #[arg(long, value_name = "DIR")]
    pub screenshots: Option<PathBuf>,
    /// Do not click the banner's reject control.
    #[arg(long)]
    pub no_reject: bool,
    /// Chromium `--host-resolver-rules`, e.g. `MAP * 127.0.0.1` to serve every
    /// host from a local test server.
    #[arg(long, value_name = "RULES", hide = true)]
    pub host_resolver_rules: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortOrder {
    /// By module, then by severity (errors first), then by line.
    Module,
    /// By line and column in the manifest.
    Line,
}

#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// The place, e.g. `FR`, `DE-BY`, `GB-SCT`, `US-CA`, `BR`, `RU`.
    #[arg(long, value_name = "CODE", required_unless_present = "list")]
    pub jurisdiction: Option<Jurisdiction>,
    /// The year, 2000 to 2100 (default: this year).
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i16).range(2000..=2100))]
    pub year: Option<i16>,
    /// A calendar by id instead of the place's own (see --list).
    #[arg(long, value_name = "ID")]
    pub calendar: Option<String>,
    /// List every calendar, with the years it covers officially.
    #[arg(long, conflicts_with_all = ["jurisdiction", "year", "calendar"])]
    pub list: bool,
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The markets the organisation serves, comma-separated (e.g. EEA,GB,US-CA,BR,RU).
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub markets: Vec<Jurisdiction>,
    /// The organisation's name.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// The country the organisation is established in (default: the first
    /// market that is a country).
    #[arg(long, value_name = "CODE")]
    pub country: Option<Jurisdiction>,
    /// The directory to write privacy.toml and juris.toml in (default: the working directory).
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The manifest (default: `manifest` in juris.toml, else the nearest privacy.toml).
    pub manifest: Option<PathBuf>,
    /// Write the HTML here (default: standard output, or --output).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Evaluate the law as it stood on this date (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Only run this module (repeatable).
    #[arg(long = "module", value_name = "ID")]
    pub modules: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum NoticeCommand {
    /// Say, per module, which disclosures a privacy notice makes and which it
    /// lacks, with citations; with --manifest, where it contradicts the
    /// manifest. Exits 1 when a required disclosure is missing.
    Check(NoticeCheckArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NoticeFormat {
    Text,
    /// The documented JSON report (docs/notice.md).
    Json,
    Sarif,
}

#[derive(Debug, Args)]
pub struct NoticeCheckArgs {
    /// The notice: Markdown, HTML (a saved page) or plain text; `-` reads standard input.
    pub notice: PathBuf,
    /// The manifest, for the items that apply and the consistency checks.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Read the law as it stood on this date (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    #[arg(long, value_enum, default_value_t = NoticeFormat::Text)]
    pub format: NoticeFormat,
    /// Only this module (repeatable).
    #[arg(long = "module", value_name = "ID")]
    pub modules: Vec<String>,
    /// Text: also list the items found, with line and quote, and those that do not apply.
    #[arg(long)]
    pub show_present: bool,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The record of processing, one row per activity (columns: docs/report.md).
    Ropa(ExportRopaArgs),
    /// Systems and privacy declarations as fideslang 2.x YAML for `fides evaluate`.
    Fides(ExportFidesArgs),
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Read fideslang YAML files or directories (fideslang 1.x, 2.x, 3.x) and
    /// write a manifest; what Fides does not record becomes TODO comments.
    Fides(ImportFidesArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RopaFormat {
    Csv,
    Xlsx,
    Json,
}

impl From<RopaFormat> for juris_report::ropa::Format {
    fn from(format: RopaFormat) -> Self {
        match format {
            RopaFormat::Csv => juris_report::ropa::Format::Csv,
            RopaFormat::Xlsx => juris_report::ropa::Format::Xlsx,
            RopaFormat::Json => juris_report::ropa::Format::Json,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RopaVariant {
    /// GDPR Art. 30(1), every activity.
    Gdpr,
    /// LGPD Art. 37, the activities that touch Brazil.
    Lgpd,
    /// 152-FZ Art. 22(3), the activities that touch Russia.
    #[value(name = "152fz")]
    Fz152,
}

impl From<RopaVariant> for juris_report::ropa::Variant {
    fn from(variant: RopaVariant) -> Self {
        match variant {
            RopaVariant::Gdpr => juris_report::ropa::Variant::Gdpr,
            RopaVariant::Lgpd => juris_report::ropa::Variant::Lgpd,
            RopaVariant::Fz152 => juris_report::ropa::Variant::Fz152,
        }
    }
}

#[derive(Debug, Args)]
pub struct ExportRopaArgs {
    /// The manifest (default: `manifest` in juris.toml, else the nearest privacy.toml).
    pub manifest: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = RopaFormat::Csv)]
    pub format: RopaFormat,
    /// Which law's record.
    #[arg(long, value_enum, default_value_t = RopaVariant::Gdpr)]
    pub variant: RopaVariant,
    /// Write it here (default: standard output, or --output; XLSX needs a file).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportFidesArgs {
    /// The manifest (default: `manifest` in juris.toml, else the nearest privacy.toml).
    pub manifest: Option<PathBuf>,
    /// Write the YAML here (default: standard output, or --output).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportFidesArgs {
    /// fideslang YAML files, or directories searched for *.yml and *.yaml.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Write the manifest here, never over an existing file (default: standard output).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ResolveArgs {
    /// Where the person is: an ISO 3166 code such as `DE`, `GB`, `US-CA`.
    #[arg(long, value_name = "CODE")]
    pub jurisdiction: Jurisdiction,
    /// The manifest (default: `manifest` in juris.toml, else the nearest privacy.toml).
    pub manifest: Option<PathBuf>,
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
    /// UK: days the clock was stopped awaiting clarification (Art. 12A), 0 to 3650.
    #[arg(long, value_name = "DAYS", default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=3650))]
    pub paused_days: u32,
    /// A manifest whose facts change deadlines (e.g. small-agent status in Brazil).
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Count on this holiday calendar instead of the one the module chooses
    /// (`juris calendar --list` lists them), e.g. `de-by` or `fr`.
    #[arg(long, value_name = "ID")]
    pub calendar: Option<String>,
    #[command(flatten)]
    pub timeline: TimelineArgs,
}

/// How a plan is shown.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    #[arg(long, value_enum, default_value_t = PlanFormat::Text)]
    pub format: PlanFormat,
    /// Mark the duties past due at this instant (default: now), e.g. 2026-12-01T09:00:00+01:00.
    #[arg(long, value_name = "INSTANT", value_parser = parse_instant)]
    pub now: Option<Instant>,
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
    /// How many people are affected, when known (0 to 10000000000).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(0..=10_000_000_000))]
    pub affected: Option<u64>,
    /// A manifest whose facts change deadlines (e.g. small-agent status in Brazil).
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    #[command(flatten)]
    pub timeline: TimelineArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// rustc-style diagnostics for people.
    Text,
    /// The documented JSON report (docs/output.md).
    Json,
    /// SARIF 2.1.0 for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the manifest).
    Github,
    /// JUnit XML: one test case per module and rule.
    Junit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    /// A timeline for people.
    Text,
    /// The documented JSON plan.
    Json,
    /// An RFC 5545 calendar, one event per duty with a reminder a day before.
    Ics,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// Dates juris computes with: wide enough for any real request or incident,
/// far enough from the ends of the calendar that every deadline fits.
use juris_core::manifest::YEARS;

fn parse_date(text: &str) -> Result<Date, String> {
    juris_core::manifest::parse_date(text)
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
