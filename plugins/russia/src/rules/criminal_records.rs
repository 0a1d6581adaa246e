use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::law::{self, CRIMINAL_RECORDS, FZ152_IN_FORCE};

/// `russia/criminal-records`
pub static RULE: Rule = Rule {
    id: "russia/criminal-records",
    title: "Criminal-record data processed outside the cases federal law sets",
    citation: "152-FZ Art. 10(3)",
    severity: Severity::Error,
    in_force: InForce::from(FZ152_IN_FORCE),
    docs: r#"
## What it does
For every activity within 152-FZ that processes data on criminal records
(`user.criminal_history`), reads the ground for Russia and reports it unless
it is one a federal law can supply: `legal_obligation` (a duty a federal law
imposes, e.g. the certificate of no criminal record the Labour Code Arts. 65
and 351.1 require for work with children), `legal_proceedings`,
`enforcement_proceedings`, or `public_task` for a public body
(`organization.public_body = true`). Consent, a contract or legitimate
interests are reported, and so is a missing ground.

## Why
Data on a person's criminal record may be processed only by state and
municipal bodies within the powers the law gives them, and by other persons
in the cases and in the manner federal laws set (Art. 10(3)). Unlike the
special categories of Art. 10(1), the subject's consent is not one of those
cases: a private employer cannot collect criminal records because the
candidate agreed.

## Example
```toml
[[activities]]
id = "vetting"
name = "Background checks on candidates"
uses = ["employment.recruitment"]
data_categories = ["user.criminal_history"]
data_subjects = ["job_applicant"]
legal_basis = "consent"
```

## How to fix
Process criminal-record data only where a federal law requires or allows it,
and name that ground (`legal_basis_by = { RU = "legal_obligation" }`, with
the law in the record of processing); otherwise stop collecting it.

## Uncertainty
The manifest cannot show which federal law authorises the processing; the
rule takes `legal_obligation` as the operator's statement that one does.

## Fines
KoAP RF Art. 13.11(1) (processing without grounds), as amended by 420-FZ of
30.11.2024 from 2025-05-30: legal entities RUB 150-300 thousand.
"#,
    check,
    fails: include_str!("fixtures/criminal_records.fail.toml"),
    passes: include_str!("fixtures/criminal_records.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let public_body = m.organization.public_body;
    let mut out = Vec::new();
    for (i, activity) in law::ru_activities(m) {
        let Some(key) = law::first_within(activity, CRIMINAL_RECORDS) else { continue };
        let (allowed, name, path) = match law::ground(m, i, activity) {
            Some((Some(g), name, path)) => (law::criminal_records_allowed(g, public_body), name, path),
            Some((None, name, path)) => (false, name, path),
            None => (false, "no ground".to_string(), format!("activities[{i}]")),
        };
        if allowed {
            continue;
        }
        let name = if name == "no ground" { name } else { format!("`{name}`") };
        out.push(
            Violation::new(
                path,
                format!(
                    "activity `{}` processes criminal-record data (`{key}`) on {name}, but Art. 10(3) allows it only to public bodies and in the cases federal laws set, never on consent",
                    activity.id
                ),
            )
            .help("process criminal records only where a federal law requires it and set `legal_basis_by = { RU = \"legal_obligation\" }`, or stop collecting them"),
        );
    }
    out
}
