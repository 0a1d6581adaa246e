//! One file per subcommand.

pub mod check;
pub mod plan;
pub mod plugins;
pub mod resolve;
pub mod rules;

use juris_host::{Plugin, PluginSet};

use crate::Outcome;

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
                eprintln!("error: no loaded module is called `{id}`; {hint}loaded modules: {}", list_or_none(&known));
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

/// Prints pretty JSON to stdout, through a buffer.
pub fn print_json(value: &impl serde::Serialize) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = serde_json::to_writer_pretty(&mut out, value)
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out))
        .and_then(|()| out.flush());
    if let Err(error) = written {
        crate::output::closed_or_failed(error);
    }
}
