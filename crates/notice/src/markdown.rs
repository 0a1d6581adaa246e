//! The Markdown reader: a line-based pass that knows what a privacy notice in
//! Markdown uses (ATX and setext headings, lists, pipe tables, block quotes,
//! YAML front matter, inline HTML and Liquid tags) and drops the markup.
//!
//! It is not a CommonMark parser and does not need to be: it only has to know
//! where a block starts and which source line each piece of text came from.

use std::sync::LazyLock;

use regex::Regex;

use crate::notice::RawBlock;
use crate::text::BlockText;

static INLINE: LazyLock<Regex> = LazyLock::new(|| {
    // Images and links keep their text; HTML tags, Liquid tags and emphasis go.
    Regex::new(r"!?\[([^\]\n]{0,500})\]\([^)\n]{0,500}\)|<[^<>\n]{0,500}>|\{%[^%\n]{0,200}%\}|\{\{[^}\n]{0,200}\}\}")
        .expect("static pattern")
});

/// Removes inline markup: links become their text, tags vanish, emphasis
/// markers (`**`, `__`, `*`, `_` at word edges) and code ticks go.
fn strip_inline(line: &str) -> String {
    let replaced =
        INLINE.replace_all(line, |c: &regex::Captures| c.get(1).map_or(String::new(), |m| m.as_str().to_string()));
    let mut out = String::with_capacity(replaced.len());
    let chars: Vec<char> = replaced.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '*' | '`' => continue,
            '_' => {
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + 1).copied();
                let inner = before.is_some_and(|b| b.is_alphanumeric()) && after.is_some_and(|a| a.is_alphanumeric());
                if inner {
                    out.push('_');
                }
            }
            '\\' => {}
            _ => out.push(c),
        }
    }
    out.replace("&nbsp;", " ").replace("&amp;", "&")
}

fn atx_heading(line: &str) -> Option<(u8, &str)> {
    let t = line.trim_start();
    if line.len() - t.len() > 3 {
        return None;
    }
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &t[hashes..];
    if !rest.is_empty() && !rest.starts_with(' ') {
        return None;
    }
    let title = rest.trim().trim_end_matches('#').trim();
    u8::try_from(hashes).ok().map(|h| (h, title))
}

fn list_item(line: &str) -> Option<&str> {
    let t = line.trim_start();
    for marker in ["- ", "* ", "+ ", "• ", "— ", "– "] {
        if let Some(rest) = t.strip_prefix(marker) {
            return Some(rest);
        }
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(r);
        }
    }
    None
}

fn is_rule(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3 && (t.chars().all(|c| c == '-') || t.chars().all(|c| c == '*') || t.chars().all(|c| c == '_'))
}

fn is_table_separator(line: &str) -> bool {
    let t = line.trim();
    t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '='))
}

/// A line that is wholly bold (`**Your rights**`) reads as a heading below
/// every `#` heading.
fn bold_heading(line: &str) -> Option<&str> {
    let t = line.trim();
    let inner = t
        .strip_prefix("**")
        .and_then(|r| r.strip_suffix("**"))
        .or_else(|| t.strip_prefix("__").and_then(|r| r.strip_suffix("__")))?;
    let inner = inner.trim();
    let ok = !inner.is_empty()
        && !inner.contains("**")
        && inner.chars().count() <= 100
        && !inner.ends_with(['.', ',', ';'])
        && inner.split_whitespace().count() <= 14;
    ok.then_some(inner)
}

pub(crate) fn read(text: &str) -> Vec<RawBlock> {
    let lines: Vec<&str> = text.lines().collect();
    let mut blocks = Vec::new();
    let mut current: Option<RawBlock> = None;
    let mut i = 0;
    let flush = |current: &mut Option<RawBlock>, blocks: &mut Vec<RawBlock>| {
        if let Some(b) = current.take() {
            blocks.push(b);
        }
    };
    // YAML front matter: kept as chrome (it may carry a title or a date).
    if lines.first().is_some_and(|l| l.trim() == "---")
        && let Some(end) = lines.iter().skip(1).position(|l| l.trim() == "---" || l.trim() == "...")
    {
        for (n, l) in lines.iter().enumerate().take(end + 1).skip(1) {
            let mut b = BlockText::default();
            b.push(l, line_no(n));
            blocks.push(RawBlock { text: b, heading: None, chrome: true });
        }
        i = end + 2;
    }
    let mut in_fence = false;
    while i < lines.len() {
        let raw = lines[i];
        let no = line_no(i);
        i += 1;
        let trimmed = raw.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            flush(&mut current, &mut blocks);
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            let mut b = BlockText::default();
            b.push(raw, no);
            blocks.push(RawBlock { text: b, heading: None, chrome: false });
            continue;
        }
        if trimmed.is_empty() || trimmed.starts_with("<!--") && trimmed.ends_with("-->") {
            flush(&mut current, &mut blocks);
            continue;
        }
        if let Some((level, title)) = atx_heading(raw) {
            flush(&mut current, &mut blocks);
            let mut b = BlockText::default();
            b.push(&strip_inline(title), no);
            blocks.push(RawBlock { text: b, heading: Some(level), chrome: false });
            continue;
        }
        // Setext: a paragraph line underlined with === or ---.
        if let Some(next) = lines.get(i) {
            let n = next.trim();
            let underline =
                !n.is_empty() && (n.chars().all(|c| c == '=') || n.chars().all(|c| c == '-') && n.len() >= 2);
            if underline && current.is_none() && list_item(raw).is_none() && !trimmed.starts_with('|') {
                let level = if n.starts_with('=') { 1 } else { 2 };
                let mut b = BlockText::default();
                b.push(&strip_inline(trimmed), no);
                blocks.push(RawBlock { text: b, heading: Some(level), chrome: false });
                i += 1;
                continue;
            }
        }
        if is_rule(raw) {
            flush(&mut current, &mut blocks);
            continue;
        }
        if trimmed.starts_with('|') || trimmed.ends_with('|') && trimmed.contains(" | ") {
            flush(&mut current, &mut blocks);
            if is_table_separator(trimmed) {
                continue;
            }
            let cells: Vec<String> = trimmed
                .trim_matches('|')
                .split('|')
                .map(|c| strip_inline(c.trim()))
                .filter(|c| !c.is_empty())
                .collect();
            let mut b = BlockText::default();
            b.push(&cells.join(" | "), no);
            blocks.push(RawBlock { text: b, heading: None, chrome: false });
            continue;
        }
        if let Some(title) = bold_heading(raw) {
            flush(&mut current, &mut blocks);
            let mut b = BlockText::default();
            b.push(&strip_inline(title), no);
            blocks.push(RawBlock { text: b, heading: Some(7), chrome: false });
            continue;
        }
        let body = trimmed.trim_start_matches('>').trim_start();
        if let Some(item) = list_item(body) {
            flush(&mut current, &mut blocks);
            let mut b = BlockText::default();
            b.push(&strip_inline(item), no);
            current = Some(RawBlock { text: b, heading: None, chrome: false });
            continue;
        }
        let piece = strip_inline(body);
        match current.as_mut() {
            Some(b) => {
                b.text.push(" ", no);
                b.text.push(&piece, no);
            }
            None => {
                let mut b = BlockText::default();
                b.push(&piece, no);
                current = Some(RawBlock { text: b, heading: None, chrome: false });
            }
        }
        // A hard line break (two trailing spaces or a backslash) ends nothing: same paragraph.
    }
    flush(&mut current, &mut blocks);
    blocks
}

fn line_no(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use crate::notice::{BlockKind, Format, Notice};

    #[test]
    fn sections_nest_by_heading_level() {
        let text = "---\ntitle: Privacy\n---\n# Privacy\n\nIntro **bold** [link](http://x).\n\n## Your rights\n\n- You may *ask*\n- You may delete\n  your data\n\n### EEA\n\nMore.\n\n## Contact\n\n| a | b |\n|---|---|\n| c | d |\n";
        let n = Notice::parse(text, Format::Markdown);
        let titles: Vec<&str> = n.sections().iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, vec!["", "Privacy", "Your rights", "EEA", "Contact"]);
        let eea = &n.sections()[3];
        assert_eq!((eea.parent, eea.line, eea.level), (Some(2), 14, 3));
        let rights = &n.sections()[2];
        assert!(rights.end >= eea.end);
        let intro = n.blocks().iter().find(|b| b.text.starts_with("Intro")).unwrap();
        assert_eq!(intro.text, "Intro bold link.");
        assert_eq!(intro.line, 6);
        let delete = n.blocks().iter().find(|b| b.text.starts_with("You may delete")).unwrap();
        assert_eq!(delete.text, "You may delete your data");
        assert_eq!(delete.line_at(delete.text.find("your").unwrap()), 12);
        assert!(n.blocks()[0].chrome);
        let row = n.blocks().iter().find(|b| b.text.starts_with("c |")).unwrap();
        assert_eq!((row.text.as_str(), row.line, row.kind), ("c | d", 22, BlockKind::Body));
    }
}
