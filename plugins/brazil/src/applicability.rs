//! Whether the LGPD governs an activity or the organisation: the one
//! applicability model every rule and `juris resolve` use.
//!
//! LGPD Art. 3: the law applies to a processing operation, wherever the agent
//! is based and wherever the data is stored, when
//! - I: the processing is carried out in Brazil (an organisation or entity
//!   established there, or a system in Brazil the activity uses);
//! - II: it aims to offer or supply goods or services to people in Brazil, or
//!   processes the data of people located there (the activity's markets);
//! - III: the data was collected in Brazil, that is, the person was in Brazil
//!   when it was collected (§1; a system holding the data of people in BR).
//!
//! LGPD Art. 4 takes out: I, processing by a natural person for purely
//! private, non-economic purposes; II, processing solely for journalistic or
//! artistic purposes, or academic purposes (to which Arts. 7 and 11 still
//! apply); III, processing solely for public safety, national defence, state
//! security or the investigation and prosecution of criminal offences (which
//! a private body may not do, §2); IV, data from abroad that is neither shared
//! with Brazilian processing agents nor transferred to a country other than
//! where it came from, which must give a protection the ANPD recognises as
//! adequate. Exclusions I-III are declared in `[modules.brazil] exemptions`;
//! IV is derived from the activity's facts.

use juris_core::jiff::civil::Date;
use juris_core::manifest::{Activity, System};
use juris_core::{Jurisdiction, Manifest};

use crate::options::{Exemption, Options};

/// Which limb of LGPD Art. 3 brings processing under the law.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ground {
    /// Art. 3 I: processing carried out in Brazil.
    ProcessingInBrazil,
    /// Art. 3 II: offering goods or services to, or processing the data of, people in Brazil.
    OfferingInBrazil,
    /// Art. 3 III and §1: data collected from people who were in Brazil.
    CollectedInBrazil,
}

impl Ground {
    /// The article, for citations.
    pub fn article(self) -> &'static str {
        match self {
            Ground::ProcessingInBrazil => "LGPD Art. 3 I",
            Ground::OfferingInBrazil => "LGPD Art. 3 II",
            Ground::CollectedInBrazil => "LGPD Art. 3 III and §1",
        }
    }
}

/// Why the LGPD applies, in words, with the manifest path of the fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    /// The limb of Art. 3.
    pub ground: Ground,
    /// The fact, in one lowercase phrase.
    pub why: String,
    /// Where the manifest states it.
    pub path: String,
}

/// Why an activity is outside the LGPD (Art. 4), or outside all but its
/// legal-basis rules (academic purposes, Art. 4 II b).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exclusion {
    /// What excludes it.
    pub exemption: Exemption,
    /// Art. 4 II b: Arts. 7 and 11 still apply.
    pub bases_still_apply: bool,
}

/// Whether the organisation is established in Brazil (`organization.established`).
pub fn established_in_brazil(manifest: &Manifest) -> bool {
    manifest.organization.established.iter().any(crate::governs)
}

/// Whether a place names Brazil or part of it (not `*` or a group that merely
/// overlaps it): used for `holds`, where `*` says nothing about Brazilians.
fn names_brazil(place: &Jurisdiction) -> bool {
    crate::governs(place)
}

fn systems_of<'a>(manifest: &'a Manifest, activity: &'a Activity) -> impl Iterator<Item = (usize, &'a System)> {
    activity.systems.iter().filter_map(move |id| manifest.system_index(id).map(|k| (k, &manifest.systems[k])))
}

/// The Art. 3 ground an activity falls under, before the Art. 4 exclusions.
pub fn ground(manifest: &Manifest, index: usize, activity: &Activity) -> Option<Reason> {
    let (ground, why, path) = match fact(manifest, activity)? {
        Fact::Established(k) => (
            Ground::ProcessingInBrazil,
            "the organisation is established in Brazil and processes the data there".to_string(),
            format!("organization.established[{k}]"),
        ),
        Fact::Market { k, own } => (
            Ground::OfferingInBrazil,
            "the activity serves people in Brazil".to_string(),
            if own { format!("activities[{index}].markets[{k}]") } else { format!("organization.markets[{k}]") },
        ),
        Fact::Entity(k) => (
            Ground::ProcessingInBrazil,
            format!("the entity `{}`, established in Brazil, serves the activity's markets", manifest.entities[k].id),
            format!("entities[{k}].country"),
        ),
        Fact::Holds { k, h } => (
            Ground::CollectedInBrazil,
            format!("its system `{}` holds the data of people in Brazil", manifest.systems[k].id),
            format!("systems[{k}].holds[{h}]"),
        ),
        Fact::Located { k, l } => (
            Ground::ProcessingInBrazil,
            format!("its system `{}` is located in Brazil", manifest.systems[k].id),
            format!("systems[{k}].locations[{l}]"),
        ),
    };
    Some(Reason { ground, why, path })
}

/// Whether an activity falls under Art. 3 at all ([`ground`] without
/// wording the reason, for filters over every activity).
pub fn within_reach(manifest: &Manifest, activity: &Activity) -> bool {
    fact(manifest, activity).is_some()
}

/// The first fact that brings an activity under Art. 3, by index.
enum Fact {
    Established(usize),
    Market { k: usize, own: bool },
    Entity(usize),
    Holds { k: usize, h: usize },
    Located { k: usize, l: usize },
}

fn fact(manifest: &Manifest, activity: &Activity) -> Option<Fact> {
    if let Some(k) = manifest.organization.established.iter().position(crate::governs) {
        return Some(Fact::Established(k));
    }
    let br = crate::brazil();
    let markets = manifest.activity_markets(activity);
    if let Some(k) = markets.iter().position(|m| m.overlaps(&br)) {
        return Some(Fact::Market { k, own: !activity.markets.is_empty() });
    }
    if let Some(k) = manifest
        .entities
        .iter()
        .position(|e| crate::governs(&e.country) && e.serves.iter().any(|s| markets.iter().any(|m| m.overlaps(s))))
    {
        return Some(Fact::Entity(k));
    }
    for (k, system) in systems_of(manifest, activity) {
        if let Some(h) = system.holds.iter().position(names_brazil) {
            return Some(Fact::Holds { k, h });
        }
    }
    for (k, system) in systems_of(manifest, activity) {
        if let Some(l) = system.locations.iter().position(crate::governs) {
            return Some(Fact::Located { k, l });
        }
    }
    None
}

/// The Art. 4 exclusion that takes an activity in the LGPD's reach out of it,
/// if any. A declared exemption that the facts contradict does not count
/// (`brazil/scope-exclusion` says why).
pub fn exclusion(manifest: &Manifest, options: &Options, activity: &Activity, as_of: Date) -> Option<Exclusion> {
    if let Some(exemption) = options.exemptions.get(activity.id.as_str()).copied()
        && contradiction(manifest, activity, exemption).is_none()
    {
        return Some(Exclusion { exemption, bases_still_apply: exemption == Exemption::Academic });
    }
    foreign_data_in_transit(manifest, activity, as_of)
        .then_some(Exclusion { exemption: Exemption::ForeignDataInTransit, bases_still_apply: false })
}

/// Why a declared exemption does not hold on the manifest's facts, if it does not.
pub fn contradiction(manifest: &Manifest, activity: &Activity, exemption: Exemption) -> Option<String> {
    let org = &manifest.organization;
    let commercial = activity
        .uses
        .iter()
        .find(|u| ["marketing", "sales", "third_party_sharing"].iter().any(|c| u.is_within(c)))
        .map(|u| u.as_str().to_string());
    match exemption {
        Exemption::Personal if org.for_profit != Some(false) || org.legal_form.is_some() || org.public_body => Some(
            "Art. 4 I covers only a natural person processing for purely private, non-economic purposes, and the manifest describes an organisation (set `for_profit = false` and no `legal_form` for a private individual)"
                .to_string(),
        ),
        Exemption::Journalistic | Exemption::Artistic | Exemption::Personal if commercial.is_some() => Some(format!(
            "Art. 4 {} requires the purpose to be exclusively {} and the activity also has the use `{}`",
            if exemption == Exemption::Personal { "I" } else { "II a" },
            exemption.purpose(),
            commercial.unwrap_or_default()
        )),
        Exemption::PublicSafety
        | Exemption::NationalDefence
        | Exemption::StateSecurity
        | Exemption::CriminalInvestigation
            if !org.public_body =>
        {
            Some(format!(
                "Art. 4 §2 forbids a private body to process data for {} except in procedures under a public-law entity's responsibility, reported to the ANPD; the organisation is not a public body (`organization.public_body`)",
                exemption.purpose()
            ))
        }
        Exemption::ForeignDataInTransit => {
            Some("data from abroad (Art. 4 IV) is judged from the activity's markets, recipients and systems, not declared".to_string())
        }
        _ => None,
    }
}

/// Art. 4 IV: the activity's only link to Brazil is a system located there;
/// its people are elsewhere; nothing goes to a recipient in Brazil or to a
/// country other than where the data comes from; and where it comes from has
/// an ANPD adequacy decision.
fn foreign_data_in_transit(manifest: &Manifest, activity: &Activity, as_of: Date) -> bool {
    let br = crate::brazil();
    let markets = manifest.activity_markets(activity);
    if established_in_brazil(manifest) || markets.is_empty() || markets.iter().any(|m| m.overlaps(&br)) {
        return false;
    }
    let origin_adequate = markets.iter().all(|m| crate::transfers::adequacy_for(m, as_of).is_some());
    let recipients_fit = activity
        .recipients
        .iter()
        .filter_map(|id| manifest.recipient(id))
        .all(|r| !crate::governs(&r.country) && markets.iter().any(|m| m.covers(&r.country)));
    origin_adequate && recipients_fit
}

/// The activities the LGPD governs on `as_of`, with their index. With
/// `bases_rules`, academic activities (Art. 4 II b: Arts. 7 and 11 apply) are
/// included.
pub fn activities<'a>(
    manifest: &'a Manifest,
    options: &'a Options,
    as_of: Date,
    bases_rules: bool,
) -> impl Iterator<Item = (usize, &'a Activity)> + 'a {
    manifest.activities.iter().enumerate().filter(move |(_, a)| {
        within_reach(manifest, a)
            && exclusion(manifest, options, a, as_of).is_none_or(|e| bases_rules && e.bases_still_apply)
    })
}

/// Why the LGPD applies to the organisation as a whole (its duties: the
/// encarregado, the incident register), or `None`. An organisation whose every
/// activity is excluded by Art. 4 has none of them.
pub fn organisation(manifest: &Manifest, options: &Options, as_of: Date) -> Option<Reason> {
    if let Some((i, a)) = activities(manifest, options, as_of, false).next() {
        return ground(manifest, i, a);
    }
    // Some activity is within Art. 3 but every such one is excluded by Art. 4.
    if manifest.activities.iter().any(|a| within_reach(manifest, a)) {
        return None;
    }
    let br = crate::brazil();
    if let Some(k) = manifest.organization.established.iter().position(crate::governs) {
        return Some(Reason {
            ground: Ground::ProcessingInBrazil,
            why: "the organisation is established in Brazil".to_string(),
            path: format!("organization.established[{k}]"),
        });
    }
    if let Some(k) = manifest.organization.markets.iter().position(|m| m.overlaps(&br)) {
        return Some(Reason {
            ground: Ground::OfferingInBrazil,
            why: "the organisation offers goods or services in Brazil".to_string(),
            path: format!("organization.markets[{k}]"),
        });
    }
    if let Some(k) = manifest.entities.iter().position(|e| {
        crate::governs(&e.country) || e.serves.iter().any(|s| !matches!(s, Jurisdiction::Everywhere) && s.overlaps(&br))
    }) {
        return Some(Reason {
            ground: Ground::OfferingInBrazil,
            why: format!("the entity `{}` serves or is established in Brazil", manifest.entities[k].id),
            path: format!("entities[{k}]"),
        });
    }
    for (k, system) in manifest.systems.iter().enumerate() {
        if let Some(h) = system.holds.iter().position(names_brazil) {
            return Some(Reason {
                ground: Ground::CollectedInBrazil,
                why: format!("the system `{}` holds the data of people in Brazil", system.id),
                path: format!("systems[{k}].holds[{h}]"),
            });
        }
        if let Some(l) = system.locations.iter().position(crate::governs) {
            return Some(Reason {
                ground: Ground::ProcessingInBrazil,
                why: format!("the system `{}` is located in Brazil", system.id),
                path: format!("systems[{k}].locations[{l}]"),
            });
        }
    }
    None
}
