use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Jurisdiction, Rule, Severity};

/// `ch/transfer-countries-undisclosed`
pub static RULE: Rule = Rule {
    id: "ch/transfer-countries-undisclosed",
    title: "Countries personal data is disclosed to are not named in the privacy notice",
    citation: "FADP Art. 19(1), (4)",
    severity: Severity::Error,
    in_force: InForce::from(crate::FADP_IN_FORCE),
    docs: r#"
## What it does
Collects the countries of the recipients that activities touching Switzerland
disclose data to, outside Switzerland, and checks that each is named in the
privacy notice, as recorded in `[modules.ch] notice_transfer_countries`. When
data goes abroad and the manifest records no privacy notice at all
(`notices.privacy_policy`), that is reported instead.

## Why
When collecting personal data the controller must inform the person of at
least its identity and contact details, the purpose and the recipients (FADP
Art. 19(2)); if the data is disclosed abroad, also of the State or
international body it goes to and, where applicable, of the safeguards of
Art. 16(2) or the exception of Art. 17 relied on (Art. 19(4)). Unlike the
GDPR, the Swiss Act asks for the countries themselves, not only for the fact
that data leaves the country.

## Example
```toml
[[recipients]]
id = "support-desk"
country = "IN"

[modules.ch]
notice_transfer_countries = ["DE"]   # India is not named
```

## How to fix
Name every destination country in the privacy notice, with the safeguard
relied on, and record them in `[modules.ch] notice_transfer_countries`. A
group such as `"EEA"` covers its member states.

## Facts
Verified: FADP Art. 19(1), (2), (4) and (5). The manifest has no field for the
notice's content, so the module relies on `notice_transfer_countries`; when it
is absent, every destination is reported (the conservative default).
"#,
    check,
    fails: include_str!("fixtures/transfer_countries_undisclosed.fail.toml"),
    passes: include_str!("fixtures/transfer_countries_undisclosed.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let activities = super::swiss_activities(m);
    let ch = crate::ch();
    let named = &ctx.options::<crate::options::Options>().notice_transfer_countries;
    let mut reported: Vec<&Jurisdiction> = Vec::new();
    let mut out = Vec::new();
    for (i, r) in m.recipients.iter().enumerate() {
        if ch.covers(&r.country) || !activities.iter().any(|(_, a)| a.recipients.contains(&r.id)) {
            continue;
        }
        if m.notices.privacy_policy.is_none() {
            return vec![
                Violation::new(
                    "notices",
                    format!("personal data of persons in Switzerland is disclosed abroad (to `{}` in {}), but the manifest records no privacy notice", r.id, r.country),
                )
                .help("publish a privacy notice with the information of FADP Art. 19(2) and (4), and set `notices.privacy_policy`"),
            ];
        }
        if named.iter().any(|n| n.covers(&r.country)) || reported.contains(&&r.country) {
            continue;
        }
        reported.push(&r.country);
        out.push(
            Violation::new(
                format!("recipients[{i}].country"),
                format!("personal data is disclosed to {} (recipient `{}`), but the privacy notice does not name that country", r.country, r.id),
            )
            .help(format!("name {} and the safeguard relied on in the privacy notice, and add it to `[modules.ch] notice_transfer_countries`", r.country)),
        );
    }
    out
}
