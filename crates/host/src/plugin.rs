//! A loaded plugin, and the calls the host makes to it.
//!
//! This file holds the host's only `unsafe` code: opening a library and
//! reading its entry symbol ([`open_library`], which [`crate::isolate`]'s
//! child side calls too), and the exit guard ([`exit_guard`]).

use std::path::{Path, PathBuf};

use juris_core::abi::{self, Checked, ErrorPayload};
use juris_core::module::{EventContext, Plan, Resolution, ResolveContext};
use juris_core::{CheckContext, Finding, ModuleInfo};
use serde::de::DeserializeOwned;

use crate::LoadOptions;
use crate::discovery::{Origin, SearchPath, candidates};
use crate::isolate::Child;

/// A loaded plugin.
pub struct Plugin {
    /// The file it was found at.
    pub path: PathBuf,
    /// What it says it is.
    pub info: ModuleInfo,
    /// Its ABI version, `(major, minor)`.
    pub abi: (u16, u16),
    /// Whether it ships with the binary or was added by the user.
    pub origin: Origin,
    transport: Transport,
}

/// How calls reach the plugin.
enum Transport {
    /// Through the descriptor, in this process.
    InProcess(Checked),
    /// Over pipes to a child process that loaded the library.
    Isolated(Child),
}

/// What a module's `check` returned, once the host has kept only the
/// findings it may make.
#[derive(Debug)]
pub struct CheckResult {
    /// The findings for the module's own rules.
    pub findings: Vec<Finding>,
    /// Why some findings were dropped, naming the module and plugin.
    pub refused: Option<String>,
}

/// A plugin that could not be loaded.
#[derive(Clone, Debug)]
pub struct LoadError {
    /// The file.
    pub path: PathBuf,
    /// Why, in a sentence that names the file.
    pub message: String,
}

/// A call to a loaded plugin that failed.
#[derive(Clone, Debug)]
pub enum CallError {
    /// The plugin does not implement the method (an older plugin); callers
    /// degrade gracefully.
    Unsupported,
    /// The plugin failed, panicked, crashed or timed out; the message names it.
    Failed(String),
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallError::Unsupported => f.write_str("method not supported by this plugin"),
            CallError::Failed(message) => f.write_str(message),
        }
    }
}

/// The plugins found on a search path, and those that failed to load.
#[derive(Default)]
pub struct PluginSet {
    /// Loaded plugins, in search order, one per module id.
    pub plugins: Vec<Plugin>,
    /// Files that could not be loaded.
    pub errors: Vec<LoadError>,
}

/// Whether a module id has the form juris allows: a lowercase letter, then up
/// to 31 lowercase letters, digits or `-`.
pub fn valid_module_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= 32
        && b[0].is_ascii_lowercase()
        && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// Finds and loads every plugin on the search path. A `--plugin-dir` that does
/// not exist is an `Err`; a file that fails to load, or fails the trust
/// checks, is a [`LoadError`] in the set. Two plugins that claim the same
/// module id are both refused: neither can be told to be the real one.
pub fn load(search: &SearchPath, options: &LoadOptions) -> Result<PluginSet, String> {
    let mut set = PluginSet::default();
    let mut loaded: Vec<Plugin> = Vec::new();
    for candidate in candidates(search)? {
        let path = candidate.path;
        if let Err(refusal) = crate::trust::check_plugin(&path) {
            if options.allow_insecure {
                tracing::warn!("{refusal}; loading it anyway (--allow-insecure-plugins)");
            } else {
                set.errors.push(LoadError {
                    message: format!("{refusal} (override at your own risk with --allow-insecure-plugins)"),
                    path,
                });
                continue;
            }
        }
        let isolate = match options.isolation {
            crate::Isolation::All => true,
            crate::Isolation::Added => candidate.origin == Origin::Added,
            crate::Isolation::None => false,
        };
        match Plugin::load(&path, options, isolate).map(|plugin| Plugin { origin: candidate.origin, ..plugin }) {
            Ok(plugin) => {
                tracing::info!(module = %plugin.info.id, path = %path.display(), isolated = isolate, "loaded plugin");
                loaded.push(plugin);
            }
            Err(message) => set.errors.push(LoadError { path, message }),
        }
    }
    set.plugins = loaded;
    // Refuse every module id claimed twice, naming all the files.
    let mut by_id: std::collections::BTreeMap<String, Vec<usize>> = std::collections::BTreeMap::new();
    for (i, p) in set.plugins.iter().enumerate() {
        by_id.entry(p.info.id.clone()).or_default().push(i);
    }
    let duplicated: Vec<(String, Vec<usize>)> = by_id.into_iter().filter(|(_, v)| v.len() > 1).collect();
    if !duplicated.is_empty() {
        let mut refused = vec![false; set.plugins.len()];
        for (id, indices) in &duplicated {
            let files: Vec<String> = indices.iter().map(|&i| format!("`{}`", set.plugins[i].path.display())).collect();
            for &i in indices {
                refused[i] = true;
                set.errors.push(LoadError {
                    path: set.plugins[i].path.clone(),
                    message: format!(
                        "plugin `{}` is refused: module `{id}` is claimed by {}; juris cannot tell which one is genuine, so it loads neither (remove the one you did not install)",
                        set.plugins[i].path.display(),
                        files.join(" and ")
                    ),
                });
            }
        }
        let mut keep = refused.iter().map(|r| !r);
        set.plugins.retain(|_| keep.next().unwrap_or(true));
    }
    Ok(set)
}

impl Plugin {
    /// Loads one plugin file as `options` say: verified against the lock (and
    /// loaded from a private copy of the verified bytes), in this process or
    /// in a child process.
    pub fn load(path: &Path, options: &LoadOptions, isolate: bool) -> Result<Plugin, String> {
        let private_copy = match &options.lock {
            Some(lock) => Some(lock.verified_copy(path)?),
            None => None,
        };
        let load_from = private_copy.as_ref().map_or(path, |c| c.path());
        let (transport, declared, abi) = if isolate {
            let child = Child::spawn(path, load_from, options.timeout)?;
            let (declared, abi) = (child.module_id().to_string(), child.abi());
            (Transport::Isolated(child), declared, abi)
        } else {
            let handle = open_library(path, load_from)?;
            (Transport::InProcess(handle), handle.module_id(), handle.abi())
        };
        let mut plugin = Plugin {
            path: path.to_path_buf(),
            info: ModuleInfo {
                id: declared.clone(),
                name: String::new(),
                version: String::new(),
                jurisdictions: Vec::new(),
                laws: Vec::new(),
                rules: Vec::new(),
                core_version: String::new(),
                options: None,
            },
            abi,
            origin: Origin::Added,
            transport,
        };
        let name = path.display();
        if !valid_module_id(&declared) {
            return Err(format!(
                "plugin `{name}` is refused: its module id `{}` is not a lowercase letter followed by at most 31 lowercase letters, digits or `-`",
                declared.escape_debug()
            ));
        }
        // Without the rule pages when the command shows none (ABI 1.4); a
        // plugin older than that answers "unsupported" and is described in
        // full.
        let described = if options.rule_pages {
            plugin.call_json("describe", &())
        } else {
            match plugin.call_json("describe_brief", &()) {
                Err(CallError::Unsupported) => plugin.call_json("describe", &()),
                brief => brief,
            }
        };
        plugin.info = described.map_err(|e| match e {
            CallError::Unsupported => format!("plugin `{name}` does not answer `describe`"),
            CallError::Failed(message) => format!("plugin `{name}`: {message}"),
        })?;
        if plugin.info.id != declared {
            return Err(format!(
                "plugin `{name}` declares module `{declared}` in its descriptor but describes itself as `{}`",
                plugin.info.id
            ));
        }
        // Rule ids appear in reports, `[rules]` keys and waivers: a module
        // describes only `<module>/<kebab-name>` rules.
        let prefix = format!("{declared}/");
        if let Some(bad) = plugin.info.rules.iter().find(|r| {
            r.id.strip_prefix(&prefix).is_none_or(|name| {
                name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            })
        }) {
            return Err(format!(
                "plugin `{name}` is refused: it describes rule `{}`, which is not `{declared}/<kebab-name>`",
                bad.id.escape_debug()
            ));
        }
        Ok(plugin)
    }

    /// The module id.
    pub fn id(&self) -> &str {
        &self.info.id
    }

    /// Runs the module's checks. `input` is a JSON-encoded [`CheckContext`],
    /// encoded once by the caller and shared by every plugin.
    ///
    /// A module speaks only for its own rules: findings whose rule is outside
    /// its namespace (`<module>/…`) or not among the rules it described are
    /// dropped, and named in [`Checked::refused`], so that no plugin can
    /// report in another module's name.
    pub fn check_encoded(&self, input: &[u8]) -> Result<CheckResult, CallError> {
        let mut findings: Vec<Finding> = self.call_raw("check", input)?;
        let prefix = format!("{}/", self.info.id);
        let described: std::collections::HashSet<&str> = self.info.rules.iter().map(|r| r.id.as_str()).collect();
        let mut refused = std::collections::BTreeSet::new();
        findings.retain(|f| {
            let owned = f.rule.starts_with(&prefix) && described.contains(f.rule.as_str());
            if !owned {
                refused.insert(f.rule.clone());
            }
            owned
        });
        let refused = (!refused.is_empty()).then(|| {
            let shown: Vec<String> =
                refused.iter().take(10).map(|r| format!("`{}`", crate::sanitize::line(r))).collect();
            let more = refused.len().saturating_sub(10);
            format!(
                "module `{}` (plugin `{}`) reported findings for rules that are not its own described rules ({}{}); they were dropped, since a module may only report `{}<rule>` rules it describes",
                self.info.id,
                self.path.display(),
                shown.join(", "),
                if more > 0 { format!(" and {more} more") } else { String::new() },
                prefix
            )
        });
        Ok(CheckResult { findings, refused })
    }

    /// Whether calls run in a child process.
    pub fn is_isolated(&self) -> bool {
        matches!(self.transport, Transport::Isolated(_))
    }

    /// Runs the module's checks.
    pub fn check(&self, ctx: &CheckContext) -> Result<Vec<Finding>, CallError> {
        self.call_json("check", ctx)
    }

    /// Computes the duties an event triggers.
    pub fn obligations(&self, ctx: &EventContext) -> Result<Plan, CallError> {
        self.call_json("obligations", ctx)
    }

    /// What the module's law says about a person in a jurisdiction.
    pub fn resolve(&self, ctx: &ResolveContext) -> Result<Resolution, CallError> {
        self.call_json("resolve", ctx)
    }

    /// The holiday calendars the module ships (ABI 1.2).
    pub fn calendars(&self) -> Result<Vec<juris_core::calendar::CalendarInfo>, CallError> {
        self.call_json("calendars", &())
    }

    /// One year of a calendar (ABI 1.2); `None` when the module has none for
    /// the place.
    pub fn calendar(
        &self,
        request: &juris_core::calendar::CalendarRequest,
    ) -> Result<Option<juris_core::calendar::CalendarYear>, CallError> {
        self.call_json("calendar", request)
    }

    /// The module's required notice disclosures (ABI 1.3); `None` when it
    /// reads no notices.
    pub fn notice_items(
        &self,
        request: &juris_core::NoticeRequest,
    ) -> Result<Option<juris_core::NoticeItems>, CallError> {
        self.call_json("notice_items", request)
    }

    /// Calls any method by name; for methods this host version does not know.
    pub fn call_method(&self, method: &str, input: &[u8]) -> Result<serde_json::Value, CallError> {
        self.call_raw(method, input)
    }

    fn call_json<I: serde::Serialize, O: DeserializeOwned>(&self, method: &str, input: &I) -> Result<O, CallError> {
        let bytes = serde_json::to_vec(input).map_err(|e| {
            CallError::Failed(format!("cannot encode the `{method}` request for module `{}`: {e}", self.info.id))
        })?;
        self.call_raw(method, &bytes)
    }

    fn call_raw<O: DeserializeOwned>(&self, method: &str, input: &[u8]) -> Result<O, CallError> {
        let module = &self.info.id;
        let (status, output) = match &self.transport {
            Transport::InProcess(handle) => {
                let _in_plugin = exit_guard::enter(&self.path);
                handle.call(method, input)
            }
            Transport::Isolated(child) => child.call(method, input).map_err(CallError::Failed)?,
        };
        let wire_message = || {
            serde_json::from_slice::<ErrorPayload>(&output)
                .map(|e| e.message)
                .unwrap_or_else(|_| String::from_utf8_lossy(&output).into_owned())
        };
        match status {
            abi::STATUS_OK => abi::decode_json(&output).map_err(|e| {
                CallError::Failed(format!("module `{module}` returned a `{method}` result juris cannot read: {e}"))
            }),
            abi::STATUS_UNSUPPORTED => Err(CallError::Unsupported),
            abi::STATUS_PANIC => {
                Err(CallError::Failed(format!("{} (plugin `{}`)", wire_message(), self.path.display())))
            }
            abi::STATUS_ERROR => Err(CallError::Failed(format!(
                "module `{module}` (plugin `{}`) failed in `{method}`: {}",
                self.path.display(),
                wire_message()
            ))),
            other => {
                Err(CallError::Failed(format!("module `{module}` returned unknown status {other} from `{method}`")))
            }
        }
    }
}

/// Opens a library in this process and checks its descriptor. `shown` names
/// the plugin in messages; `file` is what is loaded (a private copy when the
/// plugin is pinned by a lock).
pub(crate) fn open_library(shown: &Path, file: &Path) -> Result<Checked, String> {
    let name = shown.display();
    // Loading a library runs its initialisers. juris loads only files the user
    // placed on the plugin search path (and, with a lock, only the bytes the
    // lock pins): the trust decision of any plugin system.
    // A library's initialisers are plugin code too.
    let _in_plugin = exit_guard::enter(shown);
    // SAFETY: the library stays loaded for the life of the process (leaked below), so no symbol outlives it.
    let library = unsafe { libloading::Library::new(file) }.map_err(|e| {
        let cause = std::error::Error::source(&e).map(|s| format!(": {s}")).unwrap_or_default();
        format!("plugin `{name}` could not be loaded: {e}{cause}")
    })?;
    let library: &'static libloading::Library = Box::leak(Box::new(library));
    // Every juris plugin exports this exact name with this signature; the name
    // carries the ABI major, so a plugin of another major has no such symbol.
    // SAFETY: the symbol's type is the ABI's entry signature.
    let found = unsafe { library.get::<extern "C" fn() -> *const abi::ModuleDescriptor>(abi::ENTRY_SYMBOL) };
    let entry = *found.map_err(|_| {
        format!(
            "`{name}` is not a juris plugin for ABI v{major}: it has no `juris_module_v{major}` entry symbol (a plugin built for another ABI major exports another name)",
            major = abi::ABI_MAJOR
        )
    })?;
    // The generated entry point only returns the address of a static; it runs
    // no module code, so it has nothing to panic on.
    let descriptor = entry();
    // The entry symbol returns null or a pointer to static memory in the
    // library, and the library is never unloaded.
    // SAFETY: so the pointer meets `check_descriptor`'s contract.
    unsafe { abi::check_descriptor(descriptor) }.map_err(|e| format!("plugin `{name}` was refused: {e}"))
}

/// Turns a plugin's `exit()` during a call into exit code 3.
///
/// A module running in juris's process could end it with `exit(0)` before
/// any finding is printed, and an empty report with exit 0 would pass CI.
/// `exit` runs the handlers registered with `atexit` before the process ends;
/// the one registered here ends the process with code 3 and a message when a
/// plugin call is under way (in any thread).
///
/// Not covered, in process: `_exit`/`_Exit`, raw `exit_group` system calls,
/// signals a plugin raises or sends, and `execve`, none of which run atexit
/// handlers. Isolation covers all of them (the child's end is a failed call,
/// exit 3): third-party plugins are isolated by default, and `--isolate`
/// isolates the built-in modules too.
pub(crate) mod exit_guard {
    use std::path::Path;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Mutex, Once};

    static CALLS_IN_PROGRESS: AtomicUsize = AtomicUsize::new(0);
    static CURRENT_PLUGIN: Mutex<String> = Mutex::new(String::new());
    static INSTALL: Once = Once::new();

    /// A call under way; dropping it ends the call.
    pub struct InPlugin(());

    impl Drop for InPlugin {
        fn drop(&mut self) {
            CALLS_IN_PROGRESS.fetch_sub(1, Ordering::SeqCst);
        }
    }

    /// Marks a plugin call (or a library's loading) as under way.
    pub fn enter(plugin: &Path) -> InPlugin {
        INSTALL.call_once(|| {
            // A failed registration (non-zero return) leaves juris unguarded,
            // not unsound, so its result is not needed.
            // SAFETY: `atexit` only records a function pointer, and `on_exit` is an `extern "C" fn()` without captured state in the juris binary, which is never unloaded.
            let _ = unsafe { libc::atexit(on_exit) };
        });
        if let Ok(mut current) = CURRENT_PLUGIN.lock() {
            current.clear();
            current.push_str(&crate::sanitize::line(&plugin.display().to_string()));
        }
        CALLS_IN_PROGRESS.fetch_add(1, Ordering::SeqCst);
        InPlugin(())
    }

    extern "C" fn on_exit() {
        if CALLS_IN_PROGRESS.load(Ordering::SeqCst) == 0 {
            return;
        }
        // `try_lock`: the exiting thread may hold the lock (it never does
        // while plugin code runs, but a failed lock must not hang the exit).
        let named = CURRENT_PLUGIN.try_lock().map(|name| name.clone()).unwrap_or_default();
        let message = format!(
            "error: plugin `{named}` ended the process (exit) during a call; its results and every other module's are lost, so juris exits 3. Run it with --isolate to contain it.\n"
        );
        // `_exit` ends the process at once, without running the remaining
        // handlers (that would re-enter exit) or unwinding through plugin frames.
        // SAFETY: `write` reads only `message`, a buffer we own, for its length; `_exit` takes no pointers.
        unsafe {
            libc::write(2, message.as_ptr().cast(), message.len());
            libc::_exit(3);
        }
    }
}
