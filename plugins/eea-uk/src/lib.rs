//! The EEA/UK regional module: the GDPR, the UK GDPR with the Data Protection
//! Act 2018 and the Data (Use and Access) Act 2025, the ePrivacy Directive and
//! PECR.
//!
//! Whether either law applies is decided in one place, [`applicability`]
//! (GDPR / UK GDPR Art. 3), which every rule and [`resolve`] use; its
//! explain page is `eea-uk/territorial-scope`. Rules live one per file under
//! [`rules`]; deadlines are computed in
//! [`deadlines`] on the calendars of [`calendars`].

#![deny(unsafe_code)]

pub mod applicability;
pub mod calendars;
pub mod data;
pub mod deadlines;
pub mod notice;
pub mod options;
pub mod resolve;
pub mod rules;

use juris_core::jiff::civil::{Date, date};
use juris_core::manifest::Activity;
use juris_core::module::{EventContext, Plan};
use juris_core::{Jurisdiction, Law, Manifest, Resolution, ResolveContext, Rule};

use crate::data::Regime;

/// The module id; every rule id starts with it.
pub const ID: &str = <EeaUk as juris_core::Module>::ID;

/// The date the module's reading of the law is current to.
pub const CURRENT_TO: Date = date(2026, 12, 1);

/// The EEA/UK module.
#[derive(Default)]
pub struct EeaUk;

impl juris_core::Module for EeaUk {
    const ID: &'static str = "eea-uk";
    const NAME: &'static str = "EEA and United Kingdom";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    type Options = options::Options;

    fn jurisdictions(&self) -> Vec<Jurisdiction> {
        vec![juris_core::jurisdiction::EEA, juris_core::jurisdiction::country("GB")]
    }

    fn laws(&self) -> Vec<Law> {
        [
            "Regulation (EU) 2016/679 (GDPR)",
            "UK GDPR and Data Protection Act 2018, as amended by the Data (Use and Access) Act 2025",
            "Directive 2002/58/EC (ePrivacy), Art. 5(3)",
            "Privacy and Electronic Communications (EC Directive) Regulations 2003 (PECR)",
            "Commission adequacy decisions (GDPR Art. 45) and UK adequacy regulations (DPA 2018 Sch 21 para 5)",
            "Regulation (EEC, Euratom) No 1182/71 (periods, dates and time limits)",
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

/// The regimes whose law covers people in `place` under the law current to
/// [`CURRENT_TO`] (see [`applicability::regimes`] for a given date).
pub fn regimes(place: &Jurisdiction) -> Vec<Regime> {
    applicability::regimes(place, CURRENT_TO)
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

/// Every market the manifest names: the organisation's and those an activity
/// lists as its own (an activity may reach a market the organisation's list
/// leaves out), each once.
pub fn all_markets(manifest: &Manifest) -> Vec<Jurisdiction> {
    manifest.all_markets().to_vec()
}

/// The single places (EEA countries, GB, or subdivisions of them) within
/// `markets` that this module governs: a group or `*` is expanded to its
/// countries, and `extra` adds places named elsewhere (say, a `legal_basis_by`
/// or `[consent]` key) that fall inside one of the markets.
pub fn places_within<'a>(markets: &[Jurisdiction], extra: impl Iterator<Item = &'a Jurisdiction>) -> Vec<Jurisdiction> {
    let mut out: Vec<Jurisdiction> = Vec::new();
    let mut push = |p: Jurisdiction| {
        if !out.contains(&p) {
            out.push(p);
        }
    };
    for market in markets.iter().filter(|m| touches(m)) {
        match market {
            Jurisdiction::Subdivision(..) | Jurisdiction::Country(_) => push(market.clone()),
            _ => {
                for code in countries(market) {
                    push(code.parse().expect("ISO codes from the module's own lists"));
                }
            }
        }
    }
    for place in extra {
        let single = matches!(place, Jurisdiction::Subdivision(..) | Jurisdiction::Country(_));
        if single && governs(place) && markets.iter().any(|m| m.covers(place)) {
            push(place.clone());
        }
    }
    out
}

/// Names a list of single places for a message, writing "the EEA" for the
/// whole EEA.
pub fn name_places(places: &[Jurisdiction]) -> String {
    let is_country = |code: &str| places.iter().any(|p| matches!(p, Jurisdiction::Country(c) if c.code() == code));
    let whole_eea = data::eea_countries().all(is_country);
    let mut names: Vec<String> = Vec::new();
    if whole_eea {
        names.push("the EEA".to_string());
    }
    for place in places {
        let in_eea = matches!(place, Jurisdiction::Country(c) if c.is_eea());
        if matches!(place, Jurisdiction::Everywhere) {
            names.push("the EEA and the UK (`*`)".to_string());
        } else if !(whole_eea && in_eea) {
            names.push(place.to_string());
        }
    }
    names.join(", ")
}

/// The lawful basis of an activity for people in one place: the most specific
/// `legal_basis_by` entry that covers the place, else `legal_basis`. Unlike
/// `Manifest::legal_basis_for`, an entry for a narrower or another place (a
/// `BR` entry when the place is `*`, a `DE` entry when it is `EEA`) is not the
/// basis for the place.
pub fn basis_in<'a>(activity: &'a Activity, place: &Jurisdiction) -> Option<(&'a str, String)> {
    activity
        .legal_basis_by
        .iter()
        .filter(|(j, _)| j.covers(place))
        .max_by_key(|(j, _)| juris_core::manifest::specificity(j))
        .map(|(j, b)| (b.as_str(), format!("legal_basis_by.{j}")))
        .or_else(|| activity.legal_basis.as_deref().map(|b| (b, "legal_basis".to_string())))
}

/// One lawful basis an activity relies on under one regime, with the manifest
/// field it comes from and the places it serves.
#[derive(Clone, Debug)]
pub struct BasisUse<'a> {
    /// The regime whose law judges the basis.
    pub regime: Regime,
    /// The basis as written.
    pub basis: &'a str,
    /// `legal_basis` or `legal_basis_by.<place>`.
    pub field: String,
    /// The places (countries or markets) it is the basis for.
    pub places: Vec<Jurisdiction>,
}

/// The lawful bases of an activity in every place this module governs among
/// its markets, and the places where it has none.
#[derive(Clone, Debug, Default)]
pub struct Bases<'a> {
    /// Each basis relied on, per regime and field.
    pub uses: Vec<BasisUse<'a>>,
    /// The places without a basis.
    pub missing: Vec<Jurisdiction>,
}

/// The regimes that apply to each activity on the check date
/// ([`applicability::activity_regimes`]), decided once per check: most rules
/// ask it of every activity.
pub struct Reach(Vec<Vec<Regime>>);

impl Reach {
    /// The regimes that apply to the activity at `index`, EEA first.
    pub fn of(&self, index: usize) -> &[Regime] {
        self.0.get(index).map_or(&[], Vec::as_slice)
    }
}

/// The check's [`Reach`], computed on the first call.
pub fn reach(ctx: &juris_core::CheckContext) -> std::sync::Arc<Reach> {
    ctx.memo(|ctx| {
        let m = &ctx.manifest;
        Reach(m.activities.iter().map(|a| applicability::activity_regimes(m, a, ctx.as_of)).collect())
    })
}

/// The lawful bases of `activity` where this module's law applies on `on`
/// (see [`applicability`]). When the activity has no `legal_basis_by`, its
/// basis is the same everywhere and its markets are used as they are;
/// otherwise each market is expanded to single places, so that an entry for
/// one country neither stands in for the others nor is judged by a law that
/// does not apply to it. An activity the law reaches only through an
/// establishment is judged at the establishment's country.
pub fn bases<'a>(manifest: &Manifest, activity: &'a Activity, on: Date) -> Bases<'a> {
    bases_under(manifest, activity, &applicability::activity_regimes(manifest, activity, on), on)
}

/// [`bases`], for an activity whose regimes on `on` are known ([`Reach::of`]).
pub fn bases_under<'a>(manifest: &Manifest, activity: &'a Activity, regimes: &[Regime], on: Date) -> Bases<'a> {
    let expand = !activity.legal_basis_by.is_empty();
    let mut out = Bases::default();
    for &regime in regimes {
        let places =
            applicability::activity_places(manifest, activity, regime, on, expand, activity.legal_basis_by.keys());
        for place in places {
            let Some((basis, field)) = basis_in(activity, &place) else {
                if !out.missing.contains(&place) {
                    out.missing.push(place);
                }
                continue;
            };
            match out.uses.iter_mut().find(|u| u.regime == regime && u.field == field) {
                Some(u) => u.places.push(place.clone()),
                None => out.uses.push(BasisUse { regime, basis, field: field.clone(), places: vec![place.clone()] }),
            }
        }
    }
    out
}

juris_core::export_module!(EeaUk);
