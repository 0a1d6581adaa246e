use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// Word stems in `retention.from` that name the end of the purpose (the
/// account closed, the contract ended, consent withdrawn, the employee left).
const END_STEMS: &[&str] = &[
    "clos",
    "terminat",
    "cancel",
    "expir",
    "withdr",
    "revoc",
    "revok",
    "unsubscri",
    "complet",
    "depart",
    "exit",
    "leav",
    "delet",
    "encerr",
    "rescis",
    "revog",
    "desligam",
];
/// Whole words in `retention.from` that name the end of the purpose.
const END_WORDS: &[&str] = &["end", "ended", "ends", "fim", "término", "termino"];

/// Words in `retention.why` that suggest a legal obligation to keep the data.
const LEGAL_WORDS: &[&str] =
    &["law", "legal", "statut", "regulat", "tax", "fiscal", "lei", "obligation", "obrigação", "código", "code"];

/// `brazil/retention-after-purpose`
pub static RULE: Rule = Rule {
    id: "brazil/retention-after-purpose",
    title: "Data kept after its purpose ends without an Art. 16 ground",
    citation: "LGPD Art. 15 I-III; Art. 16 I-IV",
    severity: Severity::Error,
    in_force: InForce::from(crate::LGPD_IN_FORCE),
    docs: r#"
## What it does
For activities the LGPD governs whose retention runs from the end of the
purpose (`retention.from` names a closure, termination, end, expiry,
cancellation, withdrawal or revocation, completion or departure) for a period
longer than zero, requires an Art. 16 ground in
`[modules.brazil] retention_grounds`: `legal-obligation`, `research`,
`transfer-to-third-party` or `anonymised-exclusive-use`. A `retention.why`
that reads as a legal obligation (it mentions a law, a regulation, tax) is a
warning asking for the structured ground; any other reason, or none, is an
error.

## Why
Processing ends when its purpose is achieved, its period ends, or the person
revokes consent (Art. 15 I-III), and the data must then be deleted. It may be
kept only to comply with a legal or regulatory obligation, for study by a
research body (anonymised where possible), for a transfer to a third party
that meets the LGPD, or for the controller's exclusive use once anonymised and
with no access by third parties (Art. 16 I-IV). No other reason suffices, and
the kind of reason decides what may be done with the data while kept.

## Example
```toml
[[activities]]
id = "accounts"
retention = { period = "P5Y", from = "account-closure", why = "in case the customer returns" }
```

## How to fix
Delete the data when the purpose ends, or name the Art. 16 ground that
justifies keeping it:

```toml
[modules.brazil]
retention_grounds = { "accounts" = "legal-obligation" }   # e.g. tax books and records, Código Tributário Nacional Art. 195 sole paragraph
```
"#,
    check,
    fails: include_str!("fixtures/retention_after_purpose.fail.toml"),
    passes: include_str!("fixtures/retention_after_purpose.pass.toml"),
};

/// Whether `from` names the end of the purpose.
pub fn ends_purpose(from: &str) -> bool {
    let lower = from.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| END_WORDS.contains(&word) || END_STEMS.iter().any(|stem| word.starts_with(stem)))
}

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let opts = ctx.options::<crate::options::Options>();
    let mut out = Vec::new();
    for (i, activity) in crate::activities(ctx) {
        let Some(retention) = &activity.retention else { continue };
        if retention.period.max_days() == 0
            || !ends_purpose(&retention.from)
            || opts.retention_grounds.contains_key(activity.id.as_str())
        {
            continue;
        }
        let what = format!(
            "activity `{}` keeps data for {} after `{}`, when its purpose has ended (LGPD Art. 15)",
            activity.id, retention.period, retention.from
        );
        let help = format!(
            "delete the data when the purpose ends, or name its Art. 16 ground: `retention_grounds = {{ \"{}\" = \"legal-obligation\" }}` (or `research`, `transfer-to-third-party`, `anonymised-exclusive-use`) in `[modules.brazil]`",
            activity.id
        );
        let why = retention.why.as_deref().unwrap_or("");
        let legal = {
            let lower = why.to_lowercase();
            LEGAL_WORDS.iter().any(|w| lower.contains(w))
        };
        if legal {
            out.push(
                Violation::new(
                    format!("activities[{i}].retention.why"),
                    format!(
                        "{what}; the reason given (\"{why}\") reads as a legal obligation but names no Art. 16 ground"
                    ),
                )
                .help(help)
                .severity(Severity::Warning),
            );
        } else {
            out.push(
                Violation::new(
                    format!("activities[{i}].retention"),
                    format!("{what}, with no Art. 16 ground to keep it"),
                )
                .help(help),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::ends_purpose;

    #[test]
    fn end_events_are_words_not_substrings() {
        for end in ["account-closure", "contract end", "consent-withdrawal", "employment_termination", "unsubscribe"] {
            assert!(ends_purpose(end), "{end}");
        }
        for ongoing in ["collection", "last-interaction", "creation", "vendor-sendoff", "weekend-batch"] {
            assert!(!ends_purpose(ongoing), "{ongoing}");
        }
    }
}
