//! The date a notice says it was last updated: a cue ("Last updated",
//! "Effective date", "Última atualização", "Редакция от") followed by a date
//! written in one of the ways policies write dates, in English, Portuguese
//! or Russian.

use std::sync::LazyLock;

use juris_core::jiff::civil::Date;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::notice::Notice;

/// A date found in a notice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateFound {
    /// The date (a month without a day counts as its last day).
    pub date: Date,
    /// The 1-based line of the original file.
    pub line: u32,
    /// The words it was found in.
    pub text: String,
}

static CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(last\s+(updated|revised|modified|changed|amended|reviewed)|effective(\s+date|\s+as\s+of|\s+from|\s+on)?",
        r"|(updated|revised)(\s+on|\s+as\s+of)?|version\s+date|date\s+of\s+(last\s+)?(update|revision)|in\s+effect\s+(as\s+of|from)",
        r"|última\s+atualização|atualizad[ao]\s+em|revisad[ao]\s+em|data\s+de\s+vigência|vigente\s+(a\s+partir\s+de|desde)",
        r"|em\s+vigor\s+(a\s+partir\s+de|desde)|дата\s+(последнего\s+)?(обновления|изменения|редакции|вступления\s+в\s+силу|публикации)",
        r"|редакци[яи]\s+от|в\s+редакции\s+от|обновлен[аоы]?|вступает\s+в\s+силу|действует\s+с|утвержден[аоы]?)"
    ))
    .expect("static pattern")
});

const EN_MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const PT_MONTHS: &[&str] = &[
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
];
/// Russian month stems: the genitive ("августа") is the usual form in dates.
const RU_MONTHS: &[&str] =
    &["январ", "феврал", "март", "апрел", "ма[йя]", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?P<iso>(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2}))",
        r"|(?P<num>(?P<na>\d{1,2})[-/.](?P<nb>\d{1,2})[-/.](?P<ny>\d{4}|\d{2}))",
        r"|(?P<dmy>(?P<dd>\d{1,2})(st|nd|rd|th|º|°)?\s*(of\s+|de\s+)?(?P<dm>[\p{L}]{3,10})\.?,?\s+(de\s+)?(?P<dy>\d{4}))",
        r"|(?P<mdy>(?P<mm>[a-z]{3,9})\.?\s+(?P<md>\d{1,2})(st|nd|rd|th)?,?\s+(?P<my>\d{4}))",
        r"|(?P<my2>(?P<mo>[\p{L}]{3,10})\s+(de\s+)?(?P<yo>\d{4}))"
    ))
    .expect("static pattern")
});

fn month(word: &str) -> Option<u8> {
    let w = word.to_lowercase().replace("marco", "março");
    let w = w.trim_end_matches('.');
    let en = EN_MONTHS
        .iter()
        .position(|m| w == *m || w.chars().count() >= 3 && m.starts_with(w) && w != "mar" || w == &m[..3]);
    let pt = || PT_MONTHS.iter().position(|m| w == *m);
    let ru = || {
        RU_MONTHS.iter().position(|m| match m.strip_suffix("[йя]") {
            Some(stem) => w == format!("{stem}й") || w == format!("{stem}я"),
            None => w.starts_with(m) && w.chars().count() <= m.chars().count() + 2,
        })
    };
    en.or_else(pt).or_else(ru).and_then(|i| u8::try_from(i + 1).ok())
}

fn make(year: i32, month: u8, day: Option<u8>) -> Option<Date> {
    let year = i16::try_from(year).ok().filter(|y| (1990..=2100).contains(y))?;
    let month = i8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    match day {
        Some(d) => Date::new(year, month, i8::try_from(d).ok()?).ok(),
        None => Date::new(year, month, 1).ok().map(|d| d.last_of_month()),
    }
}

/// Reads the first date in `text`. `us` says whether `1/2/2024` is
/// January 2 (an English text) rather than 1 February.
pub(crate) fn parse_date(text: &str, us: bool) -> Option<(Date, usize, usize)> {
    for c in DATE.captures_iter(text) {
        let m = c.get(0)?;
        let num = |n: &str| c.name(n).and_then(|x| x.as_str().parse::<i32>().ok());
        let date = if c.name("iso").is_some() {
            make(num("iy")?, u8::try_from(num("im")?).ok()?, u8::try_from(num("id")?).ok())
        } else if c.name("num").is_some() {
            let (a, b) = (num("na")?, num("nb")?);
            let mut y = num("ny")?;
            if y < 100 {
                y += 2000;
            }
            let (d, mo) = if a > 12 {
                (a, b)
            } else if b > 12 || us && c.name("num").is_some_and(|x| x.as_str().contains('/')) {
                (b, a)
            } else {
                (a, b)
            };
            make(y, u8::try_from(mo).ok()?, u8::try_from(d).ok())
        } else if c.name("dmy").is_some() {
            c.name("dm")
                .and_then(|w| month(w.as_str()))
                .and_then(|mo| make(num("dy")?, mo, u8::try_from(num("dd")?).ok()))
        } else if c.name("mdy").is_some() {
            c.name("mm")
                .and_then(|w| month(w.as_str()))
                .and_then(|mo| make(num("my")?, mo, u8::try_from(num("md")?).ok()))
        } else {
            c.name("mo").and_then(|w| month(w.as_str())).and_then(|mo| make(num("yo")?, mo, None))
        };
        if let Some(d) = date {
            return Some((d, m.start(), m.end()));
        }
    }
    None
}

/// The date the notice says it was last updated (or took effect): the
/// latest date that follows such a cue within a few words. Page furniture
/// counts (a wiki's "Last modified" line).
pub fn last_updated(notice: &Notice) -> Option<DateFound> {
    let us = crate::eval::languages(notice).len() == 1;
    let mut best: Option<DateFound> = None;
    for b in notice.blocks() {
        for cue in CUE.find_iter(&b.text) {
            let end = (cue.end() + 120).min(b.text.len());
            let mut end = end;
            while !b.text.is_char_boundary(end) {
                end -= 1;
            }
            let window = &b.text[cue.end()..end];
            if let Some((date, s, e)) = parse_date(window, us) {
                // The date must follow the cue closely, not sit in a later sentence.
                if s > 40 {
                    continue;
                }
                let text = crate::text::excerpt(&b.text[cue.start()..cue.end() + e], 0, 120);
                if best.as_ref().is_none_or(|x| date > x.date) {
                    best = Some(DateFound { date, line: b.line_at(cue.start()), text });
                }
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notice::Format;

    fn d(y: i16, m: i8, day: i8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_many_shapes() {
        let cases = [
            ("February 1, 2024", d(2024, 2, 1)),
            ("June 21st, 2022", d(2022, 6, 21)),
            ("1 February 2024", d(2024, 2, 1)),
            ("2019/12/04 18:26", d(2019, 12, 4)),
            ("2024-02-01", d(2024, 2, 1)),
            ("10 de fevereiro de 2026", d(2026, 2, 10)),
            ("08 de Dezembro de 2020", d(2020, 12, 8)),
            ("16 августа 2021 г.", d(2021, 8, 16)),
            ("16.08.2021", d(2021, 8, 16)),
            ("14/02/2025", d(2025, 2, 14)),
            ("March 2024", d(2024, 3, 31)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date(text, false).map(|x| x.0), Some(want), "{text}");
        }
        assert_eq!(parse_date("2/1/2024", true).map(|x| x.0), Some(d(2024, 2, 1)));
        assert_eq!(parse_date("no date here", false), None);
    }

    #[test]
    fn the_last_updated_date_follows_its_cue() {
        let n = Notice::parse(
            "# Privacy\n\nEffective date: February 1, 2024\n\nWe were founded on 1 May 2010.\n",
            Format::Markdown,
        );
        let found = last_updated(&n).unwrap();
        assert_eq!((found.date, found.line), (d(2024, 2, 1), 3));
        let ru = Notice::parse("Политика\n\nРедакция от 01.09.2024\n", Format::Text);
        assert_eq!(last_updated(&ru).unwrap().date, d(2024, 9, 1));
        let pt = Notice::parse("<p>Última atualização: 14/02/2025</p>", Format::Html);
        assert_eq!(last_updated(&pt).unwrap().date, d(2025, 2, 14));
    }
}
