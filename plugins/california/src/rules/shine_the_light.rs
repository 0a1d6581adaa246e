use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `california/shine-the-light`
pub static RULE: Rule = Rule {
    id: "california/shine-the-light",
    title: "Disclosure to third parties for direct marketing without a designated request channel",
    citation: "Civ. Code §1798.83(a), (b), (c)",
    severity: Severity::Error,
    in_force: InForce::from(crate::deadlines::SHINE_THE_LIGHT_OPERATIVE),
    docs: r#"
## What it does
For an organisation that serves California and has 20 or more employees (or
does not say how many), checks `[modules.california.shine_the_light]`: when
`discloses_for_direct_marketing = true`, it must give a `designated_contact`
for requests, or keep the opt-out policy of §1798.83(c)(2)
(`opt_out_policy = true`). Shine the Light applies whether or not the
organisation is a CCPA business.

## Why
A business that has disclosed a customer's personal information to third
parties for their direct marketing in the preceding calendar year must, on
request, say which categories it disclosed and to whom (Civ. Code
§1798.83(a)). It must designate a mailing address, e-mail address, web page,
or toll-free telephone or fax number for these requests and tell its
employees, or publish it, e.g. under "Your California Privacy Rights"
(§1798.83(b)); requests there are answered within 30 days. A business that
lets customers opt out (or in) of such disclosures free of charge may instead
say so (§1798.83(c)(2)). Businesses with fewer than 20 employees are exempt
(§1798.83(c)(1)).

## Example
```toml
[modules.california.shine_the_light]
discloses_for_direct_marketing = true
# no designated_contact
```

## How to fix
Designate a channel and publish it: `designated_contact = "privacy@shop.example"`;
or adopt the opt-out policy and set `opt_out_policy = true`.

## Uncertainty
The in-force date is the statute's operative date, 2005-01-01 (SB 27, Stats.
2003 ch. 1012).
"#,
    check,
    fails: include_str!("fixtures/shine_the_light.fail.toml"),
    passes: include_str!("fixtures/shine_the_light.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    if !crate::applicability::in_california(m) || m.organization.employees.is_some_and(|n| n < 20) {
        return Vec::new();
    }
    let options = ctx.options::<crate::options::Options>();
    let Some(stl) = &options.shine_the_light else { return Vec::new() };
    if !stl.discloses_for_direct_marketing
        || stl.opt_out_policy
        || stl.designated_contact.as_deref().is_some_and(|c| !c.trim().is_empty())
    {
        return Vec::new();
    }
    vec![
        Violation::new(
            "modules.california.shine_the_light",
            "personal information is disclosed to third parties for their direct marketing but no channel is designated for Shine the Light requests",
        )
        .help("set `designated_contact = \"...\"` (an address, e-mail, web page or toll-free number published as \"Your California Privacy Rights\"), or adopt a free opt-out policy and set `opt_out_policy = true`"),
    ]
}
