use juris_core::jiff::civil::date;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Jurisdiction, Rule, Severity};

use crate::data::Regime;

/// `eea-uk/records-incomplete`
pub static RULE: Rule = Rule {
    id: "eea-uk/records-incomplete",
    title: "Record of processing lacks a field Art. 30 requires",
    citation: "GDPR Art. 30(1)(a)-(e); UK GDPR Art. 30(1)(a)-(e)",
    severity: Severity::Error,
    in_force: InForce::from(date(2018, 5, 25)),
    docs: r#"
## What it does
Reads the manifest's activities as the controller's record of processing and,
for every activity touching an EEA or UK market, flags:

- an empty `name`, `uses` (purposes, Art. 30(1)(b)), `data_categories` or
  `data_subjects` (Art. 30(1)(c));

and, once for each of the EEA and the UK, the absence of any contact (with
an e-mail address or telephone number) whose `for` covers it: the record
must give the controller's contact details (Art. 30(1)(a)). Recipients (Art. 30(1)(d)) and transfers (Art. 30(1)(e))
are read from `recipients`, whose ids the manifest loader already checks.

## Why
Controllers must keep a written record of processing with the controller's
contact details, the purposes, the categories of people and data, the
recipients, the transfers, the retention and the security measures, and
make it available to the supervisory authority on request.

## Example
```toml
[[activities]]
id = "analytics"
name = "Product analytics"
uses = ["analytics.reporting"]
data_categories = []
data_subjects = ["customer"]
```

## How to fix
Fill in the fields, and add a privacy contact:
`[[contacts]] role = "privacy", for = ["EEA", "GB"], name = "...", email = "..."`.

## Uncertainty
Organisations with fewer than 250 employees are exempt under Art. 30(5)
only for occasional processing without special-category data that is
unlikely to result in a risk; processing recorded in a manifest is rarely
occasional, so the rule does not apply the exemption. The EU Omnibus IV
proposal (750 employees) is not law as of the module's date.
"#,
    check,
    fails: include_str!("fixtures/records_incomplete.fail.toml"),
    passes: include_str!("fixtures/records_incomplete.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let reach = crate::reach(ctx);
    let mut out = Vec::new();
    for (i, a) in m.activities.iter().enumerate() {
        if reach.of(i).is_empty() {
            continue;
        }
        let empty = [
            ("name", a.name.trim().is_empty(), "what the activity is"),
            ("uses", a.uses.is_empty(), "its purposes"),
            ("data_categories", a.data_categories.is_empty(), "the categories of personal data"),
            ("data_subjects", a.data_subjects.is_empty(), "the categories of people"),
        ];
        for (field, missing, what) in empty {
            if missing {
                out.push(
                    Violation::new(
                        format!("activities[{i}].{field}"),
                        format!("activity `{}` does not record {what}", a.id),
                    )
                    .help(format!("fill in `{field}`")),
                );
            }
        }
    }
    for regime in crate::applicability::org_regimes(m, ctx.as_of) {
        let area: Jurisdiction = match regime {
            Regime::Eea => "EEA",
            Regime::Uk => "GB",
        }
        .parse()
        .expect("EEA and GB are jurisdictions");
        let reachable = m
            .contacts
            .iter()
            .any(|c| (c.email.is_some() || c.phone.is_some()) && c.for_.iter().any(|f| f.overlaps(&area)));
        if !reachable {
            out.push(
                Violation::new("contacts", format!("no contact details are recorded for {}", regime.name()))
                    .help("add a `[[contacts]]` entry covering it with an `email` or `phone`"),
            );
        }
    }
    out
}
