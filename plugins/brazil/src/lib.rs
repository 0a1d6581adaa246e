//! The Brazil regional module: the LGPD (Lei 13.709/2018) and the ANPD's
//! resolutions on small processing agents (Res. CD/ANPD 2/2022), the encarregado
//! (Res. 18/2024), incident reporting (Res. 15/2024) and international
//! transfers (Res. 19/2024), with the EU adequacy decision (Res. 32/2026).
//!
//! Rules live one per file under [`rules`]; deadlines are computed in
//! [`deadlines`] on the calendar of [`calendars`]; `[modules.brazil]` is read
//! in [`options`]; `juris resolve` is answered in [`resolve`].

#![deny(unsafe_code)]

pub mod bases;
pub mod calendars;
pub mod deadlines;
pub mod options;
pub mod resolve;
pub mod rules;
pub mod transfers;

use juris_core::jiff::civil::{Date, date};
use juris_core::manifest::{Activity, Contact, ContactRole};
use juris_core::module::{EventContext, Plan};
use juris_core::{
    CheckContext, Finding, Jurisdiction, Law, Manifest, ModuleInfo, RegionalModule, Resolution, ResolveContext,
};

/// The module id; every rule id starts with it.
pub const ID: &str = "brazil";

/// The day the LGPD's substantive provisions came into force (Art. 65 II, as
/// settled by Lei 14.058/2020 on its sanction).
pub const LGPD_IN_FORCE: Date = date(2020, 9, 18);

/// The date the module's reading of the law is current to.
pub const CURRENT_TO: Date = date(2026, 11, 29);

/// The Brazil module.
#[derive(Default)]
pub struct Brazil;

impl RegionalModule for Brazil {
    fn describe(&self) -> ModuleInfo {
        let law = |name: &str| Law { name: name.to_string(), current_to: CURRENT_TO };
        ModuleInfo {
            id: ID.to_string(),
            name: "Brazil".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            jurisdictions: vec![brazil()],
            laws: vec![
                law("Lei nº 13.709/2018, Lei Geral de Proteção de Dados Pessoais (LGPD)"),
                law("Resolução CD/ANPD nº 2/2022 (small processing agents), as amended by Res. 15/2024"),
                law("Resolução CD/ANPD nº 15/2024 (security incident reporting)"),
                law("Resolução CD/ANPD nº 18/2024 (the encarregado)"),
                law("Resolução CD/ANPD nº 19/2024 (international transfers and standard contractual clauses)"),
                law("Resolução CD/ANPD nº 32/2026 (adequacy of the European Union)"),
                law("Enunciado CD/ANPD nº 1/2023 (children's and adolescents' data)"),
                law("Código Civil (Lei 10.406/2002), Art. 132 (counting of periods)"),
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

/// Brazil, as a jurisdiction.
pub fn brazil() -> Jurisdiction {
    "BR".parse().expect("BR is a country")
}

/// Whether the LGPD governs a person in `place`: Brazil or one of its states.
pub fn governs(place: &Jurisdiction) -> bool {
    place.country().is_some_and(|c| c.code() == "BR")
}

/// Whether a set of places (a market or incident entry such as `*` or `BR-SP`)
/// includes Brazil.
pub fn touches(place: &Jurisdiction) -> bool {
    place.overlaps(&brazil())
}

/// Whether the LGPD applies to the organisation (Art. 3): it offers goods or
/// services to people in Brazil (through its markets or an activity's own
/// `markets`), or is established there.
pub fn applies(manifest: &Manifest) -> bool {
    manifest.targets(&brazil())
        || manifest.organization.established.iter().any(governs)
        || brazilian_activities(manifest).next().is_some()
}

/// The activities that process the data of people in Brazil, with their index.
pub fn brazilian_activities(manifest: &Manifest) -> impl Iterator<Item = (usize, &Activity)> {
    let br = brazil();
    manifest.activities.iter().enumerate().filter(move |(_, a)| manifest.activity_touches(a, &br))
}

/// The encarregado for Brazil, with its index: among the `dpo` contacts whose
/// `for` covers BR, the first published with an e-mail or telephone, else the
/// most specific (`BR` before `*`), else the first.
pub fn encarregado(manifest: &Manifest) -> Option<(usize, &Contact)> {
    let br = brazil();
    let reachable = |c: &Contact| c.email.is_some() || c.phone.is_some();
    let rank =
        |c: &Contact| c.for_.iter().filter(|j| j.covers(&br)).map(juris_core::manifest::specificity).max().unwrap_or(0);
    let dpos = || manifest.contacts.iter().enumerate().filter(|(_, c)| c.role == ContactRole::Dpo && br.is_in(&c.for_));
    dpos()
        .find(|(_, c)| c.published && reachable(c))
        .or_else(|| dpos().max_by_key(|(i, c)| (rank(c), std::cmp::Reverse(*i))))
}

/// The legal basis of an activity under the LGPD, with its manifest path.
pub fn basis(manifest: &Manifest, index: usize, activity: &Activity) -> Option<(String, String)> {
    manifest
        .legal_basis_for(activity, &brazil())
        .map(|(basis, field)| (basis.to_string(), format!("activities[{index}].{field}")))
}

juris_core::export_module!(Brazil, "brazil");
