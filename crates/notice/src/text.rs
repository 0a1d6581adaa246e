//! Text plumbing shared by the three readers: character folding, blocks that
//! remember which source line each piece of their text came from, and the
//! sentence splitter.
//!
//! Everything here is one pass over its input: a notice is read once, and no
//! step rescans text it has already seen.

/// Folds the characters that make the same word look different to a pattern:
/// no-break and other odd spaces become a space, typographic quotes and
/// dashes become ASCII, `ё` becomes `е` (Russian writes both), soft hyphens and
/// zero-width characters vanish, and control characters become spaces.
///
/// Patterns are written against folded text, so they never need to spell out
/// `[’']` or `[её]`.
pub(crate) fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\t' => ' ',
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{ff07}' | '`' | '´' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '«' | '»' | '\u{ff02}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => '-',
        'ё' => 'е',
        'Ё' => 'Е',
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => return None,
        c if c.is_control() => ' ',
        c => c,
    })
}

/// A run of text that reads as one unit (a paragraph, a list item, a table
/// row, a heading), with the 1-based source line of each piece of it.
#[derive(Clone, Debug, Default)]
pub(crate) struct BlockText {
    pub text: String,
    /// `(byte offset in text, source line)`, offsets increasing; the line of a
    /// byte is the line of the last span starting at or before it.
    pub spans: Vec<(usize, u32)>,
}

impl BlockText {
    /// Appends a piece of source text from `line`, folding characters and
    /// collapsing every run of white space (also across pieces) into one space.
    pub fn push(&mut self, piece: &str, line: u32) {
        let mut recorded = false;
        for c in piece.chars() {
            let Some(c) = fold_char(c) else { continue };
            if c.is_whitespace() {
                if !self.text.is_empty() && !self.text.ends_with(' ') {
                    self.text.push(' ');
                }
                continue;
            }
            if !recorded {
                if self.spans.last().is_none_or(|&(_, l)| l != line) {
                    self.spans.push((self.text.len(), line));
                }
                recorded = true;
            }
            self.text.push(c);
        }
    }

    /// Whether the block holds no text.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Trims trailing white space in place.
    pub fn finish(mut self) -> BlockText {
        let trimmed = self.text.trim_end().len();
        self.text.truncate(trimmed);
        self
    }
}

/// The longest sentence the splitter keeps whole, in bytes. Longer runs (a
/// page with no full stops) are cut at a space so that "all of these within
/// one sentence" keeps meaning something.
const MAX_SENTENCE: usize = 1500;

/// Splits a block's text into sentences: byte ranges, in order, covering the
/// text. A sentence ends at `.`, `!`, `?` or `。` followed by a space and an
/// upper-case letter, digit, quote or bracket, or directly by an upper-case
/// letter after a lower-case one (text run together, as in "services.We").
/// `Inc. or` and `e.g. the` stay one sentence.
pub(crate) fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let chars = text.char_indices();
    let mut prev: char = ' ';
    for (i, c) in chars {
        let end_here = if matches!(c, '.' | '!' | '?' | '。') {
            let after = i + c.len_utf8();
            let rest = &text[after..];
            let mut it = rest.chars();
            match it.next() {
                None => false,
                Some(' ') => {
                    let next = it.next();
                    next.is_some_and(|n| n.is_uppercase() || matches!(n, '"' | '(' | '[' | '-'))
                        && !(c == '.' && abbreviation(&text[start..i]))
                }
                Some(n) => c == '。' || n.is_uppercase() && prev.is_lowercase(),
            }
        } else {
            false
        };
        prev = c;
        let here = i + c.len_utf8();
        if end_here || here - start >= MAX_SENTENCE && c == ' ' {
            push_trimmed(&mut out, bytes, start, here);
            start = here;
        }
    }
    push_trimmed(&mut out, bytes, start, text.len());
    out
}

/// Words after which a full stop does not end a sentence ("Art. 13", "ст. 18.1").
const ABBREVIATIONS: &[&str] = &[
    "art", "arts", "no", "nos", "nr", "nº", "p", "pp", "para", "sec", "ch", "cf", "vs", "e.g", "i.e", "approx", "dr",
    "mr", "mrs", "ms", "st", "av", "reg", "ст", "п", "пп", "ч", "г", "гг", "им", "ул", "д", "т.е", "т.д", "рег", "стр",
];

fn abbreviation(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let word = word.trim_start_matches('.').to_lowercase();
    ABBREVIATIONS.contains(&word.as_str())
}

fn push_trimmed(out: &mut Vec<(usize, usize)>, bytes: &[u8], mut start: usize, mut end: usize) {
    while start < end && bytes[start] == b' ' {
        start += 1;
    }
    while end > start && bytes[end - 1] == b' ' {
        end -= 1;
    }
    if start < end {
        out.push((start, end));
    }
}

/// At most `max` characters of `text` around byte `at`, cut at character
/// boundaries, with `…` where something was cut.
pub(crate) fn excerpt(text: &str, at: usize, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_string();
    }
    let at = at.min(text.len());
    // Start a little before the match so the quote reads from the phrase that matched.
    let chars_before = text[..floor_boundary(text, at)].chars().count();
    let budget = max.saturating_sub(2);
    let begin = chars_before.saturating_sub(budget / 6).min(count.saturating_sub(budget));
    let mut s: String = text.chars().skip(begin).take(budget).collect();
    if begin > 0 {
        s.insert(0, '…');
    }
    if begin + budget < count {
        s.push('…');
    }
    s
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn sentences_split_at_full_stops_before_capitals() {
        assert_eq!(
            split("We keep it. You may ask. GitHub, Inc. or GitHub B.V. processes."),
            vec!["We keep it.", "You may ask.", "GitHub, Inc. or GitHub B.V. processes."]
        );
        assert_eq!(split("Co., Ltd.For users in the US"), vec!["Co., Ltd.", "For users in the US"]);
        assert_eq!(split("isAlibaba.comSingapore"), vec!["isAlibaba.comSingapore"]);
        assert_eq!(split("Мы храним. Вы вправе"), vec!["Мы храним.", "Вы вправе"]);
    }

    #[test]
    fn blocks_fold_and_map_lines() {
        let mut b = BlockText::default();
        b.push("We\u{a0}keep  “it”\n", 3);
        b.push("for ёлки", 4);
        let b = b.finish();
        assert_eq!(b.text, "We keep \"it\" for елки");
        assert_eq!(b.spans, vec![(0, 3), (b.text.find("for").unwrap(), 4)]);
    }

    #[test]
    fn excerpts_are_bounded() {
        let long = "word ".repeat(100);
        let e = excerpt(&long, 250, 120);
        assert!(e.chars().count() <= 120);
        assert_eq!(excerpt("short", 0, 120), "short");
    }
}
