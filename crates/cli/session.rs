//! What every command shares: where plugins are, how they are loaded (isolated
//! or not, pinned by juris.lock or not), and reporting the ones that failed.

use std::time::Duration;

use juris_host::{LoadOptions, Lockfile, PluginSet, SearchPath};

use crate::Outcome;
use crate::args::GlobalArgs;

/// The search path and load options for this run.
pub struct Session {
    pub search: SearchPath,
    pub options: LoadOptions,
}

impl Session {
    /// Combines flags, `juris.toml` and `juris.lock` from the current directory.
    /// `use_lock` is false for `juris plugins lock`, which replaces the lock (a
    /// broken one must not stand in the way of writing a good one).
    pub fn new(search: SearchPath, global: &GlobalArgs, use_lock: bool) -> Result<Session, Outcome> {
        let here = std::env::current_dir().unwrap_or_else(|_| ".".into());
        let config = crate::config::read(&here).map_err(|message| {
            eprintln!("error: {message}");
            Outcome::InputError
        })?;
        let lock_path = here.join(juris_host::lock::LOCK_FILE);
        let lock = if use_lock && lock_path.exists() {
            Some(Lockfile::read(&lock_path).map_err(|message| {
                eprintln!("error: {message}");
                Outcome::InputError
            })?)
        } else {
            None
        };
        let seconds = global.plugin_timeout.or(config.plugin_timeout_seconds).unwrap_or(30).max(1);
        let options =
            LoadOptions { isolate: global.isolate || config.isolate, timeout: Duration::from_secs(seconds), lock };
        Ok(Session { search, options })
    }
}

/// Loads every plugin. A missing `--plugin-dir` is a usage error (exit 2);
/// files that fail to load are reported by the caller through
/// [`report_load_errors`] and make the command exit 3.
pub fn load(session: &Session) -> Result<PluginSet, Outcome> {
    juris_host::load(&session.search, &session.options).map_err(|message| {
        eprintln!("error: {message}");
        Outcome::InputError
    })
}

/// Prints each plugin that failed to load and returns the outcome it implies.
pub fn report_load_errors(set: &PluginSet) -> Outcome {
    for error in &set.errors {
        eprintln!("error: {}", error.message);
    }
    if set.errors.is_empty() { Outcome::Clean } else { Outcome::PluginFailed }
}

/// Today's date in the system time zone: the default `--as-of`.
pub fn today() -> juris_core::jiff::civil::Date {
    juris_core::jiff::Zoned::now().date()
}
