//! `--format ics` for plans: an RFC 5545 calendar with one event per duty,
//! the law and the method in its description, and a reminder a day before.
//! Written with the icalendar crate.

use icalendar::{Alarm, Calendar, Component, Event, EventLike, Trigger};
use juris_core::module::{Due, Obligation};

/// A chrono date from a jiff one (icalendar's types are chrono's).
fn naive(date: juris_core::jiff::civil::Date) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(i32::from(date.year()), date.month() as u32, date.day() as u32)
}

fn event(o: &Obligation) -> Option<Event> {
    let mut event = Event::new();
    let extended = o.extended_due.map(|d| format!(" (extendable to {d})")).unwrap_or_default();
    let mut description = format!("Due by {}{extended}.\nLaw: {}\nHow: {}", o.due, o.citation, o.note);
    for warning in &o.warnings {
        description.push_str(&format!("\nWarning: {warning}"));
    }
    event
        .summary(&format!("{}: {}", o.module, o.action))
        .description(&description)
        .uid(&format!("{}-{}-{}@juris", o.module, o.action, o.due).replace(' ', "-"));
    match o.due {
        Due::Date(d) | Due::Immediately(d) => {
            event.all_day(naive(d)?);
        }
        Due::Instant(i) => {
            let at = chrono::DateTime::<chrono::Utc>::from_timestamp(i.timestamp.as_second(), 0)?;
            event.starts(at).ends(at);
        }
    }
    event.alarm(Alarm::display(
        &format!("Tomorrow: {}: {}", o.module, o.action),
        Trigger::before_start(chrono::Duration::days(1)),
    ));
    Some(event.done())
}

pub fn print(obligations: &[Obligation]) {
    let mut calendar = Calendar::new();
    calendar.name("juris plan");
    for o in obligations {
        match event(o) {
            Some(event) => {
                calendar.push(event);
            }
            None => eprintln!("warning: {} cannot be written as a calendar date; left out", o.due),
        }
    }
    crate::output::write(format_args!("{}", calendar.done()));
}
