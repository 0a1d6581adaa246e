use juris_core::jiff::civil::date;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::selling::Source;

/// `california/minor-sale-opt-in`
pub static RULE: Rule = Rule {
    id: "california/minor-sale-opt-in",
    title: "Personal information of consumers under 16 sold or shared without opt-in",
    citation: "Civ. Code §1798.120(c); 11 CCR §§7070-7072",
    severity: Severity::Error,
    in_force: InForce::from(date(2020, 1, 1)),
    docs: r#"
## What it does
When the CCPA applies, finds activities and cookies that sell or share
Californians' personal information (derived from the facts as described for
`california/do-not-sell-link`, or declared) and either process children's data
(`user.childrens`) or belong to a business that knows some of its consumers
are under 16 (`organization.children.actual_knowledge = true`, or
`[modules.california.minors] actual_knowledge_under_16 = true`). It
then requires both `opt_in_13_to_15 = true` (consumers aged 13 to 15 opt in)
and `parental_authorization_under_13 = true` (a parent or guardian authorises
for children under 13) in `[modules.california.minors]`.

## Why
A business may not sell or share the personal information of a consumer it
knows, or wilfully disregards, to be under 16 unless the consumer, if 13 to 15,
or a parent or guardian, if under 13, has affirmatively authorised it (Civ.
Code §1798.120(c)); 11 CCR §§7070-7072 set how the authorisation is obtained
and verified. Violations involving minors carry the higher administrative
fine (§1798.155).

## Example
```toml
[[activities]]
id = "kids-ads"
data_categories = ["user.childrens", "user.device.cookie_id"]
sells_or_shares = true
```

## How to fix
Obtain the opt-in before any sale or sharing, record it in
`[modules.california.minors]` (`opt_in_13_to_15 = true`,
`parental_authorization_under_13 = true`), or stop selling and sharing minors'
data.

## Fines
Administrative fines are higher for intentional violations and violations
involving consumers under 16 (§1798.155(a)): $7,988 per violation as adjusted
by the CPPA from 2025-01-01
(<https://cppa.ca.gov/announcements/2024/20241217.html>).
"#,
    check,
    fails: include_str!("fixtures/minor_sale_opt_in.fail.toml"),
    passes: include_str!("fixtures/minor_sale_opt_in.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let Some(options) = super::ccpa(ctx) else { return Vec::new() };
    let m = &ctx.manifest;
    let minors = options.minors.clone().unwrap_or_default();
    let knowledge =
        minors.actual_knowledge_under_16 || m.organization.children.as_ref().is_some_and(|c| c.actual_knowledge);
    let mut missing = Vec::new();
    if !minors.opt_in_13_to_15 {
        missing.push("the opt-in of consumers aged 13 to 15");
    }
    if !minors.parental_authorization_under_13 {
        missing.push("a parent's or guardian's authorisation for children under 13");
    }
    if missing.is_empty() {
        return Vec::new();
    }
    let found = crate::applicability::sales_in(ctx);
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for s in found.iter() {
        if !seen.insert(s.source) {
            continue;
        }
        let (name, children) = match s.source {
            Source::Activity(i) => match m.activities.get(i) {
                Some(a) => {
                    (format!("activity `{}`", a.id), a.data_categories.iter().any(|c| c.is_within("user.childrens")))
                }
                None => continue,
            },
            Source::Cookie(i) => match m.cookies.get(i) {
                Some(c) => (format!("cookie `{}`", c.name), false),
                None => continue,
            },
        };
        if !children && !knowledge {
            continue;
        }
        out.push(
            Violation::new(
                s.path(),
                format!("{name} sells or shares the personal information of minors without {}", missing.join(" or ")),
            )
            .help("obtain the affirmative authorisation first and set `opt_in_13_to_15 = true` and `parental_authorization_under_13 = true` in `[modules.california.minors]`, or stop selling or sharing"),
        );
    }
    out
}
