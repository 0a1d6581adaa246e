use juris_core::jiff::civil::date;
use juris_core::rule::{InForce, Violation};
use juris_core::{CheckContext, Rule, Severity};

/// `brazil/observed-before-consent`
pub static RULE: Rule = Rule {
    id: "brazil/observed-before-consent",
    title: "Tracking cookies or requests observed before the visitor's consent",
    citation: "LGPD Arts. 7 I, 8 caput and §5; ANPD, Guia Orientativo: Cookies e Proteção de Dados Pessoais (18 October 2022)",
    severity: Severity::Error,
    in_force: InForce::from(date(2020, 9, 18)),
    docs: r#"
## What it does
With `juris check --evidence FILE` (the file `juris scan` writes), when the
LGPD applies to the organisation, reports each page where, before any
interaction with the consent banner, the browser already held analytics or
advertising cookies or had requested analytics or advertising hosts.
A cookie's purpose is the manifest's `[[cookies]]` declaration of its name,
else the shipped cookie data; hosts by the shipped tracker data.
Unclassified and functional items are not counted.

The finding cites the page, each cookie (domain, what set it and when) and
host (its first request), and the screenshot.

## Why
Where cookies rest on consent (Art. 7 I), the consent must be a free,
informed and unambiguous expression of will given before the processing
(Art. 5 XII, Art. 8). The ANPD's cookie guide (18 October 2022) says
non-essential cookies must not be set before consent, and that a banner
must not pre-activate them; advertising cookies cannot rest on legitimate
interest.

## Example
The scan of `https://loja.example/` found `_ga` and requests to
`ad.doubleclick.net` before the banner was answered, for a manifest with
`markets = ["BR"]`.

## How to fix
Load analytics and advertising tags only after the visitor consents, then
scan again.
"#,
    check,
    fails: include_str!("fixtures/observed_before_consent.fail.toml"),
    passes: include_str!("fixtures/observed_before_consent.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let Some(evidence) = &ctx.evidence else { return Vec::new() };
    if !crate::applies(ctx) {
        return Vec::new();
    }
    let path = juris_core::evidence::finding_path(&ctx.manifest, Some("BR"));
    evidence
        .tracking_before(&ctx.manifest)
        .into_iter()
        .map(|t| {
            Violation::new(
                path.clone(),
                format!(
                    "{} the website set or requested trackers before the visitor consented: {}",
                    t.place(),
                    t.cite(6)
                ),
            )
            .help(
                "block analytics and advertising cookies and tags until the visitor consents (ANPD cookie guide, 2022)",
            )
        })
        .collect()
}
