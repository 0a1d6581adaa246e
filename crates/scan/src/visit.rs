//! One visit of one page in a fresh browser: navigate, let it settle, take
//! the "before" snapshot and read the banner, click reject where offered, let
//! it settle again, take the "after" snapshot.
//!
//! Every step has a bound, and the whole visit has a deadline. When the
//! deadline passes the visit's future is dropped mid-step, and what was
//! recorded until then (network events arrive in the background) becomes a
//! partial snapshot with a note: a page that never settles cannot hang a scan.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chromiumoxide::cdp::browser_protocol::network::{
    EventLoadingFailed, EventLoadingFinished, EventRequestWillBeSent, EventResponseReceived,
    EventResponseReceivedExtraInfo,
};
use chromiumoxide::cdp::browser_protocol::page::{EventFrameNavigated, EventLoadEventFired};
use chromiumoxide::cdp::js_protocol::runtime::EventBindingCalled;
use chromiumoxide::handler::HandlerConfig;
use chromiumoxide::{Browser, Page};
use futures::{Stream, StreamExt};
use jiff::Timestamp;
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::Digest as _;
use tokio::time::Instant;

use crate::banner::{self, Candidate, Found};
use crate::browser::{BrowserProcess, LaunchSpec};
use crate::cdp;
use crate::classify::{classify_cookie, classify_host};
use crate::cookie_line;
use crate::evidence::*;
use crate::site::{self, Party};
use crate::{Progress, ScanError};

/// Caps that keep one snapshot's evidence bounded on pages that make
/// thousands of requests or cookies.
const MAX_REQUESTS: usize = 3000;
const MAX_COOKIES: usize = 1000;
const MAX_STORAGE: usize = 1000;
const MAX_FRAMES: usize = 40;
const MAX_URL: usize = 2000;
/// No network event for this long (and nothing in flight) counts as settled.
const QUIET: Duration = Duration::from_millis(500);
/// No network event for this long counts as settled even with requests in flight
/// (long polls, streams, a request the server never answers).
const QUIET_BUSY: Duration = Duration::from_millis(1500);
/// Time kept back from the deadline to read what was recorded.
const RESERVE: Duration = Duration::from_millis(2500);
const STEP: Duration = Duration::from_secs(5);

/// What one visit is asked to do.
pub(crate) struct VisitConfig {
    pub launch: LaunchSpec,
    pub url: String,
    pub gpc: bool,
    pub reject: bool,
    pub deadline: Instant,
    /// Directory and file stem for screenshots.
    pub screenshots: Option<(PathBuf, String)>,
}

/// What a visit produced besides its evidence.
pub(crate) struct VisitOutcome {
    pub visit: Visit,
    /// Links on the page, for crawling.
    pub links: Vec<String>,
    pub version: Option<BrowserInfo>,
}

/// Runs one visit. Fails only when the browser cannot be started; everything
/// that goes wrong later is a note in the visit.
pub(crate) async fn run(
    cfg: VisitConfig,
    progress: &(dyn Fn(&Progress) + Send + Sync),
) -> Result<VisitOutcome, ScanError> {
    let t0 = Instant::now();
    let mut visit = Visit { gpc: cfg.gpc, started_at: Some(Timestamp::now()), ..Visit::default() };
    let spec = cfg.launch.clone();
    let launch_bound = remaining(cfg.deadline).min(Duration::from_secs(20));
    let process = tokio::task::spawn_blocking(move || BrowserProcess::launch(&spec, launch_bound))
        .await
        .map_err(|e| ScanError::Launch(format!("the browser launch task failed: {e}")))??;
    let config = HandlerConfig {
        // The window includes headless Chromium's emulated browser frame; the
        // viewport is what a page (and the banner's geometry) sees.
        viewport: Some(chromiumoxide::handler::viewport::Viewport {
            width: cfg.launch.window.0,
            height: cfg.launch.window.1,
            device_scale_factor: Some(1.0),
            ..Default::default()
        }),
        request_timeout: Duration::from_secs(10),
        ignore_https_errors: cfg.launch.ignore_certificate_errors,
        ..HandlerConfig::default()
    };
    let (browser, mut handler) = match tokio::time::timeout(
        STEP.min(remaining(cfg.deadline)),
        Browser::connect_with_config(process.ws_url.clone(), config),
    )
    .await
    {
        Ok(Ok(pair)) => pair,
        Ok(Err(e)) => return Err(ScanError::Launch(format!("cannot connect to the browser: {e}"))),
        Err(_) => return Err(ScanError::Launch("the browser did not accept a DevTools connection in time".to_owned())),
    };
    let handler_task = AbortOnDrop(tokio::spawn(async move { while handler.next().await.is_some() {} }));
    let version =
        match tokio::time::timeout(STEP, browser.execute(cdp::Raw::new("Browser.getVersion", json!({})))).await {
            Ok(Ok(v)) => cdp::parse::<cdp::Version>("Browser.getVersion", v.result).ok().map(|v| BrowserInfo {
                product: v.product,
                revision: v.revision,
                user_agent: v.user_agent,
                protocol_version: v.protocol_version,
                js_version: v.js_version,
                executable: cfg.launch.executable.display().to_string(),
            }),
            _ => None,
        };
    let page = match tokio::time::timeout(STEP.min(remaining(cfg.deadline)), browser.new_page("about:blank")).await {
        Ok(Ok(page)) => page,
        Ok(Err(e)) => return Err(ScanError::Launch(format!("cannot open a tab: {e}"))),
        Err(_) => return Err(ScanError::Launch("the browser did not open a tab in time".to_owned())),
    };

    let recorder = Arc::new(Mutex::new(Recorder::default()));
    let mut state = State::default();
    let bound = remaining(cfg.deadline);
    let finished =
        tokio::time::timeout(bound, session(&page, &recorder, &cfg, &mut visit, &mut state, progress)).await.is_ok();
    if !finished {
        visit.notes.push(format!(
            "the visit reached its time limit ({:.0} s) while {}; the evidence is what was recorded until then",
            cfg.deadline.saturating_duration_since(t0).as_secs_f64(),
            state.phase
        ));
        visit.complete = false;
        // A last look, bounded, at what the browser holds.
        let grace = Duration::from_millis(2000);
        if visit.before.is_none() {
            let snap = tokio::time::timeout(grace, snapshot(&page, &recorder, &cfg, &state, 0, false, grace)).await;
            visit.before = Some(match snap {
                Ok(s) => s.snapshot,
                Err(_) => recorded_only(&recorder, &state, 0),
            });
        } else if state.clicked.is_some() && visit.after_reject.is_none() {
            let snap =
                match tokio::time::timeout(grace, snapshot(&page, &recorder, &cfg, &state, 1, false, grace)).await {
                    Ok(s) => s.snapshot,
                    Err(_) => recorded_only(&recorder, &state, 1),
                };
            if let (Some(before), Some((text, method, at_ms))) = (&visit.before, state.clicked.clone()) {
                let changes = changes(before, &snap);
                visit.after_reject =
                    Some(AfterReject { clicked: text, method, at_ms, navigated: false, snapshot: snap, changes });
            }
        }
    }
    visit.final_url = visit.final_url.take().or_else(|| lock(&recorder).main_url.clone());
    visit.status = visit.status.or(lock(&recorder).status);
    visit.duration_ms = t0.elapsed().as_millis() as u64;

    drop(page);
    drop(browser);
    drop(handler_task);
    drop(process);
    Ok(VisitOutcome { visit, links: state.links, version })
}

/// What the session learnt that the visit's end needs, kept outside the
/// session's future so a timeout does not lose it.
#[derive(Default)]
struct State {
    phase: &'static str,
    site: String,
    page_host: String,
    /// Browser epoch ms when the before snapshot was read (splits Resource Timing entries).
    before_epoch_ms: Option<f64>,
    clicked: Option<(String, String, u64)>,
    links: Vec<String>,
}

async fn session(
    page: &Page,
    recorder: &Arc<Mutex<Recorder>>,
    cfg: &VisitConfig,
    visit: &mut Visit,
    state: &mut State,
    progress: &(dyn Fn(&Progress) + Send + Sync),
) {
    state.phase = "preparing the tab";
    let host = site::url_host(&cfg.url).unwrap_or_default();
    state.site = site::registrable_domain(&host);
    state.page_host = host;
    let binding = format!("__juris_{:016x}", rand_u64());
    let init = include_str!("js/init.js")
        .replace("__JURIS_BINDING__", &serde_json::to_string(&binding).unwrap_or_default())
        .replace("__JURIS_GPC__", if cfg.gpc { "true" } else { "false" });
    let mut setup = vec![
        ("Runtime.addBinding", json!({ "name": binding })),
        ("Page.addScriptToEvaluateOnNewDocument", json!({ "source": init })),
    ];
    if cfg.gpc {
        setup.push(("Network.setExtraHTTPHeaders", json!({ "headers": { "Sec-GPC": "1" } })));
    }
    for (method, params) in setup {
        if let Err(e) = cdp::call(page, method, params, STEP).await {
            visit.notes.push(format!("setup failed: {e}"));
        }
    }
    match cdp::frames(page, STEP, 1).await {
        Ok(frames) => lock(recorder).main_frame = frames.first().map(|f| f.id.clone()),
        Err(e) => visit.notes.push(format!("cannot read the frame tree: {e}")),
    }
    let _collector = match listen(page, recorder.clone(), binding).await {
        Ok(task) => task,
        Err(e) => {
            visit.notes.push(format!("cannot listen to browser events: {e}"));
            return;
        }
    };

    state.phase = "loading the page";
    crate::emit(progress, Progress::Loading { url: cfg.url.clone(), gpc: cfg.gpc });
    lock(recorder).navigate_sent = Some(Instant::now());
    let nav_page = page.clone();
    let nav_url = cfg.url.clone();
    let nav_recorder = recorder.clone();
    let nav_bound = remaining(cfg.deadline);
    let _navigation = AbortOnDrop(tokio::spawn(async move {
        // Page.navigate answers when the document commits (or fails), which a
        // stalled server may never let happen: watched, not awaited.
        match cdp::call(&nav_page, "Page.navigate", json!({ "url": nav_url }), nav_bound).await {
            Ok(answer) => {
                if let Some(error) = answer.get("errorText").and_then(Value::as_str).filter(|e| !e.is_empty()) {
                    lock(&nav_recorder).navigation_error = Some(error.to_owned());
                }
            }
            Err(e) => lock(&nav_recorder).navigation_error = Some(e),
        }
    }));
    let load_bound = remaining(cfg.deadline).saturating_sub(RESERVE).min(Duration::from_secs(20));
    let settled =
        settle(recorder, |r| r.navigations >= 1 && r.loaded_since_navigation(), Duration::ZERO, load_bound).await;
    if let Some(error) = lock(recorder).navigation_error.clone() {
        visit.notes.push(format!("navigation failed: {error}"));
    }
    match settled {
        Settled::Yes => {}
        Settled::NoLoad => {
            visit.notes.push(format!(
                "the page did not finish loading within {:.0} s (no load event); the snapshot shows it as it stood",
                load_bound.as_secs_f64()
            ));
            visit.complete = false;
        }
        Settled::Busy => {
            visit.notes.push(format!(
                "the network did not settle within {:.0} s; the snapshot shows it as it stood",
                load_bound.as_secs_f64()
            ));
        }
    }
    let incomplete_so_far = settled == Settled::NoLoad;

    state.phase = "reading the page before any interaction";
    let bound = remaining(cfg.deadline).saturating_sub(RESERVE / 2).min(Duration::from_secs(10));
    let before = snapshot(page, recorder, cfg, state, 0, true, bound).await;
    state.before_epoch_ms = before.epoch_ms;
    state.links = before.links.clone();
    visit.title = before.title.clone();
    visit.final_url = before.final_url.clone();
    visit.notes.extend(before.notes.iter().cloned());
    let banner = before.banner.clone().unwrap_or_default();
    let target = before.reject_target.clone();
    visit.before = Some(before.snapshot);
    visit.banner = Some(banner.clone());
    crate::emit(
        progress,
        Progress::Banner {
            url: cfg.url.clone(),
            gpc: cfg.gpc,
            found: banner.found,
            reject_on_first_layer: banner.reject_on_first_layer,
        },
    );

    if !banner.found {
        visit.notes.push("no consent banner found on the first layer".to_owned());
    } else if !banner.reject_on_first_layer {
        visit.notes.push("the first layer offers no reject control; nothing was clicked".to_owned());
    }
    let Some(target) = target.filter(|_| cfg.reject) else {
        visit.complete = !incomplete_so_far;
        return;
    };

    state.phase = "rejecting";
    let navigations = lock(recorder).navigations;
    lock(recorder).phase = 1;
    let at_ms = lock(recorder).now_ms();
    let method = match click(page, &target).await {
        Ok(method) => method,
        Err(e) => {
            visit.notes.push(format!("could not click reject: {e}"));
            lock(recorder).phase = 0;
            visit.complete = false;
            return;
        }
    };
    state.clicked = Some((target.text.clone(), method.clone(), at_ms));
    crate::emit(progress, Progress::Rejected { url: cfg.url.clone(), gpc: cfg.gpc, control: target.text.clone() });
    state.phase = "waiting after the reject click";
    let bound = remaining(cfg.deadline).saturating_sub(RESERVE).min(Duration::from_secs(8));
    // Give handlers a moment even on a silent network, and wait for a reload's load event.
    tokio::time::sleep(Duration::from_millis(300).min(bound)).await;
    let ready = |r: &Recorder| r.navigations == navigations || r.loaded_since_navigation();
    let settled = settle(recorder, ready, Duration::from_millis(700), bound).await;
    if settled != Settled::Yes {
        visit.notes.push(format!("after the reject click the page did not settle within {:.0} s", bound.as_secs_f64()));
    }
    state.phase = "reading the page after rejecting";
    let bound = remaining(cfg.deadline).saturating_sub(RESERVE / 2).min(Duration::from_secs(10));
    let after = snapshot(page, recorder, cfg, state, 1, false, bound).await;
    visit.notes.extend(after.notes.iter().cloned());
    let navigated = lock(recorder).navigations > navigations;
    if let Some(before) = &visit.before {
        let changes = changes(before, &after.snapshot);
        visit.after_reject = Some(AfterReject {
            clicked: target.text.clone(),
            method,
            at_ms,
            navigated,
            snapshot: after.snapshot,
            changes,
        });
    }
    visit.complete = !incomplete_so_far && settled == Settled::Yes;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Settled {
    Yes,
    /// The load event did not fire.
    NoLoad,
    /// Loaded, but the network never went quiet.
    Busy,
}

/// Waits until the page is `loaded`, at least `min` has passed, and the
/// network is quiet; at most `bound`.
async fn settle(
    recorder: &Arc<Mutex<Recorder>>,
    loaded: impl Fn(&Recorder) -> bool,
    min: Duration,
    bound: Duration,
) -> Settled {
    let start = Instant::now();
    loop {
        {
            let r = lock(recorder);
            let loaded = loaded(&r);
            let quiet = r.last_activity.map_or(start.elapsed(), |t| t.elapsed());
            let network_quiet = (r.in_flight.is_empty() && quiet >= QUIET) || quiet >= QUIET_BUSY;
            if loaded && network_quiet && start.elapsed() >= min {
                return Settled::Yes;
            }
            if start.elapsed() >= bound {
                return if loaded { Settled::Busy } else { Settled::NoLoad };
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Where the reject control is, to click it.
#[derive(Clone, Debug)]
struct ClickTarget {
    context: i64,
    index: usize,
    offset: (f64, f64),
    text: String,
}

/// Clicks like a person where the control's centre is not covered; otherwise
/// (another element over it) with `element.click()`.
async fn click(page: &Page, target: &ClickTarget) -> Result<String, String> {
    let locate = format!(
        "(function(i){{var el=window.__jurisControls&&window.__jurisControls[i];if(!el||!el.isConnected)return JSON.stringify({{ok:false}});\
         try{{el.scrollIntoView({{block:'center',inline:'center',behavior:'instant'}});}}catch(e){{}}\
         var r=el.getBoundingClientRect(),x=r.left+r.width/2,y=r.top+r.height/2;\
         var root=el.getRootNode&&el.getRootNode().elementFromPoint?el.getRootNode():document;\
         var hit=root.elementFromPoint(x,y);return JSON.stringify({{ok:true,x:x,y:y,hit:!!hit&&(hit===el||el.contains(hit))}});}})({})",
        target.index
    );
    let found = cdp::evaluate_json(page, target.context, locate, STEP).await?;
    if found.get("ok").and_then(Value::as_bool) != Some(true) {
        return Err("the control is no longer in the page".to_owned());
    }
    let coord = |k: &str| found.get(k).and_then(Value::as_f64).unwrap_or(0.0);
    if found.get("hit").and_then(Value::as_bool) == Some(true) {
        cdp::click(page, coord("x") + target.offset.0, coord("y") + target.offset.1, STEP).await?;
        Ok("mouse".to_owned())
    } else {
        let script = format!(
            "(function(i){{var el=window.__jurisControls[i];el.click();return JSON.stringify(true);}})({})",
            target.index
        );
        cdp::evaluate_json(page, target.context, script, STEP).await?;
        Ok("script".to_owned())
    }
}

/// A snapshot and what reading the page gave besides.
struct Taken {
    snapshot: Snapshot,
    banner: Option<Banner>,
    reject_target: Option<ClickTarget>,
    links: Vec<String>,
    title: Option<String>,
    final_url: Option<String>,
    epoch_ms: Option<f64>,
    notes: Vec<String>,
}

/// What `js/collect.js` returns for one frame.
#[derive(Debug, Default, Deserialize)]
struct FrameReport {
    #[serde(default)]
    url: String,
    #[serde(default)]
    origin: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    now: Option<f64>,
    #[serde(default)]
    time_origin: Option<f64>,
    #[serde(default)]
    local: Vec<(String, usize)>,
    #[serde(default)]
    session: Vec<(String, usize)>,
    #[serde(default)]
    resources: Vec<(String, String, f64)>,
    #[serde(default)]
    links: Vec<String>,
    #[serde(default)]
    candidates: Vec<Candidate>,
    #[serde(default)]
    containers: Vec<String>,
}

/// Reads cookies, storage, requests (phase 0: before, 1: after the click),
/// and with `banner` the consent controls and links, within `bound`.
async fn snapshot(
    page: &Page,
    recorder: &Arc<Mutex<Recorder>>,
    cfg: &VisitConfig,
    state: &State,
    phase: u8,
    banner: bool,
    bound: Duration,
) -> Taken {
    let start = Instant::now();
    let left = || bound.saturating_sub(start.elapsed());
    let mut notes = Vec::new();
    let at_ms = lock(recorder).now_ms();
    let jar = match cdp::call(page, "Storage.getCookies", json!({}), left().min(STEP)).await {
        Ok(v) => cdp::parse::<cdp::Cookies>("Storage.getCookies", v).map(|c| c.cookies).unwrap_or_else(|e| {
            notes.push(e);
            Vec::new()
        }),
        Err(e) => {
            notes.push(format!("cannot read cookies: {e}"));
            Vec::new()
        }
    };
    let frames = match cdp::frames(page, left().min(STEP), MAX_FRAMES).await {
        Ok(f) => f,
        Err(e) => {
            notes.push(format!("cannot list frames: {e}"));
            Vec::new()
        }
    };
    let opts = json!({ "maxKeys": 500, "maxResources": 3000, "links": false, "banner": banner,
        "context": banner::CONTEXT_PATTERN });
    let mut reports: Vec<(cdp::FrameInfo, i64, FrameReport)> = Vec::new();
    let mut unreadable = 0usize;
    for (i, frame) in frames.iter().enumerate() {
        if left().is_zero() {
            unreadable += frames.len() - i;
            break;
        }
        let bound = left().min(Duration::from_secs(3));
        let Ok(context) = cdp::isolated_world(page, &frame.id, bound).await else {
            unreadable += 1;
            continue;
        };
        let mut opts = opts.clone();
        opts["links"] = (i == 0 && banner).into();
        let expression = format!("{}({})", include_str!("js/collect.js").trim_end(), opts);
        match cdp::evaluate_json(page, context, expression, bound).await {
            Ok(v) => match serde_json::from_value::<FrameReport>(v) {
                Ok(report) => reports.push((frame.clone(), context, report)),
                Err(_) => unreadable += 1,
            },
            Err(_) => unreadable += 1,
        }
    }
    if unreadable > 0 {
        notes.push(format!(
            "{unreadable} of {} frames could not be read (storage and banner not seen there)",
            frames.len()
        ));
    }

    // Banner: the first frame (the page itself first) whose controls include accept or reject.
    let mut found_banner = None;
    let mut reject_target = None;
    if banner {
        for (frame, context, report) in &reports {
            if report.candidates.is_empty() {
                continue;
            }
            let offset = if frame.parent_id.is_some() {
                cdp::frame_offset(page, &frame.id, left().min(Duration::from_secs(2))).await.unwrap_or((0.0, 0.0))
            } else {
                (0.0, 0.0)
            };
            let (mut b, found): (Banner, Vec<Found>) = banner::analyse(&report.candidates, &report.containers, offset);
            if b.accept.is_none() && b.reject.is_none() {
                continue;
            }
            if frame.parent_id.is_some() {
                b.frame_url = Some(cut(&report.url));
            }
            if let Some(r) = b.reject {
                reject_target = found.get(r).map(|f| ClickTarget {
                    context: *context,
                    index: f.index,
                    offset,
                    text: f.control.text.clone(),
                });
            }
            found_banner = Some(b);
            break;
        }
    }

    let main = reports.first().filter(|(f, _, _)| f.parent_id.is_none());
    let epoch_ms = main.and_then(|(_, _, r)| r.now);
    let title = main.and_then(|(_, _, r)| r.title.clone()).filter(|t| !t.is_empty());
    let final_url = main.map(|(_, _, r)| cut(&r.url)).or_else(|| frames.first().map(|f| cut(&f.url)));
    let links = main.map(|(_, _, r)| r.links.clone()).unwrap_or_default();

    let mut snapshot = {
        let r = lock(recorder);
        build(&r, &jar, &reports, state, phase, at_ms, &mut notes)
    };
    if let Some((dir, stem)) = &cfg.screenshots
        && !left().is_zero()
    {
        match cdp::screenshot(page, left().min(STEP)).await {
            Ok(png) => {
                let path = dir.join(format!("{stem}-{}.png", if phase == 0 { "before" } else { "after-reject" }));
                match std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&path, &png)) {
                    Ok(()) => {
                        snapshot.screenshot = Some(Screenshot {
                            path: path.display().to_string(),
                            sha256: hex(&sha2::Sha256::digest(&png)),
                            bytes: png.len(),
                        })
                    }
                    Err(e) => notes.push(format!("cannot write {}: {e}", path.display())),
                }
            }
            Err(e) => notes.push(format!("no screenshot: {e}")),
        }
    }
    Taken { snapshot, banner: found_banner, reject_target, links, title, final_url, epoch_ms, notes }
}

/// A snapshot from the recorded events alone, when the page can no longer be asked.
fn recorded_only(recorder: &Arc<Mutex<Recorder>>, state: &State, phase: u8) -> Snapshot {
    let r = lock(recorder);
    let at_ms = r.now_ms();
    build(&r, &[], &[], state, phase, at_ms, &mut Vec::new())
}

fn build(
    r: &Recorder,
    jar: &[cdp::JarCookie],
    reports: &[(cdp::FrameInfo, i64, FrameReport)],
    state: &State,
    phase: u8,
    at_ms: u64,
    notes: &mut Vec<String>,
) -> Snapshot {
    let site = state.site.as_str();
    let writes = r.cookie_writes();
    let now_s = Timestamp::now().as_second();

    let mut cookies: Vec<Cookie> = jar
        .iter()
        .map(|c| {
            let domain = c.domain.trim_start_matches('.').to_ascii_lowercase();
            let write =
                writes.iter().rev().find(|w| w.blocked.is_empty() && w.line.name == c.name && w.domain == domain);
            let expires = (!c.session && c.expires > 0.0)
                .then(|| Timestamp::from_millisecond((c.expires * 1000.0) as i64).ok())
                .flatten();
            Cookie {
                name: c.name.clone(),
                domain: c.domain.clone(),
                host_only: !c.domain.starts_with('.'),
                path: c.path.clone(),
                party: site::party(&domain, site),
                registrable_domain: site::registrable_domain(&domain),
                session: c.session,
                lifetime_s: expires.map(|e| e.as_second() - now_s),
                expires,
                http_only: c.http_only,
                secure: c.secure,
                same_site: c.same_site.clone(),
                partitioned: c.partition_key.is_some(),
                value_length: c.value.len(),
                set_by: write.map(|w| w.set_by.clone()),
                at_ms: write.and_then(|w| w.at_ms),
                classification: classify_cookie(&c.name, &c.domain),
            }
        })
        .collect();
    cookies.sort_by(|a, b| (a.party, &a.domain, &a.name, &a.path).cmp(&(b.party, &b.domain, &b.name, &b.path)));
    if cookies.len() > MAX_COOKIES {
        notes.push(format!("{} cookies; the first {MAX_COOKIES} are listed", cookies.len()));
        cookies.truncate(MAX_COOKIES);
    }
    let in_jar: HashSet<(&str, String)> =
        jar.iter().map(|c| (c.name.as_str(), c.domain.trim_start_matches('.').to_ascii_lowercase())).collect();
    let mut blocked: BTreeMap<(String, String), BlockedCookie> = BTreeMap::new();
    for w in writes.iter().filter(|w| !w.blocked.is_empty() && (phase == 0 || w.phase == phase)) {
        if in_jar.contains(&(w.line.name.as_str(), w.domain.clone())) {
            continue;
        }
        blocked.insert(
            (w.domain.clone(), w.line.name.clone()),
            BlockedCookie {
                name: w.line.name.clone(),
                domain: w.domain.clone(),
                party: site::party(&w.domain, site),
                set_by: w.set_by.clone(),
                at_ms: w.at_ms,
                reasons: w.blocked.clone(),
                classification: classify_cookie(&w.line.name, &w.domain),
            },
        );
    }

    let mut storage = Vec::new();
    let mut seen_storage = HashSet::new();
    for (_, _, report) in reports {
        let host = site::url_host(&report.url).unwrap_or_default();
        for (kind, items) in [(StorageKind::Local, &report.local), (StorageKind::Session, &report.session)] {
            for (key, len) in items {
                if !seen_storage.insert((report.origin.clone(), kind, key.clone())) {
                    continue;
                }
                storage.push(StorageItem {
                    origin: report.origin.clone(),
                    kind,
                    key: key.clone(),
                    value_length: *len,
                    party: site::party(&host, site),
                    classification: classify_cookie(key, &host),
                });
            }
        }
    }
    storage.sort_by(|a, b| (&a.origin, a.kind, &a.key).cmp(&(&b.origin, b.kind, &b.key)));
    if storage.len() > MAX_STORAGE {
        notes.push(format!("{} storage keys; the first {MAX_STORAGE} are listed", storage.len()));
        storage.truncate(MAX_STORAGE);
    }

    let mut requests = Vec::new();
    let mut same_host = 0usize;
    let mut devtools_urls: HashSet<&str> = HashSet::new();
    for q in &r.requests {
        devtools_urls.insert(q.url.as_str());
        if q.phase != phase {
            continue;
        }
        let Some(host) = site::url_host(&q.url) else { continue };
        if host == state.page_host {
            same_host += 1;
            continue;
        }
        requests.push(Request {
            url: cut(&q.url),
            registrable_domain: site::registrable_domain(&host),
            party: site::party(&host, site),
            method: Some(q.method.clone()),
            resource_type: q.resource_type.clone(),
            initiator: Initiator { kind: q.initiator_kind.clone(), url: q.initiator_url.as_deref().map(cut) },
            at_ms: r.mono_ms(q.timestamp),
            status: q.status,
            failed: q.failed.clone(),
            seen_by: SeenBy::Devtools,
            classification: classify_host(&host),
            host,
        });
    }
    // Resource Timing: a second witness, for requests whose DevTools events did not arrive.
    let split = state.before_epoch_ms;
    for (_, _, report) in reports {
        let Some(origin_ms) = report.time_origin else { continue };
        for (url, initiator, start) in &report.resources {
            let epoch = origin_ms + start;
            let in_phase = match (phase, split) {
                (0, _) | (_, None) => true,
                (_, Some(split)) => epoch >= split,
            };
            if !in_phase || devtools_urls.contains(url.as_str()) || (phase == 0 && split.is_some_and(|s| epoch > s)) {
                continue;
            }
            let Some(host) = site::url_host(url) else { continue };
            if host == state.page_host {
                continue;
            }
            devtools_urls.insert(url.as_str());
            requests.push(Request {
                url: cut(url),
                registrable_domain: site::registrable_domain(&host),
                party: site::party(&host, site),
                method: None,
                resource_type: resource_type_of(initiator),
                initiator: Initiator { kind: initiator.clone(), url: Some(cut(&report.url)) },
                at_ms: r.epoch_ms(epoch),
                status: None,
                failed: None,
                seen_by: SeenBy::ResourceTiming,
                classification: classify_host(&host),
                host,
            });
        }
    }
    requests.sort_by_key(|q| q.at_ms.unwrap_or(u64::MAX));
    let mut hosts: BTreeMap<String, HostSummary> = BTreeMap::new();
    for q in requests.iter().filter(|q| q.party == Party::Third) {
        hosts
            .entry(q.host.clone())
            .or_insert_with(|| HostSummary {
                host: q.host.clone(),
                registrable_domain: q.registrable_domain.clone(),
                requests: 0,
                classification: q.classification.clone(),
            })
            .requests += 1;
    }
    if requests.len() > MAX_REQUESTS {
        notes.push(format!("{} requests to other hosts; the first {MAX_REQUESTS} are listed", requests.len()));
        requests.truncate(MAX_REQUESTS);
    }
    Snapshot {
        at_ms,
        cookies,
        blocked_cookies: blocked.into_values().collect(),
        storage,
        requests,
        third_party_hosts: hosts.into_values().collect(),
        same_host_requests: same_host,
        screenshot: None,
    }
}

/// Resource Timing's initiator types named as DevTools resource types, where they correspond.
fn resource_type_of(initiator: &str) -> String {
    match initiator {
        "script" => "Script",
        "img" | "image" => "Image",
        "css" | "link" => "Stylesheet",
        "xmlhttprequest" => "XHR",
        "fetch" | "beacon" => "Fetch",
        "iframe" | "frame" => "Document",
        _ => "Other",
    }
    .to_owned()
}

/// What the reject choice changed between two snapshots.
pub(crate) fn changes(before: &Snapshot, after: &Snapshot) -> Changes {
    let b = cookie_refs(&before.cookies);
    let a = cookie_refs(&after.cookies);
    let bs = storage_refs(&before.storage);
    let as_ = storage_refs(&after.storage);
    let before_hosts: BTreeSet<&str> = before.third_party_hosts.iter().map(|h| h.host.as_str()).collect();
    let after_hosts: Vec<String> = after.third_party_hosts.iter().map(|h| h.host.clone()).collect();
    Changes {
        cookies_added: a.difference(&b).cloned().collect(),
        cookies_removed: b.difference(&a).cloned().collect(),
        cookies_kept: a.intersection(&b).cloned().collect(),
        storage_added: as_.difference(&bs).cloned().collect(),
        storage_removed: bs.difference(&as_).cloned().collect(),
        third_party_hosts_new: after_hosts.iter().filter(|h| !before_hosts.contains(h.as_str())).cloned().collect(),
        third_party_hosts_after: after_hosts,
    }
}

pub(crate) fn cookie_refs(cookies: &[Cookie]) -> BTreeSet<CookieRef> {
    cookies
        .iter()
        .map(|c| CookieRef {
            name: c.name.clone(),
            domain: c.domain.clone(),
            path: c.path.clone(),
            purpose: c.classification.purpose,
        })
        .collect()
}

pub(crate) fn storage_refs(items: &[StorageItem]) -> BTreeSet<StorageRef> {
    items
        .iter()
        .map(|s| StorageRef {
            origin: s.origin.clone(),
            kind: s.kind,
            key: s.key.clone(),
            purpose: s.classification.purpose,
        })
        .collect()
}

/// Network and page events of one tab, as they arrive.
#[derive(Default)]
struct Recorder {
    main_frame: Option<String>,
    navigate_sent: Option<Instant>,
    navigation_error: Option<String>,
    /// The main document request: DevTools monotonic seconds, epoch seconds, and when it arrived here.
    anchor: Option<(f64, f64, Instant)>,
    main_url: Option<String>,
    status: Option<u16>,
    requests: Vec<Req>,
    response_time: HashMap<String, f64>,
    extra: Vec<Extra>,
    scripts: Vec<ScriptWrite>,
    in_flight: HashSet<String>,
    last_activity: Option<Instant>,
    loads: u32,
    navigations: u32,
    loads_at_navigation: u32,
    /// 0 before the reject click, 1 after.
    phase: u8,
}

struct Req {
    id: String,
    url: String,
    method: String,
    resource_type: String,
    initiator_kind: String,
    initiator_url: Option<String>,
    timestamp: f64,
    status: Option<u16>,
    failed: Option<String>,
    phase: u8,
}

struct Extra {
    request_id: String,
    status: i64,
    lines: Vec<String>,
    blocked: Vec<(String, Vec<String>)>,
    phase: u8,
}

#[derive(Deserialize)]
struct ScriptWrite {
    cookie: String,
    #[serde(default)]
    script: Option<String>,
    #[serde(default)]
    frame: String,
    #[serde(default)]
    time: f64,
    #[serde(skip)]
    phase: u8,
}

/// One cookie write, from a response or a script.
struct Write {
    line: cookie_line::CookieLine,
    /// The effective domain: the `Domain` attribute, or the host that set it.
    domain: String,
    set_by: SetBy,
    at_ms: Option<u64>,
    blocked: Vec<String>,
    phase: u8,
}

impl Recorder {
    fn touch(&mut self) {
        self.last_activity = Some(Instant::now());
    }

    fn loaded_since_navigation(&self) -> bool {
        self.loads > self.loads_at_navigation
    }

    /// ms since navigation start, now.
    fn now_ms(&self) -> u64 {
        match (self.anchor, self.navigate_sent) {
            (Some((_, _, local)), _) | (None, Some(local)) => local.elapsed().as_millis() as u64,
            (None, None) => 0,
        }
    }

    fn mono_ms(&self, timestamp: f64) -> Option<u64> {
        let (mono, _, _) = self.anchor?;
        Some(((timestamp - mono) * 1000.0).max(0.0).round() as u64)
    }

    fn epoch_ms(&self, epoch_ms: f64) -> Option<u64> {
        let (_, wall, _) = self.anchor?;
        Some((epoch_ms - wall * 1000.0).max(0.0).round() as u64)
    }

    fn on_request(&mut self, e: &EventRequestWillBeSent) {
        self.touch();
        let id = e.request_id.inner().clone();
        let timestamp = *e.timestamp.inner();
        if let Some(redirect) = &e.redirect_response
            && let Some(prev) = self.requests.iter_mut().rev().find(|q| q.id == id)
        {
            prev.status = u16::try_from(redirect.status).ok();
        }
        let resource_type = e.r#type.as_ref().map_or("Other", |t| t.as_ref()).to_owned();
        let main = e.frame_id.as_ref().map(|f| f.inner()) == self.main_frame.as_ref();
        if resource_type == "Document" && main {
            if self.anchor.is_none() {
                self.anchor = Some((timestamp, *e.wall_time.inner(), Instant::now()));
            }
            self.main_url = Some(cut(&e.request.url));
        }
        let stack_url = e
            .initiator
            .stack
            .as_ref()
            .and_then(|s| s.call_frames.iter().find(|f| !f.url.is_empty()).map(|f| f.url.clone()));
        self.in_flight.insert(id.clone());
        self.requests.push(Req {
            id,
            url: e.request.url.clone(),
            method: e.request.method.clone(),
            resource_type,
            initiator_kind: e.initiator.r#type.as_ref().to_owned(),
            initiator_url: e.initiator.url.clone().or(stack_url).or_else(|| Some(e.document_url.clone())),
            timestamp,
            status: None,
            failed: None,
            phase: self.phase,
        });
    }

    fn on_response(&mut self, e: &EventResponseReceived) {
        self.touch();
        let id = e.request_id.inner();
        self.response_time.insert(id.clone(), *e.timestamp.inner());
        let status = u16::try_from(e.response.status).ok();
        if let Some(q) = self.requests.iter_mut().rev().find(|q| &q.id == id) {
            q.status = status;
        }
        if e.r#type.as_ref() == "Document" && e.frame_id.as_ref().map(|f| f.inner()) == self.main_frame.as_ref() {
            self.status = status;
        }
    }

    fn on_extra(&mut self, e: &EventResponseReceivedExtraInfo) {
        self.touch();
        let mut lines = Vec::new();
        if let Some(headers) = e.headers.inner().as_object() {
            for (k, v) in headers {
                if k.eq_ignore_ascii_case("set-cookie")
                    && let Some(v) = v.as_str()
                {
                    lines.extend(v.split('\n').map(str::to_owned));
                }
            }
        }
        let blocked = e
            .blocked_cookies
            .iter()
            .map(|b| (b.cookie_line.clone(), b.blocked_reasons.iter().map(|r| r.as_ref().to_owned()).collect()))
            .collect();
        self.extra.push(Extra {
            request_id: e.request_id.inner().clone(),
            status: e.status_code,
            lines,
            blocked,
            phase: self.phase,
        });
    }

    fn on_finished(&mut self, id: &str, failed: Option<String>) {
        self.touch();
        self.in_flight.remove(id);
        if let Some(error) = failed
            && let Some(q) = self.requests.iter_mut().rev().find(|q| q.id == id)
        {
            q.failed = Some(error);
        }
    }

    fn on_binding(&mut self, payload: &str) {
        if let Ok(mut w) = serde_json::from_str::<ScriptWrite>(payload) {
            w.phase = self.phase;
            if self.scripts.len() < 20_000 {
                self.scripts.push(w);
            }
        }
    }

    fn on_navigated(&mut self, e: &EventFrameNavigated) {
        if e.frame.parent_id.is_none() {
            self.navigations += 1;
            self.loads_at_navigation = self.loads;
            self.main_url = Some(cut(&e.frame.url));
        }
    }

    /// Every cookie write seen, in time order.
    fn cookie_writes(&self) -> Vec<Write> {
        let mut out = Vec::new();
        let mut redirects_seen: HashMap<&str, usize> = HashMap::new();
        for x in &self.extra {
            let hops: Vec<&Req> = self.requests.iter().filter(|q| q.id == x.request_id).collect();
            // The k-th redirect response of a request belongs to its k-th hop; the final response to the last.
            let hop = if (300..400).contains(&x.status) {
                let k = redirects_seen.entry(x.request_id.as_str()).or_insert(0);
                *k += 1;
                hops.get(*k - 1).or(hops.last()).copied()
            } else {
                hops.last().copied()
            };
            let url = hop.map(|q| q.url.clone());
            let host = url.as_deref().and_then(site::url_host).unwrap_or_default();
            let time = self.response_time.get(&x.request_id).copied().or(hop.map(|q| q.timestamp));
            let mut lines: Vec<(&str, Vec<String>)> = x
                .lines
                .iter()
                .map(|l| {
                    let reasons = x.blocked.iter().find(|(b, _)| b == l).map(|(_, r)| r.clone()).unwrap_or_default();
                    (l.as_str(), reasons)
                })
                .collect();
            for (line, reasons) in &x.blocked {
                if !x.lines.contains(line) {
                    lines.push((line.as_str(), reasons.clone()));
                }
            }
            for (line, blocked) in lines {
                let Some(parsed) = cookie_line::parse(line) else { continue };
                out.push(Write {
                    domain: parsed.domain.clone().unwrap_or_else(|| host.clone()),
                    line: parsed,
                    set_by: SetBy { kind: SetterKind::Response, url: url.as_deref().map(cut) },
                    at_ms: time.and_then(|t| self.mono_ms(t)),
                    blocked,
                    phase: x.phase,
                });
            }
        }
        for s in &self.scripts {
            let Some(parsed) = cookie_line::parse(&s.cookie) else { continue };
            let host = site::url_host(&s.frame).unwrap_or_default();
            out.push(Write {
                domain: parsed.domain.clone().unwrap_or(host),
                line: parsed,
                set_by: SetBy {
                    kind: SetterKind::Script,
                    url: s.script.as_deref().or(Some(s.frame.as_str())).filter(|u| !u.is_empty()).map(cut),
                },
                at_ms: self.epoch_ms(s.time),
                blocked: Vec::new(),
                phase: s.phase,
            });
        }
        out.sort_by_key(|w| w.at_ms.unwrap_or(0));
        out
    }
}

enum Ev {
    Request(Arc<EventRequestWillBeSent>),
    Response(Arc<EventResponseReceived>),
    Extra(Arc<EventResponseReceivedExtraInfo>),
    Finished(Arc<EventLoadingFinished>),
    Failed(Arc<EventLoadingFailed>),
    Binding(Arc<EventBindingCalled>),
    Load,
    Navigated(Arc<EventFrameNavigated>),
}

type EvStream = Pin<Box<dyn Stream<Item = Ev> + Send>>;

/// Subscribes to the tab's events and feeds them to the recorder in the background.
async fn listen(page: &Page, recorder: Arc<Mutex<Recorder>>, binding: String) -> Result<AbortOnDrop, String> {
    let err = |e: chromiumoxide::error::CdpError| e.to_string();
    let streams: Vec<EvStream> = vec![
        Box::pin(page.event_listener::<EventRequestWillBeSent>().await.map_err(err)?.map(Ev::Request)),
        Box::pin(page.event_listener::<EventResponseReceived>().await.map_err(err)?.map(Ev::Response)),
        Box::pin(page.event_listener::<EventResponseReceivedExtraInfo>().await.map_err(err)?.map(Ev::Extra)),
        Box::pin(page.event_listener::<EventLoadingFinished>().await.map_err(err)?.map(Ev::Finished)),
        Box::pin(page.event_listener::<EventLoadingFailed>().await.map_err(err)?.map(Ev::Failed)),
        Box::pin(page.event_listener::<EventBindingCalled>().await.map_err(err)?.map(Ev::Binding)),
        Box::pin(page.event_listener::<EventLoadEventFired>().await.map_err(err)?.map(|_| Ev::Load)),
        Box::pin(page.event_listener::<EventFrameNavigated>().await.map_err(err)?.map(Ev::Navigated)),
    ];
    let mut events = futures::stream::select_all(streams);
    Ok(AbortOnDrop(tokio::spawn(async move {
        while let Some(ev) = events.next().await {
            let mut r = lock(&recorder);
            match ev {
                Ev::Request(e) => r.on_request(&e),
                Ev::Response(e) => r.on_response(&e),
                Ev::Extra(e) => r.on_extra(&e),
                Ev::Finished(e) => r.on_finished(e.request_id.inner(), None),
                Ev::Failed(e) => {
                    let reason = e.blocked_reason.as_ref().map(|b| format!("blocked: {}", b.as_ref()));
                    r.on_finished(e.request_id.inner(), Some(reason.unwrap_or_else(|| e.error_text.clone())));
                }
                Ev::Binding(e) if e.name == binding => r.on_binding(&e.payload),
                Ev::Binding(_) => {}
                Ev::Load => {
                    r.loads += 1;
                    r.touch();
                }
                Ev::Navigated(e) => r.on_navigated(&e),
            }
        }
    })))
}

/// A task that ends when its handle is dropped, so no background work outlives a visit.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// The recorder's lock; a panic elsewhere while holding it leaves data that is still worth reading.
fn lock(recorder: &Mutex<Recorder>) -> MutexGuard<'_, Recorder> {
    recorder.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn remaining(deadline: Instant) -> Duration {
    deadline.saturating_duration_since(Instant::now())
}

/// Cuts a URL to [`MAX_URL`] characters.
fn cut(url: &str) -> String {
    if url.len() <= MAX_URL {
        return url.to_owned();
    }
    let mut end = MAX_URL;
    while !url.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &url[..end])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A binding name the page cannot guess in advance.
fn rand_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()));
    h.finish()
}
