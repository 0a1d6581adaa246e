//! Reading a manifest file, and reporting input errors at file:line:column:
//! as rustc-style text on stderr, or, for `--format json|sarif|github|junit`,
//! as a document on standard output that a program can read.

use std::path::Path;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use juris_core::Manifest;
use juris_core::manifest::{InputError, Location, Parsed};

use crate::Outcome;
use crate::sanitize;

/// A manifest file's text, as read.
pub struct ManifestFile {
    /// The path as the user gave it.
    pub path: String,
    /// The file's text.
    pub text: String,
}

/// How input errors are reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorFormat {
    Text,
    Json,
    Sarif,
    Github,
    Junit,
}

/// How many input errors text output shows before "and N more".
pub const SHOWN_ERRORS: usize = 50;

/// Reads a manifest file of at most `max_bytes`: something unreadable, not a
/// regular file, too large or not UTF-8 is an input error (exit 2), located
/// at the first bad byte when there is one.
pub fn read_file(path: &Path, max_bytes: u64, format: ErrorFormat) -> Result<ManifestFile, Outcome> {
    let shown = path.display().to_string();
    match juris_host::input::read_text(path, "manifest", max_bytes) {
        Ok(text) => Ok(ManifestFile { path: shown, text }),
        Err(error) => {
            let (line, column) = error.at.unwrap_or((1, 1));
            let offset = error.offset.unwrap_or(0);
            let location = Location { line, column, span: offset..offset + 1 };
            // A snippet only for an encoding error, where the text up to the bad
            // byte is there to show; otherwise there is no text to point into.
            let text = error.lossy_text.unwrap_or_default();
            report(&shown, &text, &[InputError { message: error.message, location }], format);
            Err(Outcome::InputError)
        }
    }
}

impl ManifestFile {
    /// Parses the text, reporting every problem with its location and
    /// returning exit code 2 when there is one.
    pub fn parse(&self, format: ErrorFormat) -> Result<Parsed<'_>, Outcome> {
        juris_core::manifest::parse(&self.text).map_err(|errors| {
            report(&self.path, &self.text, &errors, format);
            Outcome::InputError
        })
    }
}

/// Reads and parses a manifest whose text is not needed afterwards.
pub fn read_manifest(path: &Path, max_bytes: u64) -> Result<Manifest, Outcome> {
    let file = read_file(path, max_bytes, ErrorFormat::Text)?;
    file.parse(ErrorFormat::Text).map(|parsed| parsed.manifest)
}

/// Reports input errors in `format`.
pub fn report(path: &str, text: &str, errors: &[InputError], format: ErrorFormat) {
    report_file(path, text, errors, format, "juris manifest");
}

/// As [`report`], for a file of another kind (`what`: "juris evidence file"),
/// which the closing line names.
pub fn report_file(path: &str, text: &str, errors: &[InputError], format: ErrorFormat, what: &str) {
    match format {
        ErrorFormat::Text => print_text(path, text, errors, what),
        ErrorFormat::Json => crate::output::json(&json(path, errors)),
        ErrorFormat::Sarif => crate::output::json(&crate::render::sarif::input_errors(path, errors)),
        ErrorFormat::Github => {
            for e in errors {
                crate::output::write(format_args!(
                    "{}\n",
                    crate::render::github::command(
                        "error",
                        path,
                        e.location.line,
                        e.location.column,
                        "juris",
                        &e.message
                    )
                ));
            }
        }
        ErrorFormat::Junit => crate::render::junit::input_errors(path, errors),
    }
    if format != ErrorFormat::Text {
        // A one-line note on stderr, so that a person watching a CI log sees why.
        eprintln!("error: `{}` is not a valid {what} ({})", sanitize::line(path), problems(errors.len()));
    }
}

fn problems(n: usize) -> String {
    format!("{n} problem{}", if n == 1 { "" } else { "s" })
}

fn print_text(path: &str, text: &str, errors: &[InputError], what: &str) {
    let color = crate::output::stderr_color();
    let mut out = String::new();
    for error in errors.iter().take(SHOWN_ERRORS) {
        out.push_str(&render_input_error(path, text, error, color));
        out.push('\n');
    }
    if errors.len() > SHOWN_ERRORS {
        out.push_str(&format!("... and {} more\n", errors.len() - SHOWN_ERRORS));
    }
    out.push_str(&format!("error: `{}` is not a valid {what} ({})", sanitize::line(path), problems(errors.len())));
    eprintln!("{out}");
}

/// `{"errors": [{"message", "path", "line", "column"}]}`.
fn json(path: &str, errors: &[InputError]) -> serde_json::Value {
    let list: Vec<serde_json::Value> = errors
        .iter()
        .map(|e| {
            serde_json::json!({
                "message": e.message,
                "path": path,
                "line": e.location.line,
                "column": e.location.column,
            })
        })
        .collect();
    serde_json::json!({ "errors": list })
}

/// The message, `--> file:line:column`, and the source line with the span
/// marked. Only the lines the span touches are given to the renderer, so
/// rendering many errors costs no more than their lines.
pub fn render_input_error(path: &str, text: &str, error: &InputError, color: bool) -> String {
    let message = sanitize::line(&error.message);
    if text.is_empty() {
        // Nothing was read (a missing file, a device): no line to show.
        return renderer(color).render(&[Level::ERROR
            .primary_title(message.as_ref())
            .element(annotate_snippets::Origin::path(sanitize::line(path).as_ref()))]);
    }
    let (source, line_start, span) = excerpt(text, error.location.span.clone(), error.location.line);
    let path = sanitize::line(path);
    let report = &[Level::ERROR.primary_title(message.as_ref()).element(
        Snippet::source(source.as_str())
            .line_start(line_start)
            .path(path.as_ref())
            .annotation(AnnotationKind::Primary.span(span)),
    )];
    renderer(color).render(report)
}

/// The line of `text` that `span` starts on, made safe for a terminal, with
/// its number and the span within it. `line` is the span's line, already
/// known to the caller: counting it here would make rendering N findings
/// quadratic in the manifest's size.
pub fn excerpt(text: &str, span: std::ops::Range<usize>, line: usize) -> (String, usize, std::ops::Range<usize>) {
    let span = clamp_span(text, span);
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    // Point at one line: a table's span covers all of it.
    let end = text[span.start..].find('\n').map_or(text.len(), |i| span.start + i);
    let line_start = line.max(1);
    let raw = &text[start..end];
    let within = (span.start - start)..(span.end.min(end).max(span.start) - start);
    // Escaping hazards moves byte offsets: map the span through. A line
    // separator or bidirectional control is no `char::is_control`, but it must
    // be escaped all the same.
    if !raw.chars().any(sanitize::is_hazard) {
        let shown = raw.replace('\t', " ");
        return (shown, line_start, clamp_span(raw, within));
    }
    let mut shown = String::with_capacity(raw.len() + 8);
    let (mut from, mut to) = (0, 0);
    for (i, c) in raw.char_indices() {
        if i == within.start {
            from = shown.len();
        }
        if i == within.end {
            to = shown.len();
        }
        shown.push_str(&sanitize::line(&c.to_string()));
    }
    if within.end >= raw.len() {
        to = shown.len();
    }
    let to = to.max(from);
    let span = clamp_span(&shown, from..to);
    (shown, line_start, span)
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

/// The renderer: colours only when asked for, lines fitted to the terminal.
pub fn renderer(color: bool) -> Renderer {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    match crate::output::width() {
        Some(width) => renderer.term_width(width),
        None => renderer,
    }
}
