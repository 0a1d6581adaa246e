//! `juris resolve` for a person in an EEA country or the UK: which law applies,
//! who they contract with, where their data may go, and how consent to
//! cookies must be asked.

use juris_core::manifest::{ConsentMode, ContactRole, TransferMechanism};
use juris_core::{Resolution, ResolveContext, Statement, Topic};

use crate::applicability;
use crate::data::Regime;
use crate::options::Options;
use crate::rules::cookie_consent_required::{UK_EXCEPTIONS_FROM, needs_consent};
use crate::rules::transfer_without_safeguard::{Flow, flow_problems};

/// What EEA or UK law says about a person in `ctx.jurisdiction`.
pub fn resolve(ctx: &ResolveContext, options: &Options) -> Resolution {
    let place = &ctx.jurisdiction;
    let on = ctx.as_of;
    let Some(regime) = applicability::regimes(place, on).into_iter().next().filter(|_| crate::governs(place)) else {
        return Resolution::default();
    };
    let m = &ctx.manifest;
    let uk = regime == Regime::Uk;
    let law = applicability::law(regime);
    let Some((_, ground)) = applicability::applies_to_people_in(m, place, on) else {
        return Resolution {
            statements: vec![Statement::new(
                Topic::Law,
                format!(
                    "the {law} does not apply to this organisation's processing of data of people in {place}: it has no establishment in {} and neither offers goods or services to nor monitors people there; where its systems store data does not change that",
                    regime.name()
                ),
                &format!("{law} Art. 3(1)-(2)"),
            )],
        };
    };
    let mut statements = Vec::new();

    statements.push(if uk {
        Statement::new(
            Topic::Law,
            format!("people in {place} are protected by the UK GDPR, the Data Protection Act 2018 and PECR, as amended by the Data (Use and Access) Act 2025: {}", ground.describe(regime)),
            "UK GDPR Art. 3; PECR reg 6",
        )
    } else {
        Statement::new(
            Topic::Law,
            format!("people in {place} are protected by the GDPR and the national law transposing the ePrivacy Directive: {}", ground.describe(regime)),
            "GDPR Art. 3; Directive 2002/58/EC Art. 5(3)",
        )
    });

    let entity = match m.contracting_entity(place) {
        Some(e) => format!(
            "people in {place} contract with {} (`{}`, established in {}), the controller to name in the privacy notice",
            e.name, e.id, e.country
        ),
        None => {
            format!("no entity in the manifest serves {place}: the controller must be identified in the privacy notice")
        }
    };
    statements.push(Statement::new(Topic::Entity, entity, &format!("{law} Art. 4(7), Art. 13(1)(a)")));

    statements.push(Statement::new(
        Topic::Storage,
        format!(
            "no localisation: data of people in {place} may be stored in any country, provided transfers outside {} meet Chapter V",
            regime.name()
        ),
        &format!("{law} Art. 44"),
    ));

    statements.push(Statement::new(
        Topic::Transfers,
        transfers(ctx, regime, options),
        if uk { "UK GDPR Arts. 44-46, 49; DPA 2018 Sch 21 para 5" } else { "GDPR Arts. 44-46, 49" },
    ));

    let policy = m.consent_for(place).map(|p| p.mode);
    let needing: Vec<&str> = m
        .cookies
        .iter()
        .filter(|c| {
            needs_consent(c, &m.organization.name, uk, ctx.as_of, options.uk_analytics_exception.unwrap_or(true))
        })
        .map(|c| c.name.as_str())
        .collect();
    let mode = match policy {
        Some(ConsentMode::OptIn) => "`opt-in`, as required".to_string(),
        Some(ConsentMode::OptOut) => "`opt-out`, which is not consent".to_string(),
        Some(ConsentMode::NoticeOnly) => "`notice-only`, which is not consent".to_string(),
        None => "not stated".to_string(),
    };
    let mut consent = format!(
        "non-essential cookies and similar technologies need opt-in consent before they are set; the manifest's consent mode for {place} is {mode}"
    );
    if !needing.is_empty() {
        consent.push_str(&format!("; cookies that need consent: {}", needing.join(", ")));
    }
    if uk && ctx.as_of >= UK_EXCEPTIONS_FROM {
        consent.push_str("; analytics cookies may rely on the PECR statistical exception with clear information and a simple, free way to object");
    }
    statements.push(Statement::new(
        Topic::Consent,
        consent,
        match (uk, ctx.as_of >= UK_EXCEPTIONS_FROM) {
            (true, true) => "PECR reg 6 and Sch A1",
            (true, false) => "PECR reg 6",
            (false, _) => "Directive 2002/58/EC Art. 5(3)",
        },
    ));

    let contacts: Vec<String> = m
        .contacts
        .iter()
        .filter(|c| c.for_.iter().any(|f| f.overlaps(place)))
        .filter(|c| matches!(c.role, ContactRole::Dpo | ContactRole::Representative | ContactRole::Privacy))
        .map(|c| {
            let role = match c.role {
                ContactRole::Dpo => "data protection officer",
                ContactRole::Representative => "representative",
                _ => "privacy contact",
            };
            format!("{role}: {}{}", c.name, c.email.as_deref().map(|e| format!(" <{e}>")).unwrap_or_default())
        })
        .collect();
    statements.push(Statement::new(
        Topic::Contacts,
        if contacts.is_empty() {
            format!("the manifest names no privacy contact for {place}")
        } else {
            contacts.join("; ")
        },
        &format!("{law} Arts. 13(1)(a)-(b), 27, 37(7)"),
    ));

    if let Some(country) = place.country() {
        let overridden =
            options.child_consent_ages.iter().find(|(j, _)| j.country() == Some(country)).map(|(_, age)| *age);
        let known = crate::data::consent_age(country.code(), ctx.as_of);
        let said = match (overridden, known) {
            (Some(age), _) => Some(format!("{age} (set in `[modules.eea-uk] child_consent_ages`)")),
            (None, Some(a)) if a.certainty == crate::data::Certainty::Uncertain => {
                Some(format!("{} ({}; uncertain: check the current law)", a.age, a.source))
            }
            (None, Some(a)) => Some(format!("{} ({})", a.age, a.source)),
            (None, None) => None,
        };
        if let Some(said) = said {
            statements.push(Statement::new(
                Topic::Children,
                format!(
                    "the age of digital consent in {country} is {said}; below it a parent must give or authorise consent to an information society service"
                ),
                if uk { "UK GDPR Art. 8(1); DPA 2018 s.9" } else { "GDPR Art. 8(1)" },
            ));
        }
    }
    Resolution { statements }
}

fn transfers(ctx: &ResolveContext, regime: Regime, options: &Options) -> String {
    let m = &ctx.manifest;
    let on = ctx.as_of;
    let place = &ctx.jurisdiction;
    let own = applicability::own_establishment(m, regime, on).is_some();
    let mut lines = Vec::new();
    for system in m.systems.iter().filter(|s| {
        applicability::system_regimes(m, s, on).contains(&regime) && (own || s.holds.iter().any(|h| h.overlaps(place)))
    }) {
        for location in &system.locations {
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
            lines.push(format!("system `{}` in {country}: {}", system.id, status(&flow, on)));
        }
    }
    let touching = |a: &&juris_core::manifest::Activity| {
        applicability::activity_in(m, a, regime, on) && (own || m.activity_markets(a).iter().any(|j| j.overlaps(place)))
    };
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for activity in m.activities.iter().filter(touching) {
        for id in &activity.recipients {
            let Some(r) = m.recipient(id) else { continue };
            let Some(country) = r.country.country() else { continue };
            if !seen.insert(r.id.as_str()) {
                continue;
            }
            let flow = Flow {
                regime,
                country: country.code(),
                mechanism: r.transfer,
                certified: r.dpf_certified,
                assessment: r.transfer_impact_assessment.as_deref(),
                measures: &r.supplementary_measures,
                systematic: r.role == juris_core::manifest::RecipientRole::Processor,
            };
            lines.push(format!("recipient `{}` in {country}: {}", r.id, status(&flow, on)));
        }
    }
    if lines.is_empty() {
        format!("the manifest records no system or recipient holding data of people in {place}")
    } else {
        lines.join("; ")
    }
}

/// The same judgement `eea-uk/transfer-without-safeguard` makes, in words.
fn status(flow: &Flow, on: juris_core::jiff::civil::Date) -> String {
    let regime = flow.regime;
    if regime.is_inside(flow.country, on) {
        return format!("inside {}, no transfer", regime.name());
    }
    let problems = flow_problems(flow, on);
    if !problems.is_empty() {
        let said: Vec<String> = problems.into_iter().map(|(p, _)| p).collect();
        return format!("NOT LAWFUL: {}", said.join("; "));
    }
    match regime.adequacy(flow.country, on) {
        Some(a) if !a.certified_only || flow.certified => format!("adequate ({})", a.decision),
        _ => match flow.mechanism.and_then(|m| juris_core::serde_json::to_value(m).ok()) {
            Some(v) => format!("transfer under `{}`", v.as_str().unwrap_or("?")),
            None => "transfer safeguarded".to_string(),
        },
    }
}
