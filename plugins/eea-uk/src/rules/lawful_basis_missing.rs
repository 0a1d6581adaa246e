use juris_core::jiff::civil::date;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `eea-uk/lawful-basis-missing`
pub static RULE: Rule = Rule {
    id: "eea-uk/lawful-basis-missing",
    title: "Processing activity without a lawful basis",
    citation: "GDPR Art. 6(1); UK GDPR Art. 6(1)",
    severity: Severity::Error,
    in_force: InForce::from(date(2018, 5, 25)),
    docs: r#"
## What it does
Flags every processing activity that touches an EEA or UK market and names no
lawful basis for some of the people there: neither `legal_basis` nor a
`legal_basis_by` entry covering their country (an entry for `EEA`, for the
country itself, or `*`). An entry for one country does not stand in for the
others: with `markets = ["EEA"]` and only `legal_basis_by = { DE = "consent" }`,
the other 29 EEA countries have no basis.

## Why
Processing is lawful only if and to the extent that at least one of the six
bases of Art. 6(1) applies. A controller must identify the basis before it
processes (Art. 5(2) accountability) and tell people what it is (Art. 13(1)(c)).

## Example
```toml
[[activities]]
id = "newsletter"
uses = ["marketing.communications.email"]
# no legal_basis
```

## How to fix
Name the basis: `legal_basis = "consent"` (or `contract`, `legal_obligation`,
`vital_interests`, `public_task`, `legitimate_interests`), or give the EEA or
UK basis in `legal_basis_by = { EEA = "...", GB = "..." }`.
"#,
    check,
    fails: include_str!("fixtures/lawful_basis_missing.fail.toml"),
    passes: include_str!("fixtures/lawful_basis_missing.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let reach = crate::reach(ctx);
    let mut out = Vec::new();
    for (i, activity) in m.activities.iter().enumerate() {
        let missing = crate::bases_under(m, activity, reach.of(i), ctx.as_of).missing;
        if missing.is_empty() {
            continue;
        }
        out.push(
            Violation::new(
                format!("activities[{i}]"),
                format!("activity `{}` has no lawful basis for {}", activity.id, crate::name_places(&missing)),
            )
            .help("add `legal_basis = \"...\"` with one of the six bases of Art. 6(1)"),
        );
    }
    out
}
