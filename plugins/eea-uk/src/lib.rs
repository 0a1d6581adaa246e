//! The EEA/UK regional module: the GDPR, the UK GDPR with the Data Protection
//! Act 2018 and the Data (Use and Access) Act 2025, the ePrivacy Directive and
//! PECR.
//!
//! Rules live one per file under [`rules`]; deadlines are computed in
//! [`deadlines`] on the calendars of [`calendars`].

pub mod calendars;
pub mod data;
pub mod deadlines;
pub mod options;
pub mod resolve;
pub mod rules;

use juris_core::jiff::civil::date;
use juris_core::manifest::Activity;
use juris_core::module::{EventContext, Plan};
use juris_core::{
    CheckContext, Finding, Jurisdiction, Law, Manifest, ModuleInfo, RegionalModule, Resolution, ResolveContext,
};

use crate::data::Regime;

/// The module id; every rule id starts with it.
pub const ID: &str = "eea-uk";

/// The EEA/UK module.
#[derive(Default)]
pub struct EeaUk;

impl RegionalModule for EeaUk {
    fn describe(&self) -> ModuleInfo {
        ModuleInfo {
            id: ID.to_string(),
            name: "EEA and United Kingdom".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            jurisdictions: vec!["EEA".parse().expect("EEA is a group"), "GB".parse().expect("GB is a country")],
            laws: vec![
                Law { name: "Regulation (EU) 2016/679 (GDPR)".into(), current_to: date(2026, 11, 29) },
                Law {
                    name: "UK GDPR and Data Protection Act 2018, as amended by the Data (Use and Access) Act 2025"
                        .into(),
                    current_to: date(2026, 11, 29),
                },
                Law { name: "Directive 2002/58/EC (ePrivacy), Art. 5(3)".into(), current_to: date(2026, 11, 29) },
                Law {
                    name: "Privacy and Electronic Communications (EC Directive) Regulations 2003 (PECR)".into(),
                    current_to: date(2026, 11, 29),
                },
                Law {
                    name: "Commission adequacy decisions (GDPR Art. 45) and UK adequacy regulations (DPA 2018 Sch 21 para 5)"
                        .into(),
                    current_to: date(2026, 11, 29),
                },
                Law {
                    name: "Regulation (EEC, Euratom) No 1182/71 (periods, dates and time limits)".into(),
                    current_to: date(2026, 11, 29),
                },
            ],
            rules: rules::ALL.iter().map(|r| r.meta()).collect(),
            core_version: juris_core::CORE_VERSION.to_string(),
        }
    }

    fn check(&self, ctx: &CheckContext) -> Vec<Finding> {
        juris_core::rule::run(rules::ALL, ctx)
    }

    fn obligations(&self, ctx: &EventContext) -> Plan {
        deadlines::plan(ctx)
    }

    fn resolve(&self, ctx: &ResolveContext) -> Resolution {
        resolve::resolve(ctx)
    }
}

/// Whether a jurisdiction is one this module's law governs: an EEA country or
/// the United Kingdom (or a subdivision of one).
pub fn governs(place: &Jurisdiction) -> bool {
    match place.country() {
        Some(c) => c.is_eea() || c.code() == "GB",
        None => matches!(place, Jurisdiction::Group(_)),
    }
}

/// Whether a set of places (a market entry such as `*`, `EEA`, `FR`) includes
/// any place this module's law governs.
pub fn touches(place: &Jurisdiction) -> bool {
    governs(place) || matches!(place, Jurisdiction::Everywhere)
}

/// The regimes whose law covers people in `place`: `*` both, `EEA`/`EU` and
/// EEA countries the GDPR, `GB` the UK GDPR.
pub fn regimes(place: &Jurisdiction) -> Vec<Regime> {
    match place {
        Jurisdiction::Everywhere => vec![Regime::Eea, Regime::Uk],
        Jurisdiction::Group(_) => vec![Regime::Eea],
        _ => match place.country() {
            Some(c) if c.code() == "GB" => vec![Regime::Uk],
            Some(c) if c.is_eea() => vec![Regime::Eea],
            _ => Vec::new(),
        },
    }
}

/// The regimes an activity's markets touch, each once, EEA first.
pub fn activity_regimes(manifest: &Manifest, activity: &Activity) -> Vec<Regime> {
    regimes_of_all(manifest.activity_markets(activity))
}

/// The regimes a set of places touches, each once, EEA first.
pub fn regimes_of_all(places: &[Jurisdiction]) -> Vec<Regime> {
    let all: Vec<Regime> = places.iter().flat_map(regimes).collect();
    [Regime::Eea, Regime::Uk].into_iter().filter(|r| all.contains(r)).collect()
}

/// The countries this module governs within `place`, as ISO codes: `*` is
/// the EEA's 30 and GB, `EEA` the 30, `EU` the 27.
pub fn countries(place: &Jurisdiction) -> Vec<&'static str> {
    use juris_core::jurisdiction::{EU_MEMBERS, Group};
    match place {
        Jurisdiction::Everywhere => data::eea_countries().chain(["GB"]).collect(),
        Jurisdiction::Group(Group::Eea) => data::eea_countries().collect(),
        Jurisdiction::Group(Group::Eu) => EU_MEMBERS.to_vec(),
        _ => place
            .country()
            .filter(|c| c.is_eea() || c.code() == "GB")
            .and_then(|c| data::eea_countries().chain(["GB"]).find(|k| *k == c.code()))
            .into_iter()
            .collect(),
    }
}

/// The organisation's places of establishment: `organization.established`
/// and the countries of its contracting entities.
pub fn establishments(manifest: &Manifest) -> Vec<Jurisdiction> {
    let mut out = manifest.organization.established.clone();
    out.extend(manifest.entities.iter().map(|e| e.country.clone()));
    out
}

/// Whether the organisation is established in the regime's territory.
pub fn established_in(manifest: &Manifest, regime: Regime) -> bool {
    establishments(manifest).iter().filter_map(Jurisdiction::country).any(|c| match regime {
        Regime::Eea => c.is_eea(),
        Regime::Uk => c.code() == "GB",
    })
}

juris_core::export_module!(EeaUk, "eea-uk");
