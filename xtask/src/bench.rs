//! `cargo xtask bench`: whole-process wall time and peak memory of juris
//! commands as a user runs them (start-up, plugin loading, parsing, every
//! module, rendering), each the median of several runs and printed next to
//! its target:
//!
//! - `check` on the example, and on synthetic manifests of 1,000, 10,000 and
//!   100,000 activities in json, sarif and text;
//! - `check` on 100,000 duplicate ids (input-error detection and rendering);
//! - `notice check` on a policy of about 20,000 words;
//! - `dsr plan` and `incident plan`.
//!
//! Figures are printed, never asserted: docs/performance.md records them.
//! Peak memory is the child's `VmHWM` (its resident high-water mark), read
//! from /proc while it runs.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{cargo, gen_manifest, root};

struct Case {
    name: String,
    args: Vec<String>,
    /// The size in activities, for the growth ratios.
    size: usize,
    format: &'static str,
    target: Option<Duration>,
}

fn case(name: impl Into<String>, args: &[&str], size: usize, format: &'static str, target: Option<Duration>) -> Case {
    Case { name: name.into(), args: args.iter().map(|a| a.to_string()).collect(), size, format, target }
}

fn run_bench(quick: bool) -> Result<(), String> {
    let mut build = cargo();
    build.args(["build", "--release", "--quiet"]);
    crate::run(build)?;
    let juris = root().join("target/release/juris");
    let dir = root().join("target/bench");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let example = root().join("examples/marketplace/privacy.toml");
    let example = example.to_str().ok_or("non-UTF-8 path")?.to_string();
    let ms = Duration::from_millis;
    let mut cases = vec![case("example", &["check", "--format", "json", &example], 0, "json", Some(ms(5)))];
    for n in [1_000usize, 10_000, 100_000] {
        // Written afresh every run, so the figures never come from a manifest
        // an older generator wrote.
        let path = dir.join(format!("synthetic-{n}.toml"));
        std::fs::write(&path, gen_manifest::generate(n, (n / 10).max(1), 42)).map_err(|e| e.to_string())?;
        let path = path.to_str().ok_or("non-UTF-8 path")?.to_string();
        for format in ["json", "sarif", "text"] {
            let target = (n == 100_000).then(|| ms(1000));
            cases.push(case(format!("{n} {format}"), &["check", "--format", format, &path], n, format, target));
        }
    }
    let duplicates = dir.join("duplicate-ids-100000.toml");
    std::fs::write(&duplicates, gen_manifest::duplicate_ids(100_000)).map_err(|e| e.to_string())?;
    cases.push(case("100000 dup. ids", &["check", duplicates.to_str().unwrap_or_default()], 0, "text", None));
    let policy = dir.join("policy-20000-words.md");
    std::fs::write(&policy, long_policy(20_000)?).map_err(|e| e.to_string())?;
    cases.push(case(
        "notice 20k words",
        &["notice", "check", "--format", "json", "--as-of", "2026-12-01", policy.to_str().unwrap_or_default()],
        0,
        "json",
        Some(ms(100)),
    ));
    cases.push(case(
        "dsr plan",
        &["dsr", "plan", "--jurisdiction", "DE", "--request", "access", "--received", "2026-12-01", &example],
        0,
        "text",
        None,
    ));
    cases.push(case(
        "incident plan",
        &[
            "incident",
            "plan",
            "--jurisdiction",
            "BR,RU,FR,GB,US-CA",
            "--discovered",
            "2026-11-18T15:00:00-03:00",
            &example,
        ],
        0,
        "text",
        None,
    ));

    println!(
        "{:<18} {:>5} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "input", "runs", "median", "min", "max", "peak RSS", "target"
    );
    let mut medians: std::collections::BTreeMap<(&str, usize), Duration> = std::collections::BTreeMap::new();
    for c in &cases {
        let runs = match (quick, c.size) {
            (true, _) => 3,
            (false, 100_000) => 5,
            (false, 10_000) => 10,
            _ => 30,
        };
        // One warm-up run fills the page cache and measures the peak memory
        // (polling /proc would disturb the timed runs).
        let (_, peak) = run_once(&juris, &c.args, true)?;
        let mut times = Vec::with_capacity(runs);
        for _ in 0..runs {
            times.push(run_once(&juris, &c.args, false)?.0);
        }
        times.sort();
        let median = times[times.len() / 2];
        let target = match c.target {
            Some(t) if median <= t => format!("{} met", show(t)),
            Some(t) => format!("{} NOT met", show(t)),
            None => String::new(),
        };
        println!(
            "{:<18} {runs:>5} {:>10} {:>10} {:>10} {:>10} {target:>10}",
            c.name,
            show(median),
            show(times[0]),
            show(*times.last().unwrap_or(&median)),
            if peak > 0 { format!("{} MiB", peak / 1024) } else { "-".to_string() },
        );
        if c.size > 0 {
            medians.insert((c.format, c.size), median);
        }
    }
    for format in ["json", "sarif", "text"] {
        for (small, large) in [(1_000, 10_000), (10_000, 100_000)] {
            if let (Some(a), Some(b)) = (medians.get(&(format, small)), medians.get(&(format, large))) {
                let ratio = b.as_secs_f64() / a.as_secs_f64();
                let verdict = if ratio <= 11.0 { "met" } else { "NOT met" };
                println!(
                    "{format}: {small} -> {large} activities: {ratio:.1}x the time for 10x the input (target <= 11x: {verdict})"
                );
            }
        }
    }
    // One deadline computed from nothing, calendar files parsed included.
    let mut deadline = cargo();
    deadline.args(["run", "--release", "--quiet", "-p", "juris-core", "--example", "deadline_timing"]);
    crate::run(deadline)?;
    Ok(())
}

pub fn run(args: &[String]) -> Result<(), String> {
    run_bench(args.iter().any(|a| a == "--quick"))
}

/// A policy of at least `words` words, made of the real policies of the
/// notice corpus one after another (so its wording is real, not generated).
fn long_policy(words: usize) -> Result<String, String> {
    let corpus = root().join("crates/notice/tests/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .map_err(|e| format!("{}: {e}", corpus.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .collect();
    files.sort();
    let mut text = String::new();
    while text.split_whitespace().count() < words {
        for file in &files {
            text.push_str(&std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?);
            text.push_str("\n\n");
        }
        if files.is_empty() {
            return Err("the notice corpus is empty".to_string());
        }
    }
    Ok(text)
}

/// Runs juris once; returns its wall time and, when asked, its peak resident
/// memory in KiB (0 when not asked, or when it ended before /proc was read).
fn run_once(juris: &Path, args: &[String], memory: bool) -> Result<(Duration, u64), String> {
    let start = Instant::now();
    let mut child = Command::new(juris)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", juris.display()))?;
    let status_file = PathBuf::from(format!("/proc/{}/status", child.id()));
    let mut peak = 0u64;
    let status = if !memory {
        child.wait().map_err(|e| e.to_string())?
    } else {
        loop {
            // VmHWM only grows, so the last reading before the exit is the peak
            // but for what the last few hundred microseconds added.
            if let Some(kib) = std::fs::read_to_string(&status_file).ok().as_deref().and_then(high_water_mark) {
                peak = peak.max(kib);
            }
            if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
                break status;
            }
            std::thread::sleep(Duration::from_micros(500));
        }
    };
    let elapsed = start.elapsed();
    match status.code() {
        // 1: findings; 2: the duplicate-id manifest is an input error, on purpose.
        Some(0..=2) => Ok((elapsed, peak)),
        _ => Err(format!("juris {} failed with {status}", args.join(" "))),
    }
}

fn high_water_mark(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn show(d: Duration) -> String {
    if d.as_secs_f64() >= 1.0 {
        format!("{:.2} s", d.as_secs_f64())
    } else {
        format!("{:.1} ms", d.as_secs_f64() * 1000.0)
    }
}
