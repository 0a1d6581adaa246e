use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::options::{processes_childrens_data, sensitive_category};

/// `brazil/ripd-indicated`
pub static RULE: Rule = Rule {
    id: "brazil/ripd-indicated",
    title: "Impact report (RIPD) indicated but not referenced",
    citation: "LGPD Art. 38 caput and sole paragraph; Art. 10 §3; Art. 5 XVII; Res. CD/ANPD 2/2022 Art. 4",
    severity: Severity::Warning,
    in_force: InForce::from(crate::LGPD_IN_FORCE),
    docs: r#"
## What it does
Warns about every activity touching Brazil that has no `impact_assessment`
reference although the ANPD may ask for a data protection impact report
(relatório de impacto à proteção de dados pessoais, RIPD) on it:

- it rests on legitimate interests (Art. 10 §3);
- it processes sensitive data (Art. 38 caput names sensitive data) or
  children's data;
- `[modules.brazil] high_risk` declares large-scale processing or processing
  that may significantly affect people's rights (Res. CD/ANPD 2/2022 Art. 4 I).

## Why
The ANPD may determine that a controller prepare a RIPD, including on
sensitive data (Art. 38), and may ask for one where processing rests on
legitimate interests (Art. 10 §3). The report must describe at least the kinds
of data collected, the collection and security methodology, and the
controller's analysis of the measures and mechanisms that mitigate risk
(Art. 38 sole paragraph). Having it ready avoids answering the ANPD under a
deadline. It is a warning because the law makes it due on request.

## Example
```toml
[[activities]]
id = "face-login"
data_categories = ["user.biometric"]
legal_basis = "consent"
# no impact_assessment
```

## How to fix
Prepare the RIPD and reference it: `impact_assessment = "docs/ripd-face-login.pdf"`.

## Uncertainty
The ANPD's RIPD regulation is still pending (Agenda Regulatória 2025-2026
item 2); the triggers here follow the statute and the high-risk criteria of
Res. 2/2022.
"#,
    check,
    fails: include_str!("fixtures/ripd_indicated.fail.toml"),
    passes: include_str!("fixtures/ripd_indicated.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let opts = ctx.options::<crate::options::Options>();
    let general = opts.high_risk.large_scale || opts.high_risk.significant_effect;
    let mut out = Vec::new();
    for (i, activity) in crate::activities(ctx) {
        if activity.impact_assessment.is_some() {
            continue;
        }
        let why = if crate::basis(m, i, activity).is_some_and(|(b, _)| b == "legitimate_interests") {
            "rests on legitimate interests (Art. 10 §3)".to_string()
        } else if let Some(category) = sensitive_category(activity) {
            format!("processes sensitive data (`{category}`)")
        } else if processes_childrens_data(activity) {
            "processes children's data".to_string()
        } else if general {
            "is part of processing declared large-scale or significantly affecting people's rights in `[modules.brazil] high_risk`".to_string()
        } else {
            continue;
        };
        out.push(
            Violation::new(
                format!("activities[{i}]"),
                format!("activity `{}` {why} but references no impact report (RIPD)", activity.id),
            )
            .help("prepare the RIPD (LGPD Art. 38) and set `impact_assessment = \"...\"` on the activity"),
        );
    }
    out
}
