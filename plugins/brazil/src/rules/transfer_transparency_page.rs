use juris_core::manifest::TransferMechanism;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::transfers;

/// `brazil/transfer-transparency-page`
pub static RULE: Rule = Rule {
    id: "brazil/transfer-transparency-page",
    title: "No Portuguese-language page on clause-based international transfers",
    citation: "Res. CD/ANPD 19/2024 Annex I Art. 16 §1-§2; LGPD Art. 9",
    severity: Severity::Error,
    in_force: InForce::from(transfers::ANPD_SCC_PUBLISHED),
    docs: r#"
## What it does
When a recipient abroad receives the data of people in Brazil under standard
contractual clauses (`transfer = "anpd_scc"`, or `scc` while a destination has
no adequacy decision), requires `transfer_transparency_page` in
`[modules.brazil]`: where the transparency page is published.

## Why
A controller transferring data under the ANPD's standard clauses must publish,
in Portuguese, a page on the transfer: its form, duration and purpose, the
destination country, the controller's identity and contacts, the sharing, the
agents' responsibilities, and the data subject's rights with the channel to
exercise them, including the right to petition the ANPD (Res. CD/ANPD 19/2024
Annex I Art. 16 §1). The page may be part of the privacy policy (§2). The
contract itself must be provided to the data subject on request.

## Example
```toml
[[recipients]]
id = "payments"
country = "US"
transfer = "anpd_scc"
# and no transfer_transparency_page in [modules.brazil]
```

## How to fix
Publish the page (or the section of the privacy policy) in Portuguese and say
where it is:

```toml
[modules.brazil]
transfer_transparency_page = "https://example.com/pt-br/privacidade#transferencias"
```
"#,
    check,
    fails: include_str!("fixtures/transfer_transparency_page.fail.toml"),
    passes: include_str!("fixtures/transfer_transparency_page.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let clause_based = transfers::brazilian_recipients(m, crate::activities(ctx)).into_iter().find(|(_, r)| {
        transfers::is_transfer(r)
            && transfers::adequacy_for(&r.country, ctx.as_of).is_none()
            && matches!(r.transfer, Some(TransferMechanism::AnpdScc | TransferMechanism::Scc))
    });
    let Some((_, recipient)) = clause_based else { return Vec::new() };
    let page = &ctx.options::<crate::options::Options>().transfer_transparency_page;
    if page.as_deref().is_some_and(|p| !p.trim().is_empty()) {
        return Vec::new();
    }
    vec![
        Violation::new(
            format!("modules.{}", crate::ID),
            format!(
                "data goes to `{}` in {} under standard clauses, but no Portuguese-language transparency page is declared",
                recipient.id, recipient.country
            ),
        )
        .help("publish the Res. 19/2024 Annex I Art. 16 page in Portuguese and set `transfer_transparency_page` in `[modules.brazil]`"),
    ]
}
