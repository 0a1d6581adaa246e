//! Where plugins are looked for.

use std::path::{Path, PathBuf};

/// The directories plugins are searched in, in order.
#[derive(Clone, Debug, Default)]
pub struct SearchPath {
    /// The directory of the running `juris` binary. Only files named like the
    /// built-in plugins (`libjuris_*.so` on Linux) are taken from it, since it
    /// may hold unrelated libraries.
    pub bundled: Option<PathBuf>,
    /// Directories from `JURIS_PLUGIN_PATH` and `--plugin-dir`, in that order.
    /// Every shared library in them is expected to be a plugin.
    pub explicit: Vec<PathBuf>,
}

impl SearchPath {
    /// The standard search path: beside the running binary, then
    /// `JURIS_PLUGIN_PATH` (split like `PATH`), then `plugin_dirs`.
    pub fn standard(plugin_dirs: &[PathBuf]) -> SearchPath {
        let bundled = std::env::current_exe().ok().and_then(|exe| exe.parent().map(Path::to_path_buf));
        let mut explicit: Vec<PathBuf> = std::env::var_os("JURIS_PLUGIN_PATH")
            .map(|v| std::env::split_paths(&v).filter(|p| !p.as_os_str().is_empty()).collect())
            .unwrap_or_default();
        explicit.extend(plugin_dirs.iter().cloned());
        SearchPath { bundled, explicit }
    }
}

fn is_library(path: &Path) -> bool {
    path.is_file()
        && path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(std::env::consts::DLL_SUFFIX))
}

fn is_bundled_plugin(path: &Path) -> bool {
    let prefix = format!("{}juris_", std::env::consts::DLL_PREFIX);
    is_library(path) && path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&prefix))
}

fn list(dir: &Path, keep: fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| keep(p)).collect(),
        Err(error) => {
            tracing::debug!(dir = %dir.display(), %error, "cannot read plugin directory");
            Vec::new()
        }
    };
    // Sorted, so that results and their order do not depend on the file system.
    found.sort();
    found
}

/// Every candidate plugin file on the search path, in search order, each
/// canonical path once. A `--plugin-dir` that does not exist is an error.
pub fn candidates(search: &SearchPath) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    if let Some(dir) = &search.bundled {
        files.extend(list(dir, is_bundled_plugin));
    }
    for dir in &search.explicit {
        if !dir.is_dir() {
            return Err(format!("plugin directory `{}` does not exist or is not a directory", dir.display()));
        }
        files.extend(list(dir, is_library));
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(f.canonicalize().unwrap_or_else(|_| f.clone())));
    Ok(files)
}
