//! `cargo xtask dist`: the distribution archive,
//! `target/dist/juris-<version>-<target>.tar.gz`, laid out as an installation
//! prefix so that it works wherever it is unpacked:
//!
//! ```text
//! bin/juris
//! lib/juris/plugins/libjuris_*.so          the built-in modules
//! share/man/man1/juris.1
//! share/bash-completion/completions/juris
//! share/zsh/site-functions/_juris
//! share/fish/vendor_completions.d/juris.fish
//! share/juris/manifest.schema.json
//! LICENSE, README.md
//! ```
//!
//! juris finds plugins in `../lib/juris/plugins` relative to its binary. After
//! packing, the archive is unpacked into an empty directory and its binary
//! must list the four modules with nothing else on the search path.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{cargo, root, run};

/// The built-in modules' library names.
const PLUGINS: [&str; 4] = ["juris_eea_uk", "juris_california", "juris_brazil", "juris_russia"];

pub fn run_dist(args: &[String]) -> Result<(), String> {
    let debug = args.iter().any(|a| a == "--debug");
    if let Some(other) = args.iter().find(|a| *a != "--debug") {
        return Err(format!("dist: unknown argument `{other}` (usage: cargo xtask dist [--debug])"));
    }
    let mut build = cargo();
    build.arg("build");
    if !debug {
        build.arg("--release");
    }
    run(build)?;
    let profile = root().join("target").join(if debug { "debug" } else { "release" });
    let juris = profile.join("juris");
    let version = output(Command::new(&juris).arg("--version"))?
        .split_whitespace()
        .nth(1)
        .ok_or("juris --version printed no version")?
        .to_string();
    let target = host_target()?;
    let name = format!("juris-{version}-{target}");
    let dist = root().join("target/dist");
    let stage = dist.join(&name);
    let _ = std::fs::remove_dir_all(&stage);

    let put = |relative: &str, bytes: &[u8], mode: u32| -> Result<PathBuf, String> {
        let path = stage.join(relative);
        std::fs::create_dir_all(path.parent().expect("staged files are in a directory"))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        set_mode(&path, mode)?;
        Ok(path)
    };
    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()));
    put("bin/juris", &read(&juris)?, 0o755)?;
    for plugin in PLUGINS {
        let file = format!("{}{plugin}{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX);
        // Plugins must not be writable by others: juris refuses such files.
        put(&format!("lib/juris/plugins/{file}"), &read(&profile.join(&file))?, 0o644)?;
    }
    let generated = |args: &[&str]| output(Command::new(&juris).args(args));
    put("share/man/man1/juris.1", generated(&["man"])?.as_bytes(), 0o644)?;
    put("share/bash-completion/completions/juris", generated(&["completions", "bash"])?.as_bytes(), 0o644)?;
    put("share/zsh/site-functions/_juris", generated(&["completions", "zsh"])?.as_bytes(), 0o644)?;
    put("share/fish/vendor_completions.d/juris.fish", generated(&["completions", "fish"])?.as_bytes(), 0o644)?;
    put("share/juris/manifest.schema.json", generated(&["schema"])?.as_bytes(), 0o644)?;
    put("LICENSE", &read(&root().join("LICENSE"))?, 0o644)?;
    put("README.md", &read(&root().join("README.md"))?, 0o644)?;

    let archive = dist.join(format!("{name}.tar.gz"));
    pack(&stage, &name, &archive)?;
    verify(&archive)?;
    eprintln!("xtask dist: wrote {}", archive.display());
    Ok(())
}

fn output(cmd: &mut Command) -> Result<String, String> {
    let shown = format!("{cmd:?}");
    let out = cmd.output().map_err(|e| format!("cannot run {shown}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{shown} failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("{shown}: {e}"))
}

fn host_target() -> Result<String, String> {
    let text = output(Command::new(std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into())).arg("-vV"))?;
    text.lines()
        .find_map(|l| l.strip_prefix("host: "))
        .map(str::to_string)
        .ok_or_else(|| "rustc -vV printed no host".to_string())
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) -> Result<(), String> {
    Ok(())
}

fn pack(stage: &Path, name: &str, archive: &Path) -> Result<(), String> {
    let file = std::fs::File::create(archive).map_err(|e| format!("{}: {e}", archive.display()))?;
    let encoder = flate2::write::GzEncoder::new(file, flate2::Compression::default());
    let mut tar = tar::Builder::new(encoder);
    tar.follow_symlinks(false);
    // Owner root (uid 0) and normalised modes: extracted by root, the files are
    // root's, which juris's plugin trust checks accept; by anyone else, theirs.
    // The builder's own uid must not end up owning an installation.
    tar.mode(tar::HeaderMode::Deterministic);
    tar.append_dir_all(name, stage).map_err(|e| format!("packing {}: {e}", stage.display()))?;
    let encoder = tar.into_inner().map_err(|e| format!("{}: {e}", archive.display()))?;
    encoder.finish().map_err(|e| format!("{}: {e}", archive.display()))?;
    Ok(())
}

/// Unpacks the archive into an empty directory and runs its binary with a
/// clean environment: it must load the four built-in modules from its own
/// `lib/juris/plugins`.
fn verify(archive: &Path) -> Result<(), String> {
    let scratch = std::env::temp_dir().join(format!("juris-dist-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    let file = std::fs::File::open(archive).map_err(|e| format!("{}: {e}", archive.display()))?;
    tar::Archive::new(flate2::read::GzDecoder::new(file))
        .unpack(&scratch)
        .map_err(|e| format!("unpacking {}: {e}", archive.display()))?;
    let top =
        std::fs::read_dir(&scratch).map_err(|e| e.to_string())?.flatten().next().ok_or("the archive is empty")?.path();
    let listed = output(
        Command::new(top.join("bin/juris"))
            .env_clear()
            .env("HOME", &scratch)
            .current_dir(&scratch)
            .args(["plugins", "--format", "json"]),
    )?;
    let _ = std::fs::remove_dir_all(&scratch);
    let missing: Vec<&str> = ["eea-uk", "california", "brazil", "russia"]
        .into_iter()
        .filter(|id| !listed.contains(&format!("\"id\": \"{id}\"")))
        .collect();
    if missing.is_empty() {
        eprintln!("xtask dist: the unpacked archive loads eea-uk, california, brazil and russia");
        Ok(())
    } else {
        Err(format!("the unpacked archive does not load {}: {listed}", missing.join(", ")))
    }
}
