//! What every command shares: the settings in force (juris.toml), where
//! plugins are, how they are loaded (isolated or not, pinned by juris.lock or
//! not), and reporting the ones that failed.

use std::path::{Path, PathBuf};
use std::time::Duration;

use juris_host::{Isolation, LoadOptions, Lockfile, PluginSet, SearchPath};

use crate::Outcome;
use crate::args::GlobalArgs;
use crate::config::{self, Loaded};
use crate::sanitize;

/// The settings, search path and load options for this run.
pub struct Session {
    pub search: SearchPath,
    pub options: LoadOptions,
    pub config: Loaded,
    /// Where juris.lock is, or would be written: beside the juris.toml in
    /// force, else in the working directory.
    pub lock_path: PathBuf,
}

impl Session {
    /// Combines flags, the juris.toml found (or named by `--config`) and the
    /// juris.lock beside it. `use_lock` is false for `juris plugins lock`,
    /// which replaces the lock (a broken one must not stand in the way of
    /// writing a good one).
    pub fn new(global: &GlobalArgs, use_lock: bool) -> Result<Session, Outcome> {
        let config = config::load(global.config.as_deref()).map_err(|message| {
            eprintln!("error: {}", sanitize::line(&message));
            Outcome::InputError
        })?;
        let lock_path = config.dir().join(juris_host::lock::LOCK_FILE);
        // A lock that is there in any form (a dangling symlink included) is read,
        // and fails the run if it cannot be: a lock must fail closed.
        let lock = if use_lock && juris_host::trust::exists_at_all(&lock_path) {
            tracing::info!(path = %lock_path.display(), "using lock");
            Some(Lockfile::read(&lock_path).map_err(|message| {
                eprintln!("error: {}", sanitize::line(&message));
                Outcome::InputError
            })?)
        } else {
            None
        };
        let settings = &config.config;
        let mut dirs = global.plugin_dirs.clone();
        dirs.extend(settings.plugin_dirs.iter().map(|d| config.resolve(d)));
        let search = SearchPath::standard(&dirs);
        let seconds = global.plugin_timeout.or(settings.plugin_timeout_seconds).unwrap_or(30);
        let options = LoadOptions {
            isolation: if global.isolate {
                Isolation::All
            } else if global.no_isolate {
                Isolation::None
            } else {
                match settings.isolate {
                    Some(true) => Isolation::All,
                    Some(false) => Isolation::None,
                    None => Isolation::Added,
                }
            },
            timeout: Duration::from_secs(seconds),
            lock,
            allow_insecure: global.allow_insecure_plugins,
            rule_pages: true,
        };
        Ok(Session { search, options, config, lock_path })
    }

    /// The largest manifest juris reads (`max_manifest_bytes`, default 64 MiB).
    pub fn max_manifest_bytes(&self) -> u64 {
        self.config.config.max_manifest_bytes.unwrap_or(juris_host::input::DEFAULT_MAX_BYTES)
    }

    /// The manifest a command reads: the one given, else `manifest` in
    /// juris.toml, else the nearest privacy.toml. Not finding one is an
    /// input error that says where juris looked.
    pub fn manifest_path(&self, given: Option<&Path>) -> Result<PathBuf, Outcome> {
        let found = match given {
            Some(path) => Some(path.to_path_buf()),
            None => match &self.config.config.manifest {
                Some(path) => Some(self.config.resolve(path)),
                None => std::env::current_dir().ok().and_then(|dir| config::find_upwards(&dir, config::MANIFEST_FILE)),
            },
        };
        match found {
            Some(path) => {
                // Shown relative to the working directory where it is below it, as
                // the user would write it.
                let cwd = std::env::current_dir().unwrap_or_default();
                let path = match path.strip_prefix(&cwd) {
                    Ok(relative) if given.is_none() && !relative.as_os_str().is_empty() => relative.to_path_buf(),
                    _ => path,
                };
                tracing::info!(path = %path.display(), "using manifest");
                Ok(path)
            }
            None => {
                eprintln!(
                    "error: no manifest given, and no {} was found in the working directory or its parents (up to the repository's top or $HOME)",
                    config::MANIFEST_FILE
                );
                eprintln!(
                    "  = help: pass the manifest's path (`juris check examples/marketplace/privacy.toml`), set `manifest` in juris.toml, or run `juris init`"
                );
                Err(Outcome::InputError)
            }
        }
    }
}

/// Loads every plugin. A missing `--plugin-dir` is a usage error (exit 2).
/// No module loaded at all is exit 3, with every place juris looked: a run
/// that checked nothing must not pass.
pub fn load(session: &Session) -> Result<PluginSet, Outcome> {
    load_with(session, &session.options)
}

/// [`load`], without the rules' documentation pages: for the commands that
/// never show them (a check other than SARIF, a plan, a calendar), since the
/// pages are most of what a module describes.
pub fn load_brief(session: &Session) -> Result<PluginSet, Outcome> {
    load_with(session, &LoadOptions { rule_pages: false, ..session.options.clone() })
}

fn load_with(session: &Session, options: &LoadOptions) -> Result<PluginSet, Outcome> {
    let set = juris_host::load(&session.search, options).map_err(|message| {
        eprintln!("error: {}", sanitize::line(&message));
        Outcome::InputError
    })?;
    if set.plugins.is_empty() {
        report_load_errors(&set);
        eprintln!("{}", no_modules_message(session));
        return Err(Outcome::PluginFailed);
    }
    Ok(set)
}

/// Says that no module was loaded, and where juris looked.
pub fn no_modules_message(session: &Session) -> String {
    let mut message = String::from("error: no juris module was loaded, so nothing could be checked; juris looked in:");
    for place in session.search.describe() {
        message.push_str(&format!("\n  - {}", sanitize::line(&place)));
    }
    message.push_str(
        "\n  = help: install the plugins beside the binary or in ../lib/juris/plugins (the dist archive has them), or point JURIS_PLUGIN_PATH or --plugin-dir at them",
    );
    message
}

/// Prints each plugin that failed to load and returns the outcome it implies.
pub fn report_load_errors(set: &PluginSet) -> Outcome {
    for error in &set.errors {
        eprintln!("error: {}", sanitize::line(&error.message));
    }
    if set.errors.is_empty() { Outcome::Clean } else { Outcome::PluginFailed }
}

/// Today's date in the system time zone: the default `--as-of`.
pub fn today() -> juris_core::jiff::civil::Date {
    now_local().date()
}

/// The current time in the system time zone.
///
/// With `TZ` unset, this reads `/etc/localtime` as the TZif file it is.
/// jiff's own `Zoned::now()` first turns the link into a zone name and looks
/// it up in its zoneinfo database, whose first lookup lists every directory
/// under /usr/share/zoneinfo: 1.2 ms of a 17 ms `juris check` on the example
/// (docs/performance.md), for a name juris never shows. With `TZ` set, or
/// without a readable /etc/localtime, jiff decides as usual.
pub fn now_local() -> juris_core::jiff::Zoned {
    use juris_core::jiff::{Timestamp, tz::TimeZone};
    let local = std::env::var_os("TZ").is_none().then(read_localtime).flatten();
    Timestamp::now().to_zoned(local.unwrap_or_else(TimeZone::system))
}

fn read_localtime() -> Option<juris_core::jiff::tz::TimeZone> {
    use std::io::Read;
    // A TZif file is a few kilobytes; more is not one.
    const MAX_TZIF_BYTES: u64 = 1 << 20;
    let mut data = Vec::new();
    std::fs::File::open("/etc/localtime").ok()?.take(MAX_TZIF_BYTES).read_to_end(&mut data).ok()?;
    juris_core::jiff::tz::TimeZone::tzif("localtime", &data).ok()
}
