//! The module's rules, one per file. Each file declares a `static RULE` with its
//! citation, severity, dates in force, documentation, and the two manifests
//! that test it (under `fixtures/`).

use juris_core::Rule;

mod consent_required;
mod consent_separate_document;
mod consent_validity;
mod criminal_records;
mod cross_border_notice;
mod cross_border_timing;
mod destruction_deadline;
mod localization;
mod operator_notification;
mod policy_published;
mod responsible_person;

/// Every rule of the module, in the order `juris rules` lists them.
pub static ALL: &[&Rule] = &[
    &localization::RULE,
    &cross_border_notice::RULE,
    &cross_border_timing::RULE,
    &operator_notification::RULE,
    &consent_required::RULE,
    &consent_validity::RULE,
    &criminal_records::RULE,
    &consent_separate_document::RULE,
    &policy_published::RULE,
    &responsible_person::RULE,
    &destruction_deadline::RULE,
];
