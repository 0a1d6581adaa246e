//! Every calendar the module ships agrees with an independent published list
//! for the years in `tests/calendars/<id>.expected.toml` (each names its
//! source; a disagreement the law explains is listed there as a known
//! difference, with the reason in `<id>.diff.txt`).

use juris_brazil::calendars::CALENDARS;

#[test]
fn calendars_agree_with_independent_lists() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/calendars");
    juris_core::testing::assert_calendars(&CALENDARS, &dir);
}
