//! `juris calendar`: the holiday calendars deadlines are counted on, from the
//! modules that ship them: one year of one place, or the list of them all.

use juris_core::calendar::{CalendarInfo, CalendarRequest, CalendarYear, YearStatus};
use serde_json::json;

use crate::Outcome;
use crate::args::{CalendarArgs, ListFormat};
use crate::output::outln;
use crate::sanitize::{block, line};
use crate::session::{self, Session};

pub fn run(session: &Session, args: &CalendarArgs) -> Outcome {
    let set = match session::load_brief(session) {
        Ok(set) => set,
        Err(outcome) => return outcome,
    };
    let mut outcome = session::report_load_errors(&set);
    if args.list {
        let mut all: Vec<(String, CalendarInfo)> = Vec::new();
        for plugin in &set.plugins {
            match plugin.calendars() {
                Ok(list) => all.extend(list.into_iter().map(|c| (plugin.id().to_string(), c))),
                Err(juris_host::CallError::Unsupported) => {}
                Err(error) => {
                    eprintln!("error: {}", line(&error.to_string()));
                    outcome = outcome.and(Outcome::PluginFailed);
                }
            }
        }
        match args.format {
            ListFormat::Json => {
                let list: Vec<_> = all
                    .iter()
                    .map(|(module, c)| {
                        let mut value = serde_json::to_value(c).unwrap_or_default();
                        value["module"] = json!(module);
                        value
                    })
                    .collect();
                crate::output::json(&json!({ "calendars": list }));
            }
            ListFormat::Text => {
                let width = all.iter().map(|(_, c)| c.id.len()).max().unwrap_or(0);
                for (module, c) in &all {
                    let projected = if c.official_through < c.last_year {
                        format!(", projected by rule {}-{}", c.official_through + 1, c.last_year)
                    } else {
                        String::new()
                    };
                    outln!(
                        "{:<width$}  {:<7} {} ({module}): official {}-{}{projected}",
                        line(&c.id),
                        c.jurisdiction.to_string(),
                        line(&c.name),
                        c.first_year,
                        c.official_through
                    );
                }
            }
        }
        return outcome;
    }
    let Some(place) = args.jurisdiction.clone() else { return Outcome::InputError };
    let year = args.year.unwrap_or_else(|| session::today().year());
    let request = CalendarRequest { jurisdiction: place.clone(), year, calendar: args.calendar.clone() };
    let governs = |p: &&juris_host::Plugin| p.info.jurisdictions.iter().any(|j| j.overlaps(&place));
    let mut found: Option<CalendarYear> = None;
    for plugin in set.plugins.iter().filter(governs) {
        match plugin.calendar(&request) {
            Ok(Some(calendar)) => {
                found = Some(calendar);
                break;
            }
            Ok(None) | Err(juris_host::CallError::Unsupported) => {}
            Err(error) => {
                eprintln!("error: {}", line(&error.to_string()));
                outcome = outcome.and(Outcome::PluginFailed);
            }
        }
    }
    let Some(calendar) = found else {
        match &args.calendar {
            Some(id) => eprintln!("error: no loaded module has a calendar `{}` for {place}", line(id)),
            None => eprintln!("error: no loaded module has a holiday calendar for {place}"),
        }
        eprintln!("  = help: `juris calendar --list` lists every calendar");
        return outcome.and(Outcome::InputError);
    };
    match args.format {
        ListFormat::Json => {
            let holidays: Vec<_> = calendar
                .holidays
                .iter()
                .map(|h| json!({ "date": h.date.to_string(), "name": h.name, "source": h.source }))
                .collect();
            crate::output::json(&json!({
                "jurisdiction": calendar.jurisdiction,
                "calendar": calendar.calendar,
                "name": calendar.name,
                "year": calendar.year,
                "status": calendar.status,
                "source": calendar.source,
                "holidays": holidays,
                "working_weekend_days": calendar.working_weekend_days.iter().map(|d| d.date.to_string()).collect::<Vec<_>>(),
            }));
        }
        ListFormat::Text => {
            let status = match calendar.status {
                YearStatus::Official => "official".to_string(),
                YearStatus::Projected => format!(
                    "projected: the official calendar for {year} is not yet published, so these are the days the law sets by rule"
                ),
                YearStatus::Uncovered => "not covered".to_string(),
            };
            outln!("{} ({}) {year}: {status}", line(&calendar.name), line(&calendar.calendar));
            outln!("source: {}", line(&calendar.source));
            for h in &calendar.holidays {
                outln!("{}  {:<9} {}  [{}]", h.date, format!("{:?}", h.date.weekday()), line(&h.name), line(&h.source));
            }
            for d in &calendar.working_weekend_days {
                outln!(
                    "{}  {:<9} working day: {}  [{}]",
                    d.date,
                    format!("{:?}", d.date.weekday()),
                    line(&d.name),
                    line(&d.source)
                );
            }
            if let Some(notes) = &calendar.notes {
                outln!("notes: {}", block(notes, "  "));
            }
        }
    }
    outcome
}
