use juris_core::jiff::civil::date;
use juris_core::manifest::ConsentScope;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Manifest, Rule, Severity};

/// `california/choice-symmetry`
pub static RULE: Rule = Rule {
    id: "california/choice-symmetry",
    title: "The cookie banner makes opting out harder than accepting, or ignores the refusal",
    citation: "Civ. Code §§1798.120, 1798.140(l); 11 CCR §§7004(a)(2), (b), 7026(f)",
    severity: Severity::Error,
    in_force: InForce::from(date(2023, 3, 29)),
    docs: r#"
## What it does
When the CCPA applies and the business sells or shares personal information
(derived or declared), reads the `banner` of the consent policy for US-CA and
reports: `equal_prominence = false` (refusing is less prominent, or takes more
clicks, than accepting), `reject_on_first_layer = false` (accepting is offered
where refusing is not), and `non_essential_after_reject = true` (advertising
cookies still run after the consumer refuses). A banner the manifest says
nothing about is not judged.

## Why
Methods for submitting requests and obtaining consent must be symmetrical:
the path for a more privacy-protective option may not be longer or harder
than the path for a less protective one, so "Accept All" with no equally easy
"Decline All" is not symmetrical (11 CCR §7004(a)(2), operative 2023-03-29).
Choice architecture that does not meet §7004(a) is a dark pattern, and
agreement obtained through it is not consent (§7004(b); Civ. Code
§1798.140(h), (l)). An opt-out that does not stop the sale or sharing breaks
§1798.120 and §7026(f).

## Example
```toml
[consent."US-CA"]
mode = "opt-out"
honors_gpc = true
banner = { equal_prominence = false }
```

## How to fix
Give refusing the same prominence and number of steps as accepting, on the
first layer, and stop every selling or sharing cookie once the consumer
refuses; then state it: `banner = { equal_prominence = true,
reject_on_first_layer = true, non_essential_after_reject = false }`.

## Enforcement
In re American Honda Motor Co. (CPPA, 2025-03-07): the cookie tool let
consumers accept all cookies in one click but required more steps to refuse:
<https://cppa.ca.gov/announcements/2025/20250312.html>. In re Todd Snyder,
Inc. (CPPA, 2025-05): the banner's opt-out did not work for 40 days.
"#,
    check,
    fails: include_str!("fixtures/choice_symmetry.fail.toml"),
    passes: include_str!("fixtures/choice_symmetry.pass.toml"),
};

/// The path of the consent entry that applies to California.
fn consent_path(m: &Manifest) -> String {
    let ca = crate::us_ca();
    m.consent
        .keys()
        .filter(|s| match s {
            ConsentScope::In(j) => j.covers(&ca),
            ConsentScope::Default => true,
        })
        .max_by_key(|s| match s {
            ConsentScope::In(j) => juris_core::manifest::specificity(j) + 1,
            ConsentScope::Default => 0,
        })
        .map_or_else(|| "consent".to_string(), |scope| format!("consent.\"{scope}\""))
}

fn check(ctx: &CheckContext) -> Vec<Violation> {
    if super::ccpa(ctx).is_none() {
        return Vec::new();
    }
    let m = &ctx.manifest;
    let ca = crate::us_ca();
    let Some(banner) = m.consent_for(&ca).and_then(|p| p.banner.as_ref()) else { return Vec::new() };
    if crate::applicability::sales_in(ctx).is_empty() {
        return Vec::new();
    }
    let path = format!("{}.banner", consent_path(m));
    let mut out = Vec::new();
    if banner.equal_prominence == Some(false) {
        out.push(
            Violation::new(
                format!("{path}.equal_prominence"),
                "refusing the sale or sharing of personal information is less prominent, or takes more steps, than accepting it (11 CCR §7004(a)(2))",
            )
            .help("give the refusal the same size, look and number of steps as the acceptance and set `equal_prominence = true`"),
        );
    }
    if banner.reject_on_first_layer == Some(false) {
        out.push(
            Violation::new(
                format!("{path}.reject_on_first_layer"),
                "the banner offers accepting on its first layer but not refusing, so the choice is not symmetrical (11 CCR §7004(a)(2))",
            )
            .help("offer a \"Decline All\" (or \"Do Not Sell or Share\") choice beside \"Accept All\" and set `reject_on_first_layer = true`"),
        );
    }
    if banner.non_essential_after_reject == Some(true) {
        out.push(
            Violation::new(
                format!("{path}.non_essential_after_reject"),
                "cookies that sell or share personal information still run after the consumer opts out (Civ. Code §1798.120; 11 CCR §7026(f))",
            )
            .help("stop every selling or sharing cookie and tag once the consumer opts out and set `non_essential_after_reject = false`"),
        );
    }
    out
}
