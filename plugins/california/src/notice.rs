//! Which items of the privacy policy (`notice/items.toml`, `juris notice
//! check`) the CCPA requires of the organisation the manifest describes,
//! judged with the module's own models: whether it is a business
//! ([`applicability::assess`]), whether it sells or shares ([`selling`], as
//! [`applicability::sales`] filters it), and what is sensitive ([`sensitive`]).

use juris_core::Manifest;
use juris_core::jiff::civil::Date;
use juris_core::manifest::{Recipient, RecipientRole};
use juris_core::module::NoticeItems;

use crate::applicability::{self, Applicability};
use crate::deadlines::{CCPA_OPERATIVE, CPRA_OPERATIVE};
use crate::options::Options;
use crate::{selling, sensitive};

/// The item ids of `notice/items.toml`, in its order.
pub const ITEMS: &[&str] = &[
    "categories-collected",
    "sources",
    "purposes",
    "categories-disclosed",
    "categories-sold-shared",
    "third-party-categories",
    "right-know",
    "right-delete",
    "right-correct",
    "right-opt-out",
    "right-limit",
    "non-discrimination",
    "request-methods",
    "verification",
    "authorized-agent",
    "minors-under-16",
    "retention",
    "last-updated",
];

/// Records the items that do not apply to the organisation on `on`, and why.
pub fn applicability(m: &Manifest, options: &Options, on: Date, items: &mut NoticeItems) {
    if let Some(why) = out_of_scope(m, options, on) {
        for id in ITEMS {
            items.set(id, false, why.clone());
        }
        return;
    }
    let found = applicability::sales(m, options, on);
    if found.is_empty() {
        items.set(
            "right-opt-out",
            false,
            "the business neither sells nor shares personal information, as its recipients, their purposes and its cookies show (Civ. Code §§1798.120, 1798.135 apply only to a business that does)",
        );
    }

    if on < CPRA_OPERATIVE {
        items.set(
            "right-limit",
            false,
            format!("the right to limit the use of sensitive personal information exists from {CPRA_OPERATIVE} (Civ. Code §1798.121, added by the CPRA)"),
        );
    } else if !limit_applies(m, options, on, &found) {
        items.set(
            "right-limit",
            false,
            "no sensitive personal information is sold, shared or used beyond the purposes of 11 CCR §7027(m) (Civ. Code §1798.121(a), (d))",
        );
    }

    if found.is_empty() {
        items.set(
            "minors-under-16",
            false,
            "the business neither sells nor shares personal information (Civ. Code §1798.120(c) applies only to the sale or sharing of minors' information)",
        );
    } else if !knows_minors(m, options) {
        items.set(
            "minors-under-16",
            false,
            "the business has no actual knowledge that it sells or shares the personal information of consumers under 16 (Civ. Code §1798.120(c))",
        );
    }

    if found.is_empty() && !discloses_to_third_parties(m, options) {
        items.set(
            "third-party-categories",
            false,
            "no personal information is disclosed to a third party: every recipient is a service provider or contractor under a contract (Civ. Code §1798.140(ai); 11 CCR §7011(e)(1)(E), (I))",
        );
    }
}

/// Why the CCPA does not bind the organisation on `on`, or `None` when it does.
fn out_of_scope(m: &Manifest, options: &Options, on: Date) -> Option<String> {
    if on < CCPA_OPERATIVE {
        return Some(format!("the CCPA is operative from {CCPA_OPERATIVE} (Civ. Code §1798.198(a))"));
    }
    match applicability::assess(m, options, on) {
        Applicability::NotInCalifornia => {
            Some("the organisation does not do business in California (CCPA §1798.140(d))".to_string())
        }
        Applicability::NotABusiness(reasons) | Applicability::NotMet(reasons) => Some(format!(
            "the organisation is not a \"business\" under the CCPA: {} (§1798.140(d))",
            reasons.join("; ")
        )),
        Applicability::Business(_) | Applicability::Unknown(_) => None,
    }
}

/// Whether a covered activity's sensitive personal information is sold or
/// shared, or used beyond §7027(m) (as `california/sensitive-limit-link` reads it).
fn limit_applies(m: &Manifest, options: &Options, on: Date, found: &[selling::SaleOrSharing]) -> bool {
    let selling = selling::SellingActivities::of(found, m.activities.len());
    applicability::covered_activities(m, options).any(|(i, a)| {
        !sensitive::sensitive_categories(m, options, a, on).is_empty()
            && (selling.contains(i) || !sensitive::uses_beyond(a).is_empty())
    })
}

/// Whether the business knows (or wilfully disregards) that some consumers
/// are under 16: `organization.children.actual_knowledge`,
/// `[modules.california.minors] actual_knowledge_under_16`, or children's data
/// (`user.childrens`) in an activity the CCPA covers.
fn knows_minors(m: &Manifest, options: &Options) -> bool {
    m.organization.children.as_ref().is_some_and(|c| c.actual_knowledge)
        || options.minors.as_ref().is_some_and(|k| k.actual_knowledge_under_16)
        || applicability::covered_activities(m, options)
            .any(|(_, a)| a.data_categories.iter().any(|c| c.is_within("user.childrens")))
}

/// Whether a recipient is a third party: neither a service provider nor a
/// contractor, which are so only under a contract (§1798.140(ag)(1), (j)(1)).
fn third_party(r: &Recipient) -> bool {
    match r.role {
        RecipientRole::ThirdParty | RecipientRole::Controller => true,
        RecipientRole::ServiceProvider | RecipientRole::Contractor | RecipientRole::Processor => {
            !r.contract && r.contract_terms.is_empty()
        }
    }
}

/// Whether an activity the CCPA covers, or a cookie, discloses personal
/// information to a third party.
fn discloses_to_third_parties(m: &Manifest, options: &Options) -> bool {
    let activities = applicability::covered_activities(m, options)
        .any(|(_, a)| a.recipients.iter().filter_map(|id| m.recipient(id)).any(third_party));
    activities || m.cookies.iter().any(|c| c.recipients.iter().filter_map(|id| m.recipient(id)).any(third_party))
}
