//! Translating fideslang taxonomy keys into juris's (fideslang 3.1's).
//!
//! Older manifests use keys fideslang has since renamed. The tables below are
//! the renames fides itself applies in its data migrations (7abe778b7082 for
//! 1.0 → 1.1, 63b482f5b49b for 1.4, 1ea164cee8bc for 2.0) plus the
//! `replaced_by` entries of the taxonomy, and a few marked "suggested" where
//! the migration's own prefix rule would produce a key that does not exist.
//! Fides applies them as string prefixes in table order; here they match on
//! whole dot-separated segments, the longest first within each step, so
//! `advertising.first_party.personalized` becomes
//! `marketing.advertising.first_party.targeted`, not
//! `marketing.advertising.first_party.personalized`.
//!
//! Fideslang taxonomy, Ethyca, CC BY 4.0, <https://github.com/ethyca/fideslang>.

use juris_core::taxonomy::{DataCategory, DataSubject, DataUse};

/// Which taxonomy a key is from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `data_categories`.
    Category,
    /// `data_use`.
    Use,
    /// `data_subjects`.
    Subject,
}

impl Kind {
    /// The words for it in messages.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Category => "data category",
            Kind::Use => "data use",
            Kind::Subject => "data subject",
        }
    }

    fn is_known(self, key: &str) -> bool {
        match self {
            Kind::Category => DataCategory::parse(key).is_ok(),
            Kind::Use => DataUse::parse(key).is_ok(),
            Kind::Subject => DataSubject::parse(key).is_ok(),
        }
    }
}

/// Data-category renames, one step per fideslang version that made them.
const CATEGORY_STEPS: &[(&str, &[(&str, &str)])] = &[
    (
        "1.1",
        &[
            ("account.payment", "user.financial"),
            ("user.provided.identifiable.contact.city", "user.contact.address.city"),
            ("user.provided.identifiable.contact.country", "user.contact.address.country"),
            ("user.provided.identifiable.contact.postal_code", "user.contact.address.postal_code"),
            ("user.provided.identifiable.contact.state", "user.contact.address.state"),
            ("user.provided.identifiable.contact.street", "user.contact.address.street"),
            // Suggested: the 1.1 key `user.sensor_data` is `user.sensor` today.
            ("user.derived.identifiable.user_sensor", "user.sensor"),
            ("user.provided.identifiable", "user"),
            ("user.derived.identifiable", "user"),
            ("user.provided.nonidentifiable", "user"),
            ("user.derived.nonidentifiable", "user"),
            ("user.provided", "user"),
            ("user.derived", "user"),
            ("user.sensor_data", "user.sensor"),
        ],
    ),
    (
        "2.0",
        &[
            ("user.financial.account_number", "user.financial.bank_account"),
            ("user.financial.payment_information", "user.financial"),
            ("user.credentials.biometric_credentials", "user.authorization.biometric"),
            ("user.credentials.password", "user.authorization.password"),
            ("user.credentials", "user.authorization.credentials"),
            ("user.biometric_health", "user.biometric.health"),
            ("user.payment.financial_account_number", "user.financial.bank_account"),
            ("user.browsing_history", "user.behavior.browsing_history"),
            ("user.media_consumption", "user.behavior.media_consumption"),
            ("user.search_history", "user.behavior.search_history"),
            ("user.organization", "user.contact.organization"),
            ("user.non_specific_age", "user.demographic.age_range"),
            ("user.date_of_birth", "user.demographic.date_of_birth"),
            ("user.gender", "user.demographic.gender"),
            ("user.political_opinion", "user.demographic.political_opinion"),
            ("user.profiling", "user.demographic.profile"),
            ("user.race", "user.demographic.race_ethnicity"),
            ("user.religious_belief", "user.demographic.religious_belief"),
            ("user.sexual_orientation", "user.demographic.sexual_orientation"),
            ("user.genetic", "user.health_and_medical.genetic"),
            ("user.observed", "user.behavior"),
        ],
    ),
];

/// Data-use renames, by the fideslang version that made them.
const USE_STEPS: &[(&str, &[(&str, &str)])] = &[
    ("1.1", &[("provide.system", "provide.service")]),
    (
        "1.4",
        &[
            ("provide", "essential"),
            ("advertising.first_party.personalized", "marketing.advertising.first_party.targeted"),
            ("advertising.third_party.personalized", "marketing.advertising.third_party.targeted"),
            ("advertising.third_party", "marketing.advertising.third_party.targeted"),
            ("advertising", "marketing.advertising"),
            ("third_party_sharing.personalized_advertising", "marketing.advertising.third_party.targeted"),
            ("third_party_sharing.payment_processing", "essential.service.payment_processing"),
            ("third_party_sharing.fraud_detection", "essential.fraud_detection"),
        ],
    ),
    (
        "2.0",
        &[
            ("essential.service.operations.support.optimization", "essential.service.operations.improve"),
            ("improve.system", "functional.service.improve"),
            ("improve", "functional"),
        ],
    ),
];

/// What became of a key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Translated {
    /// A juris key as it is.
    Same(String),
    /// Renamed by fideslang since: the key, and the versions whose renames applied.
    Renamed(String, Vec<&'static str>),
    /// A custom key (declared in the resources with a `parent_key`), or one
    /// below a known key: its nearest known ancestor.
    Ancestor(String),
    /// Nothing known.
    Unknown,
}

fn rename(key: &str, steps: &[(&'static str, &[(&str, &str)])]) -> (String, Vec<&'static str>) {
    let mut key = key.to_string();
    let mut applied = Vec::new();
    for (version, table) in steps {
        let best =
            table.iter().filter(|(old, _)| juris_core::taxonomy::is_within(&key, old)).max_by_key(|(old, _)| old.len());
        if let Some((old, new)) = best {
            key = format!("{new}{}", &key[old.len()..]);
            applied.push(*version);
        }
    }
    (key, applied)
}

/// Translates `key`. `parents` gives the `parent_key` of custom keys the
/// resources declare (`data_category`, `data_use` resources).
pub fn translate(kind: Kind, key: &str, parents: &dyn Fn(&str) -> Option<String>) -> Translated {
    if kind.is_known(key) {
        return Translated::Same(key.to_string());
    }
    let steps = match kind {
        Kind::Category => CATEGORY_STEPS,
        Kind::Use => USE_STEPS,
        Kind::Subject => &[],
    };
    let (renamed, applied) = rename(key, steps);
    if !applied.is_empty() && kind.is_known(&renamed) {
        return Translated::Renamed(renamed, applied);
    }
    // A custom key: follow its declared parents (at most a few dozen steps,
    // so that a cycle in the resources cannot loop).
    let mut current = key.to_string();
    for _ in 0..32 {
        let Some(parent) = parents(&current) else { break };
        if kind.is_known(&parent) {
            return Translated::Ancestor(parent);
        }
        let (renamed, applied) = rename(&parent, steps);
        if !applied.is_empty() && kind.is_known(&renamed) {
            return Translated::Ancestor(renamed);
        }
        current = parent;
    }
    // Below a known key (`user.contact.email.work`): the nearest ancestor.
    let mut prefix = renamed.as_str();
    while let Some((head, _)) = prefix.rsplit_once('.') {
        if kind.is_known(head) {
            return Translated::Ancestor(head.to_string());
        }
        prefix = head;
    }
    Translated::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn renames_from_every_version() {
        let cases = [
            (Kind::Category, "user.provided.identifiable.contact.email", "user.contact.email"),
            (Kind::Category, "user.derived.identifiable.browsing_history", "user.behavior.browsing_history"),
            (Kind::Category, "user.provided.identifiable.contact.city", "user.contact.address.city"),
            (Kind::Category, "user.credentials.password", "user.authorization.password"),
            (Kind::Use, "advertising.first_party.personalized", "marketing.advertising.first_party.targeted"),
            (Kind::Use, "provide.system.operations.support.optimization", "essential.service.operations.improve"),
            (Kind::Use, "improve.system", "functional.service.improve"),
        ];
        for (kind, old, new) in cases {
            match translate(kind, old, &none) {
                Translated::Renamed(k, _) => assert_eq!(k, new, "{old}"),
                other => panic!("{old}: {other:?}"),
            }
        }
        assert_eq!(translate(Kind::Use, "essential.service", &none), Translated::Same("essential.service".into()));
    }

    #[test]
    fn custom_keys_go_to_their_ancestor() {
        let parents = |k: &str| {
            (k == "marketing.advertising.third_party.targeted.direct_marketing")
                .then(|| "marketing.advertising.third_party.targeted".to_string())
        };
        assert_eq!(
            translate(Kind::Use, "marketing.advertising.third_party.targeted.direct_marketing", &parents),
            Translated::Ancestor("marketing.advertising.third_party.targeted".into())
        );
        assert_eq!(translate(Kind::Subject, "potential_customer", &none), Translated::Unknown);
        assert_eq!(translate(Kind::Category, "nonsense", &none), Translated::Unknown);
    }
}
