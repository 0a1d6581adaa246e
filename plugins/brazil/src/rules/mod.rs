//! The module's rules, one per file.

use juris_core::Rule;

/// Every rule of the module.
pub static ALL: &[&Rule] = &[];
