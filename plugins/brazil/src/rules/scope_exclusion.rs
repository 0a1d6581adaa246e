use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Rule, Severity};

use crate::applicability;
use crate::options::{self, Exemption};

/// `brazil/scope-exclusion`
pub static RULE: Rule = Rule {
    id: "brazil/scope-exclusion",
    title: "An Art. 4 exclusion declared that the facts do not support",
    citation: "LGPD Art. 4 I-IV and §2; Art. 3",
    severity: Severity::Warning,
    in_force: InForce::from(crate::LGPD_IN_FORCE),
    docs: r#"
## What it does
`[modules.brazil] exemptions` takes activities out of the LGPD under Art. 4
(`personal`, `journalistic`, `artistic`, `academic`, `public-safety`,
`national-defence`, `state-security`, `criminal-investigation`). This rule
checks each declaration against the manifest and, when the facts contradict
it, warns and keeps judging the activity under the LGPD:

- `personal` (Art. 4 I) is only for a natural person processing for purely
  private, non-economic purposes: not for an organisation with a
  `legal_form`, a public body, or one not declared `for_profit = false`;
- `personal`, `journalistic` and `artistic` (Art. 4 II a) need the purpose to
  be exclusively that: a `marketing`, `sales` or `third_party_sharing` use on
  the activity contradicts it;
- `public-safety`, `national-defence`, `state-security` and
  `criminal-investigation` (Art. 4 III) by a body that is not a public body:
  §2 forbids private bodies to process for those purposes except under a
  public-law entity's responsibility;
- an exemption naming no activity of the manifest.

`academic` (Art. 4 II b) keeps the legal-basis rules (Arts. 7 and 11) in
force. Data from abroad merely passing through Brazil (Art. 4 IV) is not
declared: the module derives it from the activity's markets, recipients and
systems (see the module page).

## Why
The LGPD applies to processing carried out in Brazil, aimed at people in
Brazil, or of data collected there (Art. 3); Art. 4 lists the only
exclusions, each for processing carried out *solely* for its purpose.

## Example
```toml
[modules.brazil]
exemptions = { "newsroom" = "journalistic" }

[[activities]]
id = "newsroom"
uses = ["marketing.advertising.third_party.targeted"]   # not solely journalism
```

## How to fix
Remove the exemption, or split the activity so that the exempt processing is
an activity of its own, with only that purpose.
"#,
    check,
    fails: include_str!("fixtures/scope_exclusion.fail.toml"),
    passes: include_str!("fixtures/scope_exclusion.pass.toml"),
};

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    if ctx.options_malformed::<options::Options>() {
        return Vec::new();
    }
    let opts = ctx.options::<options::Options>();
    let mut out = Vec::new();
    for (id, exemption) in &opts.exemptions {
        let path = format!("modules.{}.exemptions.{id}", crate::ID);
        let Some(activity) = m.activities.iter().find(|a| a.id == *id) else {
            out.push(
                Violation::new(path, format!("the exemption names `{id}`, which is not an activity of the manifest"))
                    .help("name an activity by its `id`, or remove the entry"),
            );
            continue;
        };
        if let Some(why) = applicability::contradiction(m, activity, *exemption) {
            let kind = match exemption {
                Exemption::Academic => "academic",
                other => other.purpose(),
            };
            out.push(
                Violation::new(
                    path,
                    format!(
                        "activity `{id}` is declared exempt for {kind} purposes ({}), but {why}",
                        exemption.article()
                    ),
                )
                .help("remove the exemption or make the activity exclusively what Art. 4 allows; until then the LGPD rules apply to it"),
            );
        }
    }
    out
}
