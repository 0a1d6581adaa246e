use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `brazil/legitimate-interest-safeguards`
pub static RULE: Rule = Rule {
    id: "brazil/legitimate-interest-safeguards",
    title: "Legitimate-interest processing without the Art. 10 safeguards",
    citation: "LGPD Art. 10 caput, §1-§3; Art. 7 IX; Art. 37",
    severity: Severity::Error,
    in_force: InForce::from(crate::LGPD_IN_FORCE),
    docs: r#"
## What it does
For every activity touching Brazil whose LGPD basis is `legitimate_interests`
(activities with sensitive data, which cannot rest on it at all, are left to
`brazil/legal-basis-invalid`):

- an error when the organisation publishes no privacy policy (`[notices]
  privacy_policy`): Art. 10 §2 requires transparency about processing based on
  legitimate interests;
- a warning when the activity has no `legitimate_interest_assessment`: the
  record that shows the legitimate purpose in a concrete situation (caput), that
  only strictly necessary data is used (§1), and the balance against the
  person's fundamental rights (Art. 7 IX). The ANPD may ask for it, and for an
  impact report (§3; see `brazil/ripd-indicated`).

## Why
Legitimate interests may ground processing only for legitimate purposes
considered from concrete situations, with strictly necessary data, and with
measures that ensure transparency (Art. 10). The controller must keep records
of processing, "especially" when it rests on legitimate interests (Art. 37).

## Example
```toml
[[activities]]
id = "recommendations"
uses = ["personalize.content.profiled"]
legal_basis = "legitimate_interests"
# no legitimate_interest_assessment, and no [notices] privacy_policy
```

## How to fix
Document the assessment and reference it:
`legitimate_interest_assessment = "docs/lia-recommendations.pdf"`; publish a
privacy policy that explains the processing and set `[notices] privacy_policy`.
"#,
    check,
    fails: include_str!("fixtures/legitimate_interest_safeguards.fail.toml"),
    passes: include_str!("fixtures/legitimate_interest_safeguards.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let mut out = Vec::new();
    let mut policy_reported = false;
    for (i, activity) in crate::activities(ctx) {
        let Some((basis, path)) = crate::basis(m, i, activity) else { continue };
        // Sensitive data cannot rest on legitimate interests at all:
        // `brazil/legal-basis-invalid` reports that, and safeguards are moot.
        if basis != "legitimate_interests" || crate::options::sensitive_category(activity).is_some() {
            continue;
        }
        if m.notices.privacy_policy.is_none() && !policy_reported {
            policy_reported = true;
            out.push(
                Violation::new(
                    "notices",
                    format!(
                        "activity `{}` rests on legitimate interests, but no privacy policy makes it transparent",
                        activity.id
                    ),
                )
                .help("publish a privacy policy that explains the processing and set `[notices] privacy_policy`"),
            );
        }
        if activity.legitimate_interest_assessment.is_none() {
            out.push(
                Violation::new(
                    path,
                    format!(
                        "activity `{}` rests on legitimate interests without a documented assessment of purpose, necessity and balance",
                        activity.id
                    ),
                )
                .help("document the assessment and set `legitimate_interest_assessment = \"...\"` on the activity")
                .severity(Severity::Warning),
            );
        }
    }
    out
}
