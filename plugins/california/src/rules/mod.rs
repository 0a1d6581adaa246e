//! The module's rules, one per file. Each file declares a `static RULE` with its
//! citation, severity, dates in force, documentation, and the two manifests
//! that test it.

use juris_core::{CheckContext, Rule};

use crate::applicability::assess;
use crate::options::Options;

mod admt_notice_opt_out;
mod authorized_agents;
mod choice_symmetry;
mod cybersecurity_audit;
mod data_broker_registration;
mod do_not_sell_link;
mod financial_incentive_notice;
mod gpc_not_honored;
mod minor_sale_opt_in;
mod observed_ad_trackers;
mod observed_gpc_ignored;
mod opt_out_friction;
mod privacy_policy_stale;
mod request_methods;
mod retention_undisclosed;
mod risk_assessment;
mod sale_or_sharing_undeclared;
pub mod sensitive_limit_link;
mod service_provider_contract;
mod shine_the_light;
mod thresholds_not_met;

/// Every rule of the module, in the order `juris rules` lists them.
pub static ALL: &[&Rule] = &[
    &thresholds_not_met::RULE,
    &do_not_sell_link::RULE,
    &sale_or_sharing_undeclared::RULE,
    &gpc_not_honored::RULE,
    &observed_ad_trackers::RULE,
    &observed_gpc_ignored::RULE,
    &opt_out_friction::RULE,
    &authorized_agents::RULE,
    &choice_symmetry::RULE,
    &sensitive_limit_link::RULE,
    &minor_sale_opt_in::RULE,
    &retention_undisclosed::RULE,
    &privacy_policy_stale::RULE,
    &request_methods::RULE,
    &service_provider_contract::RULE,
    &admt_notice_opt_out::RULE,
    &risk_assessment::RULE,
    &cybersecurity_audit::RULE,
    &financial_incentive_notice::RULE,
    &shine_the_light::RULE,
    &data_broker_registration::RULE,
];

/// Whether the CCPA applies, decided once per check for every rule.
struct Assessed(crate::applicability::Applicability);

/// The module's options and whether the CCPA applies, for the rules that need it.
pub(crate) fn ccpa(ctx: &CheckContext) -> Option<Options> {
    let assessed = ctx.memo(|ctx| Assessed(assess(&ctx.manifest, ctx.options::<Options>(), ctx.as_of)));
    assessed.0.applies().then(|| ctx.options::<Options>().clone())
}
