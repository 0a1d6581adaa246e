//! The fideslang taxonomy keys for data categories, data uses and data subjects.
//!
//! Manifests name what data they hold, why, and about whom with these keys
//! (`user.contact.email`, `marketing.advertising.third_party.targeted`,
//! `customer`) so that they interoperate with the privacy-as-code ecosystem.
//! Only the key names are kept here, as data: the list follows fideslang's
//! default taxonomy (fideslang 3.1), including keys it has deprecated, which stay
//! valid so that older manifests keep loading.
//!
//! Each kind of key is a newtype validated on deserialization: an unknown key is
//! an input error that names the closest known key.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

macro_rules! taxonomy_key {
    ($(#[$doc:meta])* $name:ident, $keys:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(&'static str);

        impl $name {
            /// Parses a key, refusing one that is not in the taxonomy.
            pub fn parse(key: &str) -> Result<Self, UnknownKey> {
                // The key is kept as the taxonomy's own string: a manifest names
                // hundreds of thousands of keys, and copying each was an
                // allocation in the host and in every plugin. Found by hash: a
                // binary search compared seven keys sharing a prefix
                // (`user.contact.`) for each.
                static KEYS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
                    std::sync::LazyLock::new(|| $keys.iter().copied().collect());
                match KEYS.get(key) {
                    Some(found) => Ok($name(found)),
                    None => Err(UnknownKey::new($what, key, $keys)),
                }
            }

            /// The key as written, e.g. `user.contact.email`.
            pub fn as_str(&self) -> &'static str {
                self.0
            }

            /// Whether this key is `prefix` or below it in the hierarchy
            /// (`user.contact.email` is within `user.contact`).
            pub fn is_within(&self, prefix: &str) -> bool {
                is_within(self.0, prefix)
            }

            /// All known keys of this kind, sorted.
            pub fn all() -> &'static [&'static str] {
                $keys
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(KeyVisitor { parse: $name::parse, what: $what })
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "description": concat!("A fideslang ", $what, " key."),
                    "enum": $keys,
                })
            }
        }
    };
}

taxonomy_key!(
    /// A fideslang data category, e.g. `user.contact.email`.
    DataCategory,
    DATA_CATEGORIES,
    "data category"
);
taxonomy_key!(
    /// A fideslang data use (a purpose), e.g. `marketing.advertising.third_party.targeted`.
    DataUse,
    DATA_USES,
    "data use"
);
taxonomy_key!(
    /// A fideslang data subject, e.g. `customer`.
    DataSubject,
    DATA_SUBJECTS,
    "data subject"
);

/// Whether `key` equals `prefix` or is a descendant of it.
pub fn is_within(key: &str, prefix: &str) -> bool {
    key == prefix || (key.starts_with(prefix) && key.as_bytes().get(prefix.len()) == Some(&b'.'))
}

/// Reads a key as a string without copying it (serde's `Cow<str>` and
/// `String` both allocate), then looks it up.
struct KeyVisitor<T> {
    parse: fn(&str) -> Result<T, UnknownKey>,
    what: &'static str,
}

impl<T> serde::de::Visitor<'_> for KeyVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a fideslang {} key", self.what)
    }

    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<T, E> {
        (self.parse)(key).map_err(E::custom)
    }
}

/// A key that is not in the taxonomy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKey {
    /// Which kind of key was expected ("data category", …).
    pub kind: &'static str,
    /// The text given.
    pub given: String,
    /// The closest known key, if one is close.
    pub suggestion: Option<&'static str>,
}

impl UnknownKey {
    fn new(kind: &'static str, given: &str, keys: &'static [&'static str]) -> Self {
        // Offer the nearest key by edit distance, allowing about one typo per
        // four characters; a far-away "suggestion" would only mislead.
        let limit = (given.len() / 4).max(2);
        let suggestion = crate::suggest::closest(given, keys.iter().copied(), limit);
        UnknownKey { kind, given: given.to_string(), suggestion }
    }
}

impl fmt::Display for UnknownKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown fideslang {} `{}`", self.kind, self.given)?;
        if let Some(s) = self.suggestion {
            write!(f, "; did you mean `{s}`?")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownKey {}

/// Data categories, from fideslang's default taxonomy.
pub const DATA_CATEGORIES: &[&str] = &[
    "system",
    "system.authentication",
    "system.operations",
    "user",
    "user.account",
    "user.account.settings",
    "user.account.username",
    "user.authorization",
    "user.authorization.biometric",
    "user.authorization.credentials",
    "user.authorization.password",
    "user.behavior",
    "user.behavior.browsing_history",
    "user.behavior.media_consumption",
    "user.behavior.purchase_history",
    "user.behavior.search_history",
    "user.biometric",
    "user.biometric.fingerprint",
    "user.biometric.health",
    "user.biometric.retinal",
    "user.biometric.voice",
    "user.childrens",
    "user.contact",
    "user.contact.address",
    "user.contact.address.city",
    "user.contact.address.country",
    "user.contact.address.postal_code",
    "user.contact.address.state",
    "user.contact.address.street",
    "user.contact.email",
    "user.contact.fax_number",
    "user.contact.organization",
    "user.contact.phone_number",
    "user.contact.url",
    "user.content",
    "user.content.private",
    "user.content.public",
    "user.content.self_image",
    "user.criminal_history",
    "user.demographic",
    "user.demographic.age_range",
    "user.demographic.date_of_birth",
    "user.demographic.gender",
    "user.demographic.language",
    "user.demographic.marital_status",
    "user.demographic.political_opinion",
    "user.demographic.profile",
    "user.demographic.race_ethnicity",
    "user.demographic.religious_belief",
    "user.demographic.sexual_orientation",
    "user.device",
    "user.device.cookie",
    "user.device.cookie_id",
    "user.device.device_id",
    "user.device.ip_address",
    "user.financial",
    "user.financial.bank_account",
    "user.financial.credit_card",
    "user.government_id",
    "user.government_id.birth_certificate",
    "user.government_id.drivers_license_number",
    "user.government_id.immigration",
    "user.government_id.national_identification_number",
    "user.government_id.passport_number",
    "user.government_id.vehicle_registration",
    "user.health_and_medical",
    "user.health_and_medical.genetic",
    "user.health_and_medical.insurance_beneficiary_id",
    "user.health_and_medical.record_id",
    "user.job_title",
    "user.location",
    "user.location.imprecise",
    "user.location.precise",
    "user.name",
    "user.name.first",
    "user.name.last",
    "user.payment",
    "user.privacy_preferences",
    "user.sensor",
    "user.social",
    "user.telemetry",
    "user.unique_id",
    "user.unique_id.pseudonymous",
    "user.user_sensor",
    "user.workplace",
];

/// Data uses, from fideslang's default taxonomy.
pub const DATA_USES: &[&str] = &[
    "analytics",
    "analytics.reporting",
    "analytics.reporting.ad_performance",
    "analytics.reporting.campaign_insights",
    "analytics.reporting.content_performance",
    "analytics.reporting.system",
    "analytics.reporting.system.performance",
    "collect",
    "employment",
    "employment.recruitment",
    "essential",
    "essential.fraud_detection",
    "essential.legal_obligation",
    "essential.service",
    "essential.service.authentication",
    "essential.service.notifications",
    "essential.service.notifications.email",
    "essential.service.notifications.sms",
    "essential.service.operations",
    "essential.service.operations.improve",
    "essential.service.operations.support",
    "essential.service.payment_processing",
    "essential.service.security",
    "essential.service.upgrades",
    "finance",
    "functional",
    "functional.service",
    "functional.service.improve",
    "functional.storage",
    "functional.storage.privacy_preferences",
    "marketing",
    "marketing.advertising",
    "marketing.advertising.first_party",
    "marketing.advertising.first_party.contextual",
    "marketing.advertising.first_party.targeted",
    "marketing.advertising.frequency_capping",
    "marketing.advertising.negative_targeting",
    "marketing.advertising.profiling",
    "marketing.advertising.serving",
    "marketing.advertising.third_party",
    "marketing.advertising.third_party.targeted",
    "marketing.communications",
    "marketing.communications.email",
    "marketing.communications.sms",
    "operations",
    "personalize",
    "personalize.content",
    "personalize.content.limited",
    "personalize.content.profiled",
    "personalize.content.profiling",
    "personalize.profiling",
    "personalize.system",
    "sales",
    "third_party_sharing",
    "third_party_sharing.legal_obligation",
    "train_ai_system",
];

/// Data subjects, from fideslang's default taxonomy.
pub const DATA_SUBJECTS: &[&str] = &[
    "anonymous_user",
    "citizen_voter",
    "commuter",
    "consultant",
    "customer",
    "employee",
    "job_applicant",
    "next_of_kin",
    "passenger",
    "patient",
    "prospect",
    "shareholder",
    "supplier_vendor",
    "trainee",
    "visitor",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [DATA_CATEGORIES, DATA_USES, DATA_SUBJECTS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
        assert_eq!(DATA_CATEGORIES.len(), 85);
        assert_eq!(DATA_USES.len(), 56);
        assert_eq!(DATA_SUBJECTS.len(), 15);
    }

    #[test]
    fn unknown_key_suggests_the_nearest() {
        let err = DataCategory::parse("user.contact.emial").unwrap_err();
        assert_eq!(err.suggestion, Some("user.contact.email"));
        assert!(err.to_string().contains("did you mean `user.contact.email`"));
        assert!(DataUse::parse("marketing").is_ok());
        assert_eq!(DataSubject::parse("zzzzzzzz").unwrap_err().suggestion, None);
    }

    #[test]
    fn hierarchy() {
        let k = DataCategory::parse("user.contact.email").unwrap();
        assert!(k.is_within("user.contact"));
        assert!(k.is_within("user"));
        assert!(!k.is_within("user.con"));
    }
}
