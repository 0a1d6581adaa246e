//! `cargo xtask bench`: wall-clock time of `juris check` as a whole process
//! (start-up, plugin loading, parsing, every module, rendering), on the example
//! and on synthetic manifests of growing size, as JSON and as text (whose
//! rendering once was quadratic), and on a manifest of 100,000 duplicate ids
//! (input-error detection and rendering). Figures are printed, never
//! asserted: docs/performance.md records them against the targets.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{cargo, gen_manifest, root};

fn run_bench(quick: bool) -> Result<(), String> {
    let mut build = cargo();
    build.args(["build", "--release", "--quiet"]);
    crate::run(build)?;
    let juris = root().join("target/release/juris");
    let dir = root().join("target/bench");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut cases = vec![("example".to_string(), root().join("examples/marketplace/privacy.toml"), 0usize, "json")];
    for n in [1_000usize, 10_000, 100_000] {
        // Written afresh every run, so the figures never come from a manifest
        // an older generator wrote.
        let path = dir.join(format!("synthetic-{n}.toml"));
        std::fs::write(&path, gen_manifest::generate(n, (n / 10).max(1), 42)).map_err(|e| e.to_string())?;
        cases.push((format!("{n} activities"), path.clone(), n, "json"));
        if n >= 10_000 {
            cases.push((format!("{n} as text"), path, n, "text"));
        }
    }
    let duplicates = dir.join("duplicate-ids-100000.toml");
    std::fs::write(&duplicates, gen_manifest::duplicate_ids(100_000)).map_err(|e| e.to_string())?;
    cases.push(("100000 dup. ids".to_string(), duplicates, 100_000, "text"));
    println!("{:<18} {:>6} {:>12} {:>12} {:>12}", "input", "runs", "median", "min", "max");
    let mut medians = Vec::new();
    let mut json_median = std::collections::BTreeMap::new();
    for (name, path, size, format) in &cases {
        let runs = match (quick, size) {
            (true, _) => 3,
            (false, 100_000) => 5,
            (false, 10_000) => 10,
            _ => 30,
        };
        let mut times = Vec::with_capacity(runs);
        // One warm-up run fills the page cache.
        time_once(&juris, path, format)?;
        for _ in 0..runs {
            times.push(time_once(&juris, path, format)?);
        }
        times.sort();
        let median = times[times.len() / 2];
        println!(
            "{name:<18} {runs:>6} {:>12} {:>12} {:>12}",
            show(median),
            show(times[0]),
            show(*times.last().unwrap_or(&median))
        );
        if name.contains("dup.") {
            continue;
        }
        if *format == "json" {
            json_median.insert(*size, median);
            medians.push((*size, median));
        } else if let Some(json) = json_median.get(size) {
            println!("{:<18} text takes {:.2}x the time of JSON", "", median.as_secs_f64() / json.as_secs_f64());
        }
    }
    for pair in medians.windows(2).filter(|w| w[0].0 > 0) {
        let ratio = pair[1].1.as_secs_f64() / pair[0].1.as_secs_f64();
        println!("{} -> {} activities: {ratio:.1}x the time for 10x the input", pair[0].0, pair[1].0);
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

fn time_once(juris: &std::path::Path, manifest: &std::path::Path, format: &str) -> Result<Duration, String> {
    let start = Instant::now();
    let status = Command::new(juris)
        .args(["check", "--format", format])
        .arg(manifest)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run {}: {e}", juris.display()))?;
    let elapsed = start.elapsed();
    match status.code() {
        // 2: the duplicate-id manifest is an input error, on purpose.
        Some(0..=2) => Ok(elapsed),
        _ => Err(format!("juris check {} failed with {status}", manifest.display())),
    }
}

fn show(d: Duration) -> String {
    if d.as_secs_f64() >= 1.0 {
        format!("{:.2} s", d.as_secs_f64())
    } else {
        format!("{:.1} ms", d.as_secs_f64() * 1000.0)
    }
}
