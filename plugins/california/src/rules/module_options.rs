use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `california/module-options`
pub static RULE: Rule = Rule {
    id: "california/module-options",
    title: "Malformed `[modules.california]` table",
    citation: "juris manifest schema 1, `modules` (the California module's own table)",
    severity: Severity::Error,
    in_force_from: None,
    in_force_until: None,
    docs: r#"
## What it does
Checks that `[modules.california]` has only the keys the module knows, with
the right types. When it does not, the other California rules run on the
defaults, so facts recorded there are ignored until the table is fixed.

## Why
The table carries facts the shared manifest has no field for, and switches for
uncertain readings of the law; a misspelt key would otherwise be ignored
silently and change the outcome of the check without a word.

## Example
```toml
[modules.california]
online_ony = true          # misspelt
business_day_holidays = "all"
```

## How to fix
Use the documented keys: `respond_counts_receipt_day` (bool),
`business_day_holidays` (`"state-offices"` or `"government-code"`),
`consumers_bought_sold_or_shared` (integer),
`revenue_percent_from_selling_or_sharing` (number, 0-100), `online_only`,
`opt_out_signal_status_shown`, `alternative_opt_out_link`,
`minors_data_is_sensitive` (bools), `[modules.california.minors]`
(`actual_knowledge_under_16`, `opt_in_13_to_15`,
`parental_authorization_under_13`), `[[modules.california.financial_incentives]]`
(`name`, `notice`), `[modules.california.shine_the_light]`
(`discloses_for_direct_marketing`, `designated_contact`, `opt_out_policy`) and
`[modules.california.data_broker]` (`registered_year`,
`drop_access_interval_days`).
"#,
    check,
    fails: include_str!("fixtures/module_options.fail.toml"),
    passes: include_str!("fixtures/module_options.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let mut out = Vec::new();
    match crate::options::parse(&ctx.manifest) {
        Ok(Some(options)) => {
            if let Some(p) = options.revenue_percent_from_selling_or_sharing
                && !(0.0..=100.0).contains(&p)
            {
                out.push(
                    Violation::new(
                        "modules.california.revenue_percent_from_selling_or_sharing",
                        format!("`revenue_percent_from_selling_or_sharing` is {p}, not a percentage from 0 to 100"),
                    )
                    .help("give the share of annual revenue from selling or sharing as a number from 0 to 100"),
                );
            }
        }
        Ok(None) => {}
        Err(error) => out.push(
            Violation::new("modules.california", format!("the `[modules.california]` table is malformed: {error}"))
                .help(
                    "fix the key or value; see `juris explain california/module-options` for the keys the module reads",
                ),
        ),
    }
    out
}
