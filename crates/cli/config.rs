//! `juris.toml`: project settings, read from the current directory.

use std::path::Path;

use serde::Deserialize;

/// The project settings file's name.
pub const CONFIG_FILE: &str = "juris.toml";

/// Settings a project can keep in `juris.toml`; flags override them.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Run each plugin in a child process (as `--isolate`).
    #[serde(default)]
    pub isolate: bool,
    /// The per-call timeout of an isolated plugin, in seconds.
    pub plugin_timeout_seconds: Option<u64>,
}

/// Reads `juris.toml` from `dir` when there is one. A malformed file is an
/// input error with its location.
pub fn read(dir: &Path) -> Result<Config, String> {
    let path = dir.join(CONFIG_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        // An unreadable settings file must not silently drop `isolate = true`.
        Err(error) => return Err(format!("cannot read {}: {error}", path.display())),
    };
    toml::from_str(&text).map_err(|e| {
        let location = e
            .span()
            .map(|span| {
                let before = &text[..span.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                format!(":{line}:{column}")
            })
            .unwrap_or_default();
        format!("{}{location}: {}", path.display(), e.message().trim())
    })
}
