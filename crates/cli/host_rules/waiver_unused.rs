use juris_core::Severity;

use super::HostRule;

/// `juris/waiver-unused`
pub static RULE: HostRule = HostRule {
    id: "juris/waiver-unused",
    title: "A waiver matches no finding",
    citation: "juris gate policy: a waiver is kept only while it waives something",
    severity: Severity::Warning,
    adjustable: true,
    docs: r#"
## What it does
Reports a valid `[[waivers]]` entry that matched no finding of the check.

## Why
A waiver whose finding is gone (fixed, or the rule changed) is dead weight,
and a trap: it would silently waive the finding if it came back. Unused
waivers should be removed, as unused `noqa` comments are.

## Example
```toml
[[waivers]]
rule = "eea-uk/dpo-missing"
reason = "..."
owner = "..."
expires = 2027-03-31
```
when a DPO contact has since been added.

## How to fix
Remove the waiver. If it matched no finding because its `target` is wrong,
correct the target.
"#,
};
