use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::deadlines::ADMT_FROM;

/// `california/admt-notice-opt-out`
pub static RULE: Rule = Rule {
    id: "california/admt-notice-opt-out",
    title: "Automated decision-making technology used for significant decisions without a pre-use notice or an opt-out or appeal",
    citation: "Civ. Code §1798.185(a)(15); 11 CCR §§7200, 7220, 7221",
    severity: Severity::Error,
    in_force: InForce::from(ADMT_FROM),
    docs: r#"
## What it does
From 2027-01-01, when the CCPA applies, finds activities that touch
California and whose `automated_decision` is solely automated
(`solely_automated = true`, or no `human_review`) and has a significant effect
(`significant_effect = true`), and requires `pre_use_notice = true` and
`opt_out_or_appeal = true`. Before 2027-01-01 the rule is silent.

## Why
Automated decision-making technology (ADMT) is technology that processes
personal information and replaces, or substantially replaces, human
decision-making (11 CCR §7001). A business that uses it to make a
significant decision about a consumer (financial or lending services,
housing, education, employment, health care) must give a pre-use notice
before using it (§7220) and let the consumer opt out of it, or, under the
human-appeal exception, appeal the decision to a human reviewer with the
authority to change it (§7221). The regulations, approved by the Office of
Administrative Law on 2025-09-23, require businesses using ADMT for
significant decisions to comply from 2027-01-01 (§7200(b)):
<https://cppa.ca.gov/announcements/2025/20250923.html>.

## Example
```toml
[[activities]]
id = "credit-scoring"
automated_decision = { solely_automated = true, significant_effect = true }
```

## How to fix
Give the pre-use notice of §7220 and an opt-out (or a human appeal meeting
§7221(b)), then set `pre_use_notice = true` and `opt_out_or_appeal = true`.
"#,
    check,
    fails: include_str!("fixtures/admt_notice_opt_out.fail.toml"),
    passes: include_str!("fixtures/admt_notice_opt_out.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let Some(options) = super::ccpa(ctx) else { return Vec::new() };
    let m = &ctx.manifest;
    let mut out = Vec::new();
    for (i, a) in crate::applicability::covered_activities(m, &options) {
        let Some(d) = &a.automated_decision else { continue };
        if !d.significant_effect || (!d.solely_automated && d.human_review) {
            continue;
        }
        let mut missing = Vec::new();
        if !d.pre_use_notice {
            missing.push("a pre-use notice (11 CCR §7220)");
        }
        if !d.opt_out_or_appeal {
            missing.push("an opt-out or a human appeal (11 CCR §7221)");
        }
        if missing.is_empty() {
            continue;
        }
        out.push(
            Violation::new(
                format!("activities[{i}].automated_decision"),
                format!(
                    "activity `{}` makes significant decisions about Californians with automated decision-making technology without {}",
                    a.id,
                    missing.join(" or ")
                ),
            )
            .help("give the pre-use notice and an opt-out or human appeal, then set `pre_use_notice = true` and `opt_out_or_appeal = true`"),
        );
    }
    out
}
