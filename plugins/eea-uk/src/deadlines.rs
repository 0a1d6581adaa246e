//! Deadlines the EEA and UK regimes set for requests and incidents.
//!
//! EU: one month per Reg. 1182/71 (GDPR Art. 12(3)), extendable by two further
//! months; a due date on a weekend or public holiday rolls to the next working
//! day (Art. 3(4)). UK: one month from the "relevant time" (UK GDPR Art. 12A),
//! counted as the ICO counts it, with stop-the-clock days added. Incidents:
//! 72 hours from awareness to the supervisory authority (Art. 33(1)).

use juris_core::module::{Due, Event, EventContext, Plan, RightsRequest};
use juris_core::time::{Calendar, Count, Period, due_date_paused};
use juris_core::{Incident, Jurisdiction, Obligation};

use crate::calendars::UK_ENGLAND_WALES;

/// Member states' public holidays are not yet shipped as data: deadlines in the
/// EEA roll past weekends only, and say so.
static EEA_WEEKENDS_ONLY: Calendar = Calendar::weekends_only("eea", "EEA member state");

/// The duties an event triggers under EEA or UK law.
pub fn plan(ctx: &EventContext) -> Plan {
    match &ctx.event {
        Event::Request(request) => request_plan(request),
        Event::Incident(incident) => incident_plan(incident),
    }
}

fn is_uk(place: &Jurisdiction) -> bool {
    place.country().is_some_and(|c| c.code() == "GB")
}

fn request_plan(request: &RightsRequest) -> Plan {
    let mut plan = Plan::default();
    if !crate::governs(&request.jurisdiction) {
        return plan;
    }
    let uk = is_uk(&request.jurisdiction);
    let one_month = Count::rolling(Period::Months(1));
    let three_months = Count::rolling(Period::Months(3));
    let (start, calendar, citation, counting) = if uk {
        let start = request.relevant_time.map_or(request.received, |t| t.max(request.received));
        (
            start,
            &UK_ENGLAND_WALES,
            "UK GDPR Art. 12(3) and Art. 12A; ICO right-of-access guidance",
            format!(
                "one month from the relevant time {start} (the later of receipt, identity information and fee), counted as the ICO counts: the same date next month, or the month's last day, moved to the next working day past weekends and England and Wales bank holidays{}",
                if request.paused_days > 0 {
                    format!("; {} stop-the-clock day(s) added (Art. 12A)", request.paused_days)
                } else {
                    String::new()
                }
            ),
        )
    } else {
        (
            request.received,
            &EEA_WEEKENDS_ONLY,
            "GDPR Art. 12(3); Reg. (EEC, Euratom) 1182/71 Art. 3",
            format!(
                "one month from receipt on {} per Reg. 1182/71 Art. 3: the day of receipt is not counted, the period ends on the same date next month or that month's last day, and moves to the next working day when that is a Saturday, Sunday or public holiday",
                request.received
            ),
        )
    };
    let paused = if uk { request.paused_days } else { 0 };
    let due = due_date_paused(start, one_month, paused, calendar);
    let extended = due_date_paused(start, three_months, paused, calendar);
    let mut warnings = due.warnings;
    for w in extended.warnings {
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }
    plan.obligations.push(Obligation {
        module: crate::ID.to_string(),
        action: "respond".to_string(),
        due: Due::Date(due.value),
        extended_due: Some(Due::Date(extended.value)),
        citation: citation.to_string(),
        note: format!(
            "{counting}. The extension to {} needs a notice with reasons to the person before {}.",
            extended.value, due.value
        ),
        warnings,
    });
    plan
}

fn incident_plan(incident: &Incident) -> Plan {
    let mut plan = Plan::default();
    let mut regimes: Vec<(&str, &str)> = Vec::new();
    for place in &incident.jurisdictions {
        if !crate::governs(place) {
            continue;
        }
        let regime = if is_uk(place) {
            ("the Information Commissioner's Office", "UK GDPR Art. 33(1)")
        } else {
            ("the competent supervisory authority", "GDPR Art. 33(1)")
        };
        if !regimes.contains(&regime) {
            regimes.push(regime);
        }
    }
    for (authority, citation) in regimes {
        plan.obligations.push(Obligation {
            module: crate::ID.to_string(),
            action: "notify-authority".to_string(),
            due: Due::Instant(incident.discovered.plus_hours(72)),
            extended_due: None,
            citation: citation.to_string(),
            note: format!(
                "notify {authority} without undue delay and, where feasible, within 72 hours of becoming aware, unless the breach is unlikely to result in a risk to people; the hours run over nights, weekends and holidays; a later notice must give reasons for the delay"
            ),
            warnings: Vec::new(),
        });
    }
    plan
}
