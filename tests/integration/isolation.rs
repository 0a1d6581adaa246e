//! `--isolate`: each plugin in a child process. A plugin that panics, aborts,
//! segfaults, hangs or prints garbage is reported by name (exit 3) and the
//! other modules' findings are still there.

use crate::util::*;

fn misbehaving(behaviour: &str, extra: &[&str], cwd: Option<&std::path::Path>) -> std::process::Output {
    let dir = TempDir::new(&format!("isolate-{behaviour}"));
    let plugin = dir.copy(&built_library("fixture_misbehaving"));
    let manifest = dir.write("privacy.toml", ONE_FINDING.as_bytes());
    let mut cmd = juris();
    cmd.env("JURIS_FIXTURE_BEHAVIOUR", behaviour)
        .args(["check", manifest.to_str().unwrap(), "--format", "json", "--plugin-timeout", "3"])
        .args(["--plugin-dir", dir.path().to_str().unwrap()])
        .args(extra);
    if let Some(cwd) = cwd {
        cmd.current_dir(cwd);
    }
    let output = cmd.output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(3), "{behaviour}: {err}");
    assert!(err.contains(plugin.to_str().unwrap()), "{behaviour}: the plugin file is not named:\n{err}");
    assert!(err.contains("misbehaving"), "{behaviour}: the module is not named:\n{err}");
    let report = json(&output);
    assert!(
        report["findings"].as_array().unwrap().iter().any(|f| f["rule"] == "eea-uk/lawful-basis-missing"),
        "{behaviour}: the good modules' findings are missing"
    );
    assert_eq!(report["errors"].as_array().unwrap().len(), 1, "{behaviour}: {report}");
    output
}

#[test]
fn a_panic_is_contained_in_the_child() {
    let output = misbehaving("panic", &["--isolate"], None);
    assert!(stderr(&output).contains("deliberate panic in check"));
}

#[test]
fn an_abort_is_contained() {
    let output = misbehaving("abort", &["--isolate"], None);
    assert!(stderr(&output).contains("signal 6"), "{}", stderr(&output));
}

#[test]
fn a_segfault_is_contained() {
    let output = misbehaving("segfault", &["--isolate"], None);
    assert!(stderr(&output).contains("signal 11"), "{}", stderr(&output));
}

#[test]
fn a_plugin_that_never_answers_is_stopped_at_the_timeout() {
    let output = misbehaving("hang", &["--isolate"], None);
    assert!(stderr(&output).contains("did not answer within 3 s"), "{}", stderr(&output));
}

#[test]
fn a_plugin_printing_to_stdout_cannot_corrupt_the_report_isolated_or_not() {
    // Isolated by default (it comes from --plugin-dir), and in process.
    for extra in [&[][..], &["--no-isolate"][..]] {
        let output = misbehaving("garbage", extra, None);
        let err = stderr(&output);
        assert!(err.contains("byte(s) to standard output"), "{extra:?}: {err}");
        assert!(err.contains("Hello from a plugin"), "{extra:?}: what it printed is shown: {err}");
        // The report is valid JSON (checked by `misbehaving`), and the text
        // appears in it only inside the error message that quotes it.
        assert!(!stdout(&output).lines().any(|l| l.starts_with("Hello")), "{extra:?}: it reached the report");
    }
}

#[test]
fn a_plugin_calling_exit_0_fails_the_run_isolated_or_not() {
    for extra in [&[][..], &["--no-isolate"][..]] {
        let dir = TempDir::new("isolate-exit");
        let plugin = dir.copy(&built_library("fixture_misbehaving"));
        let manifest = dir.write("privacy.toml", ONE_FINDING.as_bytes());
        let output = juris()
            .env("JURIS_FIXTURE_BEHAVIOUR", "exit")
            .args(["check", manifest.to_str().unwrap(), "--format", "json"])
            .args(["--plugin-dir", dir.path().to_str().unwrap()])
            .args(extra)
            .output()
            .unwrap();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(3), "{extra:?}: {err}");
        assert!(err.contains(plugin.to_str().unwrap()), "{extra:?}: the plugin is named: {err}");
    }
}

#[test]
fn juris_toml_turns_isolation_on() {
    let project = TempDir::new("isolate-config");
    project.write("juris.toml", b"isolate = true\nplugin_timeout_seconds = 3\n");
    let output = misbehaving("abort", &[], Some(project.path()));
    assert!(stderr(&output).contains("signal 6"), "{}", stderr(&output));
}

#[test]
fn a_malformed_juris_toml_is_an_input_error() {
    let project = TempDir::new("bad-config");
    project.write("juris.toml", b"isolate = \"yes\"\n");
    let output = juris().current_dir(project.path()).args(["plugins"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("juris.toml:1:11"), "{}", stderr(&output));
}

#[test]
fn isolated_results_equal_in_process_results() {
    let example = example();
    let args = ["check", example.to_str().unwrap(), "--format", "json", "--as-of", "2026-11-29"];
    let in_process = json(&run(&args));
    let mut isolated_args = args.to_vec();
    isolated_args.push("--isolate");
    let isolated = json(&run(&isolated_args));
    assert_eq!(in_process["findings"], isolated["findings"]);
    let plan = [
        "dsr",
        "plan",
        "--jurisdiction",
        "RU",
        "--request",
        "access",
        "--received",
        "2026-04-29",
        "--format",
        "json",
        "--now",
        "2026-05-01T00:00:00Z",
    ];
    let mut isolated_plan = plan.to_vec();
    isolated_plan.push("--isolate");
    assert_eq!(json(&run(&plan)), json(&run(&isolated_plan)));
}

#[test]
fn a_plugin_directory_starting_with_a_dash_works_isolated() {
    let dir = TempDir::new("dash-parent");
    let odd = dir.path().join("-plugins");
    std::fs::create_dir_all(&odd).unwrap();
    std::fs::copy(built_library("fixture_old_minor"), odd.join("libfixture_old_minor.so")).unwrap();
    let output = juris()
        .current_dir(dir.path())
        .args(["--isolate", "plugins", "--format", "json", "--plugin-dir=-plugins"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let ids: Vec<String> =
        json(&output)["plugins"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_string()).collect();
    assert!(ids.contains(&"old-minor".to_string()), "{ids:?}");
}
