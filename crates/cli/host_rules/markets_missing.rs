use juris_core::{Manifest, Severity};

use super::HostRule;

/// `juris/markets-missing`
pub static RULE: HostRule = HostRule {
    id: "juris/markets-missing",
    title: "The manifest names no market and no establishment",
    citation: "juris gate policy: a check must have a market to apply law to (no vacuous pass)",
    severity: Severity::Error,
    adjustable: false,
    docs: r#"
## What it does
Reports a manifest whose `organization.markets`, `organization.established`,
every activity's `markets` and every entity's `serves` are all empty.

## Why
Each module applies its law where the organisation is established or where it
offers goods and services. With neither stated, every module has nothing to
apply its law to, and `juris check` would pass without having checked
anything. A compliance gate that is green because it checked nothing is worse
than no gate.

## Example
```toml
[organization]
name = "Acme"
```

## How to fix
Say where the organisation is established and where it offers goods or
services or monitors people:

```toml
[organization]
name = "Acme"
established = ["DE"]
markets = ["EEA", "GB", "US-CA"]
```
"#,
};

/// The finding, when the manifest names nothing the law could attach to.
pub fn check(manifest: &Manifest) -> Option<(String, String, String)> {
    let org = &manifest.organization;
    let nothing = org.markets.is_empty()
        && org.established.is_empty()
        && manifest.activities.iter().all(|a| a.markets.is_empty())
        && manifest.entities.iter().all(|e| e.serves.is_empty());
    nothing.then(|| {
        (
            "organization".to_string(),
            "the manifest names no market and no establishment, so no module has law to apply".to_string(),
            "list where the organisation is established (`established`) and where it offers goods or services (`markets`)"
                .to_string(),
        )
    })
}
