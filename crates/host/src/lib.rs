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
//! Before anything is loaded, [`trust`] checks the file and every directory
//! above it; two plugins claiming one module id are both refused.
//!
//! **API boundary:** a plugin that cannot be loaded or that fails a call is an
//! error value naming it ([`LoadError`], [`CallError`]), never a panic or an
//! abort of the host, so the other modules' results can still be reported.

#![deny(unsafe_code)]

pub mod discovery;
#[doc(hidden)]
pub mod fuzzing;
pub mod input;
pub mod isolate;
pub mod lock;
pub mod sanitize;
pub mod stdio;
// Opening libraries, and the exit guard around calls, are the host's only
// unsafe code.
#[allow(unsafe_code)]
mod plugin;
pub mod trust;

use std::time::Duration;

pub use discovery::{Candidate, Origin, SearchDir, SearchPath, candidates};
pub use lock::Lockfile;
pub use plugin::{CallError, CheckResult, LoadError, Plugin, PluginSet, load};

/// Which plugins run in a child process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Isolation {
    /// Every plugin (`--isolate`, or `isolate = true` in juris.toml).
    All,
    /// Plugins the user added (from `$XDG_DATA_HOME`, `JURIS_PLUGIN_PATH`,
    /// `--plugin-dir`); the built-in modules shipped with the binary run in
    /// process. The default.
    Added,
    /// None (`--no-isolate`, or `isolate = false` in juris.toml).
    None,
}

/// How plugins are loaded.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Which plugins run in a child process.
    pub isolation: Isolation,
    /// The longest an isolated plugin may take to answer one call.
    pub timeout: Duration,
    /// The lock every plugin file must match, when the project has one.
    pub lock: Option<Lockfile>,
    /// Load plugins that fail the file-system checks of [`trust`], with a
    /// warning (`--allow-insecure-plugins`).
    pub allow_insecure: bool,
    /// Ask each module for its rules' documentation pages and options schema
    /// (`describe`), or only for what a check or a plan needs
    /// (`describe_brief`, ABI 1.4; a plugin older than that is described in
    /// full). Without pages, a rule's `docs` is empty.
    pub rule_pages: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            isolation: Isolation::Added,
            timeout: Duration::from_secs(30),
            lock: None,
            allow_insecure: false,
            rule_pages: true,
        }
    }
}
