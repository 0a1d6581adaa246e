use juris_core::manifest::{ContractTerm, RecipientRole};
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::applicability;

/// `eea-uk/processor-contract`
pub static RULE: Rule = Rule {
    id: "eea-uk/processor-contract",
    title: "Processor engaged without a contract holding the terms Art. 28(3) requires",
    citation: "GDPR Art. 28(3)(a)-(h), 28(9); UK GDPR Art. 28(3)(a)-(h)",
    severity: Severity::Error,
    in_force: InForce::from(applicability::GDPR_FROM),
    docs: r#"
## What it does
For every recipient with `role = "processor"` that receives data from an
activity the GDPR or the UK GDPR applies to, checks that a written contract
governs the processing (`contract = true`) and, when the manifest lists the
contract's terms (`contract_terms`), names each term of Art. 28(3) that is
missing:

| term | Art. 28(3) |
|---|---|
| `documented-instructions` | (a) processes only on documented instructions |
| `confidentiality` | (b) persons authorised are bound to confidentiality |
| `security` | (c) Art. 32 security measures |
| `sub-processor-conditions` | (d) sub-processors only with authorisation, on the same terms |
| `assist-with-rights` | (e) assists with data subjects' requests |
| `assist-with-compliance` | (f) assists with security, breach notification, DPIAs |
| `delete-or-return` | (g) deletes or returns the data at the end |
| `audits` | (h) information and audits |

## Why
Processing by a processor must be governed by a contract or other legal act
that is binding on the processor and sets out the subject matter, duration,
nature and purpose, the data and the people, and the eight terms of Art.
28(3) (EDPB Guidelines 07/2020 on controller and processor, paras.
109-160). A contract without them does not meet Art. 28.

## Example
```toml
[[recipients]]
id = "crm"
role = "processor"
contract = true
contract_terms = ["documented-instructions", "security"]
```

## How to fix
Sign a data processing agreement with every term (the Commission's SCCs
under Art. 28(7), Decision (EU) 2021/915, have them all) and list them in
`contract_terms`.
"#,
    check,
    fails: include_str!("fixtures/processor_contract.fail.toml"),
    passes: include_str!("fixtures/processor_contract.pass.toml"),
};

/// The terms of Art. 28(3)(a)-(h), in order.
pub const ART_28_3: [(ContractTerm, &str); 8] = [
    (ContractTerm::DocumentedInstructions, "documented-instructions"),
    (ContractTerm::Confidentiality, "confidentiality"),
    (ContractTerm::Security, "security"),
    (ContractTerm::SubProcessorConditions, "sub-processor-conditions"),
    (ContractTerm::AssistWithRights, "assist-with-rights"),
    (ContractTerm::AssistWithCompliance, "assist-with-compliance"),
    (ContractTerm::DeleteOrReturn, "delete-or-return"),
    (ContractTerm::Audits, "audits"),
];

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let reach = crate::reach(ctx);
    let mut out = Vec::new();
    for (k, r) in m.recipients.iter().enumerate() {
        if r.role != RecipientRole::Processor || applicability::recipient_regimes_by(m, r, |i| reach.of(i)).is_empty() {
            continue;
        }
        if !r.contract {
            out.push(
                Violation::new(format!("recipients[{k}]"), format!("processor `{}` works without a written contract", r.id))
                    .help("sign a data processing agreement with the terms of Art. 28(3), then set `contract = true` and list `contract_terms`"),
            );
            continue;
        }
        if r.contract_terms.is_empty() {
            continue;
        }
        let missing: Vec<&str> =
            ART_28_3.iter().filter(|(t, _)| !r.contract_terms.contains(t)).map(|(_, name)| *name).collect();
        if !missing.is_empty() {
            out.push(
                Violation::new(
                    format!("recipients[{k}].contract_terms"),
                    format!("the contract with processor `{}` lacks Art. 28(3) terms: {}", r.id, missing.join(", ")),
                )
                .help("add the missing terms to the data processing agreement and to `contract_terms`"),
            );
        }
    }
    out
}
