//! Purpose and provider of cookies, storage keys and request hosts, from the
//! shipped data only.
//!
//! Two sources, both embedded at build time (see `build.rs` and
//! `data/*/SOURCE.txt`):
//! - the Open Cookie Database (Apache-2.0): cookie and storage key names, some
//!   with the domain that sets them, and a few hundred domains derived from it;
//! - WhoTracks.me, the 2022-08 snapshot (CC BY 4.0): tracker domains.
//!
//! Anything the data does not name is [`Purpose::Unclassified`]: juris never
//! guesses a purpose from a name's look, because a wrong "strictly necessary"
//! would hide a cookie that needs consent. A manifest's own `[[cookies]]`
//! declarations take precedence over this; the caller applies them.

pub use juris_core::evidence::{Basis, Classification, Purpose, Source};

use crate::site;

/// A string of the generated tables: its offset and length in `STRINGS`
/// (offsets rather than `&str`s, so that the tables need no relocations when
/// juris starts; see build.rs).
#[derive(Clone, Copy)]
struct Text(u32, u32);

impl Text {
    fn get(self) -> &'static str {
        let start = self.0 as usize;
        STRINGS.get(start..start + self.1 as usize).unwrap_or_default()
    }
}

pub(crate) struct CookieRow {
    name: Text,
    prefix: bool,
    /// Offset and count in `COOKIE_DOMAINS`.
    domains: (u32, u32),
    category: Text,
    platform: Text,
    controller: Text,
}

impl CookieRow {
    fn name(&self) -> &'static str {
        self.name.get()
    }
    fn domains(&self) -> impl Iterator<Item = &'static str> {
        let (start, count) = (self.domains.0 as usize, self.domains.1 as usize);
        COOKIE_DOMAINS.get(start..start + count).unwrap_or_default().iter().map(|d| d.get())
    }
    fn category(&self) -> &'static str {
        self.category.get()
    }
}

pub(crate) struct HostRow {
    domain: Text,
    category: Text,
    service: Text,
    company: Text,
    source: Source,
}

include!(concat!(env!("OUT_DIR"), "/classify_data.rs"));

/// The Open Cookie Database's categories. "Functional" there means what the
/// site needs to work (sessions, load balancing, the consent record), which is
/// the manifest's strictly necessary; its "Personalization" is the manifest's
/// functional.
fn cookie_purpose(category: &str) -> Purpose {
    match category.to_ascii_lowercase().as_str() {
        "functional" | "necessary" | "security" => Purpose::StrictlyNecessary,
        "personalization" | "preferences" => Purpose::Functional,
        "analytics" => Purpose::Analytics,
        "marketing" | "advertising" => Purpose::Advertising,
        _ => Purpose::Unclassified,
    }
}

/// WhoTracks.me's categories. Social-media widgets track across sites, so they
/// count as advertising; `misc`, `unknown`, `extensions` and `email` say
/// nothing about purpose and stay unclassified.
fn host_purpose(category: &str) -> Purpose {
    match category.to_ascii_lowercase().as_str() {
        "advertising" | "pornvertising" | "social_media" | "marketing" => Purpose::Advertising,
        "site_analytics" | "analytics" => Purpose::Analytics,
        "essential"
        | "cdn"
        | "hosting"
        | "consent"
        | "customer_interaction"
        | "audio_video_player"
        | "comments"
        | "personalization" => Purpose::Functional,
        "functional" | "necessary" | "security" => Purpose::StrictlyNecessary,
        _ => Purpose::Unclassified,
    }
}

/// Classifies a cookie (or a localStorage/sessionStorage key) by its name and
/// the domain it is set on (`.example.com`, `example.com` or a host).
///
/// Order: exact name with a matching domain; exact name alone (when the
/// database's rows for it agree on the purpose, and the name is not so short
/// that unrelated sites reuse it); the longest matching name prefix; the
/// cookie's domain as a tracker host. Otherwise unclassified.
pub fn classify_cookie(name: &str, domain: &str) -> Classification {
    let domain = normalize_domain(domain);
    let exact = rows_named(name);
    if let Some(c) = from_rows(&exact, &domain, false) {
        return c;
    }
    // Prefix rows: the longest prefix that matches.
    let mut best: Option<&CookieRow> = None;
    for row in COOKIES.iter().filter(|r| r.prefix) {
        if name.len() > row.name().len()
            && name.starts_with(row.name())
            && best.is_none_or(|b| row.name().len() > b.name().len())
        {
            best = Some(row);
        }
    }
    if let Some(prefix) = best {
        let rows: Vec<&CookieRow> = COOKIES.iter().filter(|r| r.prefix && r.name() == prefix.name()).collect();
        if let Some(mut c) = from_rows(&rows, &domain, true) {
            c.basis = Some(Basis::NamePrefix);
            return c;
        }
    }
    let by_host = classify_host(&domain);
    if by_host.purpose != Purpose::Unclassified {
        return Classification { basis: Some(Basis::CookieDomain), ..by_host };
    }
    Classification::unclassified()
}

fn rows_named(name: &str) -> Vec<&'static CookieRow> {
    let start = COOKIES.partition_point(|r| r.name() < name);
    COOKIES[start..].iter().take_while(|r| r.name() == name).filter(|r| !r.prefix).collect()
}

fn from_rows(rows: &[&CookieRow], domain: &str, prefix: bool) -> Option<Classification> {
    if rows.is_empty() {
        return None;
    }
    let on_domain: Vec<&CookieRow> =
        rows.iter().copied().filter(|r| r.domains().any(|d| site::domain_matches(domain, d))).collect();
    if !on_domain.is_empty() {
        return agreed(&on_domain, Basis::NameAndDomain);
    }
    let name = rows[0].name();
    let anywhere: Vec<&CookieRow> = rows.iter().copied().filter(|r| r.domains.1 == 0).collect();
    if !anywhere.is_empty() && agreed(rows, Basis::Name).is_none() {
        // Rows for other domains disagree with the domain-less ones: use those only.
        return agreed(&anywhere, Basis::Name);
    }
    // A name the database only knows on other domains counts when it is
    // distinctive: `_fbp` is Facebook's wherever it is set, `id` is anyone's.
    if anywhere.is_empty() && !prefix && name.chars().count() < 4 {
        return None;
    }
    agreed(rows, Basis::Name)
}

/// The classification the rows agree on, or `None` when they name different purposes.
fn agreed(rows: &[&CookieRow], basis: Basis) -> Option<Classification> {
    let first = rows.first()?;
    let purpose = cookie_purpose(first.category());
    if rows.iter().any(|r| cookie_purpose(r.category()) != purpose) || purpose == Purpose::Unclassified {
        return None;
    }
    let same = |f: fn(&CookieRow) -> &'static str| {
        let v = f(first);
        (!v.is_empty() && rows.iter().all(|r| f(r) == v)).then(|| v.to_owned())
    };
    Some(Classification {
        purpose,
        provider: same(|r| r.controller.get()),
        service: same(|r| r.platform.get()),
        source: Some(Source::OpenCookieDatabase),
        source_category: Some(first.category().to_owned()),
        basis: Some(basis),
        matched: Some(first.name().to_owned()),
    })
}

/// Classifies a request host (`www.google-analytics.com`) by the longest listed
/// domain it equals or is under, label by label.
pub fn classify_host(host: &str) -> Classification {
    let host = normalize_domain(host);
    let mut candidate = host.as_str();
    loop {
        if let Ok(i) = HOSTS.binary_search_by(|r| r.domain.get().cmp(candidate)) {
            let row = &HOSTS[i];
            let purpose = if row.source == Source::OpenCookieDatabase {
                cookie_purpose(row.category.get())
            } else {
                host_purpose(row.category.get())
            };
            if purpose == Purpose::Unclassified {
                return Classification::unclassified();
            }
            let non_empty = |s: &str| (!s.is_empty()).then(|| s.to_owned());
            return Classification {
                purpose,
                provider: non_empty(row.company.get()),
                service: non_empty(row.service.get()),
                source: Some(row.source),
                source_category: non_empty(row.category.get()),
                basis: Some(Basis::Host),
                matched: Some(row.domain.get().to_owned()),
            };
        }
        match candidate.split_once('.') {
            Some((_, rest)) if rest.contains('.') => candidate = rest,
            _ => return Classification::unclassified(),
        }
    }
}

fn normalize_domain(domain: &str) -> String {
    domain.trim().trim_start_matches('.').trim_end_matches('.').to_ascii_lowercase()
}

/// The data sets classification uses, with their licences, for the evidence file.
pub fn data_sources() -> Vec<crate::evidence::DataSource> {
    use crate::evidence::DataSource;
    vec![
        DataSource {
            name: "Open Cookie Database".to_owned(),
            version: "0ee5a17fe1cb002943f89370d24fc26a4226061c (2026-01-21)".to_owned(),
            licence: "Apache-2.0".to_owned(),
            url: "https://github.com/jkwakman/Open-Cookie-Database".to_owned(),
            attribution: "Open Cookie Database, https://github.com/jkwakman/Open-Cookie-Database".to_owned(),
        },
        DataSource {
            name: "WhoTracks.me tracker database".to_owned(),
            version: "3d961e6231e6bec7094fa1436a118d57c54aeae6 (2022-08-02)".to_owned(),
            licence: "CC-BY-4.0".to_owned(),
            url: "https://github.com/whotracksme/whotracks.me".to_owned(),
            attribution: "Tracker data: WhoTracks.me by Ghostery GmbH (2022-08 snapshot), CC BY 4.0, https://github.com/whotracksme/whotracks.me; converted to a domain table by juris".to_owned(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_cookies() {
        let ga = classify_cookie("_ga", ".shop.example");
        assert_eq!(ga.purpose, Purpose::Analytics);
        assert_eq!(ga.service.as_deref(), Some("Google Analytics"));
        assert_eq!(ga.basis, Some(Basis::Name));
        let ga4 = classify_cookie("_ga_ABC123", ".shop.example");
        assert_eq!(ga4.purpose, Purpose::Analytics);
        assert_eq!(ga4.basis, Some(Basis::NamePrefix));
        assert_eq!(ga4.matched.as_deref(), Some("_ga_"));
        // First-party cookie the database lists under facebook.com.
        assert_eq!(classify_cookie("_fbp", ".shop.example").purpose, Purpose::Advertising);
        let ide = classify_cookie("IDE", ".doubleclick.net");
        assert_eq!((ide.purpose, ide.basis), (Purpose::Advertising, Some(Basis::NameAndDomain)));
        assert_eq!(classify_cookie("PHPSESSID", "shop.example").purpose, Purpose::StrictlyNecessary);
    }

    #[test]
    fn unknown_or_ambiguous_cookies_are_unclassified() {
        assert_eq!(classify_cookie("shop_visitor_x", "shop.example"), Classification::unclassified());
        // Short names the database only knows on another domain.
        assert_eq!(classify_cookie("uid", "shop.example").purpose, Purpose::Unclassified);
        // `token` is Adform marketing on adform.net, Xandr functional on adnxs.com.
        assert_eq!(classify_cookie("token", "shop.example").purpose, Purpose::Unclassified);
        assert_eq!(classify_cookie("token", ".adnxs.com").purpose, Purpose::StrictlyNecessary);
    }

    #[test]
    fn cookie_on_tracker_domain() {
        let c = classify_cookie("zzz_unknown", ".doubleclick.net");
        assert_eq!((c.purpose, c.basis), (Purpose::Advertising, Some(Basis::CookieDomain)));
    }

    #[test]
    fn hosts() {
        let ga = classify_host("www.google-analytics.com");
        assert_eq!(ga.purpose, Purpose::Analytics);
        assert_eq!(ga.provider.as_deref(), Some("Google"));
        assert_eq!(ga.matched.as_deref(), Some("google-analytics.com"));
        assert_eq!(classify_host("static.doubleclick.net").purpose, Purpose::Advertising);
        assert_eq!(classify_host("connect.facebook.net").purpose, Purpose::Advertising);
        assert_eq!(classify_host("static.hotjar.com").purpose, Purpose::Analytics);
        assert_eq!(classify_host("tracker.adnetwork.test").purpose, Purpose::Unclassified);
        assert_eq!(classify_host("com").purpose, Purpose::Unclassified);
        assert_eq!(classify_host("").purpose, Purpose::Unclassified);
    }

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(HOSTS.windows(2).all(|w| w[0].domain.get() < w[1].domain.get()));
        assert!(COOKIES.windows(2).all(|w| w[0].name() <= w[1].name()));
        assert!(HOSTS.len() > 4000 && COOKIES.len() > 2000);
    }
}
