//! The duties events trigger under Swiss law.
//!
//! - **Access** (FADP Art. 25-26; DPO Art. 18): the information is due within
//!   30 days of receipt of the request. If it cannot be given in time, the
//!   controller must tell the person so within the 30 days and say by when it
//!   will be given; a refusal, restriction or deferral must also be
//!   communicated within the 30 days. There is no statutory maximum for the
//!   extension. When the controller asks for a contribution to costs (at most
//!   CHF 300, DPO Art. 19), the 30 days run from the end of the 10 days the
//!   person has to confirm the request. (Verified: DPO Art. 18(1)-(3), 19(2)-(3).)
//! - **Breach** (FADP Art. 24): notify the FDPIC "as quickly as possible" of a
//!   breach of data security likely to lead to a high risk to the person's
//!   personality or fundamental rights; inform the persons concerned if their
//!   protection requires it or the FDPIC asks. No number of hours is set, so
//!   the duty is planned as due at once, on the local date of discovery.
//!   (Verified: FADP Art. 24(1)-(5).)
//!
//! How the 30 days are counted is UNVERIFIED for this module: the day of
//! receipt is not counted, and the conservative reading does not move a last
//! day that falls on a weekend or holiday. The later date a roll past
//! non-working days would give (Code of Obligations Art. 78 and SR 173.110.3,
//! on the [`calendars::nationwide`] calendar) is stated in the note.

use juris_core::jiff::civil::Date;
use juris_core::module::{Due, Event, EventContext, Plan};
use juris_core::time::{Count, Period, due_date};
use juris_core::{Incident, Obligation, RequestKind, RightsRequest};

use crate::calendars;

/// The duties an event triggers under Swiss law.
pub fn plan(ctx: &EventContext) -> Plan {
    match &ctx.event {
        Event::Request(request) => request_plan(request),
        Event::Incident(incident) => incident_plan(incident),
    }
}

fn obligation(action: &str, due: Due, citation: &str, note: String) -> Obligation {
    Obligation {
        module: crate::ID.to_string(),
        action: action.to_string(),
        due,
        extended_due: None,
        citation: citation.to_string(),
        note,
        warnings: Vec::new(),
    }
}

fn request_plan(request: &RightsRequest) -> Plan {
    let mut plan = Plan::default();
    if !crate::governs(&request.jurisdiction) {
        return plan;
    }
    let received = request.received;
    if received < crate::FADP_IN_FORCE {
        plan.notes.push(format!(
            "the request was received on {received}, before the revised FADP came into force on {}; this module encodes only the revised Act, so no deadline is computed",
            crate::FADP_IN_FORCE
        ));
        return plan;
    }
    match request.request {
        RequestKind::Access => {
            plan.obligations.push(access(received));
            plan.notes.push(
                "if a contribution to costs is asked for because answering takes disproportionate effort (at most CHF 300, DPO Art. 19), tell the person the amount before answering; the 30 days then run from the end of the 10 days they have to confirm the request".to_string(),
            );
        }
        other => plan.notes.push(format!(
            "this module computes no deadline for `{other}` requests: the FADP and DPO set a fixed period for access (DPO Art. 18) only; answer without undue delay"
        )),
    }
    plan
}

/// The access deadline for a request received on `received`.
pub fn access(received: Date) -> Obligation {
    let exact = due_date(received, Count::exact(Period::Days(30)), calendars::nationwide()).value;
    let rolled = due_date(received, Count::rolling(Period::Days(30)), calendars::nationwide());
    let mut note = format!(
        "give the information of FADP Art. 25(2) (free of charge, unless DPO Art. 19 allows a contribution) within 30 days of receipt on {received}; if that is not possible, tell the person by {exact} by when it will be given (no statutory maximum); a refusal, restriction or deferral must also be communicated by {exact} (DPO Art. 18(2)-(3))"
    );
    let mut warnings = Vec::new();
    if rolled.value != exact {
        note.push_str(&format!(
            "; {exact} is not a working day: the conservative reading keeps it, although counting per Code of Obligations Art. 78 would end the period on {} (UNVERIFIED)",
            rolled.value
        ));
        warnings = rolled.warnings;
    }
    let mut o = obligation("respond", Due::Date(exact), "FADP Art. 25-26; DPO Art. 18(1)", note);
    o.warnings = warnings;
    o
}

fn incident_plan(incident: &Incident) -> Plan {
    let mut plan = Plan::default();
    if !incident.jurisdictions.iter().any(|j| j.overlaps(&crate::ch())) {
        return plan;
    }
    let discovered = incident.discovered.local_date();
    if discovered < crate::FADP_IN_FORCE {
        plan.notes.push(format!(
            "the breach was discovered on {discovered}, before the revised FADP (and its duty to notify) came into force on {}",
            crate::FADP_IN_FORCE
        ));
        return plan;
    }
    plan.obligations.push(obligation(
        "notify-authority",
        Due::Immediately(discovered),
        "FADP Art. 24(1)-(2)",
        format!(
            "notify the FDPIC as quickly as possible (\"so rasch als möglich\") after discovery on {discovered}, if the breach of data security is likely to lead to a high risk to the personality or fundamental rights of the persons concerned; the Act sets no number of hours (unlike the GDPR's 72), so plan it for the day of discovery; the notification names at least the nature of the breach, its consequences and the measures taken or planned; a processor notifies its controller as quickly as possible (Art. 24(3))"
        ),
    ));
    plan.notes.push(
        "inform the persons concerned if their protection requires it or the FDPIC asks (FADP Art. 24(4)); this may be limited, deferred or dispensed with on the grounds of Art. 24(5), e.g. by a public announcement".to_string(),
    );
    plan
}
