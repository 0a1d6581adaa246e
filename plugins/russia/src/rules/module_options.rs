use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::options;

/// `russia/module-options`
pub static RULE: Rule = Rule {
    id: "russia/module-options",
    title: "Malformed `[modules.russia]` table",
    citation: "juris manifest schema 1, `modules` (the Russia module's own table)",
    severity: Severity::Error,
    in_force_from: None,
    in_force_until: None,
    docs: r#"
## What it does
Reads the `[modules.russia]` table and reports it when it has an unknown key
or a value of the wrong type. The other Russia rules then read the defaults,
so a typo would otherwise silently switch a setting off.

## Why
The table carries facts only 152-FZ asks about and the switches for
readings of the law the fact sheet marks as disputed. Its keys are:

- `consent_separate_document` (bool, default `false`): consent is collected
  as a separate document (Art. 9(1) as amended by 156-FZ);
- `localization_scope` (`"strict"`, the default, or `"collection-only"`):
  the reach of Art. 18(5) as amended by 23-FZ;
- `operator_notification_exemption` (`"non-automated"`, `"state-system"` or
  `"transport-security"`): the Art. 22(2) exemption relied on;
- `adequate_countries` (list of codes): destinations counsel confirmed as
  adequate under Art. 12(2), in addition to the built-in list.

## Example
```toml
[modules.russia]
consent_seperate_document = true     # misspelt
localization_scope = "mirrors-ok"    # not a known value
```

## How to fix
Use the keys and values above:

```toml
[modules.russia]
consent_separate_document = true
localization_scope = "collection-only"
```
"#,
    check,
    fails: include_str!("fixtures/module_options.fail.toml"),
    passes: include_str!("fixtures/module_options.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    match options::read(&ctx.manifest) {
        Ok(_) => Vec::new(),
        Err(e) => vec![
            Violation::new(options::PATH, format!("the `[modules.russia]` table is malformed: {e}")).help(
                "use only `consent_separate_document`, `localization_scope`, `operator_notification_exemption` and `adequate_countries`, with the documented values",
            ),
        ],
    }
}
