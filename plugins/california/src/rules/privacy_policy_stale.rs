use juris_core::jiff::civil::date;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::time::add_months_clamped;
use juris_core::{CheckContext, Rule, Severity};

/// `california/privacy-policy-stale`
pub static RULE: Rule = Rule {
    id: "california/privacy-policy-stale",
    title: "Privacy policy missing or not updated in the last 12 months",
    citation: "Civ. Code §1798.130(a)(5); 11 CCR §7011(e)(4)",
    severity: Severity::Error,
    in_force: InForce::from(date(2020, 1, 1)),
    docs: r#"
## What it does
When the CCPA applies, flags a manifest whose `[notices]` names no privacy
policy, gives no `last_updated` date, or gives one more than 12 months before
the as-of date (the policy last updated on 2025-11-28 is stale on 2026-11-29).

## Why
A business must disclose its practices and the consumers' rights in its online
privacy policy and update that information at least once every 12 months
(Civ. Code §1798.130(a)(5)); the policy must state the date it was last
updated (11 CCR §7011(e)(4)).

## Example
```toml
[notices]
privacy_policy = "https://shop.example/privacy"
last_updated = 2022-06-21
```

## How to fix
Review the policy (the categories collected, sold, shared and disclosed in the
preceding 12 months, the rights and how to exercise them), publish it, and set
`last_updated` to the date of the review.
"#,
    check,
    fails: include_str!("fixtures/privacy_policy_stale.fail.toml"),
    passes: include_str!("fixtures/privacy_policy_stale.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    if super::ccpa(ctx).is_none() {
        return Vec::new();
    }
    let notices = &ctx.manifest.notices;
    let mut out = Vec::new();
    if notices.privacy_policy.is_none() {
        out.push(
            Violation::new("notices", "no privacy policy is published for California consumers")
                .help("publish a privacy policy and set `privacy_policy = \"<url>\"` in `[notices]`"),
        );
    }
    match notices.last_updated {
        None => out.push(
            Violation::new("notices", "the privacy policy gives no date of last update")
                .help("state the date in the policy and set `last_updated = YYYY-MM-DD` in `[notices]`"),
        ),
        Some(updated) if add_months_clamped(updated.0, 12) < ctx.as_of => out.push(
            Violation::new(
                "notices.last_updated",
                format!(
                    "the privacy policy was last updated on {}, more than 12 months before {}",
                    updated.0, ctx.as_of
                ),
            )
            .help(
                "review and update the policy at least once every 12 months, then set `last_updated` to the new date",
            ),
        ),
        Some(_) => {}
    }
    out
}
