//! End-to-end tests: the built `juris` binary loading the built plugins.
//!
//! They need the plugins built beside the binary (`cargo build`, which
//! `cargo xtask ci` runs first) and the fixture plugins (`cargo build
//! --workspace`). The public schemas they validate against are in `tests/schemas/`.

mod util;

mod check;
mod docs;
mod fuzz_regressions;
mod gate;
mod hardening;
mod input_errors;
mod integrity;
mod isolation;
mod notice;
mod plans;
mod plugins;
mod records;
mod scan;
mod third_party;
