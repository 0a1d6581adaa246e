//! Whether the GDPR or the UK GDPR applies, and to what: the module's one
//! territorial-scope model, used by every rule and by `resolve`.
//!
//! - **Establishment** (GDPR Art. 3(1); UK GDPR Art. 3(1)): the organisation
//!   (`organization.established`) or one of its contracting entities
//!   (`entities[].country`) is established in the territory. When the
//!   organisation itself is, every activity is processing in the context of
//!   that establishment; when only an entity is, the activities whose markets
//!   overlap the places that entity serves are.
//! - **Targeting and monitoring** (GDPR Art. 3(2)(a)-(b); UK GDPR Art.
//!   3(2)(a)-(b)): the organisation, an activity, or an entity offers goods or
//!   services to, or monitors, people there: `organization.markets`,
//!   `activities[].markets` and `entities[].serves` (other than the default
//!   `*` entry) overlap the territory.
//! - **Storage is not a ground**: where a system stores data
//!   (`systems[].locations`) and whose data it holds (`systems[].holds`) never
//!   make either law apply by themselves; they only say which data a
//!   transfer concerns once the law applies (EDPB Guidelines 3/2018 on
//!   territorial scope; EDPB Guidelines 05/2021 on the interplay of Art. 3 and
//!   Chapter V).
//!
//! Dates: the GDPR applies from 2018-05-25 (Art. 99(2)). Until 2020-12-31
//! the United Kingdom was a Member State and then in the transition period
//! (Withdrawal Agreement Art. 127), so GB is judged under the GDPR before
//! 2021-01-01 and under the UK GDPR (DPA 2018 as amended by SI 2019/419) from then.

use juris_core::jiff::civil::{Date, date};
use juris_core::manifest::{Activity, Recipient, System};
use juris_core::{Jurisdiction, Manifest};

use crate::data::Regime;

/// The GDPR applies from this day (GDPR Art. 99(2)).
pub const GDPR_FROM: Date = date(2018, 5, 25);

/// The UK GDPR applies from this day (the end of the transition period,
/// European Union (Withdrawal Agreement) Act 2020 s.39; DPA 2018 s.3(10)).
pub const UK_GDPR_FROM: Date = date(2021, 1, 1);

/// Why a regime applies to the organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ground {
    /// An establishment in the territory (Art. 3(1)): the country, and whether
    /// it is the organisation's own (`true`) or an entity's (`false`).
    Establishment(Jurisdiction, bool),
    /// Goods or services offered to, or behaviour monitored of, people in
    /// these places (Art. 3(2)).
    Targeting(Vec<Jurisdiction>),
}

impl Ground {
    /// The ground in words, for messages and `resolve`.
    pub fn describe(&self, regime: Regime) -> String {
        let law = law(regime);
        match self {
            Ground::Establishment(country, true) => {
                format!("the organisation is established in {country} ({law} Art. 3(1))")
            }
            Ground::Establishment(country, false) => {
                format!("an entity of the organisation is established in {country} ({law} Art. 3(1))")
            }
            Ground::Targeting(places) => format!(
                "the organisation offers goods or services to, or monitors, people in {} ({law} Art. 3(2))",
                crate::name_places(&crate::places_within(places, std::iter::empty()))
            ),
        }
    }
}

/// The regime's law, for citations.
pub fn law(regime: Regime) -> &'static str {
    match regime {
        Regime::Eea => "GDPR",
        Regime::Uk => "UK GDPR",
    }
}

/// The territory of a regime on a date: the EEA (with GB before 2021), or GB.
pub fn area(regime: Regime) -> Jurisdiction {
    match regime {
        Regime::Eea => juris_core::jurisdiction::EEA,
        Regime::Uk => juris_core::jurisdiction::country("GB"),
    }
}

/// The regime whose law protects people in a country on `on`.
pub fn regime_of_country(code: &str, on: Date) -> Option<Regime> {
    juris_core::jurisdiction::Country::parse(code).and_then(|c| regime_of(c, on))
}

/// [`regime_of_country`] for a country already parsed (rules ask it per
/// activity and market, so it must not parse again).
pub fn regime_of(country: juris_core::jurisdiction::Country, on: Date) -> Option<Regime> {
    match &country.as_bytes() {
        b"GB" if on < UK_GDPR_FROM => Some(Regime::Eea),
        b"GB" => Some(Regime::Uk),
        _ if country.is_eea() => Some(Regime::Eea),
        _ => None,
    }
}

/// The regimes whose law covers people in `place` on `on`: `*` both (the
/// GDPR alone before 2021), `EEA`/`EU` and EEA countries the GDPR, `GB` the
/// UK GDPR from 2021.
pub fn regimes(place: &Jurisdiction, on: Date) -> Vec<Regime> {
    [Regime::Eea, Regime::Uk].into_iter().filter(|&r| regime_covers(place, r, on)).collect()
}

/// Whether `regime` is among [`regimes`]`(place, on)`, without building the
/// list: asked for every market of every activity by most rules.
pub fn regime_covers(place: &Jurisdiction, regime: Regime, on: Date) -> bool {
    match place {
        Jurisdiction::Everywhere => regime == Regime::Eea || on >= UK_GDPR_FROM,
        Jurisdiction::Group(_) => regime == Regime::Eea,
        _ => place.country().and_then(|c| regime_of(c, on)) == Some(regime),
    }
}

/// The regimes a set of places touches on `on`, each once, EEA first.
pub fn regimes_of_all(places: &[Jurisdiction], on: Date) -> Vec<Regime> {
    crate::data::union(places.iter().map(|p| regimes(p, on)))
}

fn in_regime(place: &Jurisdiction, regime: Regime, on: Date) -> bool {
    place.country().is_some_and(|c| regime_of(c, on) == Some(regime))
}

/// The organisation's own establishment in the regime's territory, if any.
pub fn own_establishment(m: &Manifest, regime: Regime, on: Date) -> Option<&Jurisdiction> {
    m.organization.established.iter().find(|e| in_regime(e, regime, on))
}

/// An establishment of the organisation or of one of its entities in the
/// regime's territory (Art. 3(1)).
pub fn establishment(m: &Manifest, regime: Regime, on: Date) -> Option<Ground> {
    if let Some(place) = own_establishment(m, regime, on) {
        return Some(Ground::Establishment(place.clone(), true));
    }
    m.entities
        .iter()
        .find(|e| in_regime(&e.country, regime, on))
        .map(|e| Ground::Establishment(e.country.clone(), false))
}

/// Whether the organisation is established in the regime's territory.
pub fn established(m: &Manifest, regime: Regime, on: Date) -> bool {
    establishment(m, regime, on).is_some()
}

/// The places where the organisation offers goods or services or monitors
/// people: its markets, its activities' own markets and the places its
/// entities serve (a default `*` entity excepted), each once.
pub fn offered_places(m: &Manifest) -> Vec<Jurisdiction> {
    let mut out = crate::all_markets(m);
    for e in &m.entities {
        for s in e.serves.iter().filter(|s| !matches!(s, Jurisdiction::Everywhere)) {
            if !out.contains(s) {
                out.push(s.clone());
            }
        }
    }
    out
}

/// The places of the regime's territory the organisation targets on `on`.
fn targeted(m: &Manifest, regime: Regime, on: Date) -> Vec<Jurisdiction> {
    offered_places(m).into_iter().filter(|p| regimes(p, on).contains(&regime)).collect()
}

/// Why the regime applies to the organisation on `on`, or `None` when it does
/// not apply at all.
pub fn ground(m: &Manifest, regime: Regime, on: Date) -> Option<Ground> {
    if regime == Regime::Uk && on < UK_GDPR_FROM {
        return None;
    }
    establishment(m, regime, on).or_else(|| {
        let places = targeted(m, regime, on);
        (!places.is_empty()).then_some(Ground::Targeting(places))
    })
}

/// The regimes that apply to the organisation on `on`, EEA first.
pub fn org_regimes(m: &Manifest, on: Date) -> Vec<Regime> {
    [Regime::Eea, Regime::Uk].into_iter().filter(|r| ground(m, *r, on).is_some()).collect()
}

/// Whether the regime applies to one activity on `on`: the organisation is
/// established there, or the activity's markets are in the territory, or an
/// entity established there serves the activity's markets.
pub fn activity_in(m: &Manifest, a: &Activity, regime: Regime, on: Date) -> bool {
    if regime == Regime::Uk && on < UK_GDPR_FROM {
        return false;
    }
    let markets = m.activity_markets(a);
    own_establishment(m, regime, on).is_some()
        || markets.iter().any(|p| regime_covers(p, regime, on))
        || m.entities
            .iter()
            .filter(|e| in_regime(&e.country, regime, on))
            .any(|e| e.serves.iter().any(|s| markets.iter().any(|p| p.overlaps(s))))
}

/// The regimes that apply to an activity on `on`, EEA first.
pub fn activity_regimes(m: &Manifest, a: &Activity, on: Date) -> Vec<Regime> {
    [Regime::Eea, Regime::Uk].into_iter().filter(|r| activity_in(m, a, *r, on)).collect()
}

/// The places (single countries or subdivisions) whose people's data an
/// activity processes under the regime on `on`, for a regime that applies to
/// the activity (see [`activity_regimes`], or [`crate::Reach`] in a check):
/// its markets in the territory, expanded to countries when `expand`, plus
/// `extra` places inside them; when the regime applies only through an
/// establishment, the establishment's country stands for the activity.
pub fn activity_places<'a>(
    m: &Manifest,
    a: &Activity,
    regime: Regime,
    on: Date,
    expand: bool,
    extra: impl Iterator<Item = &'a Jurisdiction>,
) -> Vec<Jurisdiction> {
    let markets: Vec<Jurisdiction> =
        m.activity_markets(a).iter().filter(|p| regime_covers(p, regime, on)).cloned().collect();
    let mut places: Vec<Jurisdiction> = if expand {
        crate::places_within(&markets, extra).into_iter().filter(|p| regime_covers(p, regime, on)).collect()
    } else {
        markets
    };
    if places.is_empty() {
        let here = match establishment(m, regime, on) {
            Some(Ground::Establishment(country, _)) => country,
            _ => area(regime),
        };
        places.push(here);
    }
    places
}

/// The regimes under which a system holds data on `on`: the regime applies
/// to an activity that uses the system (or, when no activity names it, to the
/// organisation), and, unless the organisation itself is established there,
/// the system holds data of people in the territory (`holds`).
pub fn system_regimes(m: &Manifest, system: &System, on: Date) -> Vec<Regime> {
    system_regimes_by(m, system, on, |i| activity_regimes(m, &m.activities[i], on))
}

/// [`system_regimes`], with the regimes of the activity at each index given
/// (a check has them in [`crate::Reach`]; deciding them again for every
/// system and recipient was most of a large check's transfer rule).
pub fn system_regimes_by<R: AsRef<[Regime]>>(
    m: &Manifest,
    system: &System,
    on: Date,
    regimes_of: impl Fn(usize) -> R,
) -> Vec<Regime> {
    let users = m.activities_using(&system.id);
    [Regime::Eea, Regime::Uk]
        .into_iter()
        .filter(|&r| {
            let applies = if users.is_empty() {
                ground(m, r, on).is_some()
            } else {
                users.iter().any(|&i| regimes_of(i).as_ref().contains(&r))
            };
            let whose = own_establishment(m, r, on).is_some()
                || system.holds.iter().any(|h| regimes(h, on).contains(&r) || h.overlaps(&area(r)));
            applies && whose
        })
        .collect()
}

/// The regimes under which a recipient receives data on `on`: those of the
/// activities that disclose to it.
pub fn recipient_regimes(m: &Manifest, recipient: &Recipient, on: Date) -> Vec<Regime> {
    recipient_regimes_by(m, recipient, |i| activity_regimes(m, &m.activities[i], on))
}

/// [`recipient_regimes`], with the regimes of the activity at each index given.
pub fn recipient_regimes_by<R: AsRef<[Regime]>>(
    m: &Manifest,
    recipient: &Recipient,
    regimes_of: impl Fn(usize) -> R,
) -> Vec<Regime> {
    let disclosing = m.activities_disclosing_to(&recipient.id);
    [Regime::Eea, Regime::Uk]
        .into_iter()
        .filter(|r| disclosing.iter().any(|&i| regimes_of(i).as_ref().contains(r)))
        .collect()
}

/// Whether the regime applies to the processing of data of people in `place`
/// (a single country of the territory), for `resolve`: the organisation is
/// established in the territory, or it offers to or monitors people there.
pub fn applies_to_people_in(m: &Manifest, place: &Jurisdiction, on: Date) -> Option<(Regime, Ground)> {
    let regime = regimes(place, on).into_iter().next()?;
    if let Some(g) = establishment(m, regime, on) {
        return Some((regime, g));
    }
    let places: Vec<Jurisdiction> = offered_places(m).into_iter().filter(|p| p.overlaps(place)).collect();
    (!places.is_empty()).then_some((regime, Ground::Targeting(places)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regime_covers_agrees_with_regimes() {
        let places = ["*", "EEA", "EU", "DE", "FR-75", "GB", "GB-SCT", "NO", "CH", "US-CA", "BR"];
        for on in [date(2020, 12, 31), UK_GDPR_FROM, date(2026, 12, 3)] {
            for code in places {
                let place: Jurisdiction = code.parse().expect("a jurisdiction");
                for regime in [Regime::Eea, Regime::Uk] {
                    assert_eq!(
                        regime_covers(&place, regime, on),
                        regimes(&place, on).contains(&regime),
                        "{code} {regime:?} on {on}"
                    );
                }
            }
        }
    }
}
