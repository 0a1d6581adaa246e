//! Which files juris may trust: the file-system checks for everything juris
//! executes or obeys.
//!
//! A **plugin** is native code run with the user's rights, so juris loads it
//! only when no one but the user (or root) could have put it there or changed
//! it:
//!
//! - symlinks are resolved first, and the checks apply to the file they lead to;
//! - the file is a regular file, owned by root or by the user running juris,
//!   and writable by no one else: no write bit for its group or for others;
//! - the same holds for every directory from the file up to `/`: a directory
//!   another user may write to lets that user replace the file, or a
//!   directory on the way to it. The plugin's own directory must not be
//!   writable by others even with the sticky bit: a file placed in `/tmp` by
//!   another user is still that user's. Higher up, a sticky world-writable
//!   directory such as `/tmp` is passed through only to an entry owned by root
//!   or you, which the sticky bit stops others from renaming or removing
//!   (`unlink(2)`, `rename(2)`: `EPERM` for a non-owner); that entry is itself
//!   checked as above. So `/tmp/mine/plugins/x.so`, with `mine` yours and
//!   mode 0755, loads; `/tmp/x.so` does not.
//!
//! `--allow-insecure-plugins` overrides this, with a warning, as ssh's
//! `StrictModes no` and sudo's `secure_path` exemptions do: for a machine
//! whose only user is you.
//!
//! **juris.toml and juris.lock** decide how plugins are loaded and which bytes
//! may run, so they must be regular files owned by root or the user and not
//! writable by others; a lock that exists but cannot be read (a dangling
//! symlink, a directory, no permission) is an error, never a missing lock.

use std::path::{Path, PathBuf};

/// Why a file may not be trusted, naming the path, owner and mode.
pub type Refusal = String;

/// How a path is reached: the file itself, the directory holding it, or a
/// directory further up (where a sticky bit protects the entry on the way
/// down).
#[cfg(unix)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    File,
    Holding,
    Above,
}

/// What is wrong with one path on the way to a trusted file.
#[cfg(unix)]
#[derive(Debug, PartialEq, Eq)]
enum Problem {
    /// Owned by someone other than root and the user.
    Owner(u32),
    /// Writable by someone other than its owner, in words.
    Writable(&'static str),
}

/// The rule, apart from the file system: `owner` and `mode` of one path, the
/// user running juris (`me`), and where on the way to the file the path is.
#[cfg(unix)]
fn judge(owner: u32, mode: u32, is_dir: bool, me: u32, place: Place) -> Option<Problem> {
    if owner != 0 && owner != me {
        return Some(Problem::Owner(owner));
    }
    let sticky = mode & 0o1000 != 0;
    if place == Place::Above && sticky && is_dir {
        // The entry below is checked for its owner in turn; the sticky bit
        // keeps everyone else from renaming or removing it.
        return None;
    }
    if mode & 0o002 != 0 {
        return Some(Problem::Writable(if sticky {
            "every user (it is world-writable; the sticky bit does not make a file someone else put there yours)"
        } else {
            "every user"
        }));
    }
    if mode & 0o020 != 0 {
        // Even a user's "private" group may have other members.
        return Some(Problem::Writable("its group"));
    }
    None
}

#[cfg(unix)]
fn check_one(path: &Path, what: &str, target: &Path, place: Place) -> Result<(), Refusal> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot inspect `{}`: {e}", path.display()))?;
    let me = rustix::process::geteuid().as_raw();
    let mode = meta.permissions().mode() & 0o7777;
    let which = if place == Place::File { "the file" } else { "the directory" };
    match judge(meta.uid(), mode, meta.is_dir(), me, place) {
        None => Ok(()),
        Some(Problem::Owner(owner)) => Err(format!(
            "{what} `{}` is refused: {which} `{}` is owned by uid {owner} (not root, not you, uid {me}), so that user could change what juris runs",
            target.display(),
            path.display(),
        )),
        Some(Problem::Writable(who)) => Err(format!(
            "{what} `{}` is refused: {which} `{}` is writable by {who} (mode {mode:o}, owner uid {}), so others could replace what juris runs; remove that permission (chmod go-w) or move the file",
            target.display(),
            path.display(),
            meta.uid()
        )),
    }
}

/// Checks a plugin file and every directory above it. Returns the file's
/// real path (symlinks resolved), which is what is then loaded.
pub fn check_plugin(path: &Path) -> Result<PathBuf, Refusal> {
    let real =
        std::fs::canonicalize(path).map_err(|e| format!("plugin `{}` cannot be resolved: {e}", path.display()))?;
    let meta = std::fs::metadata(&real).map_err(|e| format!("plugin `{}`: {e}", path.display()))?;
    if !meta.is_file() {
        return Err(format!("plugin `{}` is refused: `{}` is not a regular file", path.display(), real.display()));
    }
    #[cfg(unix)]
    {
        check_one(&real, "plugin", &real, Place::File)?;
        for (i, dir) in real.ancestors().skip(1).enumerate() {
            check_one(dir, "plugin", &real, if i == 0 { Place::Holding } else { Place::Above })?;
        }
    }
    Ok(real)
}

/// Checks a settings or lock file that exists: a regular file (after
/// symlinks), owned by root or the user, not writable by others.
pub fn check_config(path: &Path, what: &str) -> Result<PathBuf, Refusal> {
    let real = std::fs::canonicalize(path).map_err(|e| {
        format!(
            "{what} `{}` exists but cannot be read ({e}); fix or remove it rather than run without it",
            path.display()
        )
    })?;
    let meta = std::fs::metadata(&real).map_err(|e| format!("{what} `{}`: {e}", path.display()))?;
    if !meta.is_file() {
        return Err(format!("{what} `{}` is not a regular file", path.display()));
    }
    #[cfg(unix)]
    check_one(&real, what, &real, Place::File)?;
    Ok(real)
}

/// Whether something is at `path`, a dangling symlink included: a lock that
/// is a symlink to nowhere must be an error, not "no lock".
pub fn exists_at_all(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn scratch(name: &str) -> PathBuf {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../target/test-tmp")
            .join(format!("trust-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        dir
    }

    #[test]
    fn a_world_writable_directory_or_file_is_refused_with_the_reason() {
        let dir = scratch("dir");
        let file = dir.join("libx.so");
        std::fs::write(&file, b"x").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(check_plugin(&file).is_ok(), "{:?}", check_plugin(&file));
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o1777)).unwrap();
        let err = check_plugin(&file).unwrap_err();
        assert!(err.contains("the directory") && err.contains("sticky") && err.contains("1777"), "{err}");
        // Above the plugin's own directory, a sticky world-writable directory
        // is passed through to an entry of yours; a plain world-writable one
        // is not.
        let inner = dir.join("plugins");
        std::fs::create_dir(&inner).unwrap();
        std::fs::set_permissions(&inner, std::fs::Permissions::from_mode(0o755)).unwrap();
        let deep = inner.join("liby.so");
        std::fs::write(&deep, b"y").unwrap();
        std::fs::set_permissions(&deep, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(check_plugin(&deep).is_ok(), "{:?}", check_plugin(&deep));
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
        let err = check_plugin(&deep).unwrap_err();
        assert!(err.contains("the directory") && err.contains("every user") && err.contains("777"), "{err}");
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o646)).unwrap();
        assert!(check_plugin(&file).unwrap_err().contains("the file"), "writable by others");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_rule_for_owners_modes_and_sticky_directories() {
        let (me, other) = (1000, 1001);
        assert_eq!(judge(other, 0o755, false, me, Place::File), Some(Problem::Owner(other)));
        assert_eq!(judge(other, 0o755, true, me, Place::Above), Some(Problem::Owner(other)));
        assert_eq!(
            judge(other, 0o1777, true, me, Place::Above),
            Some(Problem::Owner(other)),
            "its owner may swap entries"
        );
        assert_eq!(judge(0, 0o755, false, me, Place::File), None, "root's files are trusted");
        assert_eq!(judge(me, 0o644, false, me, Place::File), None);
        assert_eq!(judge(0, 0o1777, true, me, Place::Above), None, "/tmp on the way to a directory of yours");
        assert!(
            matches!(judge(0, 0o1777, true, me, Place::Holding), Some(Problem::Writable(w)) if w.contains("sticky"))
        );
        assert!(matches!(judge(0, 0o777, true, me, Place::Above), Some(Problem::Writable("every user"))));
        assert!(matches!(judge(me, 0o775, true, me, Place::Holding), Some(Problem::Writable("its group"))));
        assert!(matches!(judge(me, 0o664, false, me, Place::File), Some(Problem::Writable("its group"))));
        assert!(
            matches!(judge(me, 0o1777, false, me, Place::File), Some(Problem::Writable(_))),
            "sticky means nothing on a file"
        );
    }

    #[test]
    fn symlinks_are_followed_and_dangling_ones_are_errors() {
        let dir = scratch("link");
        let target = dir.join("real.so");
        std::fs::write(&target, b"x").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
        let link = dir.join("link.so");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(check_plugin(&link).unwrap(), std::fs::canonicalize(&target).unwrap());
        let dangling = dir.join("juris.lock");
        std::os::unix::fs::symlink(dir.join("nowhere"), &dangling).unwrap();
        assert!(exists_at_all(&dangling));
        assert!(check_config(&dangling, "lock file").unwrap_err().contains("exists but cannot be read"));
        assert!(check_config(&dir, "lock file").unwrap_err().contains("not a regular file"));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
