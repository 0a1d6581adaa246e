use juris_core::jiff::civil::date;
use juris_core::module::RequestKind;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::taxonomy::is_within;
use juris_core::{CheckContext, Rule, Severity};

/// `eea-uk/rights-unsupported`
pub static RULE: Rule = Rule {
    id: "eea-uk/rights-unsupported",
    title: "Data-subject right the organisation does not handle",
    citation: "GDPR Arts. 7(3), 12(2), 15-18, 20, 21(1)-(2); UK GDPR the same articles",
    severity: Severity::Error,
    in_force: InForce::from(date(2018, 5, 25)),
    docs: r#"
## What it does
When the organisation (or one of its activities) targets an EEA or UK
market, checks that
`[rights] supported` lists every right the GDPR gives its people:

- always `access` (Art. 15), `rectification` (Art. 16), `erasure` (Art. 17)
  and `restriction` (Art. 18);
- `portability` (Art. 20) when an activity relies on consent or contract;
- `objection` (Art. 21) when an activity relies on legitimate interests or a
  public task (21(1)) or is direct marketing, a `marketing.*` use (21(2));
- `withdraw-consent` (Art. 7(3)) when an activity relies on consent or
  explicit consent;

and that `[rights] channels` names at least one way to make a request.

## Why
Art. 12(2) requires the controller to facilitate the exercise of the rights
of Arts. 15 to 22. The right to object to direct marketing is absolute
(Art. 21(2)-(3)), and withdrawing consent must be as easy as giving it
(Art. 7(3)).

## Example
```toml
[rights]
supported = ["access", "erasure"]
channels = []
```

## How to fix
Handle the missing requests and list them, with at least one channel:

```toml
[rights]
supported = ["access", "rectification", "erasure", "restriction", "portability", "objection", "withdraw-consent"]
channels = ["web-form", "email"]
```
"#,
    check,
    fails: include_str!("fixtures/rights_unsupported.fail.toml"),
    passes: include_str!("fixtures/rights_unsupported.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let reach = crate::reach(ctx);
    if crate::applicability::org_regimes(m, ctx.as_of).is_empty() {
        return Vec::new();
    }
    let mut bases: Vec<&str> = Vec::new();
    let mut marketing = false;
    let mut explicit_consent = false;
    for (i, activity) in m.activities.iter().enumerate() {
        if reach.of(i).is_empty() {
            continue;
        }
        bases.extend(crate::bases_under(m, activity, reach.of(i), ctx.as_of).uses.iter().map(|u| u.basis));
        marketing |= activity.uses.iter().any(|u| is_within(u.as_str(), "marketing"));
        explicit_consent |= activity.special_category_condition.as_deref() == Some("explicit_consent");
    }
    let any = |names: &[&str]| bases.iter().any(|b| names.contains(b));
    let mut needed = vec![
        (RequestKind::Access, "Art. 15"),
        (RequestKind::Rectification, "Art. 16"),
        (RequestKind::Erasure, "Art. 17"),
        (RequestKind::Restriction, "Art. 18"),
    ];
    if any(&["consent", "contract"]) {
        needed.push((RequestKind::Portability, "Art. 20, as an activity relies on consent or contract"));
    }
    if any(&["legitimate_interests", "public_task", "recognised_legitimate_interest"]) {
        needed.push((
            RequestKind::Objection,
            "Art. 21(1), as an activity relies on legitimate interests or a public task",
        ));
    } else if marketing {
        needed.push((RequestKind::Objection, "Art. 21(2), as an activity is direct marketing"));
    }
    if any(&["consent"]) || explicit_consent {
        needed.push((RequestKind::WithdrawConsent, "Art. 7(3), as an activity relies on consent"));
    }
    let mut out: Vec<Violation> = needed
        .into_iter()
        .filter(|(kind, _)| !m.rights.supported.contains(kind))
        .map(|(kind, why)| {
            Violation::new("rights.supported", format!("`{kind}` requests are not supported ({why})"))
                .help(format!("handle `{kind}` requests and add `\"{kind}\"` to `[rights] supported`"))
        })
        .collect();
    if m.rights.channels.is_empty() {
        out.push(
            Violation::new("rights.channels", "no channel is given for making a data-subject request")
                .help("list at least one channel, e.g. `channels = [\"web-form\", \"email\"]` (Art. 12(2))"),
        );
    }
    out
}
