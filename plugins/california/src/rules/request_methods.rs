use juris_core::jiff::civil::date;
use juris_core::manifest::Channel;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// `california/request-methods`
pub static RULE: Rule = Rule {
    id: "california/request-methods",
    title: "Fewer than two request methods, or no toll-free number",
    citation: "Civ. Code §1798.130(a)(1)(A)-(B); 11 CCR §7020(a)-(b)",
    severity: Severity::Error,
    in_force: InForce::from(date(2020, 1, 1)),
    docs: r#"
## What it does
When the CCPA applies, checks `rights.channels`: at least two designated
methods for requests to know, delete and correct, one of them a toll-free
telephone number (`toll-free-phone`), and, when the business has a website
(its privacy policy is published at an `http(s)://` address), a method on the
website (`web-form`). A business that operates exclusively
online and has a direct relationship with its consumers
(`online_only = true` in `[modules.california]`) needs only an e-mail address.

## Why
Civ. Code §1798.130(a)(1)(A) and 11 CCR §7020(b) require two or more designated
methods, including, at a minimum, a toll-free telephone number; a business
operating exclusively online with a direct relationship with the consumer need
only provide an e-mail address (§7020(a)). A business that maintains a website must make
it available for requests, e.g. through a web form (§1798.130(a)(1)(B);
11 CCR §7020(b)).

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
    if has_website(&ctx.manifest) && !channels.contains(&Channel::WebForm) {
        out.push(
            Violation::new(path, "the business has a website, but requests cannot be made through it").help(
                "offer a web form for requests to know, delete and correct and add `web-form` to `rights.channels`",
            ),
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

/// Whether the manifest shows a website: the privacy policy is published at a
/// web address.
fn has_website(m: &juris_core::Manifest) -> bool {
    m.notices.privacy_policy.as_deref().is_some_and(|p| {
        let p = p.trim_start().to_ascii_lowercase();
        p.starts_with("https://") || p.starts_with("http://")
    })
}
