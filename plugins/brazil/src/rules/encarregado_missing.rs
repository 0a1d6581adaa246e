use juris_core::jiff::civil::date;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::options;

/// `brazil/encarregado-missing`
pub static RULE: Rule = Rule {
    id: "brazil/encarregado-missing",
    title: "No published encarregado (data protection officer) for Brazil",
    citation: "LGPD Art. 41 caput and §1; Res. CD/ANPD 18/2024; Res. CD/ANPD 2/2022 Art. 11",
    severity: Severity::Error,
    in_force: InForce::from(crate::LGPD_IN_FORCE),
    docs: r#"
## What it does
For an organisation the LGPD governs (Art. 3: it processes in Brazil, for
instance because it is established there, whatever its markets; it serves
people in Brazil; or it holds data collected there; and not every activity is
excluded by Art. 4), looks for a contact with `role = "dpo"` whose `for`
covers BR (the encarregado), and checks that it is published
(`published = true`) with a way to reach it (`email` or `phone`). When several
contacts qualify, one published and reachable suffices; otherwise the most
specific (`BR` before `*`) is reported.

A small processing agent (declared with `small_agent = true` in
`[modules.brazil]` and not excluded by revenue or high-risk processing) need
not appoint an encarregado; it must instead offer a channel for data subjects:
a published contact covering BR with an e-mail or telephone, or a request
channel in `[rights] channels`.

## Why
Every controller must appoint an encarregado and publish their identity and
contact details clearly and objectively, preferably on its website (LGPD
Art. 41 §1). Res. CD/ANPD 18/2024 (in force 17 July 2024) adds that the
appointment is a formal act, that a substitute is named, that a legal entity
publishes its name with the responsible natural person's, and that the
encarregado communicates in Portuguese. Small processing agents are exempt from
the appointment but must offer a channel (Res. CD/ANPD 2/2022 Art. 11).

## Example
```toml
[organization]
markets = ["BR"]
# no [[contacts]] with role = "dpo" and for = ["BR"]
```

## How to fix
```toml
[[contacts]]
role = "dpo"
for = ["BR"]
name = "Maria Souza (encarregada)"
email = "encarregado@example.com.br"
published = true
```
"#,
    check,
    fails: include_str!("fixtures/encarregado_missing.fail.toml"),
    passes: include_str!("fixtures/encarregado_missing.pass.toml"),
};

/// Res. CD/ANPD 18/2024 in force (DOU 17.07.2024).
const RES_18_2024: juris_core::jiff::civil::Date = date(2024, 7, 17);

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    if !crate::applies(ctx) {
        return Vec::new();
    }
    let br = crate::brazil();
    let opts = ctx.options::<crate::options::Options>();
    let small = options::is_small_agent(m, opts) && ctx.as_of >= crate::deadlines::RES_2_2022_IN_FORCE;
    let reachable = |c: &juris_core::manifest::Contact| c.email.is_some() || c.phone.is_some();
    if small {
        let channel = m.contacts.iter().any(|c| c.published && reachable(c) && br.is_in(&c.for_))
            || !m.rights.channels.is_empty();
        if channel {
            return Vec::new();
        }
        return vec![
            Violation::new("contacts", "the small processing agent offers no channel for data subjects in Brazil")
                .help(
                    "add a published `[[contacts]]` entry for BR with an e-mail or phone, or list `[rights] channels`",
                ),
        ];
    }
    // With several encarregados for Brazil (say one `for = ["*"]`, another
    // `for = ["BR"]`), one that is published and reachable suffices.
    let Some((i, dpo)) = crate::encarregado(m) else {
        return vec![Violation::new("contacts", "no encarregado is appointed for Brazil").help(
            "add `[[contacts]]` with `role = \"dpo\"`, `for = [\"BR\"]`, a name, an e-mail and `published = true`",
        )];
    };
    let mut out = Vec::new();
    if !dpo.published {
        out.push(
            Violation::new(format!("contacts[{i}].published"), format!("the encarregado `{}` is not published", dpo.name))
                .help(if ctx.as_of >= RES_18_2024 {
                    "publish the encarregado's identity and contact prominently on the website (Res. CD/ANPD 18/2024) and set `published = true`"
                } else {
                    "publish the encarregado's identity and contact on the website and set `published = true`"
                }),
        );
    }
    if !reachable(dpo) {
        out.push(
            Violation::new(
                format!("contacts[{i}]"),
                format!("the encarregado `{}` has no published e-mail or telephone", dpo.name),
            )
            .help("add `email` or `phone`: Art. 41 §1 requires contact details"),
        );
    }
    out
}
