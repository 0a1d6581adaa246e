//! The check as a CI gate: it never passes vacuously, it finds its settings
//! the way ruff does, severities and waivers behave as documented, and every
//! output format a CI system reads is a valid document.

use std::path::Path;

use serde_json::Value;

use crate::util::*;

/// A complete manifest for one market, DE, with one finding: the activity at
/// line 28 has no lawful basis.
const GATE_MANIFEST: &str = r#"manifest = 1

[organization]
name = "Shop"
established = ["DE"]
markets = ["DE"]
employees = 12

[[entities]]
id = "shop-gmbh"
name = "Shop GmbH"
country = "DE"
serves = ["*"]

[[contacts]]
role = "privacy"
for = ["*"]
name = "Privacy team"
email = "privacy@shop.example"
published = true

[[systems]]
id = "crm"
name = "CRM"
locations = ["DE"]
holds = ["DE"]

[[activities]]
id = "newsletter"
name = "Send a newsletter"
uses = ["marketing.communications.email"]
data_categories = ["user.contact.email"]
data_subjects = ["customer"]
systems = ["crm"]
retention = { period = "P2Y", from = "unsubscribe", why = "proof of consent" }

[rights]
supported = ["access", "rectification", "erasure", "restriction", "portability", "objection", "withdraw-consent"]
channels = ["web-form", "email"]
verification = "account login"

[notices]
privacy_policy = "https://shop.example/privacy"
last_updated = 2026-10-01
"#;

/// A project directory: the manifest and a juris.toml.
fn project(name: &str, config: &str) -> TempDir {
    let dir = TempDir::new(name);
    dir.write("privacy.toml", GATE_MANIFEST.as_bytes());
    dir.write("juris.toml", format!("law_current_within_days = 36525\n{config}").as_bytes());
    dir
}

fn findings(output: &std::process::Output) -> Vec<Value> {
    json(output)["findings"].as_array().unwrap_or_else(|| panic!("no findings: {}", stderr(output))).clone()
}

fn rules_of(list: &[Value]) -> Vec<String> {
    list.iter().map(|f| f["rule"].as_str().unwrap().to_string()).collect()
}

#[test]
fn the_binary_alone_checks_nothing_and_says_so_with_exit_3() {
    let dir = TempDir::new("binary-alone");
    let bin = dir.copy(&assert_cmd::cargo::cargo_bin("juris"));
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    dir.write("privacy.toml", GATE_MANIFEST.as_bytes());
    for format in ["text", "json", "sarif"] {
        let output = std::process::Command::new(&bin)
            .current_dir(dir.path())
            .env_clear()
            .env("HOME", &home)
            .args(["check", "--format", format])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(3), "{format}: {}", stdout(&output));
        let err = stderr(&output);
        assert!(err.contains("no juris module was loaded"), "{err}");
        assert!(err.contains("beside the juris binary") && err.contains("lib/juris/plugins"), "{err}");
        assert!(err.contains("juris/plugins ($XDG_DATA_HOME/juris/plugins)"), "{err}");
        assert!(stdout(&output).is_empty(), "nothing that looks like a passing report: {}", stdout(&output));
    }
}

#[test]
fn the_dist_layout_loads_the_plugins_from_lib() {
    let dir = TempDir::new("dist-layout");
    let bin = dir.path().join("bin");
    let plugins = dir.path().join("lib/juris/plugins");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::create_dir_all(&plugins).unwrap();
    let juris = bin.join("juris");
    std::fs::copy(assert_cmd::cargo::cargo_bin("juris"), &juris).unwrap();
    for id in ["eea_uk", "california", "brazil", "russia"] {
        let lib = built_library(&format!("juris_{id}"));
        std::fs::copy(&lib, plugins.join(lib.file_name().unwrap())).unwrap();
    }
    let output = std::process::Command::new(&juris)
        .env_clear()
        .env("HOME", dir.path())
        .args(["plugins", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let ids: Vec<String> =
        json(&output)["plugins"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["brazil", "california", "eea-uk", "russia"]);
}

#[test]
fn a_market_no_module_covers_is_an_error_at_the_market_unless_accepted() {
    let dir = TempDir::new("uncovered");
    let manifest = GATE_MANIFEST.replace("markets = [\"DE\"]", "markets = [\"DE\", \"JP\", \"US\"]");
    dir.write("privacy.toml", manifest.as_bytes());
    dir.write("juris.toml", b"law_current_within_days = 36525\n");
    let output = run_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let list = findings(&output);
    let uncovered: Vec<&Value> = list.iter().filter(|f| f["rule"] == "juris/market-not-covered").collect();
    assert_eq!(uncovered.len(), 2, "{list:#?}");
    assert_eq!((uncovered[0]["line"].as_u64(), uncovered[0]["column"].as_u64()), (Some(6), Some(18)));
    assert_eq!(uncovered[0]["module"], "juris");
    assert!(uncovered[0]["message"].as_str().unwrap().contains("`JP`"));
    assert!(uncovered[0]["message"].as_str().unwrap().contains("eea-uk"), "names the loaded modules");
    // US is covered only in part, by California.
    assert!(uncovered[1]["message"].as_str().unwrap().contains("california covers US-CA"), "{}", uncovered[1]);

    dir.write("juris.toml", b"law_current_within_days = 36525\nunchecked_markets = [\"JP\", \"US\"]\n");
    let list = findings(&run_in(dir.path(), &["check", "--format", "json"]));
    assert!(!rules_of(&list).contains(&"juris/market-not-covered".to_string()), "{list:#?}");
}

#[test]
fn a_manifest_without_markets_is_an_error() {
    let dir = TempDir::new("no-markets");
    let path = dir.write("privacy.toml", b"manifest = 1\n[organization]\nname = \"Nobody\"\n");
    let output = run(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(rules_of(&findings(&output)).contains(&"juris/markets-missing".to_string()));
}

#[test]
fn stale_law_is_warned_about_past_the_threshold() {
    let dir = project("stale", "");
    std::fs::write(dir.path().join("juris.toml"), "").unwrap();
    let late = run_in(dir.path(), &["check", "--format", "json", "--as-of", "2029-01-01"]);
    let list = findings(&late);
    let stale: Vec<&Value> = list.iter().filter(|f| f["rule"] == "juris/law-not-current").collect();
    assert_eq!(stale.len(), 4, "every module, once: {list:#?}");
    assert!(stale.iter().all(|f| f["severity"] == "warning"));
    assert!(stale[0]["message"].as_str().unwrap().contains("current to 20"));
    let report = json(&late);
    for module in report["modules"].as_array().unwrap() {
        assert!(module["current_to"].as_str().is_some_and(|d| d.len() == 10), "{module}");
    }
    std::fs::write(dir.path().join("juris.toml"), "law_current_within_days = 3650\n").unwrap();
    let list = findings(&run_in(dir.path(), &["check", "--format", "json", "--as-of", "2029-01-01"]));
    assert!(!rules_of(&list).contains(&"juris/law-not-current".to_string()));
}

#[test]
fn rule_levels_apply_with_the_most_specific_entry_winning() {
    let dir = project("levels", "[rules]\n\"eea-uk/*\" = \"off\"\n\"eea-uk/lawful-basis-missing\" = \"warning\"\n");
    let output = run_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "the only error is now a warning: {}", stdout(&output));
    let list = findings(&output);
    assert_eq!(rules_of(&list), ["eea-uk/lawful-basis-missing"], "{list:#?}");
    assert_eq!(list[0]["severity"], "warning");

    let dir = project("levels-off", "[rules]\n\"eea-uk/lawful-basis-missing\" = \"off\"\n");
    let list = findings(&run_in(dir.path(), &["check", "--format", "json"]));
    assert!(list.is_empty(), "{list:#?}");
}

#[test]
fn an_unknown_rule_or_module_in_rules_is_exit_2_with_its_place_and_a_suggestion() {
    let dir =
        project("levels-unknown", "[rules]\n\"eea-uk/lawful-basis-mising\" = \"off\"\n\"brasil/*\" = \"warning\"\n");
    let output = run_in(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("juris.toml:3:32: `[rules]` names unknown rule `eea-uk/lawful-basis-mising`"), "{err}");
    assert!(err.contains("did you mean `eea-uk/lawful-basis-missing`?"), "{err}");
    assert!(err.contains("juris.toml:4:14: `[rules]` names module `brasil`"), "{err}");
    assert!(err.contains("did you mean `brazil/*`?"), "{err}");

    let dir = project("levels-protected", "[rules]\n\"juris/market-not-covered\" = \"off\"\n");
    let output = run_in(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot be lowered"), "{}", stderr(&output));
}

fn waiver(rule: &str, target: Option<&str>, expires: &str) -> String {
    let target = target.map(|t| format!("target = \"{t}\"\n")).unwrap_or_default();
    format!(
        "\n[[waivers]]\nrule = \"{rule}\"\n{target}reason = \"DPIA in progress\"\nowner = \"privacy@example.com\"\nexpires = {expires}\n"
    )
}

#[test]
fn a_waived_finding_is_reported_as_waived_and_does_not_fail_the_check() {
    let dir = project("waived", "");
    let text = format!(
        "{GATE_MANIFEST}{}",
        waiver("eea-uk/lawful-basis-missing", Some("activities.newsletter"), "2027-03-31")
    );
    dir.write("privacy.toml", text.as_bytes());
    let output = run_in(dir.path(), &["check", "--format", "json", "--as-of", "2026-12-01"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let report = json(&output);
    let list = report["findings"].as_array().unwrap();
    assert_eq!(list.len(), 1, "{list:#?}");
    assert_eq!(
        list[0]["waived"],
        serde_json::json!({"reason": "DPIA in progress", "owner": "privacy@example.com", "expires": "2027-03-31"})
    );
    assert_eq!(report["summary"]["waived"], 1);
    assert_eq!(report["summary"]["errors"], 0);

    // Text hides it unless asked, but always counts it.
    let text = stdout(&run_in(dir.path(), &["check", "--as-of", "2026-12-01"]));
    assert!(!text.contains("error[eea-uk/lawful-basis-missing]"), "{text}");
    assert!(text.contains("0 errors, 0 warnings, 0 notes, 1 waived"), "{text}");
    let shown = stdout(&run_in(dir.path(), &["check", "--as-of", "2026-12-01", "--show-waived"]));
    assert!(shown.contains("waived error[eea-uk/lawful-basis-missing]"), "{shown}");
    assert!(shown.contains("DPIA in progress (privacy@example.com, until 2027-03-31)"), "{shown}");

    // SARIF: an external suppression with the justification, and still valid.
    let sarif = json(&run_in(dir.path(), &["check", "--format", "sarif", "--as-of", "2026-12-01"]));
    assert_valid_sarif(&sarif);
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["suppressions"][0]["kind"], "external");
    assert_eq!(result["suppressions"][0]["justification"], "DPIA in progress");
}

#[test]
fn expired_unused_and_too_long_waivers_are_findings_at_the_waiver() {
    let dir = project("waivers-bad", "");
    let text = format!(
        "{GATE_MANIFEST}{}{}{}",
        waiver("eea-uk/lawful-basis-missing", None, "2026-06-30"),
        waiver("eea-uk/dpo-missing", None, "2027-01-31"),
        waiver("eea-uk/lawful-basis-missing", Some("activities.newsletter"), "2030-01-01"),
    );
    dir.write("privacy.toml", text.as_bytes());
    let output = run_in(dir.path(), &["check", "--format", "json", "--as-of", "2026-12-01"]);
    assert_eq!(output.status.code(), Some(1));
    let list = findings(&output);
    let at = |rule: &str| {
        let f = list.iter().find(|f| f["rule"] == rule).unwrap_or_else(|| panic!("no {rule}: {list:#?}"));
        (f["line"].as_u64().unwrap(), f["severity"].as_str().unwrap().to_string())
    };
    let lines: Vec<&str> = text.lines().collect();
    let (line, severity) = at("juris/waiver-expired");
    assert_eq!((lines[line as usize - 1], severity.as_str()), ("expires = 2026-06-30", "error"));
    let (line, severity) = at("juris/waiver-unused");
    assert_eq!((lines[line as usize - 1], severity.as_str()), ("[[waivers]]", "warning"));
    let (line, severity) = at("juris/waiver-too-long");
    assert_eq!((lines[line as usize - 1], severity.as_str()), ("expires = 2030-01-01", "error"));
    // Neither the expired nor the over-long waiver waives the finding.
    let basis = list.iter().find(|f| f["rule"] == "eea-uk/lawful-basis-missing").unwrap();
    assert!(basis.get("waived").is_none(), "{basis}");

    // `max_waiver_days` allows the long one.
    std::fs::write(dir.path().join("juris.toml"), "law_current_within_days = 36525\nmax_waiver_days = 2000\n").unwrap();
    let list = findings(&run_in(dir.path(), &["check", "--format", "json", "--as-of", "2026-12-01"]));
    assert!(!rules_of(&list).contains(&"juris/waiver-too-long".to_string()));
}

#[test]
fn a_waiver_of_an_unknown_rule_or_target_is_an_input_error() {
    let dir = project("waiver-unknown", "");
    let text = format!(
        "{GATE_MANIFEST}{}{}",
        waiver("eea-uk/lawful-basis-mising", None, "2027-01-31"),
        waiver("eea-uk/lawful-basis-missing", Some("activities.newsleter"), "2027-01-31"),
    );
    dir.write("privacy.toml", text.as_bytes());
    let output = run_in(dir.path(), &["check", "--as-of", "2026-12-01"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("unknown rule `eea-uk/lawful-basis-mising`; did you mean `eea-uk/lawful-basis-missing`?"),
        "{err}"
    );
    assert!(err.contains("names no entry of `activities`; did you mean `activities.newsletter`?"), "{err}");
    let line = text.lines().position(|l| l == "rule = \"eea-uk/lawful-basis-mising\"").unwrap() + 1;
    assert!(err.contains(&format!("privacy.toml:{line}:8")), "{err}");
    assert!(err.contains("(2 problems)"), "{err}");
}

#[test]
fn settings_and_manifest_are_found_from_a_subdirectory_up_to_the_repository_top() {
    let dir = project("discovery", "[rules]\n\"eea-uk/lawful-basis-missing\" = \"warning\"\n");
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    let deep = dir.path().join("a/b");
    std::fs::create_dir_all(&deep).unwrap();
    let output = run_in(&deep, &["-v", "check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let list = findings(&output);
    assert_eq!(list[0]["severity"], "warning", "juris.toml above was used");
    let err = stderr(&output);
    assert!(err.contains("using settings") && err.contains("juris.toml"), "-v names the settings: {err}");
    assert!(err.contains("using manifest") && err.contains("privacy.toml"), "-v names the manifest: {err}");

    // The search stops at the repository's top: a juris.toml above it is not read.
    let outer = TempDir::new("discovery-outer");
    outer.write("juris.toml", b"isolat = true\n");
    let repo = outer.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    std::fs::write(repo.join("privacy.toml"), GATE_MANIFEST).unwrap();
    let output = run_in(&repo, &["check", "--format", "json"]);
    assert_ne!(output.status.code(), Some(2), "the outer juris.toml is not read: {}", stderr(&output));

    // --config names the file instead, and paths in it are relative to it.
    let settings = outer.path().join("settings");
    std::fs::create_dir_all(&settings).unwrap();
    std::fs::write(
        settings.join("juris.toml"),
        "manifest = \"../repo/privacy.toml\"\nlaw_current_within_days = 36525\n",
    )
    .unwrap();
    let output = run_in(
        Path::new("/"),
        &["check", "--config", settings.join("juris.toml").to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(json(&output)["manifest"].as_str().unwrap().ends_with("repo/privacy.toml"));
}

const THREE_PROBLEMS: &str = "manifest = 1\n[organization]\nname = \"Acme\"\nmarkets = [\"UK\"]\n\n[[activities]]\nid = \"a\"\nname = \"A\"\nuses = [\"marketting\"]\ndata_categories = []\ndata_subjects = []\nsells_or_shares = \"no\"\n";

#[test]
fn every_manifest_problem_is_reported_at_once_in_every_format() {
    let dir = TempDir::new("three-problems");
    let path = dir.write("privacy.toml", THREE_PROBLEMS.as_bytes());
    let path = path.to_str().unwrap();
    let output = run(&["check", path]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    for at in [":4:12", ":9:9", ":12:19"] {
        assert!(err.contains(&format!("privacy.toml{at}")), "{at} missing: {err}");
    }
    assert!(err.contains("did you mean `GB`?"), "{err}");
    assert!(err.contains("(3 problems)"), "{err}");

    let output = run(&["check", path, "--format", "json"]);
    assert_eq!(output.status.code(), Some(2));
    let errors = json(&output)["errors"].as_array().unwrap().clone();
    assert_eq!(errors.len(), 3);
    for e in &errors {
        for key in ["message", "path", "line", "column"] {
            assert!(!e[key].is_null(), "{key}: {e}");
        }
    }
    assert_eq!((errors[0]["line"].as_u64(), errors[0]["column"].as_u64()), (Some(4), Some(12)));

    let output = run(&["check", path, "--format", "sarif"]);
    assert_eq!(output.status.code(), Some(2));
    let sarif = json(&output);
    assert_valid_sarif(&sarif);
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(invocation["toolExecutionNotifications"].as_array().unwrap().len(), 3);
}

#[test]
fn more_than_fifty_problems_show_fifty_and_count_the_rest() {
    let mut text = String::from("manifest = 1\n[organization]\nname = \"Acme\"\nmarkets = [");
    for i in 0..60 {
        text.push_str(&format!("\"X{i}\", "));
    }
    text.push_str("]\n");
    let dir = TempDir::new("sixty-problems");
    let path = dir.write("privacy.toml", text.as_bytes());
    let err = stderr(&run(&["check", path.to_str().unwrap()]));
    assert_eq!(err.matches("unknown jurisdiction").count(), 50, "{err}");
    assert!(err.contains("... and 10 more"), "{err}");
    assert!(err.contains("(60 problems)"), "{err}");
}

#[test]
fn github_output_is_one_workflow_command_per_finding() {
    let dir = project("github", "");
    let output = run_in(dir.path(), &["check", "--format", "github"]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out}");
    assert!(
        lines[0].starts_with("::error file=privacy.toml,line=28,col=1,title=eea-uk/lawful-basis-missing::"),
        "{out}"
    );
    assert!(lines[0].contains("%0Alaw: GDPR Art. 6(1)"), "{out}");
}

#[test]
fn junit_output_has_a_case_per_module_rule_and_a_failure_per_rule_with_errors() {
    let dir = project("junit", "");
    let output = run_in(dir.path(), &["check", "--format", "junit"]);
    assert_eq!(output.status.code(), Some(1));
    let xml = stdout(&output);
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("not XML ({e}):\n{xml}"));
    let suites: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("testsuite")).collect();
    let names: Vec<&str> = suites.iter().filter_map(|s| s.attribute("name")).collect();
    assert_eq!(names, ["brazil", "california", "eea-uk", "russia", "juris"]);
    let eea = suites.iter().find(|s| s.attribute("name") == Some("eea-uk")).unwrap();
    let cases: Vec<_> = eea.children().filter(|n| n.has_tag_name("testcase")).collect();
    assert!(cases.len() >= 12, "one case per rule: {}", cases.len());
    let failed: Vec<_> = cases.iter().filter(|c| c.children().any(|n| n.has_tag_name("failure"))).collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].attribute("name"), Some("eea-uk/lawful-basis-missing"));
    let failure = failed[0].children().find(|n| n.has_tag_name("failure")).unwrap();
    assert!(failure.text().unwrap_or("").contains("privacy.toml:28:1"), "{xml}");
}

#[test]
fn output_goes_to_a_file_and_colour_follows_the_flags_and_environment() {
    let dir = project("output", "");
    let file = dir.path().join("report.sarif");
    let output = run_in(dir.path(), &["check", "--format", "sarif", "--output", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    assert_valid_sarif(&serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap());

    let always = stdout(&run_in(dir.path(), &["check", "--color", "always"]));
    assert!(always.contains("\u{1b}["), "colour when asked: {always}");
    let never = stdout(&run_in(dir.path(), &["check", "--color", "never"]));
    assert!(!never.contains('\u{1b}'));
    let forced = juris().current_dir(dir.path()).env("CLICOLOR_FORCE", "1").args(["check"]).output().unwrap();
    assert!(stdout(&forced).contains("\u{1b}["), "CLICOLOR_FORCE");
}

/// Runs `juris` in a pseudo-terminal (util-linux `script`, which Debian always
/// has), so that colour detection sees a terminal.
fn in_terminal(dir: &Path, env: &[(&str, &str)], args: &str) -> String {
    let bin = assert_cmd::cargo::cargo_bin("juris");
    let mut command = std::process::Command::new("script");
    command.current_dir(dir).args(["-qec", &format!("{} {args}", bin.display()), "/dev/null"]);
    command.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE").env("TERM", "xterm");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().expect("`script` (util-linux) runs juris in a pseudo-terminal");
    stdout(&output)
}

#[test]
fn no_color_holds_in_a_terminal() {
    let dir = project("no-color", "");
    let coloured = in_terminal(dir.path(), &[], "check");
    assert!(coloured.contains("\u{1b}["), "a terminal gets colour: {coloured}");
    let plain = in_terminal(dir.path(), &[("NO_COLOR", "1")], "check");
    assert!(plain.contains("lawful-basis-missing"), "{plain}");
    assert!(!plain.contains("\u{1b}["), "NO_COLOR: {plain}");
}

#[test]
fn quiet_shows_only_errors_and_statistics_count_per_rule() {
    let dir = project("quiet", "");
    let text = GATE_MANIFEST.replace("markets = [\"DE\"]", "markets = [\"DE\", \"JP\"]");
    dir.write("privacy.toml", text.as_bytes());
    dir.write(
        "juris.toml",
        b"[rules]\n\"juris/market-not-covered\" = \"error\"\n\"eea-uk/lawful-basis-missing\" = \"warning\"\n",
    );
    let quiet = stdout(&run_in(dir.path(), &["-q", "check"]));
    assert!(quiet.contains("error[juris/market-not-covered]"), "{quiet}");
    assert!(!quiet.contains("warning[eea-uk/lawful-basis-missing]"), "{quiet}");
    assert!(quiet.contains("1 error, "), "the summary is still shown: {quiet}");
    let stats = stdout(&run_in(dir.path(), &["check", "--statistics"]));
    assert!(stats.lines().any(|l| l.trim_start().starts_with("1  eea-uk/lawful-basis-missing")), "{stats}");
    assert!(!stats.contains("-->"), "statistics replace the findings: {stats}");
}

#[test]
fn text_groups_by_module_and_labels_the_law() {
    let dir = project("grouped", "");
    let text = stdout(&run_in(dir.path(), &["check"]));
    assert!(text.contains("── eea-uk (1 error, 0 warnings, 0 notes) ──"), "{text}");
    assert!(text.contains("law: GDPR Art. 6(1)"), "{text}");
    assert!(!text.contains("note: GDPR"), "{text}");
    assert!(text.contains("  eea-uk 0.1.0"), "per-module summary: {text}");
    let wrapped = juris().current_dir(dir.path()).env("COLUMNS", "60").args(["check"]).output().unwrap();
    let wrapped = stdout(&wrapped);
    assert!(wrapped.lines().all(|l| l.chars().count() <= 60), "wrapped to 60 columns:\n{wrapped}");
}

#[test]
fn init_writes_a_manifest_that_checks_and_never_overwrites() {
    let dir = TempDir::new("init");
    let output =
        run_in(dir.path(), &["init", "--markets", "EEA,US-CA,BR,RU", "--name", "Acme GmbH", "--country", "DE"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let manifest = std::fs::read_to_string(dir.path().join("privacy.toml")).unwrap();
    assert!(manifest.starts_with("#:schema "));
    assert!(manifest.contains("markets = [\"EEA\", \"US-CA\", \"BR\", \"RU\"]"));
    let check = run_in(dir.path(), &["check", "--format", "json"]);
    assert!(matches!(check.status.code(), Some(0 | 1)), "parses and checks: {}", stderr(&check));
    assert!(!findings(&check).is_empty(), "the starter manifest has things to fill in");
    let again = run_in(dir.path(), &["init"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("never overwrites"));
    assert_eq!(std::fs::read_to_string(dir.path().join("privacy.toml")).unwrap(), manifest);
}

#[test]
fn completions_man_page_and_schema_are_generated() {
    for shell in ["bash", "zsh", "fish"] {
        let output = run(&["completions", shell]);
        assert!(output.status.success());
        let script = stdout(&output);
        assert!(script.contains("juris") && script.contains("check"), "{shell}");
    }
    let man = stdout(&run(&["man"]));
    assert!(man.starts_with(".ie") || man.contains(".TH juris"), "{man}");
    assert!(man.contains("Exit codes"), "the exit-code contract is in the man page");
    let schema = json(&run(&["schema"]));
    assert_eq!(schema["$id"], "https://example.invalid/juris/schemas/manifest-1.schema.json");
}

#[test]
fn plans_are_in_date_order_across_modules_with_the_past_due_marked() {
    let args = [
        "incident",
        "plan",
        "--jurisdiction",
        "DE,BR,RU,US-CA",
        "--discovered",
        "2026-11-18T15:00:00-03:00",
        "--now",
        "2026-11-23T12:00:00-03:00",
    ];
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let output = run(&json_args);
    assert!(output.status.success(), "{}", stderr(&output));
    let plan = json(&output);
    let list = plan["obligations"].as_array().unwrap();
    assert!(list.len() >= 4);
    let modules: std::collections::HashSet<&str> = list.iter().map(|o| o["module"].as_str().unwrap()).collect();
    assert!(modules.len() >= 3, "{modules:?}");
    let days: Vec<&str> = list.iter().map(|o| &o["due"].as_str().unwrap()[..10]).collect();
    let mut sorted = days.clone();
    sorted.sort();
    assert_eq!(days, sorted, "in the order they fall due");
    // 72 hours for the EEA and 24 for Russia have passed; Brazil's 3 working days have not.
    let eea = list.iter().find(|o| o["module"] == "eea-uk" && o["action"] == "notify-authority").unwrap();
    assert_eq!(eea["overdue"], true, "{eea}");
    assert_eq!(eea["overdue_days"], 1);
    let brazil = list.iter().find(|o| o["module"] == "brazil" && o["action"] == "notify-authority").unwrap();
    assert_eq!(brazil["overdue"], false, "{brazil}");
    let text = stdout(&run(&args));
    assert!(text.contains("[OVERDUE by 1 day]"), "{text}");
}

#[test]
fn plans_export_as_an_rfc_5545_calendar_with_reminders() {
    let output = run(&[
        "dsr",
        "plan",
        "--jurisdiction",
        "US-CA",
        "--request",
        "access",
        "--received",
        "2026-09-14",
        "--format",
        "ics",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let calendar: icalendar::Calendar = text.parse().unwrap_or_else(|e| panic!("not iCalendar ({e}):\n{text}"));
    let events: Vec<&icalendar::Event> = calendar.components.iter().filter_map(|c| c.as_event()).collect();
    assert!(events.len() >= 2, "{text}");
    use icalendar::Component;
    for event in &events {
        assert!(event.get_summary().unwrap().starts_with("california: "));
        assert!(event.get_description().unwrap().contains("Law: "), "{text}");
        assert!(event.get_start().is_some());
    }
    assert_eq!(text.matches("BEGIN:VALARM").count(), events.len());
    // A day before: RFC 5545 writes it as -P1D or -PT86400S.
    assert!(text.contains("TRIGGER;RELATED=START:-PT86400S") || text.contains("TRIGGER:-P1D"), "{text}");
}

#[test]
fn common_words_and_codes_get_suggestions() {
    let output = run(&["dsr", "plan", "--jurisdiction", "USA", "--request", "access", "--received", "2026-01-05"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("did you mean `US`?"), "{}", stderr(&output));
    let output = run(&["dsr", "plan", "--jurisdiction", "DE", "--request", "delete", "--received", "2026-01-05"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("did you mean `erasure`?"), "{}", stderr(&output));
    let output = run(&["explain", "localization"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("did you mean `russia/localization`?"), "{}", stderr(&output));
    let dir = TempDir::new("suggest-key");
    let path = dir.write("privacy.toml", GATE_MANIFEST.replace("uses =", "use =").as_bytes());
    let err = stderr(&run(&["check", path.to_str().unwrap()]));
    assert!(err.contains("unknown field `use`") && err.contains("did you mean `uses`?"), "{err}");
}
