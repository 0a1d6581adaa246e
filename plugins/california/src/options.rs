//! The module's own manifest table, `[modules.california]`.
//!
//! Facts the shared manifest model has no field for (thresholds the manifest
//! cannot compute, loyalty programmes, data-broker status, exempt data, audit
//! filings) and switches for readings of the law that official texts leave
//! open. Every key is optional; a table that does not match this shape is
//! reported by `california/module-options` and the other rules then run on the
//! defaults.

use juris_core::schemars::JsonSchema;
use serde::Deserialize;

/// `[modules.california]`.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema, PartialEq)]
#[schemars(crate = "juris_core::schemars")]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    /// Whether the 45 days of 11 CCR §7021(b) count the day of receipt as day 1
    /// (`true`, the default and conservative reading: due on receipt + 44), or
    /// start the next day per Gov. Code §6800 and skip a last day that is a
    /// holiday (`false`: receipt + 45, rolled forward).
    pub respond_counts_receipt_day: Option<bool>,
    /// Which holidays business days exclude: `state-offices` (default: the
    /// §19853 days state offices close) or `government-code` (every full-day
    /// Gov. Code §6700 holiday as well).
    pub business_day_holidays: Option<HolidayReading>,
    /// Threshold (B) of Civ. Code §1798.140(d)(1): consumers or households whose
    /// personal information is bought, sold or shared a year. Overrides the
    /// estimate from `organization.subjects_per_year`.
    pub consumers_bought_sold_or_shared: Option<u64>,
    /// Threshold (C): the percentage (0-100) of annual revenue derived from
    /// selling or sharing personal information.
    pub revenue_percent_from_selling_or_sharing: Option<f64>,
    /// The business operates exclusively online and has a direct relationship
    /// with the consumers (Civ. Code §1798.130(a)(1)(A)): an e-mail address is
    /// then enough as a request method.
    pub online_only: bool,
    /// Whether the site shows whether it processed an opt-out preference signal
    /// (11 CCR §7025(c)(6), from 2026-01-01).
    pub opt_out_signal_status_shown: bool,
    /// Whether a single "Your Privacy Choices" Alternative Opt-out Link (11 CCR
    /// §7015) is shown in place of the two links.
    pub alternative_opt_out_link: bool,
    /// Kept so that older manifests load; ignored. Since 2026-01-01 the
    /// personal information of consumers a business knows are under 16 is
    /// sensitive personal information by regulation (11 CCR §7001, as amended
    /// by the CPPA regulations approved on 2025-09-23), which a manifest
    /// cannot switch off.
    pub minors_data_is_sensitive: Option<bool>,
    /// Activities whose data an exemption of Civ. Code §§1798.145-1798.146
    /// takes out of the CCPA (protected health information under HIPAA,
    /// medical information under the CMIA, data collected under the GLBA,
    /// consumer reports under the FCRA, motor-vehicle records under the DPPA).
    /// A claim is accepted only for an activity that processes that kind of
    /// data. The breach action of §1798.150 still applies to GLBA data.
    pub exempt_activities: Vec<ExemptActivity>,
    /// Whether the attestation and summary of the risk assessments conducted
    /// in 2026 and 2027 were submitted to the CPPA (11 CCR §7157, due
    /// 2028-04-01).
    pub risk_assessment_attestation_submitted: bool,
    /// The latest calendar year whose cybersecurity audit certification was
    /// submitted to the CPPA (11 CCR §§7121, 7124; the first certifications fall
    /// due on 2028-04-01, 2029-04-01 or 2030-04-01 by revenue).
    pub cybersecurity_audit_certified_year: Option<i16>,
    /// Minors whose data is sold or shared (Civ. Code §1798.120(c)).
    pub minors: Option<Minors>,
    /// Financial incentives and loyalty programmes (Civ. Code §1798.125(b)).
    pub financial_incentives: Vec<FinancialIncentive>,
    /// Disclosures to third parties for their direct marketing (Civ. Code §1798.83).
    pub shine_the_light: Option<ShineTheLight>,
    /// Present when the business is a data broker (Civ. Code §1798.99.80(c)).
    pub data_broker: Option<DataBroker>,
}

/// One entry of `exempt_activities`.
#[derive(Clone, Debug, Deserialize, JsonSchema, PartialEq, Eq)]
#[schemars(crate = "juris_core::schemars")]
#[serde(deny_unknown_fields)]
pub struct ExemptActivity {
    /// The activity's id.
    pub activity: String,
    /// The law whose data it is.
    pub exemption: Exemption,
}

/// The exemptions of Civ. Code §§1798.145-1798.146 a manifest can claim.
#[derive(Clone, Copy, Debug, Deserialize, JsonSchema, PartialEq, Eq)]
#[schemars(crate = "juris_core::schemars")]
#[serde(rename_all = "kebab-case")]
pub enum Exemption {
    /// Protected health information collected by a HIPAA covered entity or
    /// business associate (§1798.146(a)(1)(A)).
    Hipaa,
    /// Medical information governed by the Confidentiality of Medical
    /// Information Act (§1798.146(a)(1)(A)).
    Cmia,
    /// Personal information collected, processed, sold or disclosed under the
    /// Gramm-Leach-Bliley Act (§1798.145(e)).
    Glba,
    /// Consumer-report activity regulated by the Fair Credit Reporting Act
    /// (§1798.145(d)).
    Fcra,
    /// Personal information under the Driver's Privacy Protection Act
    /// (§1798.145(f)).
    Dppa,
}

impl Exemption {
    /// The section that grants it.
    pub fn citation(self) -> &'static str {
        match self {
            Exemption::Hipaa => "HIPAA (Civ. Code §1798.146(a))",
            Exemption::Cmia => "the CMIA (Civ. Code §1798.146(a))",
            Exemption::Glba => "the GLBA (Civ. Code §1798.145(e))",
            Exemption::Fcra => "the FCRA (Civ. Code §1798.145(d))",
            Exemption::Dppa => "the DPPA (Civ. Code §1798.145(f))",
        }
    }
}

/// Which California holidays are not business days.
#[derive(Clone, Copy, Debug, Deserialize, JsonSchema, PartialEq, Eq, Default)]
#[schemars(crate = "juris_core::schemars")]
#[serde(rename_all = "kebab-case")]
pub enum HolidayReading {
    /// The days state offices close (Gov. Code §19853).
    #[default]
    StateOffices,
    /// Every full-day Gov. Code §6700 holiday as well.
    GovernmentCode,
}

/// `[modules.california.minors]`.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema, PartialEq, Eq)]
#[schemars(crate = "juris_core::schemars")]
#[serde(deny_unknown_fields, default)]
pub struct Minors {
    /// The business has actual knowledge (or wilfully disregards) that some
    /// consumers whose data it sells or shares are under 16.
    pub actual_knowledge_under_16: bool,
    /// Consumers aged 13 to 15 opt in before their data is sold or shared.
    pub opt_in_13_to_15: bool,
    /// A parent or guardian authorises the sale or sharing of a child under 13's data.
    pub parental_authorization_under_13: bool,
}

/// One entry of `financial_incentives`.
#[derive(Clone, Debug, Deserialize, JsonSchema, PartialEq, Eq)]
#[schemars(crate = "juris_core::schemars")]
#[serde(deny_unknown_fields)]
pub struct FinancialIncentive {
    /// What the programme is called.
    pub name: String,
    /// Whether a notice of financial incentive (11 CCR §7016) is given before
    /// the consumer joins.
    #[serde(default)]
    pub notice: bool,
}

/// `[modules.california.shine_the_light]`.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema, PartialEq, Eq)]
#[schemars(crate = "juris_core::schemars")]
#[serde(deny_unknown_fields, default)]
pub struct ShineTheLight {
    /// Personal information is disclosed to third parties for their own direct
    /// marketing.
    pub discloses_for_direct_marketing: bool,
    /// The designated mailing address, e-mail address, telephone or fax number
    /// for Shine the Light requests (§1798.83(c)(1)).
    pub designated_contact: Option<String>,
    /// Instead, a policy of not disclosing to third parties for their direct
    /// marketing when the customer has opted out (or not opted in), with a
    /// cost-free way to do so (§1798.83(c)(2)).
    pub opt_out_policy: bool,
}

/// `[modules.california.data_broker]`.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema, PartialEq, Eq)]
#[schemars(crate = "juris_core::schemars")]
#[serde(deny_unknown_fields, default)]
pub struct DataBroker {
    /// The year of the latest registration with the CPPA (due by 31 January).
    pub registered_year: Option<i16>,
    /// How often, in days, the broker retrieves deletion requests from the
    /// Delete Request and Opt-out Platform (DROP).
    pub drop_access_interval_days: Option<u32>,
}

impl Options {
    /// Whether the 45 days count the day of receipt.
    pub fn counts_receipt_day(&self) -> bool {
        self.respond_counts_receipt_day.unwrap_or(true)
    }
}
