//! Reading the evidence file of `juris check --evidence`: bounded, UTF-8, JSON
//! of the one version juris knows, with every error at file:line:column.

use std::path::Path;

use juris_core::evidence::{EVIDENCE_VERSION, Evidence};
use juris_core::manifest::{InputError, Location};

use crate::Outcome;
use crate::input::ErrorFormat;

/// The largest evidence file juris reads: twice the 32 MiB a scan writes at most.
pub const MAX_EVIDENCE_BYTES: u64 = 64 * 1024 * 1024;

/// What an error's closing line calls the file.
const WHAT: &str = "juris evidence file";

/// Reads and decodes an evidence file, reporting any problem in `format` (exit 2).
pub fn read(path: &Path, format: ErrorFormat) -> Result<Evidence, Outcome> {
    let shown = path.display().to_string();
    let text = match juris_host::input::read_text(path, "evidence file", MAX_EVIDENCE_BYTES) {
        Ok(text) => text,
        Err(error) => {
            let (line, column) = error.at.unwrap_or((1, 1));
            let offset = error.offset.unwrap_or(0);
            let location = Location { line, column, span: offset..offset + 1 };
            let text = error.lossy_text.unwrap_or_default();
            crate::input::report_file(&shown, &text, &[InputError { message: error.message, location }], format, WHAT);
            return Err(Outcome::InputError);
        }
    };
    decode(&text).map_err(|error| {
        crate::input::report_file(&shown, &text, &[error], format, WHAT);
        Outcome::InputError
    })
}

/// Decodes evidence JSON: the version first, so that a file of another version
/// says so rather than naming the first field that differs.
pub fn decode(text: &str) -> Result<Evidence, InputError> {
    #[derive(serde::Deserialize)]
    struct Probe {
        evidence: Option<serde_json::Value>,
    }
    let probe: Probe = serde_json::from_str(text).map_err(|e| located(text, &e, "is not evidence JSON"))?;
    match probe.evidence {
        Some(serde_json::Value::Number(n)) if n.as_u64() == Some(u64::from(EVIDENCE_VERSION)) => {}
        Some(other) => {
            let offset = text.find("\"evidence\"").unwrap_or(0);
            return Err(at_offset(
                text,
                offset,
                format!(
                    "evidence format version {other} is not one juris reads (it reads version {EVIDENCE_VERSION}); scan the site again with this juris"
                ),
            ));
        }
        None => {
            return Err(at_offset(
                text,
                0,
                "this is not a juris evidence file: it has no `\"evidence\"` version (write one with `juris scan`)"
                    .to_string(),
            ));
        }
    }
    serde_json::from_str(text).map_err(|e| located(text, &e, "is not valid evidence"))
}

fn located(text: &str, error: &serde_json::Error, what: &str) -> InputError {
    // serde_json counts lines from 1 and columns in bytes from 1 (0 before the first byte of a line).
    let line_start = text.split_inclusive('\n').take(error.line().saturating_sub(1)).map(str::len).sum::<usize>();
    let offset = (line_start + error.column().saturating_sub(1)).min(text.len());
    let mut message = error.to_string();
    // serde_json appends " at line L column C"; the location says it.
    if let Some(cut) = message.rfind(" at line ") {
        message.truncate(cut);
    }
    at_offset(text, offset, format!("the file {what}: {message}"))
}

fn at_offset(text: &str, offset: usize, message: String) -> InputError {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let end = text[offset..].chars().next().map_or(offset, |c| offset + c.len_utf8());
    InputError { message, location: Location { line, column, span: offset..end } }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_located() {
        let e = decode("{\n  \"evidence\": 1,\n  \"pages\": [,]\n}").unwrap_err();
        assert_eq!((e.location.line, e.location.column), (3, 13), "{}", e.message);
        let e = decode("{\"evidence\": 2}").unwrap_err();
        assert!(e.message.contains("version 2"), "{}", e.message);
        assert_eq!((e.location.line, e.location.column), (1, 2));
        // serde reads a struct from an array too; either way it is refused.
        assert!(decode("[1]").is_err());
        let e = decode("3").unwrap_err();
        assert!(e.message.contains("is not evidence JSON"), "{}", e.message);
        let e = decode("{}").unwrap_err();
        assert!(e.message.contains("no `\"evidence\"` version"), "{}", e.message);
        let e = decode("{\"evidence\": 1, \"pages\": 3}").unwrap_err();
        assert!(e.message.contains("is not valid evidence"), "{}", e.message);
        assert!(decode("").is_err());
        assert!(decode("{\"evidence\": 1,\n \"é\": [").is_err());
    }
}
