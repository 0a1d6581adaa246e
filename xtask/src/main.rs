//! `cargo xtask`: the project's build tasks, in Rust so that they need nothing
//! but cargo.
//!
//! - `ci`: formatting, clippy with warnings denied, build of every crate and
//!   plugin, every test, and the tidy checks.
//! - `demo`: build in release and run `juris check` on the example.
//! - `dist`: the distribution archive with the binary, plugins, completions
//!   and man page.
//! - `gen-manifest`: write a deterministic synthetic manifest.
//! - `bench`: time `juris check` as a whole process at growing sizes.
//! - `new-plugin`: scaffold a regional-module crate.
//! - `fuzz`: run the cargo-fuzz targets and keep their crashes as regressions.

mod bench;
mod ci;
mod dist;
mod fuzz;
mod gen_manifest;
mod new_plugin;
#[cfg(test)]
mod tidy;

use std::path::PathBuf;
use std::process::{Command, ExitCode};

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  ci                      fmt check, clippy -D warnings, build everything, all tests, tidy
  demo                    build in release and run `juris check` on examples/marketplace
  dist [--debug]          build target/dist/juris-<version>-<target>.tar.gz (binary, plugins,
                          completions, man page) and check that it works unpacked
  gen-manifest --activities N --systems M [--seed S] [--out FILE]
                          write a deterministic synthetic manifest (stdout by default)
  bench [--quick]         time `juris check` on the example and on 1k/10k/100k activities
  new-plugin NAME [--path DIR] [--jurisdiction CODE]
                          scaffold a module crate (plugins/NAME, or standalone in DIR)
  fuzz [--seconds N] [--target manifest|check]
                          run the cargo-fuzz targets N seconds each (needs `cargo install cargo-fuzz`)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("ci") => ci::run(),
        Some("demo") => demo(),
        Some("dist") => dist::run_dist(&args[1..]),
        Some("gen-manifest") => gen_manifest::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("new-plugin") => new_plugin::run(&args[1..]),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown or missing task\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask is in the workspace").to_path_buf()
}

/// `cargo` as the one running us.
pub fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(root());
    cmd
}

/// Runs a command, echoing it, and fails with its exit status.
pub fn run(mut cmd: Command) -> Result<(), String> {
    let shown = format!("{cmd:?}").replace('"', "");
    eprintln!("$ {shown}");
    let status = cmd.status().map_err(|e| format!("cannot run {shown}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("{shown} failed with {status}")) }
}

fn demo() -> Result<(), String> {
    let mut build = cargo();
    build.args(["build", "--release", "--quiet"]);
    run(build)?;
    let juris = root().join("target/release/juris");
    let example = "examples/marketplace/privacy.toml";
    eprintln!("$ target/release/juris check {example}\n");
    let status = Command::new(&juris)
        .current_dir(root())
        .args(["check", example])
        .status()
        .map_err(|e| format!("cannot run {}: {e}", juris.display()))?;
    match status.code() {
        // The example is written with gaps for juris to find: exit 1 is the
        // expected outcome of a successful run.
        Some(0 | 1) => {
            eprintln!("\n(juris exited {}: the example has findings by design)", status.code().unwrap_or(0));
            Ok(())
        }
        _ => Err(format!("juris check failed with {status}")),
    }
}
