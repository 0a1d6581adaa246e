use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::law::{self, FZ152_IN_FORCE, FZ266_MAIN};
use crate::options::{self, OperatorExemption};

/// `russia/operator-notification`
pub static RULE: Rule = Rule {
    id: "russia/operator-notification",
    title: "Processing RU people's data without notifying Roskomnadzor",
    citation: "152-FZ Art. 22(1)-(2), as amended by 266-FZ of 14.07.2022 (exemptions from 2022-09-01)",
    severity: Severity::Error,
    in_force: InForce::from(FZ152_IN_FORCE),
    docs: r#"
## What it does
When an activity is within 152-FZ (every activity of an operator established
in Russia, whatever its markets; otherwise those whose markets include
Russia) and `filings.rkn_operator_registry` is not
`true`, reports that the organisation has not notified Roskomnadzor of its
intention to process personal data, unless `[modules.russia]` names an
exemption that survives 266-FZ (`operator_notification_exemption`). Claiming
the `non-automated` exemption instead of notifying while a system stores RU
people's data is reported too. An organisation that has notified is never
reported, whatever exemption it also names.

## Why
An operator must notify Roskomnadzor before it starts processing personal
data (Art. 22(1)); the notice enters it in the register of operators and
must say, among other things, where the databases holding Russian citizens'
data are (Art. 22(3) item 10.1). Since 2022-09-01 (266-FZ) only three
exemptions remain (Art. 22(2)): state automated information systems and
state personal-data systems for state security and public order; processing
exclusively without automation; and cases under transport-security law. The
older exemptions, such as data of employees or of parties to a contract,
were removed. Changes to the notified information are reported by the 15th
of the following month (Art. 22(7), from 2023-03-01).

## Example
```toml
[organization]
name = "Marketplace"
markets = ["RU"]

[filings]
rkn_operator_registry = false
```

## How to fix
File the notification on pd.rkn.gov.ru (forms of RKN Order No. 180 of
28.10.2022) and record it:

```toml
[filings]
rkn_operator_registry = true
```

or, if an exemption applies, say which:

```toml
[modules.russia]
operator_notification_exemption = "non-automated"   # or "state-system", "transport-security"
```

## Uncertainty
Before 2022-09-01 Art. 22(2) listed broader exemptions, among them data of
employees and data processed under a contract with the subject
(konsugroup.com/en/news/new-requirements-for-personal-data-operators-from-september-01-2022/);
the manifest cannot show whether one applied, so for dates before then the
rule reports a warning, not an error. Art. 22 applies from 152-FZ's entry
into force on 2007-01-26 (Art. 25(1): 180 days after publication on
29.07.2006); the rule is silent before.

## Fines
KoAP RF Art. 13.11(10) (failure to notify the intention to process), added
by 420-FZ of 30.11.2024 from 2025-05-30: legal entities RUB 100-300
thousand (elcode.ru, 09.06.2025).
"#,
    check,
    fails: include_str!("fixtures/operator_notification.fail.toml"),
    passes: include_str!("fixtures/operator_notification.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let mut out = Vec::new();
    let Some((i, activity)) = law::ru_activities(m).next() else { return out };
    let exemption = ctx.options::<options::Options>().operator_notification_exemption;
    if m.filings.rkn_operator_registry {
        // Notified: whether an exemption would also have applied no longer matters.
        return out;
    }
    if exemption == Some(OperatorExemption::NonAutomated) {
        if let Some(k) = m.systems.iter().position(law::holds_ru) {
            out.push(
                Violation::new(
                    format!("{}.operator_notification_exemption", options::TABLE),
                    format!(
                        "the exemption for processing without automation is claimed, but system `{}` stores RU people's data",
                        m.systems[k].id
                    ),
                )
                .help("notify Roskomnadzor and set `filings.rkn_operator_registry = true`; the exemption covers only processing done entirely without automation"),
            );
        }
        return out;
    }
    if exemption.is_some() {
        return out;
    }
    let mut violation = Violation::new(
        "filings.rkn_operator_registry",
        format!(
            "activity `{}` (activities[{i}]) processes RU people's data but the organisation has not notified Roskomnadzor",
            activity.id
        ),
    )
    .help("file the Art. 22 notification on pd.rkn.gov.ru and set `rkn_operator_registry = true` under `[filings]`, or name the exemption relied on in `[modules.russia] operator_notification_exemption`");
    if ctx.as_of < FZ266_MAIN {
        violation = violation.severity(Severity::Warning);
    }
    out.push(violation);
    out
}
