//! The Brazil regional module: the LGPD (Lei 13.709/2018) and the ANPD's
//! resolutions on small processing agents (Res. CD/ANPD 2/2022), the encarregado
//! (Res. 18/2024), incident reporting (Res. 15/2024) and international
//! transfers (Res. 19/2024), with the EU adequacy decision (Res. 32/2026).
//!
//! Whether the law applies is decided in one place, [`applicability`] (LGPD
//! Arts. 3-4), for every rule and for `juris resolve`. Rules live one per file
//! under [`rules`]; deadlines are computed in
//! [`deadlines`] on the calendar of [`calendars`]; `[modules.brazil]` is read
//! in [`options`]; `juris resolve` is answered in [`resolve`].

#![deny(unsafe_code)]

pub mod applicability;
pub mod bases;
pub mod calendars;
pub mod deadlines;
pub mod notice;
pub mod options;
pub mod resolve;
pub mod rules;
pub mod transfers;

use juris_core::jiff::civil::{Date, date};
use juris_core::manifest::{Activity, Contact, ContactRole};
use juris_core::module::{EventContext, Plan};
use juris_core::{CheckContext, Jurisdiction, Law, Manifest, Resolution, ResolveContext, Rule};

/// The module id; every rule id starts with it.
pub const ID: &str = <Brazil as juris_core::Module>::ID;

/// The day the LGPD's substantive provisions came into force (Art. 65 II, as
/// settled by Lei 14.058/2020 on its sanction).
pub const LGPD_IN_FORCE: Date = date(2020, 9, 18);

/// The date the module's reading of the law is current to.
pub const CURRENT_TO: Date = date(2026, 12, 1);

/// The Brazil module.
#[derive(Default)]
pub struct Brazil;

impl juris_core::Module for Brazil {
    const ID: &'static str = "brazil";
    const NAME: &'static str = "Brazil";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    type Options = options::Options;

    fn jurisdictions(&self) -> Vec<Jurisdiction> {
        vec![brazil()]
    }

    fn laws(&self) -> Vec<Law> {
        [
            "Lei nº 13.709/2018, Lei Geral de Proteção de Dados Pessoais (LGPD)",
            "Resolução CD/ANPD nº 2/2022 (small processing agents), as amended by Res. 15/2024",
            "Resolução CD/ANPD nº 15/2024 (security incident reporting)",
            "Resolução CD/ANPD nº 18/2024 (the encarregado)",
            "Resolução CD/ANPD nº 19/2024 (international transfers and standard contractual clauses)",
            "Resolução CD/ANPD nº 32/2026 of 26 January 2026 (adequacy of the European Union)",
            "Resolução CD/ANPD nº 4/2023 (dosimetry and administrative sanctions)",
            "ANPD, Guia Orientativo: Cookies e Proteção de Dados Pessoais (18 October 2022)",
            "Lei nº 15.211/2025, Estatuto Digital da Criança e do Adolescente (ECA Digital), in force 17 March 2026",
            "Enunciado CD/ANPD nº 1/2023 (children's and adolescents' data)",
            "Código Civil (Lei 10.406/2002), Art. 132 (counting of periods)",
        ]
        .into_iter()
        .map(|name| Law::new(name, CURRENT_TO))
        .collect()
    }

    fn rules(&self) -> &'static [&'static Rule] {
        rules::ALL
    }

    fn calendars(&self) -> Option<&juris_core::calendar::Calendars> {
        Some(&calendars::CALENDARS)
    }

    /// The disclosures a privacy notice must make under this module's law, as
    /// data (`juris notice check`; format in docs/notice.md).
    fn notice_items(&self) -> Option<&'static str> {
        Some(include_str!("../notice/items.toml"))
    }

    /// Which notice items apply to the organisation, and why not ([`notice`]).
    fn notice_applicability(
        &self,
        manifest: &juris_core::Manifest,
        options: &options::Options,
        as_of: Date,
        items: &mut juris_core::module::NoticeItems,
    ) {
        notice::applicability(manifest, options, as_of, items);
    }

    fn obligations(&self, ctx: &EventContext, options: &options::Options) -> Plan {
        deadlines::plan(ctx, options)
    }

    fn resolve(&self, ctx: &ResolveContext, options: &options::Options) -> Resolution {
        resolve::resolve(ctx, options)
    }
}

/// Brazil, as a jurisdiction.
pub fn brazil() -> Jurisdiction {
    const BRAZIL: Jurisdiction = juris_core::jurisdiction::country("BR");
    BRAZIL
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

/// Whether the LGPD applies to the organisation on the check date (LGPD
/// Arts. 3-4, as [`applicability::organisation`] decides).
pub fn applies(ctx: &CheckContext) -> bool {
    applicability::organisation(&ctx.manifest, ctx.options::<options::Options>(), ctx.as_of).is_some()
}

/// Which activities the LGPD governs on the check date, decided once per
/// check for every rule ([`applicability::activities`] per activity).
struct Scope {
    /// Within Arts. 3-4.
    governed: Vec<bool>,
    /// Within Arts. 3-4, or excluded by Art. 4 II b with Arts. 7 and 11 still applying.
    for_bases: Vec<bool>,
}

fn scope(ctx: &CheckContext) -> std::sync::Arc<Scope> {
    ctx.memo(|ctx| {
        let (m, options) = (&ctx.manifest, ctx.options::<options::Options>());
        // As applicability::activities decides, with and without
        // `bases_rules`, in one pass.
        let mut scope = Scope { governed: vec![false; m.activities.len()], for_bases: vec![false; m.activities.len()] };
        for (i, activity) in m.activities.iter().enumerate() {
            if !applicability::within_reach(m, activity) {
                continue;
            }
            match applicability::exclusion(m, options, activity, ctx.as_of) {
                None => (scope.governed[i], scope.for_bases[i]) = (true, true),
                Some(exclusion) => scope.for_bases[i] = exclusion.bases_still_apply,
            }
        }
        scope
    })
}

/// The activities the LGPD governs on the check date, with their index
/// ([`applicability::activities`]; academic activities excluded).
pub fn activities(ctx: &CheckContext) -> impl Iterator<Item = (usize, &Activity)> {
    let scope = scope(ctx);
    ctx.manifest.activities.iter().enumerate().filter(move |(i, _)| scope.governed.get(*i) == Some(&true))
}

/// The activities whose legal basis the LGPD judges: those of [`activities`]
/// and the academic ones (Art. 4 II b).
pub fn activities_for_bases(ctx: &CheckContext) -> impl Iterator<Item = (usize, &Activity)> {
    let scope = scope(ctx);
    ctx.manifest.activities.iter().enumerate().filter(move |(i, _)| scope.for_bases.get(*i) == Some(&true))
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
pub fn basis<'a>(manifest: &Manifest, index: usize, activity: &'a Activity) -> Option<(&'a str, BasisPath<'a>)> {
    manifest.legal_basis_entry(activity, &brazil()).map(|(basis, by)| (basis, BasisPath { index, by }))
}

/// Where an activity's basis for Brazil is written, made a manifest path only
/// for a finding (rules ask about every activity).
#[derive(Clone, Copy, Debug)]
pub struct BasisPath<'a> {
    index: usize,
    /// The `legal_basis_by` key, or `None` for `legal_basis`.
    by: Option<&'a Jurisdiction>,
}

impl From<BasisPath<'_>> for String {
    fn from(path: BasisPath<'_>) -> String {
        match path.by {
            Some(j) => format!("activities[{}].legal_basis_by.{j}", path.index),
            None => format!("activities[{}].legal_basis", path.index),
        }
    }
}

juris_core::export_module!(Brazil);
