//! Sites and parties: the registrable domain ("eTLD+1") of a host, from the
//! Public Suffix List embedded in the `psl` crate, decides what is first- or
//! third-party, as browsers decide what is same-site.

pub use juris_core::evidence::Party;

/// The registrable domain of a host or cookie domain: `shop.example.co.uk`
/// for `www.shop.example.co.uk`. IP addresses, single labels (`localhost`) and
/// hosts that are themselves a public suffix are their own site.
pub fn registrable_domain(host: &str) -> String {
    let host = host.trim().trim_start_matches('.').trim_end_matches('.').to_ascii_lowercase();
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.parse::<std::net::IpAddr>().is_ok() || !host.contains('.') {
        return host.to_owned();
    }
    match psl::domain_str(host) {
        Some(domain) => domain.to_owned(),
        None => host.to_owned(),
    }
}

/// First- or third-party relative to a site (a registrable domain).
pub fn party(host: &str, site: &str) -> Party {
    if registrable_domain(host) == site { Party::First } else { Party::Third }
}

/// Whether `host` is `domain` or a subdomain of it (label-wise, no leading dots).
pub fn domain_matches(host: &str, domain: &str) -> bool {
    // Bytes, so text that is not ASCII can never split a character.
    let host = host.trim_start_matches('.').as_bytes();
    let domain = domain.trim_start_matches('.').as_bytes();
    !domain.is_empty()
        && (host.eq_ignore_ascii_case(domain)
            || (host.len() > domain.len()
                && host[host.len() - domain.len() - 1] == b'.'
                && host[host.len() - domain.len()..].eq_ignore_ascii_case(domain)))
}

/// The host of a URL, lower-cased; `None` for URLs without one (`data:`, `blob:`, `about:`).
pub fn url_host(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    if !matches!(parsed.scheme(), "http" | "https" | "ws" | "wss") {
        return None;
    }
    parsed.host_str().map(|h| h.trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registrable_domains() {
        assert_eq!(registrable_domain("www.shop.example.co.uk"), "example.co.uk");
        assert_eq!(registrable_domain(".shop.test"), "shop.test");
        assert_eq!(registrable_domain("tracker.adnetwork.test"), "adnetwork.test");
        assert_eq!(registrable_domain("www.google-analytics.com"), "google-analytics.com");
        assert_eq!(registrable_domain("127.0.0.1"), "127.0.0.1");
        assert_eq!(registrable_domain("[::1]"), "::1");
        assert_eq!(registrable_domain("localhost"), "localhost");
        assert_eq!(registrable_domain("github.io"), "github.io");
        assert_eq!(registrable_domain("me.github.io"), "me.github.io");
    }

    #[test]
    fn parties_and_matching() {
        assert_eq!(party("cdn.shop.test", "shop.test"), Party::First);
        assert_eq!(party("shop.test.evil.test", "shop.test"), Party::Third);
        assert!(domain_matches("a.b.example", "b.example"));
        assert!(domain_matches(".b.example", "B.example"));
        assert!(!domain_matches("ab.example", "b.example"));
        assert!(!domain_matches("b.example", ""));
        assert_eq!(url_host("http://Tracker.Test:8080/x").as_deref(), Some("tracker.test"));
        assert_eq!(url_host("data:text/plain,hi"), None);
    }
}
