use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::law::{self, FZ23_LOCALIZATION, FZ242_LOCALIZATION, Localization};
use crate::options::{self, LocalizationScope};

/// `russia/localization`
pub static RULE: Rule = Rule {
    id: "russia/localization",
    title: "Russian citizens' data recorded or stored in databases outside Russia",
    citation: "152-FZ Art. 18(5), as added by 242-FZ (from 2015-09-01) and amended by 23-FZ of 28.02.2025 (from 2025-07-01)",
    severity: Severity::Error,
    in_force: InForce::from(FZ242_LOCALIZATION),
    docs: r#"
## What it does
When 152-FZ reaches the organisation (it is established in Russia, whatever
its markets, or its markets, an activity's own `markets` or an entity's
`serves` include Russia), flags every system that holds the data of people
in Russia (`holds` covers `RU`) and has a location outside Russia, unless
the data is first recorded in Russia and the system only copies it:
`replica_of = { RU = "<system in Russia>" }` names where it is first
recorded and systematised. A `replica_of` naming a system
that is not located in Russia, or does not hold RU data, is flagged too, and
so is a system holding RU data that names no location at all.

From 2025-07-01, under the default strict reading (see Uncertainty), a copy
kept abroad is flagged as well, as a warning.

A system is not flagged when every activity touching Russia that stores data
in it relies on a ground Art. 18(5) exempts: Art. 6(1) items 2
(`legal_obligation`), 3 (`legal_proceedings`), 4 (`public_task`) or 8
(`journalism`).

## Why
Art. 18(5) (242-FZ, from 2015-09-01) requires the operator, when collecting
personal data, including through the internet, to ensure that the recording,
systematisation, accumulation, storage, clarification (updating, changing)
and extraction of Russian citizens' data happen in databases located in
Russia. From 2025-07-01 (23-FZ of 28.02.2025) the article says it the other
way round: performing those operations "using databases located outside the
Russian Federation" is prohibited, and the duty reaches processors too. The
notification to Roskomnadzor must say where these databases are (Art. 22(3)
item 10.1).

## Example
```toml
[[systems]]
id = "accounts"
name = "Account store"
locations = ["DE"]
holds = ["*"]          # includes RU users, recorded first in Germany
```

## How to fix
Record RU people's data first in a system located in Russia, and mark any
copy abroad as such:

```toml
[[systems]]
id = "accounts-ru"
name = "Account store, Russia"
locations = ["RU"]
holds = ["RU"]

[[systems]]
id = "accounts"
name = "Account store"
locations = ["DE"]
holds = ["*"]
replica_of = { RU = "accounts-ru" }
```

A copy abroad is a cross-border transfer: file the Roskomnadzor notice
(`russia/cross-border-notice`).

## Uncertainty
Law firms disagree on the reach of 23-FZ: whether it only governs the
collection stage, so that a copy made abroad after the data is recorded in
Russia stays a lawful cross-border transfer (seamless.legal, "Toughening the
requirement for localisation of personal data", 2025), or also prohibits
"mirror" databases abroad (lidings.com, "Localization of personal data:
update", 2025). The rule encodes the conservative reading by default and
reports copies abroad from 2025-07-01 as warnings. Set
`localization_scope = "collection-only"` in `[modules.russia]` to apply the
narrower reading. Art. 18(5) concerns citizens of the Russian Federation;
the manifest records where people are (`holds`), not their citizenship, so
the rule treats RU people as Russian citizens.

## Fines
KoAP RF Art. 13.11(8) (first breach; added by 405-FZ of 02.12.2019): legal
entities RUB 1-6 million, officials RUB 100-200 thousand. Art. 13.11(9)
(repeat): legal entities RUB 6-18 million (swilar.ru; klerk.ru).
"#,
    check,
    fails: include_str!("fixtures/localization.fail.toml"),
    passes: include_str!("fixtures/localization.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let mut out = Vec::new();
    if !law::applies(m) {
        return out;
    }
    let strict = ctx.options::<options::Options>().localization_scope == LocalizationScope::Strict;
    let prohibited = ctx.as_of >= FZ23_LOCALIZATION;
    let exempt = law::localization_exempt_systems(m);
    for (k, system) in m.systems.iter().enumerate() {
        if !law::holds_ru(system) || exempt.contains(system.id.as_str()) {
            continue;
        }
        let first_abroad = system.locations.iter().position(|l| !law::in_russia(l));
        let at = first_abroad.map_or(format!("systems[{k}].locations"), |j| format!("systems[{k}].locations[{j}]"));
        let abroad: Vec<String> =
            system.locations.iter().filter(|l| !law::in_russia(l)).map(|l| l.to_string()).collect();
        let abroad = law::join(&abroad);
        match law::localization(m, system) {
            Localization::InRussia => {}
            Localization::Abroad if system.locations.is_empty() => out.push(
                Violation::new(
                    at,
                    format!(
                        "system `{}` holds RU citizens' data but names no location, so it cannot be shown to record it in databases in Russia",
                        system.id
                    ),
                )
                .help("list where the system stores data in `locations` (e.g. `[\"RU\"]`)"),
            ),
            Localization::Abroad => {
                let message = if prohibited {
                    format!(
                        "system `{}` records RU citizens' data in databases outside Russia ({abroad}), which Art. 18(5) prohibits since 2025-07-01",
                        system.id
                    )
                } else {
                    format!(
                        "system `{}` records RU citizens' data outside Russia ({abroad}) with no primary database in Russia",
                        system.id
                    )
                };
                out.push(Violation::new(at, message).help(
                    "record RU people's data first in a system located in Russia and mark this one `replica_of = { RU = \"<that system>\" }`, or move it to Russia",
                ));
            }
            Localization::BadPrimary(primary) => {
                let key = law::replica_key(system).unwrap_or_else(|| "RU".to_string());
                out.push(
                    Violation::new(
                        format!("systems[{k}].replica_of.{key}"),
                        format!(
                            "system `{}` names `{primary}` as its Russian primary, but that is not a system located in Russia that holds RU data",
                            system.id
                        ),
                    )
                    .help("point `replica_of.RU` at a system whose `locations` are all RU and whose `holds` include RU"),
                );
            }
            Localization::ReplicaOf(primary) if prohibited && strict => out.push(
                Violation::new(
                    at,
                    format!(
                        "system `{}` keeps a copy of RU citizens' data from `{primary}` in databases outside Russia ({abroad}), which the strict reading of Art. 18(5) as amended by 23-FZ prohibits",
                        system.id
                    ),
                )
                .help("keep RU people's data only in Russia, or, if counsel accepts the collection-only reading, set `localization_scope = \"collection-only\"` in `[modules.russia]`")
                .severity(Severity::Warning),
            ),
            Localization::ReplicaOf(_) => {}
        }
    }
    out
}
