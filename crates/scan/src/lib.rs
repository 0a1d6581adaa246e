//! juris-scan: what a website actually does with cookies, storage and
//! third-party requests, before and after the visitor's consent choice and
//! under Global Privacy Control, recorded as evidence.
//!
//! A scan visits each page in a real headless Chromium, driven over the
//! DevTools protocol, each visit in a fresh, empty profile:
//!
//! 1. **before**: the page loads and the network settles (bounded); juris
//!    reads every cookie, the localStorage and sessionStorage keys of the page
//!    and its frames, every request to another host, and a screenshot;
//! 2. **banner**: the consent banner's first layer, found by the accessible
//!    names and roles of its controls in a dozen languages: which of accept,
//!    reject and settings it offers, their size and style;
//! 3. **after reject**: where the first layer offers reject, juris clicks it,
//!    lets the network settle again, and records what is still set and requested;
//! 4. **GPC** (optional): a second visit sending `Sec-GPC: 1` and exposing
//!    `navigator.globalPrivacyControl`, with its differences from the plain one.
//!
//! Cookies and hosts are classified from shipped data ([`classify_cookie`],
//! [`classify_host`]). The result is an [`Evidence`] value, serialised as the
//! versioned JSON described in `docs/evidence.md`.
//!
//! Everything is bounded: per-visit and total timeouts, a page count, an
//! evidence size. A page that never settles gives partial evidence with a
//! note, never a hang, and no browser process outlives its visit.
//!
//! ```no_run
//! let options = juris_scan::ScanOptions::default();
//! let evidence = juris_scan::scan(&["https://example.com/".to_owned()], &options, &|p| eprintln!("{p}"))?;
//! println!("{}", serde_json::to_string_pretty(&evidence).unwrap_or_default());
//! # Ok::<(), juris_scan::ScanError>(())
//! ```

#![deny(unsafe_code)]
#![warn(missing_docs)]

mod banner;
mod browser;
mod cdp;
mod classify;
mod cookie_line;
pub mod evidence;
mod site;
mod visit;

use std::collections::{BTreeSet, HashSet, VecDeque};
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use jiff::Timestamp;

pub use banner::control_kind;
pub use browser::{INSTALL_HINT, find_browser};
pub use classify::{Basis, Classification, Purpose, Source, classify_cookie, classify_host};
pub use evidence::{EVIDENCE_VERSION, Evidence};
pub use site::{Party, registrable_domain};
/// The URL parser scans use, so that callers check URLs exactly as a scan will.
pub use url;

use evidence::*;

/// What a scan does and within which bounds.
#[derive(Clone, Debug)]
pub struct ScanOptions {
    /// The Chromium executable; found on `PATH` (`chromium`, `google-chrome`…) when absent.
    pub browser: Option<PathBuf>,
    /// Pages per starting URL: the URL itself, then same-site links found on the
    /// pages visited, breadth first.
    pub max_pages: usize,
    /// Also visit each page under Global Privacy Control.
    pub gpc: bool,
    /// Click the first layer's reject control where there is one.
    pub reject: bool,
    /// The bound on one visit, browser start included.
    pub page_timeout: Duration,
    /// The bound on the whole scan; pages not reached are listed in a note.
    pub total_timeout: Duration,
    /// The bound on the evidence's JSON size; pages past it are left out, with a note.
    pub max_evidence_bytes: usize,
    /// Chromium `--host-resolver-rules` (tests: `MAP * 127.0.0.1, EXCLUDE localhost`).
    pub host_resolver_rules: Option<String>,
    /// Accept any TLS certificate (test fixtures with self-signed certificates).
    pub ignore_certificate_errors: bool,
    /// Where to write PNG screenshots (created if missing); none are taken when absent.
    pub screenshot_dir: Option<PathBuf>,
    /// The browser window, in CSS pixels.
    pub viewport: Viewport,
    /// More Chromium flags, for experiments.
    pub extra_browser_args: Vec<String>,
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions {
            browser: None,
            max_pages: 1,
            gpc: false,
            reject: true,
            page_timeout: Duration::from_secs(30),
            total_timeout: Duration::from_secs(600),
            max_evidence_bytes: 32 * 1024 * 1024,
            host_resolver_rules: None,
            ignore_certificate_errors: false,
            screenshot_dir: None,
            viewport: Viewport { width: 1366, height: 768 },
            extra_browser_args: Vec::new(),
        }
    }
}

/// Why a scan could not run at all. Problems with a page are notes in the evidence.
#[derive(Debug)]
pub enum ScanError {
    /// No browser to run; the message says how to install one.
    BrowserNotFound(String),
    /// The browser would not start or connect.
    Launch(String),
    /// A URL that is not http(s).
    InvalidUrl(String),
    /// The async runtime could not be built.
    Runtime(String),
}

impl fmt::Display for ScanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScanError::BrowserNotFound(m) => write!(f, "no browser: {m}"),
            ScanError::Launch(m) => write!(f, "cannot start the browser: {m}"),
            ScanError::InvalidUrl(m) => write!(f, "invalid URL: {m}"),
            ScanError::Runtime(m) => write!(f, "cannot start the scan: {m}"),
        }
    }
}

impl std::error::Error for ScanError {}

/// A step of a scan, for progress lines (`Display` gives one line).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Progress {
    /// A visit starts.
    Visiting {
        /// The page.
        url: String,
        /// Its number among the pages of the scan, from 1.
        page: usize,
        /// Whether this is the GPC visit.
        gpc: bool,
    },
    /// The page is loading.
    Loading {
        /// The page.
        url: String,
        /// Whether this is the GPC visit.
        gpc: bool,
    },
    /// The banner was looked for.
    Banner {
        /// The page.
        url: String,
        /// Whether this is the GPC visit.
        gpc: bool,
        /// Whether a banner was found.
        found: bool,
        /// Whether it offers reject on the first layer.
        reject_on_first_layer: bool,
    },
    /// Reject was clicked.
    Rejected {
        /// The page.
        url: String,
        /// Whether this is the GPC visit.
        gpc: bool,
        /// The control's text.
        control: String,
    },
    /// A visit ended.
    Visited {
        /// The page.
        url: String,
        /// Whether this is the GPC visit.
        gpc: bool,
        /// Cookies before interaction.
        cookies: usize,
        /// Third-party hosts before interaction.
        third_party_hosts: usize,
        /// How long it took.
        ms: u64,
        /// Whether it finished within its bounds.
        complete: bool,
    },
    /// Something worth saying (a limit reached).
    Note(String),
}

impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let gpc = |g: &bool| if *g { " (GPC)" } else { "" };
        match self {
            Progress::Visiting { url, page, gpc: g } => write!(f, "scan: page {page}: visiting {url}{}", gpc(g)),
            Progress::Loading { url, gpc: g } => write!(f, "scan: loading {url}{}", gpc(g)),
            Progress::Banner { url, gpc: g, found, reject_on_first_layer } => write!(
                f,
                "scan: {url}{}: {}",
                gpc(g),
                match (found, reject_on_first_layer) {
                    (false, _) => "no consent banner found",
                    (true, true) => "consent banner with reject on the first layer",
                    (true, false) => "consent banner without reject on the first layer",
                }
            ),
            Progress::Rejected { url, gpc: g, control } => write!(f, "scan: {url}{}: clicked {control:?}", gpc(g)),
            Progress::Visited { url, gpc: g, cookies, third_party_hosts, ms, complete } => write!(
                f,
                "scan: {url}{}: {cookies} cookies, {third_party_hosts} third-party hosts, {ms} ms{}",
                gpc(g),
                if *complete { "" } else { ", partial" }
            ),
            Progress::Note(note) => write!(f, "scan: {note}"),
        }
    }
}

/// Scans the URLs and returns the evidence; blocking (it runs its own
/// single-threaded async runtime, so call it outside any async runtime, or
/// use [`scan_async`]).
pub fn scan(
    urls: &[String],
    options: &ScanOptions,
    progress: &(dyn Fn(&Progress) + Send + Sync),
) -> Result<Evidence, ScanError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| ScanError::Runtime(e.to_string()))?;
    runtime.block_on(scan_async(urls, options, progress))
}

/// Scans the URLs (on a tokio runtime with time and IO enabled).
pub async fn scan_async(
    urls: &[String],
    options: &ScanOptions,
    progress: &(dyn Fn(&Progress) + Send + Sync),
) -> Result<Evidence, ScanError> {
    let started_at = Timestamp::now();
    let start = tokio::time::Instant::now();
    let deadline = later(start, options.total_timeout);
    let mut starts = Vec::new();
    for u in urls {
        let parsed = url::Url::parse(u).map_err(|e| ScanError::InvalidUrl(format!("{u}: {e}")))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
            return Err(ScanError::InvalidUrl(format!("{u}: only http and https URLs can be scanned")));
        }
        starts.push(parsed);
    }
    let executable = find_browser(options.browser.as_deref())?;
    let launch = browser::LaunchSpec {
        executable,
        host_resolver_rules: options.host_resolver_rules.clone(),
        ignore_certificate_errors: options.ignore_certificate_errors,
        window: (options.viewport.width, options.viewport.height),
        extra_args: options.extra_browser_args.clone(),
    };
    let report = |p: Progress| emit(progress, p);

    let mut evidence = Evidence {
        evidence: EVIDENCE_VERSION,
        generator: Generator { name: "juris-scan".to_owned(), version: env!("CARGO_PKG_VERSION").to_owned() },
        started_at,
        finished_at: started_at,
        browser: None,
        settings: Settings {
            urls: urls.to_vec(),
            max_pages: options.max_pages,
            gpc: options.gpc,
            reject: options.reject,
            page_timeout_s: options.page_timeout.as_secs_f64(),
            total_timeout_s: options.total_timeout.as_secs_f64(),
            max_evidence_bytes: options.max_evidence_bytes,
            viewport: options.viewport,
            host_resolver_rules: options.host_resolver_rules.clone(),
            ignore_certificate_errors: options.ignore_certificate_errors,
            screenshot_dir: options.screenshot_dir.as_ref().map(|d| d.display().to_string()),
        },
        data_sources: classify::data_sources(),
        pages: Vec::new(),
        complete: true,
        notes: Vec::new(),
    };
    let mut size = serde_json::to_vec(&evidence).map_or(0, |v| v.len());
    let mut page_no = 0usize;
    let mut visited: HashSet<String> = HashSet::new();

    'starts: for start_url in &starts {
        let site = registrable_domain(start_url.host_str().unwrap_or_default());
        let mut queue: VecDeque<(String, Option<String>)> = VecDeque::from([(start_url.to_string(), None)]);
        let mut pages_here = 0usize;
        while let Some((url, found_on)) = queue.pop_front() {
            if pages_here >= options.max_pages.max(1) {
                break;
            }
            if !visited.insert(without_fragment(&url)) {
                continue;
            }
            if deadline <= tokio::time::Instant::now() {
                let left = queue.len() + 1;
                evidence.notes.push(format!(
                    "the scan reached its time limit ({:.0} s); {url} and {} more queued page(s) were not visited",
                    options.total_timeout.as_secs_f64(),
                    left - 1
                ));
                evidence.complete = false;
                break 'starts;
            }
            page_no += 1;
            pages_here += 1;
            let stem = format!("page{page_no:03}");
            let run = |gpc: bool| {
                let visit_deadline = later(tokio::time::Instant::now(), options.page_timeout).min(deadline);
                visit::VisitConfig {
                    launch: launch.clone(),
                    url: url.clone(),
                    gpc,
                    reject: options.reject,
                    deadline: visit_deadline,
                    screenshots: options
                        .screenshot_dir
                        .clone()
                        .map(|d| (d, if gpc { format!("{stem}-gpc") } else { stem.clone() })),
                }
            };
            report(Progress::Visiting { url: url.clone(), page: page_no, gpc: false });
            let plain = match visit::run(run(false), progress).await {
                Ok(outcome) => outcome,
                Err(e) if evidence.pages.is_empty() && evidence.browser.is_none() => return Err(e),
                Err(e) => {
                    evidence.notes.push(format!("{url}: not visited: {e}"));
                    evidence.complete = false;
                    continue;
                }
            };
            visited_progress(&report, &url, &plain.visit);
            if evidence.browser.is_none() {
                evidence.browser = plain.version.clone();
            }
            for link in same_site_links(&plain.links, &site) {
                if !visited.contains(&without_fragment(&link)) && !queue.iter().any(|(q, _)| q == &link) {
                    queue.push_back((link, Some(url.clone())));
                }
            }
            let gpc = if options.gpc {
                report(Progress::Visiting { url: url.clone(), page: page_no, gpc: true });
                match visit::run(run(true), progress).await {
                    Ok(outcome) => {
                        visited_progress(&report, &url, &outcome.visit);
                        let comparison = compare_gpc(&plain.visit, &outcome.visit);
                        Some(GpcVisit { visit: outcome.visit, comparison })
                    }
                    Err(e) => {
                        evidence.notes.push(format!("{url}: GPC visit failed: {e}"));
                        evidence.complete = false;
                        None
                    }
                }
            } else {
                None
            };
            let page = Page { url: url.clone(), site: site.clone(), found_on, visit: plain.visit, gpc };
            let complete = page.visit.complete && page.gpc.as_ref().is_none_or(|g| g.visit.complete);
            let bytes = serde_json::to_vec(&page).map_or(0, |v| v.len());
            if size + bytes > options.max_evidence_bytes {
                evidence.notes.push(format!(
                    "{url}: left out, its evidence ({bytes} bytes) would pass the size limit of {} bytes; the scan stopped there",
                    options.max_evidence_bytes
                ));
                evidence.complete = false;
                break 'starts;
            }
            size += bytes + 1;
            evidence.complete &= complete;
            evidence.pages.push(page);
        }
    }
    evidence.finished_at = Timestamp::now();
    for note in &evidence.notes {
        report(Progress::Note(note.clone()));
    }
    Ok(evidence)
}

/// Sends a progress line to the callback and to `tracing`.
pub(crate) fn emit(progress: &(dyn Fn(&Progress) + Send + Sync), p: Progress) {
    tracing::info!("{p}");
    progress(&p);
}

/// `start + bound`, capped at a year, so no bound given can overflow the clock.
fn later(start: tokio::time::Instant, bound: Duration) -> tokio::time::Instant {
    start + bound.min(Duration::from_secs(365 * 24 * 3600))
}

fn visited_progress(report: &impl Fn(Progress), url: &str, visit: &Visit) {
    report(Progress::Visited {
        url: url.to_owned(),
        gpc: visit.gpc,
        cookies: visit.before.as_ref().map_or(0, |s| s.cookies.len()),
        third_party_hosts: visit.before.as_ref().map_or(0, |s| s.third_party_hosts.len()),
        ms: visit.duration_ms,
        complete: visit.complete,
    });
}

/// Links worth crawling: http(s), same site, not obviously a file download.
fn same_site_links(links: &[String], site: &str) -> Vec<String> {
    const FILES: &[&str] = &[
        ".pdf", ".zip", ".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".mp4", ".mp3", ".doc", ".docx", ".xls",
        ".xlsx",
    ];
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for link in links {
        let Ok(mut url) = url::Url::parse(link) else { continue };
        if !matches!(url.scheme(), "http" | "https") {
            continue;
        }
        let Some(host) = url.host_str() else { continue };
        if registrable_domain(host) != site {
            continue;
        }
        let path = url.path().to_ascii_lowercase();
        if FILES.iter().any(|ext| path.ends_with(ext)) {
            continue;
        }
        url.set_fragment(None);
        if seen.insert(url.to_string()) {
            out.push(url.to_string());
        }
    }
    out
}

fn without_fragment(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) => {
            u.set_fragment(None);
            u.to_string()
        }
        Err(_) => url.to_owned(),
    }
}

/// The differences between the plain and the GPC visit, before interaction.
fn compare_gpc(plain: &Visit, gpc: &Visit) -> GpcComparison {
    let empty = Snapshot::default();
    let p = plain.before.as_ref().unwrap_or(&empty);
    let g = gpc.before.as_ref().unwrap_or(&empty);
    let key = |c: &CookieRef| (c.name.clone(), c.domain.clone(), c.path.clone());
    let pc = visit::cookie_refs(&p.cookies);
    let gc = visit::cookie_refs(&g.cookies);
    let gk: BTreeSet<_> = gc.iter().map(key).collect();
    let pk: BTreeSet<_> = pc.iter().map(key).collect();
    let ps = visit::storage_refs(&p.storage);
    let gs = visit::storage_refs(&g.storage);
    let ph: BTreeSet<&str> = p.third_party_hosts.iter().map(|h| h.host.as_str()).collect();
    let gh: BTreeSet<&str> = g.third_party_hosts.iter().map(|h| h.host.as_str()).collect();
    let non_essential = |s: &Snapshot| {
        s.cookies.iter().filter(|c| c.classification.purpose.needs_consent()).count()
            + s.storage.iter().filter(|c| c.classification.purpose.needs_consent()).count()
            + s.third_party_hosts.iter().filter(|h| h.classification.purpose.needs_consent()).count()
    };
    GpcComparison {
        cookies_only_without_gpc: pc.iter().filter(|c| !gk.contains(&key(c))).cloned().collect(),
        cookies_only_with_gpc: gc.iter().filter(|c| !pk.contains(&key(c))).cloned().collect(),
        storage_only_without_gpc: ps.difference(&gs).cloned().collect(),
        storage_only_with_gpc: gs.difference(&ps).cloned().collect(),
        third_party_hosts_only_without_gpc: ph.difference(&gh).map(|h| (*h).to_owned()).collect(),
        third_party_hosts_only_with_gpc: gh.difference(&ph).map(|h| (*h).to_owned()).collect(),
        non_essential: NonEssentialCounts { without_gpc: non_essential(p), with_gpc: non_essential(g) },
        banner_without_gpc: plain.banner.as_ref().is_some_and(|b| b.found),
        banner_with_gpc: gpc.banner.as_ref().is_some_and(|b| b.found),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crawl_links() {
        let links = [
            "https://www.shop.test/about#team",
            "https://shop.test/cart",
            "https://other.test/",
            "mailto:a@shop.test",
            "https://shop.test/terms.pdf",
            "https://www.shop.test/about",
        ]
        .map(str::to_owned);
        assert_eq!(same_site_links(&links, "shop.test"), ["https://www.shop.test/about", "https://shop.test/cart"]);
    }
}
