//! `juris resolve --jurisdiction BR`: what the LGPD says about a person in Brazil,
//! applied to the manifest.

use juris_core::manifest::ContactRole;
use juris_core::{Resolution, ResolveContext, Statement, Topic};

use crate::options;
use crate::transfers;

/// The statements for a person in `ctx.jurisdiction`; none outside Brazil.
pub fn resolve(ctx: &ResolveContext, opts: &options::Options) -> Resolution {
    let mut statements = Vec::new();
    if !crate::governs(&ctx.jurisdiction) {
        return Resolution { statements };
    }
    let m = &ctx.manifest;
    let place = &ctx.jurisdiction;
    if ctx.as_of < crate::LGPD_IN_FORCE {
        statements.push(Statement::new(
            Topic::Module,
            format!("the LGPD's substantive provisions only apply from {}", crate::LGPD_IN_FORCE),
            "Lei 13.709/2018 Art. 65 II",
        ));
        return Resolution { statements };
    }
    // The same model `check` uses: with no processing the LGPD governs, the
    // person in Brazil has nothing to ask of this organisation under it.
    let Some(reason) = crate::applicability::organisation(m, opts, ctx.as_of) else {
        statements.push(Statement::new(
            Topic::Module,
            "the manifest shows no processing the LGPD governs: none is carried out in Brazil, offered to people in Brazil or of data collected there, or every such activity is excluded by Art. 4; data collected from a person while in Brazil would bring it under the law (Art. 3 III, §1)",
            "LGPD Arts. 3-4",
        ));
        return Resolution { statements };
    };
    statements.push(Statement::new(
        Topic::Module,
        format!(
            "the LGPD (Lei 13.709/2018) applies, supervised by the ANPD: {} ({})",
            reason.why,
            reason.ground.article()
        ),
        "LGPD Arts. 3-4",
    ));
    statements.push(Statement::new(
        Topic::Entity,
        match m.contracting_entity(place) {
            Some(e) => format!(
                "the person contracts with {} ({}, established in {}), the controller under the LGPD",
                e.name, e.id, e.country
            ),
            None => "no entity in the manifest serves Brazil: name the controller in `[[entities]]`".to_string(),
        },
        "LGPD Art. 5 VI; Art. 9 III",
    ));
    let small = options::is_small_agent(m, opts) && ctx.as_of >= crate::deadlines::RES_2_2022_IN_FORCE;
    let br = crate::brazil();
    let contact = crate::encarregado(m).map(|(_, c)| c).or_else(|| m.contacts.iter().find(|c| br.is_in(&c.for_)));
    statements.push(Statement::new(
        Topic::Encarregado,
        match contact {
            Some(c) if c.role == ContactRole::Dpo => format!(
                "the encarregado is {}{}{}",
                c.name,
                c.email.as_deref().map(|e| format!(", {e}")).unwrap_or_default(),
                if c.published { "" } else { " (not yet published, as Art. 41 §1 requires)" }
            ),
            Some(c) if small => format!(
                "as a small processing agent the organisation need not appoint an encarregado; its channel for data subjects is {}",
                c.name
            ),
            Some(c) => format!(
                "no encarregado is appointed for Brazil; {} is a privacy contact only, and Art. 41 requires an encarregado",
                c.name
            ),
            None if small => "no encarregado is required of a small processing agent, but it must offer a channel for data subjects, and none is listed".to_string(),
            None => "no encarregado is appointed for Brazil, as Art. 41 requires".to_string(),
        },
        "LGPD Art. 41; Res. CD/ANPD 18/2024; Res. CD/ANPD 2/2022 Art. 11",
    ));
    let mut lines = Vec::new();
    for (_, r) in transfers::brazilian_recipients(m, crate::applicability::activities(m, opts, ctx.as_of, false)) {
        if !transfers::is_transfer(r) {
            continue;
        }
        let status = if let Some(a) = transfers::adequacy_for(&r.country, ctx.as_of) {
            format!("adequate under {}", a.citation)
        } else {
            match transfers::assess(m, r, ctx.as_of) {
                None => format!("covered by `{}`", mechanism_name(r)),
                Some(p) => p.message,
            }
        };
        lines.push(format!("{} ({}): {status}", r.id, r.country));
    }
    statements.push(Statement::new(
        Topic::Transfers,
        if lines.is_empty() {
            "no recipient abroad receives the data of people in Brazil".to_string()
        } else {
            format!(
                "data leaves Brazil only under an Art. 33 mechanism; the ANPD recognises the EU and the EEA as adequate from 2026-01-27 (Res. CD/ANPD 32/2026), its only adequacy decision as of 2026-12-01; {}",
                lines.join("; ")
            )
        },
        "LGPD Art. 33; Res. CD/ANPD 19/2024; Res. CD/ANPD 32/2026",
    ));
    statements.push(Statement::new(
        Topic::Storage,
        "the LGPD sets no data-localisation duty: data may be stored abroad, but disclosing it to an agent abroad is an international transfer under Art. 33",
        "LGPD Arts. 33-36",
    ));
    if let Some(policy) = m.consent_for(place) {
        statements.push(Statement::new(
            Topic::Consent,
            format!(
                "the manifest's consent mode for Brazil is `{}`; where consent is the basis it must be free, informed, unambiguous and for determined purposes, given in writing or another demonstrable way, and revocable at any time",
                match policy.mode {
                    juris_core::manifest::ConsentMode::OptIn => "opt-in",
                    juris_core::manifest::ConsentMode::OptOut => "opt-out",
                    juris_core::manifest::ConsentMode::NoticeOnly => "notice-only",
                }
            ),
            "LGPD Art. 5 XII; Art. 8",
        ));
    }
    statements.push(Statement::new(
        Topic::SmallAgent,
        if small {
            "the organisation is a small processing agent: doubled deadlines, simplified records, no duty to appoint an encarregado".to_string()
        } else if opts.small_agent && ctx.as_of < crate::deadlines::RES_2_2022_IN_FORCE {
            format!(
                "small-processing-agent status is declared, but Res. CD/ANPD 2/2022 only applies from {}: the ordinary duties apply",
                crate::deadlines::RES_2_2022_IN_FORCE
            )
        } else if opts.small_agent {
            "small-processing-agent status is declared but excluded (revenue or high-risk processing): the ordinary duties apply".to_string()
        } else {
            "the organisation is not declared a small processing agent: the ordinary duties and deadlines apply".to_string()
        },
        "Res. CD/ANPD 2/2022 Arts. 2-4, 11, 14-15",
    ));
    Resolution { statements }
}

fn mechanism_name(recipient: &juris_core::manifest::Recipient) -> String {
    recipient
        .transfer
        .and_then(|t| juris_core::serde_json::to_value(t).ok())
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "none".to_string())
}
