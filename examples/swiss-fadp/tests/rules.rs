//! Every rule fires on its failing manifest and is silent on its passing one,
//! through the same harness the built-in modules use.

#[test]
fn every_rule_is_documented_and_tested() {
    juris_core::testing::assert_rules(&swiss_fadp::Switzerland, swiss_fadp::rules::ALL);
}
