use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::bases::{self, ART_7, ART_11};
use crate::options::sensitive_category;

/// `brazil/legal-basis-invalid`
pub static RULE: Rule = Rule {
    id: "brazil/legal-basis-invalid",
    title: "Processing activity without a valid LGPD legal basis",
    citation: "LGPD (Lei 13.709/2018) Art. 7 I-X; Art. 11 I-II; Art. 5 II",
    severity: Severity::Error,
    in_force: InForce::from(crate::LGPD_IN_FORCE),
    docs: r#"
## What it does
Flags every processing activity touching Brazil whose legal basis (its
`legal_basis_by` entry for BR, else `legal_basis`) is missing or is not one of
the ten bases of LGPD Art. 7; and every activity processing sensitive data
(Art. 5 II: racial or ethnic origin, religious belief, political opinion, health
or sex life, genetic or biometric data) on a basis Art. 11 does not offer,
notably legitimate interests, credit protection and plain contract performance.
Membership of a trade union or of a religious, philosophical or political
organisation is sensitive too (Art. 5 II), but has no fideslang key: a manifest
cannot show it, so the module cannot check it.

The basis names the module knows:

| name | Art. 7 | Art. 11 |
|---|---|---|
| `consent` | I | I (specific and highlighted) |
| `legal_obligation` | II | II a |
| `public_policy` (or `public_task`) | III | II b |
| `research` | IV | II c |
| `contract` | V | — |
| `exercise_of_rights` | VI | II d (including in a contract) |
| `vital_interests` (or `protection_of_life`) | VII | II e |
| `health_protection` | VIII | II f |
| `legitimate_interests` | IX | — |
| `credit_protection` | X | — |
| `fraud_prevention` | — | II g |

## Why
Processing is lawful in Brazil only on one of the bases the LGPD lists (Art. 7),
and sensitive data only on the narrower list of Art. 11, which has no
legitimate-interest and no credit-protection basis. Processing without a legal
basis is one of the circumstances that make an infraction "grave" in the
ANPD's dosimetry (Res. CD/ANPD 4/2023 Art. 8).

## Example
```toml
[[activities]]
id = "health-profile"
uses = ["personalize.profiling"]
data_categories = ["user.health_and_medical"]
legal_basis = "legitimate_interests"   # not an Art. 11 basis
```

## How to fix
Name an LGPD basis, for Brazil only if the other laws need another:
`legal_basis_by = { BR = "consent" }`. For sensitive data, use one of the
Art. 11 bases; consent must then be specific and highlighted.

## Fines
The ANPD's sanctions (LGPD Arts. 52-54) apply to infractions from 1 August
2021 (Art. 65 I-A, inserted by Lei 14.010/2020): up to 2% of the revenue in
Brazil of the last fiscal year, net of taxes, capped at R$50,000,000 per
infraction (Art. 52 II), graded under Res. CD/ANPD 4/2023 (of 24
February 2023). Processing between 18 September 2020 and 31 July 2021 could
be challenged, but not fined by the ANPD.
"#,
    check,
    fails: include_str!("fixtures/legal_basis_invalid.fail.toml"),
    passes: include_str!("fixtures/legal_basis_invalid.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let mut out = Vec::new();
    for (i, activity) in crate::activities_for_bases(ctx) {
        let Some((basis, path)) = crate::basis(m, i, activity) else {
            out.push(
                Violation::new(
                    format!("activities[{i}]"),
                    format!("activity `{}` has no legal basis for Brazil", activity.id),
                )
                .help(format!("add `legal_basis_by = {{ BR = \"...\" }}` with one of {}", bases::names(ART_7))),
            );
            continue;
        };
        if let Some(category) = sensitive_category(activity) {
            if bases::sensitive(basis).is_none() {
                out.push(
                    Violation::new(
                        path,
                        format!(
                            "activity `{}` processes sensitive data (`{category}`) on `{basis}`, which LGPD Art. 11 does not allow",
                            activity.id
                        ),
                    )
                    .help(format!(
                        "sensitive data needs an Art. 11 basis: {}; set it in `legal_basis_by = {{ BR = \"...\" }}`",
                        bases::names(ART_11)
                    )),
                );
            }
        } else if bases::ordinary(basis).is_none() {
            out.push(
                Violation::new(
                    path,
                    format!(
                        "activity `{}` names `{basis}`, which is not one of the ten bases of LGPD Art. 7",
                        activity.id
                    ),
                )
                .help(format!("use one of {}", bases::names(ART_7))),
            );
        }
    }
    out
}
