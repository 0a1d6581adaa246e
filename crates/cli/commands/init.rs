//! `juris init`: a commented starter `privacy.toml` and `juris.toml` that
//! parse and check, for the markets given. Existing files are never
//! overwritten.

use std::path::PathBuf;

use juris_core::Jurisdiction;

use crate::Outcome;
use crate::args::InitArgs;
use crate::config::{CONFIG_FILE, MANIFEST_FILE};
use crate::output::outln;
use crate::sanitize;

const MANIFEST_TEMPLATE: &str = include_str!("../templates/privacy.toml");
const CONFIG_TEMPLATE: &str = include_str!("../templates/juris.toml");

/// A TOML basic string's contents.
fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn list(places: &[Jurisdiction]) -> String {
    places.iter().map(|p| format!("\"{p}\"")).collect::<Vec<_>>().join(", ")
}

/// The starter manifest's text.
pub fn manifest_text(name: &str, markets: &[Jurisdiction], country: Option<&Jurisdiction>, today: &str) -> String {
    let country = country
        .cloned()
        .or_else(|| markets.iter().find_map(|m| m.country()).and_then(|c| c.code().parse::<Jurisdiction>().ok()));
    let name = escape(name);
    let entity = match &country {
        Some(c) => format!(
            "[[entities]]\nid = \"main\"\nname = \"{name}\"   # TODO: the legal name\ncountry = \"{c}\"\nserves = [\"*\"]\n"
        ),
        None => format!(
            "# TODO: say where the entity is established, then uncomment.\n# [[entities]]\n# id = \"main\"\n# name = \"{name}\"\n# country = \"DE\"\n# serves = [\"*\"]\n"
        ),
    };
    let established = country.as_ref().map(|c| format!("\"{c}\"")).unwrap_or_default();
    MANIFEST_TEMPLATE
        .replace("{{name}}", &name)
        .replace("{{established}}", &established)
        .replace("{{markets}}", &list(markets))
        .replace("{{entity}}", &entity)
        .replace("{{locations}}", &established)
        .replace("{{today}}", today)
}

pub fn run(args: &InitArgs) -> Outcome {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    let manifest = dir.join(MANIFEST_FILE);
    let config = dir.join(CONFIG_FILE);
    let existing: Vec<String> =
        [&manifest, &config].iter().filter(|p| p.exists()).map(|p| p.display().to_string()).collect();
    if !existing.is_empty() {
        eprintln!(
            "error: {} already exist{}; juris init never overwrites files",
            sanitize::line(&existing.join(" and ")),
            if existing.len() == 1 { "s" } else { "" }
        );
        return Outcome::InputError;
    }
    if !dir.is_dir() {
        eprintln!("error: `{}` is not a directory", sanitize::line(&dir.display().to_string()));
        return Outcome::InputError;
    }
    let name = args.name.clone().unwrap_or_else(|| "Example Ltd".to_string());
    let today = crate::session::today().to_string();
    let text = manifest_text(&name, &args.markets, args.country.as_ref(), &today);
    for (path, text) in [(&manifest, text.as_str()), (&config, CONFIG_TEMPLATE)] {
        // `create_new`: a file that appeared since the check is not overwritten either.
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
        if let Err(error) = written {
            eprintln!("error: cannot write {}: {error}", path.display());
            return Outcome::InputError;
        }
        outln!("wrote {}", path.display());
    }
    if args.markets.is_empty() {
        eprintln!("warning: no --markets given: fill in `organization.markets` before `juris check` can apply any law");
    }
    outln!("next: fill in the TODOs, then run `juris check`");
    Outcome::Clean
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_manifest_parses_for_any_markets() {
        let markets: Vec<Jurisdiction> = ["EEA", "US-CA", "BR", "RU"].iter().map(|m| m.parse().unwrap()).collect();
        for (markets, country) in [(&markets[..], None), (&[][..], None), (&markets[1..2], Some("US".parse().unwrap()))]
        {
            let text = manifest_text("Acme \"Quotes\" Ltd", markets, country.as_ref(), "2026-12-01");
            if let Err(errors) = juris_core::manifest::parse(&text) {
                panic!("{errors:?}\n{text}");
            }
            assert!(text.starts_with("#:schema "));
        }
        let config: crate::config::Config = toml::from_str(CONFIG_TEMPLATE).unwrap();
        assert_eq!(config.manifest.as_deref(), Some(std::path::Path::new("privacy.toml")));
    }
}
