//! The Brazil regional module (first slice in progress).

pub mod rules;

use juris_core::module::{EventContext, Plan};
use juris_core::{CheckContext, Finding, ModuleInfo, RegionalModule};

/// The module id; every rule id starts with it.
pub const ID: &str = "brazil";

/// The Brazil module.
#[derive(Default)]
pub struct Brazil;

impl RegionalModule for Brazil {
    fn describe(&self) -> ModuleInfo {
        ModuleInfo {
            id: ID.to_string(),
            name: "Brazil".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            jurisdictions: vec!["BR".parse().expect("BR is a country")],
            laws: vec![],
            rules: rules::ALL.iter().map(|r| r.meta()).collect(),
            core_version: juris_core::CORE_VERSION.to_string(),
        }
    }

    fn check(&self, ctx: &CheckContext) -> Vec<Finding> {
        juris_core::rule::run(rules::ALL, ctx)
    }

    fn obligations(&self, _ctx: &EventContext) -> Plan {
        Plan::default()
    }
}

juris_core::export_module!(Brazil, "brazil");
