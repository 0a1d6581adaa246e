use juris_core::jiff::civil::{Date, date};
use juris_core::manifest::ConsentScope;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Manifest, Rule, Severity};

/// The day the duty to show whether a signal was processed applies (11 CCR
/// §7025(c)(6), 2025 amendments).
const STATUS_DISPLAY_FROM: Date = date(2026, 1, 1);

/// The day the Attorney General's original CCPA regulations, approved by the
/// Office of Administrative Law on 2020-08-14 with immediate effect, required
/// businesses to treat user-enabled global privacy controls as a valid request
/// to opt out of sale (former 11 CCR §999.315(c)).
pub const GPC_FROM: Date = date(2020, 8, 14);

/// `california/gpc-not-honored`
pub static RULE: Rule = Rule {
    id: "california/gpc-not-honored",
    title: "Opt-out preference signals (Global Privacy Control) not honoured",
    citation: "Civ. Code §§1798.120, 1798.135(b)(1), (e); 11 CCR §7025(b), (c)(6); former 11 CCR §999.315(c)",
    severity: Severity::Error,
    in_force: InForce::from(GPC_FROM),
    docs: r#"
## What it does
When the business sells or shares Californians' personal information (derived
from recipients, purposes, consideration and cookies as described for
`california/do-not-sell-link`, or declared with `sells_or_shares = true`),
checks the consent policy that applies to US-CA (`[consent]`, the
`"US-CA"` entry or the one covering it): it must say `honors_gpc = true`. From
2026-01-01 it also checks that the site shows whether it processed the signal
(`opt_out_signal_status_shown = true` in `[modules.california]`). It runs only
when the CCPA applies.

## Why
From 2020-08-14, a business that collects personal information online had to
treat user-enabled global privacy controls as a valid request to opt out of
sale (former 11 CCR §999.315(c), the Attorney General's regulations approved
that day); the CPPA's regulations carried the duty over from 2023-03-29. A
business that sells or shares personal information must process an opt-out
preference signal, such as Global Privacy Control, as a valid request to opt
out of sale and sharing, for the browser or device and any profile associated
with it, without asking for more information (Civ. Code §1798.135(b)(1), (e);
11 CCR §7025(b)-(c)). Since the 2025 amendments to the regulations, in force
on 2026-01-01, the business must also display whether it has processed the
signal, e.g. "Opt-Out Request Honored" (§7025(c)(6)). A cookie banner alone is
not an acceptable opt-out method (§7026(a)(4)).

## Example
```toml
[consent]
"US-CA" = { mode = "opt-out" }   # honors_gpc missing
```

## How to fix
Honour the signal and say so: `"US-CA" = { mode = "opt-out", honors_gpc = true }`;
show the processing status on the site and set `opt_out_signal_status_shown = true`
in `[modules.california]`.

## Enforcement
People v. Sephora USA, Inc. (Attorney General, 2022-08-24): the site ignored
Global Privacy Control signals while selling data through third-party
trackers:
<https://oag.ca.gov/news/press-releases/attorney-general-bonta-announces-settlement-sephora-part-ongoing-enforcement>.
In re Tractor Supply Co. (CPPA, 2025-09, $1.35 million) again found signals
not honoured.
"#,
    check,
    fails: include_str!("fixtures/gpc_not_honored.fail.toml"),
    passes: include_str!("fixtures/gpc_not_honored.pass.toml"),
};

/// The path of the consent entry that applies to California.
fn consent_path(m: &Manifest) -> String {
    let ca = crate::us_ca();
    let scope = m
        .consent
        .keys()
        .filter(|s| match s {
            ConsentScope::In(j) => j.covers(&ca),
            ConsentScope::Default => true,
        })
        .max_by_key(|s| match s {
            ConsentScope::In(j) => juris_core::manifest::specificity(j) + 1,
            ConsentScope::Default => 0,
        });
    match scope {
        Some(scope) => format!("consent.\"{scope}\""),
        None => "consent".to_string(),
    }
}

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let Some(options) = super::ccpa(ctx) else { return Vec::new() };
    let m = &ctx.manifest;
    let ca = crate::us_ca();
    if crate::applicability::sales_in(ctx).is_empty() {
        return Vec::new();
    }
    let path = consent_path(m);
    let violation = match m.consent_for(&ca).and_then(|p| p.honors_gpc) {
        Some(true) if ctx.as_of >= STATUS_DISPLAY_FROM && !options.opt_out_signal_status_shown => {
            return vec![
                Violation::new(
                    "modules.california.opt_out_signal_status_shown",
                    "the site does not show whether it processed the consumer's opt-out preference signal, required from 2026-01-01",
                )
                .help("display e.g. \"Opt-Out Request Honored\" when a signal is processed and set `opt_out_signal_status_shown = true` in `[modules.california]`"),
            ];
        }
        Some(true) => return Vec::new(),
        Some(false) => Violation::new(
            format!("{path}.honors_gpc"),
            "opt-out preference signals such as Global Privacy Control are not honoured for California",
        ),
        None if path == "consent" => Violation::new(
            path,
            "no consent policy for California says that opt-out preference signals such as Global Privacy Control are honoured",
        ),
        None => Violation::new(
            path,
            "the consent policy for California does not say that opt-out preference signals such as Global Privacy Control are honoured",
        ),
    };
    vec![violation.help(
        "process the signal as an opt-out of sale and sharing and set `\"US-CA\" = { mode = \"opt-out\", honors_gpc = true }` in `[consent]`",
    )]
}
