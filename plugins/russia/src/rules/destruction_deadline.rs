use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::law::{self, FZ152_IN_FORCE, Ground};

/// `russia/destruction-deadline`
pub static RULE: Rule = Rule {
    id: "russia/destruction-deadline",
    title: "Data kept beyond 30 days after the purpose is achieved or consent withdrawn",
    citation: "152-FZ Art. 21(4)-(5); Art. 5(7)",
    severity: Severity::Error,
    in_force: InForce::from(FZ152_IN_FORCE),
    docs: r#"
## What it does
For every activity within 152-FZ (every activity of an operator established
in Russia; otherwise those whose markets include Russia), reads `retention`.
When the period runs from an event that ends the purpose or the consent (a
`from` such as `account-closure`, `relationship-end`, `contract-end`,
`consent-withdrawal`, `consent-revocation`, `unsubscribe`,
`purpose-achieved`) and is longer than 30 days, `why` must name the federal
law or the contract with the person that requires keeping the data (words
such as "Federal Law", "-FZ", "Code", "закон", "кодекс", "contract",
"agreement", "договор"); a bare reason ("analytics", "business needs") is
not enough. An activity whose ground for Russia is `legal_obligation` is
taken to keep the data for the period its law sets. An activity with no retention at
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
purpose itself and is not flagged. Whether `why` names a law or contract is
read from its words; the law it names is not checked. Art. 21(6) lets an
operator that cannot destroy data on time block it and destroy it within
six months unless a federal law sets another period; it is not encoded, as
the manifest states no such impossibility. The period of Art. 21(4) in the
text before 261-FZ of 25.07.2011 was not checked: the rule applies 30 days
from 2007-01-26.

## Fines
KoAP RF Art. 13.11(1) (processing incompatible with the purposes of
collection), as amended by 420-FZ of 30.11.2024 from 2025-05-30: legal
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

/// Words of a `why` that name a federal law or a contract (Art. 21(4)-(5):
/// "unless otherwise provided by a contract ... or a federal law").
const LAW_OR_CONTRACT: &[&str] =
    &["law", "laws", "fz", "фз", "code", "decree", "contract", "contracts", "agreement", "agreements"];

/// Stems of Russian words for the same, whatever their case ending.
const LAW_OR_CONTRACT_STEMS: &[&str] = &["закон", "кодекс", "постановлен", "договор", "соглашен"];

/// Whether a retention reason names a federal law or a contract.
fn names_law_or_contract(why: &str) -> bool {
    why.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| LAW_OR_CONTRACT.contains(&w) || LAW_OR_CONTRACT_STEMS.iter().any(|s| w.starts_with(s)))
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
        if retention.period.max_days() <= 30 || !ends_purpose(&retention.from) {
            continue;
        }
        if matches!(law::ground(m, i, activity), Some((Some(Ground::LegalObligation), _, _))) {
            continue;
        }
        match retention.why.as_deref().map(str::trim).filter(|w| !w.is_empty()) {
            Some(why) if names_law_or_contract(why) => {}
            Some(why) => out.push(
                Violation::new(
                    format!("activities[{i}].retention.why"),
                    format!(
                        "activity `{}` keeps data for {} after `{}` because \"{why}\", which names no federal law or contract; Art. 21(4)-(5) allow nothing else beyond 30 days",
                        activity.id, retention.period, retention.from
                    ),
                )
                .help("destroy the data within 30 days (`period = \"P30D\"`), or name in `why` the federal law (e.g. \"Federal Law No. 402-FZ, Art. 29\") or the contract with the person that requires keeping it"),
            ),
            None => out.push(
                Violation::new(
                    format!("activities[{i}].retention.period"),
                    format!(
                        "activity `{}` keeps data for {} after `{}` with no federal law or contract requiring it, beyond the 30 days of Art. 21(4)-(5)",
                        activity.id, retention.period, retention.from
                    ),
                )
                .help("destroy the data within 30 days (`period = \"P30D\"`), or give the federal law or contract that requires keeping it in `why`"),
            ),
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

    #[test]
    fn reasons_that_name_a_law_or_contract() {
        use super::names_law_or_contract;
        assert!(names_law_or_contract("Federal Law No. 402-FZ on accounting, Art. 29"));
        assert!(names_law_or_contract("Tax Code Art. 23"));
        assert!(names_law_or_contract("срок по договору с клиентом"));
        assert!(names_law_or_contract("the customer agreement, clause 9"));
        assert!(!names_law_or_contract("analytics"));
        assert!(!names_law_or_contract("lawful business needs"));
        assert!(!names_law_or_contract("  "));
    }
}
