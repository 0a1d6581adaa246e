//! Every calendar the module ships agrees with an independent published list
//! for the years in `tests/calendars/<id>.expected.toml` (each names its
//! source; a disagreement the law explains is listed there as a known
//! difference, with the reason in `<id>.diff.txt`).

use juris_california::calendars::CALENDARS;

#[test]
fn calendars_agree_with_independent_lists() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/calendars");
    let mut problems = Vec::new();
    let mut checked = 0;
    for calendar in CALENDARS.iter() {
        let path = dir.join(format!("{}.expected.toml", calendar.id));
        let Ok(expected) = std::fs::read_to_string(&path) else {
            problems.push(format!("{}: no independent list at {}", calendar.id, path.display()));
            continue;
        };
        problems.extend(juris_core::testing::calendar_differences(calendar, &expected));
        checked += 1;
    }
    assert!(checked > 0);
    assert!(problems.is_empty(), "calendar differences:\n{}", problems.join("\n"));
}
