//! Facts of 152-FZ the rules share: the one applicability model every rule
//! and `resolve` use ([`scope`]), the dates the law changed, the Art. 6(1)
//! grounds, the special categories and conditions of Art. 10, the biometrics
//! of Art. 11, the adequate countries of Art. 12(2), and where data goes.

use std::sync::LazyLock;

use juris_core::jiff::civil::{Date, date};
use juris_core::manifest::{Activity, SmolStr, System};
use juris_core::{Jurisdiction, Manifest};

use crate::options::Options;

/// Russia.
pub static RU: LazyLock<Jurisdiction> = LazyLock::new(|| "RU".parse().expect("RU is an ISO 3166-1 code"));

/// 152-FZ of 27.07.2006 in force: Art. 25(1), 180 days after its official
/// publication (Rossiyskaya Gazeta, 29.07.2006). Before this day it set no duty.
pub const FZ152_IN_FORCE: Date = date(2007, 1, 26);
/// 261-FZ of 25.07.2011 in force on publication: Arts. 18.1 (policy, measures)
/// and 22.1 (the responsible person) added.
pub const FZ261_IN_FORCE: Date = date(2011, 7, 27);
/// 266-FZ of 14.07.2022, main part in force: new request deadlines, incident
/// notices, narrower Art. 22 exemptions.
pub const FZ266_MAIN: Date = date(2022, 9, 1);
/// 266-FZ cross-border part in force (Art. 12 notices), Art. 1 item 7 and
/// Art. 3 of 266-FZ; the day before is the last day of the old Art. 12(4).
pub const FZ266_CROSS_BORDER: Date = date(2023, 3, 1);
/// 23-FZ of 28.02.2025: the prohibition wording of Art. 18(5).
pub const FZ23_LOCALIZATION: Date = date(2025, 7, 1);
/// 156-FZ of 24.06.2025: consent as a separate document.
pub const FZ156_CONSENT: Date = date(2025, 9, 1);
/// 242-FZ of 21.07.2014: the localisation duty of Art. 18(5).
pub const FZ242_LOCALIZATION: Date = date(2015, 9, 1);
/// 420-FZ of 30.11.2024 (KoAP RF), in force 180 days after publication: the leak fines of KoAP Art. 13.11(11)-(18) and the new
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

/// Why 152-FZ reaches an organisation: the one applicability model of the
/// module, used by every rule and by `resolve`.
///
/// - **Established**: an operator in Russia (`organization.established`
///   names RU, or an entity's `country` is RU) processes under 152-FZ all the
///   personal data it processes, whoever the people are and whatever its
///   markets (Art. 1(1), Art. 3 item 2): a Russian employer serving only the
///   US and the EEA has operator duties for its employees' data.
/// - **Directed at Russia**: an organisation abroad whose markets, an
///   activity's own markets, or an entity's `serves` include Russia processes
///   the data of people in Russia (Art. 1(1); Art. 1(1.1), added by 266-FZ
///   from 2022-09-01, for foreign persons processing on a contract with, or
///   the consent of, people in Russia). Only the activities touching Russia
///   are in scope.
///
/// Where a system stores data does not make the law apply by itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    /// The organisation or one of its entities is established in Russia.
    pub established: bool,
    /// Its markets, an activity's markets or an entity's `serves` reach Russia.
    pub directed: bool,
}

impl Scope {
    /// Whether 152-FZ applies at all.
    pub fn applies(self) -> bool {
        self.established || self.directed
    }

    /// Why it applies, in words for messages and `resolve`.
    pub fn reason(self) -> &'static str {
        match (self.established, self.directed) {
            (true, true) => "the organisation is established in Russia and offers its services there",
            (true, false) => {
                "the organisation is established in Russia, so 152-FZ governs all its processing whatever its markets"
            }
            (false, true) => "the organisation's services are directed at people in Russia",
            (false, false) => "the organisation is neither established in Russia nor directs its services there",
        }
    }
}

/// The applicability of 152-FZ to the manifest ([`Scope`]).
pub fn scope(manifest: &Manifest) -> Scope {
    Scope { established: manifest.established_in(&RU), directed: manifest.reaches(&RU) }
}

/// Whether 152-FZ reaches the organisation ([`Scope::applies`]).
pub fn applies(manifest: &Manifest) -> bool {
    scope(manifest).applies()
}

/// The activities within 152-FZ, with their index: every activity of an
/// operator established in Russia; otherwise those whose markets (their own,
/// else the organisation's) include Russia. An activity of a foreign
/// organisation whose own `markets` leave Russia out is not in scope.
pub fn ru_activities(manifest: &Manifest) -> impl Iterator<Item = (usize, &Activity)> {
    let established = manifest.established_in(&RU);
    manifest.activities.iter().enumerate().filter(move |(_, a)| established || manifest.activity_touches(a, &RU))
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

/// Special categories of Art. 10(1): race or nationality, political views,
/// religious or philosophical beliefs, health, intimate life (sexual
/// orientation is read as intimate life). Criminal records are Art. 10(3),
/// see [`CRIMINAL_RECORDS`].
pub const SPECIAL_CATEGORIES: &[&str] = &[
    "user.demographic.race_ethnicity",
    "user.demographic.political_opinion",
    "user.demographic.religious_belief",
    "user.demographic.sexual_orientation",
    "user.health_and_medical",
    "user.biometric.health",
];

/// Data on criminal records (судимость), Art. 10(3).
pub const CRIMINAL_RECORDS: &[&str] = &["user.criminal_history"];

/// The cases of Art. 10(2) in which special categories may be processed, as
/// `special_category_condition` names them, with the item and the GDPR Art.
/// 9(2) names that describe the same case. Only item 1 is a consent, and it
/// must be in writing: GDPR's `explicit_consent` does not show that.
pub const SPECIAL_CONDITIONS: &[(&str, &str)] = &[
    ("written_consent", "item 1"),
    ("permitted_for_distribution", "item 2 (Art. 10.1)"),
    ("readmission_treaty", "item 2.1"),
    ("population_census", "item 2.2"),
    ("social_security_labour_law", "item 2.3"),
    ("employment_social_security", "item 2.3"),
    ("vital_interests", "item 3"),
    ("medical_purposes", "item 4"),
    ("health_or_social_care", "item 4"),
    ("association_members", "item 5"),
    ("not_for_profit", "item 5"),
    ("rights_and_justice", "item 6"),
    ("legal_claims", "item 6"),
    ("security_law", "item 7"),
    ("prosecutor_supervision", "item 7.1"),
    ("insurance_law", "item 8"),
    ("child_placement", "item 9"),
    ("citizenship_law", "item 10"),
];

/// The Art. 10(2) item a `special_category_condition` names, if it names one.
pub fn special_condition(name: &str) -> Option<&'static str> {
    SPECIAL_CONDITIONS.iter().find(|(n, _)| *n == name).map(|(_, item)| *item)
}

/// Whether a ground lets an operator process criminal-record data (Art.
/// 10(3)): only state and municipal bodies within their powers, and others in
/// the cases and the manner federal laws set. Never consent or a contract.
pub fn criminal_records_allowed(ground: Ground, public_body: bool) -> bool {
    match ground {
        Ground::LegalObligation | Ground::LegalProceedings | Ground::Enforcement => true,
        Ground::PublicTask => public_body,
        _ => false,
    }
}

/// Whether biometric data may be processed without written consent on this
/// ground: the cases of Art. 11(2) (readmission treaties, justice and
/// enforcement, defence, security, counter-terrorism, transport security,
/// anti-corruption, operational-search activity, state service, criminal
/// sentences, entry and exit, citizenship, notaries), all set by law.
pub fn biometrics_without_consent(ground: Ground) -> bool {
    matches!(ground, Ground::LegalObligation | Ground::LegalProceedings | Ground::Enforcement | Ground::PublicTask)
}

/// Biometric data of Art. 11: physiological and biological traits by which a
/// person's identity can be established and which the operator uses to
/// establish it.
pub const BIOMETRIC_CATEGORIES: &[&str] = &["user.biometric", "user.authorization.biometric"];

/// The first data category of an activity within one of `prefixes`.
pub fn first_within<'a>(activity: &'a Activity, prefixes: &[&str]) -> Option<&'a str> {
    activity.data_categories.iter().find(|c| prefixes.iter().any(|p| c.is_within(p))).map(|c| c.as_str())
}

/// Countries taken as ensuring adequate protection (Art. 12(2)): the parties to
/// Council of Europe Convention 108 (the Council's 46 member states and the
/// non-member parties listed), plus non-parties on Roskomnadzor's list (RKN
/// Order No. 128 of 05.08.2022, in force 2023-03-01) that public summaries name
/// (Kyrgyzstan, China, India, Côte d'Ivoire, Thailand: solstico.legal; Belarus,
/// Kazakhstan and China: konsugroup.com/en/news/transborder-personal-data-transfer-russia-2023/). The Order's full list of about 34 states is not encoded;
/// `[modules.russia] adequate_countries` adds to this list.
pub const ADEQUATE: &[&str] = &[
    // Council of Europe member states, all parties to Convention 108.
    "AD", "AL", "AM", "AT", "AZ", "BA", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GE",
    "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MD", "ME", "MK", "MT", "NL", "NO", "PL", "PT",
    "RO", "RS", "SE", "SI", "SK", "SM", "TR", "UA", // Non-member parties to Convention 108.
    "AR", "CV", "MA", "MU", "MX", "SN", "TN", "UY", // RKN Order No. 128 (those public summaries name).
    "BY", "CI", "CN", "IN", "KG", "KZ", "TH",
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
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (_, activity) in ru_activities(manifest) {
        for id in &activity.recipients {
            if !seen.insert(id.as_str()) {
                continue;
            }
            let Some(k) = manifest.recipient_index(id) else { continue };
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
    ReplicaOf(SmolStr),
    /// Abroad, naming a primary that is not a Russian system holding RU data.
    BadPrimary(SmolStr),
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
