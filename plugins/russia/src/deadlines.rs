//! Deadlines 152-FZ sets for subject requests and incidents.
//!
//! Requests: working days (рабочие дни) on the production calendar, the day of
//! receipt not counted; the law applied is the one in force on the day the
//! request was received (266-FZ changed the access deadline from 30 calendar
//! days to 10 working days on 2022-09-01). Incidents: 24 and 72 clock hours
//! from detection (Art. 21(3.1), from 2022-09-01).

use juris_core::jiff::civil::Date;
use juris_core::module::{Due, Event, EventContext, Plan, RightsRequest};
use juris_core::time::{Count, Counted, Period, Roll, due_date};
use juris_core::{Incident, Obligation, RequestKind};

use crate::calendars::production;
use crate::law::{FZ266_CROSS_BORDER, FZ266_MAIN, FZ420_FINES, in_russia, touches};

/// The duties an event triggers under 152-FZ.
pub fn plan(ctx: &EventContext) -> Plan {
    let (mut plan, from) = match &ctx.event {
        Event::Request(request) => (request_plan(request), request.received),
        Event::Incident(incident) => (incident_plan(incident), incident.discovered.local_date()),
    };
    // Years after the last decree on the transfer of days off are counted on
    // the Labour Code's rules: each duty due then says so.
    let calendar = production();
    plan.obligations = std::mem::take(&mut plan.obligations)
        .into_iter()
        .map(|o| {
            let notes = juris_core::time::projected_notes(&calendar, from, o.extended_due.unwrap_or(o.due).date());
            o.counted(&Counted { value: (), warnings: Vec::new(), notes })
        })
        .collect();
    plan
}

/// `n` working days on the production calendar from the day after `from`.
fn working_days(from: Date, n: u32) -> Counted<Date> {
    due_date(from, Count::exact(Period::WorkingDays(n)), &production())
}

/// `n` calendar days from the day after `from`, not moved off a non-working
/// day (the conservative reading; see [`rolled_note`]). The calendar plays no
/// part in where such a period ends, so its coverage warning is dropped.
fn calendar_days(from: Date, n: u32) -> Date {
    due_date(from, Count::exact(Period::Days(n)), &production()).value
}

/// What Civil Code Art. 193 would make of a calendar-day deadline, if it
/// applies: the next working day when the period ends on a non-working day.
fn rolled_note(from: Date, n: u32) -> (String, Vec<String>) {
    let rolled = due_date(
        from,
        Count { period: Period::Days(n), includes_event_day: false, roll: Roll::NextWorkingDay },
        &production(),
    );
    let exact = calendar_days(from, n);
    if rolled.value == exact {
        (String::new(), Vec::new())
    } else {
        (
            format!(
                "; {exact} is a non-working day, and if Civil Code Art. 193 applies (152-FZ does not say whether it does) the deadline moves to {}, but the earlier date is the safe one",
                rolled.value
            ),
            rolled.warnings,
        )
    }
}

fn obligation(action: &str, due: Due, extended_due: Option<Due>, citation: &str, note: String) -> Obligation {
    Obligation {
        module: crate::ID.to_string(),
        action: action.to_string(),
        due,
        extended_due,
        citation: citation.to_string(),
        note,
        warnings: Vec::new(),
    }
}

/// Ten working days, extendable by five with a reasoned notice: access
/// (Art. 14, 20(1)-(2)) and demands to stop processing (Art. 21(5.1)).
fn ten_plus_five(request: &RightsRequest, action: &str, citation: &str, what: &str) -> Obligation {
    let due = working_days(request.received, 10);
    let extended = working_days(request.received, 15);
    let mut warnings = due.warnings;
    for w in extended.warnings {
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }
    Obligation {
        warnings,
        ..obligation(
            action,
            Due::Date(due.value),
            Some(Due::Date(extended.value)),
            citation,
            format!(
                "{what} within 10 working days of receipt on {}, counted on the Russian production calendar from the next day (weekends, Art. 112 holidays and transferred days off skipped, working Saturdays counted); the extension by up to 5 working days to {} needs a reasoned notice to the person stating the reasons, sent no later than {}",
                request.received, extended.value, due.value
            ),
        )
    }
}

fn request_plan(request: &RightsRequest) -> Plan {
    let mut plan = Plan::default();
    if !in_russia(&request.jurisdiction) {
        return plan;
    }
    let received = request.received;
    let reformed = received >= FZ266_MAIN;
    match request.request {
        RequestKind::Access if reformed => plan.obligations.push(ten_plus_five(
            request,
            "respond",
            "152-FZ Art. 14(3), Art. 20(1)-(2), as amended by 266-FZ (from 2022-09-01)",
            "give the Art. 14(7) information (or a reasoned refusal citing its legal basis)",
        )),
        RequestKind::Access => {
            let due = calendar_days(received, 30);
            let (rolled, warnings) = rolled_note(received, 30);
            plan.obligations.push(Obligation {
                warnings,
                ..obligation(
                    "respond",
                    Due::Date(due),
                    None,
                    "152-FZ Art. 20(1) as worded before 266-FZ (requests received before 2022-09-01)",
                    format!(
                        "the request was received on {received}, before 266-FZ took effect on 2022-09-01, so the former 30 calendar days apply, counted from the next day{rolled}; there was no extension"
                    ),
                )
            });
        }
        RequestKind::Rectification => {
            let due = working_days(received, 7);
            plan.obligations.push(Obligation {
                warnings: due.warnings,
                ..obligation(
                    "rectify",
                    Due::Date(due.value),
                    None,
                    "152-FZ Art. 20(3); Art. 21(2)",
                    format!(
                        "make the corrections within 7 working days of the day the person submitted information showing the data is incomplete, inaccurate or outdated (here taken as {received}), counted on the Russian production calendar; the clock starts when that information is submitted, which may be later than the request"
                    ),
                )
            });
        }
        RequestKind::Erasure => {
            let due = working_days(received, 7);
            let mut warnings = due.warnings;
            warnings.push("the 7-working-day destruction deadline is read from 152-FZ Art. 20(3) (\"в срок, не превышающий семи рабочих дней\"); check it against the current text of the law".to_string());
            plan.obligations.push(Obligation {
                warnings,
                ..obligation(
                    "destroy",
                    Due::Date(due.value),
                    None,
                    "152-FZ Art. 20(3); Art. 14(1)",
                    format!(
                        "destroy the data within 7 working days of the day the person submitted proof that it was unlawfully obtained or is not necessary for the purpose (here taken as {received}), counted on the Russian production calendar; 152-FZ has no unconditional right to erasure"
                    ),
                )
            });
        }
        RequestKind::Restriction => plan.obligations.push(obligation(
            "block",
            Due::Immediately(received),
            None,
            "152-FZ Art. 21(1)",
            format!(
                "block the data from the moment the request about inaccurate data or unlawful processing is received ({received}), for the period of the verification"
            ),
        )),
        RequestKind::Objection if reformed => {
            plan.obligations.push(ten_plus_five(
                request,
                "stop-processing",
                "152-FZ Art. 21(5.1), added by 266-FZ (from 2022-09-01)",
                "stop processing (or have the processor stop), unless Art. 6(1) items 2-11, Art. 10(2) or Art. 11(2) allow it to continue,",
            ));
            plan.notes.push("a demand to stop direct marketing or political campaigning must be met immediately (152-FZ Art. 15(2))".to_string());
        }
        RequestKind::Objection => plan.notes.push(format!(
            "the request was received on {received}, before 266-FZ added the demand to stop processing (152-FZ Art. 21(5.1)) on 2022-09-01; only a demand to stop direct marketing or political campaigning had to be met, immediately (Art. 15(2))"
        )),
        RequestKind::WithdrawConsent => {
            plan.obligations.push(thirty_calendar_days(received, "destroy", "152-FZ Art. 21(5); Art. 9(2)", |rolled| {
                format!(
                    "stop processing and destroy the data within 30 calendar days of receiving the withdrawal on {received}, counted from the next day{rolled}, unless a contract with the person or a federal law provides otherwise, or processing may continue on Art. 6(1) items 2-11, Art. 10(2) or Art. 11(2)"
                )
            }));
        }
        RequestKind::AutomatedDecisionReview => {
            plan.obligations.push(thirty_calendar_days(received, "respond", "152-FZ Art. 16(3)-(4)", |rolled| {
                format!(
                    "consider the objection to a decision based solely on automated processing and tell the person the result within 30 days of receipt on {received}, counted from the next day{rolled}"
                )
            }));
        }
        RequestKind::Portability
        | RequestKind::OptOutOfSale
        | RequestKind::LimitSensitive
        | RequestKind::ShineTheLight => {
            plan.notes.push(format!(
                "`{}` is not a right under 152-FZ, so it sets no deadline (the subject's rights are those of Arts. 14-17 and 21(5.1)); answer it as an access request (Art. 14) if the person asks for information about their data",
                request.request
            ))
        }
    }
    plan
}

/// A duty due 30 calendar days after `received` (the earlier, safe date); the
/// note is written around the text and warnings of [`rolled_note`].
fn thirty_calendar_days(received: Date, action: &str, citation: &str, note: impl FnOnce(&str) -> String) -> Obligation {
    let (rolled, warnings) = rolled_note(received, 30);
    Obligation { warnings, ..obligation(action, Due::Date(calendar_days(received, 30)), None, citation, note(&rolled)) }
}

fn incident_plan(incident: &Incident) -> Plan {
    let mut plan = Plan::default();
    // `*` (everywhere) includes Russia; `EEA` or `DE` do not.
    if !incident.jurisdictions.iter().any(touches) {
        return plan;
    }
    let day = incident.discovered.local_date();
    if day < FZ266_MAIN {
        plan.notes.push(format!(
            "the incident was detected on {day}, before 266-FZ added the duty to notify Roskomnadzor (152-FZ Art. 21(3.1)) on 2022-09-01: 152-FZ then set no incident deadline"
        ));
        return plan;
    }
    // KoAP Art. 13.11(11) exists only since 420-FZ took effect on 2025-05-30.
    let fine = if day >= FZ420_FINES {
        "; late or missing notice: KoAP Art. 13.11(11), legal entities RUB 1-3 million"
    } else {
        ""
    };
    plan.obligations.push(obligation(
        "notify-authority",
        Due::Instant(incident.discovered.plus_hours(24)),
        None,
        "152-FZ Art. 21(3.1)(1), added by 266-FZ (from 2022-09-01)",
        format!("notify Roskomnadzor within 24 hours of detecting an unlawful or accidental transfer (provision, dissemination, access) of personal data that violated people's rights, giving the incident, its presumed causes and harm, the measures taken and a contact person (the content is set by Roskomnadzor's notice form on pd.rkn.gov.ru, not re-checked here); the hours run over nights, weekends and holidays alike{fine}"),
    ));
    plan.obligations.push(obligation(
        "report-investigation",
        Due::Instant(incident.discovered.plus_hours(72)),
        None,
        "152-FZ Art. 21(3.1)(2), added by 266-FZ (from 2022-09-01)",
        "send Roskomnadzor the results of the internal investigation, and the persons whose actions caused the incident if any, within 72 hours of detection; the hours run over nights, weekends and holidays alike".to_string(),
    ));
    if day >= FZ266_CROSS_BORDER {
        plan.notes.push("inform GosSOPKA (the state system for detecting computer attacks) of computer incidents that led to an unlawful transfer of personal data, in the procedure of FSB Order No. 77 of 13.02.2023 (152-FZ Art. 19(12)); no numeric deadline is set by the law".to_string());
    }
    plan.notes.push(
        "152-FZ sets no general duty to notify the people affected of an incident (Art. 21(3.1) requires notice to Roskomnadzor only)".to_string(),
    );
    plan
}
