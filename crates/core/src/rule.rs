//! Rules: their metadata, and the runner that applies them as of a date.
//!
//! A module declares each rule as a `static` [`Rule`] in a file of its own,
//! with its documentation beside its code (as ruff does). The runner evaluates
//! only the rules in force on the as-of date and stamps each violation with the
//! rule's id and severity, so modules never build a [`Finding`] by hand.

use std::fmt;

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::module::{CheckContext, Finding};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational.
    Note,
    /// Should be looked at; does not fail `juris check`.
    Warning,
    /// A breach of the law as encoded; fails `juris check` (exit code 1).
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// The days a rule, or an entry of dated data (an adequacy decision, a
/// threshold), is in force: from its first day to its last, both included;
/// `None` for no bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InForce {
    /// The first day.
    pub from: Option<Date>,
    /// The last day, if it was repealed or replaced.
    pub until: Option<Date>,
}

impl InForce {
    /// In force from `from`, with no end.
    pub const fn from(from: Date) -> InForce {
        InForce { from: Some(from), until: None }
    }

    /// In force from `from` to `until`, both included.
    pub const fn between(from: Date, until: Date) -> InForce {
        InForce { from: Some(from), until: Some(until) }
    }

    /// Whether it is in force on `date`.
    pub fn on(&self, date: Date) -> bool {
        self.from.is_none_or(|from| from <= date) && self.until.is_none_or(|until| date <= until)
    }
}

/// A rule, as a module declares it.
pub struct Rule {
    /// `<module>/<kebab-name>`.
    pub id: &'static str,
    /// A short title.
    pub title: &'static str,
    /// The law, article and paragraph the rule encodes.
    pub citation: &'static str,
    /// The default severity.
    pub severity: Severity,
    /// The days the rule's law applies.
    pub in_force: InForce,
    /// Markdown documentation with the sections `## What it does`,
    /// `## Why`, `## Example` and `## How to fix`.
    pub docs: &'static str,
    /// The check: every violation in the manifest.
    pub check: fn(&CheckContext) -> Vec<Violation>,
    /// A complete manifest that breaks the rule (its test, run by
    /// [`testing::assert_rules`](crate::testing::assert_rules)).
    pub fails: &'static str,
    /// A complete manifest that keeps it.
    pub passes: &'static str,
}

/// One place where a manifest breaks a rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// The manifest path (see [`Finding::path`]).
    pub path: String,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// A severity other than the rule's default, where the law's reading is
    /// uncertain (e.g. an UNVERIFIED fact encoded conservatively).
    pub severity: Option<Severity>,
}

impl Violation {
    /// A violation at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Violation { path: path.into(), message: message.into(), help: None, severity: None }
    }

    /// Adds a fix hint.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Overrides the rule's default severity for this violation.
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }
}

impl Rule {
    /// Whether the rule's law applies on `date`.
    pub fn in_force_on(&self, date: Date) -> bool {
        self.in_force.on(date)
    }

    /// The serializable metadata.
    pub fn meta(&self) -> RuleMeta {
        RuleMeta { docs: self.docs.to_string(), ..self.meta_brief() }
    }

    /// The metadata without the page, for a brief description.
    pub fn meta_brief(&self) -> RuleMeta {
        RuleMeta {
            id: self.id.to_string(),
            title: self.title.to_string(),
            citation: self.citation.to_string(),
            severity: self.severity,
            in_force_from: self.in_force.from,
            in_force_until: self.in_force.until,
            docs: String::new(),
        }
    }
}

/// Rule metadata as it crosses the plugin boundary and appears in `juris rules`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RuleMeta {
    /// `<module>/<kebab-name>`.
    pub id: String,
    /// A short title.
    pub title: String,
    /// The law, article and paragraph.
    pub citation: String,
    /// The default severity.
    pub severity: Severity,
    /// The first day the rule applies.
    #[schemars(with = "Option<String>")]
    pub in_force_from: Option<Date>,
    /// The last day it applies.
    #[schemars(with = "Option<String>")]
    pub in_force_until: Option<Date>,
    /// Markdown documentation.
    pub docs: String,
}

/// Runs every rule in force on `ctx.as_of` and returns the findings.
pub fn run(rules: &[&Rule], ctx: &CheckContext) -> Vec<Finding> {
    rules
        .iter()
        .filter(|rule| rule.in_force_on(ctx.as_of))
        .flat_map(|rule| {
            (rule.check)(ctx).into_iter().map(|v| Finding {
                rule: rule.id.to_string(),
                severity: v.severity.unwrap_or(rule.severity),
                message: v.message,
                path: v.path,
                help: v.help,
            })
        })
        .collect()
}

/// The documentation sections every rule page must have, in order.
pub const DOC_SECTIONS: [&str; 4] = ["## What it does", "## Why", "## Example", "## How to fix"];

/// Problems with a rule's metadata: an id outside the module's namespace or not
/// kebab-case, an empty citation, or documentation missing a section.
pub fn lint(module_id: &str, rule: &Rule) -> Vec<String> {
    let mut problems = Vec::new();
    match rule.id.split_once('/') {
        Some((module, name))
            if module == module_id
                && !name.is_empty()
                && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') => {}
        _ => problems.push(format!("rule id `{}` is not `{module_id}/<kebab-name>`", rule.id)),
    }
    if rule.citation.trim().is_empty() {
        problems.push(format!("{}: no citation", rule.id));
    }
    if rule.title.trim().is_empty() {
        problems.push(format!("{}: no title", rule.id));
    }
    let mut last = 0;
    for section in DOC_SECTIONS {
        match rule.docs.find(section) {
            Some(at) if at >= last => last = at,
            Some(_) => problems.push(format!("{}: docs section `{section}` is out of order", rule.id)),
            None => problems.push(format!("{}: docs lack the section `{section}`", rule.id)),
        }
    }
    if let (Some(from), Some(until)) = (rule.in_force.from, rule.in_force.until)
        && from > until
    {
        problems.push(format!("{}: in force from {from} until {until}", rule.id));
    }
    problems
}
