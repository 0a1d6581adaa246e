//! Which items of the personal-data policy (`notice/items.toml`, `juris
//! notice check`) 152-FZ requires of the operator the manifest describes,
//! judged with the module's one scope model ([`law::scope`]) and its
//! cross-border model ([`law::destinations`]).

use juris_core::Manifest;
use juris_core::jiff::civil::Date;
use juris_core::module::NoticeItems;

use crate::law::{self, FZ152_IN_FORCE, FZ242_LOCALIZATION};
use crate::options::Options;

/// The item ids of `notice/items.toml`, in its order.
pub const ITEMS: &[&str] = &[
    "operator-identity",
    "purposes",
    "legal-grounds",
    "categories",
    "subjects",
    "actions-methods",
    "retention-destruction",
    "cross-border",
    "rights-procedure",
    "storage-location",
];

/// Records the items that do not apply to the operator on `on`, and why.
pub fn applicability(m: &Manifest, _options: &Options, on: Date, items: &mut NoticeItems) {
    let scope = law::scope(m);
    let out = if on < FZ152_IN_FORCE {
        Some(format!("152-FZ is in force from {FZ152_IN_FORCE} (152-FZ Art. 25(1))"))
    } else if !scope.applies() {
        Some(format!("{} (152-FZ Art. 1(1))", scope.reason()))
    } else {
        None
    };
    if let Some(why) = out {
        for id in ITEMS {
            items.set(id, false, why.clone());
        }
        return;
    }
    if law::destinations(m).is_empty() {
        items.set(
            "cross-border",
            false,
            "no personal data of people in Russia is stored or disclosed outside Russia: every system holding it is located, and every recipient is, in Russia (152-FZ Art. 12 applies only to cross-border transfer)",
        );
    }
    if on < FZ242_LOCALIZATION {
        items.set(
            "storage-location",
            false,
            format!("the duty to record and store Russian citizens' data in Russia applies from {FZ242_LOCALIZATION} (152-FZ Art. 18(5), added by 242-FZ)"),
        );
    }
}
