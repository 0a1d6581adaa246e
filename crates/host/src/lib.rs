//! juris-host: finding, verifying, loading and calling regional-module plugins.
//!
//! Plugins are shared libraries exporting the juris ABI (see
//! [`juris_core::abi`]). They are searched for beside the `juris` binary (so
//! `cargo build` output works as it is), in the installation's
//! `lib/juris/plugins`, in `$XDG_DATA_HOME/juris/plugins`, then in each
//! directory of `JURIS_PLUGIN_PATH` and each `--plugin-dir` ([`discovery`]). When a
//! `juris.lock` pins them, each file is hashed, compared, copied to a private
//! path and loaded from there, so the bytes checked are the bytes loaded
//! ([`lock`]). A plugin runs in the host's process, or, with isolation, in a
//! child process that speaks the same messages over pipes ([`isolate`]).
//!
//! **API boundary:** a plugin that cannot be loaded or that fails a call is an
//! error value naming it ([`LoadError`], [`CallError`]), never a panic or an
//! abort of the host, so the other modules' results can still be reported.

#![deny(unsafe_code)]

pub mod discovery;
pub mod isolate;
pub mod lock;
// Opening libraries is the host's only unsafe code.
#[allow(unsafe_code)]
mod plugin;

use std::time::Duration;

pub use discovery::{Candidate, Origin, SearchDir, SearchPath, candidates};
pub use lock::Lockfile;
pub use plugin::{CallError, LoadError, Plugin, PluginSet, load};

/// How plugins are loaded.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Run each plugin in a child process.
    pub isolate: bool,
    /// The longest an isolated plugin may take to answer one call.
    pub timeout: Duration,
    /// The lock every plugin file must match, when the project has one.
    pub lock: Option<Lockfile>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { isolate: false, timeout: Duration::from_secs(30), lock: None }
    }
}
