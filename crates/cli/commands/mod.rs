//! One file per subcommand.

pub mod calendar;
pub mod check;
pub mod ics;
pub mod init;
pub mod meta;
pub mod notice;
pub mod plan;
pub mod plugins;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod scan;

use juris_host::{Plugin, PluginSet};

use crate::Outcome;
use crate::sanitize;

/// The plugins selected by `--module` (all when none is given). An unknown id
/// is a usage error, with a suggestion.
pub fn select<'a>(set: &'a PluginSet, ids: &[String]) -> Result<Vec<&'a Plugin>, Outcome> {
    if ids.is_empty() {
        return Ok(set.plugins.iter().collect());
    }
    let mut selected = Vec::new();
    for id in ids {
        match set.plugins.iter().find(|p| p.id() == id) {
            Some(plugin) => selected.push(plugin),
            None => {
                let known: Vec<&str> = set.plugins.iter().map(|p| p.id()).collect();
                let hint = juris_core::suggest::closest(id, known.iter().copied(), 3)
                    .map(|k| format!("did you mean `{k}`? "))
                    .unwrap_or_default();
                eprintln!(
                    "error: no loaded module is called `{}`; {}loaded modules: {}",
                    sanitize::line(id),
                    sanitize::line(&hint),
                    sanitize::line(&list_or_none(&known))
                );
                return Err(Outcome::InputError);
            }
        }
    }
    Ok(selected)
}

/// `a, b, c`, or `none`.
pub fn list_or_none(items: &[&str]) -> String {
    if items.is_empty() { "none".to_string() } else { items.join(", ") }
}
