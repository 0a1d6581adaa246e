//! Reading a manifest file, and reporting input errors at file:line:column.

use std::path::Path;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use juris_core::Manifest;
use juris_core::manifest::{InputError, Parsed};

use crate::Outcome;

/// A manifest file's text, as read.
pub struct ManifestFile {
    /// The path as the user gave it.
    pub path: String,
    /// The file's text.
    pub text: String,
}

/// Reads a manifest file; an unreadable file is an input error (exit 2).
pub fn read_file(path: &Path) -> Result<ManifestFile, Outcome> {
    let shown = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(ManifestFile { path: shown, text }),
        Err(error) => {
            eprintln!("error: cannot read manifest `{shown}`: {error}");
            if !path.exists() && path == Path::new("privacy.toml") {
                eprintln!("  = help: pass the manifest's path, e.g. `juris check examples/marketplace/privacy.toml`");
            }
            Err(Outcome::InputError)
        }
    }
}

impl ManifestFile {
    /// Parses the text, printing every problem with its location and returning
    /// exit code 2 when there is one.
    pub fn parse(&self) -> Result<Parsed<'_>, Outcome> {
        juris_core::manifest::parse(&self.text).map_err(|errors| {
            for error in &errors {
                eprintln!("{}", render_input_error(&self.path, &self.text, error));
            }
            let n = errors.len();
            eprintln!(
                "error: `{}` is not a valid juris manifest ({n} problem{})",
                self.path,
                if n == 1 { "" } else { "s" }
            );
            Outcome::InputError
        })
    }
}

/// Reads and parses a manifest whose text is not needed afterwards.
pub fn read_manifest(path: &Path) -> Result<Manifest, Outcome> {
    let file = read_file(path)?;
    file.parse().map(|parsed| parsed.manifest)
}

/// The message, `--> file:line:column`, and the source line with the span marked.
pub fn render_input_error(path: &str, text: &str, error: &InputError) -> String {
    let location = &error.location;
    let span = clamp_span(text, location.span.clone());
    let report = &[Level::ERROR
        .primary_title(error.message.as_str())
        .element(Snippet::source(text).path(path).annotation(AnnotationKind::Primary.span(span)))];
    renderer(std::io::IsTerminal::is_terminal(&std::io::stderr())).render(report)
}

/// A span annotate-snippets can draw: inside the text, on char boundaries,
/// and at least one character wide where the text allows.
pub fn clamp_span(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if end == start {
        end = text[start..].chars().next().map_or(start, |c| start + c.len_utf8());
    }
    start..end
}

/// Colours only on a terminal.
pub fn renderer(color: bool) -> Renderer {
    if color { Renderer::styled() } else { Renderer::plain() }
}
