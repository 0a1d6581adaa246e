//! Which items of the privacy notice (`notice/items.toml`, `juris notice
//! check`) the GDPR and the UK GDPR require of the organisation the manifest
//! describes, judged with the module's one scope model, [`applicability`].
//!
//! An item applies when it applies under either regime that reaches the
//! organisation on the as-of date. Items that depend on what the activities
//! do (bases, sources, transfers, automated decisions) are judged on the
//! activities the law reaches; when it reaches none, the manifest says
//! nothing about them and they apply.

use juris_core::jiff::civil::Date;
use juris_core::manifest::{Activity, ContactRole, DataSource};
use juris_core::module::NoticeItems;
use juris_core::taxonomy::is_within;
use juris_core::{Jurisdiction, Manifest};

use crate::applicability::{self, Ground};
use crate::data::Regime;
use crate::options::Options;
use crate::rules::dpo_missing::{self, BDSG_38_THRESHOLDS};

/// The item ids of `notice/items.toml`, in its order.
pub const ITEMS: &[&str] = &[
    "controller-identity",
    "controller-contact",
    "dpo-contact",
    "representative",
    "purposes",
    "legal-basis",
    "legitimate-interests",
    "recipients",
    "transfers",
    "transfer-safeguards",
    "retention",
    "right-access",
    "right-rectification",
    "right-erasure",
    "right-restriction",
    "right-objection",
    "right-portability",
    "withdraw-consent",
    "complaint-authority",
    "statutory-requirement",
    "automated-decisions",
    "sources",
    "categories",
];

/// Records the items that do not apply to the organisation on `on`, and why.
pub fn applicability(m: &Manifest, options: &Options, on: Date, items: &mut NoticeItems) {
    let regimes = applicability::org_regimes(m, on);
    if regimes.is_empty() || on < applicability::GDPR_FROM {
        let why = if on < applicability::GDPR_FROM {
            format!("the GDPR applies only from {} (GDPR Art. 99(2))", applicability::GDPR_FROM)
        } else {
            "the organisation is neither established in the EEA or the UK nor offers goods or services to, or monitors, people there (GDPR Art. 3; UK GDPR Art. 3)".to_string()
        };
        for id in ITEMS {
            items.set(id, false, why.clone());
        }
        return;
    }

    if let Some(why) = no_representative(m, options, &regimes, on) {
        items.set("representative", false, why);
    }
    if !dpo_designated(m, &regimes) && !dpo_required(m, options, &regimes, on) {
        items.set(
            "dpo-contact",
            false,
            "no data protection officer is designated and none is required: not a public body, no large-scale monitoring or special-category processing (GDPR Art. 13(1)(b) applies only where there is a DPO; Art. 37(1))",
        );
    }

    let activities: Vec<&Activity> =
        m.activities.iter().filter(|a| !applicability::activity_regimes(m, a, on).is_empty()).collect();
    if activities.is_empty() {
        return;
    }
    let bases: Vec<&str> = activities.iter().flat_map(|a| crate::bases(m, a, on).uses).map(|u| u.basis).collect();
    let relies = |names: &[&str]| bases.iter().any(|b| names.contains(b));
    let explicit_consent =
        activities.iter().any(|a| a.special_category_condition.as_deref() == Some("explicit_consent"));

    if !relies(&["legitimate_interests"]) {
        items.set(
            "legitimate-interests",
            false,
            "no activity relies on legitimate interests (GDPR Art. 13(1)(d) applies only then)",
        );
    }
    if !relies(&["consent"]) && !explicit_consent {
        items.set(
            "withdraw-consent",
            false,
            "no activity relies on consent or explicit consent (GDPR Art. 13(2)(c) applies only to processing based on Art. 6(1)(a) or 9(2)(a))",
        );
    }
    if !relies(&["consent", "contract"]) && !explicit_consent {
        items.set(
            "right-portability",
            false,
            "no activity relies on consent or a contract (GDPR Art. 20(1): the right to data portability exists only for processing based on Art. 6(1)(a), 9(2)(a) or 6(1)(b))",
        );
    }
    let marketing = activities.iter().any(|a| a.uses.iter().any(|u| is_within(u.as_str(), "marketing")));
    if !relies(&["legitimate_interests", "public_task", "recognised_legitimate_interest"]) && !marketing {
        items.set(
            "right-objection",
            false,
            "no activity relies on legitimate interests or a public task, and none is for direct marketing (GDPR Art. 21(1)-(2): the right to object exists only then)",
        );
    }
    if !transfers_out(m, on) {
        let why = "no personal data of the activities in scope goes outside the EEA or the UK: own systems are located, and recipients are, inside them (GDPR Art. 13(1)(f), Art. 14(1)(f) apply only to transfers to a third country)";
        items.set("transfers", false, why);
        items.set("transfer-safeguards", false, why);
    }
    let automated = activities
        .iter()
        .any(|a| a.automated_decision.as_ref().is_some_and(|d| d.solely_automated && d.significant_effect));
    if !automated {
        items.set(
            "automated-decisions",
            false,
            "no activity takes decisions solely by automated means with legal or similarly significant effects (GDPR Art. 13(2)(f), Art. 22(1))",
        );
    }
    let elsewhere = activities
        .iter()
        .any(|a| a.collected_from.iter().any(|s| matches!(s, DataSource::ThirdParty | DataSource::Public)));
    if !elsewhere {
        let why = "no activity names a source other than the person (`collected_from` has no `third_party` or `public`): Art. 14 applies only to data not obtained from the data subject";
        items.set("sources", false, format!("{why} (GDPR Art. 14(2)(f))"));
        items.set("categories", false, format!("{why} (GDPR Art. 14(1)(d))"));
    }
    let from_subject =
        activities.iter().any(|a| a.collected_from.is_empty() || a.collected_from.contains(&DataSource::Subject));
    if !from_subject {
        items.set(
            "statutory-requirement",
            false,
            "no activity collects data from the person itself (`collected_from` has no `subject`): GDPR Art. 13(2)(e) applies only to data obtained from the data subject",
        );
    }
}

/// Why no representative is needed under any regime that applies, or `None`
/// when one is (Art. 27(1)-(2)).
fn no_representative(m: &Manifest, options: &Options, regimes: &[Regime], on: Date) -> Option<String> {
    let targeting: Vec<Regime> = regimes
        .iter()
        .copied()
        .filter(|r| matches!(applicability::ground(m, *r, on), Some(Ground::Targeting(_))))
        .filter(|r| !(*r == Regime::Uk && options.uk_representative_required == Some(false)))
        .collect();
    if targeting.is_empty() {
        let established: Vec<&str> =
            regimes.iter().filter(|r| applicability::established(m, **r, on)).map(|r| r.name()).collect();
        let mut why = format!(
            "the organisation is established in {} (GDPR Art. 27(1) requires a representative only of a controller not established there that the law reaches through Art. 3(2))",
            established.join(" and ")
        );
        if established.len() < regimes.len() {
            why.push_str("; the UK representative is marked not required (`uk_representative_required = false`)");
        }
        return Some(why);
    }
    if options.public_body(m) {
        return Some("the organisation is a public authority or body (GDPR Art. 27(2)(b))".to_string());
    }
    if options.occasional_processing {
        return Some(
            "the processing is occasional, without large-scale special-category or criminal data, and unlikely to result in a risk (GDPR Art. 27(2)(a))"
                .to_string(),
        );
    }
    None
}

/// Whether a DPO is recorded for a territory whose law applies.
fn dpo_designated(m: &Manifest, regimes: &[Regime]) -> bool {
    m.contacts.iter().filter(|c| c.role == ContactRole::Dpo).any(|c| {
        regimes.iter().any(|r| {
            let area = applicability::area(*r);
            c.for_.iter().any(|f| f.overlaps(&area))
        })
    })
}

/// Whether Art. 37(1) (or BDSG §38(1) under Art. 37(4)) may require a DPO: as
/// `eea-uk/dpo-missing` decides, with an unstated scale read as large.
fn dpo_required(m: &Manifest, options: &Options, regimes: &[Regime], on: Date) -> bool {
    if options.public_body(m) {
        return true;
    }
    let large = options.large_scale != Some(false);
    let core = m
        .activities
        .iter()
        .filter(|a| regimes.iter().any(|r| applicability::activity_in(m, a, *r, on)))
        .any(|a| dpo_missing::monitors(a) || dpo_missing::sensitive(a));
    if core && large {
        return true;
    }
    let in_germany = m
        .organization
        .established
        .iter()
        .chain(m.entities.iter().map(|e| &e.country))
        .any(|p| p.country().is_some_and(|c| c.code() == "DE"));
    let threshold = BDSG_38_THRESHOLDS.iter().rev().find(|(from, _)| *from <= on).map_or(10, |(_, n)| *n);
    regimes.contains(&Regime::Eea)
        && in_germany
        && m.organization.staff_processing_personal_data.unwrap_or(0) >= threshold
}

/// Whether data of people under a regime that applies goes to a country
/// outside it: a location of a system holding it, or a recipient of an
/// activity in scope (as `eea-uk/transfer-without-safeguard` reads them).
fn transfers_out(m: &Manifest, on: Date) -> bool {
    let outside =
        |regime: Regime, place: &Jurisdiction| place.country().is_some_and(|c| !regime.is_inside(c.code(), on));
    let systems = m.systems.iter().any(|s| {
        applicability::system_regimes(m, s, on).into_iter().any(|r| s.locations.iter().any(|l| outside(r, l)))
    });
    systems
        || m.recipients.iter().any(|recipient| {
            applicability::recipient_regimes(m, recipient, on).into_iter().any(|r| outside(r, &recipient.country))
        })
}
