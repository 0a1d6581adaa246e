use juris_core::{Jurisdiction, Manifest, ModuleInfo, Severity};

use super::HostRule;

/// `juris/market-not-covered`
pub static RULE: HostRule = HostRule {
    id: "juris/market-not-covered",
    title: "A market the manifest names is checked by no loaded module",
    citation: "juris gate policy: every market a manifest names is checked by a loaded module, or accepted as unchecked in juris.toml",
    severity: Severity::Error,
    adjustable: false,
    docs: r#"
## What it does
Takes every market the manifest names, in `organization.markets`, in each
activity's `markets` and in each entity's `serves` (an entity serving `*` is
the default entity, not a market of its own); when it names none, the
places it is established in (`organization.established`, each entity's
`country`) stand in for them. Each must be covered by the
jurisdictions of a loaded module, or listed in `unchecked_markets` in
juris.toml. A market covered only in part (`US` when only the California
module is loaded) is not covered.

The check is skipped when `--module` restricts the run to some modules.

## Why
A market without a module is a market whose law nobody checked. If juris
reported "0 errors" for a manifest that serves Japan with no module for
Japan, a CI gate would be green for the wrong reason. Listing the market as
unchecked makes that a decision someone took, not an accident of which
plugins happened to be installed.

## Example
```toml
[organization]
markets = ["EEA", "JP"]   # no loaded module encodes Japanese law
```

## How to fix
Install a module for the market (see `juris plugins`), or accept it as
unchecked in juris.toml:

```toml
unchecked_markets = ["JP"]
```
"#,
};

/// Every market the manifest names, with its manifest path.
pub fn markets(manifest: &Manifest) -> Vec<(String, &Jurisdiction)> {
    let mut out = Vec::new();
    for (i, m) in manifest.organization.markets.iter().enumerate() {
        out.push((format!("organization.markets[{i}]"), m));
    }
    for (k, a) in manifest.activities.iter().enumerate() {
        for (i, m) in a.markets.iter().enumerate() {
            out.push((format!("activities[{k}].markets[{i}]"), m));
        }
    }
    for (k, e) in manifest.entities.iter().enumerate() {
        for (i, m) in e.serves.iter().enumerate() {
            if !matches!(m, Jurisdiction::Everywhere) {
                out.push((format!("entities[{k}].serves[{i}]"), m));
            }
        }
    }
    // A manifest that names no market at all (an import that still has its
    // TODOs, say) is judged where the organisation is established: laws apply
    // by establishment too, and "0 errors" must not come from naming nothing.
    if out.is_empty() {
        for (i, m) in manifest.organization.established.iter().enumerate() {
            out.push((format!("organization.established[{i}]"), m));
        }
        for (k, e) in manifest.entities.iter().enumerate() {
            out.push((format!("entities[{k}].country"), &e.country));
        }
    }
    out
}

/// A finding for each market no module covers: (path, message, help). Each
/// market is reported once, at its first mention.
pub fn check(
    manifest: &Manifest,
    modules: &[&ModuleInfo],
    unchecked: &[Jurisdiction],
) -> Vec<(String, String, String)> {
    let loaded: Vec<&str> = modules.iter().map(|m| m.id.as_str()).collect();
    let loaded = if loaded.is_empty() { "none".to_string() } else { loaded.join(", ") };
    let mut seen: Vec<&Jurisdiction> = Vec::new();
    let mut out = Vec::new();
    for (path, market) in markets(manifest) {
        if seen.contains(&market) {
            continue;
        }
        seen.push(market);
        let covered = modules.iter().any(|m| m.jurisdictions.iter().any(|j| j.covers(market)));
        if covered || unchecked.iter().any(|u| u.covers(market)) {
            continue;
        }
        let partly: Vec<String> = modules
            .iter()
            .flat_map(|m| {
                m.jurisdictions.iter().filter(|j| market.covers(j)).map(move |j| format!("{} covers {j}", m.id))
            })
            .collect();
        let message = if partly.is_empty() {
            format!("market `{market}` is checked by no loaded module (loaded: {loaded})")
        } else {
            format!(
                "market `{market}` is checked only in part ({}); the rest of it is checked by no loaded module",
                partly.join(", ")
            )
        };
        out.push((
            path,
            message,
            format!("install a module whose law covers {market}, or accept it as unchecked in juris.toml: `unchecked_markets = [\"{market}\"]`"),
        ));
    }
    out
}
