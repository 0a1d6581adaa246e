//! Every rule fires on its failing manifest and is silent on its passing one.

#[test]
fn every_rule_is_documented_and_tested() {
    juris_core::testing::assert_rules(&juris_russia::Russia, juris_russia::rules::ALL);
}
