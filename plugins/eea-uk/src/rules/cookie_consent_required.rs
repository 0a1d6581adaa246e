use juris_core::jiff::civil::{Date, date};
use juris_core::manifest::{ConsentMode, ConsentScope, Cookie, CookiePurpose};
use juris_core::path::ManifestPath;
use juris_core::rule::InForce;
use juris_core::rule::Violation;
use juris_core::{CheckContext, Jurisdiction, Rule, Severity};

/// `eea-uk/cookie-consent-required`
pub static RULE: Rule = Rule {
    id: "eea-uk/cookie-consent-required",
    title: "Non-essential cookies without opt-in consent",
    citation: "Directive 2002/58/EC Art. 5(3); PECR reg 6 and Sch A1 paras 1, 3-7; GDPR Art. 4(11); CNIL SAN-2020-012 (Google, 7 December 2020) and SAN-2020-013 (Amazon Europe Core, 7 December 2020)",
    severity: Severity::Error,
    in_force: InForce::from(date(2011, 5, 25)),
    docs: r#"
## What it does
When the manifest lists cookies (or similar technologies) that need consent
and the organisation (or one of its activities) targets an EEA or UK
market, checks that the consent policy for the people of every country
there (`[consent]`: the country's own entry or the most specific one that
covers it, else `default`) is `opt-in`. A market such as `EEA` or `*` is
checked country by country, so a `DE = { mode = "opt-out" }` entry is
found even when the market is `EEA`; one finding is made per consent entry.

Which cookies need consent:

- **EEA** (ePrivacy Art. 5(3)): every cookie except `strictly_necessary`
  ones and `functional` ones as narrow as WP29 Opinion 04/2012 (WP194)
  allows: user-input, authentication, user-centric security, load-balancing
  and short-lived user-interface cookies (language, player settings) of the
  service the person asked for, as session cookies. A `functional` cookie
  with a `lifetime` of a day or more, or of a third party (a `provider`
  other than the organisation, or `recipients`), needs consent.
  `analytics` and `advertising` need consent.
- **UK** (PECR reg 6): the same until 4 February 2026. From 5 February 2026
  (DUAA 2025 s.112, Sch 12, commenced by SI 2026/82) the exceptions of PECR
  Sch A1 cover `analytics` cookies used only to improve the service (para
  5) and `functional` cookies that adapt the service's appearance or
  functions to the person's preferences (para 6), provided people get clear
  information and a simple, free means of objecting (ICO, "What are the
  exceptions?",
  https://ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-communications/guidance-on-the-use-of-storage-and-access-technologies/what-are-the-exceptions/);
  `advertising` cookies still need consent.

**What the website does** (`juris check --evidence FILE`, the file `juris
scan` writes): when the organisation serves an EEA or UK market, each page
where, before any interaction with the consent banner, the browser already
held analytics or advertising cookies or had requested analytics or
advertising hosts is a finding too, whatever the manifest declares. A
cookie's purpose is the manifest's `[[cookies]]` declaration of its name,
else the shipped cookie data; hosts are classified by the shipped tracker
data; unclassified and functional items are not counted, and UK analytics
is exempt from 5 February 2026 as above. The finding cites the page, each
cookie (domain, what set it and when, in ms after navigation), each host
(its first request) and the screenshot. The CNIL fined Google EUR 100
million and Amazon EUR 35 million in December 2020 because advertising
cookies were set as soon as the home page loaded.

## Why
Storing or reading information on a person's device needs their prior
consent, to the GDPR standard (freely given, specific, informed,
unambiguous, by a clear affirmative act), unless an exemption applies.
An opt-out banner or pre-ticked box is not consent.

## Example
```toml
[[cookies]]
name = "_ga"
purpose = "analytics"

[[cookies]]
name = "prefs"
purpose = "functional"
lifetime = "P1Y"   # persistent: not exempt

[consent]
default = { mode = "opt-out" }
```

## How to fix
Set `mode = "opt-in"` for the EEA and GB (`[consent] default = { mode =
"opt-in" }`, or `EEA = { mode = "opt-in" }`), and block the cookies until
the person agrees. When the scan found trackers before the choice, load
analytics and advertising tags only after the visitor accepts (a consent
management platform's prior blocking, or Google Consent Mode with tags
denied by default), then scan again.

## Uncertainty
The UK statistical exception has conditions the manifest cannot express
(information, a free objection, no use beyond statistics). The module
assumes they are met; if they are not, set `[modules.eea-uk]
uk_analytics_exception = false` and analytics cookies in GB need consent
again. National ePrivacy laws may add narrow analytics exemptions (e.g. the
Netherlands); they are not encoded.
"#,
    check,
    fails: include_str!("fixtures/cookie_consent_required.fail.toml"),
    passes: include_str!("fixtures/cookie_consent_required.pass.toml"),
};

/// PECR Sch A1 (inserted by DUAA 2025 s.112, Sch 12) in force.
pub const UK_EXCEPTIONS_FROM: Date = date(2026, 2, 5);

/// Whether a cookie is read by, or set for, someone other than the
/// organisation: it names recipients, or a provider that is not the
/// organisation.
pub fn third_party(cookie: &Cookie, organisation: &str) -> bool {
    let own = organisation.trim().to_lowercase();
    !cookie.recipients.is_empty()
        || cookie.provider.as_deref().is_some_and(|p| {
            let p = p.trim().to_lowercase();
            !p.is_empty() && !own.is_empty() && !p.contains(&own) && !own.contains(&p)
        })
}

/// Why a `functional` cookie falls outside the consent exemption, if it does:
/// WP29 Opinion 04/2012 (WP194) exempts user-input, authentication, security,
/// load-balancing and short-lived user-interface cookies of the service the
/// user asked for, as session cookies; a persistent cookie, or one of a third
/// party, is not "strictly necessary" and needs consent.
pub fn functional_not_exempt(cookie: &Cookie, organisation: &str) -> Option<&'static str> {
    if cookie.purpose != CookiePurpose::Functional {
        return None;
    }
    if third_party(cookie, organisation) {
        Some("a third party's")
    } else if cookie.lifetime.as_ref().is_some_and(|l| l.max_days() > 0) {
        Some("persistent")
    } else {
        None
    }
}

/// Whether a cookie needs consent in the EEA or (when `uk`) the UK on `on`.
pub fn needs_consent(cookie: &Cookie, organisation: &str, uk: bool, on: Date, uk_analytics_exception: bool) -> bool {
    let uk_exceptions = uk && on >= UK_EXCEPTIONS_FROM;
    match cookie.purpose {
        CookiePurpose::StrictlyNecessary => false,
        // PECR Sch A1 para 6 (appearance and functions) from 5 February 2026.
        CookiePurpose::Functional => !uk_exceptions && functional_not_exempt(cookie, organisation).is_some(),
        CookiePurpose::Advertising => true,
        CookiePurpose::Analytics => !(uk_exceptions && uk_analytics_exception),
    }
}

/// Places sharing a consent entry (its path and mode) and the cookies that need
/// consent there.
type Group = (String, Option<ConsentMode>, Vec<String>, Vec<Jurisdiction>);

fn check(ctx: &CheckContext) -> Vec<Violation> {
    let mut out = declared(ctx);
    out.extend(super::observed_before_consent::violations(ctx));
    out
}

/// What the manifest declares: cookies needing consent under a consent mode
/// that does not collect it.
fn declared(ctx: &CheckContext) -> Vec<Violation> {
    let m = &ctx.manifest;
    if m.cookies.is_empty() {
        return Vec::new();
    }
    let options = ctx.options::<crate::options::Options>();
    let uk_exception = options.uk_analytics_exception.unwrap_or(true);
    // Every single place served (a group or `*` expanded to its countries),
    // plus places that have their own `[consent]` entry inside a market, so
    // that a `DE` entry is checked when the market is `EEA`.
    let scopes = m.consent.keys().filter_map(|k| match k {
        ConsentScope::In(j) => Some(j),
        ConsentScope::Default => None,
    });
    let places = crate::places_within(&crate::all_markets(m), scopes);
    // One finding per consent entry and set of cookies, naming the places.
    let mut groups: Vec<Group> = Vec::new();
    let org = m.organization.name.as_str();
    for place in places {
        let uk = crate::applicability::regimes(&place, ctx.as_of) == [crate::data::Regime::Uk];
        let cookies: Vec<String> = m
            .cookies
            .iter()
            .filter(|c| needs_consent(c, org, uk, ctx.as_of, uk_exception))
            .map(|c| match functional_not_exempt(c, org) {
                Some(why) if !uk || ctx.as_of < UK_EXCEPTIONS_FROM => format!("`{}` ({why} functional cookie)", c.name),
                _ => format!("`{}`", c.name),
            })
            .collect();
        if cookies.is_empty() {
            continue;
        }
        let policy = m.consent_for(&place);
        if policy.is_some_and(|p| p.mode == ConsentMode::OptIn) {
            continue;
        }
        let path = match m.consent.iter().find(|(_, p)| policy.is_some_and(|q| std::ptr::eq(*p, q))) {
            Some((scope, _)) => ManifestPath::default().key("consent").key(scope.to_string()).key("mode").to_string(),
            None => "consent".to_string(),
        };
        match groups.iter_mut().find(|g| g.0 == path && g.2 == cookies) {
            Some(g) => g.3.push(place),
            None => groups.push((path, policy.map(|p| p.mode), cookies, vec![place])),
        }
    }
    groups
        .into_iter()
        .map(|(path, mode, cookies, places)| {
            let how = match mode {
                Some(ConsentMode::OptOut) => "with an opt-out",
                Some(ConsentMode::NoticeOnly) => "with a notice only",
                _ => "without a consent policy",
            };
            let (noun, verb) = if cookies.len() == 1 { ("cookie", "is") } else { ("cookies", "are") };
            let places = crate::name_places(&places);
            Violation::new(path, format!("{noun} {} {verb} set for people in {places} {how}", cookies.join(", ")))
                .help(format!("ask for opt-in consent in {places} before setting them: `mode = \"opt-in\"`"))
        })
        .collect()
}
