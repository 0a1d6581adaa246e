//! A loaded plugin, and the calls the host makes to it.
//!
//! This file holds the host's only `unsafe` code: opening a library and
//! reading its entry symbol ([`open_library`], which [`crate::isolate`]'s
//! child side calls too).

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
    /// Plugins that loaded but declare a module id found earlier on the search
    /// path, so they are not used (`juris plugins lock` still pins them).
    pub shadowed: Vec<Plugin>,
}

/// Finds and loads every plugin on the search path. A `--plugin-dir` that does
/// not exist is an `Err`; a file that fails to load is a [`LoadError`] in the set.
pub fn load(search: &SearchPath, options: &LoadOptions) -> Result<PluginSet, String> {
    let mut set = PluginSet::default();
    for candidate in candidates(search)? {
        let path = candidate.path;
        match Plugin::load(&path, options).map(|plugin| Plugin { origin: candidate.origin, ..plugin }) {
            Ok(plugin) => {
                if let Some(first) = set.plugins.iter().find(|p| p.info.id == plugin.info.id) {
                    tracing::warn!(
                        module = %plugin.info.id,
                        kept = %first.path.display(),
                        ignored = %path.display(),
                        "module found twice; keeping the first found"
                    );
                    set.shadowed.push(plugin);
                    continue;
                }
                tracing::info!(module = %plugin.info.id, path = %path.display(), isolated = options.isolate, "loaded plugin");
                set.plugins.push(plugin);
            }
            Err(message) => set.errors.push(LoadError { path, message }),
        }
    }
    Ok(set)
}

impl Plugin {
    /// Loads one plugin file as `options` say: verified against the lock (and
    /// loaded from a private copy of the verified bytes), in this process or
    /// in a child process.
    pub fn load(path: &Path, options: &LoadOptions) -> Result<Plugin, String> {
        crate::lock::refuse_writable_by_others(path)?;
        let private_copy = match &options.lock {
            Some(lock) => Some(lock.verified_copy(path)?),
            None => None,
        };
        let load_from = private_copy.as_ref().map_or(path, |c| c.path());
        let (transport, declared, abi) = if options.isolate {
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
        plugin.info = plugin.call_json("describe", &()).map_err(|e| match e {
            CallError::Unsupported => format!("plugin `{name}` does not answer `describe`"),
            CallError::Failed(message) => format!("plugin `{name}`: {message}"),
        })?;
        if plugin.info.id != declared {
            return Err(format!(
                "plugin `{name}` declares module `{declared}` in its descriptor but describes itself as `{}`",
                plugin.info.id
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
    pub fn check_encoded(&self, input: &[u8]) -> Result<Vec<Finding>, CallError> {
        self.call_raw("check", input)
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
            Transport::InProcess(handle) => handle.call(method, input),
            Transport::Isolated(child) => child.call(method, input).map_err(CallError::Failed)?,
        };
        let wire_message = || {
            serde_json::from_slice::<ErrorPayload>(&output)
                .map(|e| e.message)
                .unwrap_or_else(|_| String::from_utf8_lossy(&output).into_owned())
        };
        match status {
            abi::STATUS_OK => serde_json::from_slice(&output).map_err(|e| {
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
