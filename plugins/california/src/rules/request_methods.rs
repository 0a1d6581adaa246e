use juris_core::jiff::civil::date;
use juris_core::manifest::Channel;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `california/request-methods`
pub static RULE: Rule = Rule {
    id: "california/request-methods",
    title: "Fewer than two request methods, or no toll-free number",
    citation: "Civ. Code §1798.130(a)(1)(A); 11 CCR §7020(a)",
    severity: Severity::Error,
    in_force_from: Some(date(2020, 1, 1)),
    in_force_until: None,
    docs: r#"
## What it does
When the CCPA applies, checks `rights.channels`: at least two designated
methods for requests to know, delete and correct, one of them a toll-free
telephone number (`toll-free-phone`). A business that operates exclusively
online and has a direct relationship with its consumers
(`online_only = true` in `[modules.california]`) needs only an e-mail address.

## Why
Civ. Code §1798.130(a)(1)(A) and 11 CCR §7020(a) require two or more designated
methods, including, at a minimum, a toll-free telephone number; a business
operating exclusively online with a direct relationship with the consumer need
only provide an e-mail address. A business with a website must also offer it
as a method (§1798.130(a)(1)(B)).

## Example
```toml
[rights]
channels = ["web-form", "email"]   # no toll-free number
```

## How to fix
Add a toll-free number: `channels = ["web-form", "email", "toll-free-phone"]`;
or, for an online-only business with a direct relationship with its consumers,
keep an e-mail address and set `online_only = true` in `[modules.california]`.
"#,
    check,
    fails: include_str!("fixtures/request_methods.fail.toml"),
    passes: include_str!("fixtures/request_methods.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let Some(options) = super::ccpa(ctx) else { return Vec::new() };
    let channels = &ctx.manifest.rights.channels;
    let path = if channels.is_empty() { "rights" } else { "rights.channels" };
    if options.online_only {
        if channels.contains(&Channel::Email) {
            return Vec::new();
        }
        return vec![
            Violation::new(path, "no e-mail address is offered for consumer requests by this online-only business")
                .help("add `email` to `rights.channels`"),
        ];
    }
    let mut distinct = channels.clone();
    distinct.sort_by_key(|c| format!("{c:?}"));
    distinct.dedup();
    let mut out = Vec::new();
    if distinct.len() < 2 {
        out.push(
            Violation::new(
                path,
                format!("{} request method(s) offered where at least two are required", distinct.len()),
            )
            .help("offer at least two methods, e.g. `channels = [\"web-form\", \"toll-free-phone\"]`"),
        );
    }
    if !channels.contains(&Channel::TollFreePhone) {
        out.push(
            Violation::new(path, "no toll-free telephone number is offered for consumer requests")
                .help("add `toll-free-phone` to `rights.channels`, or set `online_only = true` in `[modules.california]` if the business operates exclusively online with a direct relationship with its consumers"),
        );
    }
    out
}
