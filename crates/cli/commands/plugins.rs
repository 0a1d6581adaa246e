//! `juris plugins`: what is loaded, from where, with which ABI and rules.

use serde_json::json;

use crate::Outcome;
use crate::args::ListFormat;
use crate::output::outln;
use crate::sanitize;
use crate::session::{self, Session};

pub fn run(session: &Session, format: ListFormat) -> Outcome {
    let set = match session::load(session) {
        Ok(set) => set,
        Err(outcome) => return outcome,
    };
    match format {
        ListFormat::Json => {
            let plugins: Vec<_> = set
                .plugins
                .iter()
                .map(|p| {
                    json!({
                        "id": p.info.id,
                        "name": p.info.name,
                        "version": p.info.version,
                        "path": p.path.display().to_string(),
                        "origin": match p.origin {
                            juris_host::Origin::Bundled => "bundled",
                            juris_host::Origin::Added => "added",
                        },
                        "abi": format!("{}.{}", p.abi.0, p.abi.1),
                        "core_version": p.info.core_version,
                        "jurisdictions": p.info.jurisdictions,
                        "laws": p.info.laws,
                        "rules": p.info.rules.iter().map(|r| &r.id).collect::<Vec<_>>(),
                        "options": p.info.options,
                    })
                })
                .collect();
            let errors: Vec<_> = set
                .errors
                .iter()
                .map(|e| json!({ "path": e.path.display().to_string(), "error": e.message }))
                .collect();
            crate::output::json(&json!({ "plugins": plugins, "errors": errors }));
            session::report_load_errors(&set);
        }
        ListFormat::Text => {
            if set.plugins.is_empty() {
                outln!("no plugins found");
            }
            for p in &set.plugins {
                let places: Vec<String> = p.info.jurisdictions.iter().map(ToString::to_string).collect();
                let origin = match p.origin {
                    juris_host::Origin::Bundled => "bundled",
                    juris_host::Origin::Added => "added",
                };
                outln!(
                    "{} {} — {}",
                    sanitize::line(&p.info.id),
                    sanitize::line(&p.info.version),
                    sanitize::line(&p.info.name)
                );
                outln!("  file:          {} ({origin})", sanitize::line(&p.path.display().to_string()));
                outln!(
                    "  abi:           v{}.{} (juris-core {})",
                    p.abi.0,
                    p.abi.1,
                    sanitize::line(&p.info.core_version)
                );
                outln!("  jurisdictions: {}", places.join(", "));
                outln!("  rules:         {}", p.info.rules.len());
                for law in &p.info.laws {
                    outln!("  law:           {} (current to {})", sanitize::line(&law.name), law.current_to);
                }
            }
            session::report_load_errors(&set);
        }
    }
    if set.errors.is_empty() { Outcome::Clean } else { Outcome::PluginFailed }
}

/// `juris plugins lock`: pins every plugin found (ignoring any existing lock,
/// which is being replaced) in juris.lock in the current directory.
pub fn lock(session: &Session) -> Outcome {
    let unpinned = Session {
        search: session.search.clone(),
        options: juris_host::LoadOptions { lock: None, ..session.options.clone() },
        config: Default::default(),
        lock_path: session.lock_path.clone(),
    };
    let set = match session::load(&unpinned) {
        Ok(set) => set,
        Err(outcome) => return outcome,
    };
    let outcome = session::report_load_errors(&set);
    if outcome != Outcome::Clean {
        eprintln!("error: juris.lock was not written: fix or remove the plugins that failed to load first");
        return outcome;
    }
    let mut entries = Vec::new();
    for plugin in &set.plugins {
        match juris_host::Lockfile::entry(plugin.id(), &plugin.info.version, plugin.abi.0, &plugin.path) {
            Ok(entry) => entries.push(entry),
            Err(message) => {
                eprintln!("error: {message}");
                return Outcome::InputError;
            }
        }
    }
    let lock = juris_host::lock::lock_for(entries);
    let path = session.lock_path.as_path();
    if let Err(error) = std::fs::write(path, lock.to_toml()) {
        eprintln!("error: cannot write {}: {error}", path.display());
        return Outcome::InputError;
    }
    for p in &lock.plugins {
        outln!("locked {} {} ({}) {}", p.id, p.version, p.file, p.hashes.join(" "));
    }
    outln!("wrote {} with {} plugin(s)", path.display(), lock.plugins.len());
    Outcome::Clean
}
