use juris_core::jiff::civil::{Date, date};
use juris_core::manifest::TransferMechanism;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::data::Regime;

/// `eea-uk/transfer-without-safeguard`
pub static RULE: Rule = Rule {
    id: "eea-uk/transfer-without-safeguard",
    title: "Personal data transferred outside the EEA or UK without adequacy or a safeguard",
    citation: "GDPR Arts. 44-46, 49; UK GDPR Arts. 44-46, 49 and DPA 2018 s.119A, Sch 21 para 5",
    severity: Severity::Error,
    in_force: InForce::from(date(2018, 5, 25)),
    docs: r#"
## What it does
Follows EEA and UK people's data to where it goes:

- **systems**: every location of a system whose `holds` includes the EEA, an
  EEA country, GB or `*`;
- **recipients**: the country of every recipient named by an activity that
  touches an EEA or UK market.

A destination outside the regime (for EEA data, outside the EEA; for UK
data, outside the UK and the EEA) needs an adequacy decision in force on the
as-of date, or a mechanism that works for that regime:

| mechanism | EEA data | UK data |
|---|---|---|
| `scc` (EU SCCs) | yes (Decision 2021/914) | legacy SCCs until 2024-03-21 only |
| `uk_addendum` (to the 2021 SCCs) | yes | yes |
| `idta` | no | yes |
| `bcr`, `consent`, `derogation` | yes | yes |
| `dpf` | certified US recipients | certified US recipients |
| `anpd_scc` | no | no |

The adequacy lists are dated data: the EU list of Art. 45 decisions (with
the EU-US Data Privacy Framework from 10 July 2023, for certified
organisations only, and Brazil from 26 January 2026) and the UK's data
bridges (Republic of Korea from 19 December 2022, the UK Extension to the
DPF from 12 October 2023). The safeguard for the organisation's own systems
abroad goes in `[modules.eea-uk] system_transfers = { US = "scc" }` (the
most specific entry covering a location applies).

## Why
Chapter V allows a transfer to a third country only on an adequacy decision
(Art. 45), with appropriate safeguards (Art. 46: SCCs, BCRs, in the UK the
IDTA or the Addendum), or under a derogation for a specific situation
(Art. 49). The DPF covers only organisations that have certified to it.

## Example
```toml
[[recipients]]
id = "ad-network"
country = "US"
transfer = "none"
```

## How to fix
Sign the 2021 SCCs (with the UK Addendum for UK data) or an IDTA, and record
it in `transfer`; set `dpf_certified = true` only for a recipient on the DPF
list. Derogations (`consent`, `derogation`) are for occasional transfers,
not for systematic ones such as hosting.

## Uncertainty
The appeal against the DPF's validity (C-703/25 P) is pending; the DPF is
treated as valid. Canada's decision covers PIPEDA organisations and Japan's
APPI data only: those limits are not checked. UK data bridges made after
2023 and the Faroe Islands in the UK list are unconfirmed and not encoded.
For UK data, the EU SCCs alone were recognised only in their legacy
(pre-2021) form and only until 21 March 2024; the 2021 SCCs always need
the UK Addendum. The manifest does not say which set `scc` is, so for
dates before 21 March 2024 `scc` is accepted for UK data.
"#,
    check,
    fails: include_str!("fixtures/transfer_without_safeguard.fail.toml"),
    passes: include_str!("fixtures/transfer_without_safeguard.pass.toml"),
};

/// Legacy EU SCCs stopped covering UK transfers on this day (UK Addendum /
/// IDTA transition, sheet U6.3).
const UK_LEGACY_SCC_UNTIL: Date = date(2024, 3, 21);

/// Why a mechanism does not make a transfer lawful, or `None` when it does.
pub fn mechanism_problem(
    regime: Regime,
    country: &str,
    mechanism: TransferMechanism,
    certified: bool,
    on: Date,
) -> Option<String> {
    use TransferMechanism::*;
    let name =
        |m: TransferMechanism| juris_core::serde_json::to_value(m).ok().and_then(|v| v.as_str().map(String::from));
    let named = name(mechanism).unwrap_or_default();
    match (regime, mechanism) {
        (_, None) => Some(format!("no transfer safeguard covers {country}")),
        (_, Bcr | Consent | Derogation) => Option::None,
        (Regime::Eea, Scc | UkAddendum) | (Regime::Uk, Idta | UkAddendum) => Option::None,
        (Regime::Uk, Scc) if on <= UK_LEGACY_SCC_UNTIL => Option::None,
        (Regime::Uk, Scc) => {
            Some("the EU SCCs alone have not covered UK transfers since 2024-03-21: add the UK Addendum".to_string())
        }
        (_, Dpf | Adequacy) => match regime.adequacy(country, on) {
            Some(a) if a.certified_only && !certified => Some(format!(
                "{country} is adequate for {} only for certified organisations, and this one is not",
                regime.name()
            )),
            Some(_) => Option::None,
            Option::None => {
                Some(format!("`{named}` is claimed but {country} has no adequacy decision for {}", regime.name()))
            }
        },
        (_, Idta | AnpdScc) => Some(format!("`{named}` does not cover transfers from {}", regime.name())),
    }
}

/// Why a transfer from `regime` to `country` is unlawful, or `None`.
pub fn transfer_problem(
    regime: Regime,
    country: &str,
    mechanism: Option<TransferMechanism>,
    certified: bool,
    on: Date,
) -> Option<String> {
    if regime.is_inside(country) {
        return None;
    }
    if regime.adequacy(country, on).is_some_and(|a| !a.certified_only || certified) {
        return None;
    }
    match mechanism {
        Some(m) => mechanism_problem(regime, country, m, certified, on),
        None if regime.adequacy(country, on).is_some() => Some(format!(
            "{country} is adequate for {} only for organisations certified to the Data Privacy Framework",
            regime.name()
        )),
        None => Some(format!("{country} has no adequacy decision for {} and no safeguard is recorded", regime.name())),
    }
}

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let options = ctx.options::<crate::options::Options>();
    let mut out = Vec::new();
    for (k, system) in m.systems.iter().enumerate() {
        for regime in crate::regimes_of_all(&system.holds) {
            for (j, location) in system.locations.iter().enumerate() {
                let Some(country) = location.country() else { continue };
                let mechanism = options.system_mechanism(location);
                let certified = mechanism == Some(TransferMechanism::Dpf);
                if let Some(why) = transfer_problem(regime, country.code(), mechanism, certified, ctx.as_of) {
                    out.push(
                        Violation::new(
                            format!("systems[{k}].locations[{j}]"),
                            format!(
                                "system `{}` stores data of people in {} in {country}: {why}",
                                system.id,
                                regime.name()
                            ),
                        )
                        .help(format!(
                            "record the safeguard in `[modules.eea-uk] system_transfers = {{ {country} = \"scc\" }}` (or `idta`/`uk_addendum` for UK data), or store the data inside {}",
                            regime.name()
                        )),
                    );
                }
            }
        }
    }
    // Which regimes' data each recipient receives, in one pass over the
    // activities (a scan per recipient is quadratic on large manifests).
    let mut received: std::collections::HashMap<&str, Vec<crate::Regime>> = std::collections::HashMap::new();
    for activity in &m.activities {
        if activity.recipients.is_empty() {
            continue;
        }
        let regimes = crate::activity_regimes(m, activity);
        for recipient in &activity.recipients {
            received.entry(recipient.as_str()).or_default().extend(regimes.iter().copied());
        }
    }
    for (k, recipient) in m.recipients.iter().enumerate() {
        let regimes = crate::data::union(received.remove(recipient.id.as_str()).into_iter());
        let Some(country) = recipient.country.country() else { continue };
        for regime in regimes {
            if let Some(why) =
                transfer_problem(regime, country.code(), recipient.transfer, recipient.dpf_certified, ctx.as_of)
            {
                let path = if recipient.transfer.is_some() {
                    format!("recipients[{k}].transfer")
                } else {
                    format!("recipients[{k}]")
                };
                out.push(
                    Violation::new(
                        path,
                        format!(
                            "recipient `{}` in {country} receives data of people in {}: {why}",
                            recipient.id,
                            regime.name()
                        ),
                    )
                    .help("put the 2021 SCCs (with the UK Addendum for UK data) or an IDTA in place and record it in `transfer`"),
                );
            }
        }
    }
    out
}
