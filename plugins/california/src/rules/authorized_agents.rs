use juris_core::jiff::civil::date;
use juris_core::manifest::AgentHandling;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `california/authorized-agents`
pub static RULE: Rule = Rule {
    id: "california/authorized-agents",
    title: "Requests through an authorised agent refused, or opt-outs through an agent burdened with verification",
    citation: "Civ. Code §1798.135(e); 11 CCR §§7026(j), 7027, 7063",
    severity: Severity::Error,
    in_force: InForce::from(date(2020, 1, 1)),
    docs: r#"
## What it does
When the CCPA applies, reads `rights.authorized_agents`: `refused` is an
error, and so is `accepted-but-person-must-verify-opt-out`, a process that
makes the consumer verify themselves, or confirm the agent's authority
directly, before an agent's opt-out is honoured.

## Why
A consumer may use an authorised agent to opt out of sale or sharing, or to
limit, and the business must honour it (Civ. Code §1798.135(e)). For opt-outs
and requests to limit, the business may ask only for the consumer's signed
permission (11 CCR §7026(j)); the verification steps of §7063
(having the consumer verify their identity or confirm the agent's authority
directly) are allowed only for requests to know, delete and correct.

## Example
```toml
[rights]
authorized_agents = "refused"
```

## How to fix
Accept requests from authorised agents with the consumer's signed permission,
without direct verification for opt-outs, and set
`authorized_agents = "accepted"`.

## Enforcement
In re American Honda Motor Co. (CPPA, 2025-03-07): consumers had to confirm
directly that they had authorised the agent submitting an opt-out:
<https://cppa.ca.gov/announcements/2025/20250312.html>.
"#,
    check,
    fails: include_str!("fixtures/authorized_agents.fail.toml"),
    passes: include_str!("fixtures/authorized_agents.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    if super::ccpa(ctx).is_none() {
        return Vec::new();
    }
    let message = match ctx.manifest.rights.authorized_agents {
        Some(AgentHandling::Refused) => {
            "requests made through an authorised agent are refused, though consumers may use one (Civ. Code §1798.135(e); 11 CCR §7063)"
        }
        Some(AgentHandling::AcceptedButPersonMustVerifyOptOut) => {
            "an opt-out made through an authorised agent also requires the consumer to verify themselves, where only the consumer's signed permission may be asked (11 CCR §7026(j))"
        }
        Some(AgentHandling::Accepted) | None => return Vec::new(),
    };
    vec![
        Violation::new("rights.authorized_agents", message)
            .help("accept agents with the consumer's signed permission, with no direct verification for opt-outs, and set `authorized_agents = \"accepted\"`"),
    ]
}
