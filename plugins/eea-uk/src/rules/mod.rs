//! The module's rules, one per file. Each file declares a `static RULE` with its
//! citation, severity, dates in force, documentation, and the two manifests
//! that test it.

use juris_core::Rule;

mod lawful_basis_missing;

/// Every rule of the module, in the order `juris rules` lists them.
pub static ALL: &[&Rule] = &[&lawful_basis_missing::RULE];
