use juris_core::manifest::{ConsentMode, ConsentPolicy, ConsentScope, SmolStr};
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `brazil/consent-invalid`
pub static RULE: Rule = Rule {
    id: "brazil/consent-invalid",
    title: "Consent relied on but not validly collected",
    citation: "LGPD Art. 5 XII; Art. 8 caput, §§3-5; Art. 9 §1; ANPD, Guia Orientativo: Cookies e Proteção de Dados Pessoais (18 October 2022)",
    severity: Severity::Error,
    in_force: InForce::from(crate::LGPD_IN_FORCE),
    docs: r#"
## What it does
For activities the LGPD governs whose basis for Brazil is `consent`, judges
how consent is collected in Brazil (the `[consent]` entry that covers BR):

- an error on each such activity when the mode is `opt-out` or `notice-only`:
  silence or carrying on is not a manifestation of will;
- on the banner of that entry: an error when purposes are pre-ticked, when
  continuing to browse counts as consent, when non-essential cookies or
  trackers run before the choice or after a refusal, or when withdrawing is
  harder than consenting; a warning when the first layer offers no way to
  refuse or refusing is less prominent than accepting.

## Why
Consent is a free, informed and unambiguous manifestation by which the person
agrees to processing for a determined purpose (Art. 5 XII). It must be given
in writing or by another means that shows the will (Art. 8), the controller
bears the burden of proving it (§2), processing under a defect of consent is
forbidden (§3), and consent may be revoked at any time by a free and easy
procedure (§5). The ANPD's cookie guide (18 October 2022) advises against
pre-selected options and non-essential cookies set before consent, and
recommends a button to reject all non-necessary cookies on the first layer.

## Example
```toml
[consent]
BR = { mode = "opt-out" }

[[activities]]
id = "newsletter"
legal_basis = "consent"
```

## How to fix
Collect consent opt-in (`mode = "opt-in"`), with nothing pre-ticked, nothing
non-essential before the choice, a reject option beside accept, and a
withdrawal as easy as consenting; or rest the activity on another Art. 7
basis that fits it.
"#,
    check,
    fails: include_str!("fixtures/consent_invalid.fail.toml"),
    passes: include_str!("fixtures/consent_invalid.pass.toml"),
};

/// The `[consent]` entry that governs Brazil, with its key.
fn policy(ctx: &CheckContext) -> Option<(&ConsentScope, &ConsentPolicy)> {
    let chosen = ctx.manifest.consent_for(&crate::brazil())?;
    ctx.manifest.consent.iter().find(|(_, p)| std::ptr::eq(*p, chosen))
}

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let consent_based: Vec<(SmolStr, String)> = crate::activities(ctx)
        .filter_map(|(i, a)| {
            crate::basis(m, i, a).filter(|(b, _)| *b == "consent").map(|(_, path)| (a.id.clone(), path.into()))
        })
        .collect();
    let Some((scope, policy)) = policy(ctx) else { return Vec::new() };
    if consent_based.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mode = match policy.mode {
        ConsentMode::OptIn => None,
        ConsentMode::OptOut => Some("opt-out"),
        ConsentMode::NoticeOnly => Some("notice-only"),
    };
    if let Some(mode) = mode {
        for (id, path) in &consent_based {
            out.push(
                Violation::new(
                    path.clone(),
                    format!(
                        "activity `{id}` rests on consent, but consent in Brazil is collected `{mode}` (`consent.{scope}`): without an affirmative act there is no unambiguous manifestation of will (LGPD Art. 5 XII)"
                    ),
                )
                .help(format!("set `mode = \"opt-in\"` in `[consent] {scope}`, or rest the activity on another Art. 7 basis")),
            );
        }
    }
    let Some(banner) = &policy.banner else { return out };
    let at = |field: &str| format!("consent.{scope}.banner.{field}");
    let mut flag = |field: &str, bad: bool, message: &str, help: &str, severity: Severity| {
        if bad {
            out.push(Violation::new(at(field), message.to_string()).help(help.to_string()).severity(severity));
        }
    };
    flag(
        "pre_ticked",
        banner.pre_ticked == Some(true),
        "the consent banner for Brazil pre-selects purposes: a pre-ticked box is not an unambiguous manifestation of will (LGPD Art. 5 XII, Art. 8 §3)",
        "leave every non-essential purpose unselected until the person chooses it",
        Severity::Error,
    );
    flag(
        "consent_by_continuing",
        banner.consent_by_continuing == Some(true),
        "the consent banner for Brazil takes continued browsing as consent, which shows no will to agree (LGPD Art. 5 XII, Art. 8 caput)",
        "count only an affirmative act, such as clicking \"accept\", as consent",
        Severity::Error,
    );
    flag(
        "non_essential_before_choice",
        banner.non_essential_before_choice == Some(true),
        "non-essential cookies or trackers run in Brazil before the person chooses, so processing precedes the consent it rests on (LGPD Arts. 7 I and 8)",
        "load non-essential cookies and trackers only after consent",
        Severity::Error,
    );
    flag(
        "non_essential_after_reject",
        banner.non_essential_after_reject == Some(true),
        "non-essential cookies are still set in Brazil after the person refuses, without any basis (LGPD Arts. 7 I and 8 §3)",
        "stop every non-essential cookie and tracker once the person refuses",
        Severity::Error,
    );
    flag(
        "withdraw_as_easy",
        banner.withdraw_as_easy == Some(false),
        "withdrawing consent in Brazil is harder than giving it, where Art. 8 §5 requires a free and easy procedure",
        "offer withdrawal from every page, in as few steps as consenting",
        Severity::Error,
    );
    flag(
        "reject_on_first_layer",
        banner.reject_on_first_layer == Some(false),
        "the first layer of the consent banner for Brazil offers no way to refuse, which the ANPD's cookie guide (2022) recommends beside \"accept\"",
        "add a \"reject all\" button to the first layer",
        Severity::Warning,
    );
    flag(
        "equal_prominence",
        banner.equal_prominence == Some(false),
        "refusing on the consent banner for Brazil is less prominent than accepting, which makes consent less free (LGPD Art. 5 XII; ANPD cookie guide, 2022)",
        "give \"reject\" the same size, colour and number of clicks as \"accept\"",
        Severity::Warning,
    );
    out
}
