//! Text from plugins and manifests made safe for a terminal.
//!
//! A rule message, a help line, an entity name or a panic message is data, not
//! terminal control: an ESC could clear the screen, set the window title, or
//! forge a line such as `error: all plugins verified OK`. Every string juris
//! did not write itself goes through [`line`] or [`block`] before it reaches
//! text output or stderr. C0 and C1 controls, DEL, and the bidirectional
//! overrides and isolates are shown as visible `\u{…}` escapes. JSON and SARIF
//! keep the data as it is, escaped by their encoders.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal raw. Newlines and tabs are decided by
/// the caller.
pub fn is_hazard(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        // Bidirectional embeddings, overrides, isolates and marks: they
        // reorder what is shown (CVE-2021-42574, "Trojan Source").
        | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        // Line and paragraph separators start a new line in some terminals.
        | '\u{2028}' | '\u{2029}')
}

fn escape_into(out: &mut String, c: char) {
    use std::fmt::Write;
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

/// One line of text: every hazard, and any newline or carriage return, shown
/// as an escape; a tab becomes a space.
pub fn line(text: &str) -> Cow<'_, str> {
    // Printable ASCII, nearly every message: one pass over bytes, which the
    // compiler vectorises, rather than decoding each character.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return Cow::Borrowed(text);
    }
    if !text.chars().any(|c| is_hazard(c) || c == '\n' || c == '\t') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' => out.push(' '),
            c if is_hazard(c) || c == '\n' => escape_into(&mut out, c),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Text that may span lines (documentation, a multi-line note): newlines are
/// kept, and each following line is indented by `indent` so that no value can
/// begin a line of output of its own; every other hazard is escaped.
pub fn block<'a>(text: &'a str, indent: &str) -> Cow<'a, str> {
    if !text.chars().any(|c| is_hazard(c) || c == '\t' || (c == '\n' && !indent.is_empty())) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' => {
                out.push('\n');
                out.push_str(indent);
            }
            '\t' => out.push_str("    "),
            c if is_hazard(c) => escape_into(&mut out, c),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_not_sent() {
        assert_eq!(line("plain text"), "plain text");
        assert_eq!(line("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(line("title\u{1b}]0;pwned\u{7}"), "title\\u{1b}]0;pwned\\u{7}");
        assert_eq!(line("x\rerror: forged"), "x\\u{d}error: forged");
        assert_eq!(line("x\nerror: forged"), "x\\u{a}error: forged");
        assert_eq!(line("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(line("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(line("a\tb"), "a b");
    }

    #[test]
    fn blocks_keep_newlines_but_indent_them() {
        assert_eq!(block("one\ntwo", "  "), "one\n  two");
        assert_eq!(block("one\n\u{1b}[1Aerror", "| "), "one\n| \\u{1b}[1Aerror");
        assert_eq!(block("# Title\n\nBody", ""), "# Title\n\nBody");
    }
}
