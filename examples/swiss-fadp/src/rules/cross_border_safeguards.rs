use juris_core::manifest::TransferMechanism;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::adequacy::{self, Adequacy};

/// `ch/cross-border-safeguards`
pub static RULE: Rule = Rule {
    id: "ch/cross-border-safeguards",
    title: "Personal data disclosed abroad to a country without adequate protection, without safeguards",
    citation: "FADP Art. 16-17; DPO Art. 8 and Annex 1",
    severity: Severity::Error,
    in_force: InForce::from(crate::FADP_IN_FORCE),
    docs: r#"
## What it does
For every recipient that an activity touching Switzerland discloses data to,
looks up the recipient's country in the Federal Council's list of countries
with adequate data protection (DPO Annex 1) as it stood on the `--as-of`
date. When the country is not listed (or is the United States and the
recipient is not certified under the Swiss-U.S. Data Privacy Framework), the
recipient's `transfer` must name a safeguard or exception Swiss law accepts:
`scc` or `bcr` (Art. 16(2)), or `consent` or `derogation` (Art. 17).

## Why
Personal data may be disclosed abroad without further safeguards only where
the Federal Council has found the destination's protection adequate (FADP
Art. 16(1)); the list in DPO Annex 1 is binding. Elsewhere, adequate
protection must be guaranteed by one of the instruments of Art. 16(2) (an
international treaty, data protection clauses notified to the FDPIC, specific
safeguards approved by the FDPIC, standard data protection clauses approved,
issued or recognised by the FDPIC, or binding corporate rules), or an
exception of Art. 17 must apply (e.g. the person's explicit consent). The
United States is listed only for organisations certified under the Swiss-U.S.
Data Privacy Framework, from 15 September 2024.

## Example
```toml
[[recipients]]
id = "support-desk"
name = "Outsourced support centre"
role = "processor"
country = "IN"          # not in DPO Annex 1
transfer = "none"
```

## How to fix
Sign standard data protection clauses the FDPIC recognises (the EU SCC with
the Swiss adaptations) and set `transfer = "scc"`, or rely on binding
corporate rules (`"bcr"`), or, for a US recipient, on its Swiss-U.S. DPF
certification (`transfer = "dpf"`, `dpf_certified = true`). Consent
(`"consent"`) and the other exceptions of Art. 17 (`"derogation"`) are for
specific cases, not for systematic transfers.

## Facts
Verified: Art. 16(1) and the binding character of Annex 1; Annex 1 entries
Germany to Luxembourg, the Canadian private-sector condition and the US entry
for certified organisations from 2024-09-15. UNVERIFIED: the Annex 1 entries
Malta to Uruguay (taken from the Annex as published on 2023-09-01; a transfer
that relies on them alone is reported as a warning), the exact list of
Art. 16(2) instruments, and whether the FDPIC recognises the UK IDTA or
Addendum or the ANPD clauses (the conservative reading: it does not, so they
are reported). A Canadian recipient is taken to be subject to PIPEDA.
"#,
    check,
    fails: include_str!("fixtures/cross_border_safeguards.fail.toml"),
    passes: include_str!("fixtures/cross_border_safeguards.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let activities = super::swiss_activities(m);
    let mut out = Vec::new();
    for (i, r) in m.recipients.iter().enumerate() {
        let Some((_, activity)) = activities.iter().find(|(_, a)| a.recipients.contains(&r.id)) else { continue };
        let path = format!("recipients[{i}].transfer");
        let safeguarded = matches!(
            r.transfer,
            Some(
                TransferMechanism::Scc
                    | TransferMechanism::Bcr
                    | TransferMechanism::Consent
                    | TransferMechanism::Derogation
            )
        );
        let what = format!("activity `{}` discloses personal data to `{}` in {}", activity.id, r.id, r.country);
        match adequacy::of_recipient(r, ctx.as_of) {
            Adequacy::Domestic | Adequacy::Adequate { verified: true } => {}
            Adequacy::Adequate { verified: false } if !safeguarded => out.push(
                Violation::new(
                    path,
                    format!("{what}, relying on DPO Annex 1 alone; this module did not verify that entry of the list"),
                )
                .help("confirm that the country is in DPO Annex 1 (SR 235.11) as of the date checked, or name a safeguard in `transfer`")
                .severity(Severity::Warning),
            ),
            Adequacy::Adequate { .. } => {}
            Adequacy::UsNotCertified if !safeguarded => out.push(
                Violation::new(path, format!("{what}: the United States is adequate only for organisations certified under the Swiss-U.S. Data Privacy Framework, and `{}` is not (`dpf_certified = false`)", r.id))
                    .help("set `dpf_certified = true` if the recipient is certified for Swiss data, or sign FDPIC-recognised standard clauses and set `transfer = \"scc\"`"),
            ),
            Adequacy::NotListed if !safeguarded => {
                let claimed = match r.transfer {
                    Some(TransferMechanism::Adequacy) => format!(
                        "; `transfer = \"adequacy\"` is claimed, but {} is not in DPO Annex 1 on {}",
                        r.country, ctx.as_of
                    ),
                    Some(TransferMechanism::Dpf) => format!(
                        "; the Swiss-U.S. Data Privacy Framework covers certified US organisations only, from 2024-09-15 (checked as of {})",
                        ctx.as_of
                    ),
                    Some(other @ (TransferMechanism::AnpdScc | TransferMechanism::Idta | TransferMechanism::UkAddendum)) => {
                        format!("; `{}` is not a safeguard recognised under FADP Art. 16(2)", mechanism_name(other))
                    }
                    _ => String::new(),
                };
                out.push(
                    Violation::new(path, format!("{what}, a country without adequate data protection, without a safeguard of FADP Art. 16(2) or an exception of Art. 17{claimed}"))
                        .help("sign the standard data protection clauses the FDPIC recognises and set `transfer = \"scc\"`, or use binding corporate rules (`\"bcr\"`)"),
                );
            }
            Adequacy::UsNotCertified | Adequacy::NotListed => {}
        }
    }
    out
}

fn mechanism_name(m: TransferMechanism) -> &'static str {
    match m {
        TransferMechanism::AnpdScc => "anpd_scc",
        TransferMechanism::Idta => "idta",
        TransferMechanism::UkAddendum => "uk_addendum",
        _ => "the mechanism",
    }
}
