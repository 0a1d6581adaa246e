//! Every rule fires on its failing cases at a place in the file, is silent on
//! its passing ones, and matches its snapshots, through the same harness the
//! built-in modules use.

#[test]
fn every_rule_is_documented_and_tested() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules/fixtures");
    juris_core::testing::assert_module(&swiss_fadp::Switzerland, &fixtures);
}
