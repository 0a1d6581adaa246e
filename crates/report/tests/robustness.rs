//! No input makes the crate panic: large manifests, truncated or garbled
//! Fides files.

use juris_report::fides::import_sources;
use juris_report::ropa::{self, Format, RopaOptions, Variant};

/// A manifest with many markets, systems, activities and recipients.
fn large() -> String {
    let countries = ["DE", "FR", "US", "BR", "RU", "GB", "SG", "IN", "JP", "CA", "AU", "ZA"];
    let mut t = String::from("manifest = 1\n[organization]\nname = \"Big\"\nmarkets = [");
    t.push_str(&countries.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", "));
    t.push_str("]\n");
    for (i, c) in countries.iter().enumerate() {
        t.push_str(&format!(
            "[[entities]]\nid = \"e{i}\"\nname = \"Entity {i}\"\ncountry = \"{c}\"\nserves = [\"{c}\"]\n"
        ));
    }
    for i in 0..24 {
        let a = countries[i % countries.len()];
        let b = countries[(i * 5 + 3) % countries.len()];
        t.push_str(&format!(
            "[[systems]]\nid = \"s{i}\"\nname = \"System {i}\"\nlocations = [\"{a}\", \"{b}\"]\nholds = [\"*\"]\n"
        ));
    }
    for i in 0..16 {
        let c = countries[(i * 7) % countries.len()];
        t.push_str(&format!(
            "[[recipients]]\nid = \"r{i}\"\nname = \"Recipient {i}\"\nrole = \"processor\"\ncountry = \"{c}\"\n"
        ));
    }
    for i in 0..40 {
        t.push_str(&format!(
            "[[activities]]\nid = \"a{i}\"\nname = \"Activity {i}\"\nuses = [\"essential.service\"]\ndata_categories = [\"user.contact\"]\ndata_subjects = [\"customer\"]\nsystems = [\"s{}\", \"s{}\"]\nrecipients = [\"r{}\"]\n",
            i % 24,
            (i * 3 + 1) % 24,
            i % 16
        ));
    }
    t
}

#[test]
fn a_large_manifest_renders_in_reasonable_time() {
    let text = large();
    let m = juris_core::manifest::parse(&text).unwrap().manifest;
    let start = std::time::Instant::now();
    let map = juris_report::datamap::data_map(&m, &[]);
    let svg = juris_report::svg::render(&m, &map);
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
    assert_eq!(svg.matches("data-kind=\"flow\"").count(), map.flows.len());
    assert_eq!(svg.matches("data-kind=\"system\"").count(), 48);
    for variant in [Variant::Gdpr, Variant::Lgpd, Variant::Fz152] {
        let record = ropa::record(&m, variant, &RopaOptions::default());
        for format in [Format::Csv, Format::Xlsx, Format::Json] {
            ropa::export(&record, format).unwrap();
        }
    }
    let exported = juris_report::fides::export(&m);
    let back = import_sources(&[("x.yml".into(), exported.yaml)]).unwrap();
    juris_core::manifest::parse(&back.manifest).unwrap();
}

#[test]
fn truncated_and_garbled_fides_files_fail_cleanly() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fides");
    let mut texts = Vec::new();
    for v in ["v1/resources.yml", "v2/resources.yaml", "v3/systems.yml", "v3/organization.yml"] {
        texts.push(std::fs::read_to_string(dir.join(v)).unwrap());
    }
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for text in &texts {
        let chars: Vec<char> = text.chars().collect();
        // Every prefix at a line end, and random single-character damage.
        for (i, _) in text.match_indices('\n') {
            let result = import_sources(&[("t.yml".into(), text[..i].to_string())]);
            if let Ok(imported) = result {
                juris_core::manifest::parse(&imported.manifest).unwrap();
            }
        }
        for _ in 0..300 {
            let mut damaged = chars.clone();
            let at = (next() as usize) % damaged.len();
            let replacement =
                [':', '-', ' ', '\n', '[', '{', '"', '\'', '#', '&', '*', '!', '\u{0}', 'é'][(next() % 14) as usize];
            damaged[at] = replacement;
            let damaged: String = damaged.into_iter().collect();
            if let Ok(imported) = import_sources(&[("t.yml".into(), damaged)]) {
                juris_core::manifest::parse(&imported.manifest).unwrap();
            }
        }
    }
}
