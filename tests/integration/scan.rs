//! `juris scan` and `juris check --evidence` as a privacy team runs them: a
//! real headless Chromium visits fixture sites served on loopback (every host
//! name mapped to 127.0.0.1 with `--host-resolver-rules`, so no traffic leaves
//! the machine), and the evidence it writes makes the modules and the host
//! rule on what the sites did. Without Chromium these tests fail: install it
//! (`apt-get install chromium`; `.ci/run` does).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

use crate::util::*;

/// The fixture server's port; it serves every site by its `Host` header.
fn port() -> u16 {
    static PORT: OnceLock<u16> = OnceLock::new();
    *PORT.get_or_init(|| {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().expect("address").port();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                std::thread::spawn(move || serve(stream, port));
            }
        });
        port
    })
}

fn serve(mut stream: TcpStream, port: u16) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut host = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("host:") {
            host = value.trim().split(':').next().unwrap_or("").to_string();
        }
    }
    let (content_type, body) = site(&host, &path, port);
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body.as_bytes());
}

const BANNER: &str = "position:fixed;left:0;right:0;bottom:0;background:#fafafa;padding:24px;font-family:sans-serif";
const BUTTON: &str = "background:#0a7d2c;color:#fff;font-size:18px;padding:14px 48px;border:0;border-radius:4px";

fn page(title: &str, head: &str, controls: &str, script: &str) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><title>{title}</title>{head}</head><body><h1>{title}</h1>
<div id="cookie-banner" style="{BANNER}"><p>We use cookies for analytics and advertising. See our privacy policy.</p>{controls}</div>
<script>function closeBanner() {{ document.getElementById("cookie-banner").remove(); }}
{script}</script></body></html>"#
    )
}

fn site(host: &str, path: &str, p: u16) -> (&'static str, String) {
    let html = "text/html; charset=utf-8";
    let accept = format!(r#"<button id="accept" style="{BUTTON}" onclick="closeBanner()">Accept all</button>"#);
    let reject = format!(r#"<button id="reject" style="{BUTTON}">Reject all</button>"#);
    let settings = format!(r#"<button id="settings" style="{BUTTON}">Manage preferences</button>"#);
    let trackers = format!(
        r#"<script>document.cookie = "_ga=GA1.1.1234567890.1700000000; path=/; max-age=63072000";</script>
<script src="http://www.google-analytics.com:{p}/analytics.js"></script>
<script src="http://static.doubleclick.net:{p}/ad.js"></script>"#
    );
    match (host, path) {
        // Analytics and advertising before any choice; no reject on the first layer.
        ("adshop.test", "/") => (html, page("Ad shop", &trackers, &format!("{accept}{settings}"), "")),
        // Nothing before the choice; reject works and stores only the choice.
        ("fair.test", "/") => (
            html,
            page(
                "Fair shop",
                "",
                &format!("{accept}{reject}"),
                r#"document.getElementById("reject").addEventListener("click", function () {
  document.cookie = "CookieConsent=necessary; path=/; max-age=31536000"; closeBanner(); });"#,
            ),
        ),
        // Loads the advertising tag whatever GPC says.
        ("gpc-ignored.test", "/") => (
            html,
            page(
                "Ignores GPC",
                "",
                &format!("{accept}{reject}"),
                &format!(
                    r#"new Image().src = "http://ad.doubleclick.net:{p}/pixel?gpc=" + navigator.globalPrivacyControl;"#
                ),
            ),
        ),
        // Loads it only without GPC.
        ("gpc-honoured.test", "/") => (
            html,
            page(
                "Honours GPC",
                "",
                &format!("{accept}{reject}"),
                &format!(
                    r#"if (!navigator.globalPrivacyControl) {{ new Image().src = "http://ad.doubleclick.net:{p}/pixel"; }}"#
                ),
            ),
        ),
        (_, path) if path.ends_with(".js") => ("application/javascript", "window.loaded = true;".to_string()),
        _ => ("image/gif", String::new()),
    }
}

fn url(host: &str) -> String {
    format!("http://{host}:{}/", port())
}

/// Runs `juris scan` on loopback and returns the evidence file and its JSON.
fn scan(dir: &TempDir, name: &str, urls: &[String], extra: &[&str]) -> (PathBuf, Value) {
    let out = dir.path().join(name);
    let mut args: Vec<&str> = vec!["scan", "--host-resolver-rules", "MAP * 127.0.0.1, EXCLUDE localhost"];
    args.extend(urls.iter().map(String::as_str));
    args.extend(["--timeout", "25", "--out", out.to_str().unwrap()]);
    args.extend(extra);
    let output = run(&args);
    assert_eq!(output.status.code(), Some(0), "juris scan failed: {}", stderr(&output));
    let evidence: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    (out, evidence)
}

const MANIFEST: &str = r#"manifest = 1

[organization]
name = "Shop"
established = ["DE"]
markets = ["EEA", "US-CA"]
annual_revenue_usd = 40_000_000

[[activities]]
id = "analytics"
name = "Site analytics"
uses = ["analytics.reporting"]
data_categories = ["user.device.cookie_id"]
data_subjects = ["customer"]
legal_basis = "consent"
retention = { period = "P1Y", from = "collection" }
sells_or_shares = true

[[cookies]]
name = "CookieConsent"
purpose = "strictly_necessary"
lifetime = "P1Y"

[consent]
default = { mode = "opt-in", banner = { reject_on_first_layer = true } }
"US-CA" = { mode = "opt-out", honors_gpc = true }

[notices]
do_not_sell_or_share_link = true
"#;

/// `juris check --evidence` in JSON: the exit code and the findings.
fn check(dir: &TempDir, evidence: &Path) -> (Option<i32>, Vec<Value>) {
    let manifest = dir.write("privacy.toml", MANIFEST.as_bytes());
    let output = run(&[
        "check",
        manifest.to_str().unwrap(),
        "--evidence",
        evidence.to_str().unwrap(),
        "--format",
        "json",
        "--as-of",
        "2026-11-29",
    ]);
    let report = json(&output);
    let findings = report["findings"].as_array().cloned().unwrap_or_default();
    (output.status.code(), findings)
}

fn fired<'a>(findings: &'a [Value], rule: &str) -> Vec<&'a Value> {
    findings.iter().filter(|f| f["rule"] == rule).collect()
}

#[test]
fn a_site_that_tracks_before_the_choice_is_reported_with_its_evidence() {
    let dir = TempDir::new("scan-adshop");
    let (path, evidence) = scan(&dir, "adshop.json", &[url("adshop.test")], &[]);
    assert_eq!(evidence["evidence"], 1);
    let before = &evidence["pages"][0]["visit"]["before"];
    let ga = before["cookies"].as_array().unwrap().iter().find(|c| c["name"] == "_ga").expect("_ga recorded");
    assert_eq!(ga["classification"]["purpose"], "analytics");
    assert_eq!(ga["party"], "first");
    let hosts: Vec<&str> =
        before["third_party_hosts"].as_array().unwrap().iter().map(|h| h["host"].as_str().unwrap()).collect();
    assert!(hosts.contains(&"www.google-analytics.com") && hosts.contains(&"static.doubleclick.net"), "{hosts:?}");
    assert_eq!(evidence["pages"][0]["visit"]["banner"]["reject_on_first_layer"], false);

    let (code, findings) = check(&dir, &path);
    assert_eq!(code, Some(1), "{findings:#?}");
    let before = fired(&findings, "eea-uk/cookie-consent-required");
    assert_eq!(before.len(), 1, "{findings:#?}");
    let message = before[0]["message"].as_str().unwrap();
    assert!(message.contains("cookie `_ga` (analytics") && message.contains("www.google-analytics.com"), "{message}");
    assert!(message.contains("adshop.test"), "{message}");
    assert_eq!(fired(&findings, "eea-uk/observed-banner-reject").len(), 1, "{findings:#?}");
    assert_eq!(fired(&findings, "brazil/observed-before-consent").len(), 0, "no Brazilian market");
    // The manifest declares `CookieConsent` only: `_ga` is drift, and its
    // claim of a first-layer reject is contradicted.
    let undeclared = fired(&findings, "juris/cookie-undeclared");
    assert!(undeclared.iter().any(|f| f["message"].as_str().unwrap().contains("`_ga`")), "{findings:#?}");
    assert_eq!(fired(&findings, "juris/banner-contradicted").len(), 1, "{findings:#?}");
    // Google's hosts are no recipient's and no cookie's provider: drift too.
    let third = fired(&findings, "juris/third-party-undeclared");
    assert_eq!(third.len(), 1, "{findings:#?}");
    let message = third[0]["message"].as_str().unwrap();
    assert!(message.contains("www.google-analytics.com (Google, Google Analytics; analytics"), "{message}");
    assert!(message.contains("static.doubleclick.net (Google"), "{message}");

    // Declared as a recipient under its legal name, Google is no longer drift.
    let declared = MANIFEST.replace(
        "[[cookies]]",
        "[[recipients]]\nid = \"google\"\nname = \"Google Ireland Limited\"\nrole = \"third_party\"\ncountry = \"IE\"\n\n[[cookies]]",
    );
    let manifest = dir.write("declared.toml", declared.as_bytes());
    let output = run(&["check", manifest.to_str().unwrap(), "--evidence", path.to_str().unwrap(), "--format", "json"]);
    let report = json(&output);
    let findings = report["findings"].as_array().cloned().unwrap_or_default();
    assert!(!findings.is_empty(), "{}", stderr(&output));
    assert_eq!(fired(&findings, "juris/third-party-undeclared").len(), 0, "{findings:#?}");
}

#[test]
fn a_site_whose_reject_works_passes_the_observation_rules() {
    let dir = TempDir::new("scan-fair");
    let (path, evidence) = scan(&dir, "fair.json", &[url("fair.test")], &[]);
    let visit = &evidence["pages"][0]["visit"];
    assert_eq!(visit["banner"]["reject_on_first_layer"], true);
    assert_eq!(visit["after_reject"]["clicked"], "Reject all");
    let (_, findings) = check(&dir, &path);
    for rule in [
        "eea-uk/cookie-consent-required",
        "eea-uk/observed-after-reject",
        "eea-uk/observed-banner-reject",
        "juris/cookie-undeclared",
        "juris/banner-contradicted",
        "juris/third-party-undeclared",
    ] {
        assert!(fired(&findings, rule).is_empty(), "{rule}: {findings:#?}");
    }
}

#[test]
fn gpc_ignored_fails_and_gpc_honoured_passes() {
    let dir = TempDir::new("scan-gpc");
    let urls = [url("gpc-ignored.test"), url("gpc-honoured.test")];
    let (path, evidence) = scan(&dir, "gpc.json", &urls, &["--gpc"]);
    assert_eq!(evidence["settings"]["gpc"], true);
    assert_eq!(evidence["pages"].as_array().unwrap().len(), 2);
    let (code, findings) = check(&dir, &path);
    assert_eq!(code, Some(1));
    let ignored = fired(&findings, "california/observed-gpc-ignored");
    assert_eq!(ignored.len(), 1, "{findings:#?}");
    let message = ignored[0]["message"].as_str().unwrap();
    assert!(message.contains("gpc-ignored.test") && message.contains("ad.doubleclick.net"), "{message}");
    // The manifest says GPC is honoured; the host says one site does not.
    let contradicted = fired(&findings, "juris/banner-contradicted");
    assert!(contradicted.iter().any(|f| f["path"] == "consent.US-CA.honors_gpc"), "{findings:#?}");
}

#[test]
fn bad_scan_input_is_exit_2_with_a_message() {
    let cases: [(&[&str], &str); 5] = [
        (&["scan", "file:///etc/passwd"], "only http and https"),
        (&["scan", "not a url"], "is not a URL"),
        (&["scan", "http://shop.test/", "--timeout", "0"], "--timeout"),
        (&["scan", "http://shop.test/", "--browser", "/no/such/chromium"], "/no/such/chromium"),
        (&["scan", "http://shop.test/", "--browser", "/bin/false"], "/bin/false"),
    ];
    for (args, expected) in cases {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr(&output));
        let err = stderr(&output);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn bad_evidence_is_exit_2_at_file_line_column() {
    let dir = TempDir::new("scan-bad-evidence");
    let manifest = dir.write("privacy.toml", MANIFEST.as_bytes());
    let big = dir.path().join("big.json");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(crate::scan::MAX_EVIDENCE + 1).unwrap();
    let cases = [
        (dir.write("not-json.json", b"{\n  \"evidence\": 1,\n  oops\n}"), "not-json.json:3:3"),
        (dir.write("version.json", b"{\"evidence\": 7, \"pages\": []}"), "version 7"),
        (dir.write("wrong.json", b"{\"evidence\": 1, \"pages\": 3}"), "wrong.json:1:"),
        (big, "big.json"),
    ];
    for (evidence, expected) in cases {
        let output = run(&["check", manifest.to_str().unwrap(), "--evidence", evidence.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        let err = stderr(&output);
        assert!(err.contains(expected), "{expected}: {err}");
        assert!(
            err.contains("is not a valid juris evidence file"),
            "the closing line names the evidence, not the manifest: {err}"
        );
        assert!(!err.contains("not a valid juris manifest"), "{err}");
    }
}

/// The evidence size juris reads at most (crates/cli/evidence.rs).
const MAX_EVIDENCE: u64 = 64 * 1024 * 1024;
