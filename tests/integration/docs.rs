//! The `[modules.<id>]` tables of docs/manifest.md are generated from each
//! module's options type (through the JSON Schema `describe` gives), so the
//! documentation cannot drift from the keys the modules read. This test fails
//! when they are stale; `JURIS_UPDATE_DOCS=1` rewrites them.

use crate::util::*;

#[test]
fn module_tables_in_the_manifest_reference_are_fresh() {
    let listing = json(&run(&["plugins", "--format", "json"]));
    let path = root().join("docs/manifest.md");
    let mut text = std::fs::read_to_string(&path).unwrap();
    let original = text.clone();
    for plugin in listing["plugins"].as_array().unwrap() {
        let id = plugin["id"].as_str().unwrap();
        let schema = &plugin["options"];
        assert!(schema.is_object(), "{id} describes no options schema");
        let start = format!("<!-- generated from the module's options type: modules.{id} -->\n");
        let end = "<!-- end generated -->";
        let at = text.find(&start).unwrap_or_else(|| panic!("docs/manifest.md has no marker for modules.{id}"))
            + start.len();
        let stop = at + text[at..].find(end).expect("an end marker");
        let fresh = juris_core::declare::options_table_docs(id, schema);
        text.replace_range(at..stop, &fresh);
    }
    if std::env::var_os("JURIS_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &text).unwrap();
        return;
    }
    assert!(
        text == original,
        "the [modules.*] tables of docs/manifest.md are stale: run `JURIS_UPDATE_DOCS=1 cargo test --test integration docs` and commit"
    );
}
