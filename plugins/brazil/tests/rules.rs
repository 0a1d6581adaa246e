//! Every rule fires on its failing cases at a place in the file, is silent on
//! its passing ones, and its findings match the committed snapshots.

#[test]
fn every_rule_is_documented_and_tested() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules/fixtures");
    juris_core::testing::assert_module(&juris_brazil::Brazil, &fixtures);
}
