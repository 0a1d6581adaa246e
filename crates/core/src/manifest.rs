//! The manifest model, schema version 1: how an organisation processes personal
//! data, in one TOML file.
//!
//! The doc comments on these types are the field reference: they become the
//! descriptions in `docs/manifest.schema.json`, and `docs/manifest.md` is written
//! from the same facts. Every table refuses unknown keys, so a typo is an input
//! error rather than a silently ignored setting.

mod collect;
mod load;
mod tree;

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
pub use smol_str::SmolStr;

pub use load::{InputError, Location, Parsed, SourceIndex, parse};

use crate::jurisdiction::Jurisdiction;
use crate::module::RequestKind;
use crate::taxonomy::{DataCategory, DataSubject, DataUse};

/// The `$id` of the manifest schema (schema 1), and the URL `juris init`
/// writes in the `#:schema` line.
pub const SCHEMA_ID: &str = "https://example.invalid/juris/schemas/manifest-1.schema.json";

/// A juris manifest.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The manifest schema version. Must be `1`.
    pub manifest: u32,
    /// A JSON Schema reference for editors (e.g. taplo); ignored by juris.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<SmolStr>,
    /// The organisation as a whole.
    pub organization: Organization,
    /// The legal entities a person contracts with, by where the person is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Entity>,
    /// Data protection officers, representatives and privacy contacts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// Where personal data is stored, and whose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub systems: Vec<System>,
    /// Processing activities: the record of processing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Who personal data is disclosed to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<Recipient>,
    /// Cookies and similar technologies that store or read information on a device.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cookies: Vec<Cookie>,
    /// How consent is asked for, per market: a `default` entry and entries keyed by
    /// jurisdiction code (`"US-CA" = { mode = "opt-out", honors_gpc = true }`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub consent: BTreeMap<ConsentScope, ConsentPolicy>,
    /// Which data-subject rights are supported, and through which channels.
    #[serde(default)]
    pub rights: Rights,
    /// Published notices.
    #[serde(default)]
    pub notices: Notices,
    /// Registrations and notifications filed with authorities.
    #[serde(default)]
    pub filings: Filings,
    /// Facts that only one module reads, keyed by module id (`[modules.russia]`).
    /// Each module documents and validates its own table.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(with = "BTreeMap<String, BTreeMap<String, serde_json::Value>>")]
    pub modules: BTreeMap<String, serde_json::Value>,
    /// Known findings the organisation accepts for a time, each with a reason,
    /// an owner and an end date. A waived finding is still reported, marked as
    /// waived, and does not fail `juris check`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waivers: Vec<Waiver>,
    /// Lookups by id, built on first use: rules look systems and recipients up
    /// per activity, which must not cost a scan each on large manifests.
    #[serde(skip)]
    #[schemars(skip)]
    ids: IdIndex,
}

#[derive(Clone, Debug, Default)]
struct IdIndex {
    systems: std::sync::OnceLock<std::collections::HashMap<SmolStr, usize>>,
    recipients: std::sync::OnceLock<std::collections::HashMap<SmolStr, usize>>,
    system_users: std::sync::OnceLock<std::collections::HashMap<SmolStr, Vec<usize>>>,
    recipient_users: std::sync::OnceLock<std::collections::HashMap<SmolStr, Vec<usize>>>,
    markets: std::sync::OnceLock<Vec<Jurisdiction>>,
}

fn users_index<'a>(lists: impl Iterator<Item = &'a [SmolStr]>) -> std::collections::HashMap<SmolStr, Vec<usize>> {
    let mut map: std::collections::HashMap<SmolStr, Vec<usize>> = std::collections::HashMap::new();
    for (i, ids) in lists.enumerate() {
        for id in ids {
            let users = map.entry(id.clone()).or_default();
            if users.last() != Some(&i) {
                users.push(i);
            }
        }
    }
    map
}

fn first_index<'a>(ids: impl Iterator<Item = &'a SmolStr>) -> std::collections::HashMap<SmolStr, usize> {
    let mut map = std::collections::HashMap::new();
    for (i, id) in ids.enumerate() {
        map.entry(id.clone()).or_insert(i);
    }
    map
}

/// The organisation as a whole.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// The organisation's name.
    pub name: SmolStr,
    /// Countries where the organisation has an establishment.
    #[serde(default)]
    pub established: Vec<Jurisdiction>,
    /// Where it offers goods or services, or monitors people's behaviour.
    #[serde(deserialize_with = "exact_vec", default)]
    pub markets: Vec<Jurisdiction>,
    /// Worldwide annual gross revenue in US dollars.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_revenue_usd: Option<u64>,
    /// Number of distinct people (or households) whose data is processed per year,
    /// by jurisdiction.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub subjects_per_year: BTreeMap<Jurisdiction, u64>,
    /// Number of employees worldwide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employees: Option<u64>,
    /// What the organisation is for the personal data it processes: a
    /// `controller` decides purposes and means (GDPR Art. 4(7); LGPD Art. 5 VI;
    /// 152-FZ Art. 3(2) "operator"), a `processor` acts on a controller's
    /// instructions (GDPR Art. 4(8); LGPD Art. 5 VII), `both` is each for
    /// different activities. Absent means `controller`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<OrganizationRole>,
    /// Whether the organisation is a public authority or body (GDPR Arts. 6(1)
    /// second subparagraph and 37(1)(a); LGPD Art. 23; 152-FZ Art. 3(2)).
    #[serde(default)]
    pub public_body: bool,
    /// Whether it is organised or operated for the profit or financial benefit
    /// of its owners (CCPA Civ. Code §1798.140(d)(1)). Absent means unknown,
    /// which rules treat as for-profit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_profit: Option<bool>,
    /// The legal form, in words (e.g. `GmbH`, `Ltda.`, `OOO`, `nonprofit public
    /// benefit corporation`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_form: Option<SmolStr>,
    /// The organisation it controls or is controlled by (more than 50 % of the
    /// votes, or the power to elect a majority of the board), when that
    /// organisation is itself subject to the law (CCPA §1798.140(d)(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controlled_by: Option<ControllingOrganization>,
    /// How many people are constantly engaged in the automated processing of
    /// personal data (BDSG §38(1): a DPO is required from 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_processing_personal_data: Option<u64>,
    /// Who the services are offered to when children may use them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Children>,
    /// A reference to the description of the technical and organisational
    /// security measures (GDPR Arts. 30(1)(g), 32; LGPD Art. 46; 152-FZ Arts.
    /// 18.1, 19), e.g. the ISMS document's name and version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_measures: Option<SmolStr>,
}

/// What the organisation is for the data it processes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationRole {
    /// Decides the purposes and means of processing.
    Controller,
    /// Processes on a controller's behalf and instructions.
    Processor,
    /// A controller for some activities and a processor for others.
    Both,
}

/// An organisation that controls this one or is controlled by it.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ControllingOrganization {
    /// Its name.
    pub name: SmolStr,
    /// Whether it is itself a CCPA business (Civ. Code §1798.140(d)(1)).
    #[serde(default)]
    pub ccpa_business: bool,
    /// Whether the two share common branding: a shared name, servicemark or
    /// trademark the average consumer would understand as common ownership
    /// (§1798.140(d)(2)).
    #[serde(default)]
    pub common_branding: bool,
    /// Whether personal information is shared with it (§1798.140(d)(2)).
    #[serde(default)]
    pub shares_personal_information: bool,
}

/// Facts about children's use of the services (GDPR Art. 8; UK Age
/// Appropriate Design Code; CCPA §1798.120(c); LGPD Art. 14).
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Children {
    /// Whether the services are offered directly to children (information
    /// society services, GDPR Art. 8(1)).
    #[serde(default)]
    pub offered_to_children: bool,
    /// Whether the organisation has actual knowledge that some users are
    /// children (CCPA §1798.120(c): under 16; it "wilfully disregards" age
    /// when it ignores it).
    #[serde(default)]
    pub actual_knowledge: bool,
    /// The youngest age the service admits, per its terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_age: Option<u8>,
    /// How a user's age is established.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_assurance: Option<AgeAssurance>,
    /// The age below which parental consent is sought, per country, as the
    /// service applies it (`{ DE = 16, FR = 15 }`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub parental_consent_below: BTreeMap<Jurisdiction, u8>,
}

/// How a service establishes a user's age.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AgeAssurance {
    /// Nothing is asked.
    None,
    /// The user states an age or birth date.
    SelfDeclaration,
    /// Age is estimated (e.g. from a face or behaviour).
    Estimation,
    /// Age is verified against a document or a trusted source.
    Verification,
}

/// A legal entity that people contract with (the controller for a market).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// A short identifier, unique among entities.
    pub id: SmolStr,
    /// The entity's legal name.
    pub name: SmolStr,
    /// Where the entity is established.
    pub country: Jurisdiction,
    /// The places whose people contract with this entity. The most specific
    /// match wins, so `["*"]` marks the default entity.
    #[serde(deserialize_with = "exact_vec")]
    pub serves: Vec<Jurisdiction>,
}

/// The role a contact plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ContactRole {
    /// A data protection officer (GDPR Art. 37; in Brazil, the encarregado).
    Dpo,
    /// A representative of an organisation not established in the jurisdiction
    /// (GDPR Art. 27).
    Representative,
    /// A general privacy contact.
    Privacy,
    /// The person responsible for organising processing (152-FZ Art. 22.1).
    ResponsiblePerson,
}

/// A privacy contact.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// What the contact is.
    pub role: ContactRole,
    /// The jurisdictions the contact acts for.
    #[serde(deserialize_with = "exact_vec", rename = "for")]
    pub for_: Vec<Jurisdiction>,
    /// Name of the person or office.
    pub name: SmolStr,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<SmolStr>,
    /// Telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<SmolStr>,
    /// Where the contact is established.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Jurisdiction>,
    /// Whether the contact's identity and details are published (e.g. in the
    /// privacy notice).
    #[serde(default)]
    pub published: bool,
}

/// A system that stores personal data.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct System {
    /// A short identifier, unique among systems.
    pub id: SmolStr,
    /// A human-readable name.
    pub name: SmolStr,
    /// Countries where the data is physically stored.
    #[serde(deserialize_with = "exact_vec")]
    pub locations: Vec<Jurisdiction>,
    /// Whose data it holds: the people of these jurisdictions.
    #[serde(deserialize_with = "exact_vec")]
    pub holds: Vec<Jurisdiction>,
    /// For some people, this system only copies a primary record kept elsewhere:
    /// `{ "RU" = "accounts-ru" }` says RU people's data is recorded first in the
    /// system `accounts-ru`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub replica_of: BTreeMap<Jurisdiction, SmolStr>,
}

/// A processing activity: one entry of the record of processing.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// A short identifier, unique among activities.
    pub id: SmolStr,
    /// What the activity is, in words.
    pub name: SmolStr,
    /// Purposes, as fideslang data uses.
    #[serde(deserialize_with = "exact_vec")]
    pub uses: Vec<DataUse>,
    /// Personal data processed, as fideslang data categories.
    #[serde(deserialize_with = "exact_vec")]
    pub data_categories: Vec<DataCategory>,
    /// Whose data, as fideslang data subjects.
    #[serde(deserialize_with = "exact_vec")]
    pub data_subjects: Vec<DataSubject>,
    /// The legal basis, e.g. `consent`, `contract`, `legal_obligation`,
    /// `vital_interests`, `public_task`, `legitimate_interests`. Each module
    /// checks it against its own law's list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<SmolStr>,
    /// Where one law needs a different basis: `{ BR = "credit_protection" }`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub legal_basis_by: BTreeMap<Jurisdiction, SmolStr>,
    /// A reference to the legitimate-interests assessment, when the basis is
    /// legitimate interests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legitimate_interest_assessment: Option<SmolStr>,
    /// The condition for processing special-category (sensitive) data, e.g.
    /// `explicit_consent` (GDPR Art. 9(2)(a)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special_category_condition: Option<SmolStr>,
    /// Systems (by id) the activity's data is stored in.
    #[serde(deserialize_with = "exact_vec", default)]
    pub systems: Vec<SmolStr>,
    /// Recipients (by id) the activity's data is disclosed to.
    #[serde(deserialize_with = "exact_vec", default)]
    pub recipients: Vec<SmolStr>,
    /// How long the data is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<Retention>,
    /// The markets this activity touches; empty means all of the organisation's.
    #[serde(deserialize_with = "exact_vec", default, skip_serializing_if = "Vec::is_empty")]
    pub markets: Vec<Jurisdiction>,
    /// Whether the data is sold or shared (in the CCPA's sense of "sale" and
    /// "sharing" for cross-context behavioural advertising).
    #[serde(default)]
    pub sells_or_shares: bool,
    /// A reference to the data protection impact assessment (GDPR Art. 35;
    /// LGPD's RIPD, Art. 38), if one was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact_assessment: Option<SmolStr>,
    /// Where the data comes from: `subject` when collected from the person
    /// (GDPR Art. 13), `third_party` or `public` otherwise (Art. 14), or both.
    #[serde(deserialize_with = "exact_vec", default, skip_serializing_if = "Vec::is_empty")]
    pub collected_from: Vec<DataSource>,
    /// Decisions the activity takes about people by automated means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automated_decision: Option<AutomatedDecision>,
}

/// Where an activity's data comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DataSource {
    /// From the person themselves, including what their device sends.
    Subject,
    /// From another organisation (a data broker, a partner, an employer).
    ThirdParty,
    /// From publicly accessible sources.
    Public,
}

/// An automated decision about people (GDPR Art. 22; UK GDPR Arts. 22A-22D;
/// LGPD Art. 20; 152-FZ Art. 16; CCPA ADMT regulations, 11 CCR §§7200-7222).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AutomatedDecision {
    /// Whether the decision is taken solely by automated means, with no
    /// meaningful human involvement.
    pub solely_automated: bool,
    /// Whether it has legal effects on the person or similarly significantly
    /// affects them (credit, employment, housing, education, health care,
    /// essential goods or services: GDPR Art. 22(1); the CCPA's "significant
    /// decision", 11 CCR §7001).
    pub significant_effect: bool,
    /// Whether the person can obtain human intervention, express their point of
    /// view and contest the decision (GDPR Art. 22(3); UK GDPR Art. 22C; LGPD
    /// Art. 20).
    #[serde(default)]
    pub human_review: bool,
    /// Whether a law of the jurisdiction authorises the decision (GDPR Art.
    /// 22(2)(b)).
    #[serde(default)]
    pub authorised_by_law: bool,
    /// Whether people are told before the decision is used about it and its
    /// logic (CCPA pre-use notice, 11 CCR §7220).
    #[serde(default)]
    pub pre_use_notice: bool,
    /// Whether people can opt out of it or appeal it (11 CCR §7221).
    #[serde(default)]
    pub opt_out_or_appeal: bool,
    /// Whether special-category (sensitive) data feeds it (GDPR Art. 22(4)).
    #[serde(default)]
    pub uses_special_categories: bool,
}

/// How long data is kept.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    /// An ISO 8601 duration, e.g. `P6Y` or `P13M`.
    pub period: IsoDuration,
    /// The event the period runs from, e.g. `account-closure`.
    pub from: SmolStr,
    /// Why the data is kept that long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<SmolStr>,
}

/// The role of a recipient.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecipientRole {
    /// Processes data on the organisation's instructions (GDPR Art. 28).
    Processor,
    /// Decides its own purposes and means.
    Controller,
    /// A third party (in the CCPA's sense, neither service provider nor contractor).
    ThirdParty,
    /// A CCPA service provider (Civ. Code §1798.140(ag)).
    ServiceProvider,
    /// A CCPA contractor (Civ. Code §1798.140(j)).
    Contractor,
}

/// The legal mechanism that makes a transfer abroad lawful.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TransferMechanism {
    /// The destination has an adequacy decision.
    Adequacy,
    /// The European Commission's standard contractual clauses.
    Scc,
    /// The ANPD's standard contractual clauses (Brazil, Res. CD/ANPD 19/2024).
    AnpdScc,
    /// The UK International Data Transfer Agreement.
    Idta,
    /// The UK Addendum to the EU standard contractual clauses.
    UkAddendum,
    /// Binding corporate rules.
    Bcr,
    /// The EU-US Data Privacy Framework (and its UK extension); valid only for
    /// certified recipients.
    Dpf,
    /// The person's explicit consent to the transfer.
    Consent,
    /// Another derogation for specific situations (GDPR Art. 49).
    Derogation,
    /// No mechanism.
    None,
}

/// Someone personal data is disclosed to.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// A short identifier, unique among recipients.
    pub id: SmolStr,
    /// Who the recipient is.
    pub name: SmolStr,
    /// What the recipient is in law.
    pub role: RecipientRole,
    /// Where the recipient receives the data.
    pub country: Jurisdiction,
    /// The transfer mechanism, when the recipient is abroad.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer: Option<TransferMechanism>,
    /// Whether a written contract governs the disclosure (GDPR Art. 28(3);
    /// CCPA §1798.100(d)).
    #[serde(default)]
    pub contract: bool,
    /// Whether the recipient is certified under the EU-US Data Privacy Framework.
    #[serde(default)]
    pub dpf_certified: bool,
    /// What the recipient uses the data for, as fideslang data uses (e.g.
    /// `marketing.advertising.third_party.targeted` for cross-context
    /// behavioural advertising). Empty means only the purposes of the
    /// activities that disclose to it.
    #[serde(deserialize_with = "exact_vec", default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<DataUse>,
    /// What the organisation receives for the disclosure (CCPA §1798.140(ad):
    /// "monetary or other valuable consideration"). Absent means unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consideration: Option<Consideration>,
    /// The terms the contract with the recipient holds (GDPR Art. 28(3); CCPA
    /// §1798.100(d) and 11 CCR §§7051, 7053).
    #[serde(deserialize_with = "exact_vec", default, skip_serializing_if = "Vec::is_empty")]
    pub contract_terms: Vec<ContractTerm>,
    /// A reference to the transfer impact assessment for this recipient (CJEU
    /// C-311/18 Schrems II; EDPB Recommendations 01/2020; UK ICO TRA).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_impact_assessment: Option<SmolStr>,
    /// The supplementary measures that protect the transfer, as EDPB
    /// Recommendations 01/2020 Annex 2 describes them.
    #[serde(deserialize_with = "exact_vec", default, skip_serializing_if = "Vec::is_empty")]
    pub supplementary_measures: Vec<SupplementaryMeasure>,
    /// Whether the recipient is the organisation itself or its own group, e.g.
    /// its own systems or an affiliate abroad (LGPD Art. 33; Res. CD/ANPD
    /// 19/2024).
    #[serde(default)]
    pub same_group: bool,
}

/// What an organisation receives for disclosing personal data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Consideration {
    /// Nothing: the recipient only performs a service paid for by the organisation.
    None,
    /// Money.
    Monetary,
    /// Something else of value: analytics, audience insights, ad targeting,
    /// free tools paid for with the data.
    OtherValuable,
}

/// A term of a contract with a recipient.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ContractTerm {
    /// Processes only on documented instructions (GDPR Art. 28(3)(a)).
    DocumentedInstructions,
    /// Persons authorised to process are bound to confidentiality (Art. 28(3)(b)).
    Confidentiality,
    /// Takes the security measures of Art. 32 (Art. 28(3)(c)).
    Security,
    /// Engages sub-processors only with authorisation, on the same terms (Art. 28(3)(d)).
    SubProcessorConditions,
    /// Assists with data subjects' requests (Art. 28(3)(e)).
    AssistWithRights,
    /// Assists with security, breach notification and DPIAs (Art. 28(3)(f)).
    AssistWithCompliance,
    /// Deletes or returns the data at the end of the service (Art. 28(3)(g)).
    DeleteOrReturn,
    /// Makes information available and allows audits (Art. 28(3)(h)).
    Audits,
    /// Names the specific business purposes of the processing (CCPA
    /// §1798.100(d)(1); 11 CCR §7051(a)(2)).
    SpecifiedPurposes,
    /// Prohibits selling or sharing the data (11 CCR §7051(a)(1)).
    NoSellingOrSharing,
    /// Prohibits retaining, using or disclosing it outside the specified
    /// purposes and the direct relationship (11 CCR §7051(a)(3)-(4)).
    NoUseOutsidePurposes,
    /// Prohibits combining it with data from other sources (11 CCR §7051(a)(5)).
    NoCombining,
    /// Requires compliance with the CCPA and the same level of protection
    /// (§1798.100(d)(2); 11 CCR §7051(a)(6)).
    CcpaCompliance,
    /// Grants the right to take reasonable steps to ensure the data is used
    /// consistently with the CCPA, and to stop unauthorised use
    /// (§1798.100(d)(3)-(4); 11 CCR §7051(a)(7), (9)).
    RightToAuditAndRemediate,
    /// Requires notice if the recipient can no longer meet its obligations
    /// (§1798.100(d)(4); 11 CCR §7051(a)(8)).
    NotifyIfUnableToComply,
}

/// A supplementary measure for a transfer (EDPB Recommendations 01/2020, Annex 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SupplementaryMeasure {
    /// Encryption in transit and at rest with keys held only in the exporter's
    /// jurisdiction or an adequate one (Use Cases 1 and 3).
    EncryptionExporterHeldKeys,
    /// Pseudonymisation, with the additional information kept by the exporter
    /// (Use Case 2).
    Pseudonymisation,
    /// Transport encryption only.
    EncryptionInTransit,
    /// Contractual measures (transparency on access requests, challenge of
    /// orders, warrant canaries).
    Contractual,
    /// Organisational measures (access policies, data minimisation, records of
    /// authority requests).
    Organisational,
}

/// Why a cookie is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CookiePurpose {
    /// Strictly necessary for a service the user asked for.
    StrictlyNecessary,
    /// Remembers choices the user made (language, region).
    Functional,
    /// Measures how the service is used.
    Analytics,
    /// Advertising and tracking across sites.
    Advertising,
}

/// A cookie or similar technology.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cookie {
    /// The cookie's name.
    pub name: SmolStr,
    /// Who sets or reads it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<SmolStr>,
    /// Why it is set.
    pub purpose: CookiePurpose,
    /// How long it lives, as an ISO 8601 duration. Absent means a session cookie.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime: Option<IsoDuration>,
    /// Recipients (by id) that read what it holds or receive it, e.g. the
    /// advertising network whose tag reads the identifier. A third party's
    /// cookie discloses the identifier to that third party.
    #[serde(deserialize_with = "exact_vec", default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<SmolStr>,
}

/// Where a consent policy applies.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ConsentScope {
    /// The `default` entry.
    Default,
    /// An entry for one jurisdiction.
    In(Jurisdiction),
}

impl fmt::Display for ConsentScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConsentScope::Default => f.write_str("default"),
            ConsentScope::In(j) => write!(f, "{j}"),
        }
    }
}

impl Serialize for ConsentScope {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ConsentScope {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        if s == "default" {
            return Ok(ConsentScope::Default);
        }
        s.parse().map(ConsentScope::In).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for ConsentScope {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ConsentScope".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "`default`, or a jurisdiction: an ISO 3166-1 alpha-2 country (`DE`), an ISO 3166-2 subdivision (`US-CA`), `EEA`, `EU` or `*`.",
            "pattern": "^(default|\\*|EEA|EU|[A-Z]{2}(-[A-Z0-9]{1,3})?)$"
        })
    }
}

/// How consent to non-essential processing (cookies, tracking) is obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ConsentMode {
    /// Nothing non-essential runs until the person agrees.
    OptIn,
    /// It runs until the person objects or opts out.
    OptOut,
    /// The person is only informed.
    NoticeOnly,
}

/// A consent policy for a market.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentPolicy {
    /// How consent is obtained.
    pub mode: ConsentMode,
    /// Whether opt-out preference signals such as Global Privacy Control are honoured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub honors_gpc: Option<bool>,
    /// How the consent banner shown in this market works. Absent means the
    /// manifest says nothing about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub banner: Option<Banner>,
}

/// The facts regulators check on a consent banner (GDPR Arts. 4(11), 7; ePrivacy
/// Directive Art. 5(3); EDPB Cookie Banner Taskforce report, 17 January 2023;
/// CCPA 11 CCR §7004). Each is what the banner does, not a conclusion.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Banner {
    /// Whether the first layer offers a way to refuse (a "reject all" button or
    /// equivalent), as it offers a way to accept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reject_on_first_layer: Option<bool>,
    /// Whether refusing is as easy and as prominent as accepting: the same number
    /// of clicks, the same size, colour and contrast.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equal_prominence: Option<bool>,
    /// Whether any non-essential purpose or vendor is pre-selected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pre_ticked: Option<bool>,
    /// Whether non-essential cookies are set, or trackers loaded, before the
    /// person chooses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_essential_before_choice: Option<bool>,
    /// Whether continuing to browse, scrolling or closing the banner is taken as
    /// consent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_by_continuing: Option<bool>,
    /// Whether consent can be withdrawn as easily as it was given, e.g. from a
    /// link or icon on every page (GDPR Art. 7(3)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdraw_as_easy: Option<bool>,
    /// Whether non-essential cookies are still set after the person refuses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_essential_after_reject: Option<bool>,
}

/// A channel through which people can exercise their rights.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    /// A form on the website or in the app.
    WebForm,
    /// An e-mail address.
    Email,
    /// A toll-free telephone number.
    TollFreePhone,
    /// Another telephone number.
    Phone,
    /// Post.
    Postal,
    /// In person.
    InPerson,
}

/// How data-subject rights are supported.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rights {
    /// The request kinds the organisation handles.
    #[serde(default)]
    pub supported: Vec<RequestKind>,
    /// The channels requests can be made through.
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// How a requester's identity is verified, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<SmolStr>,
    /// What an opt-out of sale or sharing (or a request to limit) demands of the
    /// person. The CCPA forbids requiring verification or an account for it
    /// (11 CCR §§7026(d), 7027(e)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opt_out_requires: Vec<OptOutDemand>,
    /// How requests made through an authorised agent are handled (CCPA
    /// §1798.135(e); 11 CCR §§7026(j), 7063).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorized_agents: Option<AgentHandling>,
}

/// Something an opt-out request demands of the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum OptOutDemand {
    /// Verifying identity as for an access or deletion request.
    Verification,
    /// Creating or logging in to an account.
    Account,
    /// Personal information beyond what is needed to carry out the request.
    ExtraInformation,
    /// More steps than it takes to opt in or to consent.
    MoreStepsThanOptIn,
}

/// How requests made through an authorised agent are handled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AgentHandling {
    /// Agents are accepted with the person's signed permission.
    Accepted,
    /// Agents are refused.
    Refused,
    /// Agents are accepted, but opt-outs still require the person to verify
    /// themselves directly.
    AcceptedButPersonMustVerifyOptOut,
}

/// Published notices.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Notices {
    /// Where the privacy policy is (a path or URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_policy: Option<SmolStr>,
    /// When the privacy policy was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_updated: Option<IsoDate>,
    /// Whether the "Do Not Sell or Share My Personal Information" link (or an
    /// alternative opt-out link) is shown.
    #[serde(default)]
    pub do_not_sell_or_share_link: bool,
    /// Whether the "Limit the Use of My Sensitive Personal Information" link is shown.
    #[serde(default)]
    pub limit_use_link: bool,
}

/// Registrations and notifications filed with authorities.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Filings {
    /// Whether the organisation is entered in Roskomnadzor's register of operators
    /// (152-FZ Art. 22).
    #[serde(default)]
    pub rkn_operator_registry: bool,
    /// Countries for which a cross-border transfer notice was filed with
    /// Roskomnadzor (152-FZ Art. 12).
    #[serde(default)]
    pub rkn_cross_border_notice: Vec<Jurisdiction>,
    /// The day the cross-border transfer notice was filed (152-FZ Art. 12(3):
    /// before the transfer starts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rkn_cross_border_notice_filed: Option<IsoDate>,
    /// The day the transfers to the countries notified began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cross_border_transfers_began: Option<IsoDate>,
}

/// An accepted finding: `juris check` reports it as waived until `expires`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    /// The rule id, e.g. `eea-uk/dpo-missing`.
    pub rule: SmolStr,
    /// What the waiver covers: a manifest path naming an entry by its id
    /// (`activities.analytics`, `systems.crm`, `recipients.ad-network`) or a
    /// table (`notices`, `modules.brazil`). Without it, the waiver covers every
    /// finding of the rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<SmolStr>,
    /// Why the finding is accepted.
    pub reason: SmolStr,
    /// Who answers for it (a person or a team address).
    pub owner: SmolStr,
    /// The last day the waiver holds. An expired waiver is an error.
    pub expires: IsoDate,
}

/// The key under which the toml crate hands a date value to serde.
const TOML_DATETIME_KEY: &str = "$__toml_private_datetime";

/// A calendar date written as a TOML local date (`2022-06-21`) or a string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate(pub jiff::civil::Date);

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = IsoDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date such as 2026-01-31")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<IsoDate, E> {
                parse_date(v).map(IsoDate).map_err(E::custom)
            }
            // TOML presents its date values as a one-entry map; read the text.
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<IsoDate, A::Error> {
                match map.next_entry::<String, String>()? {
                    Some((key, text)) if key == TOML_DATETIME_KEY => self.visit_str(&text),
                    _ => Err(serde::de::Error::custom("expected a date such as 2026-01-31, not a table")),
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl JsonSchema for IsoDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "IsoDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "format": "date" })
    }
}

/// The years juris reads dates in: wide enough for any record and any
/// deadline, narrow enough that no date arithmetic on them can overflow.
pub const YEARS: std::ops::RangeInclusive<i16> = 1900..=2999;

/// The longest duration juris reads, in years (a retention period of a
/// millennium is a typo, and longer ones could overflow date arithmetic).
pub const MAX_DURATION_YEARS: u32 = 1000;

/// A list read to exactly its length when it is short. JSON does not say
/// how long a list is, so serde grows one read from it to room for four, and
/// a manifest has hundreds of thousands of lists of one or two (an activity's
/// uses, categories, systems): each plugin's copy of 100,000 activities was
/// 23 MB larger than its content. Shrinking afterwards cost more time than
/// reading the first three items before allocating.
fn exact_vec<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    struct Exact<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Exact<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list")
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = match seq.size_hint() {
                // A source that knows the length (the host's tree).
                Some(len) => Vec::with_capacity(len.min(4096)),
                None => {
                    let Some(a) = seq.next_element()? else { return Ok(Vec::new()) };
                    let Some(b) = seq.next_element()? else { return Ok(vec![a]) };
                    let Some(c) = seq.next_element()? else { return Ok(vec![a, b]) };
                    vec![a, b, c]
                }
            };
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(items)
        }
    }
    deserializer.deserialize_seq(Exact(std::marker::PhantomData))
}

/// Parses `YYYY-MM-DD` in [`YEARS`], refusing times and offsets.
pub fn parse_date(text: &str) -> Result<jiff::civil::Date, String> {
    if text.len() != 10 {
        return Err(format!("`{text}` is not a date: expected YYYY-MM-DD"));
    }
    let date = text.parse::<jiff::civil::Date>().map_err(|e| format!("`{text}` is not a valid date: {e}"))?;
    if !YEARS.contains(&date.year()) {
        return Err(format!("{date} is outside the years juris computes with ({}-{})", YEARS.start(), YEARS.end()));
    }
    Ok(date)
}

/// An ISO 8601 duration such as `P6Y`, `P13M` or `P30D`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IsoDuration {
    text: SmolStr,
    years: u32,
    months: u32,
    days: u32,
}

impl IsoDuration {
    /// Parses the calendar part of an ISO 8601 duration (`PnYnMnWnD`).
    pub fn parse(text: &str) -> Result<IsoDuration, String> {
        let bad = || format!("`{text}` is not an ISO 8601 duration such as P6Y, P13M or P30D");
        let rest = text.strip_prefix('P').ok_or_else(bad)?;
        if rest.is_empty() {
            return Err(bad());
        }
        let (mut years, mut months, mut days) = (0u32, 0u32, 0u32);
        let mut number = String::new();
        let mut last_unit = 0;
        for c in rest.chars() {
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            let order = match c {
                'Y' => 1,
                'M' => 2,
                'W' => 3,
                'D' => 4,
                _ => return Err(bad()),
            };
            if number.is_empty() || order <= last_unit {
                return Err(bad());
            }
            let n: u32 = number.parse().map_err(|_| bad())?;
            match c {
                'Y' => years = n,
                'M' => months = n,
                'W' => days = days.checked_add(n.checked_mul(7).ok_or_else(bad)?).ok_or_else(bad)?,
                _ => days = days.checked_add(n).ok_or_else(bad)?,
            }
            number.clear();
            last_unit = order;
        }
        if !number.is_empty() {
            return Err(bad());
        }
        let duration = IsoDuration { text: SmolStr::new(text), years, months, days };
        if duration.max_days() > u64::from(MAX_DURATION_YEARS) * 366 {
            return Err(format!(
                "`{text}` is longer than {MAX_DURATION_YEARS} years, the longest duration juris reads"
            ));
        }
        Ok(IsoDuration { text: SmolStr::new(text), years, months, days })
    }

    /// The duration as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// An upper bound of the length in days (a year as 366 days, a month as 31),
    /// for comparisons against limits such as "30 days".
    pub fn max_days(&self) -> u64 {
        u64::from(self.years) * 366 + u64::from(self.months) * 31 + u64::from(self.days)
    }

    /// The total number of whole months, ignoring days (saturating at `u32::MAX`).
    pub fn months(&self) -> u32 {
        // Saturating: `P400000000Y` must compare as "very long", not wrap.
        self.years.saturating_mul(12).saturating_add(self.months)
    }
}

impl fmt::Display for IsoDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for IsoDuration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for IsoDuration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        IsoDuration::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for IsoDuration {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "IsoDuration".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "An ISO 8601 duration of years, months, weeks and days, e.g. P6Y, P13M, P30D.",
            "pattern": "^P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?$"
        })
    }
}

impl Manifest {
    /// The JSON Schema of the manifest (draft 07, which TOML editors understand).
    pub fn json_schema() -> serde_json::Value {
        let generator = schemars::generate::SchemaSettings::draft07().into_generator();
        let schema = generator.into_root_schema_for::<Manifest>();
        let mut value = serde_json::to_value(schema).unwrap_or_default();
        if let Some(object) = value.as_object_mut() {
            object.insert("$id".to_string(), SCHEMA_ID.into());
        }
        value
    }

    /// The entity a person in `place` contracts with: the entity whose `serves`
    /// entry covers `place` most specifically.
    pub fn contracting_entity(&self, place: &Jurisdiction) -> Option<&Entity> {
        self.entities
            .iter()
            .filter_map(|e| e.serves.iter().filter(|s| s.covers(place)).map(specificity).max().map(|rank| (rank, e)))
            .max_by_key(|(rank, _)| *rank)
            .map(|(_, e)| e)
    }

    /// The consent policy for `place`: its own entry, else the most specific
    /// entry covering it, else `default`.
    pub fn consent_for(&self, place: &Jurisdiction) -> Option<&ConsentPolicy> {
        self.consent
            .iter()
            .filter_map(|(scope, policy)| match scope {
                ConsentScope::In(j) if j.covers(place) => Some((specificity(j) + 1, policy)),
                ConsentScope::Default => Some((0, policy)),
                ConsentScope::In(_) => None,
            })
            .max_by_key(|(rank, _)| *rank)
            .map(|(_, p)| p)
    }

    /// The markets of an activity: its own, or the organisation's when it names none.
    pub fn activity_markets<'a>(&'a self, activity: &'a Activity) -> &'a [Jurisdiction] {
        if activity.markets.is_empty() { &self.organization.markets } else { &activity.markets }
    }

    /// Whether the activity touches any place that `region` covers.
    pub fn activity_touches(&self, activity: &Activity, region: &Jurisdiction) -> bool {
        self.activity_markets(activity).iter().any(|m| m.overlaps(region))
    }

    /// Whether the organisation reaches people in `place` at all: one of its
    /// markets, an activity's own markets, or a place its entities serve
    /// overlaps it. The base every module's applicability model starts from.
    pub fn reaches(&self, place: &Jurisdiction) -> bool {
        self.targets(place)
            || self.activities.iter().any(|a| a.markets.iter().any(|m| m.overlaps(place)))
            || self
                .entities
                .iter()
                .any(|e| e.serves.iter().any(|s| !matches!(s, Jurisdiction::Everywhere) && s.overlaps(place)))
    }

    /// Whether the organisation, or one of its contracting entities, is
    /// established in `place` (`organization.established`, entities' `country`).
    pub fn established_in(&self, place: &Jurisdiction) -> bool {
        self.organization.established.iter().any(|e| place.covers(e))
            || self.entities.iter().any(|e| place.covers(&e.country))
    }

    /// Whether the organisation targets any place `region` covers.
    pub fn targets(&self, region: &Jurisdiction) -> bool {
        self.organization.markets.iter().any(|m| m.overlaps(region))
    }

    /// A system by id.
    pub fn system(&self, id: &str) -> Option<&System> {
        self.system_index(id).and_then(|i| self.systems.get(i))
    }

    /// The index in `systems` of the system with this id (the first, if ids
    /// repeat), in constant time: for findings' paths (`systems[3]`).
    pub fn system_index(&self, id: &str) -> Option<usize> {
        let index = self.ids.systems.get_or_init(|| first_index(self.systems.iter().map(|s| &s.id)));
        index.get(id).copied()
    }

    /// The indices of the activities that store data in the system `id`, in
    /// manifest order; built once, so rules that ask per system stay linear.
    pub fn activities_using(&self, id: &str) -> &[usize] {
        let index =
            self.ids.system_users.get_or_init(|| users_index(self.activities.iter().map(|a| a.systems.as_slice())));
        index.get(id).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The indices of the activities that disclose data to the recipient `id`,
    /// in manifest order; built once.
    pub fn activities_disclosing_to(&self, id: &str) -> &[usize] {
        let index = self
            .ids
            .recipient_users
            .get_or_init(|| users_index(self.activities.iter().map(|a| a.recipients.as_slice())));
        index.get(id).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every market the organisation and its activities name, each once, in
    /// the order of first mention; built once.
    pub fn all_markets(&self) -> &[Jurisdiction] {
        self.ids.markets.get_or_init(|| {
            let mut seen = std::collections::HashSet::new();
            let own = self.activities.iter().flat_map(|a| a.markets.iter());
            self.organization.markets.iter().chain(own).filter(|m| seen.insert(*m)).cloned().collect()
        })
    }

    /// The index in `recipients` of the recipient with this id, in constant time.
    pub fn recipient_index(&self, id: &str) -> Option<usize> {
        let index = self.ids.recipients.get_or_init(|| first_index(self.recipients.iter().map(|r| &r.id)));
        index.get(id).copied()
    }

    /// A recipient by id.
    pub fn recipient(&self, id: &str) -> Option<&Recipient> {
        let index = self.ids.recipients.get_or_init(|| first_index(self.recipients.iter().map(|r| &r.id)));
        index.get(id).and_then(|&i| self.recipients.get(i))
    }

    /// The legal basis of an activity under the law of `place`: the
    /// `legal_basis_by` entry covering `place` most specifically, else
    /// `legal_basis`. An entry for part of `place` (`BR-SP` when asking about
    /// `BR`) does not speak for all of it.
    pub fn legal_basis_for<'a>(&self, activity: &'a Activity, place: &Jurisdiction) -> Option<(&'a str, String)> {
        self.legal_basis_entry(activity, place).map(|(basis, by)| match by {
            Some(j) => (basis, format!("legal_basis_by.{j}")),
            None => (basis, "legal_basis".to_string()),
        })
    }

    /// [`Manifest::legal_basis_for`] without formatting the field: the
    /// `legal_basis_by` key it comes from, or `None` for `legal_basis`. For
    /// rules that ask about every activity and name the field only in a
    /// finding.
    pub fn legal_basis_entry<'a>(
        &self,
        activity: &'a Activity,
        place: &Jurisdiction,
    ) -> Option<(&'a str, Option<&'a Jurisdiction>)> {
        activity
            .legal_basis_by
            .iter()
            .filter(|(j, _)| j.covers(place))
            .max_by_key(|(j, _)| specificity(j))
            .map(|(j, b)| (b.as_str(), Some(j)))
            .or_else(|| activity.legal_basis.as_deref().map(|b| (b, None)))
    }

    /// The module-specific table `[modules.<id>]`, if present.
    pub fn module_options(&self, id: &str) -> Option<&serde_json::Value> {
        self.modules.get(id)
    }

    /// The table `[modules.<id>]` read as a module's own options type, `None`
    /// when absent; the error says what is wrong with a malformed table.
    pub fn module_table<T: serde::de::DeserializeOwned>(&self, id: &str) -> Result<Option<T>, String> {
        self.modules.get(id).map(|value| T::deserialize(value).map_err(|e| e.to_string())).transpose()
    }
}

/// How narrowly a jurisdiction names a place: subdivisions beat countries beat
/// groups beat `*`.
pub fn specificity(j: &Jurisdiction) -> u8 {
    match j {
        Jurisdiction::Everywhere => 0,
        Jurisdiction::Group(_) => 1,
        Jurisdiction::Country(_) => 2,
        Jurisdiction::Subdivision(..) => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::IsoDuration;

    #[test]
    fn durations_parse_and_never_overflow() {
        let d = IsoDuration::parse("P1Y2M3W4D").unwrap();
        assert_eq!((d.months(), d.max_days()), (14, 366 + 62 + 25));
        // Durations are bounded at 1000 years so arithmetic on them never saturates.
        assert_eq!(IsoDuration::parse("P1000Y").unwrap().months(), 12_000);
        for bad in ["", "P", "6Y", "P6", "PY", "P1D1Y", "P1.5Y", "PT1H", "P1001Y", "P357913942Y", "P99999999999Y"] {
            assert!(IsoDuration::parse(bad).is_err(), "{bad}");
        }
    }
}
