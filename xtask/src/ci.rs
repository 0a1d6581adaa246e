//! `cargo xtask ci`: everything CI checks, in the order that fails fastest.

use crate::{cargo, root, run as run_command};

pub fn run() -> Result<(), String> {
    let mut fmt = cargo();
    fmt.args(["fmt", "--all", "--", "--check"]);
    run_command(fmt)?;
    // The tidy checks are a test of the xtask crate (`cargo test` runs them,
    // as rust-analyzer's are); they run here first because they fail fast.
    let mut tidy = cargo();
    tidy.args(["test", "--quiet", "--package", "xtask", "--", "tidy"]);
    run_command(tidy)?;
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
    // A freshly scaffolded module compiles, is formatted, passes clippy and its
    // own tests, as an author gets it from `cargo xtask new-plugin`.
    scaffold()?;
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

/// Scaffolds a standalone module in `target/scaffold-check/` and checks it.
fn scaffold() -> Result<(), String> {
    let dir = root().join("target/scaffold-check/acme");
    let _ = std::fs::remove_dir_all(&dir);
    let mut new = cargo();
    new.args(["run", "--quiet", "--package", "xtask", "--", "new-plugin", "acme", "--jurisdiction", "NZ", "--path"]);
    new.arg(&dir);
    run_command(new)?;
    let manifest = dir.join("Cargo.toml");
    let target = ["--target-dir", "target/swiss-fadp"];
    let mut fmt = cargo();
    fmt.arg("fmt").arg("--manifest-path").arg(&manifest).args(["--", "--check"]);
    run_command(fmt)?;
    let mut clippy = cargo();
    clippy.arg("clippy").arg("--manifest-path").arg(&manifest).args(target).args([
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]);
    run_command(clippy)?;
    let mut test = cargo();
    test.arg("test").arg("--manifest-path").arg(&manifest).args(target);
    run_command(test)?;
    Ok(())
}
