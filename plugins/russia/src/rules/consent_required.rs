use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::law::{self, BIOMETRIC_CATEGORIES, FZ152_IN_FORCE, Ground, SPECIAL_CATEGORIES, SPECIAL_CONDITIONS};

/// `russia/consent-required`
pub static RULE: Rule = Rule {
    id: "russia/consent-required",
    title: "Processing without consent where no other ground applies",
    citation: "152-FZ Art. 6(1), Art. 9(1), Art. 10(1)-(2), Art. 11(1)-(2), Art. 15(1)",
    severity: Severity::Error,
    in_force: InForce::from(FZ152_IN_FORCE),
    docs: r#"
## What it does
For every activity that touches Russia, reads the ground for Russia
(`legal_basis_by.RU`, else `legal_basis`) and flags:

- an activity with no ground, or with a ground that is not one of Art. 6(1)
  (`consent`, `legal_obligation`, `legal_proceedings`,
  `enforcement_proceedings`, `public_task`, `contract`, `vital_interests`,
  `legitimate_interests`, `journalism`, `research`,
  `ai_experimental_regime`, `mandatory_publication`): it needs consent;
- special categories (race or nationality, political views, religious or
  philosophical beliefs, health, intimate life) without a
  `special_category_condition`, or with one that is not a case of Art. 10(2):
  `written_consent` (item 1), `permitted_for_distribution` (2),
  `readmission_treaty` (2.1), `population_census` (2.2),
  `social_security_labour_law` or `employment_social_security` (2.3),
  `vital_interests` (3), `medical_purposes` or `health_or_social_care` (4),
  `association_members` or `not_for_profit` (5), `rights_and_justice` or
  `legal_claims` (6), `security_law` (7), `prosecutor_supervision` (7.1),
  `insurance_law` (8), `child_placement` (9), `citizenship_law` (10). GDPR's
  `explicit_consent`, `substantial_public_interest`, `public_health`,
  `archiving_research_statistics` and `manifestly_made_public` are not
  cases of Art. 10(2), whatever the Art. 6(1) ground;
- biometric data without written consent (`special_category_condition =
  "written_consent"`; `explicit_consent` does not show the written form),
  unless the ground is one Art. 11(2) covers: `public_task`,
  `legal_obligation`, `legal_proceedings` or `enforcement_proceedings`;
- direct marketing (`marketing.communications`) without consent.

Criminal records are `russia/criminal-records`.

## Why
Processing is lawful only on one of the grounds of Art. 6(1); where none
other applies, the subject's consent (item 1), given freely, specifically,
informed, consciously and unambiguously (Art. 9(1)), is required. Special
categories may be processed only in the cases of Art. 10(2), first among
them the subject's written consent; biometric data only with written
consent, save the state functions of Art. 11(2). Promoting goods and services
by direct contact through means of communication, and political campaigning,
need the subject's prior consent (Art. 15(1)).

## Example
```toml
[[activities]]
id = "newsletter"
name = "Marketing e-mails"
uses = ["marketing.communications.email"]
data_categories = ["user.contact.email"]
data_subjects = ["customer"]
legal_basis = "legitimate_interests"
```

## How to fix
Obtain consent and record it (`legal_basis = "consent"`, or
`legal_basis_by = { RU = "consent" }` where Russia differs), or name the
Art. 6(1) ground that applies. For special categories and biometrics, obtain
written consent (an electronic document with an electronic signature counts)
and set `special_category_condition = "written_consent"`.

## Uncertainty
The Art. 10(2) cases are read from the current text of 152-FZ Art. 10
(https://base.garant.ru/77691339/3d3a9e2eb4f30c73ea6671464e2a54b5; full text
at https://www.consultant.ru/document/cons_doc_LAW_61801/): only item 1 is
a consent, and it must be in writing (base.garant.ru/58073905: "никакая иная
форма согласия не допускается"); an electronic document signed with an
electronic signature counts (Art. 9(4)). The GDPR names accepted above are
read as the Art. 10(2) item they describe. Art. 11(2) lists the cases where
biometric data may be processed without consent, each set by a federal law;
the rule accepts the grounds that rest on a law or a court, not a contract or
legitimate interests. Since 2023-06-01 (Federal Law No. 572-FZ of 29.12.2022)
identification by biometrics by most private organisations must go through
the Unified Biometric System; the manifest has no fact for that, so it is not
checked. Sexual orientation is read as "intimate life" (Art. 10(1)).

## Fines
KoAP RF Art. 13.11(1) (processing without grounds), as amended by 420-FZ of
30.11.2024 from 2025-05-30: legal entities RUB 150-300 thousand; Art.
13.11(1.1) (repeat) RUB 300-500 thousand. Art. 13.11(2) (processing without
consent where it is required, or a consent lacking its required content):
legal entities RUB 300-700 thousand, repeat up to RUB 1.5 million
(elcode.ru, 09.06.2025; garant.ru/news/1816746). Before 2025-05-30 the bands
were lower (Art. 13.11(1): RUB 60-100 thousand).
"#,
    check,
    fails: include_str!("fixtures/consent_required.fail.toml"),
    passes: include_str!("fixtures/consent_required.pass.toml"),
};

/// Whether `special_category_condition` records the written consent Art. 11(1)
/// requires. GDPR's `explicit_consent` is not enough: it may be given orally or
/// by a click, while 152-FZ's written form needs a signature (by hand, or an
/// electronic signature on an electronic document, Art. 9(4)).
fn is_written_consent(condition: Option<&str>) -> bool {
    condition == Some("written_consent")
}

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let mut out = Vec::new();
    for (i, activity) in law::ru_activities(m) {
        let ground = match law::ground(m, i, activity) {
            None => {
                out.push(
                    Violation::new(
                        format!("activities[{i}]"),
                        format!("activity `{}` names no ground under Art. 6(1), so it needs the person's consent", activity.id),
                    )
                    .help("obtain consent and set `legal_basis = \"consent\"`, or name the Art. 6(1) ground that applies (e.g. `contract`, `legal_obligation`)"),
                );
                continue;
            }
            Some((None, name, path)) => {
                out.push(
                    Violation::new(
                        path,
                        format!("`{name}` is not a ground under 152-FZ Art. 6(1), so activity `{}` needs the person's consent", activity.id),
                    )
                    .help(format!(
                        "use one of {} for Russia, e.g. in `legal_basis_by = {{ RU = \"consent\" }}`",
                        Ground::NAMES.join(", ")
                    )),
                );
                continue;
            }
            Some((Some(g), _, path)) => (g, path),
        };
        let (ground, basis_path) = ground;
        let condition = activity.special_category_condition.as_deref();
        let category_path = |key: &str| {
            let j = activity.data_categories.iter().position(|c| c.as_str() == key).unwrap_or(0);
            format!("activities[{i}].data_categories[{j}]")
        };
        if let Some(key) = law::first_within(activity, SPECIAL_CATEGORIES) {
            match condition {
                None => out.push(
                    Violation::new(
                        category_path(key),
                        format!(
                            "activity `{}` processes special-category data (`{key}`) without written consent or another Art. 10(2) case",
                            activity.id
                        ),
                    )
                    .help("obtain written consent and set `special_category_condition = \"written_consent\"`, or name the Art. 10(2) case relied on"),
                ),
                Some(name) if law::special_condition(name).is_none() => out.push(
                    Violation::new(
                        format!("activities[{i}].special_category_condition"),
                        format!(
                            "`{name}` is not a case of 152-FZ Art. 10(2), so activity `{}` may not process special-category data (`{key}`); on consent it must be written consent",
                            activity.id
                        ),
                    )
                    .help(format!(
                        "obtain written consent (`written_consent`), or name the Art. 10(2) case that applies: {}",
                        SPECIAL_CONDITIONS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
                    )),
                ),
                Some(_) => {}
            }
        }
        if let Some(key) = law::first_within(activity, BIOMETRIC_CATEGORIES)
            && !law::biometrics_without_consent(ground)
            && !is_written_consent(condition)
        {
            out.push(
                    Violation::new(
                        category_path(key),
                        format!("activity `{}` processes biometric data (`{key}`) without written consent", activity.id),
                    )
                    .help("obtain written consent (Art. 11(1)) and set `special_category_condition = \"written_consent\"`; a service may not be refused to someone who will not give biometrics"),
                );
        }
        if ground != Ground::Consent && activity.uses.iter().any(|u| u.is_within("marketing.communications")) {
            out.push(
                Violation::new(
                    basis_path,
                    format!(
                        "activity `{}` contacts people for direct marketing without their prior consent (Art. 15(1))",
                        activity.id
                    ),
                )
                .help("obtain prior consent for marketing messages to people in Russia: `legal_basis_by = { RU = \"consent\" }`"),
            );
        }
    }
    out
}
