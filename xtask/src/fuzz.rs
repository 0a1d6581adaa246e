//! `cargo xtask fuzz [--seconds N] [--target manifest|check|text|settings|lock|frames]`: run the cargo-fuzz
//! targets in `fuzz/` (a crate outside the workspace) for N seconds each.
//!
//! The `check` target loads the built-in modules from their shared libraries,
//! so the workspace is built first. Each target's corpus starts from seeds (the
//! example manifest and every rule fixture) and from `fuzz/regressions/<target>/`,
//! so a regression that crashes again fails at once. A crash found is copied
//! into `fuzz/regressions/<target>/`, where the ordinary tests
//! (`crates/core/tests/fuzz_regressions.rs`, `tests/integration/fuzz_regressions.rs`)
//! replay it in `cargo xtask ci`, and the task fails.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{cargo, root, run as run_command};

const TARGETS: [&str; 6] = ["manifest", "check", "text", "settings", "lock", "frames"];
const DEFAULT_SECONDS: u64 = 60;

const USAGE: &str = "usage: cargo xtask fuzz [--seconds N] [--target manifest|check|text|settings|lock|frames]";

pub fn run(args: &[String]) -> Result<(), String> {
    let (seconds, targets) = parse_args(args)?;
    require_cargo_fuzz()?;
    // The `check` target loads the plugins from target/debug, as `juris` does
    // beside itself.
    let mut build = cargo();
    build.arg("build");
    run_command(build)?;
    let fuzz = root().join("fuzz");
    for target in targets {
        seed(&fuzz, target)?;
        fuzz_one(&fuzz, target, seconds)?;
    }
    eprintln!("xtask fuzz: no crash");
    Ok(())
}

fn parse_args(args: &[String]) -> Result<(u64, Vec<&'static str>), String> {
    let mut seconds = DEFAULT_SECONDS;
    let mut targets: Vec<&'static str> = TARGETS.to_vec();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => {
                let value = args.next().ok_or_else(|| format!("--seconds needs a value\n{USAGE}"))?;
                seconds = value
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("--seconds takes a positive whole number, not `{value}`\n{USAGE}"))?;
            }
            "--target" => {
                let value = args.next().ok_or_else(|| format!("--target needs a value\n{USAGE}"))?;
                let target = TARGETS
                    .into_iter()
                    .find(|t| t == value)
                    .ok_or_else(|| format!("unknown fuzz target `{value}`: expected one of manifest, check, text, settings, lock, frames\n{USAGE}"))?;
                targets = vec![target];
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    Ok((seconds, targets))
}

/// cargo-fuzz uses `-Z` flags; `RUSTC_BOOTSTRAP=1` lets the stable toolchain take them.
fn cargo_fuzz() -> Command {
    let mut cmd = cargo();
    cmd.env("RUSTC_BOOTSTRAP", "1");
    cmd.arg("fuzz");
    cmd
}

fn require_cargo_fuzz() -> Result<(), String> {
    let mut probe = cargo_fuzz();
    probe.arg("--version").stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null());
    match probe.status() {
        Ok(status) if status.success() => Ok(()),
        _ => Err("cargo-fuzz is not installed: install it with `cargo install cargo-fuzz` and run again".to_string()),
    }
}

/// Copies the seeds into the target's corpus: the example manifest and every
/// rule fixture of every plugin. The corpus is not committed (fuzz/.gitignore).
fn seed(fuzz: &Path, target: &str) -> Result<(), String> {
    let corpus = fuzz.join("corpus").join(target);
    std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    if matches!(target, "settings" | "lock" | "frames") {
        // Not manifests: their seeds are the hand-written inputs in
        // regressions/<target>/, which libFuzzer reads too.
        return Ok(());
    }
    let mut seeds = vec![("example-marketplace.toml".to_string(), root().join("examples/marketplace/privacy.toml"))];
    let plugins = root().join("plugins");
    for plugin in sorted_entries(&plugins)? {
        let fixtures = plugin.join("src/rules/fixtures");
        if !fixtures.is_dir() {
            continue;
        }
        let name = file_name(&plugin);
        for fixture in sorted_entries(&fixtures)? {
            if fixture.extension().is_some_and(|e| e == "toml") {
                seeds.push((format!("{name}-{}", file_name(&fixture)), fixture));
            }
        }
    }
    for (name, from) in &seeds {
        let to = corpus.join(format!("seed-{name}"));
        std::fs::copy(from, &to).map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))?;
    }
    eprintln!("xtask fuzz: {} seeds in {}", seeds.len(), corpus.display());
    Ok(())
}

fn fuzz_one(fuzz: &Path, target: &str, seconds: u64) -> Result<(), String> {
    let corpus = fuzz.join("corpus").join(target);
    let regressions = fuzz.join("regressions").join(target);
    std::fs::create_dir_all(&regressions).map_err(|e| format!("{}: {e}", regressions.display()))?;
    let artifacts = fuzz.join("artifacts").join(target);
    let before = listing(&artifacts);
    let mut cmd = cargo_fuzz();
    cmd.current_dir(fuzz);
    if std::env::var_os("JURIS_FUZZ_PLUGIN_DIR").is_none() {
        cmd.env("JURIS_FUZZ_PLUGIN_DIR", root().join("target/debug"));
    }
    // libFuzzer writes new inputs to the first directory only; the regressions
    // are read, so a known crash that is back fails at once. One process, one
    // core: no -jobs or -workers.
    cmd.args(["run", target])
        .arg(&corpus)
        .arg(&regressions)
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .args(["-timeout=30", "-rss_limit_mb=4096", "-print_final_stats=1"]);
    let result = run_command(cmd);
    let found: Vec<PathBuf> = listing(&artifacts).difference(&before).cloned().collect();
    let mut kept = Vec::new();
    for artifact in &found {
        let to = regressions.join(file_name(artifact));
        std::fs::copy(artifact, &to)
            .map_err(|e| format!("cannot copy {} to {}: {e}", artifact.display(), to.display()))?;
        kept.push(to);
    }
    if kept.is_empty() {
        return result.map_err(|e| format!("fuzz target `{target}` failed without leaving an input: {e}"));
    }
    let shown: Vec<String> = kept.iter().map(|p| format!("  {}", p.display())).collect();
    Err(format!(
        "fuzz target `{target}` found {} failing input(s); copied into fuzz/regressions/{target}/, where \
         `cargo xtask ci` replays them:\n{}\nreproduce with: cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run {target} <file>",
        kept.len(),
        shown.join("\n")
    ))
}

/// The files in a directory (none when it does not exist).
fn listing(dir: &Path) -> BTreeSet<PathBuf> {
    sorted_entries(dir).unwrap_or_default().into_iter().filter(|p| p.is_file()).collect()
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    Ok(paths)
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap_or_default().to_string_lossy().into_owned()
}
