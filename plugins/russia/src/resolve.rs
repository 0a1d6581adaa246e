//! `juris resolve --jurisdiction RU`: where RU people's data must be recorded,
//! which systems satisfy that, which transfers need notices, which consent
//! applies and who answers for the processing.

use juris_core::Topic;
use juris_core::module::{Resolution, ResolveContext, Statement};

use crate::law::{
    self, FZ23_LOCALIZATION, FZ156_CONSENT, FZ242_LOCALIZATION, FZ266_CROSS_BORDER, Localization, adequate, in_russia,
    notice_filed,
};
use crate::options::{LocalizationScope, Options};

/// What 152-FZ says about a person in Russia, applied to the manifest.
pub fn resolve(ctx: &ResolveContext, opts: &Options) -> Resolution {
    let mut out = Resolution::default();
    if !in_russia(&ctx.jurisdiction) {
        return out;
    }
    let m = &ctx.manifest;
    let s = &mut out.statements;
    let scope = law::scope(m);
    if ctx.as_of < law::FZ152_IN_FORCE {
        s.push(Statement::new(
            Topic::Applicability,
            format!("152-FZ entered into force on 2007-01-26, so on {} it set no duty", ctx.as_of),
            "152-FZ Art. 25(1)",
        ));
        return out;
    }
    if !scope.applies() {
        s.push(Statement::new(
            Topic::Applicability,
            "the organisation is not established in Russia (organization.established, entities' country) and neither its markets, nor any activity's markets, nor any entity's serves include Russia; 152-FZ applies to operators in Russia and to processing directed at people in Russia, so add RU where that is so",
            "152-FZ Art. 1(1), (1.1); Art. 3 item 2",
        ));
        return out;
    }
    s.push(Statement::new(
        Topic::Applicability,
        format!("152-FZ applies: {}", scope.reason()),
        "152-FZ Art. 1(1), (1.1) (added by 266-FZ from 2022-09-01); Art. 3 item 2",
    ));
    if let Some(entity) = m.contracting_entity(&ctx.jurisdiction) {
        s.push(Statement::new(
            Topic::Entity,
            format!(
                "the person contracts with {} ({}), which is the operator under 152-FZ",
                entity.name, entity.country
            ),
            "152-FZ Art. 3 item 2",
        ));
    }

    // Storage: Art. 18(5).
    let after_23fz = ctx.as_of >= FZ23_LOCALIZATION;
    let exempt_ids = law::localization_exempt_systems(m);
    let mut in_ru = Vec::new();
    let mut replicas = Vec::new();
    let mut abroad = Vec::new();
    let mut exempt = Vec::new();
    for system in m.systems.iter().filter(|s| law::holds_ru(s)) {
        let where_ = law::join(&system.locations.iter().map(|l| l.to_string()).collect::<Vec<_>>());
        let where_ = if where_.is_empty() { "no location given".to_string() } else { where_ };
        match law::localization(m, system) {
            Localization::InRussia => in_ru.push(format!("`{}`", system.id)),
            // The same exemption `russia/localization` applies (Art. 6(1) items 2, 3, 4, 8).
            _ if exempt_ids.contains(system.id.as_str()) => exempt.push(format!("`{}` ({where_})", system.id)),
            Localization::ReplicaOf(p) => replicas.push(format!("`{}` ({where_}, a copy of `{p}`)", system.id)),
            Localization::BadPrimary(_) | Localization::Abroad => abroad.push(format!("`{}` ({where_})", system.id)),
        }
    }
    let mut text = if ctx.as_of < FZ242_LOCALIZATION {
        "the localisation duty of Art. 18(5) applies from 2015-09-01 (242-FZ); from then on, the data of Russian citizens must be recorded, systematised, accumulated, stored, updated and extracted in databases located in Russia".to_string()
    } else if after_23fz {
        "the data of Russian citizens must be recorded, systematised, accumulated, stored, updated and extracted in databases located in Russia; doing so through databases outside Russia is prohibited since 2025-07-01 (23-FZ)".to_string()
    } else {
        "the data of Russian citizens must be recorded, systematised, accumulated, stored, updated and extracted in databases located in Russia".to_string()
    };
    text.push_str(&match in_ru.as_slice() {
        [] => "; no system in the manifest records it in Russia".to_string(),
        list => format!("; satisfied by {}", law::join(list)),
    });
    if !replicas.is_empty() {
        let reading = match (after_23fz, opts.localization_scope) {
            (false, _) | (true, LocalizationScope::CollectionOnly) => {
                "lawful after the data is recorded in Russia first, as a cross-border transfer under Art. 12"
            }
            (true, LocalizationScope::Strict) => {
                "a copy abroad, which the strict reading of 23-FZ (the default) treats as prohibited and the collection-only reading allows as a cross-border transfer"
            }
        };
        text.push_str(&format!(
            "; {} {} {reading}",
            law::join(&replicas),
            if replicas.len() == 1 { "is" } else { "are" }
        ));
    }
    if !abroad.is_empty() {
        text.push_str(&format!(
            "; {} {} RU people's data outside Russia without a Russian primary, which {} Art. 18(5)",
            law::join(&abroad),
            if abroad.len() == 1 { "holds" } else { "hold" },
            if ctx.as_of < FZ242_LOCALIZATION { "would break" } else { "breaks" }
        ));
    }
    if !exempt.is_empty() {
        text.push_str(&format!(
            "; {} {} RU people's data outside Russia only for activities on grounds Art. 18(5) exempts (Art. 6(1) items 2, 3, 4 or 8)",
            law::join(&exempt),
            if exempt.len() == 1 { "holds" } else { "hold" }
        ));
    }
    s.push(Statement::new(Topic::Storage, text, "152-FZ Art. 18(5) (242-FZ; as amended by 23-FZ from 2025-07-01)"));

    // Transfers: Art. 12.
    let mut by_place: Vec<(juris_core::Jurisdiction, Vec<String>)> = Vec::new();
    for d in law::destinations(m) {
        match by_place.iter_mut().find(|(p, _)| *p == d.place) {
            Some((_, vias)) => {
                if !vias.contains(&d.via) {
                    vias.push(d.via)
                }
            }
            None => by_place.push((d.place, vec![d.via])),
        }
    }
    let places: Vec<String> = by_place
        .iter()
        .map(|(place, vias)| {
            let status = match (notice_filed(m, place), adequate(place, opts)) {
                (true, true) => "notice filed; adequate, so transfers may start once notified",
                (true, false) => "notice filed; not adequate, so transfers may start only 10 working days after the notice unless Roskomnadzor restricts them",
                (false, true) => "needs a notice to Roskomnadzor before the first transfer (adequate: transfers may start once notified)",
                (false, false) => "needs a notice to Roskomnadzor before the first transfer, then a 10-working-day wait (not adequate)",
            };
            format!("{place} (via {}): {status}", law::join(vias))
        })
        .collect();
    let text = if places.is_empty() {
        "no transfer of RU people's data outside Russia is declared".to_string()
    } else if ctx.as_of < FZ266_CROSS_BORDER {
        format!("cross-border transfers: {}; the notice duty applies from 2023-03-01", places.join("; "))
    } else {
        format!("cross-border transfers: {}", places.join("; "))
    };
    s.push(Statement::new(Topic::Transfers, text, "152-FZ Art. 12(2)-(3), (8)-(10), as amended by 266-FZ"));

    // Consent.
    let mode = m
        .consent_for(&ctx.jurisdiction)
        .and_then(|p| juris_core::serde_json::to_value(p.mode).ok())
        .and_then(|v| v.as_str().map(str::to_string));
    let mut text = match mode {
        Some(mode) => format!("the consent mode the manifest sets for RU is {mode}; "),
        None => String::new(),
    };
    text.push_str("processing needs consent unless another Art. 6(1) ground applies; consent must be an active choice (no pre-ticked boxes, no consent by continuing to browse, nothing non-essential before the choice: Art. 9(1)); special categories need written consent or another Art. 10(2) case, biometrics written consent save Art. 11(2); criminal records only where a federal law allows, never on consent (Art. 10(3)); direct marketing needs prior consent (Art. 15)");
    if ctx.as_of >= FZ156_CONSENT {
        text.push_str(if opts.consent_separate_document {
            "; consent is obtained as a separate document, as required since 2025-09-01"
        } else {
            "; since 2025-09-01 consent must be a separate document, not part of terms or a policy, and the manifest does not say it is (`[modules.russia] consent_separate_document`)"
        });
    }
    s.push(Statement::new(
        Topic::Consent,
        text,
        "152-FZ Art. 6(1), Art. 9(1) (as amended by 156-FZ), Arts. 10, 11, 15",
    ));

    // Responsible person and registration.
    let responsible: Vec<String> = m
        .contacts
        .iter()
        .filter(|c| c.role == juris_core::manifest::ContactRole::ResponsiblePerson && c.for_.iter().any(law::touches))
        .map(|c| c.name.to_string())
        .collect();
    s.push(Statement::new(
        Topic::Contacts,
        if ctx.as_of < law::FZ261_IN_FORCE {
            "the duty to appoint a person responsible for organising processing applies from 2011-07-27 (261-FZ)"
                .to_string()
        } else if responsible.is_empty() {
            "no person responsible for organising processing is named for RU".to_string()
        } else {
            format!("the person responsible for organising processing is {}", law::join(&responsible))
        },
        "152-FZ Art. 22.1",
    ));
    s.push(Statement::new(
        Topic::Registration,
        match (m.filings.rkn_operator_registry, opts.operator_notification_exemption) {
            (true, _) if ctx.as_of >= FZ266_CROSS_BORDER => "the organisation is entered in Roskomnadzor's register of operators; changes are reported by the 15th of the following month".to_string(),
            (true, _) => "the organisation is entered in Roskomnadzor's register of operators".to_string(),
            (false, Some(e)) => format!("the organisation relies on the exemption for {} from notifying Roskomnadzor", e.describe()),
            (false, None) => "the organisation must notify Roskomnadzor before processing (register of operators), giving where the databases holding Russian citizens' data are".to_string(),
        },
        "152-FZ Art. 22(1)-(3), (7)",
    ));
    out
}
