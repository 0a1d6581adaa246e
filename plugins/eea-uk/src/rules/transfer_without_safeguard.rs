use juris_core::jiff::civil::{Date, date};
use juris_core::manifest::{RecipientRole, SupplementaryMeasure, TransferMechanism};
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::applicability;
use crate::data::Regime;

/// `eea-uk/transfer-without-safeguard`
pub static RULE: Rule = Rule {
    id: "eea-uk/transfer-without-safeguard",
    title: "Personal data transferred outside the EEA or UK without adequacy or a safeguard",
    citation: "GDPR Arts. 44-46, 49; CJEU C-311/18; UK GDPR Arts. 44-46, 49 and DPA 2018 s.119A, Sch 21 paras 4-5",
    severity: Severity::Error,
    in_force: InForce::from(date(2018, 5, 25)),
    docs: r#"
## What it does
Follows the data of the people the GDPR or the UK GDPR protects to where it
goes, once the law applies to the organisation (see
`juris explain eea-uk/territorial-scope`: where a system stores data never
makes the law apply by itself):

- **systems**: every location of a system used by an activity the law
  applies to (or, when no activity names it, of any system) whose `holds`
  includes people of the territory; when the organisation itself is
  established there, whatever the system holds;
- **recipients**: the country of every recipient named by an activity the
  law applies to.

A destination outside the regime (for EEA data, outside the EEA; for UK
data, outside the UK and the EEA) needs an adequacy decision in force on the
as-of date, or a mechanism that works for that regime:

| mechanism | EEA data | UK data |
|---|---|---|
| `scc` (EU SCCs) | yes (Decision (EU) 2021/914) | legacy SCCs until 2024-03-21 only |
| `uk_addendum` (to the 2021 SCCs) | yes | yes |
| `idta` | no | yes |
| `bcr` | yes | yes |
| `consent`, `derogation` (Art. 49) | occasional transfers only | occasional transfers only |
| `dpf` | certified US recipients: Privacy Shield 2016-08-01 to 2020-07-15, DPF from 2023-07-10 | certified US recipients from 2023-10-12 |
| `anpd_scc` | no | no |

Transfers are judged as of their date:

- **Schrems II** (CJEU C-311/18, 16 July 2020): the Privacy Shield is void
  from that day, and a transfer on SCCs, the Addendum, the IDTA or BCRs to
  a country without adequacy needs a transfer impact assessment
  (`transfer_impact_assessment`; the UK's transfer risk assessment) showing
  the importer can comply (EDPB Recommendations 01/2020, para. 30-33; ICO
  guidance on transfer risk assessments).
- **The US between 16 July 2020 and 9 July 2023**: for EEA data the
  assessment could only conclude that US surveillance law (FISA s.702, EO
  12333) undermines the SCCs unless effective supplementary measures stop
  the importer reading the data: `supplementary_measures` must include
  `encryption-exporter-held-keys` or `pseudonymisation` (EDPB
  Recommendations 01/2020, Annex 2, Use Cases 1-3; transport encryption,
  contractual and organisational measures are not enough, Use Cases 6-7).
  This is the DPC's decision against Meta Platforms Ireland of 12 May 2023
  (EUR 1.2 billion, transfers on the 2021 SCCs) and the Austrian DSB's
  decision on Google Analytics of 22 December 2021 (D155.027).
- **From 10 July 2023** (Commission Implementing Decision (EU) 2023/1795)
  certified US recipients are adequate; for the UK from 12 October 2023
  (SI 2023/1028). Other US transfers still need the assessment.
- **Art. 49 derogations** (`consent`, `derogation`) are for occasional,
  non-repetitive transfers (EDPB Guidelines 2/2018 on Art. 49, section
  2.1): the hosting of a system and the regular disclosures of a recorded
  activity to a processor are systematic, an error; to other recipients, a
  warning.

The safeguard for the organisation's own systems abroad goes in
`[modules.eea-uk] system_transfers = { US = "scc" }`, with the assessment
and measures in `system_transfer_assessments = { US = "TIA-7" }` and
`system_supplementary_measures = { US = ["encryption-exporter-held-keys"] }`
(the most specific entry covering a location applies).

## Why
Chapter V allows a transfer to a third country only on an adequacy decision
(Art. 45), with appropriate safeguards and enforceable rights (Art. 46:
SCCs, BCRs, in the UK the IDTA or the Addendum), or under a derogation for
a specific situation (Art. 49). After Schrems II the exporter must verify,
case by case, that the safeguards are effective in the destination's law
and practice, and add supplementary measures where they are not
(C-311/18, paras. 134-135).

## Example
```toml
[[recipients]]
id = "ad-network"
country = "US"
transfer = "none"
```

## How to fix
Sign the 2021 SCCs (with the UK Addendum for UK data) or an IDTA, record
it in `transfer`, and reference the assessment in
`transfer_impact_assessment`; set `dpf_certified = true` only for a
recipient on the DPF list (https://www.dataprivacyframework.gov/list).
Use derogations only for occasional transfers.

## Uncertainty
The appeal against the General Court's judgment upholding the DPF (T-553/23
Latombe, 3 September 2025; appeal C-703/25 P) is pending; the DPF is
treated as valid. Canada's decision covers PIPEDA organisations and Japan's
APPI data only: those limits are not checked. The manifest does not say
which set of EU SCCs `scc` is, so for dates before 21 March 2024 `scc` is
accepted for UK data (the legacy SCCs were recognised until then, DPA 2018
s.119A transitional provisions). Whether the measures recorded are effective
for the particular importer is for the assessment; the rule checks only that
one of the measures EDPB Recommendations 01/2020 recognises is recorded.
"#,
    check,
    fails: include_str!("fixtures/transfer_without_safeguard.fail.toml"),
    passes: include_str!("fixtures/transfer_without_safeguard.pass.toml"),
};

/// Legacy EU SCCs stopped covering UK transfers on this day (the transitional
/// provisions of the UK Addendum and IDTA, issued under DPA 2018 s.119A,
/// in force 21 March 2022).
const UK_LEGACY_SCC_UNTIL: Date = date(2024, 3, 21);

fn mechanism_name(m: TransferMechanism) -> String {
    juris_core::serde_json::to_value(m).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

/// Why a mechanism does not make a transfer lawful, or `None` when it does.
pub fn mechanism_problem(
    regime: Regime,
    country: &str,
    mechanism: TransferMechanism,
    certified: bool,
    on: Date,
) -> Option<String> {
    use TransferMechanism::*;
    let named = mechanism_name(mechanism);
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
            Option::None if country == "US" && regime == Regime::Eea && on >= crate::data::SCHREMS_II => Some(format!(
                "`{named}` is claimed but the EU-US Privacy Shield is void since 2020-07-16 (CJEU C-311/18) and the Data Privacy Framework applies only from 2023-07-10"
            )),
            Option::None if country == "US" && regime == Regime::Uk => Some(format!(
                "`{named}` is claimed but the UK Extension to the Data Privacy Framework applies only from 2023-10-12"
            )),
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
    if regime.is_inside(country, on) || adequate(regime, country, certified, on) {
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

fn adequate(regime: Regime, country: &str, certified: bool, on: Date) -> bool {
    regime.adequacy(country, on).is_some_and(|a| !a.certified_only || certified)
}

/// A flow of data out of a regime, with the facts that judge it.
pub struct Flow<'a> {
    /// The regime the data leaves.
    pub regime: Regime,
    /// The destination country.
    pub country: &'a str,
    /// The mechanism recorded.
    pub mechanism: Option<TransferMechanism>,
    /// Whether the importer is certified to the DPF.
    pub certified: bool,
    /// The transfer impact assessment, if one is referenced.
    pub assessment: Option<&'a str>,
    /// The supplementary measures recorded.
    pub measures: &'a [SupplementaryMeasure],
    /// Whether the transfer is systematic and the derogations' misuse is an
    /// error (hosting, a processor), or only likely systematic (a warning).
    pub systematic: bool,
}

/// What is wrong with a flow on `on`: each problem with its severity.
pub fn flow_problems(flow: &Flow, on: Date) -> Vec<(String, Severity)> {
    let Flow { regime, country, mechanism, certified, .. } = *flow;
    if let Some(why) = transfer_problem(regime, country, mechanism, certified, on) {
        return vec![(why, Severity::Error)];
    }
    if regime.is_inside(country, on) || adequate(regime, country, certified, on) {
        return Vec::new();
    }
    use TransferMechanism::*;
    let Some(m) = mechanism else { return Vec::new() };
    let mut out = Vec::new();
    match m {
        Consent | Derogation => {
            let severity = if flow.systematic { Severity::Error } else { Severity::Warning };
            out.push((
                format!(
                    "`{}` is an Art. 49 derogation for occasional transfers, not for a regular flow of data to {country} (EDPB Guidelines 2/2018)",
                    mechanism_name(m)
                ),
                severity,
            ));
        }
        Scc | UkAddendum | Idta | Bcr => {
            let assessment_from = match regime {
                Regime::Eea => crate::data::SCHREMS_II,
                Regime::Uk => crate::applicability::UK_GDPR_FROM,
            };
            if on >= assessment_from && flow.assessment.is_none() {
                let what = match regime {
                    Regime::Eea => "transfer impact assessment (CJEU C-311/18; EDPB Recommendations 01/2020)",
                    Regime::Uk => "transfer risk assessment (UK GDPR Art. 46; ICO transfer risk assessment guidance)",
                };
                out.push((format!("`{}` to {country} has no {what}", mechanism_name(m)), Severity::Error));
            }
            let us_gap = regime == Regime::Eea
                && country == "US"
                && on >= crate::data::SCHREMS_II
                && on < crate::data::EU_US_DPF_FROM;
            let effective = flow.measures.iter().any(|x| {
                matches!(x, SupplementaryMeasure::EncryptionExporterHeldKeys | SupplementaryMeasure::Pseudonymisation)
            });
            if us_gap && !effective {
                out.push((
                    format!(
                        "`{}` to the US between 2020-07-16 and 2023-07-09 needed effective supplementary measures (encryption with keys held by the exporter, or pseudonymisation), as in the DPC's Meta decision of 2023-05-12 and the Austrian DSB's Google Analytics decision of 2021-12-22",
                        mechanism_name(m)
                    ),
                    Severity::Error,
                ));
            }
        }
        _ => {}
    }
    out
}

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let on = ctx.as_of;
    let options = ctx.options::<crate::options::Options>();
    let reach = crate::reach(ctx);
    let mut out = Vec::new();
    for (k, system) in m.systems.iter().enumerate() {
        for regime in applicability::system_regimes_by(m, system, on, |i| reach.of(i)) {
            for (j, location) in system.locations.iter().enumerate() {
                let Some(country) = location.country() else { continue };
                let mechanism = options.system_mechanism(location);
                let flow = Flow {
                    regime,
                    country: country.code(),
                    mechanism,
                    certified: mechanism == Some(TransferMechanism::Dpf),
                    assessment: options.system_assessment(location),
                    measures: options.system_measures(location),
                    systematic: true,
                };
                for (why, severity) in flow_problems(&flow, on) {
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
                            "record the safeguard in `[modules.eea-uk] system_transfers = {{ {country} = \"scc\" }}` (or `idta`/`uk_addendum` for UK data) and the assessment in `system_transfer_assessments`, or store the data inside {}",
                            regime.name()
                        ))
                        .severity(severity),
                    );
                }
            }
        }
    }
    for (k, recipient) in m.recipients.iter().enumerate() {
        let Some(country) = recipient.country.country() else { continue };
        for regime in applicability::recipient_regimes_by(m, recipient, |i| reach.of(i)) {
            let flow = Flow {
                regime,
                country: country.code(),
                mechanism: recipient.transfer,
                certified: recipient.dpf_certified,
                assessment: recipient.transfer_impact_assessment.as_deref(),
                measures: &recipient.supplementary_measures,
                systematic: recipient.role == RecipientRole::Processor,
            };
            for (why, severity) in flow_problems(&flow, on) {
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
                    .help("put the 2021 SCCs (with the UK Addendum for UK data) or an IDTA in place, record it in `transfer`, and reference the assessment in `transfer_impact_assessment`")
                    .severity(severity),
                );
            }
        }
    }
    out
}
