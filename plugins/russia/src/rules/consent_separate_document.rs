use juris_core::manifest::Activity;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Manifest, Rule, Severity};

use crate::law::{self, FZ156_CONSENT, Ground};
use crate::options;

/// `russia/consent-separate-document`
pub static RULE: Rule = Rule {
    id: "russia/consent-separate-document",
    title: "Consent not obtained as a separate document",
    citation: "152-FZ Art. 9(1), as amended by Federal Law No. 156-FZ of 24.06.2025 (from 2025-09-01)",
    severity: Severity::Error,
    in_force: InForce::from(FZ156_CONSENT),
    docs: r#"
## What it does
When any activity within 152-FZ (every activity of an operator established
in Russia; otherwise those whose markets include Russia) relies on consent for Russia (its ground
is `consent`, or its `special_category_condition` is a consent such as
`written_consent` for special categories or biometrics) and
`[modules.russia]` does not declare `consent_separate_document = true`,
reports that consent is not shown to be collected as a document of its own.
One finding names every such activity.

## Why
From 2025-09-01, 156-FZ requires consent to processing to be given
separately from other information or documents the subject confirms or
signs. It may no longer be embedded in a contract, an offer, user terms or
the privacy policy; online, it needs its own form or checkbox. A written
consent must still carry the nine items of Art. 9(4) (the subject's and the
operator's details, the purpose, the data, the actions, the term and how to
withdraw, and a signature).

## Example
```toml
[[activities]]
id = "newsletter"
legal_basis = "consent"      # consent ticked inside the terms of use

[modules.russia]
consent_separate_document = false
```

## How to fix
Collect consent through a separate form or checkbox (a separate signed
document offline) that is not part of the terms or the policy, then declare
it:

```toml
[modules.russia]
consent_separate_document = true
```

## Fines
KoAP RF Art. 13.11(2) (processing without consent where it is required, or
a consent that breaks the content rules, including the separate-document
rule), as amended by 420-FZ of 30.11.2024 from 2025-05-30: legal entities
RUB 300-700 thousand, repeat up to RUB 1.5 million.

## Sources
156-FZ of 24.06.2025 (publication.pravo.gov.ru); in force 2025-09-01
(konsugroup.com/en/news/changes-personal-data-russia-2025-09-01/).
"#,
    check,
    fails: include_str!("fixtures/consent_separate_document.fail.toml"),
    passes: include_str!("fixtures/consent_separate_document.pass.toml"),
};

/// Whether an activity obtains the person's consent: its ground for Russia is
/// consent (Art. 6(1) item 1), or its special-category or biometric data rest
/// on a consent (the written consent of Art. 10(2) item 1 or Art. 11(1)).
fn collects_consent(m: &Manifest, index: usize, activity: &Activity) -> bool {
    matches!(law::ground(m, index, activity), Some((Some(Ground::Consent), _, _)))
        || activity.special_category_condition.as_deref().is_some_and(|c| c.contains("consent"))
}

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    if ctx.options::<options::Options>().consent_separate_document {
        return Vec::new();
    }
    let on_consent: Vec<String> =
        law::ru_activities(m).filter(|(i, a)| collects_consent(m, *i, a)).map(|(_, a)| format!("`{}`", a.id)).collect();
    if on_consent.is_empty() {
        return Vec::new();
    }
    let path = if m.module_options(crate::ID).is_some() {
        format!("{}.consent_separate_document", options::TABLE)
    } else {
        options::TABLE.to_string()
    };
    vec![
        Violation::new(
            path,
            format!(
                "consent for {} is not declared to be collected as a separate document, as required since 2025-09-01",
                law::join(&on_consent)
            ),
        )
        .help("collect consent through its own form or checkbox, apart from the terms and the policy, and set `consent_separate_document = true` in `[modules.russia]`"),
    ]
}
