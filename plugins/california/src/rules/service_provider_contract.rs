use juris_core::jiff::civil::date;
use juris_core::manifest::{ContractTerm, Recipient, RecipientRole};
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `california/service-provider-contract`
pub static RULE: Rule = Rule {
    id: "california/service-provider-contract",
    title: "Personal information disclosed to a service provider, contractor or third party without a contract",
    citation: "Civ. Code §§1798.100(d), 1798.140(j), (ag); 11 CCR §§7050(b), 7051(a), 7053(a)",
    severity: Severity::Error,
    in_force: InForce::from(date(2023, 1, 1)),
    docs: r#"
## What it does
When the CCPA applies, checks each recipient that Californians' personal
information reaches:
- a `service_provider`, `contractor` or `processor` that an activity discloses
  to must have a contract (`contract = true`, or `contract_terms`);
- a recipient that a sale or sharing reaches (derived from the facts as for
  `california/do-not-sell-link`, or declared), including a service provider
  engaged for cross-context behavioural advertising, which is a third party for
  it (§1798.140(e)(6); 11 CCR §7050(b)), must have one too.

When `contract_terms` lists the terms, the rule names those missing:
- for a service provider or contractor (§1798.100(d); §1798.140(ag)(1), (j)(1);
  11 CCR §7051(a)): `no-selling-or-sharing`, `specified-purposes`,
  `no-use-outside-purposes`, `no-combining`, `ccpa-compliance`,
  `right-to-audit-and-remediate`, `notify-if-unable-to-comply`;
- for a third party (§1798.100(d); 11 CCR §7053(a)): `specified-purposes`,
  `ccpa-compliance`, `right-to-audit-and-remediate`,
  `notify-if-unable-to-comply`.

## Why
A business that discloses personal information to a service provider or
contractor for a business purpose, or sells or shares it with a third party,
must enter into an agreement that limits the use to the specified purposes,
binds the recipient to the CCPA, lets the business take reasonable steps to
ensure compliance and stop unauthorised use, and obliges the recipient to say
when it can no longer comply (Civ. Code §1798.100(d), added by the CPRA,
operative 2023-01-01). Without the contract of §1798.140(ag) or (j), a vendor
is not a service provider or contractor in law, and the disclosure may be a
sale (11 CCR §7050).

## Example
```toml
[[recipients]]
id = "email-vendor"
role = "service_provider"
country = "US"
contract = true
contract_terms = ["specified-purposes", "no-selling-or-sharing"]
```

## How to fix
Sign a contract with every term of 11 CCR §7051(a) (service providers and
contractors) or §7053(a) (third parties) and list them in `contract_terms`.

## Enforcement
In re American Honda Motor Co. (CPPA, order of 2025-03-07, $632,500): personal
information was disclosed to advertising-technology vendors without contracts
holding the terms the CCPA requires:
<https://cppa.ca.gov/announcements/2025/20250312.html>.

## Uncertainty
A recipient whose role is `processor` (a GDPR term) is treated as a service
provider. `contract = true` without `contract_terms` is taken as a complete
contract; list the terms to have them checked.
"#,
    check,
    fails: include_str!("fixtures/service_provider_contract.fail.toml"),
    passes: include_str!("fixtures/service_provider_contract.pass.toml"),
};

/// The terms 11 CCR §7051(a) requires of a service provider or contractor.
const SERVICE_PROVIDER_TERMS: &[ContractTerm] = &[
    ContractTerm::NoSellingOrSharing,
    ContractTerm::SpecifiedPurposes,
    ContractTerm::NoUseOutsidePurposes,
    ContractTerm::NoCombining,
    ContractTerm::CcpaCompliance,
    ContractTerm::RightToAuditAndRemediate,
    ContractTerm::NotifyIfUnableToComply,
];

/// The terms 11 CCR §7053(a) requires of a third party.
const THIRD_PARTY_TERMS: &[ContractTerm] = &[
    ContractTerm::SpecifiedPurposes,
    ContractTerm::CcpaCompliance,
    ContractTerm::RightToAuditAndRemediate,
    ContractTerm::NotifyIfUnableToComply,
];

fn term_name(t: ContractTerm) -> &'static str {
    match t {
        ContractTerm::DocumentedInstructions => "documented-instructions",
        ContractTerm::Confidentiality => "confidentiality",
        ContractTerm::Security => "security",
        ContractTerm::SubProcessorConditions => "sub-processor-conditions",
        ContractTerm::AssistWithRights => "assist-with-rights",
        ContractTerm::AssistWithCompliance => "assist-with-compliance",
        ContractTerm::DeleteOrReturn => "delete-or-return",
        ContractTerm::Audits => "audits",
        ContractTerm::SpecifiedPurposes => "specified-purposes",
        ContractTerm::NoSellingOrSharing => "no-selling-or-sharing",
        ContractTerm::NoUseOutsidePurposes => "no-use-outside-purposes",
        ContractTerm::NoCombining => "no-combining",
        ContractTerm::CcpaCompliance => "ccpa-compliance",
        ContractTerm::RightToAuditAndRemediate => "right-to-audit-and-remediate",
        ContractTerm::NotifyIfUnableToComply => "notify-if-unable-to-comply",
    }
}

fn is_vendor(r: &Recipient) -> bool {
    matches!(r.role, RecipientRole::ServiceProvider | RecipientRole::Contractor | RecipientRole::Processor)
}

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let Some(options) = super::ccpa(ctx) else { return Vec::new() };
    let m = &ctx.manifest;
    let found = crate::applicability::sales_in(ctx);
    let covered: Vec<(usize, &juris_core::manifest::Activity)> =
        crate::applicability::covered_activities(m, &options).collect();
    // Each lookup below is by recipient, built once: a scan of every sale and
    // every activity per recipient would be quadratic on large manifests.
    let mut sale_to: std::collections::HashMap<usize, &str> = std::collections::HashMap::new();
    for s in found.iter() {
        if let Some(i) = s.recipient {
            sale_to.entry(i).or_insert(s.reason.as_str());
        }
    }
    let mut declared_to: std::collections::HashMap<&str, &juris_core::manifest::Activity> =
        std::collections::HashMap::new();
    for s in found.iter().filter(|s| s.kind == crate::selling::Kind::Declared) {
        if let crate::selling::Source::Activity(a) = s.source
            && let Some(activity) = m.activities.get(a)
        {
            for id in &activity.recipients {
                declared_to.entry(id.as_str()).or_insert(activity);
            }
        }
    }
    let mut disclosed_to: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for (_, a) in &covered {
        for id in &a.recipients {
            disclosed_to.entry(id.as_str()).or_insert(a.id.as_str());
        }
    }
    let mut out = Vec::new();
    for (i, r) in m.recipients.iter().enumerate() {
        // A sale or sharing that reaches this recipient, derived or declared.
        let sold = sale_to.get(&i).map(|reason| reason.to_string()).or_else(|| {
            declared_to
                .get(r.id.as_str())
                .filter(|_| !is_vendor(r))
                .map(|a| format!("activity `{}` sells or shares personal information with `{}`", a.id, r.id))
        });
        let disclosed = disclosed_to.get(r.id.as_str()).map(|id| id.to_string());
        let (what, terms) = match (&sold, &disclosed) {
            (Some(why), _) => (why.clone(), THIRD_PARTY_TERMS),
            (None, Some(activity)) if is_vendor(r) => (
                format!("activity `{activity}` discloses personal information of Californians to `{}`", r.id),
                SERVICE_PROVIDER_TERMS,
            ),
            _ => continue,
        };
        if !r.contract && r.contract_terms.is_empty() {
            out.push(
                Violation::new(format!("recipients[{i}].contract"), format!("{what}, without a contract"))
                    .help("sign an agreement with the terms of 11 CCR §7051(a) (service providers, contractors) or §7053(a) (third parties) and list them in `contract_terms`"),
            );
            continue;
        }
        if r.contract_terms.is_empty() {
            continue;
        }
        let missing: Vec<&str> =
            terms.iter().filter(|t| !r.contract_terms.contains(t)).map(|t| term_name(*t)).collect();
        if !missing.is_empty() {
            let section = if std::ptr::eq(terms, THIRD_PARTY_TERMS) { "§7053(a)" } else { "§7051(a)" };
            out.push(
                Violation::new(
                    format!("recipients[{i}].contract_terms"),
                    format!(
                        "the contract with `{}` lacks terms 11 CCR {section} requires: {} ({what})",
                        r.id,
                        missing.join(", ")
                    ),
                )
                .help(format!("add the missing terms to the contract and to `contract_terms`: {}", missing.join(", "))),
            );
        }
    }
    out
}
