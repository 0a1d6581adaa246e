use juris_core::jiff::civil::date;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `eea-uk/complaints-process`
pub static RULE: Rule = Rule {
    id: "eea-uk/complaints-process",
    title: "No process for data protection complaints to the controller (UK)",
    citation: "Data Protection Act 2018 s.164A(1)-(4), inserted by the Data (Use and Access) Act 2025 s.103",
    severity: Severity::Error,
    in_force: InForce::from(date(2026, 6, 19)),
    docs: r#"
## What it does
When the UK GDPR applies to the organisation (it is established in the UK, or
it, one of its activities or entities targets GB or `*`: see `juris explain
eea-uk/territorial-scope`), checks that `[modules.eea-uk.complaints]`
names at least one channel for complaints and that complaints are
acknowledged within 30 days (`acknowledge_within_days` at most 30).

## Why
From 19 June 2026 a controller must facilitate complaints about its
processing of personal data, for example by providing an electronic
complaint form, acknowledge each complaint within 30 days of receiving it,
then take appropriate steps without undue delay and tell the complainant the
outcome (DPA 2018 s.164A). People are expected to complain to the
controller before going to the Information Commissioner.

## Example
```toml
[organization]
markets = ["GB"]
# no [modules.eea-uk.complaints]
```

## How to fix
```toml
[modules.eea-uk.complaints]
channels = ["web-form", "email"]
acknowledge_within_days = 30
```
Consider mentioning the right to complain to you in the privacy notice.
"#,
    check,
    fails: include_str!("fixtures/complaints_process.fail.toml"),
    passes: include_str!("fixtures/complaints_process.pass.toml"),
};

/// The longest acknowledgement period s.164A(3) allows, in days.
pub const ACKNOWLEDGE_DAYS: u32 = 30;

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    if crate::applicability::ground(m, crate::data::Regime::Uk, ctx.as_of).is_none() {
        return Vec::new();
    }
    let path = format!("{}.complaints", crate::options::TABLE);
    let options = ctx.options::<crate::options::Options>();
    let Some(complaints) = &options.complaints else {
        return vec![
            Violation::new(
                &path,
                "the UK GDPR applies to the organisation but it describes no process for complaints to it",
            )
            .help(
                "add `[modules.eea-uk.complaints]` with `channels = [\"web-form\"]` and `acknowledge_within_days = 30`",
            ),
        ];
    };
    let mut out = Vec::new();
    if complaints.channels.is_empty() {
        out.push(
            Violation::new(format!("{path}.channels"), "no channel is given for complaints")
                .help("offer at least one channel, such as an electronic complaint form: `channels = [\"web-form\"]`"),
        );
    }
    match complaints.acknowledge_within_days {
        Some(days) if days <= ACKNOWLEDGE_DAYS => {}
        Some(days) => out.push(
            Violation::new(
                format!("{path}.acknowledge_within_days"),
                format!("complaints are acknowledged within {days} days, later than the 30 days allowed"),
            )
            .help("acknowledge complaints within 30 days of receipt"),
        ),
        None => out.push(
            Violation::new(
                &path,
                "the complaints process does not say within how many days complaints are acknowledged",
            )
            .help("set `acknowledge_within_days = 30` (or fewer)"),
        ),
    }
    out
}
