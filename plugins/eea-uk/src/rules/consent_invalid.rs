use juris_core::jiff::civil::date;
use juris_core::manifest::{Banner, ConsentMode, ConsentScope};
use juris_core::path::ManifestPath;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Jurisdiction, Rule, Severity};

/// `eea-uk/consent-invalid`
pub static RULE: Rule = Rule {
    id: "eea-uk/consent-invalid",
    title: "Consent relied on where the way it is collected cannot make it valid",
    citation: "GDPR Arts. 4(11), 6(1)(a), 7(1)-(3); Directive 2002/58/EC Art. 5(3); PECR reg 6; CJEU C-673/17 Planet49",
    severity: Severity::Error,
    in_force: InForce::from(date(2018, 5, 25)),
    docs: r#"
## What it does
Consent is valid only if it is a freely given, specific, informed and
unambiguous indication of wishes, by a statement or a clear affirmative act
(Art. 4(11)), as easy to withdraw as to give (Art. 7(3)). The rule derives
that from the facts:

- an activity whose lawful basis is `consent` for people in a country whose
  `[consent]` policy (the country's entry, the most specific covering it,
  else `default`) is `opt-out` or `notice-only`: silence, inactivity or a
  notice is not consent (recital 32);
- for every `[consent.<scope>.banner]` that applies to people the GDPR or the
  UK GDPR protects, each fact that makes the consent it collects invalid:

| fact | why |
|---|---|
| `reject_on_first_layer = false` | refusing must be possible at the same level as accepting (EDPB Cookie Banner Taskforce report, 17 January 2023, paras. 3-5) |
| `equal_prominence = false` | refusing as easy as accepting: CNIL decisions SAN-2021-023 (Google LLC and Google Ireland, EUR 150 m) and SAN-2021-024 (Facebook Ireland, EUR 60 m) of 31 December 2021; Taskforce report paras. 12-18 |
| `pre_ticked = true` | pre-ticked boxes are not consent (CJEU C-673/17 Planet49, 1 October 2019; recital 32) |
| `non_essential_before_choice = true` | Art. 5(3) needs consent *before* storing or reading (prior consent) |
| `consent_by_continuing = true` | scrolling or browsing on is not a clear affirmative act (EDPB Guidelines 05/2020 on consent, para. 86) |
| `non_essential_after_reject = true` | the refusal is not respected: no consent at all (Art. 5(3); Art. 4(11)) |
| `withdraw_as_easy = false` | withdrawing must be as easy as giving consent (Art. 7(3); Taskforce report paras. 36-38) |

## Why
Where the basis is consent, consent that does not meet Art. 4(11) and Art. 7
is no basis at all: the processing is unlawful (Art. 6(1)), and cookies set
on it breach Art. 5(3) of the ePrivacy Directive (PECR reg 6 in the UK).
A manifest that states the banner's facts but no conclusion is judged on the
facts.

## Example
```toml
[[activities]]
id = "ads"
legal_basis = "consent"

[consent]
default = { mode = "opt-out" }
EEA = { mode = "opt-in", banner = { reject_on_first_layer = false, pre_ticked = true } }
```

## How to fix
Collect consent opt-in where it is the basis, or choose another basis that
fits; give the banner a "reject all" button on the first layer, as
prominent as "accept all", with nothing pre-selected, nothing non-essential
loaded before the choice or after a refusal, and a permanent way to
withdraw.
"#,
    check,
    fails: include_str!("fixtures/consent_invalid.fail.toml"),
    passes: include_str!("fixtures/consent_invalid.pass.toml"),
};

/// The banner facts that make consent invalid: the field, the value that
/// does, and what is wrong, with the source.
fn banner_problems(banner: &Banner) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    let mut flag = |value: Option<bool>, bad: bool, field: &'static str, why: &'static str| {
        if value == Some(bad) {
            out.push((field, why));
        }
    };
    flag(
        banner.reject_on_first_layer,
        false,
        "reject_on_first_layer",
        "the first layer offers no way to refuse as it offers to accept (EDPB Cookie Banner Taskforce report, 2023)",
    );
    flag(
        banner.equal_prominence,
        false,
        "equal_prominence",
        "refusing is harder or less prominent than accepting (CNIL SAN-2021-023 and SAN-2021-024 of 31 December 2021)",
    );
    flag(
        banner.pre_ticked,
        true,
        "pre_ticked",
        "non-essential purposes are pre-ticked, which is not consent (CJEU C-673/17 Planet49)",
    );
    flag(
        banner.non_essential_before_choice,
        true,
        "non_essential_before_choice",
        "non-essential cookies are set before the person chooses, so consent is not prior (ePrivacy Art. 5(3))",
    );
    flag(
        banner.consent_by_continuing,
        true,
        "consent_by_continuing",
        "continuing to browse is taken as consent, which is no clear affirmative act (GDPR Art. 4(11))",
    );
    flag(
        banner.non_essential_after_reject,
        true,
        "non_essential_after_reject",
        "non-essential cookies are still set after a refusal (ePrivacy Art. 5(3))",
    );
    flag(
        banner.withdraw_as_easy,
        false,
        "withdraw_as_easy",
        "withdrawing consent is harder than giving it (GDPR Art. 7(3))",
    );
    out
}

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    let on = ctx.as_of;
    let reach = crate::reach(ctx);
    let mut out = Vec::new();
    let entry_path = |policy: &juris_core::manifest::ConsentPolicy| {
        m.consent
            .iter()
            .find(|(_, p)| std::ptr::eq(*p, policy))
            .map(|(scope, _)| ManifestPath::default().key("consent").key(scope.to_string()).to_string())
    };
    for (i, activity) in m.activities.iter().enumerate() {
        for u in crate::bases_under(m, activity, reach.of(i), on).uses.into_iter().filter(|u| u.basis == "consent") {
            // Per consent entry, the countries where consent is collected without opting in.
            let mut by_entry: Vec<(String, ConsentMode, Vec<Jurisdiction>)> = Vec::new();
            for place in &u.places {
                for code in crate::countries(place) {
                    let Ok(country) = code.parse::<Jurisdiction>() else { continue };
                    let Some(policy) = m.consent_for(&country) else { continue };
                    if policy.mode == ConsentMode::OptIn {
                        continue;
                    }
                    let Some(path) = entry_path(policy) else { continue };
                    match by_entry.iter_mut().find(|e| e.0 == path) {
                        Some(e) if !e.2.contains(&country) => e.2.push(country),
                        Some(_) => {}
                        None => by_entry.push((path, policy.mode, vec![country])),
                    }
                }
            }
            for (path, mode, places) in by_entry {
                let how = if mode == ConsentMode::OptOut { "opt-out" } else { "notice-only" };
                out.push(
                    Violation::new(
                        format!("activities[{i}].{}", u.field),
                        format!(
                            "activity `{}` relies on consent in {}, where `{path}` collects it {how}: silence, inactivity or a notice is not consent",
                            activity.id,
                            crate::name_places(&places)
                        ),
                    )
                    .help("collect consent opt-in there (`mode = \"opt-in\"`), or rely on another lawful basis that fits the purpose"),
                );
            }
        }
    }
    let protected = crate::applicability::offered_places(m);
    for (scope, policy) in &m.consent {
        let Some(banner) = &policy.banner else { continue };
        let relevant = match scope {
            ConsentScope::Default => !crate::applicability::org_regimes(m, on).is_empty(),
            ConsentScope::In(j) => {
                crate::touches(j)
                    && protected.iter().any(|p| p.overlaps(j) && crate::touches(p))
                    && !crate::applicability::org_regimes(m, on).is_empty()
            }
        };
        if !relevant {
            continue;
        }
        for (field, why) in banner_problems(banner) {
            let path =
                ManifestPath::default().key("consent").key(scope.to_string()).key("banner").key(field).to_string();
            out.push(
                Violation::new(path, format!("the consent banner for `{scope}` cannot collect valid consent: {why}"))
                    .help("fix the banner so that refusing is as easy as accepting, nothing is pre-selected or loaded before the choice, and consent can be withdrawn as easily"),
            );
        }
    }
    out
}
