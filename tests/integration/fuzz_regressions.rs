//! Replays the `check` fuzz regressions (`fuzz/regressions/check/`: inputs
//! written by hand to probe the modules' edges, and every crash `cargo xtask
//! fuzz` found) through the built `juris check` binary with the built-in
//! modules: whatever the input, juris exits 0, 1 or 2, and nothing panics (a
//! module's caught panic is exit 3).

use std::path::PathBuf;

use crate::util::*;

fn check_regressions() -> Vec<PathBuf> {
    let dir = root().join("fuzz/regressions/check");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} holds no regression inputs", dir.display());
    files
}

#[test]
fn check_regressions_never_crash_juris() {
    let mut failures = Vec::new();
    for file in check_regressions() {
        // A fixed day, so that the result does not depend on when the test runs.
        for as_of in ["2019-06-01", "2026-03-15"] {
            let output = run(&["check", "--as-of", as_of, "--format", "json", file.to_str().expect("UTF-8 path")]);
            let (out, err) = (stdout(&output), stderr(&output));
            let code = output.status.code();
            if !matches!(code, Some(0..=2)) || err.contains("panicked") || out.contains("panicked") {
                failures.push(format!("{} (as of {as_of}): exit {code:?}\nstderr:\n{err}", file.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{} run(s) of juris check failed:\n{}", failures.len(), failures.join("\n\n"));
}

#[test]
fn dsr_plan_over_check_regressions_never_crashes_juris() {
    let mut failures = Vec::new();
    for file in check_regressions() {
        let output = run(&[
            "dsr",
            "plan",
            "--manifest",
            file.to_str().expect("UTF-8 path"),
            "--jurisdiction",
            "BR",
            "--request",
            "access",
            "--received",
            "2026-03-15",
        ]);
        let (out, err) = (stdout(&output), stderr(&output));
        let code = output.status.code();
        if !matches!(code, Some(0..=2)) || err.contains("panicked") || out.contains("panicked") {
            failures.push(format!("{}: exit {code:?}\nstderr:\n{err}", file.display()));
        }
    }
    assert!(failures.is_empty(), "{} run(s) of juris dsr plan failed:\n{}", failures.len(), failures.join("\n\n"));
}

/// The inputs kept for one of the library-level targets.
fn regressions_of(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = root().join("fuzz/regressions").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} holds no regression inputs", dir.display());
    files.into_iter().map(|p| (p.clone(), std::fs::read(&p).unwrap())).collect()
}

/// Replays the text, settings, lock and frames regressions through the same
/// property code the fuzz targets run (a panic fails the test, naming the file).
#[test]
fn library_target_regressions_hold_their_properties() {
    type Property = fn(&[u8]);
    let targets: [(&str, Property); 4] = [
        ("text", juris_cli::fuzzing::text),
        ("settings", juris_cli::fuzzing::settings),
        ("lock", juris_host::fuzzing::lock),
        ("frames", juris_host::fuzzing::frames),
    ];
    for (target, property) in targets {
        for (path, bytes) in regressions_of(target) {
            if let Err(panic) = std::panic::catch_unwind(|| property(&bytes)) {
                let why = panic.downcast_ref::<String>().cloned().unwrap_or_default();
                panic!("{target}: {} fails: {why}", path.display());
            }
        }
    }
}
