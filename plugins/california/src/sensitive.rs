//! Sensitive personal information (Civ. Code §1798.140(ae)) read on the
//! fideslang categories, and the purposes of 11 CCR §7027(m) for which it may be
//! used without offering the right to limit, read on the fideslang uses.

use juris_core::Manifest;
use juris_core::jiff::civil::{Date, date};
use juris_core::manifest::Activity;
use juris_core::taxonomy::{DataCategory, DataUse};

use crate::options::Options;

/// Categories that are sensitive personal information by themselves.
pub const SENSITIVE: &[(&str, &str)] = &[
    ("user.government_id.drivers_license_number", "§1798.140(ae)(1)(A)"),
    ("user.government_id.national_identification_number", "§1798.140(ae)(1)(A)"),
    ("user.government_id.passport_number", "§1798.140(ae)(1)(A)"),
    // An account log-in with the password or credentials that open it.
    ("user.authorization.credentials", "§1798.140(ae)(1)(B)"),
    ("user.authorization.password", "§1798.140(ae)(1)(B)"),
    ("user.location.precise", "§1798.140(ae)(1)(C)"),
    ("user.demographic.race_ethnicity", "§1798.140(ae)(1)(D)"),
    ("user.government_id.immigration", "§1798.140(ae)(1)(D)"),
    ("user.demographic.religious_belief", "§1798.140(ae)(1)(D)"),
    // The contents of mail, e-mail and texts not addressed to the business.
    ("user.content.private", "§1798.140(ae)(1)(E)"),
    ("user.health_and_medical.genetic", "§1798.140(ae)(1)(F)"),
    ("user.biometric", "§1798.140(ae)(2)(A)"),
    ("user.authorization.biometric", "§1798.140(ae)(2)(A)"),
    ("user.health_and_medical", "§1798.140(ae)(2)(B)"),
    ("user.demographic.sexual_orientation", "§1798.140(ae)(2)(C)"),
];

/// A financial account, debit or credit card number is sensitive only "in
/// combination with any required security or access code, password, or
/// credentials allowing access to an account" (§1798.140(ae)(1)(B)).
pub const SENSITIVE_WITH_CREDENTIALS: &[&str] = &["user.financial.bank_account", "user.financial.credit_card"];

/// The categories that hold the codes, passwords or credentials.
pub const CREDENTIALS: &[&str] = &["user.authorization.credentials", "user.authorization.password"];

/// From this day the personal information of consumers a business knows are
/// under 16 is sensitive personal information (11 CCR §7001, as amended by the
/// CPPA regulations approved by the Office of Administrative Law on 2025-09-23,
/// effective 2026-01-01).
pub const MINORS_SENSITIVE_FROM: Date = date(2026, 1, 1);

/// Why an activity's data is sensitive, as `category (citation)` entries;
/// empty when it is not.
pub fn sensitive_categories(m: &Manifest, options: &Options, a: &Activity, on: Date) -> Vec<String> {
    let mut out = Vec::new();
    let has = |c: &DataCategory, list: &[&str]| list.iter().any(|p| c.is_within(p));
    for c in &a.data_categories {
        if let Some((_, cite)) = SENSITIVE.iter().find(|(p, _)| c.is_within(p)) {
            out.push(format!("`{c}` ({cite})"));
        }
    }
    let credentials = a.data_categories.iter().any(|c| has(c, CREDENTIALS));
    if credentials {
        for c in a.data_categories.iter().filter(|c| has(c, SENSITIVE_WITH_CREDENTIALS)) {
            out.push(format!("`{c}` with the credentials to the account (§1798.140(ae)(1)(B))"));
        }
    }
    if on >= MINORS_SENSITIVE_FROM {
        let knowledge = m.organization.children.as_ref().is_some_and(|c| c.actual_knowledge)
            || options.minors.as_ref().is_some_and(|k| k.actual_knowledge_under_16);
        if a.data_categories.iter().any(|c| c.is_within("user.childrens")) {
            out.push("`user.childrens`, data of consumers under 16 (11 CCR §7001, from 2026-01-01)".to_string());
        } else if knowledge
            && a.data_subjects
                .iter()
                .any(|s| matches!(s.as_str(), "customer" | "visitor" | "prospect" | "anonymous_user"))
        {
            out.push(
                "personal information of consumers the business knows are under 16 (11 CCR §7001, from 2026-01-01)"
                    .to_string(),
            );
        }
    }
    out
}

/// Uses within the purposes of 11 CCR §7027(m) (Civ. Code §1798.121(a);
/// §1798.140(e)(2), (4), (5), (8)), each with the paragraph it falls under.
pub const PERMITTED: &[(&str, &str)] = &[
    // (m)(2)-(3): security incidents, fraud and illegal actions.
    ("essential.service.security", "§7027(m)(2)"),
    ("essential.fraud_detection", "§7027(m)(3)"),
    // (m)(7): verifying, maintaining, improving the quality or safety of the service.
    ("essential.service.operations.improve", "§7027(m)(7)"),
    ("essential.service.upgrades", "§7027(m)(7)"),
    ("functional.service.improve", "§7027(m)(7)"),
    // (m)(6): services on the business's behalf: accounts, customer service,
    // orders, payments, financing, analytic services, storage.
    ("essential.service.operations.support", "§7027(m)(6)"),
    ("essential.service.payment_processing", "§7027(m)(6)"),
    ("analytics", "§7027(m)(6)"),
    ("finance", "§7027(m)(6)"),
    ("operations", "§7027(m)(6)"),
    // (m)(5): short-term transient use, such as non-personalised advertising
    // shown in the current interaction.
    ("marketing.advertising.first_party.contextual", "§7027(m)(5)"),
    // (m)(1): the services or goods an average consumer reasonably expects.
    ("essential", "§7027(m)(1)"),
    ("functional", "§7027(m)(1)"),
    ("personalize.system", "§7027(m)(1)"),
    ("employment", "§7027(m)(1)"),
    // Complying with the law is outside the right to limit (§1798.145(a)(1)).
    ("third_party_sharing.legal_obligation", "§1798.145(a)(1)"),
];

/// Whether a use is within the permitted purposes of §7027(m).
pub fn permitted(u: &DataUse) -> bool {
    PERMITTED.iter().any(|(p, _)| u.is_within(p))
}

/// The uses of an activity that go beyond §7027(m).
pub fn uses_beyond(a: &Activity) -> Vec<&DataUse> {
    a.uses.iter().filter(|u| !permitted(u)).collect()
}
