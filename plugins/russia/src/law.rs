//! Facts of 152-FZ the rules share: where Russia is, the Art. 6(1) grounds,
//! the special categories of Art. 10 and the biometrics of Art. 11, the
//! adequate countries of Art. 12(2), and where RU people's data goes.

use std::sync::LazyLock;

use juris_core::jiff::civil::{Date, date};
use juris_core::manifest::{Activity, System};
use juris_core::{Jurisdiction, Manifest};

use crate::options::Options;

/// Russia.
pub static RU: LazyLock<Jurisdiction> = LazyLock::new(|| "RU".parse().expect("RU is an ISO 3166-1 code"));

/// 266-FZ of 14.07.2022, main part in force: new request deadlines, incident
/// notices, narrower Art. 22 exemptions.
pub const FZ266_MAIN: Date = date(2022, 9, 1);
/// 266-FZ cross-border part in force (Art. 12 notices).
pub const FZ266_CROSS_BORDER: Date = date(2023, 3, 1);
/// 23-FZ of 28.02.2025: the prohibition wording of Art. 18(5).
pub const FZ23_LOCALIZATION: Date = date(2025, 7, 1);
/// 156-FZ of 24.06.2025: consent as a separate document.
pub const FZ156_CONSENT: Date = date(2025, 9, 1);
/// 242-FZ of 21.07.2014: the localisation duty of Art. 18(5).
pub const FZ242_LOCALIZATION: Date = date(2015, 9, 1);
/// 420-FZ of 30.11.2024: the leak fines of KoAP Art. 13.11(11)-(18) and the new
/// bands of Art. 13.11(1), (1.1), (2) and (10).
pub const FZ420_FINES: Date = date(2025, 5, 30);

/// Whether `place` is Russia or a part of it.
pub fn in_russia(place: &Jurisdiction) -> bool {
    place.country().is_some_and(|c| c.code() == "RU")
}

/// Whether a set of places (`RU`, `*`) includes Russia.
pub fn touches(place: &Jurisdiction) -> bool {
    place.overlaps(&RU)
}

/// Whether a system holds the data of people in Russia.
pub fn holds_ru(system: &System) -> bool {
    system.holds.iter().any(touches)
}

/// Whether every location of a system is in Russia (and it has one).
pub fn located_in_russia(system: &System) -> bool {
    !system.locations.is_empty() && system.locations.iter().all(in_russia)
}

/// Whether 152-FZ reaches the organisation: its markets include Russia, an
/// activity names Russia among its own `markets`, or it is established in
/// Russia (an operator there processes under 152-FZ whatever its markets).
pub fn applies(manifest: &Manifest) -> bool {
    manifest.targets(&RU)
        || manifest.organization.established.iter().any(in_russia)
        || manifest.activities.iter().any(|a| a.markets.iter().any(touches))
}

/// The activities that touch Russia, with their index: those whose markets
/// (their own, else the organisation's) include Russia. An activity with its
/// own `markets` that leave Russia out does not touch it, even when the
/// organisation's do; one that names Russia does, even when they do not.
pub fn ru_activities(manifest: &Manifest) -> impl Iterator<Item = (usize, &Activity)> {
    manifest.activities.iter().enumerate().filter(move |(_, a)| manifest.activity_touches(a, &RU))
}

/// The grounds for processing of 152-FZ Art. 6(1), as `legal_basis` names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ground {
    /// Item 1: consent.
    Consent,
    /// Item 2: an international treaty or a law; duties imposed by law.
    LegalObligation,
    /// Item 3: participation in court proceedings.
    LegalProceedings,
    /// Item 3.1: execution of a court act or enforcement proceedings.
    Enforcement,
    /// Item 4: state or municipal functions and services.
    PublicTask,
    /// Item 5: a contract with the subject, or concluding one at their initiative.
    Contract,
    /// Item 6: vital interests when consent is impossible.
    VitalInterests,
    /// Item 7: legitimate interests of the operator or third parties.
    LegitimateInterests,
    /// Item 8: journalism, mass media, science, literature or other creative work.
    Journalism,
    /// Item 9: statistics or research, with mandatory depersonalisation.
    Research,
    /// Item 9.1: the AI experimental legal regime.
    AiExperimentalRegime,
    /// Item 11: publication or disclosure required by federal law.
    MandatoryPublication,
}

impl Ground {
    /// The `legal_basis` names accepted for Russia.
    pub const NAMES: &'static [&'static str] = &[
        "consent",
        "legal_obligation",
        "legal_proceedings",
        "enforcement_proceedings",
        "public_task",
        "contract",
        "vital_interests",
        "legitimate_interests",
        "journalism",
        "research",
        "ai_experimental_regime",
        "mandatory_publication",
    ];

    /// Parses a `legal_basis` value.
    pub fn parse(name: &str) -> Option<Ground> {
        Some(match name {
            "consent" => Ground::Consent,
            "legal_obligation" => Ground::LegalObligation,
            "legal_proceedings" => Ground::LegalProceedings,
            "enforcement_proceedings" => Ground::Enforcement,
            "public_task" => Ground::PublicTask,
            "contract" => Ground::Contract,
            "vital_interests" => Ground::VitalInterests,
            "legitimate_interests" => Ground::LegitimateInterests,
            "journalism" => Ground::Journalism,
            "research" => Ground::Research,
            "ai_experimental_regime" => Ground::AiExperimentalRegime,
            "mandatory_publication" => Ground::MandatoryPublication,
            _ => return None,
        })
    }

    /// Whether Art. 18(5) exempts processing on this ground from localisation
    /// (Art. 6(1) items 2, 3, 4 and 8).
    pub fn exempt_from_localization(self) -> bool {
        matches!(self, Ground::LegalObligation | Ground::LegalProceedings | Ground::PublicTask | Ground::Journalism)
    }
}

/// The ground an activity names for Russia, with the manifest path of the value.
pub fn ground(manifest: &Manifest, index: usize, activity: &Activity) -> Option<(Option<Ground>, String, String)> {
    manifest
        .legal_basis_for(activity, &RU)
        .map(|(name, key)| (Ground::parse(name), name.to_string(), format!("activities[{index}].{key}")))
}

/// Special categories of Art. 10(1): race, nationality, political views,
/// religious or philosophical beliefs, health, intimate life; with criminal
/// records (Art. 10(3)).
pub const SPECIAL_CATEGORIES: &[&str] = &[
    "user.demographic.race_ethnicity",
    "user.demographic.political_opinion",
    "user.demographic.religious_belief",
    "user.demographic.sexual_orientation",
    "user.health_and_medical",
    "user.biometric.health",
    "user.criminal_history",
];

/// Biometric data of Art. 11.
pub const BIOMETRIC_CATEGORIES: &[&str] = &["user.biometric", "user.authorization.biometric"];

/// The first data category of an activity within one of `prefixes`.
pub fn first_within<'a>(activity: &'a Activity, prefixes: &[&str]) -> Option<&'a str> {
    activity.data_categories.iter().find(|c| prefixes.iter().any(|p| c.is_within(p))).map(|c| c.as_str())
}

/// Countries taken as ensuring adequate protection (Art. 12(2)): the parties to
/// Council of Europe Convention 108 (the Council's 46 member states and the
/// non-member parties listed), plus the non-parties the fact sheet names from
/// RKN Order No. 128 of 05.08.2022 (KG, CN, IN, CI, TH). The Order's full list
/// (about 34 states) was not retrieved; `[modules.russia] adequate_countries`
/// adds to this list.
pub const ADEQUATE: &[&str] = &[
    // Council of Europe member states, all parties to Convention 108.
    "AD", "AL", "AM", "AT", "AZ", "BA", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GE",
    "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MD", "ME", "MK", "MT", "NL", "NO", "PL", "PT",
    "RO", "RS", "SE", "SI", "SK", "SM", "TR", "UA", // Non-member parties to Convention 108.
    "AR", "CV", "MA", "MU", "MX", "SN", "TN", "UY", // RKN Order No. 128 (those named in the fact sheet).
    "CI", "CN", "IN", "KG", "TH",
];

/// Whether a destination ensures adequate protection. Groups: the EEA and the
/// EU consist of Council of Europe members. `*` is not adequate.
pub fn adequate(place: &Jurisdiction, options: &Options) -> bool {
    if options.adequate_countries.iter().any(|a| a.covers(place)) {
        return true;
    }
    match place {
        Jurisdiction::Everywhere => false,
        Jurisdiction::Group(_) => true,
        _ => place.country().is_some_and(|c| ADEQUATE.contains(&c.code())),
    }
}

/// Whether a cross-border notice covering `place` was filed.
pub fn notice_filed(manifest: &Manifest, place: &Jurisdiction) -> bool {
    manifest.filings.rkn_cross_border_notice.iter().any(|n| n.covers(place))
}

/// A place outside Russia that RU people's data goes to.
#[derive(Clone, Debug)]
pub struct Destination {
    /// Where.
    pub place: Jurisdiction,
    /// The manifest path of the value naming it.
    pub path: String,
    /// What sends it there, e.g. "recipient `payments`".
    pub via: String,
}

/// Every place outside Russia that RU people's data is stored in or disclosed
/// to: locations of systems holding it, and recipients of activities touching
/// Russia. Empty when 152-FZ does not reach the organisation ([`applies`]).
pub fn destinations(manifest: &Manifest) -> Vec<Destination> {
    let mut out = Vec::new();
    if !applies(manifest) {
        return out;
    }
    for (k, system) in manifest.systems.iter().enumerate() {
        if !holds_ru(system) {
            continue;
        }
        for (j, place) in system.locations.iter().enumerate() {
            if !in_russia(place) {
                out.push(Destination {
                    place: place.clone(),
                    path: format!("systems[{k}].locations[{j}]"),
                    via: format!("system `{}`", system.id),
                });
            }
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    for (_, activity) in ru_activities(manifest) {
        for id in &activity.recipients {
            if seen.contains(&id.as_str()) {
                continue;
            }
            seen.push(id);
            let Some(k) = manifest.recipients.iter().position(|r| &r.id == id) else { continue };
            let recipient = &manifest.recipients[k];
            if !in_russia(&recipient.country) {
                out.push(Destination {
                    place: recipient.country.clone(),
                    path: format!("recipients[{k}].country"),
                    via: format!("recipient `{}`", recipient.id),
                });
            }
        }
    }
    out
}

/// How a system stands under Art. 18(5).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Localization {
    /// Every location is in Russia.
    InRussia,
    /// Abroad, but a copy of the Russian primary named.
    ReplicaOf(String),
    /// Abroad, naming a primary that is not a Russian system holding RU data.
    BadPrimary(String),
    /// Abroad, with no Russian primary.
    Abroad,
}

/// Classifies a system holding RU people's data.
pub fn localization(manifest: &Manifest, system: &System) -> Localization {
    if located_in_russia(system) {
        return Localization::InRussia;
    }
    match system.replica_of.iter().find(|(place, _)| touches(place)) {
        Some((_, primary)) => match manifest.system(primary) {
            Some(p) if located_in_russia(p) && holds_ru(p) => Localization::ReplicaOf(primary.clone()),
            _ => Localization::BadPrimary(primary.clone()),
        },
        None => Localization::Abroad,
    }
}

/// The manifest key of a system's `replica_of` entry for Russia.
pub fn replica_key(system: &System) -> Option<String> {
    system.replica_of.keys().find(|place| touches(place)).map(|p| p.to_string())
}

/// The ids of the systems in which every activity touching Russia that stores
/// there relies on a ground that Art. 18(5) exempts from localisation (and there
/// is at least one such activity). One pass over the activities.
pub fn localization_exempt_systems(manifest: &Manifest) -> std::collections::HashSet<&str> {
    let mut exempt: std::collections::HashMap<&str, bool> = std::collections::HashMap::new();
    for (i, activity) in ru_activities(manifest) {
        let is_exempt = matches!(ground(manifest, i, activity), Some((Some(g), _, _)) if g.exempt_from_localization());
        for system in &activity.systems {
            let entry = exempt.entry(system.as_str()).or_insert(true);
            *entry &= is_exempt;
        }
    }
    exempt.into_iter().filter(|(_, all)| *all).map(|(id, _)| id).collect()
}

/// Joins names as "a, b and c".
pub fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
