//! A notice read into blocks and sections, from Markdown, HTML or plain text.

use serde::{Deserialize, Serialize};

use crate::text::BlockText;

/// The format a notice is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// CommonMark-style Markdown (ATX and setext headings, lists, pipe tables, YAML front matter).
    Markdown,
    /// A saved HTML page or fragment.
    Html,
    /// Plain text; headings are recognised by their shape.
    Text,
}

impl Format {
    /// The format of a notice: by the file's extension when it has a known
    /// one, else by sniffing the first few kilobytes (markup, then Markdown
    /// headings). `path` may be `-` for standard input.
    pub fn detect(path: &str, text: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        match ext {
            "md" | "markdown" | "mdown" | "mkd" => return Format::Markdown,
            "html" | "htm" | "xhtml" | "php" | "asp" | "aspx" | "jsp" => return Format::Html,
            "txt" | "text" => return Format::Text,
            _ => {}
        }
        let head: String = text.chars().take(4096).collect::<String>().to_ascii_lowercase();
        let markup = ["<!doctype html", "<html", "<body", "<p>", "<p ", "<div", "<h1", "<h2", "<br", "<li>"];
        if markup.iter().any(|m| head.contains(m)) {
            return Format::Html;
        }
        let markdown_lines = head
            .lines()
            .filter(|l| {
                let t = l.trim_start();
                t.starts_with("# ") || t.starts_with("## ") || t.starts_with("### ") || t.starts_with("**")
            })
            .count();
        if markdown_lines >= 1 { Format::Markdown } else { Format::Text }
    }
}

/// What a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of the given level (1 is the highest; shape-recognised
    /// headings of plain text get levels by their numbering).
    Heading(u8),
    /// Running text: a paragraph, list item or table row.
    Body,
}

/// A unit of text: a paragraph, list item, table row or heading.
#[derive(Clone, Debug)]
pub struct Block {
    /// The text, with characters folded (see the items file documentation)
    /// and white space collapsed.
    pub text: String,
    /// The 1-based line of the original file where the block starts.
    pub line: u32,
    /// Heading or body.
    pub kind: BlockKind,
    /// The innermost section the block belongs to (an index into [`Notice::sections`]).
    pub section: usize,
    /// Page furniture kept apart from the content (an HTML page's header and
    /// footer, Markdown front matter): read only by items that ask for it.
    pub chrome: bool,
    spans: Vec<(usize, u32)>,
}

impl Block {
    /// The 1-based line of the original file that byte `offset` of [`Block::text`] came from.
    pub fn line_at(&self, offset: usize) -> u32 {
        let i = self.spans.partition_point(|&(o, _)| o <= offset);
        match i {
            0 => self.line,
            i => self.spans[i - 1].1,
        }
    }
}

/// A section: a heading and everything up to the next heading of the same or
/// a higher level. Section 0 is the whole document.
#[derive(Clone, Debug)]
pub struct Section {
    /// The heading's text (empty for the document).
    pub title: String,
    /// The heading's 1-based line in the original file.
    pub line: u32,
    /// The heading level (0 for the document).
    pub level: u8,
    /// The enclosing section.
    pub parent: Option<usize>,
    /// The first block (the heading itself).
    pub start: usize,
    /// One past the last block, subsections included.
    pub end: usize,
}

/// A block as a reader produces it.
pub(crate) struct RawBlock {
    pub text: BlockText,
    pub heading: Option<u8>,
    pub chrome: bool,
}

/// A privacy notice, read into blocks and sections.
#[derive(Clone, Debug)]
pub struct Notice {
    format: Format,
    blocks: Vec<Block>,
    sections: Vec<Section>,
}

/// The largest notice read, in bytes; the rest is ignored. Real policies are
/// well under 1 MiB; the bound keeps a hostile input from costing more than a
/// linear pass over 8 MiB.
pub const MAX_NOTICE_BYTES: usize = 8 << 20;

impl Notice {
    /// Reads a notice. Never fails: any text is some notice, at worst an
    /// empty one.
    pub fn parse(text: &str, format: Format) -> Notice {
        let mut cut = text.len().min(MAX_NOTICE_BYTES);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = &text[..cut];
        let raw = match format {
            Format::Markdown => crate::markdown::read(text),
            Format::Html => crate::html::read(text),
            Format::Text => crate::plain::read(text),
        };
        Notice::from_raw(format, raw)
    }

    fn from_raw(format: Format, raw: Vec<RawBlock>) -> Notice {
        let mut sections = vec![Section { title: String::new(), line: 1, level: 0, parent: None, start: 0, end: 0 }];
        let mut blocks = Vec::with_capacity(raw.len());
        let mut open: Vec<usize> = vec![0];
        for r in raw {
            let text = r.text.finish();
            if text.is_blank() {
                continue;
            }
            let line = text.spans.first().map_or(1, |&(_, l)| l);
            let index = blocks.len();
            let kind = match r.heading {
                Some(level) if !r.chrome => {
                    let level = level.max(1);
                    while let Some(&top) = open.last() {
                        if top != 0 && sections[top].level >= level {
                            sections[top].end = index;
                            open.pop();
                        } else {
                            break;
                        }
                    }
                    let parent = open.last().copied();
                    sections.push(Section { title: text.text.clone(), line, level, parent, start: index, end: index });
                    open.push(sections.len() - 1);
                    BlockKind::Heading(level)
                }
                _ => BlockKind::Body,
            };
            let section = open.last().copied().unwrap_or(0);
            blocks.push(Block { text: text.text, line, kind, section, chrome: r.chrome, spans: text.spans });
        }
        for s in open {
            sections[s].end = blocks.len();
        }
        Notice { format, blocks, sections }
    }

    /// The format it was read as.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The blocks, in document order.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The sections; section 0 is the whole document, the others in document order.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// The content's text, one block per line (for debugging and tests).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            out.push_str(&b.text);
            out.push('\n');
        }
        out
    }

    /// How many words the content has.
    pub fn words(&self) -> usize {
        self.blocks.iter().map(|b| b.text.split_whitespace().count()).sum()
    }
}

/// Whether a line of plain text (or a short HTML block) has the shape of a
/// heading, and its level: numbered (`3.`, `3.1`, `III.`, `A.`) short lines
/// without a closing full stop, ALL CAPS lines, and — when `standalone` (a
/// blank line before and after) — any short line that starts with a capital
/// and has no closing punctuation.
pub(crate) fn heading_shape(line: &str, standalone: bool) -> Option<u8> {
    let t = line.trim();
    let chars = t.chars().count();
    if !(2..=110).contains(&chars) {
        return None;
    }
    let last = t.chars().last()?;
    if matches!(last, '.' | ',' | ';' | ':' | '-' | '—') && !numbered_only(t) {
        return None;
    }
    let words = t.split_whitespace().count();
    if words > 14 {
        return None;
    }
    if let Some(depth) = numbering_depth(t) {
        // "1.1. The Operator shall:" is body; "1. General provisions" a heading.
        return (words <= 12).then_some(depth.saturating_add(1).min(6));
    }
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 4 && letters.iter().all(|c| !c.is_lowercase()) && letters.iter().any(|c| c.is_uppercase()) {
        return Some(1);
    }
    let first = t.chars().next()?;
    if standalone && words <= 10 && (first.is_uppercase() || first.is_ascii_digit()) && !last.is_ascii_punctuation()
        || standalone && words <= 10 && first.is_uppercase() && last == '?'
    {
        return Some(2);
    }
    None
}

fn numbered_only(t: &str) -> bool {
    numbering_depth(t).is_some() && t.split_whitespace().count() == 1
}

/// `1.`, `1.2`, `1.2.3.`, `I.`, `IV.`, `A.`, `a)` at the start of a line,
/// followed by a space: the depth of the numbering (components counted).
pub(crate) fn numbering_depth(t: &str) -> Option<u8> {
    let (head, rest) = t.split_once(' ')?;
    if rest.trim().is_empty() {
        return None;
    }
    let head = head.trim_end_matches([')', '.']);
    if head.is_empty() {
        return None;
    }
    let parts: Vec<&str> = head.split('.').collect();
    if parts.iter().all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit())) {
        return u8::try_from(parts.len()).ok();
    }
    let roman = |p: &str| !p.is_empty() && p.len() <= 5 && p.chars().all(|c| "IVXLC".contains(c));
    let letter = |p: &str| p.chars().count() == 1 && p.chars().all(|c| c.is_ascii_uppercase());
    if parts.len() == 1 && (roman(parts[0]) || letter(parts[0])) && t.as_bytes().get(head.len()) == Some(&b'.') {
        return Some(1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_shapes() {
        assert_eq!(heading_shape("1. Общие положения", false), Some(2));
        assert_eq!(heading_shape("3.1. Оператор имеет право:", false), None);
        assert_eq!(heading_shape("2.10. Пользователь — любой посетитель веб-сайта https://x.ru/.", false), None);
        assert_eq!(heading_shape("VISITORS FROM BRAZIL", false), Some(1));
        assert_eq!(heading_shape("Data retention", true), Some(2));
        assert_eq!(heading_shape("Data retention", false), None);
        assert_eq!(heading_shape("J. VISITORS FROM THE EUROPEAN ECONOMIC AREA", false), Some(2));
        assert_eq!(heading_shape("We keep your data.", true), None);
    }

    #[test]
    fn formats_are_detected() {
        assert_eq!(Format::detect("a.md", ""), Format::Markdown);
        assert_eq!(Format::detect("-", "<html><body>x</body></html>"), Format::Html);
        assert_eq!(Format::detect("-", "# Privacy\n\ntext"), Format::Markdown);
        assert_eq!(Format::detect("policy", "Privacy policy\n\nWe keep it."), Format::Text);
    }
}
