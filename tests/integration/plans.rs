//! `juris dsr plan` and `juris incident plan` give the deadlines the laws set,
//! counted on the published holiday calendars, transferred working days included.

use serde_json::Value;

use crate::util::*;

fn obligations(args: &[&str]) -> Vec<Value> {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let output = run(&all);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    json(&output)["obligations"].as_array().unwrap().clone()
}

fn find<'a>(list: &'a [Value], module: &str, action: &str) -> &'a Value {
    list.iter()
        .find(|o| o["module"] == module && o["action"] == action)
        .unwrap_or_else(|| panic!("no {module} {action} in {list:#?}"))
}

#[test]
fn eea_access_one_month_rolls_past_the_weekend() {
    let list = obligations(&["dsr", "plan", "--jurisdiction", "DE", "--request", "access", "--received", "2026-01-31"]);
    let respond = find(&list, "eea-uk", "respond");
    assert_eq!(respond["due"], "2026-03-02");
    assert_eq!(respond["extended_due"], "2026-04-30");
    assert!(respond["citation"].as_str().unwrap().contains("Art. 12(3)"));
}

#[test]
fn uk_access_rolls_past_bank_holidays() {
    // Received Fri 2026-11-27: one month = Sun 27 Dec; Mon 28 Dec is the
    // Boxing Day substitute bank holiday, so the due date is Tue 29 Dec.
    let list = obligations(&["dsr", "plan", "--jurisdiction", "GB", "--request", "access", "--received", "2026-11-27"]);
    assert_eq!(find(&list, "eea-uk", "respond")["due"], "2026-12-29");
}

#[test]
fn california_opt_out_in_15_business_days() {
    let list = obligations(&[
        "dsr",
        "plan",
        "--jurisdiction",
        "US-CA",
        "--request",
        "opt-out-of-sale",
        "--received",
        "2026-09-14",
    ]);
    assert_eq!(find(&list, "california", "respond")["due"], "2026-10-05");
}

#[test]
fn california_access_acknowledge_and_respond() {
    let list =
        obligations(&["dsr", "plan", "--jurisdiction", "US-CA", "--request", "access", "--received", "2026-09-14"]);
    assert!(find(&list, "california", "acknowledge")["due"].is_string());
    let respond = find(&list, "california", "respond");
    assert!(respond["extended_due"].is_string());
}

#[test]
fn california_shine_the_light_in_30_days() {
    let list = obligations(&[
        "dsr",
        "plan",
        "--jurisdiction",
        "US-CA",
        "--request",
        "shine-the-light",
        "--received",
        "2026-09-14",
    ]);
    let respond = find(&list, "california", "respond");
    assert_eq!(respond["due"], "2026-10-14");
    assert!(respond["citation"].as_str().unwrap().contains("1798.83"));
}

#[test]
fn brazil_incident_skips_the_national_holiday() {
    let list = obligations(&["incident", "plan", "--jurisdiction", "BR", "--discovered", "2026-11-18T15:00:00-03:00"]);
    assert_eq!(find(&list, "brazil", "notify-authority")["due"], "2026-11-24");
}

#[test]
fn brazil_access_complete_declaration() {
    let list = obligations(&["dsr", "plan", "--jurisdiction", "BR", "--request", "access", "--received", "2026-11-02"]);
    assert!(list.iter().any(|o| o["module"] == "brazil"), "{list:#?}");
}

#[test]
fn russia_access_in_working_days_with_extension() {
    let list = obligations(&["dsr", "plan", "--jurisdiction", "RU", "--request", "access", "--received", "2026-04-29"]);
    let respond = find(&list, "russia", "respond");
    assert_eq!(respond["due"], "2026-05-15");
    assert_eq!(respond["extended_due"], "2026-05-22");
}

#[test]
fn russia_incident_24_and_72_hours() {
    let list = obligations(&["incident", "plan", "--jurisdiction", "RU", "--discovered", "2026-11-29T10:00:00Z"]);
    assert_eq!(find(&list, "russia", "notify-authority")["due"], "2026-11-30T10:00:00Z");
    assert_eq!(find(&list, "russia", "report-investigation")["due"], "2026-12-02T10:00:00Z");
}

#[test]
fn incident_in_several_jurisdictions_collects_every_module() {
    let list = obligations(&[
        "incident",
        "plan",
        "--jurisdiction",
        "DE,GB,US-CA,BR,RU",
        "--discovered",
        "2026-11-18T15:00:00-03:00",
    ]);
    for module in ["eea-uk", "california", "brazil", "russia"] {
        assert!(list.iter().any(|o| o["module"] == module), "no obligation from {module}");
    }
    let eea = find(&list, "eea-uk", "notify-authority");
    assert_eq!(eea["due"], "2026-11-21T15:00:00-03:00");
}

#[test]
fn a_projected_year_is_noted_and_a_year_outside_the_calendar_warns() {
    // 2028 has no decree on the transfer of days off yet: counted by rule, and said so.
    let list = obligations(&["dsr", "plan", "--jurisdiction", "RU", "--request", "access", "--received", "2028-03-01"]);
    let respond = find(&list, "russia", "respond");
    assert!(respond["note"].as_str().unwrap().contains("projected: the official"), "{respond}");
    assert!(respond.get("warnings").is_none(), "a projection is a note, not a warning: {respond}");
    // 2101 is beyond every calendar: weekends only, with a warning.
    let list = obligations(&["dsr", "plan", "--jurisdiction", "RU", "--request", "access", "--received", "2101-03-01"]);
    let respond = find(&list, "russia", "respond");
    assert!(respond["warnings"][0].as_str().unwrap().contains("covers 2000-2100 only"), "{respond}");
}

#[test]
fn no_module_for_the_jurisdiction_is_an_input_error() {
    let output = run(&["dsr", "plan", "--jurisdiction", "JP", "--request", "access", "--received", "2026-01-31"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no loaded module"));
}

/// Requests and incidents of December 2026 count the 2027 holidays, in every
/// module: the cases a month before the old calendars ran out.
#[test]
fn december_2026_counts_the_holidays_of_2027() {
    let dsr = |place: &str, kind: &str, received: &str| {
        obligations(&["dsr", "plan", "--jurisdiction", place, "--request", kind, "--received", received])
    };
    // DE: one month from 1 Dec 2026 is Fri 1 Jan 2027, New Year's Day.
    let list = dsr("DE", "access", "2026-12-01");
    let respond = find(&list, "eea-uk", "respond");
    assert_eq!(respond["due"], "2027-01-04");
    assert!(respond.get("warnings").is_none(), "{respond}");
    // FR: one month from 14 Apr 2026 is Ascension Day.
    assert_eq!(find(&dsr("FR", "access", "2026-04-14"), "eea-uk", "respond")["due"], "2026-05-15");
    // GB: one month from 1 Dec 2026 is Fri 1 Jan 2027, a bank holiday.
    assert_eq!(find(&dsr("GB", "access", "2026-12-01"), "eea-uk", "respond")["due"], "2027-01-04");
    // RU: 10 working days from 20 Dec 2026 skip 31 Dec and 1-8 January 2027.
    let ru = find(&dsr("RU", "access", "2026-12-20"), "russia", "respond").clone();
    assert_eq!(ru["due"], "2027-01-12");
    assert!(ru.get("warnings").is_none(), "{ru}");
    // US-CA: 15 business days from 21 Dec 2026 skip 25 Dec and 1 Jan 2027.
    assert_eq!(find(&dsr("US-CA", "opt-out-of-sale", "2026-12-21"), "california", "respond")["due"], "2027-01-13");
    // BR: 3 business days from 29 Dec 2026 skip 1 Jan 2027.
    let list = obligations(&["incident", "plan", "--jurisdiction", "BR", "--discovered", "2026-12-29T10:00:00-03:00"]);
    assert_eq!(find(&list, "brazil", "notify-authority")["due"], "2027-01-04");
}

#[test]
fn the_calendar_command_shows_a_year_with_its_sources_and_status() {
    let output = run(&["calendar", "--jurisdiction", "RU", "--year", "2027", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let year = json(&output);
    assert_eq!(year["calendar"], "ru");
    assert_eq!(year["status"], "official");
    assert!(year["source"].as_str().unwrap().contains("1187"), "{year}");
    let dates: Vec<&str> = year["holidays"].as_array().unwrap().iter().map(|h| h["date"].as_str().unwrap()).collect();
    assert!(dates.contains(&"2027-01-08") && dates.contains(&"2027-12-31"), "{dates:?}");
    assert!(year["holidays"].as_array().unwrap().iter().all(|h| !h["source"].as_str().unwrap().is_empty()));
    let projected = json(&run(&["calendar", "--jurisdiction", "RU", "--year", "2028", "--format", "json"]));
    assert_eq!(projected["status"], "projected");
    let bavaria = json(&run(&["calendar", "--jurisdiction", "DE-BY", "--year", "2026", "--format", "json"]));
    assert_eq!(bavaria["calendar"], "de-by");
    let list = json(&run(&["calendar", "--list", "--format", "json"]));
    let ids: Vec<&str> = list["calendars"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    for id in [
        "fr",
        "de",
        "de-by",
        "es-md",
        "gb-eaw",
        "gb-sct",
        "gb-nir",
        "us-ca",
        "us-ca-govcode",
        "br",
        "ru",
        "is",
        "li",
        "no",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    assert!(ids.len() >= 30 + 3 + 2 + 1 + 1 + 16 + 19);
    let unknown = run(&["calendar", "--jurisdiction", "JP", "--year", "2027"]);
    assert_eq!(unknown.status.code(), Some(2));
}
