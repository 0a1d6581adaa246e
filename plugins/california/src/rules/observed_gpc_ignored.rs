use juris_core::evidence::Purpose;
use juris_core::rule::{InForce, Violation};
use juris_core::{CheckContext, Rule, Severity};

use super::gpc_not_honored::GPC_FROM;

/// `california/observed-gpc-ignored`
pub static RULE: Rule = Rule {
    id: "california/observed-gpc-ignored",
    title: "Global Privacy Control observed to be ignored",
    citation: "Civ. Code §§1798.120, 1798.135(b)(1), (e); 11 CCR §7025(b), (c); former 11 CCR §999.315(c) (from 14 August 2020); People v. Sephora USA, Inc. (Cal. Super. Ct. S.F., 2022)",
    severity: Severity::Error,
    in_force: InForce::from(GPC_FROM),
    docs: r#"
## What it does
With `juris check --evidence FILE` from `juris scan --gpc`, when the CCPA
applies to the organisation, reports the pages where the visit that sent
Global Privacy Control (`Sec-GPC: 1` on every request and
`navigator.globalPrivacyControl === true`) still loaded third-party
advertising trackers or set advertising cookies, before any interaction.
Purposes are the manifest's `[[cookies]]` declarations first, then the
shipped data. Analytics is not counted: a service provider may measure a
site for it.

The finding cites the page, each tracker still loaded under GPC, and the GPC
visit's screenshot.

## Why
A business that sells or shares personal information must treat an opt-out
preference signal such as GPC as a valid request to opt out of sale and
sharing, for that browser (11 CCR §7025; the former §999.315(c) from
14 August 2020). Sephora's site sent the same data to advertising partners
with GPC on as without it; the Attorney General counted that as a failure
to honour opt-outs.

## Example
With GPC on, `https://shop.example/` still requested `ad.doubleclick.net`
and set `IDE`.

## How to fix
Read `Sec-GPC` (or `navigator.globalPrivacyControl`) before loading
advertising tags, and do not load them for that browser; then scan again
with `--gpc`.
"#,
    check,
    fails: include_str!("fixtures/observed_gpc_ignored.fail.toml"),
    passes: include_str!("fixtures/observed_gpc_ignored.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let Some(evidence) = &ctx.evidence else { return Vec::new() };
    if super::ccpa(ctx).is_none() {
        return Vec::new();
    }
    let path = juris_core::evidence::finding_path(&ctx.manifest, Some("US-CA"));
    evidence
        .tracking_under_gpc(&ctx.manifest)
        .into_iter()
        .filter_map(|mut t| {
            t.cookies.retain(|(_, p)| *p == Purpose::Advertising);
            t.hosts.retain(|h| h.classification.purpose == Purpose::Advertising);
            (!t.is_empty()).then_some(t)
        })
        .map(|t| {
            Violation::new(
                path.clone(),
                format!(
                    "{} with Global Privacy Control sent, the website still loaded advertising trackers for California consumers: {}",
                    t.place(),
                    t.cite(6)
                ),
            )
            .help("treat `Sec-GPC: 1` as an opt-out of sale and sharing: do not load advertising tags for that browser")
        })
        .collect()
}
