use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::law;

/// `russia/policy-published`
pub static RULE: Rule = Rule {
    id: "russia/policy-published",
    title: "Personal-data processing policy not published",
    citation: "152-FZ Art. 18.1(2)",
    severity: Severity::Error,
    in_force: InForce { from: None, until: None },
    docs: r#"
## What it does
When an activity touches Russia and `notices.privacy_policy` is not set (or
is blank), reports that the operator's personal-data processing policy is not
published.

## Why
The operator must publish, or otherwise give unrestricted access to, the
document setting out its policy on processing personal data and the
requirements for protecting it that it has implemented. An operator that
collects data through an information and telecommunications network (a
website or an app) must publish them in that network, on the pages through
which it collects data, and make them accessible there (Art. 18.1(2)). The
policy is one of the measures of Art. 18.1(1).

## Example
```toml
[notices]
# no privacy_policy
```

## How to fix
Publish the policy, including the implemented protection requirements, on
the pages that collect data from people in Russia, and record where it is:

```toml
[notices]
privacy_policy = "https://example.com/ru/privacy"
```

## Uncertainty
Art. 18.1 was added by Federal Law No. 261-FZ of 25.07.2011; the date it took
effect is not in the fact sheet, so the rule has no start date. The manifest
cannot say whether the policy is linked from every collecting page or
covers the protection requirements; check both by hand.

## Fines
KoAP Art. 13.11(3) is the part usually cited for not publishing the policy;
its band is not in the fact sheet. The general band of Art. 13.11(1) is RUB
150-300 thousand for legal entities.
"#,
    check,
    fails: include_str!("fixtures/policy_published.fail.toml"),
    passes: include_str!("fixtures/policy_published.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let published = m.notices.privacy_policy.as_deref().is_some_and(|p| !p.trim().is_empty());
    if published || law::ru_activities(m).next().is_none() {
        return Vec::new();
    }
    vec![
        Violation::new("notices", "the personal-data processing policy is not published for people in Russia")
            .help("publish the policy and the implemented protection requirements on the pages that collect data, and set `privacy_policy` under `[notices]`"),
    ]
}
