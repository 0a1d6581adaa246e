//! What juris must hold against a hostile plugin, a hostile manifest, or
//! another user on the machine: it loads only plugin files no one else could
//! have changed, refuses impostors, keeps its output unforgeable, and reads
//! only bounded, regular input.

use std::path::Path;

use crate::util::*;

/// Runs `juris check --format json` on `manifest` with the misbehaving
/// fixture in `dir`, behaving as `behaviour`.
fn check_with_fixture(dir: &TempDir, behaviour: &str, manifest: &Path, extra: &[&str]) -> std::process::Output {
    juris()
        .env("JURIS_FIXTURE_BEHAVIOUR", behaviour)
        .args(["check", manifest.to_str().unwrap(), "--format", "json"])
        .args(["--plugin-dir", dir.path().to_str().unwrap()])
        .args(extra)
        .output()
        .unwrap()
}

fn rules_reported(report: &serde_json::Value) -> Vec<String> {
    report["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap().to_string()).collect()
}

#[test]
fn a_plugin_in_a_directory_others_may_write_to_is_refused_naming_the_directory_and_mode() {
    for mode in [0o777, 0o1777, 0o775] {
        let dir = TempDir::new(&format!("trust-dir-{mode:o}"));
        let plugin = dir.copy(&built_library("fixture_misbehaving"));
        let manifest = dir.write("privacy.toml", ONE_FINDING.as_bytes());
        set_mode(dir.path(), mode);
        let output = check_with_fixture(&dir, "none", &manifest, &[]);
        let err = stderr(&output);
        set_mode(dir.path(), 0o755);
        assert_eq!(output.status.code(), Some(3), "{mode:o}: {err}");
        assert!(err.contains(plugin.to_str().unwrap()), "{mode:o}: the plugin is named: {err}");
        assert!(err.contains(&format!("the directory `{}`", dir.path().display())), "{mode:o}: {err}");
        assert!(err.contains(&format!("mode {mode:o}")), "{mode:o}: {err}");
        // The refused plugin reported nothing; the built-in modules did.
        let report = json(&output);
        assert!(rules_reported(&report).iter().any(|r| r == "eea-uk/lawful-basis-missing"));
        assert!(!report["modules"].to_string().contains("misbehaving"), "{report}");
    }
}

#[test]
fn a_plugin_file_others_may_write_to_is_refused_and_the_override_warns() {
    let dir = TempDir::new("trust-file");
    let plugin = dir.copy(&built_library("fixture_misbehaving"));
    let manifest = dir.write("privacy.toml", ONE_FINDING.as_bytes());
    set_mode(&plugin, 0o757);
    let output = check_with_fixture(&dir, "none", &manifest, &[]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(3), "{err}");
    assert!(err.contains(&format!("the file `{}` is writable by every user (mode 757", plugin.display())), "{err}");
    assert!(err.contains("--allow-insecure-plugins"), "the override is named: {err}");

    let output = check_with_fixture(&dir, "none", &manifest, &["--allow-insecure-plugins"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "loaded, with the EEA finding: {err}");
    assert!(err.contains("loading it anyway (--allow-insecure-plugins)"), "{err}");
    assert!(json(&output)["modules"].to_string().contains("misbehaving"));
}

#[test]
fn a_symlinked_plugin_is_judged_where_it_leads() {
    let safe = TempDir::new("trust-link-safe");
    let unsafe_dir = TempDir::new("trust-link-target");
    let target = unsafe_dir.copy(&built_library("fixture_misbehaving"));
    set_mode(unsafe_dir.path(), 0o777);
    std::os::unix::fs::symlink(&target, safe.path().join("libfixture_misbehaving.so")).unwrap();
    let manifest = safe.write("privacy.toml", ONE_FINDING.as_bytes());
    let output = check_with_fixture(&safe, "none", &manifest, &[]);
    let err = stderr(&output);
    set_mode(unsafe_dir.path(), 0o755);
    assert_eq!(output.status.code(), Some(3), "{err}");
    assert!(err.contains(&format!("the directory `{}`", unsafe_dir.path().display())), "{err}");
}

#[test]
fn two_plugins_claiming_one_module_id_are_both_refused_naming_both_files() {
    // An impostor of a built-in module, and two copies of a third-party one.
    let dir = TempDir::new("duplicate-ids");
    let impostor = dir.copy(&built_library("juris_eea_uk"));
    let manifest = dir.write("privacy.toml", ONE_FINDING.as_bytes());
    let output =
        run(&["check", manifest.to_str().unwrap(), "--format", "json", "--plugin-dir", dir.path().to_str().unwrap()]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(3), "{err}");
    let genuine = built_library("juris_eea_uk");
    assert!(err.contains("module `eea-uk` is claimed by"), "{err}");
    assert!(err.contains(impostor.to_str().unwrap()) && err.contains(genuine.to_str().unwrap()), "{err}");
    let report = json(&output);
    assert!(!rules_reported(&report).iter().any(|r| r.starts_with("eea-uk/")), "neither answered: {report}");
    assert_eq!(report["errors"].as_array().unwrap().len(), 2, "{report}");

    let first = TempDir::new("duplicate-ids-1");
    let second = TempDir::new("duplicate-ids-2");
    let a = first.copy(&built_library("fixture_misbehaving"));
    let b = second.copy(&built_library("fixture_misbehaving"));
    let output = juris()
        .env("JURIS_FIXTURE_BEHAVIOUR", "none")
        .args(["plugins", "--plugin-dir", first.path().to_str().unwrap()])
        .args(["--plugin-dir", second.path().to_str().unwrap()])
        .output()
        .unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(3), "{err}");
    assert!(err.contains(a.to_str().unwrap()) && err.contains(b.to_str().unwrap()), "{err}");
}

#[test]
fn findings_outside_a_modules_own_described_rules_are_dropped_and_fail_the_run() {
    let dir = TempDir::new("foreign-findings");
    let plugin = dir.copy(&built_library("fixture_misbehaving"));
    let manifest = dir.write("privacy.toml", ONE_FINDING.as_bytes());
    for extra in [&[][..], &["--no-isolate"][..]] {
        let output = check_with_fixture(&dir, "foreign", &manifest, extra);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(3), "{extra:?}: {err}");
        assert!(err.contains("module `misbehaving`") && err.contains(plugin.to_str().unwrap()), "{err}");
        assert!(err.contains("`eea-uk/lawful-basis-missing`") && err.contains("`misbehaving/undeclared`"), "{err}");
        let report = json(&output);
        let messages = report["findings"].to_string();
        assert!(!messages.contains("impostor") && !messages.contains("never described"), "{report}");
        assert!(rules_reported(&report).iter().any(|r| r == "misbehaving/own-rule"), "its own finding stays");
        assert!(rules_reported(&report).iter().any(|r| r == "eea-uk/lawful-basis-missing"), "the real one stays");
    }
}

/// Characters that must never reach a terminal raw from data.
fn assert_no_raw_controls(what: &str, text: &str) {
    for c in ['\u{1b}', '\u{7}', '\r', '\u{9b}', '\u{202e}'] {
        assert!(!text.contains(c), "{what}: a raw {:?} reached the output:\n{text}", c);
    }
    assert!(
        !text.lines().any(|l| l.trim_start().starts_with("error: all plugins verified OK")),
        "{what}: a forged line starts a line:\n{text}"
    );
}

#[test]
fn terminal_controls_from_a_plugin_are_shown_not_sent_in_every_text_output() {
    let dir = TempDir::new("escapes-plugin");
    dir.copy(&built_library("fixture_misbehaving"));
    let manifest = dir.write("privacy.toml", ONE_FINDING.as_bytes());
    let plugin_dir = dir.path().to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["check", manifest.to_str().unwrap()],
        vec!["check", manifest.to_str().unwrap(), "--format", "github"],
        vec!["check", manifest.to_str().unwrap(), "--format", "junit"],
        vec!["check", manifest.to_str().unwrap(), "--statistics"],
        vec!["plugins"],
        vec!["rules"],
        vec!["explain", "misbehaving/own-rule"],
        vec!["check", manifest.to_str().unwrap(), "-vv"],
    ];
    for args in commands {
        for extra in [&[][..], &["--no-isolate"][..]] {
            let output = juris()
                .env("JURIS_FIXTURE_BEHAVIOUR", "escapes")
                .args(&args)
                .args(["--plugin-dir", plugin_dir])
                .args(extra)
                .output()
                .unwrap();
            let shown = format!("{args:?} {extra:?}");
            assert_no_raw_controls(&format!("{shown} stdout"), &stdout(&output));
            assert_no_raw_controls(&format!("{shown} stderr"), &stderr(&output));
            if args.len() == 2 && args[0] == "check" {
                assert!(stdout(&output).contains("message \\u{1b}[2J"), "{shown}: shown visibly: {}", stdout(&output));
            }
        }
    }
    // JSON keeps the data, escaped by the encoder.
    let output = check_with_fixture(&dir, "escapes", &manifest, &[]);
    let report = json(&output);
    let finding = report["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "misbehaving/own-rule").unwrap();
    assert!(finding["message"].as_str().unwrap().contains("\u{1b}[2J"), "{finding}");
    assert!(!String::from_utf8_lossy(&output.stdout).contains('\u{1b}'), "escaped in the document");
}

#[test]
fn terminal_controls_from_a_manifest_are_shown_not_sent() {
    let dir = TempDir::new("escapes-manifest");
    let manifest = dir.write(
        "privacy.toml",
        br#"manifest = 1

[organization]
name = "Shop \u001b]0;owned\u0007"
established = ["DE"]
markets = ["DE"]

[[activities]]
id = "news\u001b[2Jletter"
name = "Newsletter \r\nerror: all plugins verified OK"
purpose = "marketing"
data_categories = ["user.contact.email"]
data_subjects = ["customer"]
"#,
    );
    for args in [
        vec!["check", manifest.to_str().unwrap()],
        vec!["resolve", "--jurisdiction", "DE", "--manifest", manifest.to_str().unwrap()],
    ] {
        let output = run(&args);
        assert_no_raw_controls(&format!("{args:?} stdout"), &stdout(&output));
        assert_no_raw_controls(&format!("{args:?} stderr"), &stderr(&output));
    }
}

#[test]
fn a_dangling_or_unreadable_lock_fails_closed() {
    let dir = TempDir::new("lock-dangling");
    dir.write("privacy.toml", ONE_FINDING.as_bytes());
    std::os::unix::fs::symlink(dir.path().join("nowhere"), dir.path().join("juris.lock")).unwrap();
    let output = run_in(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("juris.lock` exists but cannot be read"), "{}", stderr(&output));
    std::fs::remove_file(dir.path().join("juris.lock")).unwrap();

    std::fs::create_dir(dir.path().join("juris.lock")).unwrap();
    let output = run_in(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("is not a regular file"), "{}", stderr(&output));
}

#[test]
fn inputs_that_are_not_regular_files_or_too_large_are_refused_without_reading_them() {
    // Each of these read without limit before.
    let output = run(&["check", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("`/dev/zero`: it is a character device, not a regular file"),
        "{}",
        stderr(&output)
    );

    let dir = TempDir::new("bounded");
    dir.write("privacy.toml", ONE_FINDING.as_bytes());
    for name in ["juris.toml", "juris.lock"] {
        let link = dir.path().join(name);
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let output = run_in(dir.path(), &["check"]);
        assert_eq!(output.status.code(), Some(2), "{name}: {}", stderr(&output));
        assert!(stderr(&output).contains("is not a regular file"), "{name}: {}", stderr(&output));
        std::fs::remove_file(&link).unwrap();
    }

    let fifo = dir.path().join("fifo.toml");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let output = run(&["check", fifo.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("a FIFO (named pipe)"), "{}", stderr(&output));

    let mut big = ONE_FINDING.to_string();
    big.push_str(&"# padding\n".repeat(200));
    dir.write("privacy.toml", big.as_bytes());
    dir.write("juris.toml", b"max_manifest_bytes = 1024\n");
    let output = run_in(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("larger than 1024 bytes"), "{}", stderr(&output));
}

#[test]
fn invalid_utf8_and_too_deep_keys_are_reported_where_they_are() {
    let dir = TempDir::new("located");
    let bad = dir.write("bad.toml", b"manifest = 1\n[organization]\nname = \"caf\xc3\xa9 \xff\"\n");
    let output = run(&["check", bad.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("bad.toml:3:14"), "{}", stderr(&output));
    assert!(stderr(&output).contains("byte 0xff"), "{}", stderr(&output));
    let output = run(&["check", bad.to_str().unwrap(), "--format", "json"]);
    assert_eq!(json(&output)["errors"][0]["line"], 3);

    let deep = format!("manifest = 1\n\n[organization]\nname = \"x\"\n{} = 1\n", vec!["a"; 200].join("."));
    let path = dir.write("deep.toml", deep.as_bytes());
    let output = run(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("deep.toml:5:1"), "{}", stderr(&output));
    assert!(stderr(&output).contains("dotted parts"), "{}", stderr(&output));
}

#[test]
fn numbers_out_of_their_documented_range_are_usage_errors() {
    let plan = ["dsr", "plan", "--jurisdiction", "DE", "--request", "access", "--received", "2026-12-01"];
    for (extra, expected) in [
        (vec!["--paused-days", "4294967295"], "0..=3650"),
        (vec!["--paused-days", "3000000"], "0..=3650"),
        (vec!["--paused-days", "-1"], "-1"),
    ] {
        let output = run(&[&plan[..], &extra[..]].concat());
        assert_eq!(output.status.code(), Some(2), "{extra:?}: {}", stderr(&output));
        assert!(stderr(&output).contains(expected), "{extra:?}: {}", stderr(&output));
        assert!(!stderr(&output).contains("panicked"));
    }
    let output = run(&[
        "incident",
        "plan",
        "--jurisdiction",
        "DE",
        "--discovered",
        "2026-12-01T10:00:00Z",
        "--affected",
        "99999999999",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let output = run(&["plugins", "--plugin-timeout", "0"]);
    assert_eq!(output.status.code(), Some(2));

    let dir = TempDir::new("numbers");
    dir.write("juris.toml", b"# settings\nplugin_timeout_seconds = 86401\n");
    let output = run_in(dir.path(), &["plugins"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("juris.toml:2:26") && stderr(&output).contains("1 to 86400"),
        "{}",
        stderr(&output)
    );

    let long = ONE_FINDING
        .replace("[[activities]]", "[[activities]]\nretention = { period = \"P5000Y\", from = \"collection\" }");
    let manifest = dir.write("privacy.toml", long.as_bytes());
    let output = run(&["check", manifest.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("longer than 1000 years"), "{}", stderr(&output));
}
