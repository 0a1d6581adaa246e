//! The California regional module: the CCPA as amended by the CPRA and its
//! regulations (11 CCR §7000 ff.), Shine the Light (Civ. Code §1798.83), the
//! breach-notice law (Civ. Code §1798.82, as amended by SB 446) and the Delete
//! Act (Civ. Code §1798.99.80 ff.).
//!
//! Rules live one per file under [`rules`]; deadlines are computed in
//! [`deadlines`] on the calendars of [`calendars`]; whether the CCPA applies at
//! all is decided in [`applicability`], whether data is sold or shared in
//! [`selling`], what is sensitive in [`sensitive`]; the module's own manifest table
//! `[modules.california]` is read in [`options`].

#![deny(unsafe_code)]

pub mod applicability;
pub mod calendars;
pub mod deadlines;
pub mod notice;
pub mod options;
pub mod resolve;
pub mod rules;
pub mod selling;
pub mod sensitive;

use juris_core::jiff::civil::{Date, date};
use juris_core::module::{EventContext, Plan};
use juris_core::{Jurisdiction, Law, Resolution, ResolveContext, Rule};

/// The module id; every rule id starts with it.
pub const ID: &str = <California as juris_core::Module>::ID;

/// The date the module's reading of the law is current to.
pub const CURRENT_TO: Date = date(2026, 12, 1);

/// The California module.
#[derive(Default)]
pub struct California;

impl juris_core::Module for California {
    const ID: &'static str = "california";
    const NAME: &'static str = "California";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    type Options = options::Options;

    fn jurisdictions(&self) -> Vec<Jurisdiction> {
        vec![us_ca()]
    }

    fn laws(&self) -> Vec<Law> {
        [
            "California Consumer Privacy Act of 2018 (Civ. Code §1798.100 ff.), as amended by the California Privacy Rights Act of 2020",
            "CCPA Regulations (Cal. Code Regs. tit. 11, §7000 ff.), as amended with effect from 2026-01-01",
            "Shine the Light (Civ. Code §1798.83)",
            "Data breach notification (Civ. Code §1798.82), as amended by SB 446 (2025)",
            "Delete Act (Civ. Code §1798.99.80 ff.; SB 362, 2023, as amended by SB 361, 2025)",
            "California holidays (Gov. Code §§6700, 6701, 19853) and business days (Fin. Code §31033)",
        ]
        .into_iter()
        .map(|name| Law::new(name, CURRENT_TO))
        .collect()
    }

    fn rules(&self) -> &'static [&'static Rule] {
        rules::ALL
    }

    fn calendars(&self) -> Option<&juris_core::calendar::Calendars> {
        Some(&calendars::CALENDARS)
    }

    /// The disclosures a privacy notice must make under this module's law, as
    /// data (`juris notice check`; format in docs/notice.md).
    fn notice_items(&self) -> Option<&'static str> {
        Some(include_str!("../notice/items.toml"))
    }

    /// Which notice items apply to the organisation, and why not ([`notice`]).
    fn notice_applicability(
        &self,
        manifest: &juris_core::Manifest,
        options: &options::Options,
        as_of: Date,
        items: &mut juris_core::module::NoticeItems,
    ) {
        notice::applicability(manifest, options, as_of, items);
    }

    fn obligations(&self, ctx: &EventContext, options: &options::Options) -> Plan {
        deadlines::plan(ctx, options)
    }

    fn resolve(&self, ctx: &ResolveContext, options: &options::Options) -> Resolution {
        resolve::resolve(ctx, options)
    }
}

/// California, `US-CA`.
pub fn us_ca() -> Jurisdiction {
    "US-CA".parse().expect("US-CA is a known subdivision")
}

/// Whether the law of this module governs a person in `place`: California, or
/// a place within it.
pub fn governs(place: &Jurisdiction) -> bool {
    us_ca().covers(place)
}

/// Whether a set of places (a market such as `*`, `US` or `US-CA`, or the
/// places an incident affects) includes California.
pub fn touches(place: &Jurisdiction) -> bool {
    place.overlaps(&us_ca())
}

juris_core::export_module!(California);
