use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `ch/module-options`
pub static RULE: Rule = Rule {
    id: "ch/module-options",
    title: "Malformed `[modules.ch]` table",
    citation: "juris manifest schema 1, `modules` (the Swiss module's own table)",
    severity: Severity::Error,
    in_force_from: None,
    in_force_until: None,
    docs: r#"
## What it does
Checks that `[modules.ch]` has only the keys the Swiss module knows, with the
right types. When it does not, the other Swiss rules run on the defaults, so
the facts recorded there are ignored until the table is fixed.

## Why
The table carries facts the shared manifest has no field for: the countries
the privacy notice names (FADP Art. 19(4)) and whether processing is large
scale, regular or high risk (Art. 14, Art. 22; DPO Art. 24). A misspelt key
would otherwise be ignored silently and change the outcome of the check.

## Example
```toml
[modules.ch]
procesing_high_risk = true   # misspelt
```

## How to fix
Use the documented keys: `notice_transfer_countries` (a list of country
codes), `processing_large_scale`, `processing_regular`,
`processing_high_risk` and `high_risk_profiling` (each `true` or `false`).

## Facts
Nothing legal is encoded here; this is the module's input validation.
"#,
    check,
    fails: include_str!("fixtures/module_options.fail.toml"),
    passes: include_str!("fixtures/module_options.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    match crate::options::parse(&ctx.manifest) {
        Ok(_) => Vec::new(),
        Err((path, message)) => vec![
            Violation::new(path, format!("the `[modules.ch]` table is malformed: {message}"))
                .help("fix the key or value; `juris explain ch/module-options` lists the keys the module reads"),
        ],
    }
}
