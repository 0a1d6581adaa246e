//! The evidence file `juris scan` writes and `juris check --evidence` reads:
//! what a website did with cookies, storage and third-party requests, as plain
//! serde types. Modules receive it in [`CheckContext::evidence`](crate::CheckContext::evidence).
//!
//! The format is documented in `docs/evidence.md` and versioned by the
//! top-level `"evidence"` number ([`EVIDENCE_VERSION`]). Fields are only ever
//! added within a version; readers ignore fields they do not know, so the
//! types do not deny unknown fields. Cookie and storage *values* are never
//! recorded, only their length: they are often identifiers of the visitor.
//!
//! The classification of cookies, storage keys and hosts (from the data
//! juris-scan ships) is part of the evidence: [`Classification`].

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::manifest::{self, CookiePurpose, Manifest};

/// The version of the evidence format this crate writes.
pub const EVIDENCE_VERSION: u32 = 1;

/// One scan: every page visited, how, and with what.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Evidence {
    /// The format version, [`EVIDENCE_VERSION`].
    pub evidence: u32,
    /// The program that wrote the file.
    pub generator: Generator,
    /// When the scan started and ended (RFC 3339, UTC).
    pub started_at: Timestamp,
    /// When the scan ended.
    pub finished_at: Timestamp,
    /// The browser, as `Browser.getVersion` reports it (absent if none started).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub browser: Option<BrowserInfo>,
    /// What the scan was asked to do.
    pub settings: Settings,
    /// The data sets used to classify cookies and hosts.
    pub data_sources: Vec<DataSource>,
    /// The pages, in the order visited.
    pub pages: Vec<Page>,
    /// Whether every page was visited to the end and nothing was cut for size.
    pub complete: bool,
    /// Scan-level notes: time or size limits reached, pages not visited.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// The program that wrote the evidence.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Generator {
    /// `juris-scan`.
    pub name: String,
    /// Its version.
    pub version: String,
}

/// The browser that visited the pages.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BrowserInfo {
    /// `Chrome/156.0.8078.114`.
    pub product: String,
    /// The source revision.
    pub revision: String,
    /// The User-Agent header it sent.
    pub user_agent: String,
    /// The DevTools protocol version.
    pub protocol_version: String,
    /// The V8 version.
    pub js_version: String,
    /// The executable started.
    pub executable: String,
}

/// The scan's settings, as given.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Settings {
    /// The URLs asked for.
    pub urls: Vec<String>,
    /// At most this many pages per starting URL (the start and same-site links).
    pub max_pages: usize,
    /// Whether each page was also visited with Global Privacy Control.
    pub gpc: bool,
    /// Whether the reject control was clicked where the banner offers one.
    pub reject: bool,
    /// The bound on one visit, in seconds.
    pub page_timeout_s: f64,
    /// The bound on the whole scan, in seconds.
    pub total_timeout_s: f64,
    /// The bound on the evidence's size, in bytes of JSON.
    pub max_evidence_bytes: usize,
    /// The viewport, in CSS pixels.
    pub viewport: Viewport,
    /// Chromium's `--host-resolver-rules`, when set (tests map every host to loopback).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_resolver_rules: Option<String>,
    /// Whether certificate errors were ignored.
    pub ignore_certificate_errors: bool,
    /// Where screenshots were written, when they were taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screenshot_dir: Option<String>,
}

/// A viewport size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewport {
    /// Width in CSS pixels.
    pub width: u32,
    /// Height in CSS pixels.
    pub height: u32,
}

/// A data set used for classification, with its licence.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DataSource {
    /// Its name.
    pub name: String,
    /// The commit and date of the copy shipped.
    pub version: String,
    /// SPDX licence identifier.
    pub licence: String,
    /// Where it comes from.
    pub url: String,
    /// The attribution its licence asks for.
    pub attribution: String,
}

/// One page: a plain visit and, when asked, a visit under GPC.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Page {
    /// The URL visited.
    pub url: String,
    /// The site: the registrable domain of the URL, which decides first- and third-party.
    pub site: String,
    /// The page that linked to it, for pages found by crawling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found_on: Option<String>,
    /// The visit without any privacy signal.
    pub visit: Visit,
    /// The visit with `Sec-GPC: 1` and `navigator.globalPrivacyControl`, and how it differed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpc: Option<GpcVisit>,
}

/// One visit in a fresh browser profile.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Visit {
    /// Whether the GPC signal was sent.
    pub gpc: bool,
    /// When the visit started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Timestamp>,
    /// How long it took, browser start included.
    pub duration_ms: u64,
    /// The URL the page ended on, after redirects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_url: Option<String>,
    /// The HTTP status of the main document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The document's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Whether every phase finished within its bounds.
    pub complete: bool,
    /// Why not, and anything else worth knowing (load errors, limits reached).
    #[serde(default)]
    pub notes: Vec<String>,
    /// The page as loaded, before any interaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Snapshot>,
    /// The consent banner's first layer, as found before any interaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub banner: Option<Banner>,
    /// After clicking the first layer's reject control, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_reject: Option<AfterReject>,
}

impl Visit {
    /// The snapshots taken without consent: as loaded, before any
    /// interaction, and after clicking reject when there was a reject.
    pub fn unconsented_snapshots(&self) -> impl Iterator<Item = &Snapshot> {
        self.before.iter().chain(self.after_reject.as_ref().map(|a| &a.snapshot))
    }
}

/// What was set and requested at one moment of a visit.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Snapshot {
    /// When it was taken, in ms since navigation start.
    pub at_ms: u64,
    /// Every cookie in the browser's jar, first- and third-party.
    pub cookies: Vec<Cookie>,
    /// Cookies a response or script tried to set that the browser refused.
    #[serde(default)]
    pub blocked_cookies: Vec<BlockedCookie>,
    /// localStorage and sessionStorage keys of the page and of the frames reached.
    pub storage: Vec<StorageItem>,
    /// Requests to any host other than the page's own. Before the choice: all
    /// since navigation; after it: those made since the click.
    pub requests: Vec<Request>,
    /// The third-party hosts among those requests, with counts.
    pub third_party_hosts: Vec<HostSummary>,
    /// How many requests went to the page's own host in the same period.
    pub same_host_requests: usize,
    /// The viewport as shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screenshot: Option<Screenshot>,
}

/// A cookie as the browser stored it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Cookie {
    /// Its name.
    pub name: String,
    /// Its domain as stored: `.example.com` for a domain cookie, the host for a host-only one.
    pub domain: String,
    /// Whether it is sent to its host only (no `Domain` attribute).
    pub host_only: bool,
    /// Its path.
    pub path: String,
    /// First- or third-party relative to the page's site.
    pub party: Party,
    /// The registrable domain of its domain.
    pub registrable_domain: String,
    /// Whether it ends with the browser session.
    pub session: bool,
    /// When it expires, for persistent cookies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<Timestamp>,
    /// Seconds from the snapshot to expiry, for persistent cookies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime_s: Option<i64>,
    /// `HttpOnly`.
    pub http_only: bool,
    /// `Secure`.
    pub secure: bool,
    /// `SameSite`: `Strict`, `Lax` or `None`; absent when the cookie did not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_site: Option<String>,
    /// Whether it is partitioned (CHIPS).
    pub partitioned: bool,
    /// The length of its value (the value is not recorded).
    pub value_length: usize,
    /// Who set it: the last write juris saw before the snapshot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_by: Option<SetBy>,
    /// When that write happened, in ms since navigation start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_ms: Option<u64>,
    /// Purpose and provider from the shipped data.
    pub classification: Classification,
}

/// A cookie the browser refused to store.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BlockedCookie {
    /// Its name.
    pub name: String,
    /// The domain it would have had.
    pub domain: String,
    /// First- or third-party relative to the page's site.
    pub party: Party,
    /// Who tried to set it.
    pub set_by: SetBy,
    /// When, in ms since navigation start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_ms: Option<u64>,
    /// Chromium's reasons (`ThirdPartyPhaseout`, `SameSiteNoneInsecure`…).
    pub reasons: Vec<String>,
    /// Purpose and provider from the shipped data.
    pub classification: Classification,
}

/// Where a cookie write came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetBy {
    /// `response` (a `Set-Cookie` header) or `script` (`document.cookie`, `cookieStore`).
    pub kind: SetterKind,
    /// The response's URL, or the script's URL (the document's URL for an inline script).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// How a cookie was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SetterKind {
    /// A `Set-Cookie` response header.
    Response,
    /// A script, through `document.cookie` or the Cookie Store API.
    Script,
}

/// A localStorage or sessionStorage entry.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StorageItem {
    /// The origin that owns it.
    pub origin: String,
    /// `local` or `session`.
    pub kind: StorageKind,
    /// The key.
    pub key: String,
    /// The length of its value (the value is not recorded).
    pub value_length: usize,
    /// First- or third-party relative to the page's site.
    pub party: Party,
    /// Purpose and provider of the key, from the shipped data.
    pub classification: Classification,
}

/// Which Web Storage area.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StorageKind {
    /// `localStorage`.
    Local,
    /// `sessionStorage`.
    Session,
}

/// A request to a host other than the page's.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Request {
    /// The URL (cut at 2000 characters).
    pub url: String,
    /// Its host.
    pub host: String,
    /// The host's registrable domain.
    pub registrable_domain: String,
    /// First-party (another host of the same site) or third-party.
    pub party: Party,
    /// `GET`, `POST`…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// Chromium's resource type: `Script`, `Image`, `XHR`, `Fetch`, `Document`…
    pub resource_type: String,
    /// What started it.
    pub initiator: Initiator,
    /// When it was sent, in ms since navigation start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_ms: Option<u64>,
    /// The response status, when one arrived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Why it failed, when it did (`net::ERR_CONNECTION_REFUSED`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failed: Option<String>,
    /// `devtools` (Network events) or `resource-timing` (seen only in the page's
    /// Resource Timing entries, so method and status are unknown).
    pub seen_by: SeenBy,
    /// Purpose and provider of the host, from the shipped data.
    pub classification: Classification,
}

/// How a request was observed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SeenBy {
    /// A DevTools `Network.requestWillBeSent` event.
    Devtools,
    /// Only a Resource Timing entry of the page or a frame.
    ResourceTiming,
}

/// What started a request.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Initiator {
    /// `parser` (the HTML), `script`, `preload`, `other`…
    pub kind: String,
    /// The document or script URL responsible, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One third-party host and how often it was requested.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct HostSummary {
    /// The host.
    pub host: String,
    /// Its registrable domain.
    pub registrable_domain: String,
    /// How many requests.
    pub requests: usize,
    /// Purpose and provider from the shipped data.
    pub classification: Classification,
}

/// A PNG of the viewport, written beside the evidence.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Screenshot {
    /// The file, as written (relative paths are relative to the scan's working directory).
    pub path: String,
    /// SHA-256 of the file, hex, so the evidence pins the picture.
    pub sha256: String,
    /// Its size in bytes.
    pub bytes: usize,
}

/// The consent banner's first layer.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Banner {
    /// Whether any consent control was found.
    pub found: bool,
    /// The text of the element holding the controls (cut at 500 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The URL of the frame the banner is in, when it is not the page itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame_url: Option<String>,
    /// Every consent control found, in document order.
    pub controls: Vec<Control>,
    /// Index in `controls` of the accept control, if offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accept: Option<usize>,
    /// Index in `controls` of the reject control, if offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reject: Option<usize>,
    /// Index in `controls` of the settings control, if offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<usize>,
    /// Whether rejecting takes no more than one click, like accepting.
    pub reject_on_first_layer: bool,
    /// How the reject control compares with the accept control, when both are offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reject_prominence: Option<Prominence>,
}

/// What a consent control does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ControlKind {
    /// Accept or allow all.
    Accept,
    /// Reject, decline, or only what is necessary.
    Reject,
    /// Settings, preferences, customise: the way to a second layer.
    Settings,
}

/// A button or link of the banner.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Control {
    /// What it does, from its name.
    pub kind: ControlKind,
    /// Its accessible name (aria-label, labelled-by text, text content, value or title).
    pub text: String,
    /// Its role: the `role` attribute, or the element's implicit role.
    pub role: String,
    /// The element's tag name.
    pub tag: String,
    /// Where it is on the screen, in CSS pixels of the page's viewport.
    pub rect: Rect,
    /// Whether it is drawn as a button (filled or bordered box) or as plain text/link.
    pub looks_like: LooksLike,
    /// Its text style.
    pub style: ControlStyle,
}

/// A rectangle on the screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl Rect {
    /// Width times height.
    pub fn area(&self) -> f64 {
        self.width.max(0.0) * self.height.max(0.0)
    }
}

/// How a control is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LooksLike {
    /// A box with a background or a border.
    Button,
    /// Text without a box (a link, underlined or not).
    Link,
}

/// The computed style that makes a control more or less visible.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ControlStyle {
    /// Text colour, as computed (`rgb(…)`).
    pub color: String,
    /// The background behind the text (the first non-transparent one up the tree).
    pub background: String,
    /// Font size in pixels.
    pub font_size_px: f64,
    /// Font weight (400 normal, 700 bold).
    pub font_weight: f64,
    /// WCAG contrast ratio of the text on that background (1 to 21).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contrast: Option<f64>,
}

/// How the reject control compares with the accept control.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Prominence {
    /// Whether rejecting is made visually weaker than accepting (any reason below).
    pub weaker: bool,
    /// `smaller_area` (under 80 % of accept's), `styled_as_link` (accept is a
    /// button, reject is not), `lower_contrast` (under 70 % of accept's),
    /// `smaller_font` (under 85 % of accept's).
    pub reasons: Vec<String>,
    /// Reject's area divided by accept's.
    pub area_ratio: f64,
}

/// After the reject control was clicked.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AfterReject {
    /// The control clicked (its text).
    pub clicked: String,
    /// `mouse` (a real click at its centre) or `script` (`element.click()`, when
    /// something covered the control's centre).
    pub method: String,
    /// When, in ms since navigation start.
    pub at_ms: u64,
    /// Whether the page navigated (reloaded) after the click.
    pub navigated: bool,
    /// The state once the network settled (bounded).
    pub snapshot: Snapshot,
    /// How it differs from the state before the click.
    pub changes: Changes,
}

/// A cookie named by the changes between two snapshots.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CookieRef {
    /// Its name.
    pub name: String,
    /// Its domain.
    pub domain: String,
    /// Its path.
    pub path: String,
    /// Its purpose.
    pub purpose: Purpose,
}

/// A storage key named by the changes between two snapshots.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct StorageRef {
    /// The origin.
    pub origin: String,
    /// `local` or `session`.
    pub kind: StorageKind,
    /// The key.
    pub key: String,
    /// Its purpose.
    pub purpose: Purpose,
}

/// What the reject choice changed.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Changes {
    /// Cookies set since the click.
    pub cookies_added: Vec<CookieRef>,
    /// Cookies gone since the click.
    pub cookies_removed: Vec<CookieRef>,
    /// Cookies there before and still there (rewritten or not).
    pub cookies_kept: Vec<CookieRef>,
    /// Storage keys added since the click.
    pub storage_added: Vec<StorageRef>,
    /// Storage keys gone since the click.
    pub storage_removed: Vec<StorageRef>,
    /// Third-party hosts requested after the click.
    pub third_party_hosts_after: Vec<String>,
    /// Of those, the ones not requested before it.
    pub third_party_hosts_new: Vec<String>,
}

/// The visit under GPC and how it differed from the plain one.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GpcVisit {
    /// The visit.
    pub visit: Visit,
    /// The differences, before any interaction.
    pub comparison: GpcComparison,
}

/// Differences between the plain and the GPC visit, before any interaction.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct GpcComparison {
    /// Cookies set without GPC but not with it.
    pub cookies_only_without_gpc: Vec<CookieRef>,
    /// Cookies set with GPC but not without it.
    pub cookies_only_with_gpc: Vec<CookieRef>,
    /// Storage keys written without GPC but not with it.
    pub storage_only_without_gpc: Vec<StorageRef>,
    /// Storage keys written with GPC but not without it.
    pub storage_only_with_gpc: Vec<StorageRef>,
    /// Third-party hosts contacted without GPC but not with it.
    pub third_party_hosts_only_without_gpc: Vec<String>,
    /// Third-party hosts contacted with GPC but not without it.
    pub third_party_hosts_only_with_gpc: Vec<String>,
    /// Non-strictly-necessary cookies, storage keys and third-party hosts
    /// present without GPC, and with it.
    pub non_essential: NonEssentialCounts,
    /// Whether a consent banner was found without GPC, and with it.
    pub banner_without_gpc: bool,
    /// Whether a consent banner was found with GPC.
    pub banner_with_gpc: bool,
}

/// Counts of items whose purpose is not strictly necessary (unclassified included).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct NonEssentialCounts {
    /// Without GPC.
    pub without_gpc: usize,
    /// With GPC.
    pub with_gpc: usize,
}

/// Whether something belongs to the site being scanned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// Same registrable domain as the page.
    First,
    /// Any other registrable domain.
    Third,
}

/// Why a cookie is set or a host is contacted. The first four are the
/// manifest's `CookiePurpose` values, spelled the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Needed for a service the user asked for (sessions, security, the consent choice itself).
    StrictlyNecessary,
    /// Remembers choices, or provides an embedded feature (chat, video, CDN).
    Functional,
    /// Measures how the site is used.
    Analytics,
    /// Advertising, social-media tracking and cross-site profiling.
    Advertising,
    /// The shipped data does not name it.
    Unclassified,
}

impl Purpose {
    /// Whether the purpose needs consent under the ePrivacy rules juris checks:
    /// everything but strictly necessary, including what is unclassified.
    pub fn needs_consent(self) -> bool {
        self != Purpose::StrictlyNecessary
    }
}

/// Which data set a classification came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// Open Cookie Database, <https://github.com/jkwakman/Open-Cookie-Database>.
    OpenCookieDatabase,
    /// WhoTracks.me 2022-08, <https://github.com/whotracksme/whotracks.me>.
    #[serde(rename = "whotracksme-2022-08")]
    WhoTracksMe,
}

/// How an item was matched to a data row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// The cookie name and the domain the row gives.
    NameAndDomain,
    /// The cookie name; the row gives no domain, or names one the cookie is not on
    /// (first-party cookies set by a third party's script, such as `_fbp`).
    Name,
    /// The row's name is a prefix of the cookie's (`_ga_` for `_ga_ABC123`).
    NamePrefix,
    /// The cookie's domain is a known tracker host.
    CookieDomain,
    /// The request's host is, or is under, a listed domain.
    Host,
}

/// What the shipped data says about one cookie, storage key or host.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Classification {
    /// The purpose, mapped from the source's category.
    pub purpose: Purpose,
    /// The company responsible (the data's "controller" or "company").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// The product or tracker (Google Analytics, DoubleClick).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// The data set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The category exactly as the data set spells it (`Marketing`, `site_analytics`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_category: Option<String>,
    /// How it was matched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
    /// The matched name, prefix or domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matched: Option<String>,
}

impl Classification {
    /// Nothing known.
    pub fn unclassified() -> Self {
        Classification {
            purpose: Purpose::Unclassified,
            provider: None,
            service: None,
            source: None,
            source_category: None,
            basis: None,
            matched: None,
        }
    }
}

// Reading the evidence, for the rules that judge it. A finding cites what it
// rests on: the page, the cookie or host, when it was seen, by whom, and the
// screenshot, so a reader can check it in the file.

/// Whether a purpose is tracking: analytics or advertising. What is
/// `unclassified` or `functional` is never counted as tracking, so no rule
/// rests on a guess (an unclassified item is reported as undeclared by the host).
pub fn tracking(purpose: Purpose) -> bool {
    matches!(purpose, Purpose::Analytics | Purpose::Advertising)
}

/// The manifest's `[[cookies]]` entry for an observed cookie name, with its
/// index: the exact name, or an entry whose name ends in `*` as a prefix
/// (`_ga_*` declares `_ga_ABC123`).
pub fn declared<'m>(manifest: &'m Manifest, name: &str) -> Option<(usize, &'m manifest::Cookie)> {
    let exact = manifest.cookies.iter().enumerate().find(|(_, c)| c.name == name);
    exact.or_else(|| {
        manifest.cookies.iter().enumerate().find(|(_, c)| {
            c.name.strip_suffix('*').is_some_and(|prefix| !prefix.is_empty() && name.starts_with(prefix))
        })
    })
}

/// The purpose a rule gives an observed cookie: the manifest's declaration
/// of that name wins over the shipped data's classification.
pub fn purpose_of(cookie: &Cookie, manifest: &Manifest) -> Purpose {
    match declared(manifest, &cookie.name) {
        Some((_, c)) => from_declared(c.purpose),
        None => cookie.classification.purpose,
    }
}

/// The evidence purpose of a manifest cookie purpose (spelled the same).
pub fn from_declared(purpose: CookiePurpose) -> Purpose {
    match purpose {
        CookiePurpose::StrictlyNecessary => Purpose::StrictlyNecessary,
        CookiePurpose::Functional => Purpose::Functional,
        CookiePurpose::Analytics => Purpose::Analytics,
        CookiePurpose::Advertising => Purpose::Advertising,
    }
}

impl Purpose {
    /// As the manifest and the evidence spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::StrictlyNecessary => "strictly_necessary",
            Purpose::Functional => "functional",
            Purpose::Analytics => "analytics",
            Purpose::Advertising => "advertising",
            Purpose::Unclassified => "unclassified",
        }
    }
}

/// What a rule found tracking at one moment of one visit: the cookies (with
/// the purpose the rule gave them) and the third-party hosts.
pub struct Tracking<'e> {
    /// The page.
    pub page: &'e Page,
    /// The snapshot the items are in.
    pub snapshot: &'e Snapshot,
    /// Tracking cookies and their purpose.
    pub cookies: Vec<(&'e Cookie, Purpose)>,
    /// Tracking third-party hosts.
    pub hosts: Vec<&'e HostSummary>,
}

impl Tracking<'_> {
    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.cookies.is_empty() && self.hosts.is_empty()
    }

    /// Whether anything found is for advertising.
    pub fn advertising(&self) -> bool {
        self.cookies.iter().any(|(_, p)| *p == Purpose::Advertising)
            || self.hosts.iter().any(|h| h.classification.purpose == Purpose::Advertising)
    }

    /// The items, cited: "cookie `_ga` (analytics, Google Analytics; set by
    /// script http://…/ at 120 ms), host www.google-analytics.com (analytics,
    /// Google; first request at 200 ms)", at most `max` of them and a count.
    pub fn cite(&self, max: usize) -> String {
        let mut items: Vec<String> = self.cookies.iter().map(|(c, p)| cite_cookie(c, *p)).collect();
        items.extend(self.hosts.iter().map(|h| cite_host(h, self.snapshot)));
        let total = items.len();
        items.truncate(max.max(1));
        let mut out = items.join(", ");
        if total > items.len() {
            out.push_str(&format!(" and {} more", total - items.len()));
        }
        out
    }

    /// "on https://shop.example/ (screenshot page001-before.png)".
    pub fn place(&self) -> String {
        cite_page(self.page, self.snapshot)
    }
}

/// "on URL", with the snapshot's screenshot when there is one.
pub fn cite_page(page: &Page, snapshot: &Snapshot) -> String {
    match &snapshot.screenshot {
        Some(s) => format!("on {} (screenshot {})", page.url, s.path),
        None => format!("on {}", page.url),
    }
}

/// A cookie with its purpose, provider, setter and time.
pub fn cite_cookie(cookie: &Cookie, purpose: Purpose) -> String {
    let mut about = vec![purpose.as_str().to_string()];
    if let Some(who) = cookie.classification.service.as_ref().or(cookie.classification.provider.as_ref()) {
        about.push(who.clone());
    }
    let mut how = vec![format!("domain {}", cookie.domain)];
    if let Some(set_by) = &cookie.set_by {
        let kind = match set_by.kind {
            SetterKind::Response => "response",
            SetterKind::Script => "script",
        };
        match &set_by.url {
            Some(url) => how.push(format!("set by {kind} {url}")),
            None => how.push(format!("set by a {kind}")),
        }
    }
    if let Some(at) = cookie.at_ms {
        how.push(format!("at {at} ms"));
    }
    format!("cookie `{}` ({}; {})", cookie.name, about.join(", "), how.join(", "))
}

/// A third-party host with its purpose, provider and first request.
pub fn cite_host(host: &HostSummary, snapshot: &Snapshot) -> String {
    let mut about = vec![host.classification.purpose.as_str().to_string()];
    if let Some(who) = host.classification.service.as_ref().or(host.classification.provider.as_ref()) {
        about.push(who.clone());
    }
    let first = snapshot.requests.iter().filter(|r| r.host == host.host).min_by_key(|r| r.at_ms.unwrap_or(u64::MAX));
    if let Some(r) = first {
        match r.at_ms {
            Some(at) => about.push(format!("first request at {at} ms, {}", r.url)),
            None => about.push(format!("requested {}", r.url)),
        }
    }
    format!("host {} ({})", host.host, about.join("; "))
}

/// The tracking items of one snapshot.
pub fn tracking_in<'e>(page: &'e Page, snapshot: &'e Snapshot, manifest: &Manifest) -> Tracking<'e> {
    Tracking {
        page,
        snapshot,
        cookies: snapshot.cookies.iter().map(|c| (c, purpose_of(c, manifest))).filter(|(_, p)| tracking(*p)).collect(),
        hosts: snapshot.third_party_hosts.iter().filter(|h| tracking(h.classification.purpose)).collect(),
    }
}

impl Evidence {
    /// Per page, the tracking items set or requested before any interaction
    /// in the plain visit (pages with none left out).
    pub fn tracking_before<'e>(&'e self, manifest: &Manifest) -> Vec<Tracking<'e>> {
        self.pages
            .iter()
            .filter_map(|p| p.visit.before.as_ref().map(|s| tracking_in(p, s, manifest)))
            .filter(|t| !t.is_empty())
            .collect()
    }

    /// Per page where reject was clicked, the tracking items still set (or
    /// newly set) and the tracking hosts requested after the click.
    pub fn tracking_after_reject<'e>(&'e self, manifest: &Manifest) -> Vec<Tracking<'e>> {
        self.pages
            .iter()
            .filter_map(|p| p.visit.after_reject.as_ref().map(|a| tracking_in(p, &a.snapshot, manifest)))
            .filter(|t| !t.is_empty())
            .collect()
    }

    /// Per page visited under GPC, the tracking items set or requested before
    /// any interaction in that visit.
    pub fn tracking_under_gpc<'e>(&'e self, manifest: &Manifest) -> Vec<Tracking<'e>> {
        self.pages
            .iter()
            .filter_map(|p| p.gpc.as_ref().and_then(|g| g.visit.before.as_ref()).map(|s| tracking_in(p, s, manifest)))
            .filter(|t| !t.is_empty())
            .collect()
    }
}

/// The manifest path a finding about the website's behaviour points at: the
/// consent entry for the markets concerned when the manifest has one, else
/// `organization.markets`, else `organization`.
pub fn finding_path(manifest: &Manifest, consent_key: Option<&str>) -> String {
    use crate::manifest::ConsentScope;
    let entry = consent_key
        .and_then(|k| manifest.consent.keys().find(|s| s.to_string() == k))
        .or_else(|| manifest.consent.keys().find(|s| matches!(s, ConsentScope::Default)))
        .or_else(|| manifest.consent.keys().next());
    match entry {
        Some(scope) => crate::path::ManifestPath::default().key("consent").key(scope.to_string()).to_string(),
        None if !manifest.organization.markets.is_empty() => "organization.markets".to_string(),
        None => "organization".to_string(),
    }
}
