//! The EEA/UK regional module: the GDPR, the UK GDPR with the Data Protection
//! Act 2018 and the Data (Use and Access) Act 2025, the ePrivacy Directive and
//! PECR.
//!
//! Rules live one per file under [`rules`]; deadlines are computed in
//! [`deadlines`] on the calendars of [`calendars`].

pub mod calendars;
pub mod deadlines;
pub mod rules;

use juris_core::jiff::civil::date;
use juris_core::module::{EventContext, Plan};
use juris_core::{CheckContext, Finding, Jurisdiction, Law, ModuleInfo, RegionalModule};

/// The module id; every rule id starts with it.
pub const ID: &str = "eea-uk";

/// The EEA/UK module.
#[derive(Default)]
pub struct EeaUk;

impl RegionalModule for EeaUk {
    fn describe(&self) -> ModuleInfo {
        ModuleInfo {
            id: ID.to_string(),
            name: "EEA and United Kingdom".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            jurisdictions: vec!["EEA".parse().expect("EEA is a group"), "GB".parse().expect("GB is a country")],
            laws: vec![
                Law { name: "Regulation (EU) 2016/679 (GDPR)".into(), current_to: date(2026, 11, 29) },
                Law {
                    name: "UK GDPR and Data Protection Act 2018, as amended by the Data (Use and Access) Act 2025"
                        .into(),
                    current_to: date(2026, 11, 29),
                },
                Law { name: "Directive 2002/58/EC (ePrivacy), Art. 5(3)".into(), current_to: date(2026, 11, 29) },
                Law {
                    name: "Privacy and Electronic Communications (EC Directive) Regulations 2003 (PECR)".into(),
                    current_to: date(2026, 11, 29),
                },
                Law {
                    name: "Regulation (EEC, Euratom) No 1182/71 (periods, dates and time limits)".into(),
                    current_to: date(2026, 11, 29),
                },
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
}

/// Whether a jurisdiction is one this module's law governs: an EEA country or
/// the United Kingdom (or a subdivision of one).
pub fn governs(place: &Jurisdiction) -> bool {
    match place.country() {
        Some(c) => c.is_eea() || c.code() == "GB",
        None => matches!(place, Jurisdiction::Group(_)),
    }
}

/// Whether a set of places (a market entry such as `*`, `EEA`, `FR`) includes
/// any place this module's law governs.
pub fn touches(place: &Jurisdiction) -> bool {
    governs(place) || matches!(place, Jurisdiction::Everywhere)
}

juris_core::export_module!(EeaUk, "eea-uk");
