use juris_core::jiff::civil::{Date, date};
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

/// The day registered data brokers must start processing DROP requests.
const DROP_PROCESSING_FROM: Date = date(2026, 8, 1);

/// `california/data-broker-registration`
pub static RULE: Rule = Rule {
    id: "california/data-broker-registration",
    title: "Data broker not registered, or not processing DROP deletion requests every 45 days",
    citation: "Civ. Code §§1798.99.82, 1798.99.86(c)-(d) (Delete Act, SB 362, as amended by SB 361)",
    severity: Severity::Error,
    in_force: InForce::from(date(2020, 1, 1)),
    docs: r#"
## What it does
When the CCPA applies and the manifest declares the business a data broker
(`[modules.california.data_broker]`), checks that its latest registration
(`registered_year`) is no older than the current registration period (the
registration due by 31 January of the as-of year, or of the previous year in
January), and, from 2026-08-01, that it retrieves deletion requests from the
Delete Request and Opt-out Platform at least every 45 days
(`drop_access_interval_days <= 45`).

## Why
A data broker, a business that knowingly collects and sells to third parties
the personal information of consumers with whom it has no direct relationship,
must register with the California Privacy Protection Agency by 31 January
following each year in which it is one (Civ. Code §1798.99.82). From
2026-08-01 it must access the DROP at least once every 45 days, process the
deletion requests found there within 45 days, and treat unverifiable requests
as opt-outs of sale and sharing (§1798.99.86(c)-(d)). An unprocessed request
costs $200 a day.

## Example
```toml
[modules.california.data_broker]
registered_year = 2024
drop_access_interval_days = 90
```

## How to fix
Register (or renew) with the CPPA by 31 January, record the year in
`registered_year`, and schedule DROP retrievals at least every 45 days.

## Uncertainty
The rule's start, 2020-01-01, is the first registration duty under the
data-broker registry law (AB 1202, Stats. 2019 ch. 753), which the Delete Act
carried over.

## Fines
$200 for each day a deletion request is not processed (Civ. Code
§1798.99.82(c)(1)(B), as amended by SB 362), and $200 for each day a broker
fails to register (§1798.99.82(c)(1)(A)).
"#,
    check,
    fails: include_str!("fixtures/data_broker_registration.fail.toml"),
    passes: include_str!("fixtures/data_broker_registration.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let Some(options) = super::ccpa(ctx) else { return Vec::new() };
    let Some(broker) = options.data_broker else { return Vec::new() };
    let mut out = Vec::new();
    let required_year = if ctx.as_of.month() == 1 { ctx.as_of.year() - 1 } else { ctx.as_of.year() };
    match broker.registered_year {
        Some(year) if year >= required_year => {}
        Some(year) => out.push(
            Violation::new(
                "modules.california.data_broker.registered_year",
                format!("the data broker's latest registration is from {year}, but the registration due by {required_year}-01-31 is missing"),
            )
            .help("register with the California Privacy Protection Agency and set `registered_year` to the year of the registration"),
        ),
        None => out.push(
            Violation::new("modules.california.data_broker", "the data broker is not registered with the California Privacy Protection Agency")
                .help("register by 31 January and set `registered_year = <year>`"),
        ),
    }
    if ctx.as_of >= DROP_PROCESSING_FROM {
        match broker.drop_access_interval_days {
            Some(days) if days <= 45 => {}
            Some(days) => out.push(
                Violation::new(
                    "modules.california.data_broker.drop_access_interval_days",
                    format!("deletion requests are retrieved from the DROP every {days} days, not at least every 45 days"),
                )
                .help("retrieve and process DROP requests at least every 45 days and set `drop_access_interval_days` accordingly"),
            ),
            None => out.push(
                Violation::new("modules.california.data_broker", "the data broker does not say that it retrieves deletion requests from the DROP at least every 45 days")
                    .help("retrieve DROP requests at least every 45 days and set `drop_access_interval_days = 45` (or fewer)"),
            ),
        }
    }
    out
}
