use juris_core::manifest::ContactRole;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::law::{self, FZ261_IN_FORCE};

/// `russia/responsible-person`
pub static RULE: Rule = Rule {
    id: "russia/responsible-person",
    title: "No person responsible for organising the processing of personal data",
    citation: "152-FZ Art. 22.1(1); Art. 18.1(1) item 1, added by 261-FZ of 25.07.2011 (from 2011-07-27)",
    severity: Severity::Error,
    in_force: InForce::from(FZ261_IN_FORCE),
    docs: r#"
## What it does
When an activity is within 152-FZ (every activity of an operator established
in Russia; otherwise those whose markets include Russia), looks for a contact with
`role = "responsible_person"` whose `for` covers Russia, and reports its
absence.

## Why
An operator that is a legal entity must appoint a person responsible for
organising the processing of personal data (Art. 22.1(1)), as the first of
the measures of Art. 18.1(1). The person reports to the operator's executive
body, supervises compliance, informs staff of the law and the operator's
local acts, and organises the handling of subjects' requests (Art. 22.1(4)).
The notification to Roskomnadzor names this person and their contact
details (Art. 22(3)).

## Example
```toml
[[contacts]]
role = "dpo"
for = ["EEA"]
name = "Data Protection Officer"
```

## How to fix
Appoint the person and record them:

```toml
[[contacts]]
role = "responsible_person"
for = ["RU"]
name = "Head of Data Protection, OOO Marketplace"
email = "pd@example.ru"
```

## Uncertainty
Art. 22.1 was added by Federal Law No. 261-FZ of 25.07.2011, in force on its
official publication on 2011-07-27 (Goltsblat BLP, bclplaw.ru/en/actual/legal/62342);
the rule is silent before that day. Art. 22.1(1) speaks of an operator that
is a legal entity; the rule asks every operator, as the manifest does not
say whether it is one.

## Fines
KoAP RF has no part specific to this duty; Art. 13.11(1) (processing in
breach of the law) is RUB 150-300 thousand for legal entities from
2025-05-30 (420-FZ of 30.11.2024).
"#,
    check,
    fails: include_str!("fixtures/responsible_person.fail.toml"),
    passes: include_str!("fixtures/responsible_person.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    if law::ru_activities(m).next().is_none() {
        return Vec::new();
    }
    let appointed =
        m.contacts.iter().any(|c| c.role == ContactRole::ResponsiblePerson && c.for_.iter().any(law::touches));
    if appointed {
        return Vec::new();
    }
    vec![
        Violation::new(
            "contacts",
            "no person responsible for organising the processing of personal data is named for Russia",
        )
        .help("add a `[[contacts]]` entry with `role = \"responsible_person\"` and `for = [\"RU\"]`"),
    ]
}
