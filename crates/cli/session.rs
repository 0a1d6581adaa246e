//! Loading the plugins for a command, and reporting the ones that failed.

use juris_host::{PluginSet, SearchPath};

use crate::Outcome;

/// Loads every plugin. A missing `--plugin-dir` is a usage error (exit 2);
/// files that fail to load are reported on stderr by the caller through
/// [`report_load_errors`] and make the command exit 3.
pub fn load(search: &SearchPath) -> Result<PluginSet, Outcome> {
    juris_host::load(search).map_err(|message| {
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
