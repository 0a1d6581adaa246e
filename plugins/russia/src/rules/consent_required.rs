use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::law::{self, BIOMETRIC_CATEGORIES, Ground, SPECIAL_CATEGORIES};

/// `russia/consent-required`
pub static RULE: Rule = Rule {
    id: "russia/consent-required",
    title: "Processing without consent where no other ground applies",
    citation: "152-FZ Art. 6(1), Art. 9(1), Art. 10(1)-(2), Art. 11(1), Art. 15(1)",
    severity: Severity::Error,
    in_force: InForce { from: None, until: None },
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
  philosophical beliefs, health, intimate life; criminal records) without a
  `special_category_condition` naming written consent (`written_consent`) or
  another Art. 10(2) case, whatever the Art. 6(1) ground;
- biometric data without written consent (`special_category_condition =
  "written_consent"`; GDPR's `explicit_consent` does not show the written
  form) unless the ground is `public_task` (Art. 11(2));
- direct marketing (`marketing.communications`) without consent.

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
The fact sheet verifies Art. 6(1) items 1-3.1 and 9; items 4-8 and 11 and
the list of special categories of Art. 10(1) come from recall (RU-CONS-06,
open item 5). Any `special_category_condition` is accepted as naming an
Art. 10(2) case, since the full list of those cases was not retrieved. For
biometrics only `written_consent` is accepted (conservatively: Art. 11(1)
asks for written consent, which `explicit_consent` does not prove), and only
`public_task` is taken as an Art. 11(2) case, as the fact sheet names no
other.

## Fines
KoAP Art. 13.11(1) (processing without grounds): legal entities RUB 150-300
thousand, repeat RUB 300-500 thousand. Art. 13.11(2) (processing without
consent where consent is required): legal entities RUB 300-700 thousand,
repeat up to RUB 1.5 million.
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
        if let Some(key) = law::first_within(activity, SPECIAL_CATEGORIES)
            && condition.is_none()
        {
            out.push(
                    Violation::new(
                        category_path(key),
                        format!(
                            "activity `{}` processes special-category data (`{key}`) without written consent or another Art. 10(2) case",
                            activity.id
                        ),
                    )
                    .help("obtain written consent and set `special_category_condition = \"written_consent\"`, or name the Art. 10(2) case relied on"),
                );
        }
        if let Some(key) = law::first_within(activity, BIOMETRIC_CATEGORIES)
            && ground != Ground::PublicTask
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
