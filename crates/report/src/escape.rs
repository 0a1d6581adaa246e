//! HTML escaping. Every piece of text that comes from a manifest, a finding or
//! a module passes through [`text`] or [`attr`] before it reaches the page, so
//! no input can open a tag, close an attribute or start a script.

use std::fmt::Write;

/// Escapes text for an element's content or a double-quoted attribute value.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push(&mut out, s);
    out
}

/// Escapes into `out`. Control characters other than tab and newline are
/// dropped: they are invalid in XML (the SVG) and mean nothing to a reader.
pub fn push(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => {}
            // Line and paragraph separators break JavaScript string literals
            // in old engines; there is no script here, but keep the page inert.
            '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "&#x{:x};", c as u32);
            }
            c => out.push(c),
        }
    }
}

/// Escapes an attribute value (the same set as [`text`]; a separate name so
/// that call sites say what they produce).
pub fn attr(s: &str) -> String {
    text(s)
}

/// An id fragment safe in `id` and `href="#…"`: letters, digits, `-` and `_`
/// kept, everything else as `_xx` hex, so distinct inputs stay distinct.
pub fn anchor(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' {
            out.push(b as char);
        } else {
            let _ = write!(out, "_{b:02x}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            super::text(r#"<script>alert("x")</script>&'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;"
        );
        assert_eq!(super::text("a\u{0}b\u{1b}c"), "abc");
        assert_eq!(super::anchor("eea-uk/dpo missing"), "eea-uk_2fdpo_20missing");
    }
}
