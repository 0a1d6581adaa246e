use juris_core::jiff::civil::date;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// Fideslang data categories that reveal sensitive personal information under
/// Civ. Code §1798.140(ae).
pub const SENSITIVE: &[&str] = &[
    "user.government_id.drivers_license_number",
    "user.government_id.national_identification_number",
    "user.government_id.passport_number",
    "user.government_id.immigration",
    "user.authorization.credentials",
    "user.authorization.password",
    "user.authorization.biometric",
    "user.financial.bank_account",
    "user.financial.credit_card",
    "user.location.precise",
    "user.demographic.race_ethnicity",
    "user.demographic.religious_belief",
    "user.demographic.sexual_orientation",
    "user.content.private",
    "user.biometric",
    "user.health_and_medical",
];

/// `california/sensitive-limit-link`
pub static RULE: Rule = Rule {
    id: "california/sensitive-limit-link",
    title: "Sensitive personal information used beyond permitted purposes without a \"Limit the Use\" link",
    citation: "Civ. Code §§1798.121(a), 1798.135(a)(2); 11 CCR §§7014, 7027(m)",
    severity: Severity::Error,
    in_force: InForce::from(date(2023, 1, 1)),
    docs: r#"
## What it does
When the CCPA applies, finds activities that touch California, process
sensitive personal information and either have a use outside `essential`
(e.g. marketing, personalisation, analytics, AI training) or sell or share the
data (`sells_or_shares = true`, never a permitted purpose), and flags the manifest
when the site shows neither the "Limit the Use of My Sensitive Personal
Information" link (`notices.limit_use_link`) nor the Alternative Opt-out Link
(`alternative_opt_out_link` in `[modules.california]`).

Sensitive personal information (§1798.140(ae)) is matched on these fideslang
categories: government identifiers (driver's licence, national identification
and passport numbers, immigration status), log-in credentials and passwords,
bank accounts and card numbers, precise geolocation, racial or ethnic origin,
religious beliefs, sexual orientation, private communications, biometric,
health and genetic data, and, unless switched off, `user.childrens`.

## Why
Consumers may direct a business to limit its use of their sensitive personal
information to what is necessary to perform the services or provide the goods
they expect, and the other purposes of 11 CCR §7027(m) (Civ. Code
§1798.121(a)). A business that uses or discloses it for other purposes must
show a "Limit the Use of My Sensitive Personal Information" link
(§1798.135(a)(2); 11 CCR §7014) or the Alternative Opt-out Link (§7015).

## Example
```toml
[[activities]]
id = "store-finder"
uses = ["personalize.content.profiled"]
data_categories = ["user.location.precise"]

[notices]
limit_use_link = false
```

## How to fix
Show the link and set `limit_use_link = true` in `[notices]` (or
`alternative_opt_out_link = true` in `[modules.california]`), or restrict the
activity's uses to the permitted purposes.

## Uncertainty
The permitted purposes of 11 CCR §7027(m) (providing the goods or services,
security and integrity, fraud prevention, short-term transient use, services
on the business's behalf, quality and safety) are approximated by the
fideslang `essential` uses; any other use counts as beyond them, the
conservative reading. Whether the 2025 regulations made personal information
of consumers under 16 sensitive is UNVERIFIED (fact sheet W12): it is treated
as sensitive by default, with findings on that ground alone at warning level;
`minors_data_is_sensitive = false` in `[modules.california]` turns this off.
"#,
    check,
    fails: include_str!("fixtures/sensitive_limit_link.fail.toml"),
    passes: include_str!("fixtures/sensitive_limit_link.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let Some(options) = super::ccpa(ctx) else { return Vec::new() };
    let m = &ctx.manifest;
    if m.notices.limit_use_link || options.alternative_opt_out_link {
        return Vec::new();
    }
    let ca = crate::us_ca();
    let mut activities = Vec::new();
    let mut certain = false;
    for a in &m.activities {
        // Selling or sharing is never one of the permitted purposes of
        // 11 CCR §7027(m), whatever the activity's declared uses.
        let beyond = a.sells_or_shares || a.uses.iter().any(|u| !u.is_within("essential"));
        if !m.activity_touches(a, &ca) || !beyond {
            continue;
        }
        let listed = a.data_categories.iter().any(|c| SENSITIVE.iter().any(|s| c.is_within(s)));
        let minors = options.minors_sensitive() && a.data_categories.iter().any(|c| c.is_within("user.childrens"));
        if listed || minors {
            certain |= listed;
            activities.push(format!("`{}`", a.id));
        }
    }
    if activities.is_empty() {
        return Vec::new();
    }
    let violation = Violation::new(
        "notices.limit_use_link",
        format!(
            "sensitive personal information of Californians is used beyond the permitted purposes (activities {}) but no \"Limit the Use of My Sensitive Personal Information\" link is shown",
            activities.join(", ")
        ),
    )
    .help("show the link and set `limit_use_link = true` in `[notices]`, or limit the activities to `essential` uses");
    vec![if certain { violation } else { violation.severity(Severity::Warning) }]
}
