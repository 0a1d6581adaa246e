//! The HTML report, rendered by a real browser (headless Chromium).
//!
//! These tests fail, never skip, when Chromium is missing: the report's
//! promise is what a browser shows, and only a browser can check it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use juris_core::Severity;
use juris_core::jiff::civil::date;
use juris_report::datamap::{self, Concern, Target};
use juris_report::html::{self, ReportInput};
use juris_report::ropa::RopaOptions;
use juris_report::{DueDuty, ModuleCoverage, ReportFinding};

const HOSTILE_NAME: &str = "Acme <script>alert('name')</script> & \"Co\"";
const HOSTILE_SYSTEM: &str = "Web shop\"><img src=x onerror=alert(1)>";

fn manifest_text(hostile: bool) -> String {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/acme.toml")).unwrap();
    if !hostile {
        return text;
    }
    text.replace("name = \"Acme Books\"", &format!("name = {}", toml_string(HOSTILE_NAME)))
        .replace("name = \"Web shop\"", &format!("name = {}", toml_string(HOSTILE_SYSTEM)))
        .replace("name = \"Interest-based advertising\"", "name = \"</svg></table><script>alert(2)</script>\"")
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn finding(rule: &str, severity: Severity, path: &str, waived: bool) -> ReportFinding {
    ReportFinding {
        rule: rule.to_string(),
        module: rule.split('/').next().unwrap_or("").to_string(),
        severity,
        message: format!("{rule} says <b>no</b>"),
        citation: "GDPR Art. 44".to_string(),
        path: Some(path.to_string()),
        line: Some(12),
        docs: Some(format!(
            "# {rule}\n\nWhy it matters. <script>alert('docs')</script>\n\n[more](javascript:alert(3)) and [the law](https://eur-lex.europa.eu/eli/reg/2016/679/oj)"
        )),
        waived,
    }
}

fn findings() -> Vec<ReportFinding> {
    vec![
        finding("eea-uk/transfer-mechanism", Severity::Error, "systems[0].locations[1]", false),
        finding("eea-uk/recipient-contract", Severity::Warning, "recipients[2]", true),
        finding("brazil/encarregado-published", Severity::Warning, "contacts[0]", false),
    ]
}

fn coverage() -> Vec<ModuleCoverage> {
    vec![ModuleCoverage {
        id: "eea-uk".into(),
        version: "0.1.0".into(),
        laws: vec![juris_core::Law::new("Regulation (EU) 2016/679 (GDPR)", date(2026, 1, 31))],
    }]
}

fn duties() -> Vec<DueDuty> {
    vec![
        DueDuty {
            module: "eea-uk".into(),
            action: "respond".into(),
            due: "2026-07-01".into(),
            due_date: Some(date(2026, 7, 1)),
            citation: "GDPR Art. 12(3)".into(),
            note: "one month from receipt".into(),
        },
        DueDuty {
            module: "brazil".into(),
            action: "notify-authority".into(),
            due: "2026-05-20".into(),
            due_date: Some(date(2026, 5, 20)),
            citation: "Res. CD/ANPD 15/2024 Art. 6".into(),
            note: "three working days".into(),
        },
    ]
}

fn render(hostile: bool) -> (String, juris_core::Manifest) {
    let text = manifest_text(hostile);
    let m = juris_core::manifest::parse(&text).unwrap().manifest;
    let (f, c, d) = (findings(), coverage(), duties());
    let options = RopaOptions::default();
    let input = ReportInput {
        manifest: &m,
        source: Some("privacy.toml"),
        as_of: date(2026, 6, 1),
        findings: &f,
        coverage: &c,
        duties: Some(&d),
        ropa: &options,
    };
    (html::render(&input), m)
}

/// Where a test keeps what it made, for a person to look at.
fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("juris-report");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn chromium() -> PathBuf {
    let path = std::env::var_os("CHROMIUM").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    assert!(
        path.exists(),
        "headless Chromium is needed to test the report and was not found at {}: apt-get install chromium (or set CHROMIUM)",
        path.display()
    );
    path
}

/// Runs Chromium headless on `file` with `args`, returning its standard
/// output; killed after a minute so a hung browser fails the test.
fn run_chromium(file: &Path, args: &[&str]) -> String {
    // A profile of its own per run: two Chromiums on one profile hand the
    // page to each other and one of them prints nothing.
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let profile = artifacts().join(format!("chromium-profile-{}-{n}", std::process::id()));
    let mut child = Command::new(chromium())
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", file.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run chromium ({e}): apt-get install chromium"));
    // Read standard output while waiting: a DOM larger than the pipe would
    // otherwise block the browser.
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut out);
        out
    });
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chromium did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let output = reader.join().unwrap();
    let _ = std::fs::remove_dir_all(&profile);
    String::from_utf8_lossy(&output).into_owned()
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn the_browser_shows_one_node_per_system_location_and_one_edge_per_flow() {
    let (page, m) = render(false);
    let file = artifacts().join("report.html");
    std::fs::write(&file, &page).unwrap();
    let dom = run_chromium(&file, &["--dump-dom"]);
    assert!(dom.contains("<svg"), "the browser rendered no SVG:\n{}", &dom[..dom.len().min(2000)]);

    let locations: usize = m.systems.iter().map(|s| s.locations.len()).sum();
    assert_eq!(count(&dom, "data-kind=\"system\""), locations);
    for s in &m.systems {
        for l in &s.locations {
            let node = format!("data-kind=\"system\" data-id=\"{}\" data-location=\"{l}\"", s.id);
            assert_eq!(count(&dom, &node), 1, "{node}");
        }
    }
    assert_eq!(count(&dom, "data-kind=\"recipient\""), m.recipients.len());
    assert_eq!(count(&dom, "data-kind=\"market\""), 3);
    let map = datamap::data_map(&m, &findings());
    assert_eq!(count(&dom, "data-kind=\"flow\""), map.flows.len());
    assert!(map.flows.len() >= 8, "the fixture should have several flows: {}", map.flows.len());
    for flow in &map.flows {
        let to = match &flow.target {
            Target::System { id, location } => format!("system:{id}@{location}"),
            Target::Recipient { id } => format!("recipient:{id}"),
        };
        let edge = format!("data-kind=\"flow\" data-from=\"{}\" data-to=\"{to}\"", flow.market);
        assert_eq!(count(&dom, &edge), 1, "{edge}");
    }
    // The finding about the shop's US location colours the flows there.
    let shop_us = map.flows.iter().filter(
        |f| matches!(&f.target, Target::System { id, location } if id == "shop" && location.to_string() == "US"),
    );
    for f in shop_us {
        assert_eq!(f.concern, Concern::Error);
    }
    assert!(dom.contains("data-to=\"system:shop@US\" data-mechanism=\"scc\" data-concern=\"error\""));
    assert!(dom.contains("data-to=\"recipient:ads\" data-mechanism=\"\" data-concern=\"waived\""));
    // Every arrow can be focused, and says what data it carries.
    assert_eq!(count(&dom, "data-kind=\"flow\""), count(&dom, "tabindex=\"0\""));
    assert!(dom.contains("data: user.contact, user.financial"));

    // The other sections are there, with the rule's documentation embedded.
    for id in [
        "id=\"ropa\"",
        "id=\"findings\"",
        "id=\"duties\"",
        "id=\"coverage\"",
        "id=\"rule-eea-uk_2ftransfer-mechanism\"",
    ] {
        assert!(dom.contains(id), "{id}");
    }
    assert!(dom.contains("href=\"#rule-eea-uk_2ftransfer-mechanism\""));
    assert!(dom.contains("2026-05-20 (overdue)"));

    let png = artifacts().join("report.png");
    let _ = std::fs::remove_file(&png);
    run_chromium(&file, &["--window-size=1400,2200", &format!("--screenshot={}", png.display())]);
    let bytes = std::fs::read(&png).unwrap_or_else(|e| panic!("no screenshot at {}: {e}", png.display()));
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    println!("screenshot of the report: {}", png.display());
}

#[test]
fn the_browser_runs_nothing_from_the_manifest_or_the_docs() {
    let (page, _) = render(true);
    // Nothing in the page is a script or an image, whatever the input said.
    assert!(!page.contains("<script"), "a <script> tag reached the page");
    assert!(!page.contains("<img"), "an <img> tag reached the page");
    assert!(!page.contains("javascript:"));
    assert!(page.contains("default-src 'none'"), "the page forbids scripts and fetches");
    let file = artifacts().join("hostile.html");
    std::fs::write(&file, &page).unwrap();
    let dom = run_chromium(&file, &["--dump-dom"]);
    assert!(!dom.contains("<script"), "the browser built a script element");
    assert!(!dom.contains("<img"), "the browser built an image element");
    // The text is shown as text.
    assert!(dom.contains("Acme &lt;script&gt;alert('name')&lt;/script&gt; &amp; \"Co\""));
    assert!(dom.contains("Web shop\"&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(dom.contains("&lt;/svg&gt;&lt;/table&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
    // The hostile names did not break the picture: every node is still there.
    assert_eq!(count(&dom, "data-kind=\"system\""), 4);
}

#[test]
fn an_empty_manifest_still_makes_a_page() {
    let m = juris_core::manifest::parse("manifest = 1\n[organization]\nname = \"Empty\"\n").unwrap().manifest;
    let options = RopaOptions::default();
    let input = ReportInput {
        manifest: &m,
        source: None,
        as_of: date(2026, 1, 1),
        findings: &[],
        coverage: &[],
        duties: None,
        ropa: &options,
    };
    let page = html::render(&input);
    assert!(page.contains("No markets, systems or recipients are recorded."));
    assert!(page.contains("No module checked this manifest"));
    assert!(!page.contains("id=\"duties\""));
}
