use juris_core::evidence::{Evidence, cite_page};
use juris_core::path::ManifestPath;
use juris_core::{Manifest, Severity};

use super::HostRule;

/// `juris/banner-contradicted`
pub static RULE: HostRule = HostRule {
    id: "juris/banner-contradicted",
    title: "The website does not behave as the manifest's consent facts say",
    citation: "juris drift check: the manifest's `[consent]` facts against what `juris scan` observed (GDPR Art. 5(2) accountability)",
    severity: Severity::Warning,
    adjustable: true,
    docs: r#"
## What it does
With `juris check --evidence FILE`, compares each `[consent.<scope>]` entry's
facts with what the scan saw on the website, and reports each fact the
website contradicts:

- `banner.reject_on_first_layer = true`, but a banner was found whose first
  layer offers no reject control;
- `banner.equal_prominence = true`, but reject is weaker than accept
  (smaller, styled as a link, lower contrast or smaller font);
- `banner.non_essential_before_choice = false`, but analytics or advertising
  cookies were set, or such hosts requested, before any interaction;
- `banner.non_essential_after_reject = false`, but they were still set or
  requested after clicking reject;
- `honors_gpc = true`, but with Global Privacy Control the site still set
  analytics or advertising cookies or requested such hosts.

Each finding cites the page, the items or controls, their timing and the
screenshot.

## Why
The modules judge the manifest's facts; a fact the website contradicts makes
their verdict wrong. The evidence is one visit from one place with a fresh
profile, so the finding says what was seen, for a person to weigh.

## Example
```toml
[consent.EEA]
mode = "opt-in"
banner = { reject_on_first_layer = true }
```
while the scan found a banner offering only "Accept" and "Settings".

## How to fix
Fix the website, or correct the fact in the manifest so that the modules
judge what the website really does.
"#,
};

/// The findings: one per consent entry and contradicted fact.
pub fn check(manifest: &Manifest, evidence: &Evidence) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let before = evidence.tracking_before(manifest);
    let after = evidence.tracking_after_reject(manifest);
    let gpc = evidence.tracking_under_gpc(manifest);
    let no_reject =
        evidence.pages.iter().find(|p| p.visit.banner.as_ref().is_some_and(|b| b.found && !b.reject_on_first_layer));
    let weaker = evidence.pages.iter().find_map(|p| {
        let banner = p.visit.banner.as_ref()?;
        let prominence = banner.reject_prominence.as_ref().filter(|r| r.weaker)?;
        Some((p, prominence))
    });
    for (scope, policy) in &manifest.consent {
        let at = |key: &[&str]| {
            key.iter().fold(ManifestPath::default().key("consent").key(scope.to_string()), |p, k| p.key(*k)).to_string()
        };
        let banner = policy.banner.as_ref();
        if banner.and_then(|b| b.reject_on_first_layer) == Some(true)
            && let Some(page) = no_reject
        {
            let offered = page.visit.banner.as_ref().map(offered).unwrap_or_default();
            out.push((
                at(&["banner", "reject_on_first_layer"]),
                format!(
                    "the manifest says the first layer offers reject, but {} the scan found a banner offering only {offered}",
                    cite(page, page.visit.before.as_ref())
                ),
                "add a reject control to the first layer, or set `reject_on_first_layer = false`".to_string(),
            ));
        }
        if banner.and_then(|b| b.equal_prominence) == Some(true)
            && let Some((page, prominence)) = weaker
        {
            out.push((
                at(&["banner", "equal_prominence"]),
                format!(
                    "the manifest says reject is as prominent as accept, but {} reject is weaker ({}; area ratio {:.2})",
                    cite(page, page.visit.before.as_ref()),
                    prominence.reasons.join(", "),
                    prominence.area_ratio
                ),
                "give reject the size, style and contrast of accept, or set `equal_prominence = false`".to_string(),
            ));
        }
        if banner.and_then(|b| b.non_essential_before_choice) == Some(false)
            && let Some(t) = before.first()
        {
            out.push((
                at(&["banner", "non_essential_before_choice"]),
                format!(
                    "the manifest says nothing non-essential is set before the choice, but {} the scan saw before any interaction: {}",
                    t.place(),
                    t.cite(4)
                ),
                "block these until the person consents, or set `non_essential_before_choice = true`".to_string(),
            ));
        }
        if banner.and_then(|b| b.non_essential_after_reject) == Some(false)
            && let Some(t) = after.first()
        {
            out.push((
                at(&["banner", "non_essential_after_reject"]),
                format!(
                    "the manifest says nothing non-essential is set after reject, but {} the scan saw after clicking reject: {}",
                    t.place(),
                    t.cite(4)
                ),
                "remove these when the person rejects, or set `non_essential_after_reject = true`".to_string(),
            ));
        }
        if policy.honors_gpc == Some(true)
            && let Some(t) = gpc.first()
        {
            out.push((
                at(&["honors_gpc"]),
                format!(
                    "the manifest says Global Privacy Control is honoured, but {} with GPC the scan saw: {}",
                    t.place(),
                    t.cite(4)
                ),
                "stop these trackers when `Sec-GPC: 1` is sent, or set `honors_gpc = false`".to_string(),
            ));
        }
    }
    out
}

fn cite(page: &juris_core::evidence::Page, snapshot: Option<&juris_core::evidence::Snapshot>) -> String {
    match snapshot {
        Some(s) => cite_page(page, s),
        None => format!("on {}", page.url),
    }
}

/// "\"Accept all\" (accept), \"Settings\" (settings)".
fn offered(banner: &juris_core::evidence::Banner) -> String {
    let controls: Vec<String> = banner
        .controls
        .iter()
        .map(|c| {
            let kind = match c.kind {
                juris_core::evidence::ControlKind::Accept => "accept",
                juris_core::evidence::ControlKind::Reject => "reject",
                juris_core::evidence::ControlKind::Settings => "settings",
            };
            format!("{:?} ({kind})", c.text)
        })
        .collect();
    if controls.is_empty() { "no control".to_string() } else { controls.join(", ") }
}
