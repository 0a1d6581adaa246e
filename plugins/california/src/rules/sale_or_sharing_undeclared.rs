use juris_core::jiff::civil::date;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::selling::Source;

/// `california/sale-or-sharing-undeclared`
pub static RULE: Rule = Rule {
    id: "california/sale-or-sharing-undeclared",
    title: "The facts show a sale or sharing that `sells_or_shares` does not declare",
    citation: "Civ. Code §1798.140(ad), (ah), (k); 11 CCR §7050(b)",
    severity: Severity::Warning,
    in_force: InForce::from(date(2020, 1, 1)),
    docs: r#"
## What it does
When the CCPA applies, compares what the manifest declares with what its
facts show. An activity whose recipients, purposes and consideration make a
disclosure a sale (§1798.140(ad)) or sharing (§1798.140(ah)), while the
activity does not say `sells_or_shares = true`, gets a warning naming the
recipient and the reason; so does a cookie that shares or sells an identifier
when no activity declares any selling or sharing. The other rules
(`california/do-not-sell-link`, `california/gpc-not-honored`,
`california/minor-sale-opt-in`, `california/service-provider-contract`) apply
the derived conclusion whatever the flag says.

## Why
Whether personal information is sold or shared is a legal conclusion drawn
from facts: a disclosure to a third party for money or other valuable
consideration is a sale, and a disclosure to a third party for cross-context
behavioural advertising is sharing, whether or not money changes hands. A
service provider or contractor engaged for cross-context behavioural
advertising is a third party for it (§1798.140(e)(6); 11 CCR §7050(b)). A
declaration that contradicts the facts misstates the privacy policy's
disclosures (§1798.130(a)(5)(C); 11 CCR §7011(e)(1)).

## Example
```toml
[[activities]]
id = "retargeting"
uses = ["marketing.advertising.third_party.targeted"]
recipients = ["ad-network"]     # sells_or_shares not set

[[recipients]]
id = "ad-network"
role = "third_party"
```

## How to fix
Set `sells_or_shares = true` on the activity and disclose the sale or sharing
in the privacy policy; or change the facts, e.g. stop disclosing to the
third party for advertising.

## Enforcement
People v. Sephora USA, Inc. (2022-08-24): the business said it did not sell
personal information while third-party trackers received it for analytics and
advertising:
<https://oag.ca.gov/news/press-releases/attorney-general-bonta-announces-settlement-sephora-part-ongoing-enforcement>.
"#,
    check,
    fails: include_str!("fixtures/sale_or_sharing_undeclared.fail.toml"),
    passes: include_str!("fixtures/sale_or_sharing_undeclared.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    if super::ccpa(ctx).is_none() {
        return Vec::new();
    }
    let m = &ctx.manifest;
    let found = crate::applicability::sales_in(ctx);
    let any_declared = m.activities.iter().any(|a| a.sells_or_shares);
    let mut out = Vec::new();
    for s in found.iter().filter(|s| s.derived()) {
        match s.source {
            Source::Activity(i) => {
                let Some(a) = m.activities.get(i) else { continue };
                if a.sells_or_shares {
                    continue;
                }
                out.push(
                    Violation::new(
                        format!("activities[{i}].sells_or_shares"),
                        format!("{}, but the activity does not declare `sells_or_shares = true`", s.reason),
                    )
                    .help("set `sells_or_shares = true` and disclose the sale or sharing in the privacy policy, or stop the disclosure"),
                );
            }
            Source::Cookie(_) if !any_declared => {
                out.push(
                    Violation::new(s.path(), format!("{}, but no activity declares `sells_or_shares = true`", s.reason))
                        .help("declare the advertising activity with `sells_or_shares = true` and disclose it in the privacy policy"),
                );
            }
            Source::Cookie(_) => {}
        }
    }
    out
}
