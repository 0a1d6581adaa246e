//! The national calendar Brazilian deadlines are counted on, as cited data in
//! `calendars/br.toml`: the national holidays of Lei 662/1949 (as amended by
//! Lei 10.607/2002), Lei 6.802/1980 and Lei 14.759/2023, and Good Friday, which
//! the federal government's annual Portaria lists as a national holiday (Lei
//! 9.093/1995). Pontos facultativos (Carnival, Corpus Christi) are counted as
//! business days, the conservative reading; state and municipal holidays are
//! not counted.

use std::sync::{Arc, LazyLock};

use juris_core::calendar::{Calendar, Calendars};

/// The calendar files.
const FILES: &[(&str, &str)] = &[("br.toml", include_str!("../calendars/br.toml"))];

/// Every calendar of the module.
pub static CALENDARS: LazyLock<Calendars> =
    LazyLock::new(|| Calendars::parse(FILES).expect("the module's calendar files are valid (tests/calendars.rs)"));

/// The national calendar.
pub fn national() -> Arc<Calendar> {
    CALENDARS.get("br").cloned().expect("the Brazilian calendar is shipped")
}
