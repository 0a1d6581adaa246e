use juris_core::jiff::civil::date;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `california/do-not-sell-link`
pub static RULE: Rule = Rule {
    id: "california/do-not-sell-link",
    title: "Personal information sold or shared without a \"Do Not Sell or Share\" link",
    citation: "Civ. Code §1798.135(a)(1); 11 CCR §§7013, 7015",
    severity: Severity::Error,
    in_force: InForce::from(date(2020, 1, 1)),
    docs: r#"
## What it does
Flags a manifest that sells or shares Californians' personal information while
the site shows neither the "Do Not Sell or Share My Personal Information" link
(`notices.do_not_sell_or_share_link`) nor the single "Your Privacy Choices"
Alternative Opt-out Link (`alternative_opt_out_link` in `[modules.california]`).
It runs only when the CCPA applies (see `california/thresholds-not-met`).

Selling and sharing are derived from the facts, whether or not an activity
says `sells_or_shares = true`:
- a **sale** (Civ. Code §1798.140(ad)) is a disclosure to a recipient whose
  `role` is `third_party` or `controller` (or a vendor with no contract) for
  `consideration = "monetary"` or `"other-valuable"`;
- **sharing** (§1798.140(ah)) is a disclosure for cross-context behavioural
  advertising: a recipient whose `purposes` (or, when it states none, the
  activity's `uses`) include `marketing.advertising.third_party` or
  `marketing.advertising.profiling`, or a cookie with `purpose = "advertising"`
  whose `recipients` read it, whether or not money changes hands. A service
  provider engaged for it is a third party for it (§1798.140(e)(6);
  11 CCR §7050(b)). Before 2023-01-01, when "sharing" entered the law, such a
  disclosure is a sale unless the manifest says `consideration = "none"`: the
  Attorney General so held in People v. Sephora (2022), where the business
  received analytics and targeted advertising for its customers' data.

## Why
A business that sells personal information, or shares it for cross-context
behavioural advertising, must give consumers a clear and conspicuous link on
its homepage titled "Do Not Sell or Share My Personal Information" (Civ. Code
§1798.135(a)(1); 11 CCR §7013), or the Alternative Opt-out Link of §7015.

## Example
```toml
[[cookies]]
name = "_adnet_id"
purpose = "advertising"
recipients = ["ad-network"]      # a third-party ad network: sharing

[notices]
do_not_sell_or_share_link = false
```

## How to fix
Show the link on the homepage and every page that collects personal
information, and set `do_not_sell_or_share_link = true` in `[notices]`; or show
the Alternative Opt-out Link and set `alternative_opt_out_link = true` in
`[modules.california]`; or stop selling and sharing.

## Enforcement
People v. Sephora USA, Inc. (Attorney General, settlement of 2022-08-24,
$1.2 million): third-party trackers on the site received customers' browsing
data in exchange for analytics and advertising, which was a sale, and the site
had no "Do Not Sell" link:
<https://oag.ca.gov/news/press-releases/attorney-general-bonta-announces-settlement-sephora-part-ongoing-enforcement>.

## Uncertainty
Civ. Code §1798.135(b) lets a business that honours opt-out preference signals
in the frictionless manner of 11 CCR §7025(f) dispense with the link. The
manifest cannot show that the frictionless conditions are met, so the rule
keeps asking for the link (the conservative reading).
"#,
    check,
    fails: include_str!("fixtures/do_not_sell_link.fail.toml"),
    passes: include_str!("fixtures/do_not_sell_link.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let Some(options) = super::ccpa(ctx) else { return Vec::new() };
    let m = &ctx.manifest;
    if m.notices.do_not_sell_or_share_link || options.alternative_opt_out_link {
        return Vec::new();
    }
    let found = crate::applicability::sales_in(ctx);
    if found.is_empty() {
        return Vec::new();
    }
    vec![
        Violation::new(
            "notices.do_not_sell_or_share_link",
            format!(
                "personal information of Californians is sold or shared ({}) but no \"Do Not Sell or Share My Personal Information\" link is shown",
                crate::selling::reasons(&found)
            ),
        )
        .help("show the link on the homepage and set `do_not_sell_or_share_link = true` in `[notices]`, or set `alternative_opt_out_link = true` in `[modules.california]` if the \"Your Privacy Choices\" link is shown instead"),
    ]
}
