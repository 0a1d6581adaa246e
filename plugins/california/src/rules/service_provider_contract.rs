use juris_core::jiff::civil::date;
use juris_core::manifest::RecipientRole;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `california/service-provider-contract`
pub static RULE: Rule = Rule {
    id: "california/service-provider-contract",
    title: "Personal information disclosed to a service provider, contractor or third party without a contract",
    citation: "Civ. Code §§1798.100(d), 1798.140(j), (ag); 11 CCR §§7051, 7053",
    severity: Severity::Error,
    in_force: InForce::from(date(2023, 1, 1)),
    docs: r#"
## What it does
When the CCPA applies, checks each recipient that an activity touching
California discloses data to: a `service_provider`, `contractor` or
`processor`, and a `third_party` or `controller` that the activity sells or
shares with, must have `contract = true`.

## Why
A business that discloses personal information to a service provider or
contractor for a business purpose, or sells or shares it with a third party,
must enter into an agreement that limits the use to the specified purposes,
binds the recipient to the CCPA and lets the business stop unauthorised use
(Civ. Code §1798.100(d)). Without the contract of §1798.140(ag) or (j), a
service provider or contractor is not one in law, and the disclosure may be a
sale (11 CCR §§7050-7051).

## Example
```toml
[[recipients]]
id = "email-vendor"
role = "service_provider"
country = "US"
contract = false
```

## How to fix
Sign a contract with the terms of 11 CCR §7051 (service providers and
contractors) or §7053 (third parties) and set `contract = true`.

## Uncertainty
A recipient whose role is `processor` (a GDPR term) is treated as a service
provider, the conservative reading.
"#,
    check,
    fails: include_str!("fixtures/service_provider_contract.fail.toml"),
    passes: include_str!("fixtures/service_provider_contract.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    if super::ccpa(ctx).is_none() {
        return Vec::new();
    }
    let m = &ctx.manifest;
    let ca = crate::us_ca();
    let mut out = Vec::new();
    for (i, r) in m.recipients.iter().enumerate() {
        if r.contract {
            continue;
        }
        let mut needs = None;
        for a in m.activities.iter().filter(|a| a.recipients.contains(&r.id) && m.activity_touches(a, &ca)) {
            needs = match r.role {
                RecipientRole::ServiceProvider | RecipientRole::Contractor | RecipientRole::Processor => {
                    Some(("discloses personal information of Californians to", a))
                }
                RecipientRole::ThirdParty | RecipientRole::Controller if a.sells_or_shares => {
                    Some(("sells or shares personal information of Californians with", a))
                }
                _ => None,
            };
            if needs.is_some() {
                break;
            }
        }
        if let Some((what, a)) = needs {
            out.push(
                Violation::new(
                    format!("recipients[{i}].contract"),
                    format!("activity `{}` {what} `{}` without a contract", a.id, r.id),
                )
                .help("sign an agreement with the terms of 11 CCR §7051 or §7053 and set `contract = true`"),
            );
        }
    }
    out
}
