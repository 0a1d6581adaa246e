//! Consistency between a notice and the manifest that describes the same
//! processing: what the manifest records must not be hidden or contradicted
//! by what the notice tells people.
//!
//! Every check is conservative: a finding means the notice clearly leaves
//! out or contradicts something the manifest states, never that wording
//! could be better.

use std::sync::LazyLock;

use juris_core::jiff::civil::Date;
use juris_core::jurisdiction::{Group, Jurisdiction};
use juris_core::manifest::{ContactRole, IsoDuration, Manifest, RecipientRole};
use juris_core::rule::Severity;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::notice::Notice;
use crate::text::{excerpt, sentences};

/// A consistency finding: what the manifest says that the notice does not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeFinding {
    /// `notice/<kebab-name>`.
    pub rule_id: String,
    /// How serious.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The 1-based line of the notice the finding points at, when there is one.
    pub line: Option<u32>,
    /// The manifest path of the value concerned, when there is one.
    pub path: Option<String>,
    /// The law.
    pub citation: String,
}

/// A consistency check, with its documentation.
#[derive(Clone, Copy, Debug)]
pub struct ConsistencyRule {
    /// `notice/<kebab-name>`.
    pub id: &'static str,
    /// A short title.
    pub title: &'static str,
    /// The law.
    pub citation: &'static str,
    /// The default severity.
    pub severity: Severity,
    /// Markdown with `## What it does`, `## Why`, `## Example`, `## How to fix`.
    pub docs: &'static str,
}

/// The checks, in the order they run.
pub const RULES: &[ConsistencyRule] = &[
    ConsistencyRule {
        id: "notice/storage-country-undisclosed",
        title: "A country where data is stored is not named in the notice",
        citation: "GDPR Art. 13(1)(f); LGPD Art. 9 and Art. 33; 152-FZ Art. 14(7)(8)",
        severity: Severity::Warning,
        docs: include_str!("../docs/storage-country-undisclosed.md"),
    },
    ConsistencyRule {
        id: "notice/recipient-country-undisclosed",
        title: "A country personal data is sent to is not named in the notice",
        citation: "GDPR Art. 13(1)(f); LGPD Arts. 9 and 33; 152-FZ Art. 12, Art. 14(7)(8)",
        severity: Severity::Warning,
        docs: include_str!("../docs/recipient-country-undisclosed.md"),
    },
    ConsistencyRule {
        id: "notice/entity-undisclosed",
        title: "A contracting entity is not named in the notice",
        citation: "GDPR Art. 13(1)(a); LGPD Art. 9 III; 152-FZ Art. 14(7)(4)",
        severity: Severity::Warning,
        docs: include_str!("../docs/entity-undisclosed.md"),
    },
    ConsistencyRule {
        id: "notice/contact-undisclosed",
        title: "A DPO, representative or responsible person is not in the notice",
        citation: "GDPR Art. 13(1)(a)-(b), Art. 27, Art. 37(7); LGPD Art. 41 §1; 152-FZ Art. 22.1",
        severity: Severity::Warning,
        docs: include_str!("../docs/contact-undisclosed.md"),
    },
    ConsistencyRule {
        id: "notice/retention-contradiction",
        title: "The notice states a retention period the manifest contradicts",
        citation: "GDPR Art. 13(2)(a), Art. 5(1)(e); Cal. Civ. Code §1798.100(a)(3); LGPD Art. 9 II; 152-FZ Art. 5(7)",
        severity: Severity::Warning,
        docs: include_str!("../docs/retention-contradiction.md"),
    },
    ConsistencyRule {
        id: "notice/sale-contradiction",
        title: "The notice says data is not sold or shared, and the manifest says it is",
        citation: "Cal. Civ. Code §1798.120, §1798.135, §1798.130(a)(5)(C); 11 CCR §7011(e)(1)(D)",
        severity: Severity::Error,
        docs: include_str!("../docs/sale-contradiction.md"),
    },
    ConsistencyRule {
        id: "notice/last-updated-stale",
        title: "The notice was last updated more than 12 months ago",
        citation: "Cal. Civ. Code §1798.130(a)(5); 11 CCR §7011(e)(4)",
        severity: Severity::Warning,
        docs: include_str!("../docs/last-updated-stale.md"),
    },
];

fn rule(id: &str) -> &'static ConsistencyRule {
    RULES.iter().find(|r| r.id == id).unwrap_or(&RULES[0])
}

fn finding(id: &str, message: String, line: Option<u32>, path: Option<String>) -> NoticeFinding {
    let r = rule(id);
    NoticeFinding {
        rule_id: r.id.to_string(),
        severity: r.severity,
        message,
        line,
        path,
        citation: r.citation.to_string(),
    }
}

/// Lower case, `[at]`/`(at)` as `@`, `[dot]` as `.`, punctuation (but `@`,
/// `.` and `-` inside words) as spaces, one space between words: the form
/// names and addresses are compared in.
fn squash(text: &str) -> String {
    let lower = text.to_lowercase();
    let deobfuscated = lower
        .replace(" [at] ", "@")
        .replace("[at]", "@")
        .replace("(at)", "@")
        .replace(" [dot] ", ".")
        .replace("[dot]", ".")
        .replace("(dot)", ".");
    let mut out = String::with_capacity(deobfuscated.len() + 2);
    out.push(' ');
    let chars: Vec<char> = deobfuscated.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let inner = matches!(c, '@' | '.' | '-' | '_' | '+')
            && i > 0
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        let c = crate::text::fold_char(c).unwrap_or(' ');
        if c.is_alphanumeric() || inner || c == '@' {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// Legal forms, each with the ways policies write it ("Ltd", "Limited").
const LEGAL_FORMS: &[&[&str]] = &[
    &["inc", "incorporated"],
    &["ltd", "limited"],
    &["llc", "l.l.c"],
    &["corp", "corporation"],
    &["co", "company"],
    &["gmbh"],
    &["plc"],
    &["b.v", "bv", "b v"],
    &["n.v", "nv", "n v"],
    &["s.a", "sa", "s a"],
    &["pte", "pte ltd", "private limited"],
    &["pty", "pty ltd"],
    &["ltda", "limitada"],
    &["ооо", "общество с ограниченной ответственностью"],
    &["ао", "акционерное общество"],
    &["пао", "публичное акционерное общество"],
];

/// Whether `name` appears in the squashed text: as written, or with its
/// legal form written another way ("Acme Limited" for "Acme Ltd").
fn names(haystack: &str, name: &str) -> bool {
    let n = squash(name);
    let trimmed = n.trim();
    if trimmed.is_empty() || haystack.contains(&n) {
        return true;
    }
    for forms in LEGAL_FORMS {
        for form in *forms {
            let Some(core) = trimmed.strip_suffix(form).filter(|r| r.ends_with(' ')).map(str::trim_end) else {
                continue;
            };
            if core.chars().count() < 2 {
                continue;
            }
            if forms.iter().any(|f| haystack.contains(&format!(" {core} {f} "))) {
                return true;
            }
            // Russian order: "ООО «Ромашка»" for "Ромашка ООО".
            if forms.iter().any(|f| haystack.contains(&format!(" {f} {core} "))) {
                return true;
            }
        }
        for form in *forms {
            if let Some(core) = trimmed.strip_prefix(form).filter(|r| r.starts_with(' ')).map(str::trim_start)
                && forms
                    .iter()
                    .any(|f| haystack.contains(&format!(" {f} {core} ")) || haystack.contains(&format!(" {core} {f} ")))
            {
                return true;
            }
        }
    }
    false
}

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?P<q>up to|at most|no (more|longer) than|maximum( of)?|for a maximum of|até|no máximo|не более|не дольше|не позднее|at least|a minimum of|no less than|pelo menos|no mínimo|не менее)?\s*",
        r"(?P<n>\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|um|uma|dois|duas|três|cinco|seis|dez|одного|двух|трех|пяти|шести|десяти)\s*(\([^)]{1,20}\)\s*)?",
        r"(?P<u>years?|months?|weeks?|days?|anos?|meses|mês|semanas?|dias?|лет|года?|месяц\w*|недел\w*|дн\w*|день)"
    ))
    .expect("static pattern")
});

static KEEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)retain|retention|keep|kept|store|stored|hold|held|delete|erase|purge|armazen|mant[eé]m|mantemos|mantid|guardad|conservad|exclu|хран|удаля|уничтож")
        .expect("static pattern")
});

/// What kind of data a sentence is about, as fideslang category prefixes,
/// by the words it uses in any of the three languages.
const TOPICS: &[(&str, &str)] = &[
    (
        "user.financial",
        r"billing|invoice|payment|transaction|financial|tax|accounting|bank|card|pagamento|fatura|nota fiscal|fiscal|financeir|платеж|финанс|бухгалтер|налог",
    ),
    (
        "user.contact",
        r"contact (details|information|data)|e-?mail address|phone number|postal address|dados de contato|контактн",
    ),
    ("user.account", r"\baccount|\bconta\b|cadastr|учетн|аккаунт|регистрац"),
    (
        "user.device",
        r"\blogs?\b|ip address|device|cookie|telemetry|endereço ip|dispositivo|\bлог|журнал|ip-адрес|устройств",
    ),
    (
        "user.behavior",
        r"usage|analytics|browsing|purchase history|navegação|histórico de (compras|pedidos)|аналитик|истори\w* (заказ|покуп)",
    ),
    ("user.location", r"location|geolocation|localização|местоположен|геолокац"),
    ("user.biometric", r"biometric|health|medical|biométric|saúde|биометр|здоров"),
    (
        "user.job",
        r"employee|personnel|human resources|candidate|applicant|job|funcionári|colaborador|candidat|работник|сотрудник|кандидат|соискател|кадров",
    ),
    (
        "user.content",
        r"support (tickets?|requests?|conversations?)|messages|correspondence|content|conteúdo|mensagens|переписк|обращени|сообщени",
    ),
];

static TOPIC_RES: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    TOPICS.iter().filter_map(|(k, p)| Regex::new(&format!("(?i){p}")).ok().map(|r| (*k, r))).collect()
});

#[derive(Clone, Copy, Debug, PartialEq)]
enum Bound {
    Exactly,
    AtMost,
    AtLeast,
}

struct Stated {
    days: u64,
    bound: Bound,
    topics: Vec<&'static str>,
    line: u32,
    quote: String,
}

fn number(word: &str) -> Option<u64> {
    let w = word.to_lowercase();
    if let Ok(n) = w.parse() {
        return Some(n);
    }
    Some(match w.as_str() {
        "one" | "um" | "uma" | "одного" => 1,
        "two" | "dois" | "duas" | "двух" => 2,
        "three" | "três" | "трех" => 3,
        "four" => 4,
        "five" | "cinco" | "пяти" => 5,
        "six" | "seis" | "шести" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" | "dez" | "десяти" => 10,
        "twelve" => 12,
        _ => return None,
    })
}

fn unit_days(unit: &str) -> Option<u64> {
    let u = unit.to_lowercase();
    Some(if u.starts_with("year") || u.starts_with("ano") || u == "лет" || u.starts_with("год") {
        365
    } else if u.starts_with("month") || u.starts_with("mes") || u == "mês" || u.starts_with("месяц") {
        30
    } else if u.starts_with("week") || u.starts_with("semana") || u.starts_with("недел") {
        7
    } else if u.starts_with("day") || u.starts_with("dia") || u.starts_with("дн") || u == "день" {
        1
    } else {
        return None;
    })
}

/// The retention periods a notice states, each with the kinds of data its
/// sentence names. Sentences naming no kind of data are left out: they
/// cannot be compared with anything.
fn stated_periods(notice: &Notice) -> Vec<Stated> {
    let mut out = Vec::new();
    for b in notice.blocks().iter().filter(|b| !b.chrome) {
        for (s, e) in sentences(&b.text) {
            let text = &b.text[s..e];
            if !KEEP.is_match(text) {
                continue;
            }
            let topics: Vec<&'static str> =
                TOPIC_RES.iter().filter(|(_, r)| r.is_match(text)).map(|(k, _)| *k).collect();
            if topics.is_empty() {
                continue;
            }
            let periods: Vec<_> = PERIOD.captures_iter(text).collect();
            // One period per sentence only: with several, which data each is for is unclear.
            if periods.len() != 1 {
                continue;
            }
            let c = &periods[0];
            let (Some(n), Some(u)) =
                (c.name("n").and_then(|m| number(m.as_str())), c.name("u").and_then(|m| unit_days(m.as_str())))
            else {
                continue;
            };
            let bound = match c.name("q").map(|m| m.as_str().to_lowercase()) {
                Some(q)
                    if ["least", "minimum", "less than", "pelo menos", "mínimo", "не менее"]
                        .iter()
                        .any(|k| q.contains(k)) =>
                {
                    Bound::AtLeast
                }
                Some(_) => Bound::AtMost,
                None => Bound::Exactly,
            };
            let at = c.get(0).map_or(0, |m| m.start());
            out.push(Stated {
                days: n.saturating_mul(u),
                bound,
                topics,
                line: b.line_at(s + at),
                quote: excerpt(text, at, 120),
            });
        }
    }
    out
}

fn duration_days(d: &IsoDuration) -> u64 {
    // The manifest's upper bound in days (a year as 366): periods are compared with a margin anyway.
    d.max_days()
}

/// Whether a stated period clearly contradicts the manifest's: they differ
/// by more than a fifth (and a month), beyond what rounding explains.
fn contradicts(stated: &Stated, manifest_days: u64) -> bool {
    let margin = (stated.days / 5).max(31);
    match stated.bound {
        Bound::Exactly => stated.days.abs_diff(manifest_days) > margin,
        Bound::AtMost => manifest_days > stated.days + margin,
        Bound::AtLeast => manifest_days + margin < stated.days,
    }
}

static NO_SALE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(we|company|[a-z]+)\s+(do|does|will|did|have|has)?\s*(not|never|n't)\s+(and will not\s+)?(sell|sold|share|shared)\b",
        r"|\b(we|it) (don't|doesn't|won't|haven't|never) (sell|sold|share|shared)\b",
        r"|não (vendemos|vende|compartilhamos)\b|nunca (vendemos|venderemos)",
        r"|не (продаем|продает|продаём|передаем третьим лицам в целях рекламы)"
    ))
    .expect("static pattern")
});

static SHARE_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bshar(e|ed|ing)\b|compartilh").expect("static pattern"));

/// Checks a notice against the manifest of the organisation that publishes it.
pub fn consistency(notice: &Notice, manifest: &Manifest, as_of: Date) -> Vec<NoticeFinding> {
    let mut out = Vec::new();
    let all_text: String = notice.blocks().iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n");
    let squashed = squash(&all_text);

    // Countries.
    let mut cache: std::collections::HashMap<String, bool> = std::collections::HashMap::new();
    let mut named = |j: &Jurisdiction| -> bool {
        let key = j.to_string();
        if let Some(&v) = cache.get(&key) {
            return v;
        }
        let v = match j {
            Jurisdiction::Everywhere => true,
            Jurisdiction::Group(Group::Eea | Group::Eu) => crate::countries::EUROPE.is_match(&all_text),
            Jurisdiction::Country(c) | Jurisdiction::Subdivision(c, _) => {
                crate::countries::pattern(c.code()).is_none_or(|re| re.is_match(&all_text))
            }
        };
        cache.insert(key, v);
        v
    };
    for (i, s) in manifest.systems.iter().enumerate() {
        for (k, loc) in s.locations.iter().enumerate() {
            if !named(loc) {
                out.push(finding(
                    "notice/storage-country-undisclosed",
                    format!(
                        "the system `{}` stores personal data in {}, which the notice does not name",
                        s.id,
                        place(loc)
                    ),
                    None,
                    Some(format!("systems[{i}].locations[{k}]")),
                ));
            }
        }
    }
    for (i, r) in manifest.recipients.iter().enumerate() {
        if !named(&r.country) {
            out.push(finding(
                "notice/recipient-country-undisclosed",
                format!(
                    "the recipient `{}` receives personal data in {}, which the notice does not name",
                    r.id,
                    place(&r.country)
                ),
                None,
                Some(format!("recipients[{i}].country")),
            ));
        }
    }

    // Entities and contacts.
    for (i, e) in manifest.entities.iter().enumerate() {
        if !names(&squashed, &e.name) {
            out.push(finding(
                "notice/entity-undisclosed",
                format!("the contracting entity \"{}\" (for {}) is not named in the notice", e.name, list(&e.serves)),
                None,
                Some(format!("entities[{i}].name")),
            ));
        }
    }
    for (i, c) in manifest.contacts.iter().enumerate() {
        let what = match c.role {
            ContactRole::Dpo => "data protection officer",
            ContactRole::Representative => "representative",
            ContactRole::ResponsiblePerson => "person responsible for processing",
            ContactRole::Privacy => continue,
        };
        let email = c.email.as_deref().is_some_and(|m| squashed.contains(&squash(m).trim().to_string()));
        if !email && !names(&squashed, &c.name) {
            out.push(finding(
                "notice/contact-undisclosed",
                format!(
                    "the {what} for {} (\"{}\"{}) appears nowhere in the notice",
                    list(&c.for_),
                    c.name,
                    c.email.as_deref().map(|m| format!(", {m}")).unwrap_or_default()
                ),
                None,
                Some(format!("contacts[{i}]")),
            ));
        }
    }

    // Retention.
    let stated = stated_periods(notice);
    for (i, a) in manifest.activities.iter().enumerate() {
        let Some(ret) = &a.retention else { continue };
        let days = duration_days(&ret.period);
        let relevant: Vec<&Stated> = stated
            .iter()
            .filter(|s| s.topics.iter().any(|t| a.data_categories.iter().any(|c| c.is_within(t))))
            .collect();
        // Only when every period the notice gives for this kind of data disagrees.
        if !relevant.is_empty() && relevant.iter().all(|s| contradicts(s, days)) {
            let s = relevant[0];
            out.push(finding(
                "notice/retention-contradiction",
                format!(
                    "the notice says \"{}\", but the activity `{}` keeps this data for {} ({})",
                    s.quote, a.id, ret.period, ret.from
                ),
                Some(s.line),
                Some(format!("activities[{i}].retention.period")),
            ));
        }
    }

    // Sale and sharing.
    let denials: Vec<(u32, String, bool)> = notice
        .blocks()
        .iter()
        .flat_map(|b| {
            sentences(&b.text)
                .into_iter()
                .filter_map(|(s, e)| {
                    let text = &b.text[s..e];
                    NO_SALE
                        .find(text)
                        .map(|m| (b.line_at(s + m.start()), excerpt(text, m.start(), 120), SHARE_WORD.is_match(text)))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    if let Some((line, quote, _)) = denials.first() {
        if let Some((i, a)) = manifest.activities.iter().enumerate().find(|(_, a)| a.sells_or_shares) {
            out.push(finding(
                "notice/sale-contradiction",
                format!(
                    "the notice says \"{quote}\", but the activity `{}` sells or shares personal information",
                    a.id
                ),
                Some(*line),
                Some(format!("activities[{i}].sells_or_shares")),
            ));
        } else if let Some((i, rid)) = advertising_third_party(manifest) {
            let (line, quote) = denials.iter().find(|d| d.2).map_or((*line, quote.clone()), |d| (d.0, d.1.clone()));
            out.push(finding(
                "notice/sale-contradiction",
                format!(
                    "the notice says \"{quote}\", but the activity `{}` discloses personal data for advertising to the third party `{rid}`, which the CCPA treats as sharing (or a sale)",
                    manifest.activities[i].id
                ),
                Some(line),
                Some(format!("activities[{i}].recipients")),
            ));
        }
    }

    // Last updated.
    if let Some(found) = crate::dates::last_updated(notice)
        && let Ok(limit) = found.date.checked_add(juris_core::jiff::Span::new().months(12))
        && limit < as_of
    {
        out.push(finding(
            "notice/last-updated-stale",
            format!(
                "the notice was last updated on {} (\"{}\"), more than 12 months before {as_of}; review and re-date it at least once a year",
                found.date, found.text
            ),
            Some(found.line),
            Some("notices.last_updated".to_string()),
        ));
    }
    out
}

/// The first activity (index and recipient id) that sends data used for
/// advertising to a third party.
fn advertising_third_party(manifest: &Manifest) -> Option<(usize, String)> {
    manifest.activities.iter().enumerate().find_map(|(i, a)| {
        let advertising = a.uses.iter().any(|u| u.is_within("marketing.advertising"));
        if !advertising {
            return None;
        }
        a.recipients
            .iter()
            .filter_map(|id| manifest.recipient(id))
            .find(|r| r.role == RecipientRole::ThirdParty)
            .map(|r| (i, r.id.to_string()))
    })
}

fn place(j: &Jurisdiction) -> String {
    match j.country() {
        Some(c) => format!("{} ({})", crate::countries::english(c.code()).unwrap_or(c.code()), j),
        None => j.to_string(),
    }
}

fn list(js: &[Jurisdiction]) -> String {
    js.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_survive_punctuation_and_legal_forms() {
        let hay = squash(
            "GitHub B.V., Prins Bernhardplein 200, is controlled by GitHub, Inc.; write to dpo[at]github[dot]com.",
        );
        assert!(names(&hay, "GitHub, Inc."));
        assert!(names(&hay, "GitHub Inc"));
        assert!(names(&hay, "GitHub B.V."));
        assert!(hay.contains(&squash("dpo@github.com").trim().to_string()));
        assert!(!names(&hay, "GitHub Ltd"));
        assert!(names(&squash("Acme Limited"), "Acme Ltd"));
        assert!(!names(&hay, "Acme Ltd"));
    }

    #[test]
    fn periods_and_bounds() {
        let n = Notice::parse(
            "Billing records are kept for two years. Logs are kept for up to 90 days.",
            crate::Format::Text,
        );
        let s = stated_periods(&n);
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].days, s[0].bound), (730, Bound::Exactly));
        assert_eq!((s[1].days, s[1].bound), (90, Bound::AtMost));
        assert!(contradicts(&s[0], 6 * 366));
        assert!(!contradicts(&s[0], 2 * 366));
        assert!(!contradicts(&s[1], 60));
        assert!(contradicts(&s[1], 400));
    }
}
