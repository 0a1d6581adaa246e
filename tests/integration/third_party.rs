//! A third-party module built from its own directory and loaded with
//! `--plugin-dir`: the Swiss example in `examples/swiss-fadp`.
//!
//! It must be built first, as its author would build it:
//! `cargo build --manifest-path examples/swiss-fadp/Cargo.toml --target-dir target/swiss-fadp`
//! (`cargo xtask ci` does).

use std::path::PathBuf;

use crate::util::*;

/// The directory the example's library is built into.
fn swiss_dir() -> PathBuf {
    let dir = root().join("target/swiss-fadp/debug");
    let library = dir.join(format!("{}swiss_fadp{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX));
    assert!(
        library.is_file(),
        "{} is missing: run `cargo build --manifest-path examples/swiss-fadp/Cargo.toml --target-dir target/swiss-fadp` first (`cargo xtask ci` does)",
        library.display()
    );
    dir
}

fn swiss_manifest() -> PathBuf {
    root().join("examples/swiss-fadp/privacy.toml")
}

#[test]
fn the_swiss_module_loads_from_its_own_directory() {
    let dir = swiss_dir();
    let output = run(&["plugins", "--format", "json", "--plugin-dir", dir.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = json(&output);
    assert_eq!(report["errors"].as_array().unwrap().len(), 0, "{report}");
    let plugins = report["plugins"].as_array().unwrap();
    let ch = plugins.iter().find(|p| p["id"] == "ch").unwrap_or_else(|| panic!("`ch` not listed: {report}"));
    let path = PathBuf::from(ch["path"].as_str().unwrap());
    assert_eq!(path.parent().map(|p| p.canonicalize().unwrap()), Some(dir.canonicalize().unwrap()));
    assert_eq!(ch["jurisdictions"], serde_json::json!(["CH"]));
    let rules: Vec<&str> = ch["rules"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
    for id in ["ch/cross-border-safeguards", "ch/transfer-countries-undisclosed", "ch/representative-missing"] {
        assert!(rules.contains(&id), "{id} missing from {rules:?}");
    }
    // The built-in modules are still found beside the binary.
    for id in ["eea-uk", "california", "brazil", "russia"] {
        assert!(plugins.iter().any(|p| p["id"] == id), "{id} missing");
    }
    // Without --plugin-dir, the example is not loaded: its library is not a
    // `libjuris_*` file beside the binary.
    let report = json(&run(&["plugins", "--format", "json"]));
    assert!(report["plugins"].as_array().unwrap().iter().all(|p| p["id"] != "ch"));
}

#[test]
fn check_reports_the_swiss_findings_with_lines() {
    let dir = swiss_dir();
    let manifest = swiss_manifest();
    let output = run(&[
        "check",
        manifest.to_str().unwrap(),
        "--format",
        "json",
        "--as-of",
        "2026-11-29",
        "--plugin-dir",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report = json(&output);
    let swiss: Vec<&serde_json::Value> =
        report["findings"].as_array().unwrap().iter().filter(|f| f["module"] == "ch").collect();
    let rules: Vec<&str> = swiss.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    for id in [
        "ch/cross-border-safeguards",
        "ch/transfer-countries-undisclosed",
        "ch/representative-missing",
        "ch/record-of-processing",
        "ch/dpia-missing",
    ] {
        assert!(rules.contains(&id), "{id} missing from {rules:?}");
    }
    let text = std::fs::read_to_string(&manifest).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let india = swiss
        .iter()
        .find(|f| f["rule"] == "ch/cross-border-safeguards" && f["path"] == "recipients[2].transfer")
        .expect("the Indian support desk is reported");
    assert_eq!(india["severity"], "error");
    assert!(india["citation"].as_str().unwrap().contains("FADP Art. 16"), "{india}");
    let line = india["line"].as_u64().unwrap() as usize;
    assert_eq!(lines[line - 1], "transfer = \"none\"", "{india}");

    // The text report names the module and the rule.
    let output = run(&[
        "check",
        manifest.to_str().unwrap(),
        "--module",
        "ch",
        "--as-of",
        "2026-11-29",
        "--plugin-dir",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("error[ch/cross-border-safeguards]"), "{out}");
    assert!(out.contains("law: FADP Art. 16-17"), "{out}");
    assert!(out.contains("from 1 module"), "{out}");
}

#[test]
fn sarif_carries_the_swiss_module_as_a_tool_extension() {
    let dir = swiss_dir();
    let manifest = swiss_manifest();
    let output = run(&[
        "check",
        manifest.to_str().unwrap(),
        "--format",
        "sarif",
        "--as-of",
        "2026-11-29",
        "--plugin-dir",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let sarif = json(&output);
    assert_valid_sarif(&sarif);
    let run = &sarif["runs"][0];
    let extensions = run["tool"]["extensions"].as_array().unwrap();
    let (index, ch) = extensions.iter().enumerate().find(|(_, e)| e["name"] == "ch").expect("a `ch` extension");
    let rules = ch["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 6);
    for rule in rules {
        assert!(rule["help"]["text"].as_str().unwrap().contains("## What it does"), "{rule}");
    }
    let results: Vec<&serde_json::Value> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ruleId"].as_str().unwrap().starts_with("ch/"))
        .collect();
    assert!(results.len() >= 5, "{results:?}");
    for result in results {
        assert_eq!(result["rule"]["toolComponent"]["index"].as_u64(), Some(index as u64), "{result}");
        let rule_index = result["rule"]["index"].as_u64().unwrap() as usize;
        assert_eq!(rules[rule_index]["id"], result["ruleId"]);
        assert!(result["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn the_swiss_access_deadline_and_breach_notice_are_planned() {
    let dir = swiss_dir();
    let d = dir.to_str().unwrap();
    let output = run(&[
        "dsr",
        "plan",
        "--jurisdiction",
        "CH",
        "--request",
        "access",
        "--received",
        "2026-11-18",
        "--format",
        "json",
        "--plugin-dir",
        d,
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let plan = json(&output);
    let respond = plan["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["module"] == "ch")
        .unwrap_or_else(|| panic!("no Swiss obligation: {plan}"));
    assert_eq!(respond["due"], "2026-12-18");
    assert_eq!(respond["citation"], "FADP Art. 25-26; DPO Art. 18(1)");

    let output = run(&[
        "incident",
        "plan",
        "--jurisdiction",
        "CH",
        "--discovered",
        "2026-11-30T00:30:00+01:00",
        "--format",
        "json",
        "--plugin-dir",
        d,
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let plan = json(&output);
    let notify = plan["obligations"].as_array().unwrap().iter().find(|o| o["module"] == "ch").expect("Swiss duty");
    assert_eq!(notify["action"], "notify-authority");
    assert_eq!(notify["due"], "2026-11-30");
}
