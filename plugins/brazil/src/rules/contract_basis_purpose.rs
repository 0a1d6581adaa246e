use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `brazil/contract-basis-purpose`
pub static RULE: Rule = Rule {
    id: "brazil/contract-basis-purpose",
    title: "Contract named as the basis for marketing or advertising",
    citation: "LGPD Art. 7 V; Art. 6 I and III",
    severity: Severity::Error,
    in_force: InForce::from(crate::LGPD_IN_FORCE),
    docs: r#"
## What it does
Flags activities the LGPD governs whose basis for Brazil is `contract` while
their purposes include advertising (`marketing.advertising.*`): an error, since
showing ads, profiling for them or sharing data with ad networks is not what
the person contracted for. Marketing communications (`marketing.communications.*`)
on `contract` are a warning: only a subscription the person asked for can make
them part of the contract.

## Why
Art. 7 V allows processing "when necessary for the performance of a contract
or of preliminary procedures related to a contract to which the data subject
is a party, at the request of the data subject". Necessity ties the basis to
the service the person asked for; the principles of purpose and necessity
(Art. 6 I and III) forbid stretching it to purposes the person did not seek.

## Example
```toml
[[activities]]
id = "ads"
uses = ["marketing.advertising.third_party.targeted"]
legal_basis = "contract"
```

## How to fix
Rest the advertising on consent collected opt-in (`legal_basis_by = { BR =
"consent" }`) or, where the balance allows, on legitimate interests with the
Art. 10 safeguards.
"#,
    check,
    fails: include_str!("fixtures/contract_basis_purpose.fail.toml"),
    passes: include_str!("fixtures/contract_basis_purpose.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let mut out = Vec::new();
    for (i, activity) in crate::activities(ctx) {
        let Some((basis, path)) = crate::basis(m, i, activity) else { continue };
        if basis != "contract" {
            continue;
        }
        let advertising = activity.uses.iter().find(|u| u.is_within("marketing.advertising"));
        let communications = activity.uses.iter().find(|u| u.is_within("marketing.communications"));
        if let Some(u) = advertising {
            out.push(
                Violation::new(
                    path,
                    format!(
                        "activity `{}` rests on contract for `{}`, but advertising is not necessary to perform a contract with the person (LGPD Art. 7 V)",
                        activity.id,
                        u.as_str()
                    ),
                )
                .help("rest advertising on opt-in consent (`legal_basis_by = { BR = \"consent\" }`) or on legitimate interests with the Art. 10 safeguards"),
            );
        } else if let Some(u) = communications {
            out.push(
                Violation::new(
                    path,
                    format!(
                        "activity `{}` rests on contract for `{}`: marketing messages are necessary to a contract only when they are the service the person subscribed to (LGPD Art. 7 V)",
                        activity.id,
                        u.as_str()
                    ),
                )
                .help("rest marketing messages on consent or legitimate interests, unless they are the service itself")
                .severity(Severity::Warning),
            );
        }
    }
    out
}
