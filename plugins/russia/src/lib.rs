//! The Russia regional module: Federal Law No. 152-FZ of 27.07.2006 "On
//! Personal Data" with its amendments through 2025 (261-FZ, 242-FZ, 266-FZ,
//! 23-FZ, 156-FZ), read as of 2026-12-01, and the production calendars its
//! working-day deadlines are counted on. Who the law reaches is decided once,
//! in [`law::scope`].
//!
//! Rules live one per file under [`rules`]; deadlines are computed in
//! [`deadlines`] on the calendar of [`calendars`]; `juris resolve` is answered
//! by [`resolve`]; the module's manifest table `[modules.russia]` is read by
//! [`options`]; facts the rules share are in [`law`].

#![deny(unsafe_code)]

pub mod calendars;
pub mod deadlines;
pub mod law;
pub mod notice;
pub mod options;
pub mod resolve;
pub mod rules;

use juris_core::jiff::civil::{Date, date};
use juris_core::module::{EventContext, Plan};
use juris_core::{Jurisdiction, Law, Resolution, ResolveContext, Rule};

/// The module id; every rule id starts with it.
pub const ID: &str = <Russia as juris_core::Module>::ID;

/// The date the module's reading of the law is current to.
pub const CURRENT_TO: Date = date(2026, 12, 1);

/// The Russia module.
#[derive(Default)]
pub struct Russia;

impl juris_core::Module for Russia {
    const ID: &'static str = "russia";
    const NAME: &'static str = "Russia";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    type Options = options::Options;

    fn jurisdictions(&self) -> Vec<Jurisdiction> {
        vec![law::RU.clone()]
    }

    fn laws(&self) -> Vec<Law> {
        [
            "Federal Law No. 152-FZ of 27.07.2006 \"On Personal Data\" (in force 2007-01-26), as amended by 261-FZ of 25.07.2011, 242-FZ of 21.07.2014, 266-FZ of 14.07.2022, 233-FZ of 08.08.2024, 23-FZ of 28.02.2025 and 156-FZ of 24.06.2025",
            "Code of Administrative Offences (KoAP RF) Art. 13.11, as amended by 420-FZ of 30.11.2024 (from 2025-05-30)",
            "Labour Code Art. 112; Government Decrees No. 1335 of 04.10.2024 and No. 1466 of 24.09.2025 on the transfer of days off in 2025 and 2026",
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

    fn obligations(&self, ctx: &EventContext, _: &options::Options) -> Plan {
        deadlines::plan(ctx)
    }

    fn resolve(&self, ctx: &ResolveContext, options: &options::Options) -> Resolution {
        resolve::resolve(ctx, options)
    }
}

juris_core::export_module!(Russia);
