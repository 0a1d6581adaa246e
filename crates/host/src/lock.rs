//! Integrity pinning: `juris.lock` records the SHA-256 of every trusted plugin
//! file (scheme-prefixed, as Terraform's provider lock does), and a plugin whose
//! bytes differ, or that is not listed, is refused.
//!
//! The bytes that are hashed are the bytes that are loaded: a pinned plugin is
//! read once, hashed, written to a private directory only this user can read,
//! and loaded from there, so the file cannot change between check and load.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The file name of the lock, in the project directory.
pub const LOCK_FILE: &str = "juris.lock";

/// A parsed `juris.lock`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lockfile {
    /// The lock format version: 1.
    pub version: u32,
    /// One entry per plugin file.
    #[serde(default, rename = "plugin")]
    pub plugins: Vec<LockedPlugin>,
    /// Where it was read from (for messages).
    #[serde(skip)]
    pub path: PathBuf,
}

/// One pinned plugin.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockedPlugin {
    /// The module id.
    pub id: String,
    /// The module's version when locked.
    pub version: String,
    /// The ABI major.
    pub abi: u16,
    /// The plugin's file name (not its directory, so a lock is portable).
    pub file: String,
    /// Accepted hashes, `sha256:<hex>`; more than one when, e.g., builds for
    /// several platforms are trusted.
    pub hashes: Vec<String>,
}

/// The scheme-prefixed SHA-256 of some bytes.
pub fn sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(71);
    hex.push_str("sha256:");
    for b in digest {
        hex.push_str(&format!("{b:02x}"));
    }
    hex
}

impl Lockfile {
    /// Reads a lock file. A malformed lock is an error (exit 2 for the CLI):
    /// silently ignoring it would load unpinned plugins.
    pub fn read(path: &Path) -> Result<Lockfile, String> {
        crate::trust::check_config(path, "lock file")?;
        let text =
            crate::input::read_text(path, "lock file", crate::input::DEFAULT_MAX_BYTES).map_err(|e| e.message)?;
        Lockfile::parse(&text, path)
    }

    /// Parses a lock's text; `path` names it in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Lockfile, String> {
        let mut lock: Lockfile =
            toml::from_str(text).map_err(|e| format!("`{}` is not a valid juris lock: {e}", path.display()))?;
        if lock.version != 1 {
            return Err(format!("`{}` has lock version {}; this juris reads version 1", path.display(), lock.version));
        }
        for plugin in &lock.plugins {
            for hash in &plugin.hashes {
                if !hash.starts_with("sha256:") {
                    tracing::warn!(%hash, file = %plugin.file, "unknown hash scheme in juris.lock; ignored");
                }
            }
        }
        lock.path = path.to_path_buf();
        Ok(lock)
    }

    /// The lock's text.
    pub fn to_toml(&self) -> String {
        let mut out = String::from(
            "# juris.lock: the plugin files this project trusts, pinned by content.\n# Written by `juris plugins lock`; commit it, and re-run that command after a deliberate plugin update.\n",
        );
        out.push_str(&toml::to_string_pretty(self).unwrap_or_default());
        out
    }

    /// Builds a lock entry for a loaded plugin file.
    pub fn entry(id: &str, version: &str, abi: u16, path: &Path) -> Result<LockedPlugin, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
        Ok(LockedPlugin {
            id: id.to_string(),
            version: version.to_string(),
            abi,
            file: file_name(path),
            hashes: vec![sha256(&bytes)],
        })
    }

    /// Reads `path` once, checks its hash against the lock, and writes the
    /// verified bytes to a private copy to load from.
    pub fn verified_copy(&self, path: &Path) -> Result<PrivateCopy, String> {
        let name = file_name(path);
        let shown = path.display();
        let lock = self.path.display();
        let Some(entry) = self.plugins.iter().find(|p| p.file == name) else {
            return Err(format!(
                "plugin `{shown}` is not listed in `{lock}`; if you trust it, run `juris plugins lock` to add it"
            ));
        };
        // One open: the permissions checked, the bytes hashed and the bytes
        // loaded (from the private copy) all come from the same file handle.
        let mut file = std::fs::File::open(path).map_err(|e| format!("cannot read plugin `{shown}`: {e}"))?;
        let meta = file.metadata().map_err(|e| format!("cannot read plugin `{shown}`: {e}"))?;
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        std::io::Read::read_to_end(&mut file, &mut bytes).map_err(|e| format!("cannot read plugin `{shown}`: {e}"))?;
        let actual = sha256(&bytes);
        if !entry.hashes.iter().any(|h| h == &actual) {
            return Err(format!(
                "plugin `{shown}` does not match `{lock}`: its bytes hash to {actual}, the lock pins {}; if this change is expected, run `juris plugins lock` to update the lock",
                entry.hashes.join(", ")
            ));
        }
        PrivateCopy::write(&name, &bytes)
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Verified plugin bytes in a directory only this user can read; removed when
/// dropped (a loaded library stays mapped after its file is gone).
pub struct PrivateCopy {
    dir: PathBuf,
    file: PathBuf,
}

impl PrivateCopy {
    fn write(name: &str, bytes: &[u8]) -> Result<PrivateCopy, String> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        // `create` fails if the name exists, so a directory someone else made
        // in advance is never used; try fresh, hard-to-guess names instead.
        let mut attempt = 0;
        let dir = loop {
            let nanos =
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
            let unique =
                format!("juris-plugin-{}-{}-{nanos:08x}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
            let dir = std::env::temp_dir().join(unique);
            match builder.create(&dir) {
                Ok(()) => break dir,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 16 => attempt += 1,
                Err(e) => return Err(format!("cannot create a private directory for plugin `{name}`: {e}")),
            }
        };
        let file = dir.join(name);
        std::fs::write(&file, bytes).map_err(|e| format!("cannot write a private copy of plugin `{name}`: {e}"))?;
        Ok(PrivateCopy { dir, file })
    }

    /// The copy's path.
    pub fn path(&self) -> &Path {
        &self.file
    }
}

impl Drop for PrivateCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A lock built from the loaded plugins, one entry per file name (sorted),
/// with the hashes of every file of that name merged: the same name in two
/// plugin directories must not lock one copy out.
pub fn lock_for(entries: Vec<LockedPlugin>) -> Lockfile {
    let mut by_file: BTreeMap<String, LockedPlugin> = BTreeMap::new();
    for e in entries {
        match by_file.get_mut(&e.file) {
            Some(existing) => {
                for hash in e.hashes {
                    if !existing.hashes.contains(&hash) {
                        existing.hashes.push(hash);
                    }
                }
            }
            None => {
                by_file.insert(e.file.clone(), e);
            }
        }
    }
    Lockfile { version: 1, plugins: by_file.into_values().collect(), path: PathBuf::from(LOCK_FILE) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_is_scheme_prefixed_hex() {
        assert_eq!(sha256(b"abc"), "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn lock_round_trips() {
        let lock = lock_for(vec![LockedPlugin {
            id: "x".into(),
            version: "1.0.0".into(),
            abi: 1,
            file: "libjuris_x.so".into(),
            hashes: vec![sha256(b"x")],
        }]);
        let text = lock.to_toml();
        let dir = std::env::temp_dir().join(format!("juris-lock-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(LOCK_FILE);
        std::fs::write(&path, text).unwrap();
        let read = Lockfile::read(&path).unwrap();
        assert_eq!(read.plugins.len(), 1);
        assert_eq!(read.plugins[0].hashes, vec![sha256(b"x")]);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
