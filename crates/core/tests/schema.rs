//! docs/manifest.schema.json is generated from the manifest model and committed
//! (for editors such as taplo). This test fails when it is stale; run it with
//! JURIS_UPDATE_SCHEMA=1 to rewrite the file, then commit it.

use std::path::PathBuf;

#[test]
fn committed_manifest_schema_is_fresh() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/manifest.schema.json");
    let fresh = serde_json::to_string_pretty(&juris_core::Manifest::json_schema()).unwrap() + "\n";
    if std::env::var_os("JURIS_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is stale: run `JURIS_UPDATE_SCHEMA=1 cargo test -p juris-core --test schema` and commit it",
        path.display()
    );
}

#[test]
fn the_example_manifest_loads_and_matches_the_schema_keys() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/marketplace/privacy.toml");
    let text = std::fs::read_to_string(path).unwrap();
    juris_core::testing::manifest(&text);
    let schema = juris_core::Manifest::json_schema();
    for key in ["manifest", "organization", "activities", "systems", "recipients", "consent", "rights", "notices"] {
        assert!(schema["properties"].get(key).is_some(), "schema lacks `{key}`");
    }
}
