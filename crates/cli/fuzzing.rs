//! The fuzz targets' properties (`fuzz/`), kept here so that the regressions
//! replay through the same code in the ordinary tests. Not an API.

use juris_core::manifest::{InputError, SourceIndex};
use juris_core::{Finding, ModuleInfo};

use crate::report::{self, Report};

/// Renders `findings` of `module` on `manifest_text` as `juris check` text
/// output does (without colour), summary included.
pub fn render_text(manifest_path: &str, manifest_text: &str, module: &ModuleInfo, findings: Vec<Finding>) -> String {
    let index = SourceIndex::new(manifest_text);
    let located = report::locate_all(&index, module, findings);
    let report = Report {
        manifest_path,
        manifest_text,
        as_of: juris_core::jiff::civil::date(2026, 12, 1),
        modules: vec![module],
        findings: located,
        failures: Vec::new(),
        unchecked_markets: &[],
    };
    crate::render::text::render_all(&report)
}

/// Renders input errors as `juris check` prints them on stderr.
pub fn render_input_errors(path: &str, text: &str, errors: &[InputError]) -> String {
    errors.iter().map(|e| crate::input::render_input_error(path, text, e, false)).collect::<Vec<_>>().join("\n")
}

/// Parses juris.toml text as `juris` does; the error names a line and column.
pub fn parse_settings(text: &str) -> Result<(), String> {
    crate::config::parse(text, std::path::Path::new("juris.toml")).map(|_| ())
}

/// Whether `c` may appear in text output: a newline, or no control character,
/// bidirectional control or line separator at all.
fn allowed_in_text(c: char) -> bool {
    c == '\n'
        || !(c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}'))
}

/// Arbitrary bytes as a manifest and findings with arbitrary strings (the
/// parts between 0xFF bytes: manifest, message, help, path, rule, manifest
/// path): the text renderer never panics and never lets a control character
/// through; input errors render the same way.
pub fn text(data: &[u8]) {
    let mut parts = data.split(|&b| b == 0xff).map(|p| String::from_utf8_lossy(p).into_owned());
    let mut next = || parts.next().unwrap_or_default();
    let (manifest, message, help, path, rule, manifest_path) = (next(), next(), next(), next(), next(), next());
    let module = ModuleInfo {
        id: "fuzz".into(),
        name: message.clone(),
        version: help.clone(),
        jurisdictions: vec![],
        laws: vec![],
        rules: vec![juris_core::RuleMeta {
            id: rule.clone(),
            title: message.clone(),
            citation: help.clone(),
            severity: juris_core::Severity::Error,
            in_force_from: None,
            in_force_until: None,
            docs: message.clone(),
        }],
        core_version: String::new(),
        options: None,
    };
    let findings = vec![
        Finding {
            rule: rule.clone(),
            severity: juris_core::Severity::Error,
            message: message.clone(),
            path: path.clone(),
            help: Some(help.clone()),
        },
        Finding { rule, severity: juris_core::Severity::Note, message, path: "organization".into(), help: None },
    ];
    let out = render_text(&manifest_path, &manifest, &module, findings);
    if let Some(bad) = out.chars().find(|&c| !allowed_in_text(c)) {
        panic!("the text output lets {bad:?} through:\n{out}");
    }
    if let Err(errors) = juris_core::manifest::parse(&manifest) {
        let out = render_input_errors(&manifest_path, &manifest, &errors);
        if let Some(bad) = out.chars().find(|&c| !allowed_in_text(c)) {
            panic!("an input error lets {bad:?} through:\n{out}");
        }
    }
}

/// Arbitrary text as juris.toml: parsing never panics, and an error names
/// the file.
pub fn settings(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Err(message) = parse_settings(&text) {
        assert!(message.starts_with("juris.toml"), "the error names the file: {message}");
    }
}
