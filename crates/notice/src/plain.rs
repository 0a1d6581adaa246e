//! The plain-text reader: paragraphs are runs of non-blank lines, list items
//! start their own block, and headings are recognised by their shape
//! ([`heading_shape`]): numbered, ALL CAPS, or short stand-alone lines.

use crate::notice::{RawBlock, heading_shape};
use crate::text::BlockText;

const BULLETS: &[&str] = &["- ", "* ", "• ", "— ", "– ", "· ", "○ ", "▪ "];

fn is_list_item(t: &str) -> bool {
    BULLETS.iter().any(|m| t.starts_with(m))
        || t.split_once(' ').is_some_and(|(head, _)| {
            let h = head.trim_end_matches(['.', ')']);
            head.len() > h.len()
                && !h.is_empty()
                && (h.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                    || h.chars().count() == 1 && h.chars().all(char::is_alphabetic))
        })
}

pub(crate) fn read(text: &str) -> Vec<RawBlock> {
    let lines: Vec<&str> = text.lines().collect();
    let mut blocks = Vec::new();
    let mut current: Option<BlockText> = None;
    let blank = |i: Option<usize>| i.is_none_or(|i| lines.get(i).is_none_or(|l| l.trim().is_empty()));
    for (i, raw) in lines.iter().enumerate() {
        let no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let t = raw.trim();
        if t.is_empty() {
            if let Some(b) = current.take() {
                blocks.push(RawBlock { text: b, heading: None, chrome: false });
            }
            continue;
        }
        let standalone = blank(i.checked_sub(1)) && blank(Some(i + 1));
        // A line the next one continues in lower case is the start of a paragraph.
        let continued = lines.get(i + 1).and_then(|l| l.trim().chars().next()).is_some_and(char::is_lowercase);
        if let Some(level) = heading_shape(t, standalone).filter(|_| !continued) {
            if let Some(b) = current.take() {
                blocks.push(RawBlock { text: b, heading: None, chrome: false });
            }
            let mut b = BlockText::default();
            b.push(t, no);
            blocks.push(RawBlock { text: b, heading: Some(level), chrome: false });
            continue;
        }
        let mut t = t;
        if is_list_item(t) {
            if let Some(b) = current.take() {
                blocks.push(RawBlock { text: b, heading: None, chrome: false });
            }
            // The bullet is markup; numbering ("1.2.") is kept, as it carries meaning.
            if let Some(rest) = BULLETS.iter().find_map(|m| t.strip_prefix(m)) {
                t = rest.trim_start();
            }
        }
        let b = current.get_or_insert_with(BlockText::default);
        b.push(" ", no);
        b.push(t, no);
    }
    if let Some(b) = current.take() {
        blocks.push(RawBlock { text: b, heading: None, chrome: false });
    }
    blocks
}

#[cfg(test)]
mod tests {
    use crate::notice::{BlockKind, Format, Notice};

    #[test]
    fn plain_text_headings_and_paragraphs() {
        let text = "PRIVACY POLICY\n\n1. General provisions\n1.1. This policy applies\nto all users.\n\n— name;\n— e-mail.\n\nYour Rights\n\nYou may ask.\n";
        let n = Notice::parse(text, Format::Text);
        let b: Vec<(&str, u32, BlockKind)> = n.blocks().iter().map(|b| (b.text.as_str(), b.line, b.kind)).collect();
        assert_eq!(
            b,
            vec![
                ("PRIVACY POLICY", 1, BlockKind::Heading(1)),
                ("1. General provisions", 3, BlockKind::Heading(2)),
                ("1.1. This policy applies to all users.", 4, BlockKind::Body),
                ("name;", 7, BlockKind::Body),
                ("e-mail.", 8, BlockKind::Body),
                ("Your Rights", 10, BlockKind::Heading(2)),
                ("You may ask.", 12, BlockKind::Body),
            ]
        );
        assert_eq!(n.blocks()[2].line_at(30), 5);
    }
}
