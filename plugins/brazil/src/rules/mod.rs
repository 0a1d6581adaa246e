//! The module's rules, one per file. Each file declares a `static RULE` with its
//! citation, severity, dates in force, documentation, and the two manifests
//! that test it.

use juris_core::Rule;

mod children_consent;
mod encarregado_missing;
mod incident_register;
mod legal_basis_invalid;
mod legitimate_interest_safeguards;
mod retention_termination;
mod ripd_indicated;
mod small_agent_ineligible;
mod transfer_mechanism;
mod transfer_transparency_page;

/// Every rule of the module, in the order `juris rules` lists them.
pub static ALL: &[&Rule] = &[
    &small_agent_ineligible::RULE,
    &legal_basis_invalid::RULE,
    &legitimate_interest_safeguards::RULE,
    &children_consent::RULE,
    &encarregado_missing::RULE,
    &transfer_mechanism::RULE,
    &transfer_transparency_page::RULE,
    &retention_termination::RULE,
    &ripd_indicated::RULE,
    &incident_register::RULE,
];
