use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::transfers;

/// `brazil/transfer-mechanism`
pub static RULE: Rule = Rule {
    id: "brazil/transfer-mechanism",
    title: "International transfer without an LGPD mechanism",
    citation: "LGPD Art. 33 I-IX; Res. CD/ANPD 19/2024 Art. 2 sole paragraph and Annex I Art. 15; Res. CD/ANPD 32/2026 Arts. 1-2",
    severity: Severity::Error,
    in_force: InForce::from(crate::LGPD_IN_FORCE),
    docs: r#"
## What it does
For every recipient outside Brazil that an activity touching Brazil discloses
data to, checks the recipient's `transfer` mechanism against LGPD Art. 33 as of
the check date:

- a destination covered by an ANPD adequacy decision needs nothing more: the
  EU's 27 member states, Iceland, Liechtenstein and Norway from 2026-01-27
  (Res. CD/ANPD 32/2026);
- `anpd_scc` (the ANPD standard clauses, Art. 33 II b), `bcr` (global corporate
  rules, Art. 33 II c) and `consent` (specific and highlighted consent,
  Art. 33 VIII) are accepted;
- `scc`, `idta` and `uk_addendum` (other contractual clauses) are a warning
  until 2025-08-23 and an error after it: contract-based transfers had to
  adopt the ANPD clauses within 12 months of their publication on 2024-08-23;
- `adequacy` for a country without an ANPD decision, `dpf`, `none` or no
  mechanism at all are errors;
- `derogation` is a warning: check the transfer fits Art. 33 III, IV, VI, VII or IX;
- `consent` (Art. 33 VIII) is an error when consent in Brazil is collected
  `opt-out` or `notice-only`: the specific and highlighted consent it needs
  cannot be given by silence.

A recipient in the organisation's own group (`same_group = true`) is judged
like any other: a transfer within a group needs a mechanism too (global
corporate rules, `bcr`, or the clauses). An organisation established in Brazil
that stores the data of an activity the LGPD governs in its own system outside
Brazil transfers it as well; it declares the mechanism per system in
`[modules.brazil] system_transfers = { "<system id>" = "anpd_scc" }`. A
foreign organisation collecting directly from people in Brazil into its own
systems abroad does not transfer: that is "coleta internacional de dados",
which Res. CD/ANPD 19/2024 (Annex I Art. 3 V) keeps apart from a transfer.

## Why
Personal data may leave Brazil only under one of the mechanisms of Art. 33.
Res. CD/ANPD 19/2024 sets the ANPD's standard contractual clauses, which must be
adopted in full and unaltered (Annex I Art. 15), and gave existing contracts
until 23 August 2025 to incorporate them.

## Example
```toml
[[recipients]]
id = "ad-network"
name = "Advertising partners"
role = "third_party"
country = "US"
transfer = "dpf"        # not an LGPD mechanism
```

## How to fix
Adopt the ANPD standard clauses with the recipient and set
`transfer = "anpd_scc"`, or rely on another Art. 33 mechanism that fits.

## Uncertainty
The ANPD publishes its adequacy decisions as resolutions of its Conselho
Diretor on https://www.gov.br/anpd/pt-br (Res. 19/2024 Annex I Art. 13 §2).
As of 2026-12-01 the only one is Res. CD/ANPD 32/2026 of 26 January 2026 (DOU
27 January 2026), recognising the European Union, the EEA states Iceland,
Liechtenstein and Norway, and the EU's institutions, bodies and agencies; its
Art. 2 leaves out transfers made solely for public security, national defence,
state security or criminal investigation. A later decision would make this
rule flag a lawful transfer until the module is updated.
"#,
    check,
    fails: include_str!("fixtures/transfer_mechanism.fail.toml"),
    passes: include_str!("fixtures/transfer_mechanism.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let mut out = Vec::new();
    for (k, recipient) in transfers::brazilian_recipients(m, crate::activities(ctx)) {
        if let Some(problem) = transfers::assess(m, recipient, ctx.as_of) {
            let path = if recipient.transfer.is_some() {
                format!("recipients[{k}].transfer")
            } else {
                format!("recipients[{k}]")
            };
            let mut v = Violation::new(path, problem.message).help(problem.help);
            if let Some(severity) = problem.severity {
                v = v.severity(severity);
            }
            out.push(v);
        }
    }
    // An organisation established in Brazil that sends data to its own
    // systems abroad transfers it (Res. CD/ANPD 19/2024 Annex I Art. 3 III-IV).
    let opts = ctx.options::<crate::options::Options>();
    for (k, system) in transfers::systems_abroad(m, crate::activities(ctx)) {
        let mechanism = opts.system_transfers.get(system.id.as_str()).copied();
        let Some(country) = system.locations.iter().find(|l| !crate::governs(l)) else { continue };
        let who = format!("the organisation's own system `{}` in {country}", system.id);
        if let Some(problem) = transfers::assess_mechanism(m, &who, country, mechanism, ctx.as_of) {
            let path = if mechanism.is_some() {
                format!("modules.{}.system_transfers.{}", crate::ID, system.id)
            } else {
                format!("systems[{k}].locations")
            };
            let help = if mechanism.is_some() {
                problem.help
            } else {
                format!(
                    "{}; for a system, declare it in `[modules.brazil] system_transfers = {{ \"{}\" = \"anpd_scc\" }}`",
                    problem.help, system.id
                )
            };
            let mut v = Violation::new(path, problem.message).help(help);
            if let Some(severity) = problem.severity {
                v = v.severity(severity);
            }
            out.push(v);
        }
    }
    out
}
