use juris_core::jiff::civil::Date;
use juris_core::{ModuleInfo, Severity};

use super::HostRule;

/// `juris/law-not-current`
pub static RULE: HostRule = HostRule {
    id: "juris/law-not-current",
    title: "A module's law is not current on the as-of date",
    citation: "juris gate policy: a module's reading of the law is current to a stated date; `law_current_within_days` in juris.toml (default 90)",
    severity: Severity::Warning,
    adjustable: true,
    docs: r#"
## What it does
Every module states, for each law it encodes, the date its reading is current
to (`juris plugins` shows them). When that date is more than
`law_current_within_days` days (default 90) before the as-of date, the check
warns, naming the module and its date.

## Why
Law changes: regulations are amended, thresholds move with inflation,
authorities publish new guidance, holiday decrees come out each year. A
module that has not been updated for months may miss a change that alters
the outcome, and its silence would read as compliance.

## Example
A module current to 2026-03-31, checked as of 2026-12-01: 245 days old.

## How to fix
Update the module (a newer plugin release). If you accept the age, raise the
threshold in juris.toml (`law_current_within_days = 365`), or turn the rule
down in `[rules]`.
"#,
};

/// A finding for each module whose oldest law is older than `within_days`
/// on `as_of`: (module id, message).
pub fn check(modules: &[&ModuleInfo], as_of: Date, within_days: u32) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for module in modules {
        let Some(oldest) = module.laws.iter().min_by_key(|l| l.current_to) else { continue };
        let age = (as_of - oldest.current_to).get_days();
        let age = as_of.since(oldest.current_to).map(|s| s.get_days()).unwrap_or(age);
        if age > i32::try_from(within_days).unwrap_or(i32::MAX) {
            out.push((
                module.id.clone(),
                format!(
                    "module `{}` {} is current to {} ({}), {age} days before the as-of date {as_of}",
                    module.id, module.version, oldest.current_to, oldest.name
                ),
            ));
        }
    }
    out
}
