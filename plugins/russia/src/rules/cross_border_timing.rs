use juris_core::jiff::civil::Date;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::time::{Count, Period, due_date};
use juris_core::{CheckContext, Rule, Severity};

use crate::calendars::production;
use crate::law::{self, FZ266_CROSS_BORDER, adequate, notice_filed};
use crate::options;

/// `russia/cross-border-timing`
pub static RULE: Rule = Rule {
    id: "russia/cross-border-timing",
    title: "Cross-border transfers begun before the Roskomnadzor notice, or before its review ended",
    citation: "152-FZ Art. 12(3), (7)-(10), as amended by 266-FZ of 14.07.2022 (from 2023-03-01)",
    severity: Severity::Error,
    in_force: InForce::from(FZ266_CROSS_BORDER),
    docs: r#"
## What it does
Compares the day the cross-border notice was filed
(`filings.rkn_cross_border_notice_filed`) with the day transfers began
(`filings.cross_border_transfers_began`), when data within 152-FZ goes
abroad (the destinations of `russia/cross-border-notice`) and both dates are
given:

- transfers that began on or after 2023-03-01 before the notice was filed;
- transfers already under way before 2023-03-01 whose notice was filed
  after 2023-02-28, so they went on without one;
- transfers to a notified destination that does not ensure adequate
  protection that began before Roskomnadzor's 10-working-day review ended
  (counted on the production calendar from the day after filing).

## Why
Since 2023-03-01 the operator must notify Roskomnadzor of its intention
before it starts transferring personal data across the border (Art. 12(3)).
Roskomnadzor considers the notice within 10 working days; until then
transfers to states that do not ensure adequate protection are not allowed,
while transfers to adequate states may start once notified. Operators
already transferring had to file by 1 March 2023 (Roskomnadzor,
https://vm2-1.rkn.gov.ru/press/news/news74664.htm, 10.02.2023).

## Example
```toml
[filings]
rkn_cross_border_notice = ["US"]
rkn_cross_border_notice_filed = 2024-03-04
cross_border_transfers_began = 2024-03-05   # one working day later, US not adequate
```

## How to fix
File the notice before the first transfer and, for a state that is not
adequate, start only after the 10th working day of the review; record both
dates.

## Uncertainty
One pair of dates stands for all destinations: a notice filed later for one
country cannot be told apart. The exception for transfers needed to protect
life or health during the review is not encoded. The list of adequate
states is the one `russia/cross-border-notice` uses.

## Fines
KoAP RF Art. 13.11(1) (processing in breach of the law where no other part
applies): legal entities RUB 150-300 thousand from 2025-05-30 (420-FZ).
"#,
    check,
    fails: include_str!("fixtures/cross_border_timing.fail.toml"),
    passes: include_str!("fixtures/cross_border_timing.pass.toml"),
};

/// The last day of Roskomnadzor's 10-working-day review of a notice filed on `filed`.
fn review_ends(filed: Date) -> Date {
    due_date(filed, Count::exact(Period::WorkingDays(10)), &production()).value
}

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let (Some(filed), Some(began)) =
        (&m.filings.rkn_cross_border_notice_filed, &m.filings.cross_border_transfers_began)
    else {
        return Vec::new();
    };
    let (filed, began) = (filed.0, began.0);
    let destinations = law::destinations(m);
    if destinations.is_empty() {
        return Vec::new();
    }
    let path = "filings.cross_border_transfers_began";
    if began < FZ266_CROSS_BORDER {
        if filed >= FZ266_CROSS_BORDER {
            return vec![
                Violation::new(
                    path,
                    format!(
                        "transfers abroad under way since {began} went on from 2023-03-01 without the Roskomnadzor notice, filed only on {filed}"
                    ),
                )
                .help("operators already transferring had to notify Roskomnadzor by 2023-02-28; record the filing date, and stop transfers until notified"),
            ];
        }
        return Vec::new();
    }
    if began < filed {
        return vec![
            Violation::new(
                path,
                format!("transfers abroad began on {began}, before the cross-border notice was filed on {filed}"),
            )
            .help("notify Roskomnadzor before the first transfer (Art. 12(3)) and start transfers only after filing"),
        ];
    }
    let opts = ctx.options::<options::Options>();
    let end = review_ends(filed);
    if began > end {
        return Vec::new();
    }
    let mut waiting: Vec<String> = Vec::new();
    for d in &destinations {
        let name = d.place.to_string();
        if notice_filed(m, &d.place) && !adequate(&d.place, opts) && !waiting.contains(&name) {
            waiting.push(name);
        }
    }
    if waiting.is_empty() {
        return Vec::new();
    }
    vec![
        Violation::new(
            path,
            format!(
                "transfers to {} (not adequate) began on {began}, before Roskomnadzor's 10-working-day review of the notice filed on {filed} ended on {end}",
                law::join(&waiting)
            ),
        )
        .help(format!("start transfers to states that do not ensure adequate protection only after {end}")),
    ]
}
