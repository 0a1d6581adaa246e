use juris_core::Manifest;
use juris_core::Severity;
use juris_core::evidence::{Evidence, HostSummary, cite_page};

use super::HostRule;

/// `juris/third-party-undeclared`
pub static RULE: HostRule = HostRule {
    id: "juris/third-party-undeclared",
    title: "A third party the website sends visitors' requests to is declared nowhere in the manifest",
    citation: "GDPR Arts. 13(1)(e) and 30(1)(d) (the recipients of personal data); CJEU C-40/17 Fashion ID, 29 July 2019 (a site that embeds a third party's code transmits its visitors' data to it)",
    severity: Severity::Warning,
    adjustable: true,
    docs: r#"
## What it does
With `juris check --evidence FILE`, lists the third-party hosts the scan saw
the page request, before any interaction or after rejecting, whose company
no `[[recipients]]` entry names and no `[[cookies]]` entry gives as its
`provider`. The company is the one the scan's shipped tracker data gives
for the host (Google for `www.google-analytics.com`); for a host the data
does not know, the first label of its registrable domain (`jsdelivr` for
`cdn.jsdelivr.net`). Names are compared without case, spaces or
punctuation, and either may contain the other ("Google" matches
"Google Ireland Limited"). The finding cites the page, each host, its
company and purpose, and how many requests went to it.

## Why
Every request a page makes to another host sends that host the visitor's IP
address, and often identifiers: the host is a recipient of personal data.
The Court of Justice held in Fashion ID (C-40/17) that a site embedding a
third party's code is a controller, jointly with it, of collecting and
transmitting its visitors' data. The record of processing must name the
categories of recipients (GDPR Art. 30(1)(d)) and so must the privacy
notice (Art. 13(1)(e)); the Munich Regional Court (LG München I,
3 O 17493/20, 20 January 2022) awarded damages for fonts loaded from
Google's servers without consent. A manifest that omits the host leaves
every transfer and consent rule blind to it.

## Example
The scan saw requests to `fonts.googleapis.com` and `cdn.jsdelivr.net`, and
the manifest declares only a payment processor:

```toml
[[recipients]]
id = "psp"
name = "Adyen N.V."
role = "processor"
country = "NL"
```

## How to fix
Declare each third party as a recipient, with its role, country and
transfer mechanism, and the activities that disclose to it:

```toml
[[recipients]]
id = "google-fonts"
name = "Google LLC"
role = "third_party"
country = "US"
transfer = "dpf"
```

or serve the resource from your own host.
"#,
};

/// Lower-case letters and digits only, so that "Google, Inc." and
/// "google inc" compare equal.
fn normalised(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The company a host belongs to, as names in the manifest would spell it.
fn company(host: &HostSummary) -> String {
    match &host.classification.provider {
        Some(provider) => provider.clone(),
        None => host.registrable_domain.split('.').next().unwrap_or(&host.host).to_string(),
    }
}

/// The findings: one per page and moment with undeclared third-party hosts.
pub fn check(manifest: &Manifest, evidence: &Evidence) -> Vec<(String, String, String)> {
    let declared: Vec<String> = manifest
        .recipients
        .iter()
        .map(|r| normalised(&r.name))
        .chain(manifest.cookies.iter().filter_map(|c| c.provider.as_deref()).map(normalised))
        .filter(|n| n.len() >= 3)
        .collect();
    let is_declared = |company: &str| {
        let company = normalised(company);
        // Containment only for names long enough not to match by chance.
        !company.is_empty()
            && declared.iter().any(|d| {
                *d == company || (company.len() >= 3 && (d.contains(&company) || company.contains(d.as_str())))
            })
    };
    let mut out = Vec::new();
    let mut reported = std::collections::HashSet::new();
    for page in &evidence.pages {
        for snapshot in page.visit.unconsented_snapshots() {
            let undeclared: Vec<String> = snapshot
                .third_party_hosts
                .iter()
                .filter(|h| !is_declared(&company(h)))
                .filter(|h| reported.insert(h.host.clone()))
                .map(|h| {
                    let who = match &h.classification.service {
                        Some(service) => format!("{}, {service}", company(h)),
                        None => company(h),
                    };
                    let n = h.requests;
                    format!(
                        "{} ({who}; {}; {n} request{})",
                        h.host,
                        h.classification.purpose.as_str(),
                        if n == 1 { "" } else { "s" }
                    )
                })
                .collect();
            if undeclared.is_empty() {
                continue;
            }
            let path = if manifest.recipients.is_empty() { "organization" } else { "recipients" };
            let (noun, verb) = if undeclared.len() == 1 { ("host", "belongs") } else { ("hosts", "belong") };
            out.push((
                path.to_string(),
                format!(
                    "{} the page sent requests to third-party {noun} that {verb} to no declared recipient or cookie provider: {}",
                    cite_page(page, snapshot),
                    undeclared.join(", ")
                ),
                "declare each company in `[[recipients]]` (and the activities that disclose to it), or serve the resource yourself".to_string(),
            ));
        }
    }
    out
}
