use juris_core::evidence::{self, Evidence, Purpose, cite_cookie, cite_page};
use juris_core::manifest::CookiePurpose;
use juris_core::path::ManifestPath;
use juris_core::{Manifest, Severity};

use super::HostRule;

/// `juris/cookie-purpose-contradicted`
pub static RULE: HostRule = HostRule {
    id: "juris/cookie-purpose-contradicted",
    title: "A cookie declared as necessary or functional is a known tracker",
    citation: "juris drift check: a declared purpose the cookie data contradicts (ePrivacy Directive Art. 5(3): only strictly necessary storage is exempt from consent)",
    severity: Severity::Warning,
    adjustable: true,
    docs: r#"
## What it does
With `juris check --evidence FILE`, reports a `[[cookies]]` entry declared
`strictly_necessary` or `functional` when the scan saw a cookie of that name
and the shipped cookie data (the Open Cookie Database, or WhoTracks.me for the
cookie's domain) classifies it as `analytics` or `advertising`. The finding
cites the page, the cookie, its classification's source and what set it.

## Why
The manifest's declaration takes precedence over the shipped data in every
rule, so a tracker declared as necessary escapes every consent rule. A
well-known advertising cookie such as `_fbp` or `IDE` is not strictly
necessary for a service the visitor asked for, whatever the manifest says.

## Example
```toml
[[cookies]]
name = "_fbp"
purpose = "strictly_necessary"
```

## How to fix
Declare the purpose the cookie serves (`advertising` for `_fbp`), and ask for
consent where the law requires it; if the data is wrong for your cookie (a
name collision), rename the cookie.
"#,
};

/// The findings: one per declared cookie the data contradicts.
pub fn check(manifest: &Manifest, evidence: &Evidence) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut reported = std::collections::BTreeSet::new();
    for page in &evidence.pages {
        for snapshot in page.visit.unconsented_snapshots() {
            for cookie in &snapshot.cookies {
                let Some((index, declared)) = evidence::declared(manifest, &cookie.name) else { continue };
                let observed = cookie.classification.purpose;
                let weak = matches!(declared.purpose, CookiePurpose::StrictlyNecessary | CookiePurpose::Functional);
                if !weak || !matches!(observed, Purpose::Analytics | Purpose::Advertising) || !reported.insert(index) {
                    continue;
                }
                let source = match cookie.classification.source {
                    Some(evidence::Source::OpenCookieDatabase) => "the Open Cookie Database",
                    Some(evidence::Source::WhoTracksMe) => "WhoTracks.me",
                    None => "the cookie data",
                };
                out.push((
                    ManifestPath::default().key("cookies").index(index).key("purpose").to_string(),
                    format!(
                        "cookie `{}` is declared {} but {source} lists it as {}: {} the website set {}",
                        declared.name,
                        evidence::from_declared(declared.purpose).as_str(),
                        observed.as_str(),
                        cite_page(page, snapshot),
                        cite_cookie(cookie, observed)
                    ),
                    format!("declare `purpose = \"{}\"` and ask for consent where required", observed.as_str()),
                ));
            }
        }
    }
    out
}
