use juris_core::Severity;

use super::HostRule;

/// `juris/waiver-expired`
pub static RULE: HostRule = HostRule {
    id: "juris/waiver-expired",
    title: "A waiver is past its expiry date",
    citation: "juris gate policy: a waiver accepts a finding until its `expires` date",
    severity: Severity::Error,
    adjustable: false,
    docs: r#"
## What it does
Reports a `[[waivers]]` entry whose `expires` date is before the as-of date.
An expired waiver waives nothing: the findings it covered count again.

## Why
A waiver records a decision to accept a known risk for a time, with a reason
and an owner. When the time is up the decision must be taken again; a waiver
that quietly outlives its date would turn a temporary exception into a
permanent blind spot.

## Example
```toml
[[waivers]]
rule = "eea-uk/dpo-missing"
reason = "DPO appointment decided by the board, contract pending"
owner = "privacy@example.com"
expires = 2026-03-31
```
checked as of 2026-12-01.

## How to fix
Fix what the waiver covered and remove the waiver, or, if the risk is still
accepted, renew it with a new date, reason and owner.
"#,
};
