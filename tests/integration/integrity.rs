//! `juris plugins lock` and juris.lock: tampered, unlisted and world-writable
//! plugin files are refused; an older ABI minor still loads.

use crate::util::*;

fn in_project(project: &TempDir, args: &[&str]) -> std::process::Output {
    juris().current_dir(project.path()).args(args).output().unwrap()
}

#[test]
fn a_tampered_plugin_is_refused_once_locked() {
    let project = TempDir::new("lock-project");
    let plugins = TempDir::new("lock-plugins");
    let plugin = plugins.copy(&built_library("fixture_old_minor"));
    let dir = plugins.path().to_str().unwrap();

    let output = in_project(&project, &["plugins", "lock", "--plugin-dir", dir]);
    assert!(output.status.success(), "{}", stderr(&output));
    let lock = std::fs::read_to_string(project.path().join("juris.lock")).unwrap();
    assert!(lock.contains("libfixture_old_minor") && lock.contains("sha256:"), "{lock}");
    assert!(lock.contains("libjuris_russia"), "built-in plugins are pinned too: {lock}");

    // Untouched: loads.
    let output = in_project(&project, &["plugins", "--format", "json", "--plugin-dir", dir]);
    assert!(output.status.success(), "{}", stderr(&output));

    // Tampered: refused, with the way to update the lock.
    let mut bytes = std::fs::read(&plugin).unwrap();
    bytes.extend_from_slice(b"tampered");
    std::fs::write(&plugin, bytes).unwrap();
    let output = in_project(&project, &["plugins", "--format", "json", "--plugin-dir", dir]);
    assert_eq!(output.status.code(), Some(3));
    let report = json(&output);
    let error = report["errors"][0]["error"].as_str().unwrap();
    assert!(error.contains("does not match") && error.contains("juris plugins lock"), "{error}");
    assert_eq!(report["plugins"].as_array().unwrap().len(), 4, "the pinned built-ins still load");

    // Re-locking accepts the new bytes.
    assert!(in_project(&project, &["plugins", "lock", "--plugin-dir", dir]).status.success());
    assert!(in_project(&project, &["plugins", "--plugin-dir", dir]).status.success());
}

#[test]
fn an_unlisted_plugin_is_refused_when_a_lock_exists() {
    let project = TempDir::new("lock-unlisted");
    assert!(in_project(&project, &["plugins", "lock"]).status.success());
    let plugins = TempDir::new("lock-unlisted-plugins");
    plugins.copy(&built_library("fixture_old_minor"));
    let output = in_project(&project, &["plugins", "--plugin-dir", plugins.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(3));
    assert!(stderr(&output).contains("is not listed in"), "{}", stderr(&output));
}

#[test]
fn a_malformed_lock_is_an_input_error() {
    let project = TempDir::new("lock-malformed");
    project.write("juris.lock", b"version = 1\n[[plugin]]\nid = 3\n");
    let output = in_project(&project, &["plugins"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("juris.lock"));
}

#[cfg(unix)]
#[test]
fn a_plugin_writable_by_everyone_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let plugins = TempDir::new("world-writable");
    let plugin = plugins.copy(&built_library("fixture_old_minor"));
    std::fs::set_permissions(&plugin, std::fs::Permissions::from_mode(0o666)).unwrap();
    let output = run(&["plugins", "--plugin-dir", plugins.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(3));
    assert!(stderr(&output).contains("writable by every user"), "{}", stderr(&output));
    // Group-writable is refused too: even a user's private group may have
    // other members.
    std::fs::set_permissions(&plugin, std::fs::Permissions::from_mode(0o775)).unwrap();
    let output = run(&["plugins", "--plugin-dir", plugins.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(3));
    assert!(stderr(&output).contains("writable by its group"), "{}", stderr(&output));
    std::fs::set_permissions(&plugin, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(run(&["plugins", "--plugin-dir", plugins.path().to_str().unwrap()]).status.success());
}

#[test]
fn a_plugin_for_an_older_minor_loads_and_degrades_gracefully() {
    let plugins = TempDir::new("old-minor");
    plugins.copy(&built_library("fixture_old_minor"));
    let dir = plugins.path().to_str().unwrap();
    let report = json(&run(&["plugins", "--format", "json", "--plugin-dir", dir]));
    let old = report["plugins"].as_array().unwrap().iter().find(|p| p["id"] == "old-minor").expect("old-minor loads");
    assert_eq!(old["abi"], "1.0");
    // `resolve` came with ABI 1.1: the old plugin answers "unsupported" and
    // juris carries on with the other modules.
    for extra in [&[][..], &["--isolate"][..]] {
        let output = juris()
            .args(["resolve", "--jurisdiction", "DE", example().to_str().unwrap(), "--plugin-dir", dir])
            .args(extra)
            .output()
            .unwrap();
        assert!(output.status.success(), "{extra:?}: {}", stderr(&output));
        assert!(stdout(&output).contains("eea-uk"));
    }
    // Its rules still run: a check asks for the brief description (ABI 1.4),
    // which it does not know, so it is described in full, in process or not.
    let dirs = TempDir::new("old-minor-manifest");
    let manifest = dirs.write("privacy.toml", b"manifest = 1\n[organization]\nname = \"\"\n");
    for extra in [&[][..], &["--isolate"][..]] {
        let output = juris()
            .args(["check", manifest.to_str().unwrap(), "--format", "json", "--plugin-dir", dir])
            .args(extra)
            .output()
            .unwrap();
        let report = json(&output);
        let found = report["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "old-minor/name-missing");
        assert!(found.is_some(), "{extra:?}: {}", stderr(&output));
        assert_eq!(found.unwrap()["module"], "old-minor", "{extra:?}");
    }
    // SARIF carries its page, as it does every other module's.
    let sarif = json(&run(&["check", manifest.to_str().unwrap(), "--format", "sarif", "--plugin-dir", dir]));
    let old = sarif["runs"][0]["tool"]["extensions"].as_array().unwrap().iter().find(|e| e["name"] == "old-minor");
    let rule = &old.expect("old-minor in SARIF")["rules"][0];
    assert!(rule["help"]["text"].as_str().unwrap().contains("Flags an empty organisation name"), "{rule}");
}
