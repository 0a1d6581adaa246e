//! Bad input never panics: it exits 2 with file:line:column.

use crate::util::*;

fn check_text(name: &str, text: &str) -> (std::process::Output, String) {
    let dir = TempDir::new(name);
    let path = dir.write("privacy.toml", text.as_bytes());
    let output = run(&["check", path.to_str().unwrap()]);
    (output, path.to_str().unwrap().to_string())
}

fn assert_located(name: &str, text: &str, line: usize, column: usize, needle: &str) {
    let (output, path) = check_text(name, text);
    assert_eq!(output.status.code(), Some(2), "{name}: {}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains(&format!("{path}:{line}:{column}")), "{name}: no {line}:{column} in\n{err}");
    assert!(err.contains(needle), "{name}: no `{needle}` in\n{err}");
    assert!(!err.contains("panicked"), "{name}: {err}");
    assert!(stdout(&output).is_empty(), "{name}: nothing belongs on stdout");
}

#[test]
fn malformed_toml() {
    assert_located("malformed", "manifest = 1\n[organization\nname = \"x\"\n", 2, 14, "unclosed table");
}

#[test]
fn unknown_field_with_the_expected_ones() {
    assert_located(
        "unknown-field",
        "manifest = 1\n[organization]\nname = \"x\"\nmarkest = [\"DE\"]\n",
        4,
        1,
        "unknown field `markest`",
    );
}

#[test]
fn unknown_jurisdiction_with_a_suggestion() {
    assert_located(
        "unknown-jurisdiction",
        "manifest = 1\n[organization]\nname = \"x\"\nmarkets = [\"DE\", \"UK\"]\n",
        4,
        18,
        "did you mean `GB`",
    );
}

#[test]
fn unknown_taxonomy_key_with_a_suggestion() {
    let text = format!(
        "{}\n[[activities]]\nid = \"a\"\nname = \"A\"\nuses = [\"essential.service\"]\ndata_categories = [\"user.contact.emial\"]\ndata_subjects = [\"customer\"]\n",
        "manifest = 1\n[organization]\nname = \"x\"\nmarkets = [\"DE\"]"
    );
    assert_located("unknown-key", &text, 9, 20, "did you mean `user.contact.email`");
}

#[test]
fn wrong_type() {
    assert_located("wrong-type", "manifest = 1\n[organization]\nname = 42\n", 3, 8, "invalid type");
}

#[test]
fn unsupported_schema_version() {
    assert_located("version", "manifest = 2\n[organization]\nname = \"x\"\n", 1, 12, "schema version 2");
}

#[test]
fn dangling_reference() {
    let text = "manifest = 1\n[organization]\nname = \"x\"\n\n[[activities]]\nid = \"a\"\nname = \"A\"\nuses = []\ndata_categories = []\ndata_subjects = []\nrecipients = [\"nobody\"]\n";
    assert_located("dangling", text, 11, 15, "recipient `nobody`");
}

#[test]
fn missing_manifest_file() {
    let output = run(&["check", "/nonexistent/privacy.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("/nonexistent/privacy.toml"));
}

#[test]
fn binary_garbage_never_panics() {
    let (output, _) = check_text("garbage", "\u{0}\u{1}\u{ff}[[[ = = \"\n\"\"\"");
    assert_eq!(output.status.code(), Some(2));
    assert!(!stderr(&output).contains("panicked"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["check", "--format", "xml"],
        vec!["dsr", "plan", "--jurisdiction", "UK", "--request", "access", "--received", "2026-01-31"],
        vec!["dsr", "plan", "--jurisdiction", "DE", "--request", "acess", "--received", "2026-01-31"],
        vec!["dsr", "plan", "--jurisdiction", "DE", "--request", "access", "--received", "2026-02-30"],
        vec!["incident", "plan", "--jurisdiction", "DE", "--discovered", "2026-11-29T10:00:00"],
        vec!["check", "--as-of", "yesterday"],
        vec!["nonsense"],
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr(&output));
        assert!(!stderr(&output).contains("panicked"), "{args:?}");
    }
    let output = run(&["dsr", "plan", "--jurisdiction", "UK", "--request", "access", "--received", "2026-01-31"]);
    assert!(stderr(&output).contains("did you mean `GB`"), "{}", stderr(&output));
}

#[test]
fn unknown_rule_and_module_exit_2_with_suggestions() {
    let output = run(&["explain", "eea-uk/lawful-basis-mising"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("did you mean `eea-uk/lawful-basis-missing`"), "{}", stderr(&output));
    let output = run(&["check", example().to_str().unwrap(), "--module", "eea"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("did you mean `eea-uk`"), "{}", stderr(&output));
}

#[test]
fn a_closed_pipe_ends_juris_quietly() {
    use std::process::Stdio;
    for args in [&["rules"][..], &["plugins"][..], &["check", example().to_str().unwrap()][..]] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("juris"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before juris writes: its writes fail with EPIPE.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let err = stderr(&output);
        assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{args:?}: {err}");
        assert!(matches!(output.status.code(), Some(0 | 1)), "{args:?}: {:?}", output.status);
    }
}

#[test]
fn dates_outside_the_supported_years_are_usage_errors() {
    for args in [
        vec!["dsr", "plan", "--jurisdiction", "RU", "--request", "access", "--received", "9999-12-31"],
        vec!["incident", "plan", "--jurisdiction", "RU", "--discovered", "9999-12-30T20:00:00+14:00"],
        vec!["check", "--as-of", "0001-01-01"],
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).contains("outside the years juris computes with"), "{args:?}: {}", stderr(&output));
    }
}
