use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::law::{self, Destination, FZ266_CROSS_BORDER, adequate, notice_filed};
use crate::options;

/// `russia/cross-border-notice`
pub static RULE: Rule = Rule {
    id: "russia/cross-border-notice",
    title: "Cross-border transfer of RU people's data without a notice to Roskomnadzor",
    citation: "152-FZ Art. 12(3), (8)-(10), as amended by 266-FZ of 14.07.2022 (from 2023-03-01)",
    severity: Severity::Error,
    in_force: InForce::from(FZ266_CROSS_BORDER),
    docs: r#"
## What it does
When 152-FZ reaches the organisation (it is established in Russia, or its
markets, an activity's own `markets` or an entity's `serves` include Russia),
lists every place outside Russia that data goes to: the locations of systems
holding RU people's data (copies of a Russian primary included) and the
countries of recipients of activities within 152-FZ (for an operator
established in Russia, every activity: the nationality of the people does
not matter for Art. 12). A destination not covered by
`filings.rkn_cross_border_notice` is an error; for a destination that does
not ensure adequate protection the message adds the 10-working-day wait.
Each country is reported once, at its first mention, naming every system
and recipient that sends data there. A
non-adequate destination with a notice filed is reported as a note, as a
reminder of that wait.

## Why
Since 2023-03-01 (266-FZ, Art. 12 in a new wording) an operator must notify Roskomnadzor, separately
from its Art. 22 notification, before it first transfers personal data
across the border (Art. 12(3)), after collecting information on the
recipients and, for non-adequate states, on their law (Art. 12(5)).
Roskomnadzor reviews the notice for 10 working days; during that time
transfers to states that do not ensure adequate protection are prohibited,
while transfers to adequate states may start once notified (Art. 12(8)-(10)).
Adequate states are the parties to Council of Europe Convention 108 and the
states on Roskomnadzor's list (Order No. 128 of 05.08.2022) (Art. 12(2)).
When transfers began, and whether they waited for the review, is
`russia/cross-border-timing`.

## Example
```toml
[[recipients]]
id = "payments"
name = "Payment processor"
role = "processor"
country = "US"

[filings]
rkn_cross_border_notice = []   # US not notified
```

## How to fix
File the cross-border notice with Roskomnadzor (pd.rkn.gov.ru) and list the
countries it covers:

```toml
[filings]
rkn_cross_border_notice = ["US", "DE"]
```

For a non-adequate country, start transfers only 10 working days after the
notice, unless Roskomnadzor restricts or prohibits them (Government Decree
No. 24 of 16.01.2023).

## Uncertainty
The full RKN list of adequate non-Convention states (about 34 states, Order
No. 128) is not encoded: the rule knows the Council of Europe members and
the non-member parties to Convention 108, plus Belarus, China, Côte
d'Ivoire, India, Kazakhstan, Kyrgyzstan and Thailand, which public summaries
of the Order name (solstico.legal; konsugroup.com). Any other country is
treated as not adequate, the conservative reading. Add countries counsel
has confirmed with `adequate_countries = ["..."]` in `[modules.russia]`.
Draft Law No. 951518-8 would drop Convention 108 as a criterion; no adopted
law was found as of 2026-12-01. Operators that notified transfers before
2023-03-01 need not re-notify until their transfers change (solstico.legal,
"Changes in personal data legislation effective from March 01, 2023"); list
those countries in `rkn_cross_border_notice` too. Before 2023-03-01 the old
Art. 12(4) allowed transfers to non-adequate states only with the subject's
written consent, for a contract with the subject, under a treaty or federal
law, or for vital interests; that regime is not encoded.

## Fines
KoAP RF Art. 13.11(1) (processing in breach of the law, where no other part
applies), as amended by 420-FZ of 30.11.2024 from 2025-05-30: legal
entities RUB 150-300 thousand; repeat (13.11(1.1)) RUB 300-500 thousand.
KoAP has no part specific to a missing cross-border notice.
"#,
    check,
    fails: include_str!("fixtures/cross_border_notice.fail.toml"),
    passes: include_str!("fixtures/cross_border_notice.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let opts = ctx.options::<options::Options>();
    // One finding per destination, at its first mention, naming every route.
    let mut places: Vec<(Destination, Vec<String>)> = Vec::new();
    for d in law::destinations(m) {
        match places.iter_mut().find(|(first, _)| first.place == d.place) {
            Some((_, vias)) => {
                if !vias.contains(&d.via) {
                    vias.push(d.via)
                }
            }
            None => {
                let via = d.via.clone();
                places.push((d, vec![via]));
            }
        }
    }
    let mut out = Vec::new();
    for (d, vias) in places {
        let via = law::join(&vias);
        let is_adequate = adequate(&d.place, opts);
        if notice_filed(m, &d.place) {
            if !is_adequate {
                out.push(
                    Violation::new(
                        d.path,
                        format!(
                            "{} (via {via}) does not ensure adequate protection, so transfers may start only 10 working days after the notice unless Roskomnadzor restricts them",
                            d.place
                        ),
                    )
                    .help("keep the date the notice was filed and transfer only after the 10-working-day review; if counsel confirms the country is on the RKN list, add it to `adequate_countries` in `[modules.russia]`")
                    .severity(Severity::Note),
                );
            }
            continue;
        }
        let wait = if is_adequate {
            String::new()
        } else {
            ", and as it does not ensure adequate protection transfers must then wait 10 working days".to_string()
        };
        out.push(
            Violation::new(
                d.path,
                format!(
                    "RU people's data goes to {} via {via} without a cross-border notice to Roskomnadzor{wait}",
                    d.place
                ),
            )
            .help(format!(
                "notify Roskomnadzor before the first transfer and add \"{}\" to `filings.rkn_cross_border_notice`",
                d.place
            )),
        );
    }
    out
}
