use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::law;

/// `russia/destruction-deadline`
pub static RULE: Rule = Rule {
    id: "russia/destruction-deadline",
    title: "Data kept beyond 30 days after the purpose is achieved or consent withdrawn",
    citation: "152-FZ Art. 21(4)-(5); Art. 5(7)",
    severity: Severity::Error,
    in_force: InForce { from: None, until: None },
    docs: r#"
## What it does
For every activity touching Russia, reads `retention`. When the period runs
from an event that ends the purpose or the consent (a `from` such as
`account-closure`, `relationship-end`, `contract-end`, `consent-withdrawal`,
`consent-revocation`, `unsubscribe`, `purpose-achieved`), is longer than 30
days and `why` gives no federal law or contract requiring it, the rule
fires. An activity with no retention at
all is reported as a warning, since destruction on time cannot be shown.

## Why
When the purpose of processing is achieved the operator must stop
processing and destroy the data within 30 days (Art. 21(4)); when the
subject withdraws consent, likewise within 30 days of receiving the
withdrawal (Art. 21(5)), unless a contract with the subject or a federal law
provides otherwise, or another ground allows processing to continue
(Art. 9(2)). Data may be kept no longer than the purposes require (Art.
5(7)). Destruction is proved by an act and, for automated processing, an
extract from the event log, both kept for three years (RKN Order No. 179 of
28.10.2022).

## Example
```toml
[[activities]]
id = "orders"
retention = { period = "P2Y", from = "account-closure" }   # no reason given
```

## How to fix
Destroy the data within 30 days of the end of the purpose
(`retention = { period = "P30D", from = "account-closure" }`), or name the
federal law or contract that requires keeping it:

```toml
retention = { period = "P5Y", from = "account-closure", why = "Federal Law No. 402-FZ on accounting, Art. 29" }
```

## Uncertainty
The rule decides whether a period starts when the purpose ends from the
words of `from`; a period counted from collection is taken to cover the
purpose itself and is not flagged. Any `why` is accepted as naming a law or
contract. The six-month blocking period of Art. 21(6) for data that cannot
be destroyed on time is unverified in the fact sheet (RU-DSR-10) and not
encoded.

## Fines
KoAP Art. 13.11(1) (processing incompatible with the purposes): legal
entities RUB 150-300 thousand, repeat RUB 300-500 thousand.
"#,
    check,
    fails: include_str!("fixtures/destruction_deadline.fail.toml"),
    passes: include_str!("fixtures/destruction_deadline.pass.toml"),
};

/// Words of a `from` event that mark the end of the purpose or the consent.
const END_OF_PURPOSE: &[&str] = &[
    "closure",
    "closed",
    "end",
    "ended",
    "termination",
    "terminated",
    "withdrawal",
    "withdrawn",
    "revocation",
    "revoked",
    "unsubscribe",
    "unsubscribed",
    "achieved",
    "completion",
    "completed",
    "expiry",
    "expired",
    "expiration",
    "cancellation",
    "cancelled",
];

fn ends_purpose(from: &str) -> bool {
    from.to_ascii_lowercase().split(|c: char| !c.is_ascii_alphanumeric()).any(|w| END_OF_PURPOSE.contains(&w))
}

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let mut out = Vec::new();
    for (i, activity) in law::ru_activities(m) {
        let Some(retention) = &activity.retention else {
            out.push(
                Violation::new(
                    format!("activities[{i}]"),
                    format!("activity `{}` states no retention period, so destruction within 30 days of the purpose being achieved cannot be shown", activity.id),
                )
                .help("add `retention = { period = \"P30D\", from = \"purpose-achieved\" }`, or the period a law requires with `why`")
                .severity(Severity::Warning),
            );
            continue;
        };
        let justified = retention.why.as_deref().is_some_and(|w| !w.trim().is_empty());
        if retention.period.max_days() > 30 && ends_purpose(&retention.from) && !justified {
            out.push(
                Violation::new(
                    format!("activities[{i}].retention.period"),
                    format!(
                        "activity `{}` keeps data for {} after `{}` with no federal law or contract requiring it, beyond the 30 days of Art. 21(4)-(5)",
                        activity.id, retention.period, retention.from
                    ),
                )
                .help("destroy the data within 30 days (`period = \"P30D\"`), or give the federal law or contract that requires keeping it in `why`"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::ends_purpose;

    #[test]
    fn end_of_purpose_events() {
        assert!(ends_purpose("account-closure"));
        assert!(ends_purpose("relationship-end"));
        assert!(ends_purpose("consent_withdrawal"));
        assert!(ends_purpose("consent-revocation"));
        assert!(ends_purpose("unsubscribe"));
        assert!(ends_purpose("subscription-expired"));
        assert!(!ends_purpose("collection"));
        assert!(!ends_purpose("vendor-onboarding"));
    }
}
