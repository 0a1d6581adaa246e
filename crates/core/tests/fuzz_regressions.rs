//! Replays the fuzz regressions (`fuzz/regressions/manifest/` and
//! `fuzz/regressions/check/`: inputs written by hand to probe the parser's
//! edges, and every crash `cargo xtask fuzz` found) through the parser, as the
//! `manifest` fuzz target does, without the fuzzer: parsing must never panic,
//! a manifest that loads must survive the JSON round trip the host makes, and
//! every error must be located inside the text.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use juris_core::Manifest;
use juris_core::manifest::parse;

fn regressions(target: &str) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} holds no regression inputs", dir.display());
    files
}

/// What the `manifest` fuzz target asserts, for one input.
fn replay(file: &Path) -> Result<(), String> {
    let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.as_ref();
    match parse(text) {
        Ok(parsed) => {
            let json = serde_json::to_vec(&parsed.manifest).map_err(|e| format!("does not encode as JSON: {e}"))?;
            let back: Manifest =
                serde_json::from_slice(&json).map_err(|e| format!("does not decode from its own JSON: {e}"))?;
            let again = serde_json::to_vec(&back).map_err(|e| format!("decoded manifest does not encode: {e}"))?;
            if json != again {
                return Err("the JSON round trip changed the manifest".to_string());
            }
        }
        Err(errors) => {
            if errors.is_empty() {
                return Err("parse failed with no error".to_string());
            }
            for error in &errors {
                let l = &error.location;
                if l.line == 0 || l.column == 0 || text.get(l.span.clone()).is_none() {
                    return Err(format!("error `{}` has a bad location {l:?}", error.message));
                }
            }
        }
    }
    Ok(())
}

fn replay_all(target: &str) {
    let mut failures = Vec::new();
    for file in regressions(target) {
        let outcome = catch_unwind(AssertUnwindSafe(|| replay(&file)));
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(problem)) => failures.push(format!("{}: {problem}", file.display())),
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!("{}: parse panicked: {message}", file.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{} regression input(s) fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn manifest_regressions_parse_without_panicking() {
    replay_all("manifest");
}

#[test]
fn check_regressions_parse_without_panicking() {
    replay_all("check");
}

#[test]
fn the_regression_corpus_holds_loadable_manifests_too() {
    // The `check` corpus must reach the modules: most of it has to load.
    let files = regressions("check");
    let loaded = files.iter().filter(|f| std::fs::read_to_string(f).is_ok_and(|text| parse(&text).is_ok())).count();
    assert!(loaded * 2 > files.len(), "only {loaded} of {} check regressions load", files.len());
}
