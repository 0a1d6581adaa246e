//! `juris notice check` as a privacy team runs it: the seed excerpt read per
//! module, items judged by the as-of date, the notice held against the
//! example manifest, every output format, and bad input refused.

use serde_json::Value;

use crate::util::*;

fn seed() -> String {
    root().join("crates/notice/tests/corpus/aliexpress-2022-excerpt.txt").to_str().unwrap().to_string()
}

fn notice_json(args: &[&str]) -> (Option<i32>, Value) {
    let mut all = vec!["notice", "check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let output = run(&all);
    (output.status.code(), json(&output))
}

fn module<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["modules"].as_array().unwrap().iter().find(|m| m["module"] == id).unwrap_or_else(|| panic!("no {id}"))
}

fn item<'a>(report: &'a Value, module_id: &str, item_id: &str) -> &'a Value {
    module(report, module_id)["items"].as_array().unwrap().iter().find(|i| i["id"] == item_id).unwrap()
}

#[test]
fn the_seed_excerpt_is_read_per_module_with_citations_and_fails_the_gate() {
    let (code, report) = notice_json(&[&seed(), "--as-of", "2026-12-01"]);
    assert_eq!(code, Some(1), "required disclosures are missing: exit 1");
    for id in ["eea-uk", "california", "brazil", "russia"] {
        let items = module(&report, id)["items"].as_array().unwrap();
        assert!(!items.is_empty(), "{id} judged nothing");
        for i in items {
            assert!(["present", "missing", "not-applicable"].contains(&i["status"].as_str().unwrap()), "{i}");
            assert!(!i["citation"].as_str().unwrap().is_empty(), "{i}");
            if i["status"] == "present" {
                assert!(
                    i["line"].as_u64().is_some() && i["quote"].is_string(),
                    "a present item points at its evidence: {i}"
                );
            }
            if i["status"] == "missing" {
                assert!(i["add"].is_string(), "a missing item says what to add: {i}");
            }
        }
    }
    // The excerpt describes the California rights to know and to
    // non-discrimination, and names no encarregado.
    assert_eq!(item(&report, "california", "non-discrimination")["status"], "present");
    assert_eq!(item(&report, "california", "right-know")["status"], "present");
    assert_eq!(item(&report, "brazil", "encarregado")["status"], "missing");
}

#[test]
fn items_the_law_added_later_are_judged_by_the_as_of_date() {
    let (_, before) = notice_json(&[&seed(), "--as-of", "2022-06-30"]);
    let (_, after) = notice_json(&[&seed(), "--as-of", "2026-12-01"]);
    for id in ["right-correct", "right-limit"] {
        assert_eq!(item(&before, "california", id)["status"], "not-applicable", "the CPRA's {id} is from 2023-01-01");
        assert_ne!(item(&after, "california", id)["status"], "not-applicable");
    }
}

#[test]
fn with_the_example_manifest_the_undisclosed_contacts_and_entities_are_found() {
    let (_, report) = notice_json(&[&seed(), "--manifest", example().to_str().unwrap(), "--as-of", "2026-12-01"]);
    let consistency = report["consistency"].as_array().unwrap();
    let rules: Vec<&str> = consistency.iter().map(|f| f["rule_id"].as_str().unwrap()).collect();
    assert!(rules.contains(&"notice/contact-undisclosed"), "{rules:?}");
    assert!(rules.contains(&"notice/entity-undisclosed"), "{rules:?}");
    for finding in consistency {
        assert!(finding["path"].is_string(), "a consistency finding points into the manifest: {finding}");
    }
}

#[test]
fn a_notice_that_names_no_country_misses_every_storage_country() {
    let dir = TempDir::new("notice-countries");
    let notice = dir.path().join("privacy.md");
    std::fs::write(
        &notice,
        "# Privacy policy\n\nLast updated: 1 October 2026\n\n## What we collect\n\nWe collect your name and e-mail address to run your account.\n",
    )
    .unwrap();
    let (_, report) =
        notice_json(&[notice.to_str().unwrap(), "--manifest", example().to_str().unwrap(), "--as-of", "2026-12-01"]);
    let undisclosed: Vec<String> = report["consistency"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "notice/storage-country-undisclosed")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect();
    for country in ["United States", "Singapore", "Russia"] {
        assert!(undisclosed.iter().any(|m| m.contains(country)), "{country} not reported: {undisclosed:?}");
    }
}

#[test]
fn standard_input_reads_like_the_file_and_sarif_is_valid() {
    let text = std::fs::read(seed()).unwrap();
    let piped = juris()
        .args(["notice", "check", "-", "--as-of", "2026-12-01", "--format", "json"])
        .write_stdin(text)
        .output()
        .unwrap();
    let (_, from_file) = notice_json(&[&seed(), "--as-of", "2026-12-01"]);
    let from_stdin = json(&piped);
    assert_eq!(from_stdin["modules"], from_file["modules"]);

    let sarif = json(&run(&["notice", "check", &seed(), "--as-of", "2026-12-01", "--format", "sarif"]));
    assert_valid_sarif(&sarif);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "california/notice/right-delete"), "{results:?}");
}

#[test]
fn bad_input_is_exit_2_and_notice_text_never_reaches_the_terminal_raw() {
    let missing = run(&["notice", "check", "/nonexistent/privacy.md"]);
    assert_eq!(missing.status.code(), Some(2), "{}", stderr(&missing));
    let dir = TempDir::new("notice-bad");
    let directory = run(&["notice", "check", dir.path().to_str().unwrap()]);
    assert_eq!(directory.status.code(), Some(2), "{}", stderr(&directory));

    let bad_manifest = dir.path().join("privacy.toml");
    std::fs::write(&bad_manifest, "manifest = 1\n[organization]\nname = 3\n").unwrap();
    let output = run(&["notice", "check", &seed(), "--manifest", bad_manifest.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("privacy.toml:3:"), "{}", stderr(&output));

    let hostile = dir.path().join("hostile.txt");
    std::fs::write(
        &hostile,
        "Privacy policy\n\nWe keep your data for \x1b]0;owned\x07 two years \x1b[2J and delete it then.\n\nYou may request access to your data.\n",
    )
    .unwrap();
    let output = run(&["notice", "check", hostile.to_str().unwrap(), "--show-present"]);
    let out = stdout(&output);
    assert!(!out.contains('\x1b') && !out.contains('\x07'), "raw control characters in: {out:?}");
}

#[test]
fn a_notice_past_the_size_read_says_it_was_cut() {
    let dir = TempDir::new("notice-cut");
    let notice = dir.path().join("long.txt");
    // 8 MiB is read; a notice longer than that is read up to there, and said
    // so. (Blank lines keep the test quick: they make no sentences.)
    std::fs::write(&notice, format!("We collect your e-mail address.\n{}", "\n".repeat(9_600_000 - 32))).unwrap();
    let output = run(&["notice", "check", notice.to_str().unwrap(), "--as-of", "2026-12-01"]);
    assert_eq!(output.status.code(), Some(1), "the plain policy still lacks required items: {}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("long.txt` is 9600000 bytes; only its first 8388608 are read"), "{err}");

    let short = dir.path().join("short.txt");
    std::fs::write(&short, "We collect your e-mail address.\n").unwrap();
    let output = run(&["notice", "check", short.to_str().unwrap(), "--as-of", "2026-12-01"]);
    assert!(!stderr(&output).contains("are read"), "{}", stderr(&output));
}
