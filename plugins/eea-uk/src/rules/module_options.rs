use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `eea-uk/module-options`
pub static RULE: Rule = Rule {
    id: "eea-uk/module-options",
    title: "Malformed [modules.eea-uk] table",
    citation: "juris manifest schema 1, `modules` table (module-specific facts for GDPR, UK GDPR, ePrivacy and PECR rules)",
    severity: Severity::Error,
    in_force_from: None,
    in_force_until: None,
    docs: r#"
## What it does
Reads `[modules.eea-uk]`, the table of facts only the EEA/UK module uses,
and reports a key it does not know or a value of the wrong type. While the
table is malformed, the other rules read the defaults.

Known keys: `public_authority` (bool), `large_scale` (bool),
`occasional_processing` (bool), `uk_representative_required` (bool),
`uk_month_beginning_with` (bool), `uk_analytics_exception` (bool),
`eu_identity_pause` (bool), `parental_consent_below` (age),
`offers_services_to_children` (bool), `child_consent_ages` (table of
country to age), `system_transfers` (table of country to mechanism), and
the table `complaints` with `channels` and `acknowledge_within_days`.

## Why
Every table of a juris manifest refuses unknown keys, so that a typo is an
error rather than a setting silently ignored; a mistyped switch here would
otherwise change which law the module applies without anyone noticing.

## Example
```toml
[modules.eea-uk]
large_scale = "yes"          # not a bool
uk_representative = false    # misspelt
```

## How to fix
Use the keys and types above: `large_scale = true`,
`uk_representative_required = false`.
"#,
    check,
    fails: include_str!("fixtures/module_options.fail.toml"),
    passes: include_str!("fixtures/module_options.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    match crate::options::parse(&ctx.manifest) {
        Ok(_) => Vec::new(),
        Err(why) => vec![
            Violation::new(crate::options::PATH, format!("`[modules.eea-uk]` is malformed: {why}"))
                .help("see `juris explain eea-uk/module-options` for the keys and their types"),
        ],
    }
}
