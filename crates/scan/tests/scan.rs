//! Scans of the fixture sites in a real headless Chromium, all traffic on
//! loopback. Without Chromium these tests fail and say how to install it:
//! a scan that was not run proves nothing.

mod fixture;

use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use juris_scan::evidence::{ControlKind, Evidence, LooksLike, SeenBy, SetterKind, StorageKind, Visit};
use juris_scan::{Party, Purpose, ScanOptions};

/// Browser tests run one at a time: two cores, and the leak check looks at every process.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|p| p.into_inner())
}

fn fixture() -> &'static fixture::Fixture {
    static FIXTURE: std::sync::OnceLock<fixture::Fixture> = std::sync::OnceLock::new();
    FIXTURE.get_or_init(fixture::start)
}

fn options() -> ScanOptions {
    if let Err(e) = juris_scan::find_browser(None) {
        panic!("these tests need Chromium: {e}");
    }
    ScanOptions {
        host_resolver_rules: Some("MAP * 127.0.0.1, EXCLUDE localhost".to_owned()),
        page_timeout: Duration::from_secs(25),
        ..ScanOptions::default()
    }
}

fn scan(url: &str, options: &ScanOptions) -> Evidence {
    let temporary_before = chromium_temporary_dirs();
    let evidence = juris_scan::scan(&[url.to_owned()], options, &|p| eprintln!("{p}")).expect("the scan runs");
    assert_no_browser_left();
    let left: Vec<_> = chromium_temporary_dirs().difference(&temporary_before).cloned().collect();
    assert!(left.is_empty(), "the scan left Chromium's temporary directories behind: {left:?}");
    evidence
}

/// The directories Chromium makes in the temporary directory for its
/// single-instance socket.
fn chromium_temporary_dirs() -> std::collections::HashSet<std::path::PathBuf> {
    std::fs::read_dir(std::env::temp_dir())
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("org.chromium.Chromium."))
        .map(|e| e.path())
        .collect()
}

/// No process started from a juris-scan profile is still running.
fn assert_no_browser_left() {
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let left = browsers_running();
        if left.is_empty() {
            return;
        }
        assert!(Instant::now() < deadline, "Chromium processes left running: {left:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn browsers_running() -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else { continue };
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        if cmdline.contains("juris-scan-profile-") {
            out.push(format!(
                "{}: {}",
                entry.file_name().to_string_lossy(),
                cmdline.chars().take(120).collect::<String>()
            ));
        }
    }
    out
}

fn visit(evidence: &Evidence) -> &Visit {
    &evidence.pages.first().expect("one page").visit
}

#[test]
fn shop_with_weak_reject_before_and_after() {
    let _serial = serial();
    let f = fixture();
    let shots = tempfile::tempdir().expect("a temporary directory");
    let started = Instant::now();
    let evidence =
        scan(&f.url("shop.test", "/"), &ScanOptions { screenshot_dir: Some(shots.path().to_owned()), ..options() });
    eprintln!("one-page scan with reject: {} ms", started.elapsed().as_millis());
    assert_eq!(evidence.evidence, 1);
    assert!(evidence.browser.as_ref().is_some_and(|b| b.product.contains("Chrom")));
    let page = &evidence.pages[0];
    assert_eq!(page.site, "shop.test");
    let v = visit(&evidence);
    assert!(v.complete, "{:?}", v.notes);
    assert_eq!(v.status, Some(200));
    let before = v.before.as_ref().expect("before");

    // First-party cookies set by scripts on load, classified or not.
    let ga = before.cookies.iter().find(|c| c.name == "_ga").expect("_ga set on load");
    assert_eq!(ga.party, Party::First);
    assert_eq!(ga.classification.purpose, Purpose::Analytics);
    assert_eq!(ga.set_by.as_ref().map(|s| s.kind), Some(SetterKind::Script));
    assert!(ga.lifetime_s.is_some_and(|s| s > 60 * 60 * 24 * 390), "capped at 400 days by Chromium");
    assert!(ga.at_ms.is_some());
    let unknown = before.cookies.iter().find(|c| c.name == "shop_visitor_x").expect("unclassified cookie");
    assert_eq!(unknown.classification.purpose, Purpose::Unclassified);
    // Set by a third party's script in the first-party jar.
    let gcl = before.cookies.iter().find(|c| c.name == "_gcl_au").expect("_gcl_au from ad.js");
    assert_eq!(gcl.classification.purpose, Purpose::Advertising);
    let by = gcl.set_by.as_ref().and_then(|s| s.url.as_deref()).unwrap_or_default();
    assert!(by.starts_with("http://static.doubleclick.net:"), "{by}");
    // A third-party Set-Cookie over plain HTTP is refused, and recorded.
    let blocked = before.blocked_cookies.iter().find(|c| c.name == "adn_uid").expect("blocked adn_uid");
    assert_eq!(blocked.party, Party::Third);
    assert_eq!(blocked.set_by.kind, SetterKind::Response);
    assert!(!blocked.reasons.is_empty());

    // Storage keys, with lengths only.
    assert!(before.storage.iter().any(|s| s.key == "shop_cart" && s.kind == StorageKind::Local && s.value_length == 2));
    assert!(before.storage.iter().any(|s| s.key == "shop_tab" && s.kind == StorageKind::Session));

    // Third-party requests: parser- and script-initiated, classified by host.
    let dc = before.requests.iter().find(|r| r.host == "static.doubleclick.net").expect("doubleclick request");
    assert_eq!((dc.party, dc.resource_type.as_str(), dc.initiator.kind.as_str()), (Party::Third, "Script", "parser"));
    assert_eq!(dc.classification.purpose, Purpose::Advertising);
    assert_eq!(dc.seen_by, SeenBy::Devtools);
    let t = before.requests.iter().find(|r| r.url.contains("/t.js")).expect("script-inserted tracker");
    assert_eq!(t.initiator.kind, "script");
    assert_eq!(t.classification.purpose, Purpose::Unclassified);
    assert!(before.third_party_hosts.iter().any(|h| h.host == "tracker.adnetwork.test" && h.requests >= 2));
    assert!(!before.requests.iter().any(|r| r.host == "shop.test"));

    // The banner: reject on the first layer, but a small grey link beside big buttons.
    let banner = v.banner.as_ref().expect("banner");
    assert!(banner.found && banner.reject_on_first_layer);
    let kinds: Vec<ControlKind> = banner.controls.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ControlKind::Accept, ControlKind::Settings, ControlKind::Reject]);
    let reject = &banner.controls[banner.reject.expect("reject")];
    assert_eq!((reject.text.as_str(), reject.role.as_str(), reject.looks_like), ("Reject", "link", LooksLike::Link));
    let accept = &banner.controls[banner.accept.expect("accept")];
    assert_eq!(accept.looks_like, LooksLike::Button);
    assert!(accept.rect.width > 100.0 && accept.rect.y > 400.0, "{:?}", accept.rect);
    let prominence = banner.reject_prominence.as_ref().expect("compared");
    assert!(prominence.weaker);
    for reason in ["smaller_area", "styled_as_link", "smaller_font", "lower_contrast"] {
        assert!(prominence.reasons.iter().any(|r| r == reason), "{reason} in {:?}", prominence.reasons);
    }
    assert!(banner.text.as_deref().is_some_and(|t| t.contains("We use cookies")));

    // After rejecting: the consent cookie is added, trackers' cookies stay, a tracker is still called.
    let after = v.after_reject.as_ref().expect("rejected");
    assert_eq!((after.clicked.as_str(), after.method.as_str()), ("Reject", "mouse"));
    assert!(
        after
            .changes
            .cookies_added
            .iter()
            .any(|c| c.name == "CookieConsent" && c.purpose == Purpose::StrictlyNecessary)
    );
    assert!(after.changes.cookies_kept.iter().any(|c| c.name == "_ga"));
    assert!(after.changes.third_party_hosts_after.iter().any(|h| h == "tracker.adnetwork.test"));
    assert!(after.snapshot.requests.iter().any(|r| r.url.contains("after=reject")));
    assert!(!after.snapshot.requests.iter().any(|r| r.url.contains("/ad.js")), "only requests since the click");

    // Screenshots written and pinned.
    let shot = before.screenshot.as_ref().expect("screenshot");
    let png = std::fs::read(&shot.path).expect("the screenshot file");
    assert!(png.starts_with(b"\x89PNG") && png.len() == shot.bytes && shot.sha256.len() == 64);
    assert!(after.snapshot.screenshot.is_some());

    // The evidence is plain serde: it round-trips.
    let json = serde_json::to_string(&evidence).expect("serialises");
    let back: Evidence = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(serde_json::to_string(&back).expect("serialises"), json);
}

#[test]
fn banner_without_reject_on_first_layer() {
    let _serial = serial();
    let evidence = scan(&fixture().url("laden.test", "/"), &options());
    let v = visit(&evidence);
    let banner = v.banner.as_ref().expect("banner");
    assert!(banner.found);
    assert!(!banner.reject_on_first_layer);
    assert_eq!(
        banner.controls.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
        ["Alle akzeptieren", "Einstellungen"]
    );
    assert!(banner.settings.is_some() && banner.reject_prominence.is_none());
    assert!(v.after_reject.is_none());
    assert!(v.notes.iter().any(|n| n.contains("no reject control")));
    let before = v.before.as_ref().expect("before");
    let hotjar = before.third_party_hosts.iter().find(|h| h.host == "static.hotjar.com").expect("hotjar");
    assert_eq!(hotjar.classification.purpose, Purpose::Analytics);
    assert!(before.storage.iter().any(|s| s.key == "_hjSessionUser_42"));
}

#[test]
fn gpc_honoured_and_ignored() {
    let _serial = serial();
    let f = fixture();
    let opts = ScanOptions { gpc: true, ..options() };

    let honour = scan(&f.url("honour.test", "/"), &opts);
    let page = &honour.pages[0];
    let gpc = page.gpc.as_ref().expect("a GPC visit");
    assert!(gpc.visit.gpc && !page.visit.gpc);
    assert_eq!(
        gpc.visit.title.as_deref(),
        Some("Honours GPC (gpc)"),
        "navigator.globalPrivacyControl before page scripts"
    );
    let mut only_without = gpc.comparison.third_party_hosts_only_without_gpc.clone();
    only_without.sort();
    assert_eq!(only_without, ["static.doubleclick.net", "static.hotjar.com", "tracker.adnetwork.test"]);
    assert!(gpc.comparison.cookies_only_without_gpc.iter().any(|c| c.name == "_gcl_au"));
    assert!(gpc.comparison.third_party_hosts_only_with_gpc.is_empty());
    assert!(gpc.comparison.non_essential.with_gpc < gpc.comparison.non_essential.without_gpc);
    // Every request of the GPC visit carried the header, the plain visit's none.
    let hits: Vec<_> = f.hits().into_iter().filter(|h| h.host == "honour.test" && h.path == "/").collect();
    assert_eq!(hits.iter().filter(|h| h.gpc).count(), 1, "{hits:?}");
    assert_eq!(hits.iter().filter(|h| !h.gpc).count(), 1, "{hits:?}");

    let ignore = scan(&f.url("ignore.test", "/"), &opts);
    let gpc = ignore.pages[0].gpc.as_ref().expect("a GPC visit");
    assert!(gpc.comparison.third_party_hosts_only_without_gpc.is_empty(), "{:?}", gpc.comparison);
    assert!(gpc.comparison.cookies_only_without_gpc.is_empty());
    assert_eq!(gpc.comparison.non_essential.with_gpc, gpc.comparison.non_essential.without_gpc);
    let third_party_with_gpc: Vec<_> =
        f.hits().into_iter().filter(|h| h.host == "static.hotjar.com" || h.host == "static.doubleclick.net").collect();
    assert!(third_party_with_gpc.iter().any(|h| h.gpc), "Sec-GPC on third-party requests too");
}

#[test]
fn banner_in_a_cross_site_frame() {
    let _serial = serial();
    let evidence = scan(&fixture().url("framed.test", "/"), &options());
    let v = visit(&evidence);
    let banner = v.banner.as_ref().expect("banner");
    assert!(banner.found && banner.reject_on_first_layer, "{banner:?}");
    assert!(banner.frame_url.as_deref().is_some_and(|u| u.contains("cmp.consentco.test")));
    let reject = &banner.controls[banner.reject.expect("reject")];
    assert_eq!(reject.text, "Decline");
    // Page coordinates: the frame sits at the bottom of the 768 px viewport.
    assert!(reject.rect.y > 600.0, "{:?}", reject.rect);
    assert!(!banner.reject_prominence.as_ref().expect("compared").weaker);
    let after = v.after_reject.as_ref().expect("clicked");
    assert_eq!(after.method, "mouse");
    assert!(
        after.changes.storage_added.iter().any(|s| s.key == "cmp_choice" && s.origin.contains("cmp.consentco.test")),
        "{:?}",
        after.changes
    );
}

#[test]
fn page_that_never_finishes_gives_partial_evidence() {
    let _serial = serial();
    let started = Instant::now();
    let opts = ScanOptions { page_timeout: Duration::from_secs(6), ..options() };
    let evidence = scan(&fixture().url("slow.test", "/"), &opts);
    assert!(started.elapsed() < Duration::from_secs(20), "bounded: {:?}", started.elapsed());
    assert!(!evidence.complete);
    let v = visit(&evidence);
    assert!(!v.complete);
    assert!(v.notes.iter().any(|n| n.contains("did not finish loading") || n.contains("time limit")), "{:?}", v.notes);
    let before = v.before.as_ref().expect("partial snapshot");
    assert!(before.cookies.iter().any(|c| c.name == "_ga"), "what loaded is recorded");
    assert!(before.requests.iter().any(|r| r.host == "tracker.adnetwork.test"));
}

#[test]
fn crawl_and_limits() {
    let _serial = serial();
    let f = fixture();
    let evidence = scan(&f.url("shop.test", "/"), &ScanOptions { max_pages: 2, reject: false, ..options() });
    let urls: Vec<&str> = evidence.pages.iter().map(|p| p.url.as_str()).collect();
    assert_eq!(urls, [f.url("shop.test", "/"), f.url("shop.test", "/about")]);
    assert_eq!(evidence.pages[1].found_on.as_deref(), Some(f.url("shop.test", "/").as_str()));
    assert!(evidence.pages[0].visit.after_reject.is_none());
    // Each visit starts from an empty profile: the first page's cookies are not on the second.
    let second = evidence.pages[1].visit.before.as_ref().expect("before");
    assert!(second.cookies.iter().all(|c| c.name != "_ga"), "{:?}", second.cookies);

    let small = scan(&f.url("shop.test", "/"), &ScanOptions { max_evidence_bytes: 4000, ..options() });
    assert!(small.pages.is_empty() && !small.complete);
    assert!(small.notes.iter().any(|n| n.contains("size limit")));
}

#[test]
fn browser_killed_when_the_caller_panics() {
    let _serial = serial();
    let url = fixture().url("shop.test", "/");
    let opts = options();
    let result = std::panic::catch_unwind(|| {
        juris_scan::scan(&[url], &opts, &|p| {
            if matches!(p, juris_scan::Progress::Banner { .. }) {
                assert!(!browsers_running().is_empty(), "a browser runs mid-scan");
                panic!("caller panics mid-scan");
            }
        })
    });
    assert!(result.is_err());
    assert_no_browser_left();
}

#[test]
fn unreachable_site_is_a_note_not_an_error() {
    let _serial = serial();
    // A loopback port nothing listens on: connection refused.
    let port =
        std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port");
    let evidence = scan(&format!("http://nothing.test:{port}/"), &options());
    let v = visit(&evidence);
    assert!(v.notes.iter().any(|n| n.contains("ERR_CONNECTION_REFUSED")), "{:?}", v.notes);
}

#[test]
fn invalid_urls_are_refused() {
    let e =
        juris_scan::scan(&["file:///etc/passwd".to_owned()], &ScanOptions::default(), &|_| {}).expect_err("refused");
    assert!(e.to_string().contains("http"));
}
