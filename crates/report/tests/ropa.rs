//! The record of processing: rows per activity, in every format.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use juris_report::ropa::{self, Format, RopaOptions, Variant};

fn acme() -> juris_core::Manifest {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/acme.toml")).unwrap();
    juris_core::manifest::parse(&text).unwrap().manifest
}

fn cell(record: &ropa::Ropa, activity: &str, key: &str) -> String {
    let row = record.rows.iter().find(|r| r.activity == activity).unwrap();
    row.get(record.columns, key).unwrap()
}

#[test]
fn gdpr_record_has_the_art_30_items_and_says_what_is_missing() {
    let m = acme();
    let record = ropa::record(&m, Variant::Gdpr, &RopaOptions::default());
    assert_eq!(record.rows.iter().map(|r| r.activity.as_str()).collect::<Vec<_>>(), ["orders", "ads"]);
    assert_eq!(
        cell(&record, "orders", "controller"),
        "Acme Books GmbH (DE) for EEA; Acme Livros Ltda. (BR) for BR; Acme Books for RU"
    );
    assert_eq!(cell(&record, "orders", "contacts"), "DPO: Data Protection Office, dpo@acme.example (for EEA, BR)");
    assert_eq!(cell(&record, "orders", "retention"), "P6Y from order (tax law)");
    assert_eq!(cell(&record, "orders", "transfers"), "EEA → US (Web shop): scc; EEA → US (Payment processor): scc");
    // The ad network abroad has no mechanism: the transfers item is incomplete.
    assert_eq!(
        cell(&record, "ads", "transfers"),
        "EEA → US (Analytics warehouse): scc; EEA → US (Ad network): no mechanism recorded"
    );
    let ads = record.rows.iter().find(|r| r.activity == "ads").unwrap();
    assert_eq!(ads.missing, ["transfers", "retention", "security_measures"]);
    let with_reference = ropa::record(&m, Variant::Gdpr, &RopaOptions { security_measures: Some("ISMS-7".into()) });
    assert_eq!(with_reference.rows[0].missing, Vec::<&str>::new());
}

#[test]
fn lgpd_and_152fz_records_cover_their_country() {
    let m = acme();
    let lgpd = ropa::record(&m, Variant::Lgpd, &RopaOptions::default());
    assert_eq!(lgpd.rows.len(), 2);
    assert_eq!(cell(&lgpd, "orders", "controller"), "Acme Livros Ltda. (BR) for BR");
    assert_eq!(cell(&lgpd, "orders", "encarregado"), "DPO: Data Protection Office, dpo@acme.example (for EEA, BR)");
    assert_eq!(cell(&lgpd, "ads", "legal_basis"), "legitimate_interests");
    // Legitimate interest without an assessment, and health data without an Art. 11 condition.
    let ads = lgpd.rows.iter().find(|r| r.activity == "ads").unwrap();
    assert!(ads.missing.contains(&"legitimate_interest"), "{:?}", ads.missing);
    assert!(ads.missing.contains(&"sensitive_data"), "{:?}", ads.missing);
    assert!(cell(&lgpd, "orders", "international_transfers").starts_with("DE (Web shop): no mechanism recorded"));

    let fz = ropa::record(&m, Variant::Fz152, &RopaOptions::default());
    // Only `orders` touches Russia (`ads` is for the EEA and Brazil).
    assert_eq!(fz.rows.iter().map(|r| r.activity.as_str()).collect::<Vec<_>>(), ["orders"]);
    assert_eq!(
        cell(&fz, "orders", "responsible_person"),
        "responsible person: Ivan Otvetstvenny, ru-privacy@acme.example (for RU)"
    );
    assert_eq!(cell(&fz, "orders", "database_locations"), "Web shop: DE, US; Russian account store: RU");
    assert_eq!(
        cell(&fz, "orders", "cross_border"),
        "DE (Web shop): RKN notice filed; US (Web shop): no RKN notice; DE (Parcel carrier): RKN notice filed; US (Payment processor): scc; no RKN notice"
    );
    assert!(cell(&fz, "orders", "methods").starts_with("automated"));
}

#[test]
fn xlsx_reads_back_with_one_row_per_activity() {
    let m = acme();
    for variant in [Variant::Gdpr, Variant::Lgpd, Variant::Fz152] {
        let record = ropa::record(&m, variant, &RopaOptions::default());
        let bytes = ropa::export(&record, Format::Xlsx).unwrap();
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        let sheet = book.sheet_names()[0].clone();
        let range = book.worksheet_range(&sheet).unwrap();
        let rows: Vec<Vec<String>> = range
            .rows()
            .map(|r| r.iter().map(|c| if let Data::String(s) = c { s.clone() } else { c.to_string() }).collect())
            .collect();
        let headers: Vec<&str> = record.columns.iter().map(|c| c.header).collect();
        assert_eq!(rows[0], headers, "{variant}");
        assert_eq!(rows.len(), record.rows.len() + 1, "{variant}");
        for (row, expected) in rows[1..].iter().zip(&record.rows) {
            assert_eq!(row[0], expected.activity);
            let missing = expected.missing.join(", ");
            assert_eq!(row.last().unwrap(), &missing);
        }
    }
}

#[test]
fn csv_and_json_say_the_same() {
    let m = acme();
    let record = ropa::record(&m, Variant::Gdpr, &RopaOptions::default());
    let csv = String::from_utf8(ropa::export(&record, Format::Csv).unwrap()).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers.len(), record.columns.len());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[1][0], "ads");

    let json: serde_json::Value = serde_json::from_slice(&ropa::export(&record, Format::Json).unwrap()).unwrap();
    assert_eq!(json["variant"], "gdpr");
    assert_eq!(json["activities"][1]["activity_id"], "ads");
    assert_eq!(json["activities"][1]["missing"], serde_json::json!(["transfers", "retention", "security_measures"]));
    assert_eq!(json["activities"][1]["transfers"].as_str(), Some(&rows[1][9]));
}

#[test]
fn spreadsheet_formulas_in_the_manifest_stay_text() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/acme.toml"))
        .unwrap()
        .replace("name = \"Take and deliver orders\"", "name = \"=HYPERLINK(\\\"http://evil\\\")\"");
    let m = juris_core::manifest::parse(&text).unwrap().manifest;
    let record = ropa::record(&m, Variant::Gdpr, &RopaOptions::default());
    let csv = String::from_utf8(ropa::export(&record, Format::Csv).unwrap()).unwrap();
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    let bytes = ropa::export(&record, Format::Xlsx).unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let formulas = book.worksheet_formula(&sheet).unwrap();
    assert!(formulas.rows().flatten().all(String::is_empty), "no cell is a formula");
}
