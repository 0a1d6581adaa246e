//! The Russia regional module: Federal Law No. 152-FZ of 27.07.2006 "On
//! Personal Data" with its 2022-2025 amendments (266-FZ, 23-FZ, 156-FZ), and the
//! production calendars its working-day deadlines are counted on.
//!
//! Rules live one per file under [`rules`]; deadlines are computed in
//! [`deadlines`] on the calendar of [`calendars`]; `juris resolve` is answered
//! by [`resolve`]; the module's manifest table `[modules.russia]` is read by
//! [`options`]; facts the rules share are in [`law`].

#![deny(unsafe_code)]

pub mod calendars;
pub mod deadlines;
pub mod law;
pub mod options;
pub mod resolve;
pub mod rules;

use juris_core::jiff::civil::date;
use juris_core::module::{EventContext, Plan};
use juris_core::{CheckContext, Finding, Law, ModuleInfo, RegionalModule, Resolution, ResolveContext};

/// The module id; every rule id starts with it.
pub const ID: &str = "russia";

/// The Russia module.
#[derive(Default)]
pub struct Russia;

impl RegionalModule for Russia {
    fn describe(&self) -> ModuleInfo {
        // The fact sheet's newest sources date from about March 2026.
        let current_to = date(2026, 3, 31);
        ModuleInfo {
            id: ID.to_string(),
            name: "Russia".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            jurisdictions: vec![law::RU.clone()],
            laws: vec![
                Law {
                    name: "Federal Law No. 152-FZ of 27.07.2006 \"On Personal Data\", as amended by 266-FZ of 14.07.2022, 23-FZ of 28.02.2025 and 156-FZ of 24.06.2025".into(),
                    current_to,
                },
                Law { name: "Code of Administrative Offences (KoAP) Art. 13.11, as amended by 420-FZ of 30.11.2024".into(), current_to },
                Law {
                    name: "Labour Code Art. 112; Government Decrees No. 1335 of 04.10.2024 and No. 1466 of 24.09.2025 on the transfer of days off in 2025 and 2026".into(),
                    current_to,
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

    fn resolve(&self, ctx: &ResolveContext) -> Resolution {
        resolve::resolve(ctx)
    }
}

juris_core::export_module!(Russia, "russia");
