//! Deadlines California law sets for consumer requests and security breaches.
//!
//! Requests to know, delete and correct: confirm receipt within 10 business
//! days (11 CCR §7021(a)) and respond within 45 calendar days that begin on the
//! day of receipt (§7021(b); Civ. Code §1798.130(a)(2)(A)), extendable once to
//! 90. Opt-out of sale/sharing and limit-sensitive requests: 15 business days
//! (§7026(f), §7027(g)). Shine the Light: 30 days, or 150 outside the designated
//! channels (§1798.83). Breaches: residents within 30 calendar days of discovery
//! and a sample notice to the Attorney General within 15 days of that when more
//! than 500 residents are affected (§1798.82 as amended by SB 446, from
//! 2026-01-01).

use juris_core::jiff::civil::{Date, date};
use juris_core::module::{Due, Event, EventContext, Plan, RightsRequest};
use juris_core::time::{Calendar, Count, Counted, Period, Roll, due_date};
use juris_core::{Incident, Manifest, Obligation, RequestKind};

use crate::applicability::{self, Applicability};
use crate::calendars;
use crate::options::Options;

/// The CCPA became operative (Civ. Code §1798.198).
pub const CCPA_OPERATIVE: Date = date(2020, 1, 1);
/// The CPRA amendments became operative (rights to correct and to limit).
pub const CPRA_OPERATIVE: Date = date(2023, 1, 1);
/// Businesses using ADMT for significant decisions must comply with the ADMT
/// regulations (11 CCR §§7200(b), 7220-7222, approved 2025-09-23).
pub const ADMT_FROM: Date = date(2027, 1, 1);
/// Shine the Light (Civ. Code §1798.83, added by SB 27 of 2003, Stats. 2003
/// ch. 1012) became operative; the same date as `california/shine-the-light`.
pub const SHINE_THE_LIGHT_OPERATIVE: Date = date(2005, 1, 1);
/// SB 446's 30-day breach deadline applies.
pub const SB_446_FROM: Date = date(2026, 1, 1);

/// The duties an event triggers under California law.
pub fn plan(ctx: &EventContext, options: &Options) -> Plan {
    match &ctx.event {
        Event::Request(request) => request_plan(request, ctx.manifest.as_ref(), options),
        Event::Incident(incident) => incident_plan(incident, options),
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

fn merge(warnings: &mut Vec<String>, more: Vec<String>) {
    for w in more {
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }
}

/// A count in calendar days that never rolls: no holiday can move its end, so
/// the calendar's coverage warning does not apply and is dropped.
fn calendar_days(from: Date, days: u32, includes_event_day: bool) -> Date {
    let count = Count { period: Period::Days(days), includes_event_day, roll: Roll::None };
    due_date(from, count, &calendars::business_days(crate::options::HolidayReading::StateOffices)).value
}

fn request_plan(request: &RightsRequest, manifest: Option<&Manifest>, options: &Options) -> Plan {
    let mut plan = Plan::default();
    if !crate::governs(&request.jurisdiction) {
        return plan;
    }
    let received = request.received;
    if request.request == RequestKind::ShineTheLight {
        // Civ. Code §1798.83 applies whatever the CCPA thresholds say, and long
        // before the CCPA existed.
        if received < SHINE_THE_LIGHT_OPERATIVE {
            plan.notes.push(format!(
                "Shine the Light (Civ. Code §1798.83) was not yet operative on {received}: it applies from {SHINE_THE_LIGHT_OPERATIVE} (SB 27, 2003)"
            ));
            return plan;
        }
        let designated = manifest.is_none()
            || options
                .shine_the_light
                .as_ref()
                .and_then(|s| s.designated_contact.as_deref())
                .is_some_and(|c| !c.trim().is_empty());
        plan.obligations.push(shine_the_light(received, designated));
        if manifest.is_none() {
            plan.notes.push(
                "no manifest was given: the plan assumes the request came through a designated channel (30 days); otherwise the business has a reasonable period of at most 150 days".to_string(),
            );
        }
        return plan;
    }
    if received < CCPA_OPERATIVE {
        plan.notes.push(format!(
            "the CCPA was not yet operative on {received}: it applies to requests received from {CCPA_OPERATIVE} (Civ. Code §1798.198)"
        ));
        return plan;
    }
    let assessed = manifest.map(|m| applicability::assess(m, options, received));
    if let Some(reasons) = assessed.as_ref().and_then(Applicability::not_applying) {
        plan.notes.push(format!(
            "the organisation is not a CCPA \"business\" (Civ. Code §1798.140(d)(1)): {}; no CCPA request deadline applies",
            reasons.join("; ")
        ));
        return plan;
    }
    let calendar = calendars::business_days(options.business_day_holidays.unwrap_or_default());
    match request.request {
        RequestKind::Access | RequestKind::Portability | RequestKind::Erasure | RequestKind::Rectification => {
            if request.request == RequestKind::Rectification && received < CPRA_OPERATIVE {
                plan.notes.push(format!(
                    "the right to correct (Civ. Code §1798.106) was added by the CPRA, operative {CPRA_OPERATIVE}; it did not exist on {received}"
                ));
                return plan;
            }
            know_delete_correct(&mut plan, request, &calendar, options);
            if request.request == RequestKind::Access {
                plan.notes.push(shine_the_light_note(received));
            }
        }
        RequestKind::OptOutOfSale | RequestKind::LimitSensitive => {
            if request.request == RequestKind::LimitSensitive && received < CPRA_OPERATIVE {
                plan.notes.push(format!(
                    "the right to limit the use of sensitive personal information (Civ. Code §1798.121) was added by the CPRA, operative {CPRA_OPERATIVE}; it did not exist on {received}"
                ));
                return plan;
            }
            plan.obligations.push(fifteen_business_days(request, &calendar));
        }
        RequestKind::AutomatedDecisionReview => {
            if received < ADMT_FROM {
                plan.notes.push(format!(
                    "the CCPA gave no right concerning automated decision-making technology on {received}: the ADMT opt-out and access rights apply from {ADMT_FROM} (11 CCR §§7220-7222)"
                ));
            } else {
                plan.notes.push(
                    "the CCPA has no right to a review of an automated decision as such; the request is planned as an opt-out of automated decision-making technology (11 CCR §7221); a request for information about it follows the request-to-know timeline (11 CCR §7222)"
                        .to_string(),
                );
                plan.obligations.push(fifteen_business_days(request, &calendar));
            }
        }
        // Planned above: Shine the Light does not depend on the CCPA thresholds.
        RequestKind::ShineTheLight => {}
        RequestKind::Restriction | RequestKind::Objection | RequestKind::WithdrawConsent => {
            plan.notes.push(format!(
                "`{}` is not a consumer right under the CCPA (Civ. Code §§1798.100-1798.125), so California law sets no deadline for it; if it asks to stop the sale or sharing of personal information, treat it as an opt-out (15 business days, 11 CCR §7026(f))",
                request.request
            ));
        }
    }
    plan
}

fn know_delete_correct(plan: &mut Plan, request: &RightsRequest, calendar: &Calendar, options: &Options) {
    let received = request.received;
    let ack = due_date(received, Count::exact(Period::WorkingDays(10)), calendar);
    let mut ack_obligation = obligation(
        "acknowledge",
        Due::Date(ack.value),
        None,
        "11 CCR §7021(a)",
        format!(
            "confirm receipt and describe the verification process and when a response is expected no later than 10 business days after receipt on {received}; business days are Monday to Friday except {} (the regulations do not define them; see the calendar's source); the confirmation may be oral if the request was made by telephone",
            calendar.name
        ),
    );
    ack_obligation.warnings = ack.warnings;

    let (respond, extended, counting) = if options.counts_receipt_day() {
        let count =
            |days| Counted { value: calendar_days(received, days, true), warnings: Vec::new(), notes: Vec::new() };
        (
            count(45),
            count(90),
            "the 45 calendar days begin on the day of receipt, which counts as day 1 (11 CCR §7021(b)), so they end on receipt + 44, even on a weekend or holiday; the CCPA and its regulations define no other way to count, so this is the conservative reading: `respond_counts_receipt_day = false` in `[modules.california]` counts per Gov. Code §6800 instead".to_string(),
        )
    } else {
        let count = |days| due_date(received, Count::rolling(Period::Days(days)), calendar);
        (
            count(45),
            count(90),
            format!(
                "the 45 calendar days are counted per Gov. Code §6800 (`respond_counts_receipt_day = false`): the day of receipt is excluded, and a last day that is a weekend or {} holiday moves to the next business day",
                calendar.name
            ),
        )
    };
    let what = match request.request {
        RequestKind::Erasure => "delete the personal information (Civ. Code §1798.105) and tell the consumer",
        RequestKind::Rectification => {
            "correct the inaccurate personal information (Civ. Code §1798.106) and tell the consumer"
        }
        RequestKind::Portability => {
            "disclose the specific pieces of personal information in a portable, readily usable format (Civ. Code §1798.130(a)(2)(B)): portability is part of the right to know"
        }
        _ => {
            "disclose the personal information collected in the 12 months before receipt, or further back to 2022-01-01 on request unless impossible or disproportionate (11 CCR §7024(h); Civ. Code §1798.130(a)(2)(B))"
        }
    };
    let mut warnings = respond.warnings;
    merge(&mut warnings, extended.warnings);
    let mut respond_obligation = obligation(
        "respond",
        Due::Date(respond.value),
        Some(Due::Date(extended.value)),
        "Civ. Code §1798.130(a)(2)(A); 11 CCR §7021(b)",
        format!(
            "{what} within 45 calendar days of receipt on {received}, regardless of the time verification takes; {counting}. The extension to {} (90 days in all) is allowed once, when reasonably necessary, with notice and an explanation to the consumer by {}",
            extended.value, respond.value
        ),
    );
    respond_obligation.warnings = warnings;
    plan.obligations.push(ack_obligation);
    plan.obligations.push(respond_obligation);
}

fn fifteen_business_days(request: &RightsRequest, calendar: &Calendar) -> Obligation {
    let received = request.received;
    let due = due_date(received, Count::exact(Period::WorkingDays(15)), calendar);
    let (citation, what) = match request.request {
        RequestKind::OptOutOfSale => (
            "11 CCR §7026(f)",
            "stop selling and sharing the personal information as soon as feasibly possible, and notify the third parties it was sold or shared to after the request; no identity verification may be demanded, and a refusal needs a documented good-faith belief of fraud",
        ),
        RequestKind::LimitSensitive => (
            "Civ. Code §1798.121; 11 CCR §7027(g)",
            "stop using and disclosing sensitive personal information beyond the purposes of 11 CCR §7027(m) as soon as feasibly possible; no verifiable request or account may be required",
        ),
        _ => (
            "11 CCR §7221",
            "stop processing the personal information with the automated decision-making technology and notify service providers and contractors",
        ),
    };
    let mut o = obligation(
        "respond",
        Due::Date(due.value),
        None,
        citation,
        format!(
            "{what}; no later than 15 business days from receipt on {received}, counted from the next day; business days are Monday to Friday except {} (see the calendar's source)",
            calendar.name
        ),
    );
    o.warnings = due.warnings;
    o
}

/// A Shine the Light request (Civ. Code §1798.83): within 30 days when sent to
/// a designated address, telephone, fax or e-mail, else within a reasonable
/// period of at most 150 days. The day of receipt is excluded (Gov. Code §6800)
/// and the end does not roll, the conservative reading.
pub fn shine_the_light(received: Date, designated_channel: bool) -> Obligation {
    let (days, condition) = if designated_channel {
        (30, "sent to a designated mailing address, e-mail address, telephone or fax number")
    } else {
        (150, "not sent to a designated channel: within a reasonable period, at most")
    };
    let due = calendar_days(received, days, false);
    obligation(
        "respond",
        Due::Date(due),
        None,
        "Civ. Code §1798.83(b)(1)",
        format!(
            "the request was {condition} {days} days from receipt on {received} (day of receipt excluded, Gov. Code §6800, no roll): list the categories of personal information disclosed to third parties for their direct marketing in the preceding calendar year, with their names and addresses; once per customer per year; businesses with fewer than 20 employees are exempt"
        ),
    )
}

fn shine_the_light_note(received: Date) -> String {
    let designated = shine_the_light(received, true);
    let other = shine_the_light(received, false);
    format!(
        "if this is a Shine the Light request about disclosures for direct marketing (Civ. Code §1798.83), it is due by {} when sent to a designated channel, else by {} at the latest",
        designated.due, other.due
    )
}

fn incident_plan(incident: &Incident, _options: &Options) -> Plan {
    let mut plan = Plan::default();
    if !incident.jurisdictions.iter().any(crate::touches) {
        return plan;
    }
    let discovered = incident.discovered.local_date();
    let over_500 = incident.affected.is_none_or(|n| n > 500);
    if discovered < SB_446_FROM {
        plan.obligations.push(obligation(
            "notify-individuals",
            Due::Immediately(discovered),
            None,
            "Civ. Code §1798.82(a) (before SB 446)",
            format!(
                "breach discovered on {discovered}, before SB 446 took effect on {SB_446_FROM}: notify affected California residents in the most expedient time possible and without unreasonable delay, consistent with law enforcement's needs and the measures needed to determine the scope of the breach and restore the system's integrity; no fixed number of days"
            ),
        ));
        if over_500 {
            plan.obligations.push(obligation(
                "notify-authority",
                Due::Immediately(discovered),
                None,
                "Civ. Code §1798.82(f) (before SB 446)",
                "when more than 500 California residents are notified, submit a single sample copy of the notice electronically to the Attorney General; before SB 446 no period was set, so submit it with the notices to residents".to_string(),
            ));
        }
        return plan;
    }
    let residents = calendar_days(discovered, 30, false);
    plan.obligations.push(obligation(
        "notify-individuals",
        Due::Date(residents),
        None,
        "Civ. Code §1798.82(a)(2), as amended by SB 446 (2025)",
        format!(
            "notify affected California residents in the most expedient time possible and without unreasonable delay, and within 30 calendar days of discovery on {discovered} (the day of discovery excluded, Gov. Code §6800; no roll past weekends or holidays); a delay is allowed only when law enforcement says notice would impede a criminal investigation, or as necessary to determine the scope of the breach and restore the integrity of the system"
        ),
    ));
    let affected = match incident.affected {
        Some(n) => format!("{n} people are affected, all taken to be California residents"),
        None => "the number of people affected is not known".to_string(),
    };
    if over_500 {
        let ag = calendar_days(residents, 15, false);
        plan.obligations.push(obligation(
            "notify-authority",
            Due::Date(ag),
            None,
            "Civ. Code §1798.82(f), as amended by SB 446 (2025)",
            format!(
                "when more than 500 California residents are notified ({affected}), submit a sample copy of the notice, without personal information, to the Attorney General within 15 calendar days of notifying them; {ag} is the latest date, 15 days after the residents' deadline of {residents}; notifying residents earlier brings it forward"
            ),
        ));
    } else {
        plan.notes.push(format!(
            "no sample notice to the Attorney General is required: {affected}, not more than 500 California residents (Civ. Code §1798.82(f))"
        ));
    }
    plan
}
