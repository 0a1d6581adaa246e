//! The California regional module (first slice in progress).

pub mod rules;

use juris_core::module::{EventContext, Plan};
use juris_core::{CheckContext, Finding, ModuleInfo, RegionalModule};

/// The module id; every rule id starts with it.
pub const ID: &str = "california";

/// The California module.
#[derive(Default)]
pub struct California;

impl RegionalModule for California {
    fn describe(&self) -> ModuleInfo {
        ModuleInfo {
            id: ID.to_string(),
            name: "California".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            jurisdictions: vec!["US-CA".parse().expect("US-CA is a subdivision")],
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

juris_core::export_module!(California, "california");
