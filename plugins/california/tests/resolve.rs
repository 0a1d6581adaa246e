//! `juris resolve --jurisdiction US-CA`: the opt-out model and the GPC duty.

use juris_california::California;
use juris_core::jiff::civil::date;
use juris_core::testing::manifest;
use juris_core::{RegionalModule, ResolveContext};

const SHOP: &str = r#"manifest = 1

[organization]
name = "Shop"
markets = ["EEA", "US-CA"]
annual_revenue_usd = 40_000_000

[consent]
default = { mode = "opt-in" }
"US-CA" = { mode = "opt-out", honors_gpc = true }
"#;

fn resolve(text: &str, place: &str) -> Vec<(String, String)> {
    let ctx =
        ResolveContext { manifest: manifest(text), jurisdiction: place.parse().unwrap(), as_of: date(2026, 11, 29) };
    California.resolve(&ctx).statements.into_iter().map(|s| (s.topic, s.text)).collect()
}

#[test]
fn california_is_opt_out_with_gpc() {
    let statements = resolve(SHOP, "US-CA");
    let topics: Vec<&str> = statements.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(topics, ["applicability", "consent", "gpc", "storage"]);
    assert!(statements[0].1.starts_with("the CCPA applies"));
    assert!(statements[1].1.starts_with("opt-out model"));
    assert!(statements[1].1.contains("the manifest uses opt-out here"));
    assert!(statements[2].1.contains("Global Privacy Control"));
    assert!(statements[2].1.contains("signals are honoured"));
    assert!(statements[2].1.contains("opt_out_signal_status_shown"));
}

#[test]
fn other_places_get_nothing() {
    assert!(resolve(SHOP, "DE").is_empty());
}

#[test]
fn a_small_business_is_told_the_ccpa_does_not_apply() {
    let small = SHOP.replace(
        "annual_revenue_usd = 40_000_000",
        "annual_revenue_usd = 1_000_000\nsubjects_per_year = { \"US-CA\" = 100 }",
    );
    let statements = resolve(&small, "US-CA");
    assert_eq!(statements.len(), 1);
    assert!(statements[0].1.starts_with("the CCPA does not apply"));
}
