use juris_core::Severity;

use super::HostRule;

/// `juris/module-table-unused`
pub static RULE: HostRule = HostRule {
    id: "juris/module-table-unused",
    title: "A [modules.<id>] table for a module that is not loaded",
    citation: "juris manifest schema 1, `modules` table: each table is read by the module of that id",
    severity: Severity::Warning,
    adjustable: true,
    docs: r#"
## What it does
Reports a `[modules.<id>]` table whose id names no loaded module, with the
closest loaded module's id.

## Why
Module tables hold facts only one module reads (small-agent status in
Brazil, a DPO threshold in the EEA). A table under a mistyped id, or for a
module that is not installed, is read by no one, so the facts in it change
nothing, silently.

## Example
```toml
[modules.eeauk]        # the module is `eea-uk`
large_scale = true
```

## How to fix
Correct the id (`juris plugins` lists the loaded modules), or install the
module the table is for.
"#,
};
