//! juris-host: finding, loading and calling regional-module plugins.
//!
//! Plugins are shared libraries exporting the juris ABI (see
//! [`juris_core::abi`]). They are searched for beside the `juris` binary (so
//! `cargo build` output works as it is), then in each directory of
//! `JURIS_PLUGIN_PATH`, then in each `--plugin-dir`. Each is loaded once, checked
//! by a handshake, described, and never unloaded.
//!
//! **API boundary:** a plugin that cannot be loaded or that fails a call is an
//! error value naming it ([`LoadError`], [`CallError`]), never a panic or an
//! abort of the host, so the other modules' results can still be reported.

mod discovery;
mod plugin;

pub use discovery::{SearchPath, candidates};
pub use plugin::{CallError, LoadError, Plugin, PluginSet, load};
