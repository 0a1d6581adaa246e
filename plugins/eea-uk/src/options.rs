//! The module's own manifest table, `[modules.eea-uk]`: facts about the
//! organisation that only EEA/UK law asks for, and switches for readings of the
//! law that public sources leave uncertain.
//!
//! ```toml
//! [modules.eea-uk]
//! public_authority = false            # GDPR Arts. 27(2)(b), 37(1)(a)
//! large_scale = true                  # core activities are large-scale (Arts. 35, 37)
//! occasional_processing = false       # Art. 27(2)(a) exemption from a representative
//! uk_representative_required = true   # UK GDPR Art. 27 (not amended by the DUAA 2025)
//! uk_month_beginning_with = false     # UK Art. 12A "beginning with": end one day earlier
//! uk_analytics_exception = true       # PECR Sch A1 statistical exception relied on
//! eu_identity_pause = false           # pause the GDPR clock while identity is verified
//! parental_consent_below = 16         # the age below which a parent must consent
//! child_consent_ages = { GB = 13 }    # overrides of the Art. 8 age table
//! system_transfers = { US = "scc" }   # safeguards for own systems abroad
//! system_transfer_assessments = { US = "TIA-2026-01" }
//! system_supplementary_measures = { US = ["encryption-exporter-held-keys"] }
//!
//! [modules.eea-uk.complaints]         # DPA 2018 s.164A (UK, from 2026-06-19)
//! channels = ["web-form", "email"]
//! acknowledge_within_days = 30
//! ```

use std::collections::BTreeMap;

use juris_core::Jurisdiction;
use juris_core::manifest::{Channel, SupplementaryMeasure, TransferMechanism};
use juris_core::schemars::JsonSchema;
use serde::Deserialize;

/// The manifest path of the module's table.
pub const TABLE: &str = "modules.eea-uk";

/// The contents of `[modules.eea-uk]`.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(crate = "juris_core::schemars")]
pub struct Options {
    /// The organisation is a public authority or body (Arts. 6(1) second
    /// subparagraph, 27(2)(b), 37(1)(a)). Adds to `organization.public_body`;
    /// either makes the organisation a public body.
    #[serde(default)]
    pub public_authority: bool,
    /// Whether the organisation's core activities are processing on a large
    /// scale (Arts. 35(3), 37(1)(b)-(c)). `None`: not said; rules that depend on it
    /// warn instead of erring.
    #[serde(default)]
    pub large_scale: Option<bool>,
    /// Processing is occasional, without large-scale special-category or
    /// criminal data, and unlikely to result in a risk (Art. 27(2)(a)).
    #[serde(default)]
    pub occasional_processing: bool,
    /// Whether a UK representative is required (UK GDPR Art. 27). The DUAA
    /// 2025 left Art. 27 in place; `false` only silences the rule for the UK.
    #[serde(default)]
    pub uk_representative_required: Option<bool>,
    /// Count the UK month as "one month beginning with" the relevant time in the
    /// statutory sense (ending the day before the corresponding date) rather
    /// than the ICO's corresponding date. Default `false` (ICO).
    #[serde(default)]
    pub uk_month_beginning_with: bool,
    /// Whether analytics cookies in GB rely on the PECR Sch A1 statistical
    /// exception (clear information and a simple, free means of objecting are
    /// given). Default `true`; `false` treats them as needing consent.
    #[serde(default)]
    pub uk_analytics_exception: Option<bool>,
    /// Whether the GDPR clock pauses while the controller waits for identity
    /// information (Art. 12(6)); some authorities allow it. Default `false`.
    #[serde(default)]
    pub eu_identity_pause: bool,
    /// The age below which the service asks for a parent's consent (Art. 8).
    #[serde(default)]
    pub parental_consent_below: Option<u8>,
    /// Whether information society services are offered directly to children,
    /// when the activities do not say so through `user.childrens` data. Adds
    /// to `organization.children.offered_to_children`.
    #[serde(default)]
    pub offers_services_to_children: bool,
    /// Overrides of the Art. 8 age table, by country (`GB = 16`).
    #[serde(default)]
    pub child_consent_ages: BTreeMap<Jurisdiction, u8>,
    /// The safeguard used for the organisation's own systems located in a
    /// country, by country (`US = "scc"`).
    #[serde(default)]
    pub system_transfers: BTreeMap<Jurisdiction, TransferMechanism>,
    /// A reference to the transfer impact (UK: risk) assessment for the
    /// organisation's own systems in a country, by country.
    #[serde(default)]
    pub system_transfer_assessments: BTreeMap<Jurisdiction, String>,
    /// The supplementary measures protecting the organisation's own systems
    /// in a country, by country (EDPB Recommendations 01/2020, Annex 2).
    #[serde(default)]
    pub system_supplementary_measures: BTreeMap<Jurisdiction, Vec<SupplementaryMeasure>>,
    /// The complaints process required in the UK by DPA 2018 s.164A.
    #[serde(default)]
    pub complaints: Option<Complaints>,
}

impl Options {
    /// The safeguard recorded for the organisation's own systems in
    /// `location`: the most specific `system_transfers` entry covering it.
    pub fn system_mechanism(&self, location: &Jurisdiction) -> Option<TransferMechanism> {
        self.system_transfers
            .iter()
            .filter(|(place, _)| place.covers(location))
            .max_by_key(|(place, _)| juris_core::manifest::specificity(place))
            .map(|(_, m)| *m)
    }

    /// The assessment recorded for the organisation's own systems in `location`.
    pub fn system_assessment(&self, location: &Jurisdiction) -> Option<&str> {
        most_specific(&self.system_transfer_assessments, location).map(String::as_str)
    }

    /// The supplementary measures recorded for own systems in `location`.
    pub fn system_measures(&self, location: &Jurisdiction) -> &[SupplementaryMeasure] {
        most_specific(&self.system_supplementary_measures, location).map(Vec::as_slice).unwrap_or_default()
    }

    /// Whether the organisation is a public authority or body: this table's
    /// `public_authority` or `organization.public_body`.
    pub fn public_body(&self, m: &juris_core::Manifest) -> bool {
        self.public_authority || m.organization.public_body
    }

    /// Whether services are offered directly to children: this table's
    /// `offers_services_to_children` or `organization.children`.
    pub fn offered_to_children(&self, m: &juris_core::Manifest) -> bool {
        self.offers_services_to_children || m.organization.children.as_ref().is_some_and(|c| c.offered_to_children)
    }
}

fn most_specific<'a, T>(map: &'a BTreeMap<Jurisdiction, T>, location: &Jurisdiction) -> Option<&'a T> {
    map.iter()
        .filter(|(place, _)| place.covers(location))
        .max_by_key(|(place, _)| juris_core::manifest::specificity(place))
        .map(|(_, v)| v)
}

/// `[modules.eea-uk.complaints]`.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(crate = "juris_core::schemars")]
pub struct Complaints {
    /// How complaints can be made (e.g. `web-form`).
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// Within how many days of receipt a complaint is acknowledged.
    #[serde(default)]
    pub acknowledge_within_days: Option<u32>,
}
