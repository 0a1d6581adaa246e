//! Which items of the privacy notice (`notice/items.toml`, `juris notice
//! check`) the LGPD requires of the organisation the manifest describes,
//! judged with the module's own models: its scope ([`applicability`], LGPD
//! Arts. 3-4), its transfers ([`transfers`]) and the small-agent regime
//! ([`options::is_small_agent`], Res. CD/ANPD 2/2022).

use juris_core::Manifest;
use juris_core::jiff::civil::Date;
use juris_core::module::NoticeItems;

use crate::deadlines::RES_2_2022_IN_FORCE;
use crate::options::{self, Options};
use crate::{LGPD_IN_FORCE, applicability, transfers};

/// The item ids of `notice/items.toml`, in its order.
pub const ITEMS: &[&str] = &[
    "purpose",
    "form-duration",
    "controller-identity",
    "controller-contact",
    "shared-use",
    "agent-responsibilities",
    "rights",
    "encarregado",
    "international-transfer",
    "legal-basis",
];

/// Records the items that do not apply to the organisation on `on`, and why.
pub fn applicability(m: &Manifest, options: &Options, on: Date, items: &mut NoticeItems) {
    if let Some(why) = out_of_scope(m, options, on) {
        for id in ITEMS {
            items.set(id, false, why.clone());
        }
        return;
    }
    let in_scope = applicability::activities(m, options, on, false).count();
    // The activities say what is shared and sent abroad; without one in
    // scope the manifest says nothing about it, and the items apply.
    if in_scope > 0 {
        let recipients = transfers::brazilian_recipients(m, applicability::activities(m, options, on, false));
        if recipients.is_empty() {
            items.set(
                "shared-use",
                false,
                "no activity in the LGPD's scope discloses personal data to a recipient (LGPD Art. 9 V applies only to shared use, Art. 5 XVI)",
            );
        }
        let abroad = recipients.iter().any(|(_, r)| transfers::is_transfer(r))
            || !transfers::systems_abroad(m, applicability::activities(m, options, on, false)).is_empty();
        if !abroad {
            items.set(
                "international-transfer",
                false,
                "no personal data of the activities in the LGPD's scope goes to a recipient or an own system outside Brazil (LGPD Arts. 33-36 and Res. CD/ANPD 19/2024 apply only to international transfers)",
            );
        }
    }
    let small = options::is_small_agent(m, options) && on >= RES_2_2022_IN_FORCE;
    if small && crate::encarregado(m).is_none() {
        items.set(
            "encarregado",
            false,
            "a small processing agent need not appoint an encarregado (Res. CD/ANPD 2/2022 Art. 11), but must still offer data subjects a channel of communication (Art. 11 §1), which the controller's contact gives",
        );
    }
}

/// Why the LGPD does not reach the organisation on `on`, or `None` when it does.
fn out_of_scope(m: &Manifest, options: &Options, on: Date) -> Option<String> {
    if on < LGPD_IN_FORCE {
        return Some(format!("the LGPD's provisions apply from {LGPD_IN_FORCE} (LGPD Art. 65 II)"));
    }
    if applicability::organisation(m, options, on).is_some() {
        return None;
    }
    let reached = m.activities.iter().any(|a| applicability::within_reach(m, a));
    Some(if reached {
        "every activity within the LGPD's reach is excluded from it (LGPD Art. 4)".to_string()
    } else {
        "no processing is carried out in Brazil, offers goods or services to people there, or uses data collected there (LGPD Art. 3)".to_string()
    })
}
