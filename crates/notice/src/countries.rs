//! Country names in English, Portuguese and Russian, to find whether a
//! notice names the countries a manifest stores data in or sends it to.
//!
//! The names are Unicode CLDR's territory names (`data/countries.tsv`, with
//! its source and licence in its header), plus the short forms and aliases
//! policies use ("USA", "EUA", "США", "UK", "РФ"). Russian names decline
//! ("Германия", "в Германии"), so each Russian word is matched by its stem.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};

const TABLE: &str = include_str!("../data/countries.tsv");

/// Names policies use besides CLDR's, per code.
const ALIASES: &[(&str, &[&str])] = &[
    (
        "US",
        &[
            "USA",
            "U.S.",
            "U.S.A.",
            "United States of America",
            "EUA",
            "Estados Unidos da América",
            "США",
            "Соединенные Штаты Америки",
            "Америк",
        ],
    ),
    (
        "GB",
        &[
            "UK",
            "U.K.",
            "Great Britain",
            "Britain",
            "England",
            "Grã-Bretanha",
            "Inglaterra",
            "Соединенное Королевство",
            "Англи",
        ],
    ),
    ("RU", &["Russian Federation", "Federação Russa", "Российская Федерация", "Российской Федерации", "РФ"]),
    ("CZ", &["Czech Republic", "República Tcheca", "Чешская Республика"]),
    ("KR", &["Korea", "Republic of Korea", "Coreia", "Южная Корея", "Корея"]),
    ("NL", &["Holland", "the Netherlands", "Holanda", "Голланди"]),
    ("HK", &["Hong Kong", "Гонконг"]),
    ("MO", &["Macau", "Macao"]),
    ("CN", &["PRC", "People's Republic of China", "Mainland China", "КНР"]),
    ("AE", &["UAE", "Emirates", "ОАЭ"]),
    ("CH", &["Swiss", "Suíça", "Швейцари"]),
    ("DE", &["ФРГ"]),
    ("TW", &["Taiwan"]),
    ("VN", &["Viet Nam"]),
    ("CI", &["Ivory Coast"]),
    ("MK", &["Macedonia"]),
    ("VA", &["Holy See", "Vatican"]),
    ("IE", &["Ireland", "Irlanda", "Ирланди"]),
];

/// The US states, for headings such as "Nevada" or "Colorado/Virginia".
const US_STATES: &[&str] = &[
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "west virginia",
    "wisconsin",
    "wyoming",
    "district of columbia",
    "quebec",
];

/// A country's names.
pub(crate) struct Names {
    pub en: &'static str,
    pub all: Vec<&'static str>,
}

static NAMES: LazyLock<HashMap<&'static str, Names>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for line in TABLE.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut cols = line.split('\t');
        let (Some(code), Some(en)) = (cols.next(), cols.next()) else { continue };
        let mut all = vec![en];
        all.extend(cols);
        if let Some((_, extra)) = ALIASES.iter().find(|(c, _)| *c == code) {
            all.extend(extra.iter().copied());
        }
        map.insert(code, Names { en, all });
    }
    map
});

/// The English name of a country code.
pub(crate) fn english(code: &str) -> Option<&'static str> {
    NAMES.get(code).map(|n| n.en)
}

fn fragment(name: &str) -> String {
    let folded: String = name.chars().filter_map(crate::text::fold_char).collect();
    let words: Vec<String> = folded
        .split_whitespace()
        .map(|w| {
            let cyrillic = w.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
            if cyrillic && w.chars().all(char::is_alphabetic) && w.chars().count() >= 4 {
                // A stem and up to four letters of ending: "Германи" + "я/и/ю/ей".
                let mut stem: Vec<char> = w.chars().collect();
                for _ in 0..2 {
                    if stem.len() > 4 && stem.last().is_some_and(|c| "аяыиеоуюйь".contains(*c)) {
                        stem.pop();
                    }
                }
                format!("{}\\p{{L}}{{0,4}}", regex::escape(&stem.into_iter().collect::<String>()))
            } else {
                regex::escape(w)
            }
        })
        .collect();
    words.join(r"\s+")
}

/// A pattern that finds the country named, in any of its languages, or by
/// its ISO code written in capitals as a word.
pub(crate) fn pattern(code: &str) -> Option<Regex> {
    let names = NAMES.get(code)?;
    let alternatives: Vec<String> = names.all.iter().map(|n| fragment(n)).collect();
    let source = format!(
        r"(?i:(?:^|[^\p{{L}}\p{{N}}])(?:{})(?:$|[^\p{{L}}\p{{N}}]))|(?:^|[^\p{{L}}]){}(?:$|[^\p{{L}}])",
        alternatives.join("|"),
        regex::escape(code)
    );
    RegexBuilder::new(&source).size_limit(16 << 20).build().ok()
}

/// A pattern for the EEA or the EU as a whole.
pub(crate) static EUROPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)europ|\bEEA\b|\bEU\b|união europeia|espaço econômico europeu|\bЕС\b|\bЕЭЗ\b|европ")
        .expect("static pattern")
});

static PLACES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = NAMES.values().map(|n| n.en.to_lowercase()).collect();
    v.extend(US_STATES.iter().map(|s| s.to_string()));
    // Longest first, so that "west virginia" is taken before "virginia".
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v
});

static PLACE_WORDS: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    PLACES
        .iter()
        .flat_map(|p| p.split(|c: char| !c.is_alphanumeric() && c != '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
});

const FILLER: &[&str] = &[
    "and",
    "or",
    "the",
    "of",
    "in",
    "from",
    "for",
    "to",
    "residents",
    "resident",
    "users",
    "user",
    "consumers",
    "visitors",
    "individuals",
    "citizens",
    "customers",
    "specific",
    "information",
    "rights",
    "privacy",
    "notice",
    "disclosures",
    "additional",
    "law",
    "laws",
    "state",
    "states",
    "only",
    "people",
    "persons",
    "data",
    "subjects",
];

/// Whether a heading names only places (countries, US states) and words
/// such as "residents" or "rights": "Nevada", "Colorado/Connecticut/Virginia",
/// "Residents of Canada". Such a section addresses some other region.
pub(crate) fn names_other_place(title: &str) -> bool {
    // Most headings have a word that is neither a place's nor a filler: say no at once.
    if title.split_whitespace().count() > 12 {
        return false;
    }
    let quick = title
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .all(|w| FILLER.contains(&w.as_str()) || PLACE_WORDS.contains(w.as_str()));
    if !quick {
        return false;
    }
    let lower: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() || c == ' ' || c == '\'' { c } else { ' ' })
        .collect();
    let mut rest = format!(" {} ", lower.split_whitespace().collect::<Vec<_>>().join(" "));
    let mut places = 0;
    for p in PLACES.iter() {
        let needle = format!(" {p} ");
        while let Some(i) = rest.find(&needle) {
            rest.replace_range(i..i + needle.len(), " ");
            places += 1;
        }
    }
    places > 0 && rest.split_whitespace().all(|w| FILLER.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_three_languages_and_declensions() {
        let de = pattern("DE").unwrap();
        for text in ["stored in Germany.", "armazenados na Alemanha", "хранятся в Германии", "servers (DE)"]
        {
            assert!(de.is_match(text), "{text}");
        }
        assert!(!de.is_match("we decide"));
        let us = pattern("US").unwrap();
        for text in ["in the United States", "nos EUA", "в США", "в Соединенных Штатах", "the U.S. and"]
        {
            assert!(us.is_match(text), "{text}");
        }
        assert!(!us.is_match("contact us"));
        let ru = pattern("RU").unwrap();
        assert!(ru.is_match("на территории Российской Федерации"));
        assert!(ru.is_match("в России"));
    }

    #[test]
    fn headings_that_name_other_places() {
        assert!(names_other_place("Nevada"));
        assert!(names_other_place("Colorado/Connecticut/Virginia"));
        assert!(names_other_place("Residents of Canada"));
        assert!(!names_other_place("Transfers to the United States"));
        assert!(!names_other_place("Your rights"));
    }

    #[test]
    fn every_code_has_a_pattern() {
        assert_eq!(NAMES.len(), 249);
        for code in NAMES.keys() {
            assert!(pattern(code).is_some(), "{code}");
        }
    }
}
