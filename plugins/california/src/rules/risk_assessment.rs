use juris_core::jiff::civil::{Date, date};
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// Risk assessments are required for processing from this day (11 CCR §7150).
pub const RISK_ASSESSMENTS_FROM: Date = date(2026, 1, 1);
/// Processing that began before 2026 must be assessed by this day (§7155(c)).
pub const EXISTING_PROCESSING_BY: Date = date(2027, 12, 31);
/// The attestation and summary for 2026-2027 are due (§7157).
pub const ATTESTATION_DUE: Date = date(2028, 4, 1);

/// `california/risk-assessment`
pub static RULE: Rule = Rule {
    id: "california/risk-assessment",
    title: "Processing that presents significant risk without a risk assessment, or its attestation not submitted",
    citation: "Civ. Code §1798.185(a)(15)(B); 11 CCR §§7150, 7155, 7157",
    severity: Severity::Error,
    in_force: InForce::from(RISK_ASSESSMENTS_FROM),
    docs: r#"
## What it does
From 2026-01-01, when the CCPA applies, finds activities that touch
California and present significant risk to consumers' privacy (11 CCR
§7150(b)): they sell or share personal information (derived or declared),
process sensitive personal information (read as for
`california/sensitive-limit-link`), or make significant decisions with
automated decision-making technology. Each needs a risk assessment
(`impact_assessment = "<reference>"`). Until 2027-12-31 a missing assessment
is a warning, since processing that began before 2026-01-01 may be assessed
by then (§7155(c)); from 2028-01-01 it is an error. From 2028-04-01 the
attestation and summary for 2026-2027 must have been submitted to the CPPA
(`risk_assessment_attestation_submitted = true` in `[modules.california]`,
§7157).

## Why
The CCPA regulations approved on 2025-09-23 and effective 2026-01-01 require a
business to conduct a risk assessment before processing that presents
significant risk, weighing its benefits against the risks to consumers, and to
submit an attestation and summary to the CPPA, the first by 2028-04-01:
<https://cppa.ca.gov/announcements/2025/20250923.html>.

## Example
```toml
[[activities]]
id = "interest-ads"
sells_or_shares = true
# no impact_assessment
```

## How to fix
Conduct the assessment with the content of §7152, record it in
`impact_assessment`, and submit the attestation and summary by 2028-04-01.

## Uncertainty
The manifest does not say when an activity began, so any activity may be one
begun before 2026-01-01; its missing assessment is therefore a warning until
2027-12-31. §7150(b) also covers training ADMT or facial-recognition
technology and automated inferences about workers or students, which the
manifest's uses can state only in part (`train_ai_system` is read as such
training when sensitive data feeds it).
"#,
    check,
    fails: include_str!("fixtures/risk_assessment.fail.toml"),
    passes: include_str!("fixtures/risk_assessment.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let Some(options) = super::ccpa(ctx) else { return Vec::new() };
    let m = &ctx.manifest;
    let selling = crate::applicability::selling_activities_in(ctx);
    let mut out = Vec::new();
    let mut any_required = false;
    for (i, a) in crate::applicability::covered_activities(m, &options) {
        let mut why = Vec::new();
        if selling.contains(i) {
            why.push("sells or shares personal information (§7150(b)(1))");
        }
        if !crate::sensitive::sensitive_categories(m, &options, a, ctx.as_of).is_empty() {
            why.push("processes sensitive personal information (§7150(b)(2))");
        }
        if a.automated_decision
            .as_ref()
            .is_some_and(|d| d.significant_effect && (d.solely_automated || !d.human_review))
        {
            why.push("uses automated decision-making technology for significant decisions (§7150(b)(3))");
        }
        if why.is_empty() {
            continue;
        }
        any_required = true;
        if a.impact_assessment.as_deref().is_some_and(|r| !r.trim().is_empty()) {
            continue;
        }
        let violation = Violation::new(
            format!("activities[{i}]"),
            format!("activity `{}` {}, but no risk assessment is recorded", a.id, why.join(", ")),
        )
        .help("conduct a risk assessment under 11 CCR §7152 and set `impact_assessment = \"<reference>\"`");
        out.push(if ctx.as_of <= EXISTING_PROCESSING_BY {
            violation
                .help("conduct a risk assessment under 11 CCR §7152 and set `impact_assessment = \"<reference>\"`; processing begun before 2026-01-01 must be assessed by 2027-12-31, new processing before it starts")
                .severity(Severity::Warning)
        } else {
            violation
        });
    }
    if any_required && ctx.as_of >= ATTESTATION_DUE && !options.risk_assessment_attestation_submitted {
        out.push(
            Violation::new(
                "modules.california.risk_assessment_attestation_submitted",
                "the attestation and summary of the risk assessments for 2026 and 2027, due to the CPPA by 2028-04-01, are not recorded as submitted (11 CCR §7157)",
            )
            .help("submit them through the CPPA's website and set `risk_assessment_attestation_submitted = true` in `[modules.california]`"),
        );
    }
    out
}
