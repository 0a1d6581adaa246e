//! The holiday calendars EEA and UK deadlines are counted on, as cited data
//! in `calendars/` (one TOML file per calendar, embedded at build time): every
//! EEA state at national level, the German Länder and the Spanish autonomous
//! communities, and the three UK calendars (England and Wales, Scotland,
//! Northern Ireland). The format is docs/calendars.md's.

use std::sync::{Arc, LazyLock};

use juris_core::Jurisdiction;
use juris_core::calendar::{Calendar, Calendars};

/// The calendar files, parents before the calendars that extend them.
const FILES: &[(&str, &str)] = &[
    ("at.toml", include_str!("../calendars/at.toml")),
    ("be.toml", include_str!("../calendars/be.toml")),
    ("bg.toml", include_str!("../calendars/bg.toml")),
    ("cy.toml", include_str!("../calendars/cy.toml")),
    ("cz.toml", include_str!("../calendars/cz.toml")),
    ("de.toml", include_str!("../calendars/de.toml")),
    ("dk.toml", include_str!("../calendars/dk.toml")),
    ("ee.toml", include_str!("../calendars/ee.toml")),
    ("es.toml", include_str!("../calendars/es.toml")),
    ("fi.toml", include_str!("../calendars/fi.toml")),
    ("fr.toml", include_str!("../calendars/fr.toml")),
    ("gb-eaw.toml", include_str!("../calendars/gb-eaw.toml")),
    ("gb-sct.toml", include_str!("../calendars/gb-sct.toml")),
    ("gr.toml", include_str!("../calendars/gr.toml")),
    ("hr.toml", include_str!("../calendars/hr.toml")),
    ("hu.toml", include_str!("../calendars/hu.toml")),
    ("ie.toml", include_str!("../calendars/ie.toml")),
    ("it.toml", include_str!("../calendars/it.toml")),
    ("li.toml", include_str!("../calendars/li.toml")),
    ("lt.toml", include_str!("../calendars/lt.toml")),
    ("lu.toml", include_str!("../calendars/lu.toml")),
    ("lv.toml", include_str!("../calendars/lv.toml")),
    ("mt.toml", include_str!("../calendars/mt.toml")),
    ("nl.toml", include_str!("../calendars/nl.toml")),
    ("no.toml", include_str!("../calendars/no.toml")),
    ("pl.toml", include_str!("../calendars/pl.toml")),
    ("pt.toml", include_str!("../calendars/pt.toml")),
    ("ro.toml", include_str!("../calendars/ro.toml")),
    ("se.toml", include_str!("../calendars/se.toml")),
    ("si.toml", include_str!("../calendars/si.toml")),
    ("sk.toml", include_str!("../calendars/sk.toml")),
    ("de-bb.toml", include_str!("../calendars/de-bb.toml")),
    ("de-be.toml", include_str!("../calendars/de-be.toml")),
    ("de-bw.toml", include_str!("../calendars/de-bw.toml")),
    ("de-by.toml", include_str!("../calendars/de-by.toml")),
    ("de-hb.toml", include_str!("../calendars/de-hb.toml")),
    ("de-he.toml", include_str!("../calendars/de-he.toml")),
    ("de-hh.toml", include_str!("../calendars/de-hh.toml")),
    ("de-mv.toml", include_str!("../calendars/de-mv.toml")),
    ("de-ni.toml", include_str!("../calendars/de-ni.toml")),
    ("de-nw.toml", include_str!("../calendars/de-nw.toml")),
    ("de-rp.toml", include_str!("../calendars/de-rp.toml")),
    ("de-sh.toml", include_str!("../calendars/de-sh.toml")),
    ("de-sl.toml", include_str!("../calendars/de-sl.toml")),
    ("de-sn.toml", include_str!("../calendars/de-sn.toml")),
    ("de-st.toml", include_str!("../calendars/de-st.toml")),
    ("de-th.toml", include_str!("../calendars/de-th.toml")),
    ("es-an.toml", include_str!("../calendars/es-an.toml")),
    ("es-ar.toml", include_str!("../calendars/es-ar.toml")),
    ("es-as.toml", include_str!("../calendars/es-as.toml")),
    ("es-cb.toml", include_str!("../calendars/es-cb.toml")),
    ("es-ce.toml", include_str!("../calendars/es-ce.toml")),
    ("es-cl.toml", include_str!("../calendars/es-cl.toml")),
    ("es-cm.toml", include_str!("../calendars/es-cm.toml")),
    ("es-cn.toml", include_str!("../calendars/es-cn.toml")),
    ("es-ct.toml", include_str!("../calendars/es-ct.toml")),
    ("es-ex.toml", include_str!("../calendars/es-ex.toml")),
    ("es-ga.toml", include_str!("../calendars/es-ga.toml")),
    ("es-ib.toml", include_str!("../calendars/es-ib.toml")),
    ("es-mc.toml", include_str!("../calendars/es-mc.toml")),
    ("es-md.toml", include_str!("../calendars/es-md.toml")),
    ("es-ml.toml", include_str!("../calendars/es-ml.toml")),
    ("es-nc.toml", include_str!("../calendars/es-nc.toml")),
    ("es-pv.toml", include_str!("../calendars/es-pv.toml")),
    ("es-ri.toml", include_str!("../calendars/es-ri.toml")),
    ("es-vc.toml", include_str!("../calendars/es-vc.toml")),
    ("gb-nir.toml", include_str!("../calendars/gb-nir.toml")),
    ("is.toml", include_str!("../calendars/is.toml")),
];

/// Every calendar of the module.
pub static CALENDARS: LazyLock<Calendars> =
    LazyLock::new(|| Calendars::parse(FILES).expect("the module's calendar files are valid (tests/calendars.rs)"));

/// The calendar of a place: its subdivision's (`DE-BY`, `ES-MD`, `GB-SCT`) when
/// there is one, else its country's. `None` for a place outside the EEA and
/// the UK.
pub fn for_place(place: &Jurisdiction) -> Option<Arc<Calendar>> {
    CALENDARS.for_place(place).cloned()
}

/// The calendar with this id.
pub fn by_id(id: &str) -> Option<Arc<Calendar>> {
    CALENDARS.get(id).cloned()
}

/// The UK calendar for a place: Scotland for `GB-SCT`, Northern Ireland for
/// `GB-NIR`, else England and Wales.
pub fn uk_calendar(place: &Jurisdiction) -> Arc<Calendar> {
    for_place(place)
        .filter(|c| c.jurisdiction.country().is_some_and(|k| k.code() == "GB"))
        .unwrap_or_else(|| by_id("gb-eaw").expect("gb-eaw is shipped"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_file_is_embedded() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("calendars");
        let on_disk = std::fs::read_dir(&dir).unwrap().count();
        assert_eq!(on_disk, super::FILES.len(), "every file of calendars/ is listed in FILES");
        assert_eq!(super::CALENDARS.iter().count(), super::FILES.len());
    }
}
