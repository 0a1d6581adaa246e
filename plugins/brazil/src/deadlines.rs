//! Deadlines the LGPD and the ANPD set for requests and incidents.
//!
//! Access (LGPD Art. 19): the simplified format immediately, the clear and
//! complete declaration within 15 days of the request. The statute does not say
//! whether the days are calendar or business days; calendar days are the
//! conservative reading (`[modules.brazil] access_days = "business"` switches).
//! The day of the request is excluded and the last day included (Código Civil
//! Art. 132 caput). Moving a last day that falls on a holiday or a weekend to
//! the next business day (Art. 132 §1) is an inference from the Código Civil
//! that no ANPD act confirms for LGPD Art. 19 as of 2026-12-01: the due date is
//! the last day itself, the conservative reading, and a warning gives the
//! later date when it differs.
//!
//! Incidents (Res. CD/ANPD 15/2024): the ANPD and the people affected within 3
//! business days of knowing that the incident affected personal data, a
//! supplement within 20 business days of the notice.
//!
//! Small processing agents (Res. CD/ANPD 2/2022 Arts. 14-15) get doubled
//! deadlines, and 15 days for the simplified format.

use juris_core::jiff::civil::{Date, date};
use juris_core::module::{Due, Event, EventContext, Plan, RightsRequest};
use juris_core::time::{Count, Counted, Period, due_date};
use juris_core::{Incident, Manifest, Obligation, RequestKind};

use crate::calendars::national;
use crate::options::{self, DayUnit, Options};

/// The day Res. CD/ANPD 2/2022 (small processing agents) came into force.
pub const RES_2_2022_IN_FORCE: Date = date(2022, 1, 28);
/// The day Res. CD/ANPD 15/2024 (incident reporting) came into force, on publication.
pub const RES_15_2024_IN_FORCE: Date = date(2024, 4, 26);

/// The duties an event triggers under Brazilian law.
pub fn plan(ctx: &EventContext, opts: &Options) -> Plan {
    let (mut plan, from) = match &ctx.event {
        Event::Request(request) => (request_plan(request, ctx.manifest.as_ref(), opts), request.received),
        Event::Incident(incident) => {
            (incident_plan(incident, ctx.manifest.as_ref(), opts), incident.discovered.local_date())
        }
    };
    // A year whose Portaria is not yet published is counted on the holidays
    // the laws set: each duty due then says so.
    let calendar = national();
    plan.obligations = std::mem::take(&mut plan.obligations)
        .into_iter()
        .map(|o| {
            let notes = juris_core::time::projected_notes(&calendar, from, o.extended_due.unwrap_or(o.due).date());
            o.counted(&Counted { value: (), warnings: Vec::new(), notes })
        })
        .collect();
    plan
}

/// What the manifest says about the organisation, as deadlines need it.
struct Agent {
    small: bool,
    access_days: DayUnit,
    notes: Vec<String>,
}

fn agent(manifest: Option<&Manifest>, opts: &Options, on: Date) -> Agent {
    let Some(manifest) = manifest else {
        return Agent {
            small: false,
            access_days: DayUnit::Calendar,
            notes: vec![
                "no manifest was given: the deadlines are those of an ordinary controller counting Art. 19 days as calendar days; a small processing agent (Res. CD/ANPD 2/2022) declares `small_agent = true` in `[modules.brazil]` and gets doubled deadlines".to_string(),
            ],
        };
    };
    let mut notes = Vec::new();
    let problems = juris_core::declare::options_problems::<Options>(manifest, crate::ID);
    if let Some((_, why, _)) = problems.first() {
        notes.push(format!("{why}; its settings were ignored and the ordinary deadlines apply"));
    }
    let mut small = false;
    if opts.small_agent {
        let exclusions = options::small_agent_exclusions(manifest, opts);
        if on < RES_2_2022_IN_FORCE {
            notes.push(format!(
                "small-processing-agent status was declared, but Res. CD/ANPD 2/2022 only applies from {RES_2_2022_IN_FORCE}; the ordinary deadlines apply"
            ));
        } else if exclusions.is_empty() {
            small = true;
        } else {
            let reasons: Vec<_> = exclusions.iter().map(|e| e.reason.as_str()).collect();
            notes.push(format!(
                "small-processing-agent status was declared but does not hold ({}); the ordinary deadlines apply",
                reasons.join("; ")
            ));
        }
    }
    Agent { small, access_days: opts.access_days, notes }
}

fn obligation(action: &str, due: Due, citation: &str, note: String, warnings: Vec<String>) -> Obligation {
    Obligation {
        module: crate::ID.to_string(),
        action: action.to_string(),
        due,
        extended_due: None,
        citation: citation.to_string(),
        note,
        warnings,
    }
}

fn days(unit: DayUnit, n: u32) -> (Period, String) {
    match unit {
        DayUnit::Calendar => (Period::Days(n), format!("{n} calendar days")),
        DayUnit::Business => (Period::WorkingDays(n), format!("{n} business days")),
    }
}

fn request_plan(request: &RightsRequest, manifest: Option<&Manifest>, opts: &Options) -> Plan {
    let mut plan = Plan::default();
    if !crate::governs(&request.jurisdiction) {
        return plan;
    }
    let received = request.received;
    if received < crate::LGPD_IN_FORCE {
        plan.notes.push(format!(
            "the request was received on {received}, before the LGPD's provisions on data-subject rights came into force on {}: the LGPD sets no deadline for it",
            crate::LGPD_IN_FORCE
        ));
        return plan;
    }
    match request.request {
        RequestKind::Access => access_plan(request, manifest, opts, &mut plan),
        kind => plan.notes.push(no_deadline_note(kind)),
    }
    plan
}

fn access_plan(request: &RightsRequest, manifest: Option<&Manifest>, opts: &Options, plan: &mut Plan) {
    let received = request.received;
    let agent = agent(manifest, opts, received);
    let unit_note = match agent.access_days {
        DayUnit::Calendar => {
            "Art. 19 does not say whether its days are calendar or business days; calendar days (dias corridos) are the conservative reading, as in the ANPD's own standard clauses (Res. 19/2024 Annex II cl. 15.2: \"15 dias contínuos\"); `access_days = \"business\"` in `[modules.brazil]` switches"
        }
        DayUnit::Business => {
            "counted in business days as `[modules.brazil] access_days = \"business\"` says; the statute does not qualify its days and calendar days are the conservative reading"
        }
    };
    let counting = "the day of the request is excluded and the last day included (Código Civil Art. 132 caput); a last day on a weekend or holiday is not moved, the conservative reading";
    let complete_days = if agent.small { 30 } else { 15 };
    if agent.small {
        let (period, length) = days(agent.access_days, 15);
        let due = access_due(received, period);
        plan.obligations.push(obligation(
            "respond",
            Due::Date(due.value),
            "LGPD Art. 18 I-II and Art. 19 I; Res. CD/ANPD 2/2022 Art. 15",
            format!(
                "confirm whether data is processed, or give access, in the simplified format: a small processing agent has {length} from the request on {received} instead of \"immediately\"; {counting}; {unit_note}"
            ),
            due.warnings,
        ));
    } else {
        plan.obligations.push(obligation(
            "respond",
            Due::Immediately(received),
            "LGPD Art. 18 I-II and Art. 19 I",
            format!(
                "confirm whether data is processed, or give access, immediately in the simplified format, the day the request is received ({received}); the person may instead ask for the clear and complete declaration, due by the next date"
            ),
            Vec::new(),
        ));
    }
    let (period, length) = days(agent.access_days, complete_days);
    let due = access_due(received, period);
    let (citation, whose) = if agent.small {
        ("LGPD Art. 19 II; Res. CD/ANPD 2/2022 Art. 14 III", "a small processing agent's doubled period: ")
    } else {
        ("LGPD Art. 19 II", "")
    };
    plan.obligations.push(obligation(
        "respond",
        Due::Date(due.value),
        citation,
        format!(
            "give the clear and complete declaration (origin of the data, absence of records, criteria used and purpose, trade secrets respected) within {whose}{length} from the request on {received}, {counting}; {unit_note}; an electronic copy of the full data is due on request where processing rests on consent or contract (Art. 19 §3)"
        ),
        due.warnings,
    ));
    plan.notes.extend(agent.notes);
}

/// The last day of an Art. 19 period: not moved off a weekend or holiday (the
/// conservative reading), with a warning giving the date Código Civil Art. 132
/// §1 would give, when it applies and differs (whether Art. 132 §1 reaches
/// LGPD Art. 19 is not settled).
fn access_due(received: Date, period: Period) -> Counted<Date> {
    let exact = due_date(received, Count::exact(period), &national());
    let rolled = due_date(received, Count::rolling(period), &national());
    if rolled.value == exact.value {
        // A period in business days ends on a business day and warns itself
        // about years the calendar does not cover; one in calendar days does
        // not depend on the calendar at all.
        return if matches!(period, Period::WorkingDays(_)) { rolled } else { exact };
    }
    let mut warnings = exact.warnings;
    warnings.push(format!(
        "the last day, {}, is not a business day; if Código Civil Art. 132 §1 applies to LGPD Art. 19 (an inference from the Código Civil that no ANPD act confirms), the period moves to {}; this plan keeps the earlier date",
        exact.value, rolled.value
    ));
    merge(&mut warnings, rolled.warnings);
    let mut notes = exact.notes;
    merge(&mut notes, rolled.notes);
    Counted { value: exact.value, warnings, notes }
}

fn no_deadline_note(kind: RequestKind) -> String {
    let general = "the LGPD sets no deadline: Art. 18 §5 leaves the terms to an ANPD regulation, which the ANPD's Agenda Regulatória 2025-2026 still lists as pending (item 1; Res. CD/ANPD 23/2024 as amended by Res. CD/ANPD 31/2025 of 23 December 2025); if the measure cannot be taken at once, reply saying you are not the processing agent (naming it where possible) or giving the reasons (Art. 18 §4)";
    match kind {
        RequestKind::Access => String::new(),
        RequestKind::Rectification => format!(
            "correction of incomplete, inaccurate or outdated data (LGPD Art. 18 III): {general}; tell the agents the data was shared with at once, unless impossible or disproportionate (Art. 18 §6)"
        ),
        RequestKind::Erasure => format!(
            "deletion (LGPD Art. 18 IV and VI): {general}; data processed on consent may be kept only under Art. 16; tell the agents the data was shared with at once, unless impossible or disproportionate (Art. 18 §6)"
        ),
        RequestKind::Restriction => format!(
            "anonymisation or blocking of unnecessary, excessive or unlawfully processed data (LGPD Art. 18 IV): {general}; tell the agents the data was shared with at once (Art. 18 §6)"
        ),
        RequestKind::Portability => format!(
            "portability to another provider (LGPD Art. 18 V), subject to the ANPD's pending portability regulation: {general}"
        ),
        RequestKind::Objection => format!(
            "objection to processing on a basis other than consent that breaches the LGPD (Art. 18 §2): {general}"
        ),
        RequestKind::WithdrawConsent => format!(
            "revocation of consent, at any time, by an express statement and a free and easy procedure (LGPD Art. 8 §5, Art. 18 IX): {general}; processing done before stays lawful unless deletion is asked for"
        ),
        RequestKind::AutomatedDecisionReview => format!(
            "review of a decision based solely on automated processing, with the criteria and procedures used (LGPD Art. 20 and §1): {general}"
        ),
        RequestKind::OptOutOfSale | RequestKind::LimitSensitive | RequestKind::ShineTheLight => format!(
            "`{kind}` is not a right under the LGPD (Art. 18 lists the rights); the nearest are objection (Art. 18 §2) and revocation of consent (Art. 18 IX), for which {general}"
        ),
    }
}

fn merge(into: &mut Vec<String>, from: Vec<String>) {
    for w in from {
        if !into.contains(&w) {
            into.push(w);
        }
    }
}

fn business_days(from: Date, n: u32) -> Counted<Date> {
    due_date(from, Count::rolling(Period::WorkingDays(n)), &national())
}

fn incident_plan(incident: &Incident, manifest: Option<&Manifest>, opts: &Options) -> Plan {
    let mut plan = Plan::default();
    if !incident.jurisdictions.iter().any(crate::touches) {
        return plan;
    }
    let discovered = incident.discovered;
    let known = discovered.local_date();
    if known < RES_15_2024_IN_FORCE {
        plan.notes.push(format!(
            "the incident was known on {known}, before Res. CD/ANPD 15/2024 set the 3-business-day term (in force {RES_15_2024_IN_FORCE}): LGPD Art. 48 §1 then only required notice to the ANPD and the people affected within a reasonable time"
        ));
        return plan;
    }
    let agent = agent(manifest, opts, known);
    let factor = if agent.small { 2 } else { 1 };
    let notify = business_days(known, 3 * factor);
    let counting = format!(
        "counted in business days from {known}, the local date of {discovered} when the controller knew the incident affected personal data, excluding that day, weekends and Brazil's national holidays (pontos facultativos count as business days)"
    );
    let condition = "applies when the incident may cause relevant risk or harm to the people affected: it may significantly affect their interests or fundamental rights and involves sensitive data, data of children, adolescents or the elderly, financial or authentication data, data under legal, judicial or professional secrecy, or data on a large scale (Res. 15/2024 Art. 5); a sector law may set another term";
    let mut small_warnings = Vec::new();
    let length = if agent.small {
        let ordinary = business_days(known, 3);
        small_warnings.push(format!(
            "small-processing-agent doubling is applied; if the incident puts people's physical or moral integrity or national security at risk, the former exception in Res. CD/ANPD 2/2022 Art. 14 II may still deny it (unclear since Res. 15/2024): the conservative date is then {}",
            ordinary.value
        ));
        "6 business days (a small processing agent's doubled term, Res. 15/2024 Art. 6 §8 and Art. 9 §6)"
    } else {
        "3 business days"
    };
    let mut warnings = notify.warnings.clone();
    merge(&mut warnings, small_warnings.clone());
    plan.obligations.push(obligation(
        "notify-authority",
        Due::Date(notify.value),
        if agent.small {
            "Res. CD/ANPD 15/2024 Art. 6 caput, §1 and §8; LGPD Art. 48"
        } else {
            "Res. CD/ANPD 15/2024 Art. 6 caput and §1; LGPD Art. 48"
        },
        format!(
            "notify the ANPD through its electronic form, filed by the encarregado or a representative with a power of attorney, within {length}, {counting}; {condition}; the notice has the 12 items of Art. 6 §2, and any delay must be explained"
        ),
        warnings.clone(),
    ));
    plan.obligations.push(obligation(
        "notify-individuals",
        Due::Date(notify.value),
        if agent.small { "Res. CD/ANPD 15/2024 Art. 9 and §6; LGPD Art. 48" } else { "Res. CD/ANPD 15/2024 Art. 9; LGPD Art. 48" },
        format!(
            "tell the people affected, in plain language and directly and individually where possible, within {length}, {counting}; {condition}; where individual notice is impossible, publish it on the website, apps, social media and service channels for at least 3 months (Art. 9 §3)"
        ),
        warnings,
    ));
    let declaration = business_days(notify.value, 3);
    plan.obligations.push(obligation(
        "report-individuals-notified",
        Due::Date(declaration.value),
        "Res. CD/ANPD 15/2024 Art. 9 §4",
        format!(
            "declare to the ANPD that the people affected were notified, naming the channels used, within 3 business days of the end of the notification term ({})",
            notify.value
        ),
        declaration.warnings,
    ));
    let supplement = business_days(known, 20 * factor);
    let latest = business_days(notify.value, 20 * factor);
    let mut supplement_warnings = supplement.warnings;
    merge(&mut supplement_warnings, latest.warnings);
    plan.obligations.push(obligation(
        "supplement-authority-notice",
        Due::Date(supplement.value),
        if agent.small { "Res. CD/ANPD 15/2024 Art. 6 §3 and §8" } else { "Res. CD/ANPD 15/2024 Art. 6 §3" },
        format!(
            "complete the ANPD notice, with reasons for any information given late, within {} business days of the day the notice was filed; this date assumes the notice was filed on {known}, the conservative reading; a notice filed on its last day ({}) moves it to {}",
            20 * factor,
            notify.value,
            latest.value
        ),
        supplement_warnings,
    ));
    plan.notes.push(
        "keep the incident in the register of incidents for at least 5 years, whether or not it was notified (Res. CD/ANPD 15/2024 Art. 10)".to_string(),
    );
    plan.notes.extend(agent.notes);
    plan.obligations.sort_by_key(|o| match o.due {
        Due::Date(d) | Due::Immediately(d) => d,
        Due::Instant(i) => i.local_date(),
    });
    plan
}
