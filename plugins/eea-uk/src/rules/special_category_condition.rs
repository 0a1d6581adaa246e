use juris_core::jiff::civil::date;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `eea-uk/special-category-condition`
pub static RULE: Rule = Rule {
    id: "eea-uk/special-category-condition",
    title: "Special-category data without an Art. 9(2) condition",
    citation: "GDPR Art. 9(1)-(2); UK GDPR Art. 9(1)-(2) with DPA 2018 s.10 and Sch 1",
    severity: Severity::Error,
    in_force: InForce::from(date(2018, 5, 25)),
    docs: r#"
## What it does
Flags every activity touching an EEA or UK market whose `data_categories`
include special-category data and whose `special_category_condition` is
missing or is not one of the ten conditions of Art. 9(2). Special-category
fideslang keys: `user.biometric` (and `user.authorization.biometric`),
`user.health_and_medical` (including genetic data),
`user.demographic.race_ethnicity`, `user.demographic.political_opinion`,
`user.demographic.religious_belief` and `user.demographic.sexual_orientation`.

Accepted conditions, by letter of Art. 9(2): `explicit_consent` (a),
`employment_social_security` (b), `vital_interests` (c), `not_for_profit` (d),
`manifestly_made_public` (e), `legal_claims` (f),
`substantial_public_interest` (g), `health_or_social_care` (h),
`public_health` (i), `archiving_research_statistics` (j).

## Why
Art. 9(1) prohibits processing these data unless one of the conditions of
Art. 9(2) applies, in addition to an Art. 6 basis. In the UK, conditions (b),
(g), (h), (i) and (j) also need a DPA 2018 Sch 1 condition, some with an
appropriate policy document.

## Example
```toml
[[activities]]
id = "id-check"
data_categories = ["user.biometric.fingerprint"]
legal_basis = "legal_obligation"
# no special_category_condition
```

## How to fix
Name the condition: `special_category_condition = "explicit_consent"`, or
stop collecting the special-category data. Trade-union membership has no
fideslang key and is not detected: check it by hand.
"#,
    check,
    fails: include_str!("fixtures/special_category_condition.fail.toml"),
    passes: include_str!("fixtures/special_category_condition.pass.toml"),
};

/// The conditions of Art. 9(2)(a)-(j), in order.
pub const CONDITIONS: [&str; 10] = [
    "explicit_consent",
    "employment_social_security",
    "vital_interests",
    "not_for_profit",
    "manifestly_made_public",
    "legal_claims",
    "substantial_public_interest",
    "health_or_social_care",
    "public_health",
    "archiving_research_statistics",
];

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let reach = crate::reach(ctx);
    let mut out = Vec::new();
    for (i, activity) in m.activities.iter().enumerate() {
        if reach.of(i).is_empty() {
            continue;
        }
        let Some((key, what)) =
            activity.data_categories.iter().find_map(|c| crate::data::special_category(c.as_str()).map(|w| (c, w)))
        else {
            continue;
        };
        match activity.special_category_condition.as_deref() {
            None => out.push(
                Violation::new(
                    format!("activities[{i}]"),
                    format!("activity `{}` processes {what} (`{key}`) without an Art. 9(2) condition", activity.id),
                )
                .help("add `special_category_condition = \"explicit_consent\"` or another Art. 9(2) condition"),
            ),
            Some(c) if !CONDITIONS.contains(&c) => out.push(
                Violation::new(
                    format!("activities[{i}].special_category_condition"),
                    format!("`{c}` is not an Art. 9(2) condition"),
                )
                .help(format!("use one of {}", CONDITIONS.join(", "))),
            ),
            Some(_) => {}
        }
    }
    out
}
