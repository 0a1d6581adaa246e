//! The module's rules, one per file. Each file declares a `static RULE` with its
//! citation, severity, dates in force, documentation, and the two manifests
//! that test it.

use juris_core::Rule;

mod automated_decision_review;
mod children_consent;
mod children_profiling_ads;
mod consent_invalid;
mod contract_basis_purpose;
mod encarregado_missing;
mod incident_register;
mod legal_basis_invalid;
mod legitimate_interest_safeguards;
mod observed_before_consent;
mod retention_after_purpose;
mod retention_termination;
mod ripd_indicated;
mod scope_exclusion;
mod small_agent_ineligible;
mod transfer_mechanism;
mod transfer_transparency_page;

/// Every rule of the module, in the order `juris rules` lists them.
pub static ALL: &[&Rule] = &[
    &scope_exclusion::RULE,
    &small_agent_ineligible::RULE,
    &legal_basis_invalid::RULE,
    &contract_basis_purpose::RULE,
    &consent_invalid::RULE,
    &observed_before_consent::RULE,
    &legitimate_interest_safeguards::RULE,
    &children_consent::RULE,
    &children_profiling_ads::RULE,
    &encarregado_missing::RULE,
    &transfer_mechanism::RULE,
    &transfer_transparency_page::RULE,
    &retention_termination::RULE,
    &retention_after_purpose::RULE,
    &automated_decision_review::RULE,
    &ripd_indicated::RULE,
    &incident_register::RULE,
];
