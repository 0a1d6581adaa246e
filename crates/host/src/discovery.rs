//! Where plugins are looked for, in order:
//!
//! 1. beside the running `juris` binary (so `cargo build` output works as it
//!    is), taking only files named like the built-in plugins;
//! 2. `../lib/juris/plugins` relative to the binary: the layout of the dist
//!    archive and of `cargo install` with the plugins copied beside it;
//! 3. `$XDG_DATA_HOME/juris/plugins` (default `~/.local/share/juris/plugins`);
//! 4. each directory of `JURIS_PLUGIN_PATH` (split like `PATH`);
//! 5. each `--plugin-dir` (and `plugin_dirs` in juris.toml).
//!
//! The first two are the **bundled** places: what ships with the binary. The
//! others hold plugins the user added.

use std::path::{Path, PathBuf};

/// Where a plugin file was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Shipped with the binary: beside it, or in `../lib/juris/plugins`.
    Bundled,
    /// Added by the user: `$XDG_DATA_HOME`, `JURIS_PLUGIN_PATH` or `--plugin-dir`.
    Added,
}

/// One directory of the search path.
#[derive(Clone, Debug)]
pub struct SearchDir {
    /// The directory.
    pub path: PathBuf,
    /// What put it on the path, for messages: "beside the juris binary", …
    pub why: &'static str,
    /// Whether plugins in it ship with the binary.
    pub origin: Origin,
    /// Only files named like the built-in plugins (`libjuris_*.so`) are taken:
    /// the binary's own directory may hold unrelated libraries.
    pub juris_names_only: bool,
    /// A directory the user named explicitly must exist.
    pub must_exist: bool,
}

/// The directories plugins are searched in, in order.
#[derive(Clone, Debug, Default)]
pub struct SearchPath {
    /// The directories.
    pub dirs: Vec<SearchDir>,
}

impl SearchPath {
    /// The standard search path (see the module documentation), with
    /// `plugin_dirs` last.
    pub fn standard(plugin_dirs: &[PathBuf]) -> SearchPath {
        let exe_dir = std::env::current_exe().ok().and_then(|exe| exe.parent().map(Path::to_path_buf));
        let data_home = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/share")));
        let env_dirs: Vec<PathBuf> = std::env::var_os("JURIS_PLUGIN_PATH")
            .map(|v| std::env::split_paths(&v).filter(|p| !p.as_os_str().is_empty()).collect())
            .unwrap_or_default();
        SearchPath::new(exe_dir.as_deref(), data_home.as_deref(), &env_dirs, plugin_dirs)
    }

    /// A search path from its parts (the standard one reads them from the
    /// environment).
    pub fn new(
        exe_dir: Option<&Path>,
        data_home: Option<&Path>,
        env_dirs: &[PathBuf],
        plugin_dirs: &[PathBuf],
    ) -> Self {
        let mut dirs = Vec::new();
        if let Some(exe_dir) = exe_dir {
            dirs.push(SearchDir {
                path: exe_dir.to_path_buf(),
                why: "beside the juris binary",
                origin: Origin::Bundled,
                juris_names_only: true,
                must_exist: false,
            });
            dirs.push(SearchDir {
                path: exe_dir.join("../lib/juris/plugins"),
                why: "the installation's lib/juris/plugins",
                origin: Origin::Bundled,
                juris_names_only: false,
                must_exist: false,
            });
        }
        if let Some(data_home) = data_home {
            dirs.push(SearchDir {
                path: data_home.join("juris/plugins"),
                why: "$XDG_DATA_HOME/juris/plugins",
                origin: Origin::Added,
                juris_names_only: false,
                must_exist: false,
            });
        }
        for dir in env_dirs {
            dirs.push(SearchDir {
                path: dir.clone(),
                why: "JURIS_PLUGIN_PATH",
                origin: Origin::Added,
                juris_names_only: false,
                must_exist: true,
            });
        }
        for dir in plugin_dirs {
            dirs.push(SearchDir {
                path: dir.clone(),
                why: "--plugin-dir",
                origin: Origin::Added,
                juris_names_only: false,
                must_exist: true,
            });
        }
        SearchPath { dirs }
    }

    /// Every place searched, one per line, for a message that says where
    /// juris looked.
    pub fn describe(&self) -> Vec<String> {
        self.dirs
            .iter()
            .map(|d| {
                let state = if d.path.is_dir() { "" } else { " (does not exist)" };
                format!("{} ({}){state}", d.path.display(), d.why)
            })
            .collect()
    }
}

fn is_library(path: &Path) -> bool {
    path.is_file()
        && path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(std::env::consts::DLL_SUFFIX))
}

fn is_juris_named(path: &Path) -> bool {
    let prefix = format!("{}juris_", std::env::consts::DLL_PREFIX);
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&prefix))
}

fn list(dir: &SearchDir) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = match std::fs::read_dir(&dir.path) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| is_library(p) && (!dir.juris_names_only || is_juris_named(p)))
            .collect(),
        Err(error) => {
            tracing::debug!(dir = %dir.path.display(), %error, "cannot read plugin directory");
            Vec::new()
        }
    };
    // Sorted, so that results and their order do not depend on the file system.
    found.sort();
    found
}

/// A plugin file found on the search path.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The file.
    pub path: PathBuf,
    /// Whether it ships with the binary.
    pub origin: Origin,
}

/// Every candidate plugin file on the search path, in search order, each
/// canonical path once. A directory the user named that does not exist is an
/// error.
pub fn candidates(search: &SearchPath) -> Result<Vec<Candidate>, String> {
    let mut files = Vec::new();
    for dir in &search.dirs {
        if dir.must_exist && !dir.path.is_dir() {
            return Err(format!(
                "plugin directory `{}` ({}) does not exist or is not a directory",
                dir.path.display(),
                dir.why
            ));
        }
        files.extend(list(dir).into_iter().map(|path| Candidate { path, origin: dir.origin }));
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(f.path.canonicalize().unwrap_or_else(|_| f.path.clone())));
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_order_is_binary_dist_xdg_env_flags() {
        let search = SearchPath::new(
            Some(Path::new("/opt/juris/bin")),
            Some(Path::new("/home/u/.local/share")),
            &[PathBuf::from("/env")],
            &[PathBuf::from("/flag")],
        );
        let dirs: Vec<String> = search.dirs.iter().map(|d| d.path.display().to_string()).collect();
        assert_eq!(
            dirs,
            [
                "/opt/juris/bin",
                "/opt/juris/bin/../lib/juris/plugins",
                "/home/u/.local/share/juris/plugins",
                "/env",
                "/flag"
            ]
        );
        let origins: Vec<Origin> = search.dirs.iter().map(|d| d.origin).collect();
        assert_eq!(origins, [Origin::Bundled, Origin::Bundled, Origin::Added, Origin::Added, Origin::Added]);
        assert!(search.describe()[0].contains("beside the juris binary"));
    }
}
