//! The module's rules, one per file. Each file declares a `static RULE` with
//! its citation, severity, dates in force, documentation and the two manifests
//! that test it (in `fixtures/`).

use juris_core::manifest::Activity;
use juris_core::taxonomy::DataCategory;
use juris_core::{Manifest, Rule};

mod cross_border_safeguards;
mod dpia_missing;
mod record_of_processing;
mod representative_missing;
mod transfer_countries_undisclosed;

/// Every rule of the module, in the order `juris rules` lists them.
pub static ALL: &[&Rule] = &[
    &cross_border_safeguards::RULE,
    &transfer_countries_undisclosed::RULE,
    &representative_missing::RULE,
    &record_of_processing::RULE,
    &dpia_missing::RULE,
];

/// The activities that process data of persons in Switzerland, with their
/// index in `activities`. Empty when the organisation is not in scope.
pub(crate) fn swiss_activities(m: &Manifest) -> Vec<(usize, &Activity)> {
    if !crate::in_scope(m) {
        return Vec::new();
    }
    let ch = crate::ch();
    m.activities
        .iter()
        .enumerate()
        .filter(|(_, a)| crate::established_in_switzerland(m) || m.activity_touches(a, &ch))
        .collect()
}

/// The fideslang categories that are sensitive personal data under FADP
/// Art. 5(c): religious, ideological, political or trade-union views, health,
/// intimate sphere, racial or ethnic origin, genetic data, biometric data
/// identifying a person, criminal proceedings and sanctions. (Social-assistance
/// measures, also sensitive, have no fideslang key.)
pub const SENSITIVE: [&str; 9] = [
    "user.health_and_medical",
    "user.biometric",
    "user.authorization.biometric",
    "user.criminal_history",
    "user.demographic.political_opinion",
    "user.demographic.race_ethnicity",
    "user.demographic.religious_belief",
    "user.demographic.sexual_orientation",
    "user.health_and_medical.genetic",
];

/// The first sensitive category an activity processes, if any.
pub(crate) fn sensitive_category(activity: &Activity) -> Option<&DataCategory> {
    activity.data_categories.iter().find(|c| SENSITIVE.iter().any(|s| c.is_within(s)))
}
