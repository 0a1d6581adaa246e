//! The `[modules.brazil]` table: facts only this module reads, and what follows
//! from them (small-processing-agent status under Res. CD/ANPD 2/2022).
//!
//! ```toml
//! [modules.brazil]
//! small_agent = true                 # declares small-processing-agent status (Res. CD/ANPD 2/2022)
//! startup = false                    # a startup under LC 182/2021 (revenue limit R$16 million)
//! gross_revenue_brl = 3_200_000      # gross revenue of the last fiscal year, in reais
//! group_gross_revenue_brl = 3_200_000  # the economic group's global gross revenue, in reais
//! high_risk = { large_scale = false, significant_effect = false, emerging_technology = false, public_surveillance = false, automated_decisions = false, adolescents_or_elderly = false }
//! access_days = "calendar"           # LGPD Art. 19 II: "calendar" (default, conservative) or "business"
//! transfer_transparency_page = "https://example.com/pt-br/transferencias"  # Res. 19/2024 Annex I Art. 16
//! incident_register = { retention = "P5Y", location = "GRC tool" }       # Res. 15/2024 Art. 10
//! best_interest_assessments = { "kids-club" = "docs/best-interest-kids-club.pdf" }  # Enunciado CD/ANPD 1/2023
//! exemptions = { "newsroom" = "journalistic" }    # LGPD Art. 4 I-III, by activity id
//! retention_grounds = { "invoices" = "legal-obligation" }  # LGPD Art. 16 I-IV, by activity id
//! system_transfers = { "eu-cloud" = "anpd_scc" }  # Art. 33 mechanism for the organisation's own systems abroad
//! ```

use std::collections::BTreeMap;

use juris_core::Manifest;

use crate::ID;
use juris_core::manifest::{Activity, IsoDuration, TransferMechanism};
use juris_core::schemars::JsonSchema;
use serde::Deserialize;

/// The revenue ceiling of a small business, LC 123/2006 Art. 3 II (R$4.8 million).
pub const SMALL_BUSINESS_LIMIT_BRL: u64 = 4_800_000;
/// The revenue ceiling of a startup, LC 182/2021 Art. 4 §1 I (R$16 million).
pub const STARTUP_LIMIT_BRL: u64 = 16_000_000;

/// The `[modules.brazil]` table.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[schemars(crate = "juris_core::schemars")]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// The organisation declares itself a small processing agent (ATPP).
    #[serde(default)]
    pub small_agent: bool,
    /// The organisation is a startup under LC 182/2021.
    #[serde(default)]
    pub startup: bool,
    /// Gross revenue of the last fiscal year, in reais.
    #[serde(default)]
    pub gross_revenue_brl: Option<u64>,
    /// The economic group's global gross revenue, in reais.
    #[serde(default)]
    pub group_gross_revenue_brl: Option<u64>,
    /// The high-risk criteria of Res. 2/2022 Art. 4 that the manifest cannot show.
    #[serde(default)]
    pub high_risk: HighRisk,
    /// The unit of LGPD Art. 19 II's 15 days.
    #[serde(default)]
    pub access_days: DayUnit,
    /// Where the Portuguese-language international-transfer page is published.
    #[serde(default)]
    pub transfer_transparency_page: Option<String>,
    /// The incident register of Res. 15/2024 Art. 10.
    #[serde(default)]
    pub incident_register: Option<IncidentRegister>,
    /// Best-interest assessments for children's data, by activity id.
    #[serde(default)]
    pub best_interest_assessments: BTreeMap<String, String>,
    /// Activities outside the LGPD by LGPD Art. 4 I-III, by activity id. The
    /// module checks each against the manifest's facts.
    #[serde(default)]
    pub exemptions: BTreeMap<String, Exemption>,
    /// The LGPD Art. 16 ground for keeping an activity's data after its
    /// purpose ends, by activity id.
    #[serde(default)]
    pub retention_grounds: BTreeMap<String, RetentionGround>,
    /// The LGPD Art. 33 mechanism covering data sent from Brazil to the
    /// organisation's own systems abroad, by system id (Res. CD/ANPD 19/2024).
    #[serde(default)]
    pub system_transfers: BTreeMap<String, TransferMechanism>,
}

/// An exclusion of LGPD Art. 4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[schemars(crate = "juris_core::schemars")]
#[serde(rename_all = "kebab-case")]
pub enum Exemption {
    /// Art. 4 I: by a natural person for purely private, non-economic purposes.
    Personal,
    /// Art. 4 II a: solely journalistic purposes.
    Journalistic,
    /// Art. 4 II a: solely artistic purposes.
    Artistic,
    /// Art. 4 II b: academic purposes (Arts. 7 and 11 still apply).
    Academic,
    /// Art. 4 III a: solely public safety.
    PublicSafety,
    /// Art. 4 III b: solely national defence.
    NationalDefence,
    /// Art. 4 III c: solely state security.
    StateSecurity,
    /// Art. 4 III d: solely the investigation and prosecution of criminal offences.
    CriminalInvestigation,
    /// Art. 4 IV: data from abroad only passing through Brazil (derived, not declared).
    ForeignDataInTransit,
}

impl Exemption {
    /// The purpose, in words.
    pub fn purpose(self) -> &'static str {
        match self {
            Exemption::Personal => "private and non-economic",
            Exemption::Journalistic => "journalistic",
            Exemption::Artistic => "artistic",
            Exemption::Academic => "academic",
            Exemption::PublicSafety => "public safety",
            Exemption::NationalDefence => "national defence",
            Exemption::StateSecurity => "state security",
            Exemption::CriminalInvestigation => "the investigation and prosecution of criminal offences",
            Exemption::ForeignDataInTransit => "data from abroad passing through Brazil",
        }
    }

    /// The item of Art. 4.
    pub fn article(self) -> &'static str {
        match self {
            Exemption::Personal => "LGPD Art. 4 I",
            Exemption::Journalistic | Exemption::Artistic => "LGPD Art. 4 II a",
            Exemption::Academic => "LGPD Art. 4 II b",
            Exemption::PublicSafety
            | Exemption::NationalDefence
            | Exemption::StateSecurity
            | Exemption::CriminalInvestigation => "LGPD Art. 4 III",
            Exemption::ForeignDataInTransit => "LGPD Art. 4 IV",
        }
    }
}

/// Why data may be kept after the end of processing (LGPD Art. 16).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[schemars(crate = "juris_core::schemars")]
#[serde(rename_all = "kebab-case")]
pub enum RetentionGround {
    /// Art. 16 I: a legal or regulatory obligation of the controller.
    LegalObligation,
    /// Art. 16 II: study by a research body, anonymised where possible.
    Research,
    /// Art. 16 III: transfer to a third party, meeting the LGPD's requirements.
    TransferToThirdParty,
    /// Art. 16 IV: the controller's exclusive use, anonymised, with no access by third parties.
    AnonymisedExclusiveUse,
}

impl RetentionGround {
    /// The item of Art. 16.
    pub fn article(self) -> &'static str {
        match self {
            RetentionGround::LegalObligation => "Art. 16 I",
            RetentionGround::Research => "Art. 16 II",
            RetentionGround::TransferToThirdParty => "Art. 16 III",
            RetentionGround::AnonymisedExclusiveUse => "Art. 16 IV",
        }
    }
}

/// Res. CD/ANPD 2/2022 Art. 4 criteria the manifest cannot show by itself.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[schemars(crate = "juris_core::schemars")]
#[serde(deny_unknown_fields)]
pub struct HighRisk {
    /// Art. 4 I a: processing on a large scale.
    #[serde(default)]
    pub large_scale: bool,
    /// Art. 4 I b: processing that may significantly affect people's interests and fundamental rights.
    #[serde(default)]
    pub significant_effect: bool,
    /// Art. 4 II a: emerging or innovative technologies.
    #[serde(default)]
    pub emerging_technology: bool,
    /// Art. 4 II b: surveillance or control of publicly accessible areas.
    #[serde(default)]
    pub public_surveillance: bool,
    /// Art. 4 II c: decisions based solely on automated processing, including profiling.
    #[serde(default)]
    pub automated_decisions: bool,
    /// Art. 4 II d: data of adolescents or of the elderly (children's and
    /// sensitive data, the rest of II d, are read from the activities).
    #[serde(default)]
    pub adolescents_or_elderly: bool,
}

/// Whether "days" are calendar days or business days.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[schemars(crate = "juris_core::schemars")]
#[serde(rename_all = "lowercase")]
pub enum DayUnit {
    /// Dias corridos: the conservative reading.
    #[default]
    Calendar,
    /// Dias úteis.
    Business,
}

/// The incident register (Res. 15/2024 Art. 10).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[schemars(crate = "juris_core::schemars")]
#[serde(deny_unknown_fields)]
pub struct IncidentRegister {
    /// How long entries are kept, from registration.
    pub retention: IsoDuration,
    /// Where the register is kept, in words.
    #[serde(default)]
    pub location: Option<String>,
}

/// Sensitive personal data (LGPD Art. 5 II) as fideslang categories: racial or
/// ethnic origin, religious conviction, political opinion, health or sex life,
/// genetic or biometric data.
pub const SENSITIVE_CATEGORIES: &[&str] = &[
    "user.demographic.race_ethnicity",
    "user.demographic.religious_belief",
    "user.demographic.political_opinion",
    "user.demographic.sexual_orientation",
    "user.health_and_medical",
    "user.biometric",
    "user.authorization.biometric",
];

/// The first sensitive category (Art. 5 II) an activity processes.
pub fn sensitive_category(activity: &Activity) -> Option<&str> {
    activity.data_categories.iter().find(|c| SENSITIVE_CATEGORIES.iter().any(|s| c.is_within(s))).map(|c| c.as_str())
}

/// Whether an activity processes children's data (LGPD Art. 14).
pub fn processes_childrens_data(activity: &Activity) -> bool {
    activity.data_categories.iter().any(|c| c.is_within("user.childrens"))
}

/// One reason a declared small processing agent is not one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exclusion {
    /// The manifest path of the fact that excludes it.
    pub path: String,
    /// Why, in one lowercase sentence.
    pub reason: String,
}

/// Why the organisation cannot be a small processing agent (Res. 2/2022
/// Arts. 3-4), judged from the options and the manifest.
pub fn small_agent_exclusions(manifest: &Manifest, options: &Options) -> Vec<Exclusion> {
    let mut out = Vec::new();
    let (limit, law) = if options.startup {
        (STARTUP_LIMIT_BRL, "the LC 182/2021 startup limit of R$16,000,000")
    } else {
        (SMALL_BUSINESS_LIMIT_BRL, "the LC 123/2006 Art. 3 II limit of R$4,800,000")
    };
    if let Some(revenue) = options.gross_revenue_brl.filter(|r| *r > limit) {
        out.push(Exclusion {
            path: format!("modules.{ID}.gross_revenue_brl"),
            reason: format!("gross revenue of R${revenue} exceeds {law} (Res. 2/2022 Art. 3 II)"),
        });
    }
    if let Some(revenue) = options.group_gross_revenue_brl.filter(|r| *r > limit) {
        out.push(Exclusion {
            path: format!("modules.{ID}.group_gross_revenue_brl"),
            reason: format!("the economic group's gross revenue of R${revenue} exceeds {law} (Res. 2/2022 Art. 3 III)"),
        });
    }
    let risk = &options.high_risk;
    let general: Vec<&str> = [
        (risk.large_scale, "large-scale processing"),
        (risk.significant_effect, "processing that may significantly affect people's rights"),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, what)| what)
    .collect();
    let mut specific: Vec<String> = [
        (risk.emerging_technology, "emerging or innovative technology"),
        (risk.public_surveillance, "surveillance of publicly accessible areas"),
        (risk.automated_decisions, "decisions based solely on automated processing"),
        (risk.adolescents_or_elderly, "data of adolescents or the elderly"),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, what)| what.to_string())
    .collect();
    for activity in crate::applicability::activities(manifest, options, crate::CURRENT_TO, true).map(|(_, a)| a) {
        if let Some(category) = sensitive_category(activity) {
            specific.push(format!("sensitive data (`{category}` in activity `{}`)", activity.id));
        }
        if processes_childrens_data(activity) {
            specific.push(format!("children's data (activity `{}`)", activity.id));
        }
    }
    if !general.is_empty() && !specific.is_empty() {
        out.push(Exclusion {
            path: format!("modules.{ID}.high_risk"),
            reason: format!(
                "the processing is high-risk under Res. 2/2022 Art. 4: {} together with {}",
                general.join(" and "),
                specific.join(", ")
            ),
        });
    }
    out
}

/// Whether the organisation is a small processing agent: it declares itself
/// one and nothing in the manifest excludes it.
pub fn is_small_agent(manifest: &Manifest, options: &Options) -> bool {
    options.small_agent && small_agent_exclusions(manifest, options).is_empty()
}
