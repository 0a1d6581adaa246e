//! `juris resolve --jurisdiction US-CA`: the opt-out model and the GPC duty.

use juris_california::California;
use juris_core::jiff::civil::date;
use juris_core::testing;

const SHOP: &str = r#"manifest = 1

[organization]
name = "Shop"
markets = ["EEA", "US-CA"]
annual_revenue_usd = 40_000_000

[consent]
default = { mode = "opt-in" }
"US-CA" = { mode = "opt-out", honors_gpc = true }
"#;

#[test]
fn california_is_opt_out_with_gpc() {
    let statements = testing::resolve(&California, SHOP, "US-CA", date(2026, 11, 29));
    let topics: Vec<&str> = statements.iter().map(|s| s.topic.as_str()).collect();
    assert_eq!(topics, ["applicability", "consent", "gpc", "storage"]);
    assert!(statements[0].text.starts_with("the CCPA applies"));
    assert!(statements[1].text.starts_with("opt-out model"));
    assert!(statements[1].text.contains("the manifest uses opt-out here"));
    assert!(statements[2].text.contains("Global Privacy Control"));
    assert!(statements[2].text.contains("signals are honoured"));
    assert!(statements[2].text.contains("opt_out_signal_status_shown"));
}

#[test]
fn other_places_get_nothing() {
    assert!(testing::resolve(&California, SHOP, "DE", date(2026, 11, 29)).is_empty());
}

#[test]
fn a_small_business_is_told_the_ccpa_does_not_apply() {
    let small = SHOP.replace(
        "annual_revenue_usd = 40_000_000",
        "annual_revenue_usd = 1_000_000\nsubjects_per_year = { \"US-CA\" = 100 }",
    );
    let statements = testing::resolve(&California, &small, "US-CA", date(2026, 11, 29));
    assert_eq!(statements.len(), 1);
    assert!(statements[0].text.starts_with("the CCPA does not apply"));
}
