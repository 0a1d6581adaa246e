use juris_core::jiff::civil::{Date, date};
use juris_core::manifest::OptOutDemand;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// An account could not be required to opt out of sale from the CCPA's start
/// (§1798.135(a)(1) as enacted in 2018).
const ACCOUNT_FROM: Date = date(2020, 1, 1);
/// The Attorney General's regulations (approved 2020-08-14) made opt-out
/// requests unverifiable (former 11 CCR §999.315(h)).
const VERIFICATION_FROM: Date = date(2020, 8, 14);
/// The amendments approved on 2021-03-15 forbade opt-out processes with more
/// steps than opting in (former 11 CCR §999.315(h)(1)).
const STEPS_FROM: Date = date(2021, 3, 15);

/// `california/opt-out-friction`
pub static RULE: Rule = Rule {
    id: "california/opt-out-friction",
    title: "Opting out of sale or sharing, or limiting sensitive data, demands verification, an account, extra information or extra steps",
    citation: "Civ. Code §1798.135(a)(1), (c)(1); 11 CCR §§7004(a)(2), 7026(c)-(d), 7027(e), 7060(b)",
    severity: Severity::Error,
    in_force: InForce::from(ACCOUNT_FROM),
    docs: r#"
## What it does
When the CCPA applies, reads `rights.opt_out_requires`, what a request to opt
out of sale or sharing (or to limit the use of sensitive personal information)
demands of the consumer, and reports each demand the law forbids:
`verification` (from 2020-08-14), `account` (from 2020-01-01),
`extra-information` (from 2020-08-14) and `more-steps-than-opt-in` (from
2021-03-15).

## Why
A request to opt out, or to limit, is not a verifiable consumer request: the
business may not require the consumer to verify their identity, though it may
ask for the information needed to carry out the request (11 CCR §§7026(d),
7027(e), 7060(b); before 2023-03-29, former §999.315(h)). It may not require
an account (Civ. Code §1798.135(c)(1); §1798.135(a)(1) as enacted). Methods
for submitting requests must be easy and symmetrical: opting out may not take
more steps than opting in (11 CCR §7004(a)(2); former §999.315(h)(1)).

## Example
```toml
[rights]
opt_out_requires = ["verification", "extra-information"]
```

## How to fix
Accept opt-outs without identity verification or an account, ask only for
what identifies the consumer in your systems, and make the opt-out path no
longer than the opt-in path; then empty `opt_out_requires`.

## Enforcement
In re American Honda Motor Co. (CPPA, 2025-03-07): opt-outs required eight
data fields and identity verification:
<https://cppa.ca.gov/announcements/2025/20250312.html>. In re Todd Snyder,
Inc. (CPPA, 2025-05): opt-outs required identity verification.
"#,
    check,
    fails: include_str!("fixtures/opt_out_friction.fail.toml"),
    passes: include_str!("fixtures/opt_out_friction.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    if super::ccpa(ctx).is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for (i, demand) in ctx.manifest.rights.opt_out_requires.iter().enumerate() {
        if seen.contains(demand) {
            continue;
        }
        seen.push(*demand);
        let (from, message, cite) = match demand {
            OptOutDemand::Verification => (
                VERIFICATION_FROM,
                "requests to opt out of sale or sharing, or to limit, require identity verification, which the CCPA forbids",
                "11 CCR §§7026(d), 7027(e), 7060(b)",
            ),
            OptOutDemand::Account => (
                ACCOUNT_FROM,
                "requests to opt out of sale or sharing require an account, which the CCPA forbids",
                "Civ. Code §1798.135(c)(1)",
            ),
            OptOutDemand::ExtraInformation => (
                VERIFICATION_FROM,
                "requests to opt out of sale or sharing demand more personal information than is needed to carry them out",
                "11 CCR §§7026(d), 7027(e)",
            ),
            OptOutDemand::MoreStepsThanOptIn => (
                STEPS_FROM,
                "opting out of sale or sharing takes more steps than opting in, so the choice is not symmetrical",
                "11 CCR §7004(a)(2)",
            ),
        };
        if ctx.as_of < from {
            continue;
        }
        out.push(
            Violation::new(format!("rights.opt_out_requires[{i}]"), format!("{message} ({cite})"))
                .help("take opt-outs with no verification or account, asking only what identifies the consumer, in no more steps than opting in, and remove the entry from `opt_out_requires`"),
        );
    }
    out
}
