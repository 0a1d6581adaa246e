use juris_core::jiff::civil::{Date, date};
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::BasisUse;
use crate::data::Regime;

/// `eea-uk/lawful-basis-invalid`
pub static RULE: Rule = Rule {
    id: "eea-uk/lawful-basis-invalid",
    title: "Lawful basis that the GDPR does not know, that does not fit the purpose, or legitimate interests without an assessment",
    citation: "GDPR Art. 6(1)(a)-(f) and second subparagraph, Art. 5(2); EDPB Guidelines 2/2019; UK GDPR Art. 6(1)(a)-(f) and (ea), Annex 1",
    severity: Severity::Error,
    in_force: InForce::from(date(2018, 5, 25)),
    docs: r#"
## What it does
For every processing activity that touches an EEA or UK market, reads the
lawful basis that applies to the people of each country it reaches there
(the most specific `legal_basis_by` entry covering the country, else
`legal_basis`; an entry for a country outside the EEA and the UK is not
judged) and flags:

- a basis that is not one of the six of Art. 6(1): `consent`, `contract`,
  `legal_obligation`, `vital_interests`, `public_task`,
  `legitimate_interests`; for the UK from 5 February 2026 also
  `recognised_legitimate_interest` (UK GDPR Art. 6(1)(ea));
- `legitimate_interests` without a `legitimate_interest_assessment`
  reference: Art. 6(1)(f) needs a balancing of the controller's interests
  against the person's, and Art. 5(2) needs the controller to be able to show it;
- a basis that does not fit the purpose:
  - `contract` for an activity with a `marketing.*` use (behavioural
    advertising, profiling for ads, direct marketing): processing is
    "necessary for the performance of a contract" only if the contract
    cannot be performed without it (EDPB Guidelines 2/2019, paras. 25-33,
    52-57; EDPB binding decisions 3/2022 and 4/2022; the DPC's decisions of
    31 December 2022 against Meta Platforms Ireland for Facebook and
    Instagram, announced 4 January 2023, EUR 390 million);
  - `legitimate_interests` for a public authority or body
    (`organization.public_body`, or `[modules.eea-uk] public_authority`):
    Art. 6(1)(f) "shall not apply to processing carried out by public
    authorities in the performance of their tasks" (Art. 6(1), second
    subparagraph), which rest on `public_task` or `legal_obligation`;
  - `recognised_legitimate_interest` (UK) for an activity with a
    `marketing.*` use: UK GDPR Art. 6(1)(ea) covers only the five
    conditions of Annex 1 (disclosure to a body with a public task,
    national security and defence, emergencies, crime, safeguarding
    vulnerable people); direct marketing is only an example of a
    legitimate interest under Art. 6(1)(f), with its balancing test (UK GDPR
    Art. 6(9); ICO guidance on recognised legitimate interest,
    https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/recognised-legitimate-interest/).

## Why
Processing is lawful only under one of the bases of Art. 6(1). A basis from
another law (say, Brazil's `credit_protection`) does not make processing
lawful in Europe. Legitimate interests is the one basis that needs a
documented three-part test (purpose, necessity, balancing).

## Example
```toml
[[activities]]
id = "fraud"
legal_basis = "legitimate_interests"   # no legitimate_interest_assessment
legal_basis_by = { GB = "credit_protection" }   # not a UK GDPR basis
```

## How to fix
Use one of the six bases, or give the EEA or UK one in `legal_basis_by`;
for legitimate interests, reference the assessment:
`legitimate_interest_assessment = "LIA-2026-04"`. A recognised legitimate
interest applies in the UK only and only for the five Annex 1 conditions
(disclosure to public-task bodies, national security, emergencies, crime,
safeguarding vulnerable people).
"#,
    check,
    fails: include_str!("fixtures/lawful_basis_invalid.fail.toml"),
    passes: include_str!("fixtures/lawful_basis_invalid.pass.toml"),
};

/// The bases of GDPR Art. 6(1)(a)-(f).
pub const BASES: [&str; 6] =
    ["consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests"];

/// UK GDPR Art. 6(1)(ea), inserted by DUAA 2025 s.70, in force 5 Feb 2026.
pub const RECOGNISED_LEGITIMATE_INTEREST: &str = "recognised_legitimate_interest";

/// The day UK GDPR Art. 6(1)(ea) came into force (DUAA 2025 s.70 and Sch 4,
/// commenced by SI 2026/82 reg 2).
pub const RLI_FROM: Date = date(2026, 2, 5);

/// Whether an activity has a marketing purpose (fideslang `marketing.*`).
fn marketing(activity: &juris_core::manifest::Activity) -> Option<&str> {
    activity.uses.iter().map(|u| u.as_str()).find(|u| juris_core::taxonomy::is_within(u, "marketing"))
}

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let reach = crate::reach(ctx);
    let public_body = ctx.options::<crate::options::Options>().public_body(m);
    let mut out = Vec::new();
    for (i, activity) in m.activities.iter().enumerate() {
        let mut reported: Vec<String> = Vec::new();
        for BasisUse { regime, basis, field, .. } in crate::bases_under(m, activity, reach.of(i), ctx.as_of).uses {
            if reported.contains(&field) {
                continue;
            }
            let path = format!("activities[{i}].{field}");
            let known = BASES.contains(&basis)
                || (regime == Regime::Uk && basis == RECOGNISED_LEGITIMATE_INTEREST && ctx.as_of >= RLI_FROM);
            if !known {
                let uk = if regime == Regime::Uk && ctx.as_of >= RLI_FROM {
                    ", or `recognised_legitimate_interest` (UK only)"
                } else {
                    ""
                };
                out.push(
                    Violation::new(
                        path,
                        format!(
                            "activity `{}` relies on `{basis}`, which is not a lawful basis in {}",
                            activity.id,
                            regime.name()
                        ),
                    )
                    .help(format!("use one of {}{uk}", BASES.join(", "))),
                );
                reported.push(field);
            } else if let (Some(use_), "contract") = (marketing(activity), basis) {
                out.push(
                    Violation::new(
                        path,
                        format!(
                            "activity `{}` relies on contract for `{use_}`, which is not necessary to perform a contract with the person (EDPB Guidelines 2/2019)",
                            activity.id
                        ),
                    )
                    .help("rely on consent for behavioural advertising (Art. 6(1)(a)), or on legitimate interests with an assessment and an easy objection for other direct marketing"),
                );
                reported.push(field);
            } else if basis == "legitimate_interests" && public_body {
                out.push(
                    Violation::new(
                        path,
                        format!(
                            "activity `{}` relies on legitimate interests, which a public authority cannot use in the performance of its tasks (Art. 6(1), second subparagraph)",
                            activity.id
                        ),
                    )
                    .help("rely on `public_task` (Art. 6(1)(e)) or `legal_obligation` for the authority's tasks"),
                );
                reported.push(field);
            } else if let (Some(use_), RECOGNISED_LEGITIMATE_INTEREST) = (marketing(activity), basis) {
                out.push(
                    Violation::new(
                        path,
                        format!(
                            "activity `{}` relies on a recognised legitimate interest for `{use_}`, which none of the five conditions of UK GDPR Annex 1 covers",
                            activity.id
                        ),
                    )
                    .help("rely on legitimate interests (Art. 6(1)(f)) with an assessment, or on consent"),
                );
                reported.push(field);
            } else if basis == "legitimate_interests" && activity.legitimate_interest_assessment.is_none() {
                out.push(
                    Violation::new(
                        path,
                        format!(
                            "activity `{}` relies on legitimate interests without a legitimate-interests assessment",
                            activity.id
                        ),
                    )
                    .help("record the balancing test and reference it in `legitimate_interest_assessment`"),
                );
                reported.push(field);
            }
        }
    }
    out
}
