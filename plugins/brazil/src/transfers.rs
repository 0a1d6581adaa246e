//! International transfers under LGPD Art. 33: adequacy decisions as dated
//! facts, and whether a recipient's mechanism is lawful on a date.

use juris_core::jiff::civil::{Date, date};
use juris_core::manifest::{Activity, ConsentMode, Recipient, System, TransferMechanism};

use juris_core::{Jurisdiction, Manifest, Severity};

/// An ANPD adequacy decision (LGPD Art. 33 I, Art. 34).
pub struct Adequacy {
    /// The places it covers, as a jurisdiction code.
    pub region: &'static str,
    /// What it covers, in words.
    pub name: &'static str,
    /// The first day it applies.
    pub from: Date,
    /// The decision.
    pub citation: &'static str,
}

/// Every ANPD adequacy decision known to the module.
pub static ADEQUACY: &[Adequacy] = &[Adequacy {
    region: "EEA",
    name: "the European Union's 27 member states, Iceland, Liechtenstein and Norway",
    from: date(2026, 1, 27),
    citation: "Res. CD/ANPD nº 32/2026 of 26 January 2026, Arts. 1-2 (DOU 27 January 2026)",
}];

/// The day the ANPD's standard contractual clauses were published (Res. 19/2024).
pub const ANPD_SCC_PUBLISHED: Date = date(2024, 8, 23);
/// The last day for contract-based transfers to adopt the ANPD clauses (Res.
/// 19/2024 Art. 2 sole paragraph: 12 months from publication).
pub const ANPD_SCC_DEADLINE: Date = date(2025, 8, 23);

/// The adequacy decision covering `place` on `as_of`, if any.
pub fn adequacy_for(place: &Jurisdiction, as_of: Date) -> Option<&'static Adequacy> {
    ADEQUACY.iter().find(|a| {
        a.from <= as_of && a.region.parse::<Jurisdiction>().is_ok_and(|region: Jurisdiction| region.covers(place))
    })
}

/// Whether disclosing data to `recipient` is an international transfer.
pub fn is_transfer(recipient: &Recipient) -> bool {
    !crate::governs(&recipient.country)
}

/// Why a transfer's mechanism does not meet Art. 33 on `as_of`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// A severity lower than the rule's, where the reading is uncertain.
    pub severity: Option<Severity>,
}

/// Whether the transfer to `recipient` is lawful on `as_of`; `None` when it is.
pub fn assess(manifest: &Manifest, recipient: &Recipient, as_of: Date) -> Option<Problem> {
    if !is_transfer(recipient) {
        return None;
    }
    let who = format!("recipient `{}` in {}", recipient.id, recipient.country);
    assess_mechanism(manifest, &who, &recipient.country, recipient.transfer, as_of)
}

/// Whether a transfer of `who` to `country` under `mechanism` is lawful on `as_of`.
pub fn assess_mechanism(
    manifest: &Manifest,
    who: &str,
    country: &Jurisdiction,
    mechanism: Option<TransferMechanism>,
    as_of: Date,
) -> Option<Problem> {
    if crate::governs(country) || adequacy_for(country, as_of).is_some() {
        return None;
    }
    let use_scc = "adopt the ANPD standard contractual clauses in full (Res. CD/ANPD 19/2024 Annex II) and set `transfer = \"anpd_scc\"`, or name another Art. 33 mechanism";
    let problem = |message: String, help: &str| Some(Problem { message, help: help.to_string(), severity: None });
    match mechanism {
        None | Some(TransferMechanism::None) => {
            problem(format!("{who} receives data from Brazil without an Art. 33 transfer mechanism"), use_scc)
        }
        Some(TransferMechanism::Adequacy) => {
            problem(format!("{who}: no ANPD adequacy decision covers {} as of {as_of}", country), use_scc)
        }
        Some(TransferMechanism::Dpf) => problem(
            format!(
                "{who} relies on the EU-US Data Privacy Framework, which is not a transfer mechanism under the LGPD"
            ),
            use_scc,
        ),
        Some(TransferMechanism::AnpdScc) if as_of < ANPD_SCC_PUBLISHED => problem(
            format!("{who} relies on the ANPD standard clauses, which were only published on {ANPD_SCC_PUBLISHED}"),
            "name the mechanism in force at the time",
        ),
        Some(TransferMechanism::Scc | TransferMechanism::Idta | TransferMechanism::UkAddendum) => {
            let clauses = match mechanism {
                Some(TransferMechanism::Idta) => "the UK IDTA",
                Some(TransferMechanism::UkAddendum) => "the UK Addendum",
                _ => "the European Commission's standard clauses",
            };
            if as_of <= ANPD_SCC_DEADLINE {
                Some(Problem {
                    message: format!(
                        "{who} relies on {clauses}; contract-based transfers must adopt the ANPD standard clauses by {ANPD_SCC_DEADLINE}"
                    ),
                    help: use_scc.to_string(),
                    severity: Some(Severity::Warning),
                })
            } else {
                problem(
                    format!(
                        "{who} relies on {clauses}, but contract-based transfers must use the ANPD standard clauses since {ANPD_SCC_DEADLINE}"
                    ),
                    use_scc,
                )
            }
        }
        Some(TransferMechanism::Derogation) => Some(Problem {
            message: format!("{who} relies on a `derogation`, which the LGPD does not define as such"),
            help: "check that the transfer fits LGPD Art. 33 III, IV, VI, VII or IX, or use the ANPD standard clauses"
                .to_string(),
            severity: Some(Severity::Warning),
        }),
        Some(TransferMechanism::Consent) => {
            let mode = manifest.consent_for(&crate::brazil()).map(|p| p.mode);
            match mode {
                Some(ConsentMode::OptOut | ConsentMode::NoticeOnly) => problem(
                    format!(
                        "{who} relies on consent to the transfer, but consent in Brazil is collected `{}`: Art. 33 VIII needs specific and highlighted consent, given after being told the transfer is international",
                        if mode == Some(ConsentMode::OptOut) { "opt-out" } else { "notice-only" }
                    ),
                    "collect specific, highlighted opt-in consent to the transfer, or use the ANPD standard clauses (`transfer = \"anpd_scc\"`)",
                ),
                _ => None,
            }
        }
        Some(TransferMechanism::AnpdScc | TransferMechanism::Bcr) => None,
    }
}

/// The recipients that receive data from the activities the LGPD governs
/// (`governed`: [`crate::activities`] in a check), with their index, each once.
pub fn brazilian_recipients<'a>(
    manifest: &'a Manifest,
    governed: impl Iterator<Item = (usize, &'a Activity)>,
) -> Vec<(usize, &'a Recipient)> {
    let mut out: Vec<(usize, &Recipient)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (_, activity) in governed {
        for id in &activity.recipients {
            if let Some(index) = manifest.recipient_index(id)
                && seen.insert(index)
            {
                out.push((index, &manifest.recipients[index]));
            }
        }
    }
    out.sort_by_key(|(i, _)| *i);
    out
}

/// The organisation's own systems abroad that data from Brazil is sent to,
/// with their index, each once: for an organisation established in Brazil, a
/// system outside Brazil used by an activity the LGPD governs. Data a foreign
/// organisation collects directly from people in Brazil into its own systems
/// is "coleta internacional", not a transfer (Res. CD/ANPD 19/2024 Annex I,
/// Art. 3 V and the article that follows the definition of a transfer).
pub fn systems_abroad<'a>(
    manifest: &'a Manifest,
    governed: impl Iterator<Item = (usize, &'a Activity)>,
) -> Vec<(usize, &'a System)> {
    let mut out: Vec<(usize, &System)> = Vec::new();
    if !crate::applicability::established_in_brazil(manifest) {
        return out;
    }
    let mut seen = std::collections::HashSet::new();
    for (_, activity) in governed {
        for id in &activity.systems {
            if let Some(index) = manifest.system_index(id)
                && manifest.systems[index].locations.iter().any(|l| !crate::governs(l))
                && seen.insert(index)
            {
                out.push((index, &manifest.systems[index]));
            }
        }
    }
    out.sort_by_key(|(i, _)| *i);
    out
}
