use juris_core::RequestKind;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `brazil/automated-decision-review`
pub static RULE: Rule = Rule {
    id: "brazil/automated-decision-review",
    title: "Solely automated decisions without a way to ask for their review",
    citation: "LGPD Art. 20 caput and §1; Art. 18 §3",
    severity: Severity::Error,
    in_force: InForce::from(crate::LGPD_IN_FORCE),
    docs: r#"
## What it does
For activities the LGPD governs with an `automated_decision` that is
`solely_automated`, requires a way for the person to ask for its review: the
decision offers `human_review` or `opt_out_or_appeal`, or `[rights] supported`
lists `automated-decision-review`. It is an error when the decision has a
`significant_effect`, a warning otherwise (Art. 20 reaches every decision that
affects the person's interests, profiling included, which the manifest cannot
grade).

## Why
The data subject may ask for the review of decisions taken solely on the
basis of automated processing that affect their interests, including those
defining their personal, professional, consumer or credit profile, and may
ask for clear information on the criteria and procedures used (Art. 20 caput
and §1). Since Lei 13.853/2019 the review need not be done by a natural
person, but it must be available.

## Example
```toml
[[activities]]
id = "credit-score"
automated_decision = { solely_automated = true, significant_effect = true }
# no human_review, no appeal, and no automated-decision-review in [rights] supported
```

## How to fix
Offer a review channel and say so: `human_review = true` on the decision, or
add `"automated-decision-review"` to `[rights] supported`; be ready to explain
the criteria and procedures used.
"#,
    check,
    fails: include_str!("fixtures/automated_decision_review.fail.toml"),
    passes: include_str!("fixtures/automated_decision_review.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let reviewable = m.rights.supported.contains(&RequestKind::AutomatedDecisionReview);
    let mut out = Vec::new();
    for (i, activity) in crate::activities(ctx) {
        let Some(decision) = &activity.automated_decision else { continue };
        if !decision.solely_automated || decision.human_review || decision.opt_out_or_appeal || reviewable {
            continue;
        }
        let mut v = Violation::new(
            format!("activities[{i}].automated_decision"),
            format!(
                "activity `{}` takes decisions solely by automated means with no way for the person to ask for their review (LGPD Art. 20)",
                activity.id
            ),
        )
        .help("offer a review of the decision (`human_review = true`, or `\"automated-decision-review\"` in `[rights] supported`) and explain its criteria on request");
        if !decision.significant_effect {
            v = v.severity(Severity::Warning);
        }
        out.push(v);
    }
    out
}
