//! `juris.toml`: project settings, found the way ruff finds its settings.
//!
//! juris looks for `juris.toml` in the working directory, then in each parent,
//! and stops after the directory that holds `.git` (the repository's top) or at
//! `$HOME`. `--config FILE` (or `JURIS_CONFIG`) names the file instead. Paths
//! inside the file are relative to the file's directory, and `juris.lock`
//! belongs beside it. The default manifest, `privacy.toml`, is found the same
//! way when neither the command line nor `juris.toml` names one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use juris_core::{Jurisdiction, Severity};
use serde::Deserialize;
use toml::Spanned;

/// The project settings file's name.
pub const CONFIG_FILE: &str = "juris.toml";

/// The default manifest's name.
pub const MANIFEST_FILE: &str = "privacy.toml";

/// Settings a project can keep in `juris.toml`; flags override them.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// A JSON Schema reference for editors; accepted so that `$schema` is not
    /// an unknown key, and otherwise ignored.
    #[allow(dead_code)]
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// Run each plugin in a child process (as `--isolate`).
    #[serde(default)]
    pub isolate: Option<bool>,
    /// The per-call timeout of an isolated plugin, in seconds.
    #[serde(default, deserialize_with = "plugin_timeout")]
    pub plugin_timeout_seconds: Option<u64>,
    /// The largest manifest juris reads, in bytes.
    #[serde(default, deserialize_with = "max_manifest_bytes")]
    pub max_manifest_bytes: Option<u64>,
    /// More plugin directories, searched after `JURIS_PLUGIN_PATH`.
    #[serde(default)]
    pub plugin_dirs: Vec<PathBuf>,
    /// The manifest `juris check` reads when none is given.
    pub manifest: Option<PathBuf>,
    /// Markets the manifest names that no loaded module checks, accepted as
    /// unchecked.
    #[serde(default)]
    pub unchecked_markets: Vec<Jurisdiction>,
    /// A module's law older than this many days before the as-of date is
    /// warned about (`juris/law-not-current`).
    #[serde(default, deserialize_with = "days")]
    pub law_current_within_days: Option<u32>,
    /// The longest a waiver may run from the as-of date, in days.
    #[serde(default, deserialize_with = "days")]
    pub max_waiver_days: Option<u32>,
    /// Severity per rule: `"<module>/<rule>"`, `"<module>/*"` or `"*"` to
    /// `off`, `note`, `warning` or `error`. The most specific entry wins.
    #[serde(default)]
    pub rules: BTreeMap<String, Spanned<Level>>,
}

/// A rule's level in `[rules]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Not reported.
    Off,
    /// Reported as a note.
    Note,
    /// Reported as a warning.
    Warning,
    /// Reported as an error (fails `juris check`).
    Error,
}

impl Level {
    /// The severity, or `None` for `off`.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Note => Some(Severity::Note),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// Days of law age `juris/law-not-current` allows by default.
pub const DEFAULT_LAW_CURRENT_WITHIN_DAYS: u32 = 90;

/// Days a waiver may run by default.
pub const DEFAULT_MAX_WAIVER_DAYS: u32 = 365;

/// The settings in force, and where they came from.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The file read, if any.
    pub path: Option<PathBuf>,
    /// Its text (for locating problems in it).
    pub text: String,
    /// The settings.
    pub config: Config,
}

impl Loaded {
    /// The directory paths in the file are relative to, and where `juris.lock`
    /// belongs: the file's directory, or the working directory without one.
    pub fn dir(&self) -> PathBuf {
        match self.path.as_deref().and_then(Path::parent) {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => std::env::current_dir().unwrap_or_else(|_| ".".into()),
        }
    }

    /// A path from the file, made relative to the file's directory.
    pub fn resolve(&self, path: &Path) -> PathBuf {
        if path.is_absolute() || self.path.is_none() { path.to_path_buf() } else { self.dir().join(path) }
    }

    /// `file:line:column` of a byte offset in the file.
    pub fn locate(&self, offset: usize) -> String {
        let shown = self.path.as_deref().map_or_else(|| CONFIG_FILE.to_string(), |p| p.display().to_string());
        let (line, column) = line_column(&self.text, offset);
        format!("{shown}:{line}:{column}")
    }
}

/// The ranges of juris.toml's numbers, checked as the file is read so that a
/// value out of range is an error at its line, never a wrapped or clamped
/// number later.
pub const PLUGIN_TIMEOUT_SECONDS: std::ops::RangeInclusive<u64> = 1..=86_400;
/// 1 KiB to 4 GiB less a byte: places in a manifest are held as 32-bit
/// offsets (half the memory of its syntax tree's spans).
pub const MAX_MANIFEST_BYTES: std::ops::RangeInclusive<u64> = 1024..=u32::MAX as u64;
/// Up to 100 years of days.
pub const DAYS: std::ops::RangeInclusive<u64> = 0..=36_525;

fn bounded<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    range: std::ops::RangeInclusive<u64>,
) -> Result<Option<u64>, D::Error> {
    let value = i64::deserialize(deserializer)?;
    match u64::try_from(value) {
        Ok(v) if range.contains(&v) => Ok(Some(v)),
        _ => Err(serde::de::Error::custom(format!(
            "{value} is out of range: expected {} to {}",
            range.start(),
            range.end()
        ))),
    }
}

fn plugin_timeout<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    bounded(deserializer, PLUGIN_TIMEOUT_SECONDS)
}

fn max_manifest_bytes<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    bounded(deserializer, MAX_MANIFEST_BYTES)
}

fn days<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    // DAYS ends far below u32::MAX, so the conversion cannot fail.
    bounded(deserializer, DAYS).map(|v| v.map(|v| v as u32))
}

/// The 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The nearest `name` in `start` or a parent, stopping after the directory
/// that holds `.git`, or at `$HOME`.
pub fn find_upwards(start: &Path, name: &str) -> Option<PathBuf> {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    for dir in start.ancestors() {
        let candidate = dir.join(name);
        // Anything by that name counts, a dangling symlink or a device
        // included: reading it then fails loudly, rather than juris running
        // on without the settings the project meant to have.
        if juris_host::trust::exists_at_all(&candidate) {
            return Some(candidate);
        }
        if dir.join(".git").exists() || home.as_deref() == Some(dir) {
            return None;
        }
    }
    None
}

/// Finds and reads the settings: `explicit` when given (it must exist),
/// else the nearest `juris.toml`. A malformed file is an error with its
/// location.
pub fn load(explicit: Option<&Path>) -> Result<Loaded, String> {
    let path = match explicit {
        Some(path) => Some(path.to_path_buf()),
        None => std::env::current_dir().ok().and_then(|dir| find_upwards(&dir, CONFIG_FILE)),
    };
    let Some(path) = path else { return Ok(Loaded::default()) };
    // An unreadable settings file must not silently drop `isolate = true`;
    // one that others may write to could name their plugin directory.
    juris_host::trust::check_config(&path, "settings file")?;
    let text = juris_host::input::read_text(&path, "settings file", juris_host::input::DEFAULT_MAX_BYTES)
        .map_err(|e| e.message)?;
    tracing::info!(path = %path.display(), "using settings");
    let config = parse(&text, &path)?;
    Ok(Loaded { path: Some(path), text, config })
}

/// Parses settings text; `path` names the file in the message, with the
/// line and column of the problem.
pub fn parse(text: &str, path: &Path) -> Result<Config, String> {
    toml::from_str(text).map_err(|e| {
        let at = e.span().map(|span| line_column(text, span.start));
        let location = at.map(|(l, c)| format!(":{l}:{c}")).unwrap_or_default();
        format!("{}{location}: {}", path.display(), e.message().trim())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_unknown_keys() {
        let config: Config = toml::from_str("[rules]\n\"a/b\" = \"off\"\n\"a/*\" = \"warning\"\n").unwrap();
        assert_eq!(*config.rules["a/b"].get_ref(), Level::Off);
        assert!(toml::from_str::<Config>("isolat = true\n").is_err());
        assert!(toml::from_str::<Config>("[rules]\n\"a/b\" = \"loud\"\n").is_err());
        assert_eq!(toml::from_str::<Config>("plugin_timeout_seconds = 5\n").unwrap().plugin_timeout_seconds, Some(5));
        let largest = toml::from_str::<Config>("max_manifest_bytes = 4294967295\n").unwrap();
        assert_eq!(largest.max_manifest_bytes, Some(u64::from(u32::MAX)));
        for bad in [
            "plugin_timeout_seconds = 0",
            "plugin_timeout_seconds = -1",
            "max_manifest_bytes = 10",
            // Offsets into a manifest are 32-bit.
            "max_manifest_bytes = 4294967296",
            "max_waiver_days = 4294967296",
        ] {
            let err = toml::from_str::<Config>(bad).unwrap_err();
            assert!(err.message().contains("out of range"), "{bad}: {err}");
        }
    }

    #[test]
    fn lines_and_columns_count_characters() {
        assert_eq!(line_column("ab\ncdé f", 7), (2, 4));
        assert_eq!(line_column("x", 99), (1, 2));
    }
}
