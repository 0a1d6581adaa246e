//! A marketplace serving the EEA, GB, US-CA, BR and RU: the California part of
//! the example manifest, with the findings it is meant to produce.

use juris_california::California;
use juris_core::jiff::civil::date;
use juris_core::module::Due;
use juris_core::{RequestKind, testing};

const MARKETPLACE: &str = r#"manifest = 1

[organization]
name = "Example Marketplace"
established = ["IE"]
markets = ["EEA", "GB", "US-CA", "BR", "RU"]
annual_revenue_usd = 180_000_000
employees = 900
subjects_per_year = { "US-CA" = 2_500_000, "BR" = 900_000, "RU" = 400_000 }

[[activities]]
id = "orders"
name = "Take and deliver orders"
uses = ["essential.service", "essential.service.payment_processing"]
data_categories = ["user.name", "user.contact.address", "user.contact.email", "user.financial.credit_card"]
data_subjects = ["customer"]
legal_basis = "contract"
recipients = ["payments", "email-vendor"]
retention = { period = "P6Y", from = "order-date", why = "tax and commercial law" }

[[activities]]
id = "interest-ads"
name = "Interest-based advertising"
uses = ["marketing.advertising.third_party.targeted"]
data_categories = ["user.device.cookie_id", "user.behavior.browsing_history"]
data_subjects = ["customer", "visitor"]
legal_basis = "consent"
recipients = ["ad-network"]
sells_or_shares = true
retention = { period = "P13M", from = "collection" }

[[activities]]
id = "nearby-pickup"
name = "Suggest nearby pickup points and local offers"
uses = ["personalize.content.profiled"]
data_categories = ["user.location.precise"]
data_subjects = ["customer"]
legal_basis = "consent"
markets = ["US-CA", "BR"]
retention = { period = "P30D", from = "collection" }

[[recipients]]
id = "payments"
name = "Payment service provider"
role = "service_provider"
country = "US"
contract = true

[[recipients]]
id = "email-vendor"
name = "Transactional e-mail service"
role = "service_provider"
country = "US"
contract = false

[[recipients]]
id = "ad-network"
name = "Advertising partners"
role = "third_party"
country = "US"
contract = true

[consent]
default = { mode = "opt-in" }
"US-CA" = { mode = "opt-out", honors_gpc = true }

[rights]
supported = ["access", "rectification", "erasure", "portability", "objection", "withdraw-consent", "opt-out-of-sale"]
channels = ["web-form", "email"]

[notices]
privacy_policy = "https://marketplace.example/privacy"
last_updated = 2025-06-30
do_not_sell_or_share_link = true

[modules.california]
opt_out_signal_status_shown = true
revenue_percent_from_selling_or_sharing = 4

[[modules.california.financial_incentives]]
name = "Marketplace Plus rewards"
notice = false

[modules.california.shine_the_light]
discloses_for_direct_marketing = true
designated_contact = "privacy@marketplace.example"
"#;

#[test]
fn the_example_has_something_to_say() {
    let findings = testing::check(&California, MARKETPLACE, date(2026, 11, 29));
    let mut fired: Vec<(&str, &str)> = findings.iter().map(|f| (f.rule.as_str(), f.path.as_str())).collect();
    fired.sort();
    assert_eq!(
        fired,
        [
            ("california/financial-incentive-notice", "modules.california.financial_incentives[0].notice"),
            ("california/privacy-policy-stale", "notices.last_updated"),
            ("california/request-methods", "rights.channels"),
            ("california/risk-assessment", "activities[1]"),
            ("california/risk-assessment", "activities[2]"),
            ("california/sensitive-limit-link", "notices.limit_use_link"),
            ("california/service-provider-contract", "recipients[1].contract"),
        ]
    );
}

#[test]
fn the_example_plans_an_opt_out() {
    let plan = testing::request(&California, "US-CA", RequestKind::OptOutOfSale, date(2026, 9, 14), Some(MARKETPLACE));
    assert_eq!(plan.obligations[0].due, Due::Date(date(2026, 10, 5)));
}
