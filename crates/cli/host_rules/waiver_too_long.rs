use juris_core::Severity;

use super::HostRule;

/// `juris/waiver-too-long`
pub static RULE: HostRule = HostRule {
    id: "juris/waiver-too-long",
    title: "A waiver runs longer than allowed",
    citation: "juris gate policy: a waiver may run at most `max_waiver_days` (default 365) days from the as-of date",
    severity: Severity::Error,
    adjustable: false,
    docs: r#"
## What it does
Reports a `[[waivers]]` entry whose `expires` date is more than
`max_waiver_days` days (default 365) after the as-of date. Such a waiver
waives nothing until it is shortened.

## Why
A waiver far in the future is a finding switched off in all but name. Review
cycles for accepted risks are usually a year or shorter; a project that
needs longer can say so in juris.toml, where the choice is visible.

## Example
```toml
[[waivers]]
rule = "california/privacy-policy-stale"
reason = "Policy rewrite planned"
owner = "legal@example.com"
expires = 2030-01-01
```

## How to fix
Set an `expires` date within the limit, or raise `max_waiver_days` in
juris.toml.
"#,
};
