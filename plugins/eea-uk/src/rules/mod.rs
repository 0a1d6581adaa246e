//! The module's rules, one per file. Each file declares a `static RULE` with its
//! citation, severity, dates in force, documentation, and the two manifests
//! that test it.

use juris_core::Rule;

pub mod automated_decision;
pub mod child_consent_age;
pub mod complaints_process;
pub mod consent_invalid;
pub mod cookie_consent_required;
pub mod dpia_indicated;
pub mod dpo_missing;
pub mod lawful_basis_invalid;
pub mod lawful_basis_missing;
pub mod observed_after_reject;
pub mod observed_banner_reject;
pub mod observed_before_consent;
mod observed_shared;
pub mod processor_contract;
pub mod records_incomplete;
pub mod representative_missing;
pub mod retention_undefined;
pub mod rights_unsupported;
pub mod special_category_condition;
pub mod territorial_scope;
pub mod transfer_without_safeguard;

/// Every rule of the module, in the order `juris rules` lists them.
pub static ALL: &[&Rule] = &[
    &territorial_scope::RULE,
    &lawful_basis_missing::RULE,
    &lawful_basis_invalid::RULE,
    &special_category_condition::RULE,
    &transfer_without_safeguard::RULE,
    &cookie_consent_required::RULE,
    &consent_invalid::RULE,
    &observed_after_reject::RULE,
    &observed_banner_reject::RULE,
    &representative_missing::RULE,
    &dpo_missing::RULE,
    &retention_undefined::RULE,
    &child_consent_age::RULE,
    &rights_unsupported::RULE,
    &records_incomplete::RULE,
    &processor_contract::RULE,
    &dpia_indicated::RULE,
    &automated_decision::RULE,
    &complaints_process::RULE,
];
