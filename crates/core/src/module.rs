//! The [`RegionalModule`] trait and the values it exchanges with the host.
//!
//! These types are the wire format of the plugin protocol: the host sends them
//! to a plugin as JSON and reads them back, so every field here is part of the
//! promise juris-core makes to module authors. Fields are only ever added, with
//! defaults, so that a module built against an older minor version still loads.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::jurisdiction::Jurisdiction;
use crate::manifest::Manifest;
use crate::rule::{RuleMeta, Severity};
use crate::time::Instant;

/// A regional rule module: one regime's law, as code.
///
/// Implement this, then export it with [`export_module!`](crate::export_module).
pub trait RegionalModule: Send + Sync + 'static {
    /// Who the module is: id, version, jurisdictions, the laws it encodes (with
    /// the date they are current to) and its rules.
    fn describe(&self) -> ModuleInfo;

    /// [`describe`](Self::describe) without what only documentation needs:
    /// every rule's `docs` is empty and `options` is `None` (ABI 1.4). The
    /// host asks for this when it will not show rule pages (`juris check`
    /// other than as SARIF), since the pages are most of a description and
    /// building, encoding and decoding them was about a quarter of checking
    /// the example.
    fn describe_brief(&self) -> ModuleInfo {
        self.describe().without_pages()
    }

    /// Static compliance of a manifest as of a date.
    fn check(&self, ctx: &CheckContext) -> Vec<Finding>;

    /// The dated duties an event triggers.
    fn obligations(&self, ctx: &EventContext) -> Plan;

    /// What the module's law says about a person in a jurisdiction: where their
    /// data must be stored, which consent mode applies, and so on.
    fn resolve(&self, ctx: &ResolveContext) -> Resolution {
        let _ = ctx;
        Resolution::default()
    }

    /// What the module requires a published privacy notice to disclose, and
    /// which of those items apply to the organisation (ABI 1.3). `None`: the
    /// module reads no notices.
    fn notice_items(&self, request: &NoticeRequest) -> Option<NoticeItems> {
        let _ = request;
        None
    }

    /// The holiday calendars the module counts deadlines on (ABI 1.2).
    fn calendars(&self) -> Vec<crate::calendar::CalendarInfo> {
        Vec::new()
    }

    /// One year of the calendar of a place, or of the calendar named (ABI 1.2).
    fn calendar(&self, request: &crate::calendar::CalendarRequest) -> Option<crate::calendar::CalendarYear> {
        let _ = request;
        None
    }
}

/// What a module is.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ModuleInfo {
    /// Short id, e.g. `eea-uk`; rule ids start with it.
    pub id: String,
    /// Human-readable name.
    pub name: String,
    /// The module's own version.
    pub version: String,
    /// The jurisdictions whose law the module encodes.
    pub jurisdictions: Vec<Jurisdiction>,
    /// The laws encoded, each with the date it is current to.
    pub laws: Vec<Law>,
    /// Every rule the module has.
    pub rules: Vec<RuleMeta>,
    /// The juris-core version the module was built against.
    #[serde(default)]
    pub core_version: String,
    /// The JSON Schema of the module's `[modules.<id>]` table, when it
    /// declares one (modules built on [`Module`](crate::Module) do).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<serde_json::Value>,
}

impl ModuleInfo {
    /// This description as [`RegionalModule::describe_brief`] gives it: every
    /// rule's page emptied and no options schema.
    pub fn without_pages(mut self) -> ModuleInfo {
        self.options = None;
        self.rules.iter_mut().for_each(|rule| rule.docs.clear());
        self
    }
}

/// A law a module encodes.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Law {
    /// Its name, e.g. "Regulation (EU) 2016/679 (GDPR)".
    pub name: String,
    /// The date the module's reading of it is current to.
    #[schemars(with = "String")]
    pub current_to: Date,
}

impl Law {
    /// A law, current to a date.
    pub fn new(name: impl Into<String>, current_to: Date) -> Law {
        Law { name: name.into(), current_to }
    }
}

/// The input of [`RegionalModule::check`]. Build one with [`CheckContext::new`].
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CheckContext {
    /// The manifest.
    pub manifest: Manifest,
    /// The date the law is evaluated at.
    pub as_of: Date,
    /// What a scan of the organisation's website observed (`juris check
    /// --evidence`, the file `juris scan` writes), when given. A compatible
    /// field within ABI 1.3: a module built before it ignores it, and it is
    /// left out of the encoding when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<crate::evidence::Evidence>,
    /// The module's options, parsed once (see [`CheckContext::options`]).
    #[serde(skip)]
    pub(crate) cache: crate::declare::OptionsCache,
}

/// A result of a check: a rule that a manifest breaks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule's id.
    pub rule: String,
    /// How serious.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The manifest path of the offending value, or of the table where something
    /// missing belongs.
    pub path: String,
    /// How to fix it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

/// The kinds of data-subject request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RequestKind {
    /// Access to one's data (GDPR Art. 15; CCPA right to know; LGPD Art. 18 II; 152-FZ Art. 14).
    Access,
    /// Correction of inaccurate data.
    Rectification,
    /// Deletion.
    Erasure,
    /// Restriction (blocking) of processing.
    Restriction,
    /// Receiving one's data in a portable format.
    Portability,
    /// Objection to processing.
    Objection,
    /// Opting out of the sale or sharing of personal information (CCPA).
    OptOutOfSale,
    /// Limiting the use of sensitive personal information (CCPA).
    LimitSensitive,
    /// Withdrawal of consent.
    WithdrawConsent,
    /// Review of a decision based solely on automated processing.
    AutomatedDecisionReview,
    /// What was disclosed to third parties for their direct marketing
    /// (California's "Shine the Light", Civ. Code §1798.83).
    ShineTheLight,
}

impl RequestKind {
    /// Every kind, in a stable order.
    pub const ALL: [RequestKind; 11] = [
        RequestKind::Access,
        RequestKind::Rectification,
        RequestKind::Erasure,
        RequestKind::Restriction,
        RequestKind::Portability,
        RequestKind::Objection,
        RequestKind::OptOutOfSale,
        RequestKind::LimitSensitive,
        RequestKind::WithdrawConsent,
        RequestKind::AutomatedDecisionReview,
        RequestKind::ShineTheLight,
    ];

    /// The kebab-case name used on the command line and in manifests.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestKind::Access => "access",
            RequestKind::Rectification => "rectification",
            RequestKind::Erasure => "erasure",
            RequestKind::Restriction => "restriction",
            RequestKind::Portability => "portability",
            RequestKind::Objection => "objection",
            RequestKind::OptOutOfSale => "opt-out-of-sale",
            RequestKind::LimitSensitive => "limit-sensitive",
            RequestKind::WithdrawConsent => "withdraw-consent",
            RequestKind::AutomatedDecisionReview => "automated-decision-review",
            RequestKind::ShineTheLight => "shine-the-light",
        }
    }
}

impl fmt::Display for RequestKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RequestKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RequestKind::ALL.into_iter().find(|k| k.as_str() == s).ok_or_else(|| {
            let names: Vec<_> = RequestKind::ALL.iter().map(|k| k.as_str()).collect();
            let word = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
            let suggestion = REQUEST_WORDS
                .iter()
                .find(|(w, _)| *w == word)
                .map(|(_, k)| k.as_str())
                .or_else(|| crate::suggest::closest(&word, names.iter().copied(), 3));
            let hint = suggestion.map(|k| format!("did you mean `{k}`? ")).unwrap_or_default();
            format!("unknown request kind `{s}`; {hint}expected one of: {}", names.join(", "))
        })
    }
}

/// Everyday words for request kinds, and the kind each means.
const REQUEST_WORDS: &[(&str, RequestKind)] = &[
    ("delete", RequestKind::Erasure),
    ("deletion", RequestKind::Erasure),
    ("erase", RequestKind::Erasure),
    ("forget", RequestKind::Erasure),
    ("right-to-be-forgotten", RequestKind::Erasure),
    ("correct", RequestKind::Rectification),
    ("correction", RequestKind::Rectification),
    ("rectify", RequestKind::Rectification),
    ("know", RequestKind::Access),
    ("right-to-know", RequestKind::Access),
    ("copy", RequestKind::Access),
    ("dsar", RequestKind::Access),
    ("sar", RequestKind::Access),
    ("opt-out", RequestKind::OptOutOfSale),
    ("do-not-sell", RequestKind::OptOutOfSale),
    ("do-not-share", RequestKind::OptOutOfSale),
    ("opt-out-of-sharing", RequestKind::OptOutOfSale),
    ("limit", RequestKind::LimitSensitive),
    ("restrict", RequestKind::Restriction),
    ("block", RequestKind::Restriction),
    ("object", RequestKind::Objection),
    ("port", RequestKind::Portability),
    ("export", RequestKind::Portability),
    ("withdraw", RequestKind::WithdrawConsent),
    ("revoke-consent", RequestKind::WithdrawConsent),
    ("automated-decision", RequestKind::AutomatedDecisionReview),
    ("human-review", RequestKind::AutomatedDecisionReview),
];

/// A data-subject request received.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RightsRequest {
    /// Where the requester is.
    pub jurisdiction: Jurisdiction,
    /// What they asked for.
    pub request: RequestKind,
    /// The day the request was received.
    pub received: Date,
    /// UK: the day identity information or a fee asked for was received, when
    /// later than `received` (UK GDPR Art. 12A "relevant time").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relevant_time: Option<Date>,
    /// Days the clock was stopped while waiting for clarification the controller
    /// asked for (UK GDPR Art. 12A stop-the-clock).
    #[serde(default)]
    pub paused_days: u32,
    /// A calendar id to count on instead of the one the module would choose
    /// (`juris dsr plan --calendar`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
}

/// A personal-data security incident discovered.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Incident {
    /// The jurisdictions whose people are affected.
    pub jurisdictions: Vec<Jurisdiction>,
    /// When the organisation became aware of it.
    pub discovered: Instant,
    /// How many people are affected, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affected: Option<u64>,
}

/// Something that happened and triggers duties.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum Event {
    /// A data-subject request.
    Request(RightsRequest),
    /// A security incident.
    Incident(Incident),
}

/// The input of [`RegionalModule::obligations`].
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct EventContext {
    /// What happened.
    pub event: Event,
    /// The organisation's manifest, when one was given (some duties depend on
    /// it, e.g. a small processing agent's doubled deadlines in Brazil).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manifest: Option<Manifest>,
}

/// A due date: a day for periods counted in days or months, an instant for
/// periods counted in hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// By the end of this day.
    Date(Date),
    /// By this instant.
    Instant(Instant),
    /// At once: the same day as the event ("immediately").
    Immediately(Date),
}

impl Due {
    /// The calendar day the duty falls due on.
    pub fn date(&self) -> Date {
        match self {
            Due::Date(d) | Due::Immediately(d) => *d,
            Due::Instant(i) => i.local_date(),
        }
    }

    /// How far past due the duty is at `now`, or `None` when it is not: whole
    /// days past the due day for a day, the exact time past the instant for
    /// an instant.
    pub fn overdue_at(&self, now: &Instant) -> Option<jiff::SignedDuration> {
        match self {
            Due::Date(d) | Due::Immediately(d) => {
                let today = now.local_date();
                (today > *d).then(|| jiff::SignedDuration::from_hours(24 * i64::from((today - *d).get_days())))
            }
            Due::Instant(i) => (now.timestamp > i.timestamp).then(|| now.timestamp.duration_since(i.timestamp)),
        }
    }

    fn sort_key(&self) -> (Date, u8, i64) {
        match self {
            // "Immediately" comes before anything else due that day, and an
            // instant before the end of its day.
            Due::Immediately(d) => (*d, 0, 0),
            Due::Instant(i) => (i.local_date(), 1, i.timestamp.as_second()),
            Due::Date(d) => (*d, 2, 0),
        }
    }
}

impl PartialOrd for Due {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Dues are ordered by when they fall due: by day, and within a day
/// "immediately" first, then instants in time order, then "by the end of the
/// day".
impl Ord for Due {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl fmt::Display for Due {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Due::Date(d) | Due::Immediately(d) => write!(f, "{d}"),
            Due::Instant(i) => write!(f, "{i}"),
        }
    }
}

impl Serialize for Due {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Due {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        if s.len() == 10 {
            return s.parse().map(Due::Date).map_err(serde::de::Error::custom);
        }
        s.parse().map(Due::Instant).map_err(serde::de::Error::custom)
    }
}

/// A dated duty.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Obligation {
    /// The module that computed it.
    pub module: String,
    /// What must be done: `acknowledge`, `respond`, `notify-authority`,
    /// `notify-individuals`, `report-investigation`, …
    pub action: String,
    /// By when.
    pub due: Due,
    /// By when, at the latest, if the deadline is extended as the law allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_due: Option<Due>,
    /// The law that sets the duty.
    pub citation: String,
    /// How the date was computed, and conditions that apply.
    pub note: String,
    /// Anything that makes the date less certain, e.g. a date outside the years
    /// the holiday calendar covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Plan {
    /// Puts the obligations in the order they fall due (stable: duties due at
    /// the same time keep the module's order).
    pub fn sort(&mut self) {
        self.obligations.sort_by_key(|o| o.due);
    }
}

impl Obligation {
    /// A duty of `module`: `action` by `due`, set by `citation`, counted as
    /// `note` says.
    pub fn new(module: &str, action: &str, due: Due, citation: impl Into<String>, note: impl Into<String>) -> Self {
        Obligation {
            module: module.to_string(),
            action: action.to_string(),
            due,
            extended_due: None,
            citation: citation.into(),
            note: note.into(),
            warnings: Vec::new(),
        }
    }

    /// The latest date the law allows the duty to be extended to.
    pub fn extended_to(mut self, due: Due) -> Self {
        self.extended_due = Some(due);
        self
    }

    /// Takes in what counting a date said about it: its warnings (each once)
    /// and its notes on projected years, which are added to the note.
    pub fn counted<T>(self, counted: &crate::time::Counted<T>) -> Self {
        let mut out = self.warn(counted.warnings.iter().cloned());
        for note in &counted.notes {
            if !out.note.contains(note.as_str()) {
                out.note.push_str(&format!(" ({note})"));
            }
        }
        out
    }

    /// Adds warnings, each once.
    pub fn warn(mut self, warnings: impl IntoIterator<Item = String>) -> Self {
        for warning in warnings {
            if !self.warnings.contains(&warning) {
                self.warnings.push(warning);
            }
        }
        self
    }
}

/// The output of [`RegionalModule::obligations`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Plan {
    /// The duties, in the order they fall due.
    pub obligations: Vec<Obligation>,
    /// Things to know that are not duties with dates (e.g. "this request kind
    /// is not a right under this law").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// The input of [`RegionalModule::resolve`].
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ResolveContext {
    /// The manifest.
    pub manifest: Manifest,
    /// Where the person is.
    pub jurisdiction: Jurisdiction,
    /// The date the law is evaluated at.
    pub as_of: Date,
}

/// The request for a module's notice items (ABI 1.3).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct NoticeRequest {
    /// The organisation's manifest, when one is given: items are judged to
    /// apply or not from it. Without one, every item applies.
    #[serde(default)]
    pub manifest: Option<Manifest>,
    /// The date the law is evaluated at.
    pub as_of: Date,
}

/// A module's required notice disclosures (ABI 1.3).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct NoticeItems {
    /// The module's items file: TOML in the format of docs/notice.md, the
    /// recognisers of every required disclosure, shipped as data.
    pub items: String,
    /// Per item id, whether it applies to this organisation and why; an item
    /// not listed applies.
    #[serde(default)]
    pub applicability: std::collections::BTreeMap<String, ItemApplicability>,
}

/// Whether one notice item applies, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemApplicability {
    /// Whether the item must be disclosed.
    pub applies: bool,
    /// Why, in words (shown when it does not apply).
    pub reason: String,
}

impl NoticeItems {
    /// Records whether `id` applies, and why.
    pub fn set(&mut self, id: &str, applies: bool, reason: impl Into<String>) -> &mut NoticeItems {
        self.applicability.insert(id.to_string(), ItemApplicability { applies, reason: reason.into() });
        self
    }
}

/// What one module says about a person in a jurisdiction.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Resolution {
    /// Statements, one per topic.
    pub statements: Vec<Statement>,
}

/// What a statement of a resolution is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Topic {
    /// Which law protects the person.
    Law,
    /// Whether, and why, the law applies to the organisation.
    Applicability,
    /// Which module answers (and, for modules with several regimes, which one).
    Module,
    /// The entity the person contracts with: the controller to name.
    Entity,
    /// Where the person's data must or may be stored.
    Storage,
    /// Where it may go abroad, and on what terms.
    Transfers,
    /// How consent to non-essential processing must be asked for.
    Consent,
    /// Opt-out preference signals (Global Privacy Control).
    Gpc,
    /// Children's data: ages of consent, parental consent.
    Children,
    /// Contacts the law requires: DPO, representative, responsible person.
    Contacts,
    /// Brazil's encarregado.
    Encarregado,
    /// Registrations and notifications with an authority.
    Registration,
    /// Brazil's small processing agents.
    SmallAgent,
}

impl Topic {
    /// The topic as it appears in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Law => "law",
            Topic::Applicability => "applicability",
            Topic::Module => "module",
            Topic::Entity => "entity",
            Topic::Storage => "storage",
            Topic::Transfers => "transfers",
            Topic::Consent => "consent",
            Topic::Gpc => "gpc",
            Topic::Children => "children",
            Topic::Contacts => "contacts",
            Topic::Encarregado => "encarregado",
            Topic::Registration => "registration",
            Topic::SmallAgent => "small-agent",
        }
    }
}

/// One statement of a resolution.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Statement {
    /// What it is about: `storage`, `consent`, `transfers`, `contacts`, …
    /// (see [`Topic`]).
    pub topic: String,
    /// What the law requires, applied to the manifest.
    pub text: String,
    /// The law that says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
}

impl Statement {
    /// A statement with a citation.
    pub fn new(topic: Topic, text: impl Into<String>, citation: &str) -> Self {
        Statement { topic: topic.as_str().to_string(), text: text.into(), citation: Some(citation.to_string()) }
    }
}
