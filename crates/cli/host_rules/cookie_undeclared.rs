use juris_core::Manifest;
use juris_core::Severity;
use juris_core::evidence::{self, Evidence, Party, cite_cookie, cite_page};

use super::HostRule;

/// `juris/cookie-undeclared`
pub static RULE: HostRule = HostRule {
    id: "juris/cookie-undeclared",
    title: "A cookie the website set is not declared in the manifest",
    citation: "juris drift check: the manifest's `[[cookies]]` must describe what the website does (GDPR Art. 30(1); the ePrivacy Directive Art. 5(3) requires information on every cookie)",
    severity: Severity::Warning,
    adjustable: true,
    docs: r#"
## What it does
With `juris check --evidence FILE`, lists the first-party cookies the scan saw
in the browser, before any interaction or after rejecting, whose name no
`[[cookies]]` entry declares (an entry named `prefix*` declares every name
starting with `prefix`). The finding cites the page, each cookie's domain,
who set it (a response or a script, with its URL) and when, and the screenshot.

Third-party cookies are left to the third party's own declaration; the
modules' rules judge those by their purpose.

## Why
Every consent decision in the manifest rests on its cookie list: a cookie
that is not declared is checked by no rule, and is missing from the
information people are given before they consent. Regulators find such
cookies by visiting the site, as `juris scan` does.

## Example
The scan saw `_ga` on `https://shop.example/`, and the manifest declares only:

```toml
[[cookies]]
name = "session"
purpose = "strictly_necessary"
```

## How to fix
Declare the cookie, with who sets it, why and for how long:

```toml
[[cookies]]
name = "_ga"
provider = "Google"
purpose = "analytics"
lifetime = "P2Y"
```

or stop setting it.
"#,
};

/// The findings: one per page with undeclared first-party cookies.
pub fn check(manifest: &Manifest, evidence: &Evidence) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut reported = std::collections::BTreeSet::new();
    for page in &evidence.pages {
        for snapshot in page.visit.unconsented_snapshots() {
            let undeclared: Vec<String> = snapshot
                .cookies
                .iter()
                .filter(|c| c.party == Party::First && evidence::declared(manifest, &c.name).is_none())
                .filter(|c| reported.insert(c.name.clone()))
                .map(|c| cite_cookie(c, c.classification.purpose))
                .collect();
            if undeclared.is_empty() {
                continue;
            }
            let path = if manifest.cookies.is_empty() { "organization".to_string() } else { "cookies".to_string() };
            let (noun, verb) = if undeclared.len() == 1 { ("cookie", "is") } else { ("cookies", "are") };
            out.push((
                path,
                format!(
                    "{} the website set {noun} that {verb} not in `[[cookies]]`: {}",
                    cite_page(page, snapshot),
                    undeclared.join(", ")
                ),
                "declare each in `[[cookies]]` with its provider, purpose and lifetime, or stop setting it".to_string(),
            ));
        }
    }
    out
}
