//! Deadlines the EEA and UK regimes set for requests and incidents.
//!
//! EU: one month per Reg. 1182/71 (GDPR Art. 12(3)), extendable by two further
//! months; a due date on a weekend or public holiday rolls to the next working
//! day (Art. 3(4)). UK: one month from the "relevant time" (UK GDPR Art. 12A),
//! counted as the ICO counts it, with stop-the-clock days added. Incidents:
//! 72 hours from awareness to the supervisory authority (Art. 33(1)), and the
//! people affected without undue delay when the risk to them is high
//! (Art. 34(1)).

use juris_core::jiff::civil::{Date, date};
use juris_core::module::{Due, Event, EventContext, Plan, RequestKind, RightsRequest};
use std::sync::Arc;

use juris_core::calendar::Calendar;
use juris_core::time::{Count, Period, Roll, due_date_paused, rolled_note};
use juris_core::{Incident, Jurisdiction, Manifest, Obligation};

use crate::calendars::uk_calendar;
use crate::data::Regime;
use crate::options::Options;

/// UK GDPR Art. 12A (inserted by the Data (Use and Access) Act 2025 s.76)
/// applies to requests received from this day (commenced by SI 2026/82).
pub const UK_ART_12A_FROM: Date = date(2026, 2, 5);

/// The duties an event triggers under EEA or UK law.
pub fn plan(ctx: &EventContext, options: &Options) -> Plan {
    match &ctx.event {
        Event::Request(request) => request_plan(request, ctx.manifest.as_ref(), options),
        Event::Incident(incident) => incident_plan(incident),
    }
}

fn is_uk(place: &Jurisdiction) -> bool {
    place.country().is_some_and(|c| c.code() == "GB")
}

/// UK GDPR Art. 15(1A) (reasonable and proportionate search) applies from
/// Royal Assent of the Data (Use and Access) Act 2025 (19 June 2025).
pub const UK_ART_15_1A_FROM: Date = date(2025, 6, 19);

/// UK GDPR Arts. 22A-22D replace Art. 22 from this day (DUAA 2025 s.80 and
/// Sch 6, commenced by SI 2026/82 reg 2).
pub const UK_ARTS_22A_22D_FROM: Date = date(2026, 2, 5);

/// The article of the right a request exercises, and what else it triggers,
/// under the law in force on the day the request was received.
fn right(kind: RequestKind, uk: bool, received: Date) -> Option<(&'static str, &'static str)> {
    Some(match kind {
        RequestKind::Access if uk && received >= UK_ART_15_1A_FROM => {
            ("Art. 15", " The search need only be reasonable and proportionate (UK GDPR Art. 15(1A)).")
        }
        RequestKind::Access => ("Art. 15", " The first copy is free (Art. 15(3))."),
        RequestKind::Rectification => {
            ("Art. 16", " Tell each recipient of the data, unless impossible or disproportionate (Art. 19).")
        }
        RequestKind::Erasure => (
            "Art. 17",
            " Tell each recipient of the data, unless impossible or disproportionate (Art. 19); the exceptions of Art. 17(3) may apply.",
        ),
        RequestKind::Restriction => (
            "Art. 18",
            " Tell each recipient (Art. 19) and inform the person before lifting the restriction (Art. 18(3)).",
        ),
        RequestKind::Portability => {
            ("Art. 20", " Only for data the person provided, processed by automated means on consent or contract.")
        }
        RequestKind::Objection => (
            "Art. 21",
            " An objection to direct marketing must be honoured at once and without exception (Art. 21(3)).",
        ),
        RequestKind::AutomatedDecisionReview if uk && received >= UK_ARTS_22A_22D_FROM => (
            "Arts. 22A-22D",
            " The person may make representations, obtain human intervention and contest the decision (UK GDPR Art. 22C).",
        ),
        RequestKind::AutomatedDecisionReview => {
            ("Art. 22(3)", " The person may obtain human intervention, express their view and contest the decision.")
        }
        RequestKind::WithdrawConsent
        | RequestKind::OptOutOfSale
        | RequestKind::LimitSensitive
        | RequestKind::ShineTheLight => return None,
    })
}

/// The calendar an EEA deadline is counted on, and why. Reg. 1182/71 Art.
/// 2(1) takes the public holidays of the Member State "in which an action is
/// to be taken": the action is the controller's answer, so the Member State
/// of the controller the person contracts with when the manifest names one
/// established in the EEA, else the person's own Member State.
fn eea_calendar(place: &Jurisdiction, manifest: Option<&Manifest>, chosen: Option<&str>) -> (Arc<Calendar>, String) {
    if let Some(id) = chosen
        && let Some(calendar) = crate::calendars::by_id(id)
    {
        return (calendar, format!("the {} calendar (`{id}`), as asked", calendar_name(id)));
    }
    let controller =
        manifest.and_then(|m| m.contracting_entity(place)).filter(|e| crate::regimes(&e.country) == [Regime::Eea]);
    if let Some(entity) = controller
        && let Some(calendar) = crate::calendars::for_place(&entity.country)
    {
        let id = calendar.id.clone();
        return (
            calendar,
            format!(
                "the public holidays of {} (`{id}`), where the controller `{}` is established and acts (Reg. 1182/71 Art. 2(1))",
                entity.country, entity.id
            ),
        );
    }
    match crate::calendars::for_place(place) {
        Some(calendar) => {
            let id = calendar.id.clone();
            (
                calendar,
                format!("the public holidays of {place} (`{id}`), the person's Member State (Reg. 1182/71 Art. 2(1))"),
            )
        }
        None => (
            Arc::new(Calendar::weekends_only("eea", "EEA (no Member State named)", juris_core::jurisdiction::EEA)),
            format!(
                "weekends only: {place} names no single Member State, so no public holidays could be applied; give the Member State's code"
            ),
        ),
    }
}

fn calendar_name(id: &str) -> String {
    crate::calendars::by_id(id).map(|c| c.name.clone()).unwrap_or_else(|| id.to_string())
}

fn request_plan(request: &RightsRequest, manifest: Option<&Manifest>, options: &Options) -> Plan {
    let mut plan = Plan::default();
    let place = &request.jurisdiction;
    if !crate::governs(place) {
        return plan;
    }
    let uk = is_uk(place);
    let law = if uk { "UK GDPR" } else { "GDPR" };
    let Some((article, extra)) = right(request.request, uk, request.received) else {
        plan.notes.push(match request.request {
            RequestKind::WithdrawConsent => format!(
                "{law} Art. 7(3): consent may be withdrawn at any time, as easily as it was given; the withdrawal takes effect when received, so stop the processing based on consent without waiting for a response period (none is set)"
            ),
            RequestKind::OptOutOfSale => format!(
                "{law} gives no right to opt out of \"sale\" as such; if the person objects to direct marketing, treat it as an objection (Art. 21(2)-(3)), which must be honoured at once"
            ),
            RequestKind::ShineTheLight => format!(
                "{law} has no \"Shine the Light\" right as such; a person asking who received their data is making an access request (Art. 15(1)(c): the recipients or categories of recipients), due within the access period"
            ),
            _ => format!(
                "{law} gives no right to limit the use of sensitive data as such; treat the request as a restriction (Art. 18) or an objection (Art. 21), or as withdrawal of explicit consent (Art. 9(2)(a), Art. 7(3))"
            ),
        });
        return plan;
    };
    let received = request.received;
    if let Some(id) = request.calendar.as_deref()
        && crate::calendars::by_id(id).is_none()
    {
        let known: Vec<&str> = crate::calendars::CALENDARS.iter().map(|c| c.id.as_str()).collect();
        plan.notes.push(format!(
            "there is no calendar `{id}` in this module ({}); the calendar of the place was used",
            known.join(", ")
        ));
    }
    let (start, calendar, citation, counting, paused) = if uk {
        let start = request.relevant_time.map_or(received, |t| t.max(received));
        let art_12a = received >= UK_ART_12A_FROM;
        let paused = if art_12a { request.paused_days } else { 0 };
        if !art_12a && request.paused_days > 0 {
            plan.notes.push(format!(
                "the request was received on {received}, before UK GDPR Art. 12A applied ({UK_ART_12A_FROM}): no stop-the-clock, so the {} paused day(s) were not added",
                request.paused_days
            ));
        }
        let calendar = match request.calendar.as_deref().and_then(crate::calendars::by_id) {
            Some(chosen) if chosen.jurisdiction.country().is_some_and(|c| c.code() == "GB") => chosen,
            _ => uk_calendar(place),
        };
        if !matches!(place, Jurisdiction::Subdivision(..)) && request.calendar.is_none() {
            plan.notes.push(
                "the ICO's right-of-access guidance says \"public holiday\" without naming a UK nation: the England and Wales bank holidays were used; give GB-SCT or GB-NIR for Scotland's or Northern Ireland's".to_string(),
            );
        }
        let citation = if art_12a {
            "UK GDPR Art. 12(3) and Art. 12A (inserted by the Data (Use and Access) Act 2025 s.76); ICO right-of-access guidance"
        } else {
            "UK GDPR Art. 12(3); ICO right-of-access guidance"
        };
        let end = if options.uk_month_beginning_with {
            "the day before the same date next month (\"one month beginning with\" the relevant time, the conservative reading set by `uk_month_beginning_with`)"
        } else {
            "the same date next month, or the month's last day"
        };
        let counting = format!(
            "one month from the relevant time {start} (the later of receipt, identity information and fee), counted as the ICO counts: {end}, moved to the next working day past weekends and {} ({}){}",
            calendar.name,
            calendar.id,
            if paused > 0 { format!("; {paused} stop-the-clock day(s) added (Art. 12A)") } else { String::new() }
        );
        (start, calendar, citation, counting, paused)
    } else {
        if let Some(t) = request.relevant_time.filter(|t| *t != received) {
            plan.notes.push(format!(
                "GDPR Art. 12(3) counts from receipt of the request ({received}); the relevant time given ({t}) is a UK rule (UK GDPR Art. 12A) and was not used"
            ));
        }
        let paused = if options.eu_identity_pause { request.paused_days } else { 0 };
        if !options.eu_identity_pause && request.paused_days > 0 {
            plan.notes.push(format!(
                "GDPR Art. 12(6) does not say that the clock stops while identity is verified, so the {} paused day(s) were not added; some authorities allow it (set `[modules.eea-uk] eu_identity_pause = true`)",
                request.paused_days
            ));
        }
        let (calendar, chosen) = eea_calendar(place, manifest, request.calendar.as_deref());
        let counting = format!(
            "one month from receipt on {received} per Reg. 1182/71 Art. 3: the day of receipt is not counted, the period ends on the same date next month or that month's last day, and moves to the next working day when that is a Saturday, Sunday or public holiday, counted on {chosen}{}",
            if paused > 0 { format!("; {paused} day(s) of identity verification added") } else { String::new() }
        );
        (received, calendar, "GDPR Art. 12(3); Reg. (EEC, Euratom) 1182/71 Arts. 2(1), 3", counting, paused)
    };
    let count = |months, roll| {
        if uk && options.uk_month_beginning_with {
            Count { period: Period::Months(months), includes_event_day: true, roll }
        } else {
            Count { period: Period::Months(months), includes_event_day: false, roll }
        }
    };
    let due = due_date_paused(start, count(1, Roll::NextWorkingDay), paused, &calendar);
    let extended = due_date_paused(start, count(3, Roll::NextWorkingDay), paused, &calendar);
    // The exact end of the month, before it moves off a non-working day: said
    // in the note so that a reader can check the count.
    let exact = due_date_paused(start, count(1, Roll::None), paused, &calendar).value;
    let rolled = rolled_note(exact, due.value, &calendar).map(|n| format!("; {n}")).unwrap_or_default();
    let mut notes: Vec<String> = due.notes.clone();
    for n in extended.notes {
        if !notes.contains(&n) {
            notes.push(n);
        }
    }
    let projected = if notes.is_empty() { String::new() } else { format!(" ({})", notes.join("; ")) };
    let mut warnings = due.warnings;
    for w in extended.warnings {
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }
    if uk && options.uk_month_beginning_with {
        warnings.push("counted by the conservative reading of \"one month beginning with\" (UK GDPR Art. 12A); the ICO's counting gives a day later".to_string());
    }
    let obligation = Obligation::new(
        crate::ID,
        "respond",
        Due::Date(due.value),
        format!("{citation}; {law} {article}"),
        format!(
            "{counting}{rolled}{projected}. The extension to {} is allowed where necessary for complex or numerous requests and needs a notice with reasons to the person by {}; a refusal must also be explained by then, with the right to complain (Art. 12(4)).{extra}",
            extended.value, due.value
        ),
    )
    .extended_to(Due::Date(extended.value))
    .warn(warnings);
    plan.obligations.push(obligation);
    plan
}

fn incident_plan(incident: &Incident) -> Plan {
    let mut plan = Plan::default();
    let mut regimes: Vec<Regime> = Vec::new();
    for place in incident.jurisdictions.iter().filter(|p| crate::governs(p)) {
        for regime in crate::applicability::regimes(place, incident.discovered.local_date()) {
            if !regimes.contains(&regime) {
                regimes.push(regime);
            }
        }
    }
    for regime in &regimes {
        let (law, authority) = match regime {
            Regime::Eea => {
                ("GDPR", "the competent supervisory authority (the lead authority for cross-border processing)")
            }
            Regime::Uk => ("UK GDPR", "the Information Commissioner's Office"),
        };
        let affected = incident.affected.map(|n| format!(" ({n} people affected)")).unwrap_or_default();
        plan.obligations.push(Obligation {
            module: crate::ID.to_string(),
            action: "notify-authority".to_string(),
            due: Due::Instant(incident.discovered.plus_hours(72)),
            extended_due: None,
            citation: format!("{law} Art. 33(1), (3)-(4)"),
            note: format!(
                "notify {authority}{affected} without undue delay and, where feasible, within 72 hours of becoming aware at {}, unless the breach is unlikely to result in a risk to people; the hours run over nights, weekends and holidays; a later notice must give reasons for the delay, and information may be given in phases",
                incident.discovered
            ),
            warnings: Vec::new(),
        });
        plan.obligations.push(Obligation {
            module: crate::ID.to_string(),
            action: "notify-individuals".to_string(),
            due: Due::Immediately(incident.discovered.local_date()),
            extended_due: None,
            citation: format!("{law} Art. 34(1)-(3)"),
            note: "only when the breach is likely to result in a high risk to people: tell them without undue delay, in clear and plain language; not needed if the data was unintelligible to others (e.g. encrypted), the high risk no longer likely, or it would take disproportionate effort (then a public communication instead)".to_string(),
            warnings: Vec::new(),
        });
    }
    if !regimes.is_empty() {
        plan.notes.push(
            "GDPR / UK GDPR Art. 33(5): document every personal data breach (facts, effects, remedial action), notified or not; a processor must tell the controller without undue delay (Art. 33(2))".to_string(),
        );
    }
    plan
}
