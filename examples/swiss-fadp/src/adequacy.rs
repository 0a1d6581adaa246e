//! The Federal Council's list of States, territories, sectors and international
//! bodies with an adequate level of data protection (FADP Art. 16(1); DPO
//! Art. 8 and Annex 1), as dated data.
//!
//! Under the revised FADP the list is binding: personal data may be disclosed
//! to a listed destination without further safeguards, and to any other only
//! with the safeguards of FADP Art. 16(2) or under an exception of Art. 17.
//!
//! **Verification.** Entries 1 to 29 (Germany to Luxembourg, in the Annex's
//! order), the Canadian condition and the United States entry (certified
//! organisations under the Swiss-U.S. Data Privacy Framework, from 2024-09-15,
//! Federal Council decision of 14 August 2024) were checked against the Federal
//! Office of Justice's reproduction of Annex 1 and law-firm notes of the
//! amendment. The remaining entries (Malta to Uruguay) are from the Annex as
//! published on 2023-09-01 but were not re-checked for this module: they are
//! marked `verified: false`, and a transfer that relies on them alone is
//! reported as a warning asking the user to confirm it.

use juris_core::Jurisdiction;
use juris_core::jiff::civil::{Date, date};
use juris_core::jurisdiction::{EEA_EFTA, EU_MEMBERS};
use juris_core::manifest::Recipient;

/// A condition an Annex 1 entry attaches to adequacy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Condition {
    /// None: the whole State or territory.
    None,
    /// Canada: only where PIPEDA, or a provincial act largely corresponding to
    /// it, applies to the private sector. The manifest cannot tell, so a
    /// Canadian recipient is taken to be covered, with a note in the docs.
    CanadaPrivateSector,
    /// United States: only organisations certified under the Swiss-U.S. Data
    /// Privacy Framework (the recipient's `dpf_certified`).
    SwissUsDpf,
}

/// One entry of DPO Annex 1.
#[derive(Clone, Copy, Debug)]
pub struct Listing {
    /// ISO 3166-1 alpha-2 code.
    pub code: &'static str,
    /// The name the Annex uses.
    pub name: &'static str,
    /// The first day the entry is in force.
    pub from: Date,
    /// The last day, if it was removed.
    pub until: Option<Date>,
    /// What the entry is limited to.
    pub condition: Condition,
    /// Whether the entry was checked against a source for this module.
    pub verified: bool,
}

const fn listed(code: &'static str, name: &'static str, verified: bool) -> Listing {
    Listing { code, name, from: crate::FADP_IN_FORCE, until: None, condition: Condition::None, verified }
}

/// DPO Annex 1, in the Annex's order.
pub static ANNEX_1: &[Listing] = &[
    listed("DE", "Germany", true),
    listed("AD", "Andorra", true),
    listed("AR", "Argentina", true),
    listed("AT", "Austria", true),
    listed("BE", "Belgium", true),
    listed("BG", "Bulgaria", true),
    Listing { condition: Condition::CanadaPrivateSector, ..listed("CA", "Canada", true) },
    listed("CY", "Cyprus", true),
    listed("HR", "Croatia", true),
    listed("DK", "Denmark", true),
    listed("ES", "Spain", true),
    listed("EE", "Estonia", true),
    listed("FI", "Finland", true),
    listed("FR", "France", true),
    listed("GI", "Gibraltar", true),
    listed("GR", "Greece", true),
    listed("GG", "Guernsey", true),
    listed("HU", "Hungary", true),
    listed("IM", "Isle of Man", true),
    listed("FO", "Faroe Islands", true),
    listed("IE", "Ireland", true),
    listed("IS", "Iceland", true),
    listed("IL", "Israel", true),
    listed("IT", "Italy", true),
    listed("JE", "Jersey", true),
    listed("LV", "Latvia", true),
    listed("LI", "Liechtenstein", true),
    listed("LT", "Lithuania", true),
    listed("LU", "Luxembourg", true),
    listed("MT", "Malta", false),
    listed("MC", "Monaco", false),
    listed("NO", "Norway", false),
    listed("NZ", "New Zealand", false),
    listed("NL", "Netherlands", false),
    listed("PL", "Poland", false),
    listed("PT", "Portugal", false),
    listed("CZ", "Czech Republic", false),
    listed("RO", "Romania", false),
    listed("GB", "United Kingdom", false),
    listed("SK", "Slovakia", false),
    listed("SI", "Slovenia", false),
    listed("SE", "Sweden", false),
    listed("UY", "Uruguay", false),
    Listing {
        from: date(2024, 9, 15),
        condition: Condition::SwissUsDpf,
        ..listed("US", "United States (organisations certified under the Swiss-U.S. Data Privacy Framework)", true)
    },
];

/// What Annex 1 says about a recipient's country on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Adequacy {
    /// The recipient is in Switzerland: nothing is disclosed abroad.
    Domestic,
    /// Listed, and the entry's condition (if any) is met.
    Adequate {
        /// Whether every entry relied on was verified for this module.
        verified: bool,
    },
    /// Listed only for DPF-certified organisations, and the recipient is not certified.
    UsNotCertified,
    /// Not listed on that date.
    NotListed,
}

/// The entry for an ISO code in force on `on`.
pub fn listing(code: &str, on: Date) -> Option<&'static Listing> {
    ANNEX_1.iter().find(|l| l.code == code && l.from <= on && l.until.is_none_or(|u| on <= u))
}

/// Whether a disclosure to `recipient` goes to a destination with adequate
/// protection on `on`. A group (`EEA`, `EU`) is adequate when all its members
/// are; `*` never is.
pub fn of_recipient(recipient: &Recipient, on: Date) -> Adequacy {
    let country = &recipient.country;
    if crate::ch().covers(country) {
        return Adequacy::Domestic;
    }
    let codes: Vec<&str> = match country {
        Jurisdiction::Country(c) | Jurisdiction::Subdivision(c, _) => vec![c.code()],
        Jurisdiction::Group(_) => EU_MEMBERS
            .iter()
            .chain(EEA_EFTA)
            .copied()
            .filter(|code| code.parse::<Jurisdiction>().is_ok_and(|j| country.covers(&j)))
            .collect(),
        Jurisdiction::Everywhere => return Adequacy::NotListed,
    };
    let mut verified = true;
    for code in codes {
        match listing(code, on) {
            None => return Adequacy::NotListed,
            Some(l) if l.condition == Condition::SwissUsDpf && !recipient.dpf_certified => {
                return Adequacy::UsNotCertified;
            }
            Some(l) => verified &= l.verified,
        }
    }
    Adequacy::Adequate { verified }
}

#[cfg(test)]
mod tests {
    use super::*;
    use juris_core::manifest::RecipientRole;

    fn recipient(country: &str, dpf_certified: bool) -> Recipient {
        Recipient {
            id: "r".into(),
            name: "R".into(),
            role: RecipientRole::Processor,
            country: country.parse().unwrap(),
            transfer: None,
            contract: true,
            dpf_certified,
            purposes: Vec::new(),
            consideration: None,
            contract_terms: Vec::new(),
            transfer_impact_assessment: None,
            supplementary_measures: Vec::new(),
            same_group: false,
        }
    }

    #[test]
    fn codes_are_real_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for l in ANNEX_1 {
            assert!(l.code.parse::<Jurisdiction>().is_ok(), "{}", l.code);
            assert!(seen.insert(l.code), "duplicate {}", l.code);
        }
    }

    #[test]
    fn every_eu_and_eea_state_is_listed() {
        for code in EU_MEMBERS.iter().chain(EEA_EFTA) {
            assert!(listing(code, date(2026, 1, 1)).is_some(), "{code}");
        }
        let on = date(2026, 1, 1);
        assert_eq!(of_recipient(&recipient("EEA", false), on), Adequacy::Adequate { verified: false });
        assert!(matches!(of_recipient(&recipient("*", false), on), Adequacy::NotListed));
    }

    #[test]
    fn the_united_states_is_adequate_only_for_certified_recipients_from_2024_09_15() {
        assert_eq!(of_recipient(&recipient("US", true), date(2024, 9, 14)), Adequacy::NotListed);
        assert_eq!(of_recipient(&recipient("US", true), date(2024, 9, 15)), Adequacy::Adequate { verified: true });
        assert_eq!(of_recipient(&recipient("US", false), date(2024, 9, 15)), Adequacy::UsNotCertified);
        assert_eq!(of_recipient(&recipient("US-CA", true), date(2026, 1, 1)), Adequacy::Adequate { verified: true });
    }

    #[test]
    fn other_destinations() {
        let on = date(2026, 1, 1);
        assert_eq!(of_recipient(&recipient("CH", false), on), Adequacy::Domestic);
        assert_eq!(of_recipient(&recipient("DE", false), on), Adequacy::Adequate { verified: true });
        assert_eq!(of_recipient(&recipient("GB", false), on), Adequacy::Adequate { verified: false });
        assert_eq!(of_recipient(&recipient("IN", false), on), Adequacy::NotListed);
        assert_eq!(of_recipient(&recipient("JP", false), on), Adequacy::NotListed);
    }
}
