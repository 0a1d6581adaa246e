//! juris-notice: read a published privacy notice and decide, per regional
//! module, which disclosures the law requires it to make and which it misses,
//! and whether it agrees with the organisation's manifest.
//!
//! The manifest says what an organisation does; the notice is what it tells
//! people. Both must hold, and they must agree. This crate reads the notice:
//!
//! 1. [`Notice::parse`] reads Markdown, HTML (the main content of a saved
//!    page, without menus, scripts or cookie banners) or plain text into
//!    blocks and sections, each piece of text keeping the line of the file it
//!    came from, so that every result points at the file as given.
//! 2. [`evaluate`] decides, for each module's [`ItemsFile`] (the module's
//!    required disclosures and their recognisers, as data), which items the
//!    general text or the module's own regional section discloses.
//! 3. [`consistency`] checks the notice against a [`juris_core::Manifest`].
//!
//! Everything is linear in the size of the notice; nothing here touches the
//! file system, in keeping with juris-core's rule that libraries compute on
//! the text they are given.

#![deny(unsafe_code)]

pub mod consistency;
mod countries;
mod dates;
mod eval;
mod html;
pub mod items;
mod markdown;
pub mod notice;
mod plain;
mod text;

pub use consistency::{ConsistencyRule, NoticeFinding, RULES as CONSISTENCY_RULES, consistency};
pub use dates::{DateFound, last_updated};
pub use eval::{Applicability, ItemResult, ModuleItems, ModuleReport, QUOTE_MAX, SectionRef, Status, evaluate};
pub use items::{DistinctScope, ItemsError, ItemsFile, WithScope};
pub use notice::{Block, BlockKind, Format, Notice, Section};

use juris_core::jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// What `juris notice check` reports: the JSON shape of `--format json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeReport {
    /// The notice's name as given (a path, or `-`).
    pub notice: String,
    /// One report per module, in the order given.
    pub modules: Vec<ModuleReport>,
    /// Consistency findings (empty without a manifest).
    pub consistency: Vec<NoticeFinding>,
}

/// Reads, evaluates and (with a manifest) checks a notice in one call.
pub fn check(
    name: &str,
    text: &str,
    modules: &[ModuleItems],
    manifest: Option<&juris_core::Manifest>,
    as_of: Date,
) -> NoticeReport {
    let notice = Notice::parse(text, Format::detect(name, text));
    NoticeReport {
        notice: name.to_string(),
        modules: evaluate(&notice, modules, as_of),
        consistency: manifest.map(|m| consistency(&notice, m, as_of)).unwrap_or_default(),
    }
}
