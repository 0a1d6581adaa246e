//! `juris plugins`, and plugins that fail.

use crate::util::*;

#[test]
fn lists_the_four_builtin_modules_each_from_its_own_library() {
    let output = run(&["plugins", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = json(&output);
    let plugins = report["plugins"].as_array().expect("plugins array");
    let ids: Vec<&str> = plugins.iter().map(|p| p["id"].as_str().unwrap()).collect();
    for id in ["eea-uk", "california", "brazil", "russia"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    let mut paths: Vec<&str> = plugins.iter().map(|p| p["path"].as_str().unwrap()).collect();
    for p in plugins {
        let path = std::path::Path::new(p["path"].as_str().unwrap());
        assert!(path.is_file(), "{} is not a file", path.display());
        let abi = format!("{}.{}", juris_core::abi::ABI_MAJOR, juris_core::abi::ABI_MINOR);
        assert_eq!(p["abi"], abi.as_str(), "built-in plugins are built against this ABI");
        assert!(!p["jurisdictions"].as_array().unwrap().is_empty());
        assert!(!p["rules"].as_array().unwrap().is_empty(), "{} has no rules", p["id"]);
        for key in ["name", "version"] {
            assert!(p[key].is_string(), "{key} missing");
        }
    }
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), plugins.len(), "two modules share a library file");
    assert_eq!(report["errors"].as_array().unwrap().len(), 0);
}

#[test]
fn a_file_that_is_not_a_plugin_exits_3_naming_it_and_others_still_report() {
    let dir = TempDir::new("not-a-plugin");
    let bogus =
        dir.write(&format!("{}bogus{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX), b"not a library");
    let manifest = dir.write("privacy.toml", ONE_FINDING.as_bytes());
    let output = run(&["check", manifest.to_str().unwrap(), "--plugin-dir", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let all = format!("{}{}", stdout(&output), stderr(&output));
    assert!(all.contains(bogus.to_str().unwrap()), "the failing plugin is not named:\n{all}");
    assert!(stdout(&output).contains("eea-uk/lawful-basis-missing"), "other modules' findings are missing");
}

#[test]
fn a_plugin_for_another_abi_major_is_refused_naming_the_file_and_both_versions() {
    let dir = TempDir::new("wrong-abi");
    let library = dir.copy(&built_library("fixture_wrong_abi"));
    let output = run(&["plugins", "--format", "json", "--plugin-dir", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(3));
    let report = json(&output);
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["path"], library.to_str().unwrap());
    let message = errors[0]["error"].as_str().unwrap();
    assert!(message.contains("ABI v2") && message.contains("ABI v1"), "{message}");
    assert!(message.contains(library.to_str().unwrap()), "{message}");
    // The good plugins are still listed.
    assert_eq!(report["plugins"].as_array().unwrap().len(), 4);
}

#[test]
fn a_panicking_plugin_exits_3_naming_it_and_others_still_report() {
    let dir = TempDir::new("panicking");
    dir.copy(&built_library("fixture_misbehaving"));
    let manifest = dir.write("privacy.toml", ONE_FINDING.as_bytes());
    for format in ["text", "json", "sarif"] {
        let output = juris()
            .args(["check", manifest.to_str().unwrap(), "--format", format])
            .args(["--plugin-dir", dir.path().to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(3), "{format}: {}", stderr(&output));
        let all = format!("{}{}", stdout(&output), stderr(&output));
        assert!(all.contains("module `misbehaving` panicked"), "{format}: {all}");
        assert!(all.contains("deliberate panic in check"), "{format}: {all}");
        assert!(stdout(&output).contains("eea-uk/lawful-basis-missing"), "{format}: other findings missing");
    }
    let output = run(&[
        "incident",
        "plan",
        "--jurisdiction",
        "DE",
        "--discovered",
        "2026-11-29T10:00:00Z",
        "--plugin-dir",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(3));
    assert!(stderr(&output).contains("deliberate panic in obligations"));
    assert!(stdout(&output).contains("notify-authority"));
}

#[test]
fn global_options_go_before_or_after_the_subcommand() {
    let dir = TempDir::new("global-options");
    dir.copy(&built_library("fixture_misbehaving"));
    let d = dir.path().to_str().unwrap();
    for args in
        [vec!["--plugin-dir", d, "plugins", "--format", "json"], vec!["plugins", "--format", "json", "--plugin-dir", d]]
    {
        let report = json(&run(&args));
        let ids: Vec<&str> = report["plugins"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
        assert!(ids.contains(&"misbehaving"), "{args:?}: {ids:?}");
    }
}

#[test]
fn plugin_path_from_the_environment() {
    let dir = TempDir::new("env-path");
    dir.copy(&built_library("fixture_misbehaving"));
    let output = juris().env("JURIS_PLUGIN_PATH", dir.path()).args(["plugins", "--format", "json"]).output().unwrap();
    let ids: Vec<String> =
        json(&output)["plugins"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_string()).collect();
    assert!(ids.contains(&"misbehaving".to_string()), "{ids:?}");
}

#[test]
fn a_missing_plugin_dir_is_a_usage_error() {
    let output = run(&["plugins", "--plugin-dir", "/nonexistent/juris-plugins"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("/nonexistent/juris-plugins"));
}
