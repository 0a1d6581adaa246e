//! `juris check` on the example, in every format.

use crate::util::*;

fn check_example(format: &str) -> std::process::Output {
    run(&["check", example().to_str().unwrap(), "--format", format, "--as-of", "2026-11-29"])
}

#[test]
fn every_module_has_something_to_say_about_the_example() {
    let output = check_example("json");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report = json(&output);
    let findings = report["findings"].as_array().unwrap();
    for module in ["eea-uk", "california", "brazil", "russia"] {
        assert!(findings.iter().any(|f| f["module"] == module), "no finding from {module}");
    }
}

#[test]
fn json_report_has_the_documented_shape() {
    let report = json(&check_example("json"));
    for key in ["juris", "manifest", "as_of", "modules", "findings", "summary"] {
        assert!(report.get(key).is_some(), "missing {key}");
    }
    assert_eq!(report["as_of"], "2026-11-29");
    assert_eq!(report["modules"].as_array().unwrap().len(), 4);
    let findings = report["findings"].as_array().unwrap();
    let text = std::fs::read_to_string(example()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    for f in findings {
        for key in ["rule", "module", "severity", "message", "citation", "path", "line", "column"] {
            assert!(!f[key].is_null(), "finding lacks {key}: {f}");
        }
        assert!(f["rule"].as_str().unwrap().starts_with(&format!("{}/", f["module"].as_str().unwrap())));
        assert!(["error", "warning", "note"].contains(&f["severity"].as_str().unwrap()));
        let line = f["line"].as_u64().unwrap() as usize;
        let column = f["column"].as_u64().unwrap() as usize;
        assert!(line >= 1 && line <= lines.len() && column >= 1, "{f}");
        assert!(column <= lines[line - 1].chars().count().max(1), "column past the end of line {line}: {f}");
    }
    let count = |s: &str| findings.iter().filter(|f| f["severity"] == s).count() as u64;
    assert_eq!(report["summary"]["errors"], count("error"));
    assert_eq!(report["summary"]["warnings"], count("warning"));
    assert_eq!(report["summary"]["notes"], count("note"));
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let output = check_example("sarif");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let sarif = json(&output);
    assert_valid_sarif(&sarif);
    let run = &sarif["runs"][0];
    let extensions = run["tool"]["extensions"].as_array().unwrap();
    // The four modules, then the host's own rules.
    assert_eq!(extensions.len(), 5);
    assert_eq!(extensions[4]["name"], "juris");
    for extension in extensions {
        for rule in extension["rules"].as_array().unwrap() {
            assert!(rule["help"]["text"].as_str().unwrap().contains("## What it does"));
            assert!(!rule["properties"]["citation"].as_str().unwrap().is_empty());
        }
    }
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        let component = result["rule"]["toolComponent"]["index"].as_u64().unwrap() as usize;
        let rule_index = result["rule"]["index"].as_u64().unwrap() as usize;
        assert_eq!(extensions[component]["rules"][rule_index]["id"], result["ruleId"]);
    }
}

#[test]
fn text_report_shows_rule_citation_and_manifest_line() {
    let output = run(&["check", example().to_str().unwrap(), "--as-of", "2026-11-29"]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(out.contains("error[eea-uk/lawful-basis-missing]"), "{out}");
    assert!(out.contains("law: GDPR Art. 6(1)"), "{out}");
    assert!(out.contains("examples/marketplace/privacy.toml:"), "{out}");
    assert!(out.contains("from 4 modules"), "{out}");
}

#[test]
fn clean_manifest_exits_0_and_module_filter_applies() {
    let dir = TempDir::new("clean");
    dir.write(
        "privacy.toml",
        b"manifest = 1\n[organization]\nname = \"Local shop\"\nestablished = [\"SG\"]\nmarkets = [\"SG\"]\n",
    );
    // No module encodes Singapore's law: the project says so in juris.toml.
    dir.write("juris.toml", b"unchecked_markets = [\"SG\"]\nlaw_current_within_days = 36525\n");
    let output = run_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let report = json(&output);
    assert_eq!(report["findings"].as_array().unwrap().len(), 0);
    assert_eq!(report["unchecked_markets"], serde_json::json!(["SG"]));
    let output = run(&["check", example().to_str().unwrap(), "--format", "json", "--module", "russia"]);
    let report = json(&output);
    assert_eq!(report["modules"].as_array().unwrap().len(), 1);
    assert!(report["findings"].as_array().unwrap().iter().all(|f| f["module"] == "russia" || f["module"] == "juris"));
    assert!(report["findings"].as_array().unwrap().iter().all(|f| f["rule"] != "juris/market-not-covered"));
}

#[test]
fn rules_and_explain() {
    let report = json(&run(&["rules", "--format", "json"]));
    let rules = report["rules"].as_array().unwrap();
    assert!(rules.len() >= 12, "only {} rules", rules.len());
    for rule in rules {
        for key in ["id", "module", "title", "citation", "severity"] {
            assert!(rule[key].is_string(), "{key}: {rule}");
        }
        let id = rule["id"].as_str().unwrap();
        let output = run(&["explain", id]);
        assert!(output.status.success(), "explain {id}");
        let page = stdout(&output);
        for section in ["## What it does", "## Why", "## Example", "## How to fix"] {
            assert!(page.contains(section), "{id} lacks {section}");
        }
        assert!(page.contains(rule["citation"].as_str().unwrap()));
    }
}

#[test]
fn a_table_for_a_module_that_is_not_loaded_is_warned_about() {
    let dir = TempDir::new("unknown-module-table");
    let path = dir.write(
        "privacy.toml",
        b"manifest = 1\n[organization]\nname = \"x\"\nmarkets = [\"SG\"]\n[modules.eeauk]\nlarge_scale = true\n",
    );
    let output = run(&["check", path.to_str().unwrap(), "--format", "json"]);
    let report = json(&output);
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "juris/module-table-unused")
        .unwrap_or_else(|| panic!("no module-table-unused finding: {report}"));
    assert_eq!(finding["severity"], "warning");
    assert_eq!((finding["line"].as_u64(), finding["column"].as_u64()), (Some(5), Some(10)), "{finding}");
    assert!(finding["help"].as_str().unwrap().contains("did you mean `eea-uk`?"), "{finding}");
}
