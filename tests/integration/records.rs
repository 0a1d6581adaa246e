//! `juris report`, `juris export ropa|fides` and `juris import fides`, as a
//! team runs them: files written, read back with independent readers
//! (calamine for XLSX, a headless browser for the HTML in juris-report's own
//! tests), and bad input refused with exit 2.

use calamine::{Reader, Xlsx};

use crate::util::*;

fn example_str() -> String {
    example().to_str().unwrap().to_string()
}

fn activity_ids() -> Vec<String> {
    let text = std::fs::read_to_string(example()).unwrap();
    let manifest = juris_core::manifest::parse(&text).expect("the example parses").manifest;
    manifest.activities.iter().map(|a| a.id.to_string()).collect()
}

#[test]
fn the_report_is_one_html_file_with_the_map_the_record_and_check_s_exit_code() {
    let dir = TempDir::new("report-html");
    let out = dir.path().join("report.html");
    let report = run(&["report", &example_str(), "--as-of", "2026-11-29", "--out", out.to_str().unwrap()]);
    let check = run(&["check", &example_str(), "--as-of", "2026-11-29"]);
    assert_eq!(report.status.code(), check.status.code(), "report exits as check does: {}", stderr(&report));
    let html = std::fs::read_to_string(&out).expect("the report was written");
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..80.min(html.len())]);
    assert!(html.contains("<svg"), "no data map");
    for id in activity_ids() {
        assert!(html.contains(&id), "activity `{id}` is not in the record");
    }
    // Self-contained: nothing is fetched when the file is opened offline.
    for external in ["src=\"http", "href=\"http://", "<link rel=\"stylesheet\"", "@import"] {
        assert!(!html.contains(external), "the report loads `{external}`");
    }
    // The findings are check's: the same error count.
    let check_json = json(&run(&["check", &example_str(), "--as-of", "2026-11-29", "--format", "json"]));
    let errors = check_json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error" && f.get("waived").is_none())
        .count();
    assert!(errors > 0);
    assert!(
        html.contains(&format!("<b>{errors}</b>errors")),
        "the report does not show the {errors} errors check gives"
    );
}

#[test]
fn the_record_as_xlsx_reads_back_one_row_per_activity() {
    let dir = TempDir::new("ropa-xlsx");
    let out = dir.path().join("ropa.xlsx");
    let output = run(&["export", "ropa", &example_str(), "--format", "xlsx", "--out", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut workbook: Xlsx<_> = calamine::open_workbook(&out).expect("a workbook calamine opens");
    let sheet = workbook.sheet_names().first().cloned().expect("a sheet");
    let range = workbook.worksheet_range(&sheet).expect("the sheet reads");
    let rows: Vec<_> = range.rows().collect();
    let ids = activity_ids();
    assert_eq!(rows.len(), ids.len() + 1, "a header row and one row per activity");
    assert_eq!(rows[0][0].to_string(), "Activity id");
    let first_column: Vec<String> = rows[1..].iter().map(|r| r[0].to_string()).collect();
    assert_eq!(first_column, ids);
}

#[test]
fn the_record_as_csv_and_json_has_the_documented_columns_per_law() {
    let csv = run(&["export", "ropa", &example_str(), "--variant", "lgpd"]);
    assert_eq!(csv.status.code(), Some(0), "{}", stderr(&csv));
    let header = stdout(&csv).lines().next().unwrap_or_default().to_string();
    assert!(header.contains("Encarregado (Art. 41)"), "{header}");
    let json_out = json(&run(&["export", "ropa", &example_str(), "--format", "json", "--variant", "152fz"]));
    assert!(json_out.is_object(), "{json_out}");
}

#[test]
fn xlsx_to_standard_output_is_refused_and_a_bad_manifest_is_exit_2() {
    let output = run(&["export", "ropa", &example_str(), "--format", "xlsx"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--out"), "{}", stderr(&output));

    let dir = TempDir::new("ropa-bad");
    let bad = dir.path().join("privacy.toml");
    std::fs::write(&bad, "manifest = 1\n[organization]\nname = \"X\"\nmarkets = [\"XX\"]\n").unwrap();
    let output = run(&["export", "ropa", bad.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("privacy.toml:4:"), "{}", stderr(&output));
}

#[test]
fn fides_export_then_import_gives_a_manifest_that_parses_with_todos() {
    let dir = TempDir::new("fides-round-trip");
    let yaml = dir.path().join("fides.yml");
    let exported = run(&["export", "fides", &example_str(), "--out", yaml.to_str().unwrap()]);
    assert_eq!(exported.status.code(), Some(0), "{}", stderr(&exported));
    assert!(std::fs::read_to_string(&yaml).unwrap().contains("privacy_declarations"));

    let back = dir.path().join("back.toml");
    let imported = run(&["import", "fides", yaml.to_str().unwrap(), "--out", back.to_str().unwrap()]);
    assert_eq!(imported.status.code(), Some(0), "{}", stderr(&imported));
    let text = std::fs::read_to_string(&back).unwrap();
    assert!(text.contains("TODO"), "{text}");
    let manifest = juris_core::manifest::parse(&text).expect("the imported manifest parses").manifest;
    // fideslang declares one data use per privacy declaration, so an activity
    // with several uses comes back as several.
    let ids = activity_ids();
    assert!(manifest.activities.len() >= ids.len(), "{} activities from {}", manifest.activities.len(), ids.len());
    for id in &ids {
        assert!(manifest.activities.iter().any(|a| a.name.ends_with(&format!("({id})"))), "activity `{id}` was lost");
    }

    let original = juris_core::manifest::parse(&std::fs::read_to_string(example()).unwrap()).unwrap().manifest;
    assert_eq!(manifest.organization.security_measures, original.organization.security_measures);

    // Fides records no markets; until the TODOs are filled in, the gate does
    // not pass on an empty list: the establishment stands in for the markets.
    let output = run(&["check", back.to_str().unwrap(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "an imported manifest with its TODOs open must not pass");
    let checked = json(&output);
    assert!(
        checked["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "juris/markets-missing" || f["rule"] == "juris/market-not-covered"),
        "{checked}"
    );

    // Never over an existing file.
    let again = run(&["import", "fides", yaml.to_str().unwrap(), "--out", back.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&back).unwrap(), text);
}

#[test]
fn fides_import_of_broken_yaml_names_the_file_and_line() {
    let dir = TempDir::new("fides-broken");
    let yaml = dir.path().join("broken.yml");
    std::fs::write(&yaml, "system:\n  - fides_key: shop\n    name: [unclosed\n").unwrap();
    let output = run(&["import", "fides", yaml.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("broken.yml:"), "{err}");
}

#[cfg(unix)]
#[test]
fn fides_import_refuses_devices_and_walks_a_symlink_loop_once() {
    let dir = TempDir::new("fides-hostile");
    let resources = dir.path().join("resources");
    std::fs::create_dir(&resources).unwrap();
    std::fs::write(
        resources.join("system.yml"),
        "system:\n  - fides_key: shop\n    name: Shop\n    privacy_declarations: []\n",
    )
    .unwrap();
    // Two links back to the directory itself: a walk that followed both at
    // every level would visit 2^depth directories.
    std::os::unix::fs::symlink(&resources, resources.join("again")).unwrap();
    std::os::unix::fs::symlink(&resources, resources.join("and-again")).unwrap();
    let output = run(&["import", "fides", resources.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output).matches("id = \"shop\"").count(), 1, "the file is read once: {}", stdout(&output));

    // A resource file that is a device must be refused, not read for ever.
    std::os::unix::fs::symlink("/dev/zero", resources.join("zero.yml")).unwrap();
    let output = run(&["import", "fides", resources.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("zero.yml") && err.contains("not a regular file"), "{err}");
}

#[test]
fn a_manifest_without_markets_is_judged_where_it_is_established() {
    let dir = TempDir::new("established-only");
    let path = dir.path().join("privacy.toml");
    std::fs::write(
        &path,
        "manifest = 1\n[organization]\nname = \"Cookie House\"\nestablished = [\"US\"]\nmarkets = []\n",
    )
    .unwrap();
    let output = run(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "no market named is not a pass: {}", stdout(&output));
    let report = json(&output);
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "juris/market-not-covered")
        .unwrap_or_else(|| panic!("{report}"));
    assert_eq!(finding["path"], "organization.established[0]");
}
