use juris_core::evidence::Purpose;
use juris_core::jiff::civil::date;
use juris_core::rule::{InForce, Violation};
use juris_core::{CheckContext, Rule, Severity};

/// `california/observed-ad-trackers`
pub static RULE: Rule = Rule {
    id: "california/observed-ad-trackers",
    title: "Third-party advertising trackers observed while no sale or sharing is declared",
    citation: "Civ. Code §§1798.140(ad), (ah), 1798.120, 1798.135(a); People v. Sephora USA, Inc. (Cal. Super. Ct. S.F., final judgment 24 August 2022)",
    severity: Severity::Error,
    in_force: InForce::from(date(2020, 1, 1)),
    docs: r#"
## What it does
With `juris check --evidence FILE` (the file `juris scan` writes), when the
CCPA applies to the organisation, reports the pages where the website, in
the plain visit before any interaction, let advertising trackers run:
requests to third-party hosts the shipped tracker data classifies as
advertising, or advertising cookies (by the manifest's `[[cookies]]`
declaration of the name, else by the shipped cookie data). It fires when
no activity declares `sells_or_shares = true`, or when the manifest has no
"Do Not Sell or Share My Personal Information" link
(`[notices] do_not_sell_or_share_link`).

The finding cites the page, each tracker (host and first request, or
cookie with what set it and when) and the screenshot.

## Why
Letting an advertising network collect visitors' device identifiers and
browsing in exchange for its analytics or ad services is a sale
(§1798.140(ad): "for monetary or other valuable consideration"), and
disclosing them for cross-context behavioural advertising is sharing
(§1798.140(ah), from 2023). In August 2022 the Attorney General settled with
Sephora for USD 1.2 million because third-party trackers on its site were
a sale it had not disclosed and offered no opt-out for.

## Example
The scan of `https://shop.example/` saw requests to `ad.doubleclick.net`
and the `IDE` cookie, and no activity declares `sells_or_shares = true`.

## How to fix
Declare the advertising activity with `sells_or_shares = true`, disclose it,
and offer the opt-out link (and honour GPC); or stop the trackers, or bind
the vendor as a service provider that may not use the data for its own
purposes.
"#,
    check,
    fails: include_str!("fixtures/observed_ad_trackers.fail.toml"),
    passes: include_str!("fixtures/observed_ad_trackers.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let Some(evidence) = &ctx.evidence else { return Vec::new() };
    if super::ccpa(ctx).is_none() {
        return Vec::new();
    }
    let m = &ctx.manifest;
    let declared = m.activities.iter().any(|a| a.sells_or_shares);
    let link = m.notices.do_not_sell_or_share_link;
    if declared && link {
        return Vec::new();
    }
    let (why, help) = if !declared {
        (
            "no activity declares `sells_or_shares = true`",
            "declare the advertising activity with `sells_or_shares = true`, disclose it and offer the opt-out link, or stop the trackers",
        )
    } else {
        (
            "the manifest has no \"Do Not Sell or Share\" link",
            "offer a \"Do Not Sell or Share My Personal Information\" link and set `do_not_sell_or_share_link = true` in `[notices]`",
        )
    };
    let path = if !declared && !m.activities.is_empty() {
        "activities".to_string()
    } else {
        juris_core::evidence::finding_path(m, Some("US-CA"))
    };
    evidence
        .tracking_before(m)
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
                    "{} advertising trackers collected visitors' data, a sale or sharing under §1798.140(ad), (ah), but {why}: {}",
                    t.place(),
                    t.cite(6)
                ),
            )
            .help(help)
        })
        .collect()
}
