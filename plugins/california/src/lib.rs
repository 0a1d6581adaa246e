//! The California regional module: the CCPA as amended by the CPRA and its
//! regulations (11 CCR §7000 ff.), Shine the Light (Civ. Code §1798.83), the
//! breach-notice law (Civ. Code §1798.82, as amended by SB 446) and the Delete
//! Act (Civ. Code §1798.99.80 ff.).
//!
//! Rules live one per file under [`rules`]; deadlines are computed in
//! [`deadlines`] on the calendars of [`calendars`]; whether the CCPA applies at
//! all is decided in [`applicability`]; the module's own manifest table
//! `[modules.california]` is read in [`options`].

#![deny(unsafe_code)]

pub mod applicability;
pub mod calendars;
pub mod deadlines;
pub mod options;
pub mod resolve;
pub mod rules;

use juris_core::jiff::civil::date;
use juris_core::module::{EventContext, Plan};
use juris_core::{CheckContext, Finding, Jurisdiction, Law, ModuleInfo, RegionalModule, Resolution, ResolveContext};

/// The module id; every rule id starts with it.
pub const ID: &str = "california";

/// The California module.
#[derive(Default)]
pub struct California;

impl RegionalModule for California {
    fn describe(&self) -> ModuleInfo {
        let current_to = date(2026, 11, 29);
        let law = |name: &str| Law { name: name.to_string(), current_to };
        ModuleInfo {
            id: ID.to_string(),
            name: "California".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            jurisdictions: vec![us_ca()],
            laws: vec![
                law(
                    "California Consumer Privacy Act of 2018 (Civ. Code §1798.100 ff.), as amended by the California Privacy Rights Act of 2020",
                ),
                law("CCPA Regulations (Cal. Code Regs. tit. 11, §7000 ff.), as amended with effect from 2026-01-01"),
                law("Shine the Light (Civ. Code §1798.83)"),
                law("Data breach notification (Civ. Code §1798.82), as amended by SB 446 (2025)"),
                law("Delete Act (Civ. Code §1798.99.80 ff.; SB 362, 2023, as amended by SB 361, 2025)"),
                law("California holidays (Gov. Code §§6700, 6701, 19853) and business days (Fin. Code §31033)"),
            ],
            rules: rules::ALL.iter().map(|r| r.meta()).collect(),
            core_version: juris_core::CORE_VERSION.to_string(),
        }
    }

    fn check(&self, ctx: &CheckContext) -> Vec<Finding> {
        juris_core::rule::run(rules::ALL, ctx)
    }

    fn obligations(&self, ctx: &EventContext) -> Plan {
        deadlines::plan(ctx)
    }

    fn resolve(&self, ctx: &ResolveContext) -> Resolution {
        resolve::resolve(ctx)
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

juris_core::export_module!(California, "california");
