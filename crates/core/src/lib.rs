//! juris-core: the contract between the `juris` host and its regional modules.
//!
//! Everything a module author needs lives here, and nothing else does: the
//! manifest model ([`manifest`]), the jurisdiction vocabulary ([`jurisdiction`]),
//! the fideslang taxonomy keys ([`taxonomy`]), the [`RegionalModule`] trait and
//! the values it exchanges with the host ([`module`]), rule metadata and the rule
//! runner ([`rule`]), date arithmetic over calendars ([`time`]), and the plugin
//! ABI with the [`export_module!`] macro ([`abi`]).
//!
//! **Architecture invariant:** this crate knows no file system, no terminal and no
//! loading policy. It parses text it is given and computes; the host decides
//! where text comes from and how results are shown.

#![deny(unsafe_code)]

// The plugin boundary is the only place in juris-core with unsafe code.
#[allow(unsafe_code)]
pub mod abi;
pub mod calendar;
pub mod declare;
pub mod evidence;
pub mod jurisdiction;
pub mod manifest;
pub mod module;
pub mod path;
pub mod rule;
pub mod suggest;
pub mod taxonomy;
pub mod testing;
pub mod time;

pub use declare::Module;
pub use evidence::Evidence;
pub use jurisdiction::Jurisdiction;
pub use manifest::Manifest;
pub use module::{
    CheckContext, Event, Finding, Incident, ItemApplicability, Law, ModuleInfo, NoticeItems, NoticeRequest, Obligation,
    RegionalModule, RequestKind, Resolution, ResolveContext, RightsRequest, Statement, Topic,
};
pub use rule::{Rule, RuleMeta, Severity};

/// The version of juris-core a module was built against, reported in the handshake.
pub const CORE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Re-exported so that module crates use the same date library as the core.
pub use jiff;
/// Re-exported so that a module's options type can derive `JsonSchema`
/// (`#[derive(juris_core::schemars::JsonSchema)]` with
/// `#[schemars(crate = "juris_core::schemars")]`) without a dependency of its own.
pub use schemars;
/// Re-exported so that a module can derive `Deserialize` for its options
/// (`#[serde(crate = "juris_core::serde")]`) with juris-core as its only dependency.
pub use serde;
pub use serde_json;
