//! Loading a plugin library and calling it.
//!
//! This file holds the host's only `unsafe` code: opening a library and
//! reading its entry symbol.

use std::path::{Path, PathBuf};

use juris_core::abi::{self, CallError as WireError, Checked};
use juris_core::module::{EventContext, Plan, Resolution, ResolveContext};
use juris_core::{CheckContext, Finding, ModuleInfo};
use serde::de::DeserializeOwned;

use crate::discovery::{SearchPath, candidates};

/// A loaded plugin.
pub struct Plugin {
    /// The file it was loaded from.
    pub path: PathBuf,
    /// What it says it is.
    pub info: ModuleInfo,
    /// Its ABI version, `(major, minor)`.
    pub abi: (u16, u16),
    handle: Checked,
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
    /// The plugin failed or panicked; the message names it.
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

/// Finds and loads every plugin on the search path. A `--plugin-dir` that does
/// not exist is an `Err`; a file that fails to load is a [`LoadError`] in the set.
pub fn load(search: &SearchPath) -> Result<PluginSet, String> {
    let mut set = PluginSet::default();
    for path in candidates(search)? {
        match Plugin::open(&path) {
            Ok(plugin) => {
                if let Some(first) = set.plugins.iter().find(|p| p.info.id == plugin.info.id) {
                    tracing::warn!(
                        module = %plugin.info.id,
                        kept = %first.path.display(),
                        ignored = %path.display(),
                        "module found twice; keeping the first found"
                    );
                    continue;
                }
                tracing::info!(module = %plugin.info.id, path = %path.display(), "loaded plugin");
                set.plugins.push(plugin);
            }
            Err(message) => set.errors.push(LoadError { path, message }),
        }
    }
    Ok(set)
}

impl Plugin {
    /// Loads one plugin file: opens the library, finds the entry symbol,
    /// checks the handshake and asks the module to describe itself.
    pub fn open(path: &Path) -> Result<Plugin, String> {
        let name = path.display();
        // SAFETY: loading a library runs its initialisers. juris loads only files
        // the user placed on the plugin search path, which is the trust decision
        // of any plugin system; the library is then kept loaded for the life of
        // the process (leaked below), so no symbol outlives it.
        let library = unsafe { libloading::Library::new(path) }.map_err(|e| {
            let cause = std::error::Error::source(&e).map(|s| format!(": {s}")).unwrap_or_default();
            format!("plugin `{name}` could not be loaded: {e}{cause}")
        })?;
        let library: &'static libloading::Library = Box::leak(Box::new(library));
        let symbol = abi::ENTRY_SYMBOL;
        let entry = {
            // SAFETY: the symbol's type is the ABI's entry signature, which every
            // juris plugin exports under this exact name (the name carries the ABI
            // major, so a plugin of another major has no such symbol).
            let found = unsafe { library.get::<extern "C" fn() -> *const abi::ModuleDescriptor>(symbol) };
            *found.map_err(|_| {
                format!(
                    "`{name}` is not a juris plugin for ABI v{}: it has no `juris_module_v{}` entry symbol (a plugin built for another ABI major exports another name)",
                    abi::ABI_MAJOR,
                    abi::ABI_MAJOR
                )
            })?
        };
        // The generated entry point only returns the address of a static; it
        // runs no module code, so it has nothing to panic on.
        let descriptor = entry();
        // SAFETY: the descriptor pointer comes from the plugin's entry symbol,
        // which returns null or a pointer to static memory in the library, and
        // the library is never unloaded.
        let handle =
            unsafe { abi::check_descriptor(descriptor) }.map_err(|e| format!("plugin `{name}` was refused: {e}"))?;
        let declared = handle.module_id();
        let info: ModuleInfo = call_json(&handle, &declared, "describe", &()).map_err(|e| match e {
            CallError::Unsupported => format!("plugin `{name}` does not answer `describe`"),
            CallError::Failed(message) => format!("plugin `{name}`: {message}"),
        })?;
        if info.id != declared {
            return Err(format!(
                "plugin `{name}` declares module `{declared}` in its descriptor but describes itself as `{}`",
                info.id
            ));
        }
        Ok(Plugin { path: path.to_path_buf(), abi: handle.abi(), info, handle })
    }

    /// The module id.
    pub fn id(&self) -> &str {
        &self.info.id
    }

    /// Runs the module's checks. `input` is a JSON-encoded [`CheckContext`],
    /// encoded once by the caller and shared by every plugin.
    pub fn check_encoded(&self, input: &[u8]) -> Result<Vec<Finding>, CallError> {
        call_raw(&self.handle, self.id(), "check", input)
    }

    /// Runs the module's checks.
    pub fn check(&self, ctx: &CheckContext) -> Result<Vec<Finding>, CallError> {
        call_json(&self.handle, self.id(), "check", ctx)
    }

    /// Computes the duties an event triggers.
    pub fn obligations(&self, ctx: &EventContext) -> Result<Plan, CallError> {
        call_json(&self.handle, self.id(), "obligations", ctx)
    }

    /// What the module's law says about a person in a jurisdiction.
    pub fn resolve(&self, ctx: &ResolveContext) -> Result<Resolution, CallError> {
        call_json(&self.handle, self.id(), "resolve", ctx)
    }
}

fn call_json<I: serde::Serialize, O: DeserializeOwned>(
    handle: &Checked,
    module: &str,
    method: &str,
    input: &I,
) -> Result<O, CallError> {
    let bytes = serde_json::to_vec(input)
        .map_err(|e| CallError::Failed(format!("cannot encode the `{method}` request for module `{module}`: {e}")))?;
    call_raw(handle, module, method, &bytes)
}

fn call_raw<O: DeserializeOwned>(handle: &Checked, module: &str, method: &str, input: &[u8]) -> Result<O, CallError> {
    let (status, output) = handle.call(method, input);
    let wire_message = || {
        serde_json::from_slice::<WireError>(&output)
            .map(|e| e.message)
            .unwrap_or_else(|_| String::from_utf8_lossy(&output).into_owned())
    };
    match status {
        abi::STATUS_OK => serde_json::from_slice(&output).map_err(|e| {
            CallError::Failed(format!("module `{module}` returned a `{method}` result juris cannot read: {e}"))
        }),
        abi::STATUS_UNSUPPORTED => Err(CallError::Unsupported),
        abi::STATUS_PANIC => Err(CallError::Failed(wire_message())),
        abi::STATUS_ERROR => {
            Err(CallError::Failed(format!("module `{module}` failed in `{method}`: {}", wire_message())))
        }
        other => Err(CallError::Failed(format!("module `{module}` returned unknown status {other} from `{method}`"))),
    }
}
