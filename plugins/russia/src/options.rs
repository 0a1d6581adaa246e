//! The module's own manifest table, `[modules.russia]`: facts about the
//! organisation that only 152-FZ asks for, and switches for readings of the law
//! that published commentary disputes (see each rule's `## Uncertainty`).
//!
//! ```toml
//! [modules.russia]
//! consent_separate_document = true         # Art. 9(1) as amended by 156-FZ (from 2025-09-01)
//! localization_scope = "strict"            # or "collection-only": the disputed reach of 23-FZ
//! operator_notification_exemption = "non-automated"  # Art. 22(2); or "state-system", "transport-security"
//! adequate_countries = ["AE"]              # destinations counsel confirmed on the RKN list (Art. 12(2))
//! ```
//!
//! A malformed table is reported by the rule `russia/module-options`; every
//! other rule then reads the defaults.

use juris_core::Jurisdiction;
use juris_core::schemars::JsonSchema;
use serde::Deserialize;

/// The manifest path of the module's table.
pub const TABLE: &str = "modules.russia";

/// The contents of `[modules.russia]`.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[schemars(crate = "juris_core::schemars")]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Whether consent to processing is obtained as a document of its own,
    /// separate from contracts, offers, user agreements and policies (152-FZ
    /// Art. 9(1) as amended by 156-FZ of 24.06.2025, from 2025-09-01). Online:
    /// a separate form or checkbox. Default `false`.
    #[serde(default)]
    pub consent_separate_document: bool,
    /// How far the 23-FZ wording of Art. 18(5) (from 2025-07-01) reaches.
    /// Default `strict`.
    #[serde(default)]
    pub localization_scope: LocalizationScope,
    /// The Art. 22(2) exemption from notifying Roskomnadzor that the
    /// organisation relies on, if any.
    #[serde(default)]
    pub operator_notification_exemption: Option<OperatorExemption>,
    /// Countries, besides the built-in list, that counsel has confirmed as
    /// ensuring adequate protection (Convention 108 parties and RKN Order
    /// No. 128 of 05.08.2022).
    #[serde(default)]
    pub adequate_countries: Vec<Jurisdiction>,
}

/// The reach of the localisation duty after 23-FZ of 28.02.2025.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[schemars(crate = "juris_core::schemars")]
#[serde(rename_all = "kebab-case")]
pub enum LocalizationScope {
    /// The conservative reading: from 2025-07-01 any database outside Russia
    /// that records or stores RF citizens' data, even a copy of a Russian
    /// primary, is treated as prohibited (flagged as a warning).
    #[default]
    Strict,
    /// The narrower reading: the prohibition reaches collection only; a copy
    /// made abroad after the data is recorded in Russia first is a cross-border
    /// transfer governed by Art. 12.
    CollectionOnly,
}

/// The exemptions from notifying Roskomnadzor that survive 266-FZ (Art. 22(2)
/// from 2022-09-01).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[schemars(crate = "juris_core::schemars")]
#[serde(rename_all = "kebab-case")]
pub enum OperatorExemption {
    /// Processing exclusively without automation (Art. 22(2) item 2).
    NonAutomated,
    /// A state automated information system, or a state personal-data system
    /// for state security and public order (Art. 22(2) item 1).
    StateSystem,
    /// Cases under transport-security law (Art. 22(2) item 3).
    TransportSecurity,
}

impl OperatorExemption {
    /// How the exemption reads in a message.
    pub fn describe(self) -> &'static str {
        match self {
            OperatorExemption::NonAutomated => "processing exclusively without automation",
            OperatorExemption::StateSystem => "a state information system",
            OperatorExemption::TransportSecurity => "processing under transport-security law",
        }
    }
}
