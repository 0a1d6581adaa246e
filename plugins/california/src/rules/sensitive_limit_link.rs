use juris_core::jiff::civil::date;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::sensitive;

/// `california/sensitive-limit-link`
pub static RULE: Rule = Rule {
    id: "california/sensitive-limit-link",
    title: "Sensitive personal information used beyond permitted purposes without a \"Limit the Use\" link",
    citation: "Civ. Code §§1798.121(a), 1798.135(a)(2), 1798.140(ae); 11 CCR §§7001, 7014, 7027(m)",
    severity: Severity::Error,
    in_force: InForce::from(date(2023, 1, 1)),
    docs: r#"
## What it does
When the CCPA applies, finds activities that touch California, process
sensitive personal information, and use it beyond the purposes of 11 CCR
§7027(m) or sell or share it (derived or declared; never a permitted
purpose). It flags the manifest when the site shows neither the "Limit the Use
of My Sensitive Personal Information" link (`notices.limit_use_link`) nor the
Alternative Opt-out Link (`alternative_opt_out_link` in `[modules.california]`).

Sensitive personal information (§1798.140(ae)) is read on the fideslang
categories exactly: driver's licence, national identification (social
security) and passport numbers; log-in credentials and passwords; a bank
account or card number **only together with** the credentials or password in
the same activity ("in combination with any required security or access code,
password, or credentials allowing access to an account", (ae)(1)(B)); precise
geolocation; racial or ethnic origin, immigration status, religious beliefs;
private communications; genetic, biometric and health data; sexual
orientation. Political opinions and criminal history are not sensitive under
the CCPA. From 2026-01-01 the personal information of consumers the business
knows are under 16 is sensitive too (11 CCR §7001 as amended by the CPPA
regulations effective that day): `user.childrens`, or any consumer activity
when `organization.children.actual_knowledge = true`.

The permitted purposes of §7027(m) are read on the fideslang uses: `essential`
uses and `functional` services the consumer expects ((m)(1)); security
(`essential.service.security`, (m)(2)); fraud detection (`essential.fraud_detection`,
(m)(3)); non-personalised contextual advertising
(`marketing.advertising.first_party.contextual`, (m)(5)); services on the
business's behalf, such as payments, customer support and analytics
(`analytics`, `finance`, (m)(6)); maintaining and improving the service
(`*.improve`, `essential.service.upgrades`, (m)(7)); employment
administration and legal obligations. Targeted or first-party profiled
advertising, marketing communications, profiling personalisation, sales and
AI training go beyond them.

## Why
Consumers may direct a business to limit its use of their sensitive personal
information to what is necessary to perform the services or provide the goods
they expect, and the other purposes of 11 CCR §7027(m) (Civ. Code
§1798.121(a)). A business that uses or discloses it for other purposes must
show a "Limit the Use of My Sensitive Personal Information" link
(§1798.135(a)(2); 11 CCR §7014) or the Alternative Opt-out Link (§7015). The
right was added by the CPRA, operative 2023-01-01.

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
Neural data (§1798.140(ae)(1)(G), from 2025-01-01) and union membership have
no fideslang category, so the manifest cannot state them. §7027(m)(8) also
exempts sensitive data processed without the purpose of inferring
characteristics about the consumer; the manifest cannot state that purpose,
so only the uses above are read as permitted.
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
    let selling = crate::applicability::selling_activities_in(ctx);
    let mut activities = Vec::new();
    for (i, a) in crate::applicability::covered_activities(m, &options) {
        let categories = sensitive::sensitive_categories(m, &options, a, ctx.as_of);
        if categories.is_empty() {
            continue;
        }
        let beyond: Vec<String> = sensitive::uses_beyond(a).iter().map(|u| format!("`{u}`")).collect();
        let why = if selling.contains(i) {
            "sold or shared".to_string()
        } else if !beyond.is_empty() {
            format!("used for {}", beyond.join(", "))
        } else {
            continue;
        };
        activities.push(format!("activity `{}` ({}, {why})", a.id, categories.join(", ")));
    }
    if activities.is_empty() {
        return Vec::new();
    }
    vec![
        Violation::new(
            "notices.limit_use_link",
            format!(
                "sensitive personal information of Californians is used beyond the purposes of 11 CCR §7027(m) ({}) but no \"Limit the Use of My Sensitive Personal Information\" link is shown",
                activities.join("; ")
            ),
        )
        .help("show the link and set `limit_use_link = true` in `[notices]`, or limit the activities to the purposes of §7027(m)"),
    ]
}
