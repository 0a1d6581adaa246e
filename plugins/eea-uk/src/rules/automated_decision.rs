use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::applicability;
use crate::data::Regime;
use crate::deadlines::UK_ARTS_22A_22D_FROM;

/// `eea-uk/automated-decision`
pub static RULE: Rule = Rule {
    id: "eea-uk/automated-decision",
    title: "Solely automated decision with significant effects without a permitted ground or safeguards",
    citation: "GDPR Art. 22(1)-(4); UK GDPR Art. 22 (until 2026-02-04) and Arts. 22A-22D (DUAA 2025 s.80, Sch 6)",
    severity: Severity::Error,
    in_force: InForce::from(applicability::GDPR_FROM),
    docs: r#"
## What it does
Reads `activities[].automated_decision` for every activity the GDPR or the
UK GDPR applies to. A decision that is `solely_automated` and has a
`significant_effect` (legal or similarly significant effects: credit,
employment, housing, insurance, education, access to essential services):

- **GDPR Art. 22** (and the UK GDPR until 4 February 2026): prohibited
  unless it rests on one of the grounds of Art. 22(2): necessary for a
  contract (`legal_basis = "contract"`), authorised by law
  (`authorised_by_law = true`), or explicit consent (`legal_basis =
  "consent"` with `special_category_condition = "explicit_consent"`, or
  `legal_basis = "explicit_consent"`); for contract and consent the person
  must be able to obtain human intervention, express a view and contest it
  (`human_review = true`, Art. 22(3)). On special-category data
  (`uses_special_categories = true`) only explicit consent or substantial
  public interest (`special_category_condition =
  "substantial_public_interest"`) will do (Art. 22(4)).
- **UK GDPR Arts. 22A-22D** (from 5 February 2026, SI 2026/82 reg 2): such
  decisions are allowed on any lawful basis except a recognised legitimate
  interest (Art. 22B(4)), provided the safeguards of Art. 22C are in place
  (`human_review = true`: information, representations, human intervention,
  contest); on special-category data only with explicit consent, or with a
  contract or authorisation by law and the substantial public interest
  condition (Art. 22B(1)-(3)).

## Why
People have the right not to be subject to a decision based solely on
automated processing that produces legal or similarly significant effects
(Art. 22(1); EDPB-endorsed WP29 Guidelines on automated decision-making,
WP251 rev.01). The CJEU held in C-634/21 SCHUFA (7 December 2023) that a
credit score that decisively shapes a lender's decision is such a decision.

## Example
```toml
[[activities]]
id = "credit"
legal_basis = "legitimate_interests"
automated_decision = { solely_automated = true, significant_effect = true }
```

## How to fix
Put meaningful human involvement into the decision (then it is not solely
automated), or rest it on a permitted ground and offer human review:
`automated_decision = { solely_automated = true, significant_effect = true,
human_review = true }` with `legal_basis = "contract"`.
"#,
    check,
    fails: include_str!("fixtures/automated_decision.fail.toml"),
    passes: include_str!("fixtures/automated_decision.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let on = ctx.as_of;
    let reach = crate::reach(ctx);
    let mut out = Vec::new();
    for (i, a) in m.activities.iter().enumerate() {
        let Some(d) = &a.automated_decision else { continue };
        if !(d.solely_automated && d.significant_effect) {
            continue;
        }
        let path = format!("activities[{i}].automated_decision");
        let condition = a.special_category_condition.as_deref();
        let special = d.uses_special_categories;
        let mut reported: Vec<String> = Vec::new();
        for u in crate::bases_under(m, a, reach.of(i), on).uses {
            let explicit =
                u.basis == "explicit_consent" || (u.basis == "consent" && condition == Some("explicit_consent"));
            let uk_new = u.regime == Regime::Uk && on >= UK_ARTS_22A_22D_FROM;
            let problem = if uk_new {
                if special
                    && !(explicit
                        || ((u.basis == "contract" || d.authorised_by_law)
                            && condition == Some("substantial_public_interest")))
                {
                    Some("uses special-category data without explicit consent, or a contract or authorisation by law with the substantial public interest condition (UK GDPR Art. 22B(1)-(3))".to_string())
                } else if u.basis == crate::rules::lawful_basis_invalid::RECOGNISED_LEGITIMATE_INTEREST {
                    Some("relies on a recognised legitimate interest, which UK GDPR Art. 22B(4) excludes".to_string())
                } else if !d.human_review {
                    Some("offers no way to make representations, obtain human intervention and contest the decision (UK GDPR Art. 22C)".to_string())
                } else {
                    None
                }
            } else {
                let ground = u.basis == "contract" || d.authorised_by_law || explicit || u.basis == "consent";
                if special && !(explicit || condition == Some("substantial_public_interest")) {
                    Some("uses special-category data without explicit consent or substantial public interest (Art. 22(4))".to_string())
                } else if !ground {
                    Some(format!(
                        "rests on `{}`, not on a contract, an authorisation by law or explicit consent (Art. 22(2))",
                        u.basis
                    ))
                } else if u.basis == "consent" && !explicit && !d.authorised_by_law {
                    Some("rests on consent that is not explicit (Art. 22(2)(c)): record `special_category_condition = \"explicit_consent\"` or the explicit consent".to_string())
                } else if !d.authorised_by_law && !d.human_review {
                    Some(
                        "offers no human intervention, no way to express a view and contest the decision (Art. 22(3))"
                            .to_string(),
                    )
                } else {
                    None
                }
            };
            let Some(why) = problem else { continue };
            if reported.contains(&why) {
                continue;
            }
            reported.push(why.clone());
            out.push(
                Violation::new(
                    &path,
                    format!(
                        "activity `{}` takes solely automated decisions with significant effects on people in {} and {why}",
                        a.id,
                        u.regime.name()
                    ),
                )
                .help("involve a person meaningfully in the decision, or rest it on a permitted ground and set `human_review = true` once people can obtain review"),
            );
        }
    }
    out
}
