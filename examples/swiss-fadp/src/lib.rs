//! A third-party juris module for Switzerland: the revised Federal Act on Data
//! Protection of 25 September 2020 (FADP, German nDSG/DSG, SR 235.1) and the
//! Data Protection Ordinance of 31 August 2022 (DPO, German DSV, SR 235.11),
//! both in force since 2023-09-01.
//!
//! It is written as an outside author writes a module: its own crate, depending
//! on `juris-core` only and using nothing but its public API. The pieces:
//!
//! - [`rules`]: one rule per file, each with its citation, dates in force,
//!   documentation and a failing and a passing manifest;
//! - [`adequacy`]: the Federal Council's list of countries with adequate data
//!   protection (DPO Annex 1) as dated data;
//! - [`calendars`] and [`deadlines`]: the 30-day access deadline and the
//!   breach notification;
//! - [`options`]: the type of the module's own manifest table, `[modules.ch]`
//!   (juris-core parses it and reports a malformed one).
//!
//! The last line exports the module as a plugin with
//! [`juris_core::export_module!`].

#![deny(unsafe_code)]

pub mod adequacy;
pub mod calendars;
pub mod deadlines;
pub mod options;
pub mod rules;

use juris_core::jiff::civil::{Date, date};
use juris_core::module::{EventContext, Plan};
use juris_core::{Jurisdiction, Law, Manifest, Rule};

/// The module id; every rule id starts with it.
pub const ID: &str = <Switzerland as juris_core::Module>::ID;

/// The day the revised FADP and the DPO came into force.
pub const FADP_IN_FORCE: Date = date(2023, 9, 1);

/// The date the module's reading of the law is current to: the latest
/// amendment of DPO Annex 1 it encodes (the United States, from 2024-09-15).
pub const CURRENT_TO: Date = date(2024, 9, 15);

/// The Swiss module.
#[derive(Default)]
pub struct Switzerland;

impl juris_core::Module for Switzerland {
    const ID: &'static str = "ch";
    const NAME: &'static str = "Switzerland (revised FADP)";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    type Options = options::Options;

    fn jurisdictions(&self) -> Vec<Jurisdiction> {
        vec![ch()]
    }

    fn laws(&self) -> Vec<Law> {
        vec![
            Law::new(
                "Federal Act on Data Protection of 25 September 2020 (FADP/nDSG, SR 235.1), in force 2023-09-01",
                CURRENT_TO,
            ),
            Law::new(
                "Data Protection Ordinance of 31 August 2022 (DPO/DSV, SR 235.11), Annex 1 as amended with effect from 2024-09-15",
                CURRENT_TO,
            ),
        ]
    }

    fn rules(&self) -> &'static [&'static Rule] {
        rules::ALL
    }

    fn calendars(&self) -> Option<&juris_core::calendar::Calendars> {
        Some(&calendars::CALENDARS)
    }

    fn obligations(&self, ctx: &EventContext, _: &options::Options) -> Plan {
        deadlines::plan(ctx)
    }
}

/// Switzerland, `CH`.
pub fn ch() -> Jurisdiction {
    "CH".parse().expect("CH is an ISO 3166-1 code")
}

/// Whether Swiss law governs a person in `place`.
pub fn governs(place: &Jurisdiction) -> bool {
    ch().covers(place)
}

/// Whether the organisation processes data of persons in Switzerland: it is
/// established there, or Switzerland is one of its markets (FADP Art. 3: the
/// Act applies to processing that has effects in Switzerland).
pub fn in_scope(m: &Manifest) -> bool {
    established_in_switzerland(m) || m.targets(&ch())
}

/// Whether the organisation, or one of its contracting entities, is
/// established in Switzerland.
pub fn established_in_switzerland(m: &Manifest) -> bool {
    let ch = ch();
    m.organization.established.iter().any(|j| ch.covers(j)) || m.entities.iter().any(|e| ch.covers(&e.country))
}

juris_core::export_module!(Switzerland);
