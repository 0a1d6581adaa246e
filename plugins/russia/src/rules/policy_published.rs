use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::law::{self, FZ261_IN_FORCE};

/// `russia/policy-published`
pub static RULE: Rule = Rule {
    id: "russia/policy-published",
    title: "Personal-data processing policy not published",
    citation: "152-FZ Art. 18.1(2), added by 261-FZ of 25.07.2011 (from 2011-07-27)",
    severity: Severity::Error,
    in_force: InForce::from(FZ261_IN_FORCE),
    docs: r#"
## What it does
When an activity is within 152-FZ (every activity of an operator established
in Russia; otherwise those whose markets include Russia) and `notices.privacy_policy` is not set (or
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
Art. 18.1 was added by Federal Law No. 261-FZ of 25.07.2011, in force on its
official publication on 2011-07-27 (Goltsblat BLP, bclplaw.ru/en/actual/legal/62342);
the rule is silent before that day. The manifest cannot say whether the
policy is linked from every collecting page or covers the protection
requirements; check both by hand.

## Fines
KoAP RF Art. 13.11(3) (failure to publish or give access to the policy):
legal entities RUB 30-60 thousand, the band set by Federal Law No. 19-FZ of
24.02.2021; whether 420-FZ of 30.11.2024 changed it was not confirmed in the
summaries of that law read (elcode.ru, 09.06.2025; garant.ru/news/1816746).
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
