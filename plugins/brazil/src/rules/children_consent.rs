use juris_core::jiff::civil::{Date, date};
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::options::processes_childrens_data;

/// The day Enunciado CD/ANPD nº 1/2023 was published (DOU 24.05.2023).
const ENUNCIADO_1_2023: Date = date(2023, 5, 24);

/// `brazil/children-consent`
pub static RULE: Rule = Rule {
    id: "brazil/children-consent",
    title: "Children's data without parental consent or a best-interest assessment",
    citation: "LGPD Art. 14 caput and §1; Enunciado CD/ANPD nº 1/2023",
    severity: Severity::Error,
    in_force: InForce::from(crate::LGPD_IN_FORCE),
    docs: r#"
## What it does
Flags every activity touching Brazil that processes children's data
(`user.childrens`) on a basis other than `consent` (read as the specific and
highlighted consent of a parent or legal guardian) unless
`[modules.brazil] best_interest_assessments` names an assessment for the
activity. Before 24 May 2023 it accepts consent only.

## Why
Children's data must be processed in their best interest, with the specific and
highlighted consent of at least one parent or legal guardian (LGPD Art. 14 caput
and §1). Since Enunciado CD/ANPD nº 1/2023 (DOU 24 May 2023) the ANPD reads
Art. 14 as allowing any basis of Art. 7 or Art. 11, provided the child's best
interest prevails, assessed case by case; the assessment is what shows it.

## Example
```toml
[[activities]]
id = "kids-club"
data_categories = ["user.childrens", "user.contact.email"]
legal_basis = "legitimate_interests"
# no best-interest assessment for kids-club
```

## How to fix
Obtain a parent's specific and highlighted consent (`legal_basis_by = { BR =
"consent" }`), with reasonable efforts to verify it (§5); or document why the
chosen basis serves the child's best interest and reference it:

```toml
[modules.brazil]
best_interest_assessments = { "kids-club" = "docs/best-interest-kids-club.pdf" }
```

## Uncertainty
The enunciado is the ANPD's interpretation, not a statute; the conservative
reading keeps consent as the default and asks for a documented assessment
otherwise. The ECA Digital (Lei 15.211/2025, in force 17 March 2026) adds
platform duties the module does not yet check.
"#,
    check,
    fails: include_str!("fixtures/children_consent.fail.toml"),
    passes: include_str!("fixtures/children_consent.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let opts = ctx.options::<crate::options::Options>();
    let mut out = Vec::new();
    for (i, activity) in crate::activities(ctx) {
        if !processes_childrens_data(activity) {
            continue;
        }
        let Some((basis, path)) = crate::basis(m, i, activity) else { continue };
        if basis == "consent" {
            continue;
        }
        if ctx.as_of < ENUNCIADO_1_2023 {
            out.push(
                Violation::new(
                    path,
                    format!(
                        "activity `{}` processes children's data on `{basis}` instead of parental consent",
                        activity.id
                    ),
                )
                .help("obtain the specific and highlighted consent of a parent or legal guardian (LGPD Art. 14 §1)"),
            );
        } else if !opts.best_interest_assessments.contains_key(activity.id.as_str()) {
            out.push(
                Violation::new(
                    path,
                    format!(
                        "activity `{}` processes children's data on `{basis}` without parental consent or a best-interest assessment",
                        activity.id
                    ),
                )
                .help(format!(
                    "obtain a parent's specific and highlighted consent, or document the child's best interest and add `best_interest_assessments = {{ \"{}\" = \"...\" }}` to `[modules.brazil]`",
                    activity.id
                )),
            );
        }
    }
    out
}
