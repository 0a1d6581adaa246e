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
Flags a manifest in which an activity that touches California sells or shares
personal information (`sells_or_shares = true`) while the site shows neither
the "Do Not Sell or Share My Personal Information" link
(`notices.do_not_sell_or_share_link`) nor the single "Your Privacy Choices"
Alternative Opt-out Link (`alternative_opt_out_link` in `[modules.california]`).
It runs only when the CCPA applies (see `california/thresholds-not-met`).

## Why
A business that sells personal information, or shares it for cross-context
behavioural advertising, must give consumers a clear and conspicuous link on
its homepage titled "Do Not Sell or Share My Personal Information" (Civ. Code
§1798.135(a)(1); 11 CCR §7013), or the Alternative Opt-out Link of §7015.

## Example
```toml
[[activities]]
id = "interest-ads"
sells_or_shares = true

[notices]
do_not_sell_or_share_link = false
```

## How to fix
Show the link on the homepage and every page that collects personal
information, and set `do_not_sell_or_share_link = true` in `[notices]`; or show
the Alternative Opt-out Link and set `alternative_opt_out_link = true` in
`[modules.california]`; or stop selling and sharing.

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
    let selling: Vec<&str> = m
        .activities
        .iter()
        .filter(|a| a.sells_or_shares && m.activity_touches(a, &crate::us_ca()))
        .map(|a| a.id.as_str())
        .collect();
    if selling.is_empty() {
        return Vec::new();
    }
    vec![
        Violation::new(
            "notices.do_not_sell_or_share_link",
            format!(
                "personal information of Californians is sold or shared (activities {}) but no \"Do Not Sell or Share My Personal Information\" link is shown",
                selling.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", ")
            ),
        )
        .help("show the link on the homepage and set `do_not_sell_or_share_link = true` in `[notices]`, or set `alternative_opt_out_link = true` in `[modules.california]` if the \"Your Privacy Choices\" link is shown instead"),
    ]
}
