//! The thresholds of Civ. Code §1798.140(d)(1) change the outcome of a check.

use juris_california::California;
use juris_california::applicability::{Applicability, assess, revenue_threshold};
use juris_california::options::{self, Options};
use juris_core::jiff::civil::date;
use juris_core::testing::{check, fired, manifest};

fn shop(organization: &str, modules: &str) -> String {
    format!(
        r#"manifest = 1

[organization]
name = "Shop"
markets = ["US-CA"]
{organization}

[[activities]]
id = "interest-ads"
name = "Interest-based advertising"
uses = ["marketing.advertising.third_party.targeted"]
data_categories = ["user.device.cookie_id"]
data_subjects = ["customer"]
sells_or_shares = true
retention = {{ period = "P13M", from = "collection" }}

{modules}
"#
    )
}

#[test]
fn the_revenue_threshold_is_dated() {
    assert_eq!(revenue_threshold(date(2024, 12, 31)), 25_000_000);
    assert_eq!(revenue_threshold(date(2025, 1, 1)), 26_625_000);
    // $26,000,000 is over the threshold in 2024, not from 2025.
    let text = shop(
        "annual_revenue_usd = 26_000_000\nsubjects_per_year = { \"US-CA\" = 5_000 }",
        "[modules.california]\nrevenue_percent_from_selling_or_sharing = 5",
    );
    let m = manifest(&text);
    assert!(matches!(
        assess(&m, &juris_core::declare::options_of::<options::Options>(&m, juris_california::ID), date(2024, 6, 1)),
        Applicability::Business(_)
    ));
    assert!(matches!(
        assess(&m, &juris_core::declare::options_of::<options::Options>(&m, juris_california::ID), date(2025, 6, 1)),
        Applicability::NotMet(_)
    ));
    let rules = fired(&check(&California, &text, date(2024, 6, 1)));
    assert!(rules.contains(&"california/do-not-sell-link".to_string()), "{rules:?}");
    let rules = fired(&check(&California, &text, date(2025, 6, 1)));
    assert_eq!(rules, vec!["california/thresholds-not-met".to_string()]);
}

#[test]
fn each_threshold_alone_makes_a_business() {
    let small = "annual_revenue_usd = 1_000_000";
    let by_consumers = manifest(&shop(&format!("{small}\nsubjects_per_year = {{ \"US\" = 150_000 }}"), ""));
    let options = Options { revenue_percent_from_selling_or_sharing: Some(1.0), ..Options::default() };
    assert!(matches!(assess(&by_consumers, &options, date(2026, 11, 29)), Applicability::Business(_)));
    let by_share = shop(
        &format!("{small}\nsubjects_per_year = {{ \"US-CA\" = 1_000 }}"),
        "[modules.california]\nrevenue_percent_from_selling_or_sharing = 60",
    );
    let rules = fired(&check(&California, &by_share, date(2026, 11, 29)));
    assert!(rules.contains(&"california/do-not-sell-link".to_string()), "{rules:?}");
    assert!(!rules.contains(&"california/thresholds-not-met".to_string()));
}

#[test]
fn outside_california_the_module_is_silent() {
    let text = "manifest = 1\n[organization]\nname = \"Shop\"\nmarkets = [\"EEA\"]\n[[activities]]\nid = \"ads\"\nname = \"Ads\"\nuses = [\"marketing\"]\ndata_categories = [\"user.device.cookie_id\"]\ndata_subjects = [\"customer\"]\nsells_or_shares = true\n";
    assert!(check(&California, text, date(2026, 11, 29)).is_empty());
}

#[test]
fn after_the_next_adjustment_the_figure_is_flagged() {
    let text = shop("annual_revenue_usd = 40_000_000", "");
    let findings = check(&California, &text, date(2027, 2, 1));
    assert!(
        findings
            .iter()
            .any(|f| f.rule == "california/thresholds-not-met" && f.path == "organization.annual_revenue_usd")
    );
}

#[test]
fn a_malformed_table_is_an_error_and_the_defaults_apply() {
    let text = shop("annual_revenue_usd = 40_000_000", "[modules.california]\nbusiness_day_holidays = \"all\"");
    let findings = check(&California, &text, date(2026, 11, 29));
    let f = findings.iter().find(|f| f.rule == "california/module-options").expect("module-options fires");
    assert_eq!(f.path, "modules.california.business_day_holidays");
    assert!(f.message.contains("all"), "{}", f.message);
    assert!(findings.iter().any(|f| f.rule == "california/do-not-sell-link"));
}

#[test]
fn before_the_cpra_the_consumer_threshold_was_50_000() {
    use juris_california::applicability::consumers_threshold;
    assert_eq!(consumers_threshold(date(2022, 12, 31)), 50_000);
    assert_eq!(consumers_threshold(date(2023, 1, 1)), 100_000);
    let m = manifest(&shop(
        "annual_revenue_usd = 1_000_000\nsubjects_per_year = { \"US-CA\" = 60_000 }",
        "[modules.california]\nrevenue_percent_from_selling_or_sharing = 5",
    ));
    assert!(matches!(
        assess(&m, &juris_core::declare::options_of::<options::Options>(&m, juris_california::ID), date(2022, 6, 1)),
        Applicability::Business(_)
    ));
    assert!(matches!(
        assess(&m, &juris_core::declare::options_of::<options::Options>(&m, juris_california::ID), date(2023, 6, 1)),
        Applicability::NotMet(_)
    ));
}

#[test]
fn an_activity_with_its_own_california_market_brings_the_ccpa_in() {
    let text = "manifest = 1\n[organization]\nname = \"Shop\"\nmarkets = [\"BR\"]\nannual_revenue_usd = 40_000_000\n[[activities]]\nid = \"ads\"\nname = \"Ads\"\nuses = [\"marketing\"]\ndata_categories = [\"user.device.cookie_id\"]\ndata_subjects = [\"customer\"]\nsells_or_shares = true\nmarkets = [\"US-CA\"]\n";
    let m = manifest(text);
    assert!(matches!(
        assess(&m, &juris_core::declare::options_of::<options::Options>(&m, juris_california::ID), date(2026, 11, 29)),
        Applicability::Business(_)
    ));
    let rules = fired(&check(&California, text, date(2026, 11, 29)));
    assert!(rules.contains(&"california/do-not-sell-link".to_string()), "{rules:?}");
}

#[test]
fn a_business_with_a_website_takes_requests_through_it() {
    let text = |channels: &str| {
        format!(
            "manifest = 1\n[organization]\nname = \"Shop\"\nmarkets = [\"US-CA\"]\nannual_revenue_usd = 40_000_000\n[rights]\nchannels = [{channels}]\n[notices]\nprivacy_policy = \"https://shop.example/privacy\"\n"
        )
    };
    let findings = check(&California, &text("\"email\", \"toll-free-phone\""), date(2026, 11, 29));
    assert!(
        findings.iter().any(|f| f.rule == "california/request-methods" && f.message.contains("website")),
        "{findings:?}"
    );
    let findings = check(&California, &text("\"web-form\", \"toll-free-phone\""), date(2026, 11, 29));
    assert!(!findings.iter().any(|f| f.rule == "california/request-methods"), "{findings:?}");
}

/// People v. Sephora (2022): cookies that send identifiers to a third-party ad
/// network, with `sells_or_shares` unset, are selling or sharing.
const SEPHORA: &str = r#"manifest = 1

[organization]
name = "Beauty retailer"
markets = ["US"]
annual_revenue_usd = 5_000_000_000

[[cookies]]
name = "_adnet_id"
purpose = "advertising"
recipients = ["ad-network"]

[[recipients]]
id = "ad-network"
name = "Advertising network"
role = "third_party"
country = "US"

[consent]
"US-CA" = { mode = "opt-out" }
"#;

#[test]
fn cookies_to_an_ad_network_are_sharing_without_any_declaration() {
    let findings = check(&California, SEPHORA, date(2026, 11, 29));
    let link = findings.iter().find(|f| f.rule == "california/do-not-sell-link").expect("the opt-out link is required");
    assert_eq!(link.severity, juris_core::Severity::Error);
    assert_eq!(link.path, "notices.do_not_sell_or_share_link");
    assert!(
        link.message.contains("cookie `_adnet_id`") && link.message.contains("sharing (§1798.140(ah))"),
        "{}",
        link.message
    );
    let gpc = findings.iter().find(|f| f.rule == "california/gpc-not-honored").expect("GPC is required");
    assert_eq!(gpc.path, "consent.\"US-CA\"");
    let undeclared = findings.iter().find(|f| f.rule == "california/sale-or-sharing-undeclared").expect("warned");
    assert_eq!((undeclared.severity, undeclared.path.as_str()), (juris_core::Severity::Warning, "cookies[0]"));
}

#[test]
fn before_the_cpra_the_same_cookies_were_a_sale_and_gpc_applied_from_2020_08_14() {
    let findings = check(&California, SEPHORA, date(2021, 6, 1));
    let link = findings.iter().find(|f| f.rule == "california/do-not-sell-link").expect("fires in 2021");
    assert!(link.message.contains("which is a sale"), "{}", link.message);
    assert!(findings.iter().any(|f| f.rule == "california/gpc-not-honored"));
    let before = fired(&check(&California, SEPHORA, date(2020, 8, 13)));
    assert!(!before.contains(&"california/gpc-not-honored".to_string()), "{before:?}");
    assert!(before.contains(&"california/do-not-sell-link".to_string()), "{before:?}");
}

#[test]
fn a_declared_false_does_not_hide_a_derived_sale() {
    let text = SEPHORA.replace(
        "[[cookies]]",
        "[[activities]]\nid = \"ads\"\nname = \"Ads\"\nuses = [\"marketing.advertising.third_party.targeted\"]\ndata_categories = [\"user.device.cookie_id\"]\ndata_subjects = [\"customer\"]\nrecipients = [\"ad-network\"]\nsells_or_shares = false\n\n[[cookies]]",
    );
    let findings = check(&California, &text, date(2026, 11, 29));
    assert!(findings.iter().any(|f| f.rule == "california/do-not-sell-link"));
    let warning = findings
        .iter()
        .find(|f| f.rule == "california/sale-or-sharing-undeclared" && f.path == "activities[0].sells_or_shares")
        .expect("the contradiction is warned about");
    assert!(warning.message.contains("does not declare `sells_or_shares = true`"), "{}", warning.message);
}

#[test]
fn a_nonprofit_and_a_public_body_are_not_businesses() {
    for org in ["for_profit = false", "public_body = true", "legal_form = \"501(c)(3) nonprofit corporation\""] {
        let text = SEPHORA
            .replace("annual_revenue_usd = 5_000_000_000", &format!("annual_revenue_usd = 5_000_000_000\n{org}"));
        assert_eq!(
            fired(&check(&California, &text, date(2026, 11, 29))),
            vec!["california/thresholds-not-met".to_string()],
            "{org}"
        );
    }
}

#[test]
fn a_small_affiliate_under_common_branding_is_a_business() {
    let text = SEPHORA.replace(
        "annual_revenue_usd = 5_000_000_000",
        "annual_revenue_usd = 1_000_000\nsubjects_per_year = { \"US-CA\" = 10 }\ncontrolled_by = { name = \"Parent\", ccpa_business = true, common_branding = true, shares_personal_information = true }",
    );
    let rules = fired(&check(&California, &text, date(2026, 11, 29)));
    assert!(rules.contains(&"california/do-not-sell-link".to_string()), "{rules:?}");
    let unbranded = text.replace("common_branding = true", "common_branding = false");
    let m = manifest(&unbranded);
    let options = Options { revenue_percent_from_selling_or_sharing: Some(1.0), ..Options::default() };
    let outcome = assess(&m, &options, date(2026, 11, 29));
    assert!(
        matches!(&outcome, Applicability::NotMet(r) if r.iter().any(|r| r.contains("common branding"))),
        "{outcome:?}"
    );
}

#[test]
fn an_exemption_takes_only_matching_data_out() {
    let text = "manifest = 1\n[organization]\nname = \"Clinic\"\nmarkets = [\"US-CA\"]\nannual_revenue_usd = 40_000_000\n[[activities]]\nid = \"records\"\nname = \"Patient records\"\nuses = [\"personalize.content.profiled\"]\ndata_categories = [\"user.health_and_medical\"]\ndata_subjects = [\"patient\"]\n[[activities]]\nid = \"geo\"\nname = \"Geo\"\nuses = [\"personalize.content.profiled\"]\ndata_categories = [\"user.location.precise\"]\ndata_subjects = [\"customer\"]\nimpact_assessment = \"RA-1\"\n[[modules.california.exempt_activities]]\nactivity = \"records\"\nexemption = \"hipaa\"\n[[modules.california.exempt_activities]]\nactivity = \"geo\"\nexemption = \"hipaa\"\n";
    let findings = check(&California, text, date(2026, 11, 29));
    let limit = findings.iter().find(|f| f.rule == "california/sensitive-limit-link").expect("geo is not exempt");
    assert!(limit.message.contains("`geo`") && !limit.message.contains("`records`"), "{}", limit.message);
    let refused = findings.iter().find(|f| f.path == "modules.california.exempt_activities[1]").expect("refused claim");
    assert_eq!(refused.severity, juris_core::Severity::Warning);
}
