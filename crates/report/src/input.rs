//! The plain data the report is made from besides the manifest.
//!
//! These are deliberately not the host's types: the CLI (or any other caller,
//! e.g. a CI job that kept `juris check --format json` output) fills them from
//! whatever it has, and this crate needs to know nothing about plugins.

use juris_core::Severity;
use juris_core::jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One finding of `juris check`, as the report shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFinding {
    /// The rule id, e.g. `eea-uk/dpo-missing`.
    pub rule: String,
    /// The module that reported it (`eea-uk`, `juris` for the host's rules).
    pub module: String,
    /// How serious it is, after `juris.toml`'s rule levels.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The law the rule cites, e.g. `GDPR Art. 37(1)`.
    #[serde(default)]
    pub citation: String,
    /// The manifest path the finding is about (`systems[2].locations[0]`).
    /// The data map marks the flows to a system or recipient whose path this is under.
    #[serde(default)]
    pub path: Option<String>,
    /// The 1-based line in the manifest, when located.
    #[serde(default)]
    pub line: Option<usize>,
    /// The rule's documentation, in Markdown; embedded once per rule.
    #[serde(default)]
    pub docs: Option<String>,
    /// Whether a `[[waivers]]` entry accepts it.
    #[serde(default)]
    pub waived: bool,
}

/// What one module encodes: shown so that a reader knows which law the
/// findings were measured against, and how current its reading is.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ModuleCoverage {
    /// The module id, e.g. `brazil`.
    pub id: String,
    /// The module's version.
    pub version: String,
    /// The laws it encodes, each with the date its reading is current to.
    pub laws: Vec<juris_core::Law>,
}

/// A duty coming due, as `juris dsr plan` or `juris incident plan` compute
/// them; plain text so that any plan (or a hand-kept list) can be shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueDuty {
    /// The module that computed it.
    pub module: String,
    /// What must be done (`respond`, `notify-authority`, …).
    pub action: String,
    /// By when: a date, or an instant with its offset.
    pub due: String,
    /// The day it falls due, for sorting and for marking overdue duties.
    pub due_date: Option<Date>,
    /// The law that sets it.
    pub citation: String,
    /// How the date was computed and what conditions apply.
    #[serde(default)]
    pub note: String,
}

impl From<&juris_core::Obligation> for DueDuty {
    fn from(o: &juris_core::Obligation) -> Self {
        DueDuty {
            module: o.module.clone(),
            action: o.action.clone(),
            due: o.due.to_string(),
            due_date: Some(o.due.date()),
            citation: o.citation.clone(),
            note: o.note.clone(),
        }
    }
}
