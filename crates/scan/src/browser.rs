//! Starting and stopping Chromium.
//!
//! juris starts the browser process itself instead of through
//! `chromiumoxide::Browser::launch`, for two reasons. Chromium is a tree of
//! processes (browser, zygotes, renderers, utilities), and killing only the
//! browser process can leave the others running; starting it as the leader of
//! its own process group lets [`BrowserProcess`] kill the whole tree with one
//! signal, from `Drop`, so it happens on every exit path: success, error,
//! timeout (the future is dropped) and panic (the stack unwinds). And the
//! DevTools port is read from the `DevToolsActivePort` file Chromium writes
//! into the profile, so no pipe has to be drained for the life of the process.

use std::fs::File;
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::ScanError;

/// Where Chromium is looked for when no path is given, in order.
const CANDIDATES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "/usr/bin/chromium",
    "/usr/lib/chromium/chromium",
    "/snap/bin/chromium",
];

/// How to install a browser, for the error when none is found.
pub const INSTALL_HINT: &str =
    "install Chromium (Debian/Ubuntu: `apt-get install chromium`) or pass its path with --browser";

/// Finds the browser: the explicit path, then `$CHROME`, then `chromium`, `google-chrome` and
/// the like on `$PATH` and in their usual places.
pub fn find_browser(explicit: Option<&Path>) -> Result<PathBuf, ScanError> {
    if let Some(path) = explicit {
        return if path.is_file() {
            Ok(path.to_path_buf())
        } else {
            Err(ScanError::BrowserNotFound(format!("{} does not exist; {INSTALL_HINT}", path.display())))
        };
    }
    if let Some(env) = std::env::var_os("CHROME").filter(|v| !v.is_empty()) {
        let path = PathBuf::from(env);
        if path.is_file() {
            return Ok(path);
        }
    }
    for name in CANDIDATES {
        if name.starts_with('/') {
            let path = PathBuf::from(name);
            if path.is_file() {
                return Ok(path);
            }
        } else if let Some(path) = on_path(name) {
            return Ok(path);
        }
    }
    Err(ScanError::BrowserNotFound(format!(
        "no Chromium found (looked for {} on PATH); {INSTALL_HINT}",
        CANDIDATES.iter().filter(|c| !c.starts_with('/')).copied().collect::<Vec<_>>().join(", ")
    )))
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(name)).find(|p| p.is_file())
}

/// What a browser process is started with.
#[derive(Clone, Debug)]
pub struct LaunchSpec {
    pub executable: PathBuf,
    pub host_resolver_rules: Option<String>,
    pub ignore_certificate_errors: bool,
    pub window: (u32, u32),
    pub extra_args: Vec<String>,
}

/// A running Chromium with its own fresh profile; killed (the whole process
/// group) and its profile removed when dropped.
pub struct BrowserProcess {
    child: Child,
    /// The DevTools WebSocket URL of the browser target.
    pub ws_url: String,
    // Dropped after the kill in `Drop`, so the profile is removed once nothing writes to it.
    profile: tempfile::TempDir,
}

impl BrowserProcess {
    /// Starts Chromium on a fresh profile and waits (at most `timeout`) for its DevTools port.
    ///
    /// Blocking, but only for the short poll of one small file; called from
    /// `spawn_blocking`.
    pub fn launch(spec: &LaunchSpec, timeout: Duration) -> Result<Self, ScanError> {
        let profile = tempfile::Builder::new()
            .prefix("juris-scan-profile-")
            .tempdir()
            .map_err(|e| ScanError::Launch(format!("cannot create a browser profile directory: {e}")))?;
        write_preferences(profile.path())
            .map_err(|e| ScanError::Launch(format!("cannot write the browser profile: {e}")))?;
        let log_path = profile.path().join("chromium.log");
        let log = File::create(&log_path)
            .map_err(|e| ScanError::Launch(format!("cannot create {}: {e}", log_path.display())))?;
        let mut cmd = Command::new(&spec.executable);
        cmd.args(chromium_args(spec, profile.path()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            // Leader of its own group, so one signal reaches every process Chromium forks.
            .process_group(0);
        let child =
            cmd.spawn().map_err(|e| ScanError::Launch(format!("cannot start {}: {e}", spec.executable.display())))?;
        let mut process = BrowserProcess { child, ws_url: String::new(), profile };
        process.ws_url = process.wait_for_devtools(timeout, &log_path)?;
        Ok(process)
    }

    fn wait_for_devtools(&mut self, timeout: Duration, log_path: &Path) -> Result<String, ScanError> {
        let port_file = self.profile.path().join("DevToolsActivePort");
        let start = Instant::now();
        loop {
            if let Ok(text) = std::fs::read_to_string(&port_file) {
                let mut lines = text.lines();
                if let (Some(port), Some(path)) = (lines.next(), lines.next())
                    && port.trim().parse::<u16>().is_ok()
                {
                    return Ok(format!("ws://127.0.0.1:{}{}", port.trim(), path.trim()));
                }
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(ScanError::Launch(format!(
                    "the browser exited at start ({status}): {}",
                    log_tail(log_path)
                )));
            }
            if start.elapsed() > timeout {
                return Err(ScanError::Launch(format!(
                    "the browser did not open its DevTools port within {} s: {}",
                    timeout.as_secs(),
                    log_tail(log_path)
                )));
            }
            std::thread::sleep(Duration::from_millis(15));
        }
    }
}

impl Drop for BrowserProcess {
    fn drop(&mut self) {
        if let Some(pid) = rustix::process::Pid::from_raw(self.child.id() as i32) {
            // Errors mean the group is already gone.
            let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
        }
        let _ = self.child.kill();
        // Reap the browser process; after SIGKILL this returns at once.
        let _ = self.child.wait();
        remove_singleton_dir(self.profile.path());
    }
}

/// Chromium keeps its single-instance socket in a directory of its own in the
/// temporary directory, linked from the profile as `SingletonSocket`, and
/// removes it only when it exits cleanly. A killed browser leaves it behind,
/// so every scan would leave one more `org.chromium.Chromium.*` in /tmp.
fn remove_singleton_dir(profile: &Path) {
    let Ok(socket) = std::fs::read_link(profile.join("SingletonSocket")) else { return };
    let Some(dir) = socket.parent() else { return };
    // Only the directory Chromium made for the socket, nothing the link could be bent to.
    let made_by_chromium =
        dir.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("org.chromium.Chromium."));
    if made_by_chromium && dir.parent() == Some(std::env::temp_dir().as_path()) {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// The command line, without the URL.
pub fn chromium_args(spec: &LaunchSpec, profile: &Path) -> Vec<String> {
    let mut args = vec![
        "--headless".to_owned(),
        "--disable-gpu".to_owned(),
        "--disable-quic".to_owned(),
        "--no-first-run".to_owned(),
        "--no-default-browser-check".to_owned(),
        "--disable-background-networking".to_owned(),
        "--disable-component-update".to_owned(),
        "--disable-sync".to_owned(),
        "--disable-default-apps".to_owned(),
        "--disable-extensions".to_owned(),
        "--disable-breakpad".to_owned(),
        "--disable-crash-reporter".to_owned(),
        "--disable-domain-reliability".to_owned(),
        "--metrics-recording-only".to_owned(),
        "--no-pings".to_owned(),
        "--mute-audio".to_owned(),
        "--hide-scrollbars".to_owned(),
        "--password-store=basic".to_owned(),
        "--use-mock-keychain".to_owned(),
        // One renderer per page keeps cross-site frames in the page's own
        // DevTools session, so their requests, scripts and storage are seen
        // without attaching to each frame's target.
        "--disable-site-isolation-trials".to_owned(),
        "--disable-features=IsolateOrigins,site-per-process,Translate,MediaRouter,OptimizationHints,InterestFeedContentSuggestions".to_owned(),
        "--remote-debugging-port=0".to_owned(),
        format!("--window-size={},{}", spec.window.0, spec.window.1),
        format!("--user-data-dir={}", profile.display()),
    ];
    if rustix::process::geteuid().is_root() {
        // Chromium refuses to start as root with its sandbox on.
        args.push("--no-sandbox".to_owned());
    }
    if let Some(rules) = &spec.host_resolver_rules {
        args.push(format!("--host-resolver-rules={rules}"));
    }
    if spec.ignore_certificate_errors {
        args.push("--ignore-certificate-errors".to_owned());
    }
    args.extend(spec.extra_args.iter().cloned());
    args
}

/// A fresh profile blocks third-party cookies; a visitor's default desktop
/// Chrome does not, and the evidence should show what a site sets for them.
fn write_preferences(profile: &Path) -> std::io::Result<()> {
    let dir = profile.join("Default");
    std::fs::create_dir_all(&dir)?;
    std::fs::write(
        dir.join("Preferences"),
        r#"{"profile":{"cookie_controls_mode":0,"block_third_party_cookies":false},"translate":{"enabled":false}}"#,
    )
}

fn log_tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let tail = lines[lines.len().saturating_sub(5)..].join(" | ");
    if tail.is_empty() { "no output".to_owned() } else { tail }
}
