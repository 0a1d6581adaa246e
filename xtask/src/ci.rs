//! `cargo xtask ci`: everything CI checks, in the order that fails fastest.

use crate::{cargo, root, run as run_command};

pub fn run() -> Result<(), String> {
    let mut fmt = cargo();
    fmt.args(["fmt", "--all", "--", "--check"]);
    run_command(fmt)?;
    tidy()?;
    let mut clippy = cargo();
    clippy.args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]);
    run_command(clippy)?;
    // Build every crate, plugin and fixture plugin: the end-to-end tests load
    // the libraries from the target directory.
    let mut build = cargo();
    build.args(["build", "--workspace"]);
    run_command(build)?;
    // The third-party example is built as an outside author builds it: its own
    // crate and lock file, outside the workspace. The end-to-end tests load it
    // from its own target directory.
    let swiss = ["--manifest-path", "examples/swiss-fadp/Cargo.toml"];
    let mut fmt = cargo();
    fmt.arg("fmt").args(swiss).args(["--", "--check"]);
    run_command(fmt)?;
    let mut clippy = cargo();
    clippy.arg("clippy").args(swiss).args([
        "--target-dir",
        "target/swiss-fadp",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]);
    run_command(clippy)?;
    let mut build = cargo();
    build.arg("build").args(swiss).args(["--target-dir", "target/swiss-fadp"]);
    run_command(build)?;
    let mut test = cargo();
    test.arg("test").args(swiss).args(["--target-dir", "target/swiss-fadp", "--no-fail-fast"]);
    run_command(test)?;
    // The fuzz targets live outside the default build (they need cargo-fuzz);
    // checking that they compile keeps them from rotting. Their regression
    // inputs run in the ordinary tests below.
    let mut fuzz = cargo();
    fuzz.args([
        "check",
        "--manifest-path",
        "fuzz/Cargo.toml",
        "--target-dir",
        "target/fuzz-check",
        "--no-default-features",
    ]);
    run_command(fuzz)?;
    // Every test binary runs even when one fails, so that one failure does not
    // hide the others; the run still fails at the end.
    let mut test = cargo();
    test.args(["test", "--workspace", "--no-fail-fast"]);
    run_command(test)?;
    // The distribution archive works unpacked on its own (the debug build is
    // packed, which is quicker; `cargo xtask dist` packs the release build).
    crate::dist::run_dist(&["--debug".to_string()])?;
    eprintln!("xtask ci: all checks passed");
    Ok(())
}

/// Conventions no compiler checks.
fn tidy() -> Result<(), String> {
    let mut problems = Vec::new();
    let plugins = root().join("plugins");
    let entries = std::fs::read_dir(&plugins).map_err(|e| format!("{}: {e}", plugins.display()))?;
    for entry in entries.flatten() {
        let dir = entry.path();
        if !dir.join("Cargo.toml").exists() {
            continue;
        }
        let name = dir.file_name().unwrap_or_default().to_string_lossy().into_owned();
        // Every plugin runs the shared rule harness over every rule.
        let harness = std::fs::read_to_string(dir.join("tests/rules.rs")).unwrap_or_default();
        if !harness.contains("assert_rules") {
            problems.push(format!("plugins/{name}: tests/rules.rs must call juris_core::testing::assert_rules"));
        }
        // Plugins depend on juris-core only.
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
        if let Some(deps) = manifest.split("[dependencies]").nth(1) {
            for line in deps.lines().take_while(|l| !l.starts_with('[')) {
                let dep = line.split(['=', '.']).next().unwrap_or("").trim();
                if !dep.is_empty() && !dep.starts_with('#') && !["juris-core", "serde"].contains(&dep) {
                    problems.push(format!("plugins/{name}: depends on `{dep}`; plugins depend on juris-core only"));
                }
            }
        }
        // No unsafe in plugins: the boundary code lives in juris-core.
        for file in rust_files(&dir.join("src")) {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            if text.contains("unsafe ") {
                problems.push(format!("{}: plugins must not use `unsafe`", file.display()));
            }
        }
    }
    // Every `unsafe` block in the project says why it is sound.
    for dir in ["crates", "plugins", "tests", "examples"] {
        for file in rust_files(&root().join(dir)) {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let lines: Vec<&str> = text.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                // Spelt in pieces so that this line is not itself an unsafe block
                // to the checks that read source as text.
                if code.contains(concat!("unsafe", " {")) || code.contains("unsafe impl") || code.contains("#[unsafe(")
                {
                    let justified = lines[i.saturating_sub(8)..i].iter().any(|l| l.contains("SAFETY:"));
                    if !justified {
                        problems.push(format!("{}:{}: unsafe without a `// SAFETY:` comment", file.display(), i + 1));
                    }
                }
            }
        }
    }
    if problems.is_empty() {
        eprintln!("tidy: ok");
        Ok(())
    } else {
        Err(format!("tidy found problems:\n{}", problems.join("\n")))
    }
}

fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return files };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "target") {
                continue;
            }
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}
