//! The items file: what one regional module requires a notice to disclose,
//! and how to recognise each disclosure in each language the module reads.
//!
//! The format is documented in `docs/notice.md`. A file is data, not code, so
//! that a module's lawyers can review and extend its recognisers without
//! touching the engine, and so that it can cross the plugin boundary as JSON.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, OnceLock};

use juris_core::manifest::IsoDate;
use regex::{Regex, RegexBuilder};
use regex_automata::nfa::thompson::{self, WhichCaptures, pikevm::PikeVM};
use regex_automata::{Input, MatchKind, PatternSet, hybrid};
use serde::{Deserialize, Serialize};

/// Per-language lists: `patterns.en = [...]`, `patterns.pt = [...]`.
pub type PerLanguage<T> = BTreeMap<String, T>;

/// One module's items file.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemsFile {
    /// The module id (`eea-uk`, `california`, ...).
    pub module: String,
    /// The languages the recognisers are written in (ISO 639-1: `en`, `pt`, `ru`).
    pub languages: Vec<String>,
    /// How a notice marks the part that addresses this module's region.
    #[serde(default, rename = "region", skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<RegionDef>,
    /// The disclosures required.
    #[serde(rename = "item")]
    pub items: Vec<ItemDef>,
    #[serde(skip)]
    compiled: OnceLock<Result<Arc<Compiled>, String>>,
}

/// Cues that a section (or a paragraph) addresses a region.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionDef {
    /// A name for the region, for messages (`EEA`, `UK`).
    pub name: String,
    /// Patterns matched against section titles: a title that matches makes
    /// the section, with its subsections, this region's.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub heading: PerLanguage<Vec<String>>,
    /// Patterns matched against the first sentence of a paragraph ("This
    /// section applies if you are based in Brazil"): the paragraph becomes
    /// the region's, and so does its section when it opens the section.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub lead: PerLanguage<Vec<String>>,
}

/// How many distinct patterns of a list must be found in the text in scope.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Distinct {
    /// At least this many different patterns must match (each anywhere in scope).
    pub min: usize,
    /// The patterns, per language.
    pub patterns: PerLanguage<Vec<String>>,
    /// Where they must be found together.
    #[serde(default)]
    pub scope: DistinctScope,
}

/// Where the patterns of a `distinct` recogniser must be found together.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DistinctScope {
    /// Within one section (with its subsections), not counting the whole
    /// document when it has sections: things named together, as a list of
    /// legal bases is, rather than scattered mentions.
    #[default]
    Section,
    /// Within one paragraph (list item, table row).
    Paragraph,
    /// Within one sentence: independent signals named together ("name,
    /// e-mail address and IP address"; "visitors, customers and employees").
    Sentence,
    /// Anywhere in the text in scope.
    Document,
}

/// Where a `with` condition must be met.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WithScope {
    /// In the top-level section holding the evidence.
    #[default]
    Chapter,
    /// Anywhere in the text in scope.
    Document,
}

/// One required disclosure and its recognisers.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemDef {
    /// The item id (a contract: plugins and reports use it).
    pub id: String,
    /// A short title.
    pub title: String,
    /// The law: article and paragraph.
    pub citation: String,
    /// What to add to the notice when the item is missing.
    pub add: String,
    /// The day the duty started; before it the item is not applicable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<IsoDate>,
    /// Whether the law requires the item (else it is good practice, reported but not required).
    #[serde(default = "yes")]
    pub required: bool,
    /// Whether page furniture (an HTML page's header or footer) counts as evidence.
    #[serde(default, skip_serializing_if = "is_false")]
    pub chrome: bool,
    /// Any of these, in one sentence, is evidence.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub patterns: PerLanguage<Vec<String>>,
    /// Groups: every pattern of a group in one sentence is evidence.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub all: PerLanguage<Vec<Vec<String>>>,
    /// Groups: every pattern of a group in one paragraph (list item, table row) is evidence.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub near: PerLanguage<Vec<Vec<String>>>,
    /// Section titles: a section whose title matches is evidence when its
    /// body matches one of `weak` (or a pattern above).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub cues: PerLanguage<Vec<String>>,
    /// Patterns too weak alone, that count inside a section a cue names.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub weak: PerLanguage<Vec<String>>,
    /// A sentence matching any of these is never evidence for this item.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub negative: PerLanguage<Vec<String>>,
    /// Evidence by naming enough different things (e.g. three legal bases).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distinct: Option<Distinct>,
    /// Conditions evidence needs besides: each inner list is alternatives,
    /// and every list must be met within `with_scope`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub with: PerLanguage<Vec<Vec<String>>>,
    /// Where `with` must be met.
    #[serde(default)]
    pub with_scope: WithScope,
    /// Section titles: nothing inside a section whose title (or an
    /// enclosing section's title) matches one of these is evidence for the
    /// item ("Definitions": a definition of cross-border transfer is not a
    /// statement that one takes place).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub outside: PerLanguage<Vec<String>>,
}

fn yes() -> bool {
    true
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A problem with an items file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemsError(pub String);

impl std::fmt::Display for ItemsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ItemsError {}

impl ItemsFile {
    /// Reads an items file from TOML and compiles its patterns, so that a bad
    /// pattern is an error here, naming the item, rather than at evaluation.
    pub fn from_toml(text: &str) -> Result<ItemsFile, ItemsError> {
        let file: ItemsFile = toml::from_str(text).map_err(|e| ItemsError(e.to_string()))?;
        file.validate()?;
        Ok(file)
    }

    /// Checks the file: ids unique, languages declared, every pattern compiles.
    pub fn validate(&self) -> Result<(), ItemsError> {
        let mut seen = std::collections::HashSet::new();
        for item in &self.items {
            if !seen.insert(item.id.as_str()) {
                return Err(ItemsError(format!("{}: item `{}` is declared twice", self.module, item.id)));
            }
            for lang in item.languages() {
                if !self.languages.iter().any(|l| l == lang) {
                    return Err(ItemsError(format!(
                        "{}: item `{}` has patterns for `{lang}`, which `languages` does not declare",
                        self.module, item.id
                    )));
                }
            }
        }
        self.compiled().map(|_| ()).map_err(ItemsError)
    }

    pub(crate) fn compiled(&self) -> Result<Arc<Compiled>, String> {
        self.compiled.get_or_init(|| Compiled::new(self).map(Arc::new)).clone()
    }
}

impl ItemDef {
    fn languages(&self) -> impl Iterator<Item = &str> {
        let d = self.distinct.iter().flat_map(|d| d.patterns.keys());
        self.patterns
            .keys()
            .chain(self.all.keys())
            .chain(self.near.keys())
            .chain(self.cues.keys())
            .chain(self.weak.keys())
            .chain(self.negative.keys())
            .chain(self.with.keys())
            .chain(self.outside.keys())
            .chain(d)
            .map(String::as_str)
    }
}

/// Rewrites a pattern for the engine: case-insensitive, `^`/`$` per line,
/// and `\b`/`\B` as ASCII word boundaries. A Unicode `\b` would make the
/// lazy DFA give up on every non-ASCII text (all of Russian), and matching a
/// whole module's patterns would fall back to a much slower engine.
pub(crate) fn prepare(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    out.push_str("(?im)");
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b') => out.push_str("(?-u:\\b)"),
                Some('B') => out.push_str("(?-u:\\B)"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The size limit of one compiled pattern (the regex crate's default is 10 MiB).
const SIZE_LIMIT: usize = 32 << 20;

pub(crate) fn build_single(pattern: &str) -> Result<Regex, String> {
    RegexBuilder::new(&prepare(pattern)).size_limit(SIZE_LIMIT).build().map_err(|e| e.to_string())
}

/// How many patterns one automaton matches at once. One automaton for all of
/// a module's patterns in a language makes the lazy DFA build a new state at
/// nearly every byte (every combination of the bounded gaps, `.{0,60}`, of
/// every pattern is a state of its own), and matching costs ten times more
/// than several small automata whose states the sentences share. Measured on
/// 20,000 words of real policies: 8 patterns a chunk matched fastest.
const CHUNK: usize = 8;

/// The lazy DFA's cache of each chunk (the regex crate's default); it is
/// cleared and refilled when full. 8 MiB made no run faster and held 70 MB more.
const CHUNK_CACHE: usize = 2 << 20;

/// One language's patterns, compiled into chunks of automata that, together,
/// tell in one forward pass each which of the patterns a sentence matches.
/// Only the forward automaton is built: a set needs no match positions, and
/// the reverse automaton a full regex builds would double the compile time
/// paid at every run. A language's chunks are compiled when a notice in that
/// language first needs them (an English notice never pays for the
/// Portuguese and Russian patterns); every pattern's syntax was checked when
/// the file was read.
pub(crate) struct LangSet {
    pub lang: String,
    /// Global pattern index of each pattern of the language.
    global: Vec<usize>,
    chunks: OnceLock<Result<Vec<Chunk>, String>>,
}

impl LangSet {
    /// The language's chunks, compiled on first use.
    pub fn chunks(&self, compiled: &Compiled) -> Result<&[Chunk], String> {
        self.chunks
            .get_or_init(|| {
                let mut chunks = Vec::with_capacity(self.global.len().div_ceil(CHUNK));
                for part in self.global.chunks(CHUNK) {
                    let prepared: Vec<String> = part.iter().map(|&i| prepare(&compiled.sources[i])).collect();
                    let chunk = Chunk::build(&prepared, part.to_vec()).map_err(|e| {
                        // Compiled alone, the pattern at fault names its item;
                        // only on this error path, since it costs a compile a pattern.
                        for &i in part {
                            if let Err(e) = build_single(&compiled.sources[i]) {
                                return compiled.bad_pattern(i, e);
                            }
                        }
                        format!("{}: the `{}` patterns do not compile together: {e}", compiled.module, self.lang)
                    })?;
                    chunks.push(chunk);
                }
                Ok(chunks)
            })
            .as_deref()
            .map_err(Clone::clone)
    }
}

/// Up to [`CHUNK`] patterns: a lazy DFA and, should it ever give up, the
/// PikeVM over the same NFA (slower, never fails).
pub(crate) struct Chunk {
    dfa: hybrid::dfa::DFA,
    pike: PikeVM,
    /// Global pattern index of each pattern of the chunk.
    global: Vec<usize>,
}

/// The mutable state a chunk's search needs, one per evaluation.
pub(crate) struct ChunkCache {
    dfa: hybrid::dfa::Cache,
    pike: regex_automata::nfa::thompson::pikevm::Cache,
    found: PatternSet,
}

impl Chunk {
    fn build(patterns: &[String], global: Vec<usize>) -> Result<Chunk, String> {
        let nfa = thompson::Compiler::new()
            .configure(thompson::Config::new().which_captures(WhichCaptures::None).nfa_size_limit(Some(SIZE_LIMIT * 4)))
            .build_many(patterns)
            .map_err(|e| e.to_string())?;
        let dfa = hybrid::dfa::DFA::builder()
            // A Unicode word boundary (`\<`, `\b{start}`: `\b` itself is made
            // ASCII) makes the DFA give up on non-ASCII text; the PikeVM then answers.
            .configure(
                hybrid::dfa::Config::new()
                    .match_kind(MatchKind::All)
                    .cache_capacity(CHUNK_CACHE)
                    .unicode_word_boundary(true),
            )
            .build_from_nfa(nfa.clone())
            .map_err(|e| e.to_string())?;
        let pike = PikeVM::builder()
            .configure(PikeVM::config().match_kind(MatchKind::All))
            .build_from_nfa(nfa)
            .map_err(|e| e.to_string())?;
        Ok(Chunk { dfa, pike, global })
    }

    pub fn cache(&self) -> ChunkCache {
        ChunkCache {
            dfa: self.dfa.create_cache(),
            pike: self.pike.create_cache(),
            found: PatternSet::new(self.global.len()),
        }
    }

    /// Pushes the global index of every pattern that matches somewhere in `text`.
    pub fn matches(&self, cache: &mut ChunkCache, text: &str, out: &mut Vec<usize>) {
        cache.found.clear();
        let input = Input::new(text);
        if self.dfa.try_which_overlapping_matches(&mut cache.dfa, &input, &mut cache.found).is_err() {
            cache.found.clear();
            self.pike.which_overlapping_matches(&mut cache.pike, &input, &mut cache.found);
        }
        out.extend(cache.found.iter().filter_map(|p| self.global.get(p.as_usize()).copied()));
    }
}

/// A compiled item: its recognisers as global pattern indices.
#[derive(Default)]
pub(crate) struct CompiledItem {
    pub strong: Vec<usize>,
    pub all: Vec<Vec<usize>>,
    pub near: Vec<Vec<usize>>,
    pub cues: Vec<usize>,
    pub weak: Vec<usize>,
    pub negative: Vec<usize>,
    pub distinct: Option<(usize, Vec<usize>, DistinctScope)>,
    pub with: Vec<Vec<usize>>,
    /// Section titles whose sections give no evidence for the item.
    pub outside: Vec<Regex>,
}

/// A compiled region: its heading and lead cues.
pub(crate) struct CompiledRegion {
    pub heading: Vec<Regex>,
    pub lead: Vec<Regex>,
}

/// An items file, compiled.
pub(crate) struct Compiled {
    /// The module's id, for errors.
    pub module: String,
    /// Every distinct pattern, as written.
    pub sources: Vec<String>,
    /// Each item's id, in file order, for errors.
    item_ids: Vec<String>,
    pub sets: Vec<LangSet>,
    pub items: Vec<CompiledItem>,
    pub regions: Vec<CompiledRegion>,
    singles: Vec<OnceLock<Option<Regex>>>,
}

struct Interner {
    index: HashMap<(String, String), usize>,
    sources: Vec<String>,
    langs: Vec<String>,
}

impl Interner {
    fn add(&mut self, lang: &str, pattern: &str) -> usize {
        let key = (lang.to_string(), pattern.to_string());
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let i = self.sources.len();
        self.sources.push(pattern.to_string());
        self.langs.push(lang.to_string());
        self.index.insert(key, i);
        i
    }

    fn list(&mut self, per: &PerLanguage<Vec<String>>) -> Vec<usize> {
        per.iter().flat_map(|(lang, ps)| ps.iter().map(move |p| (lang, p))).map(|(l, p)| self.add(l, p)).collect()
    }

    fn groups(&mut self, per: &PerLanguage<Vec<Vec<String>>>) -> Vec<Vec<usize>> {
        let mut out = Vec::new();
        for (lang, groups) in per {
            for g in groups {
                out.push(g.iter().map(|p| self.add(lang, p)).collect());
            }
        }
        out
    }
}

/// `with` conditions: the n-th list of every language is one condition, met
/// by any of its patterns in any language.
fn with_groups(int: &mut Interner, per: &PerLanguage<Vec<Vec<String>>>) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for (lang, groups) in per {
        for (n, g) in groups.iter().enumerate() {
            if out.len() <= n {
                out.push(Vec::new());
            }
            out[n].extend(g.iter().map(|p| int.add(lang, p)));
        }
    }
    out
}

impl Compiled {
    fn new(file: &ItemsFile) -> Result<Compiled, String> {
        let mut int = Interner { index: HashMap::new(), sources: Vec::new(), langs: Vec::new() };
        let mut items = Vec::with_capacity(file.items.len());
        for item in &file.items {
            let distinct = item.distinct.as_ref().map(|d| (d.min, int.list(&d.patterns), d.scope));
            items.push(CompiledItem {
                strong: int.list(&item.patterns),
                all: int.groups(&item.all),
                near: int.groups(&item.near),
                cues: int.list(&item.cues),
                weak: int.list(&item.weak),
                negative: int.list(&item.negative),
                distinct,
                with: with_groups(&mut int, &item.with),
                outside: item
                    .outside
                    .values()
                    .flatten()
                    .map(|p| {
                        build_single(p).map_err(|e| {
                            format!(
                                "{}: item `{}`: `outside` pattern `{p}` does not compile: {e}",
                                file.module, item.id
                            )
                        })
                    })
                    .collect::<Result<_, _>>()?,
            });
        }
        // Every pattern's syntax, checked now so that an error names its
        // item; the automata are built per language when first needed.
        let syntax_error = int
            .sources
            .iter()
            .enumerate()
            .find_map(|(i, p)| regex_automata::util::syntax::parse(&prepare(p)).err().map(|e| (i, e.to_string())));
        let mut langs: Vec<&String> = int.langs.iter().collect();
        langs.sort();
        langs.dedup();
        let sets = langs
            .into_iter()
            .map(|lang| LangSet {
                lang: lang.clone(),
                global: (0..int.sources.len()).filter(|&i| &int.langs[i] == lang).collect(),
                chunks: OnceLock::new(),
            })
            .collect();
        let mut regions = Vec::new();
        for r in &file.regions {
            let compile = |per: &PerLanguage<Vec<String>>| -> Result<Vec<Regex>, String> {
                per.values()
                    .flatten()
                    .map(|p| {
                        build_single(p).map_err(|e| format!("{}: region `{}`: pattern `{p}`: {e}", file.module, r.name))
                    })
                    .collect()
            };
            regions.push(CompiledRegion { heading: compile(&r.heading)?, lead: compile(&r.lead)? });
        }
        let singles = (0..int.sources.len()).map(|_| OnceLock::new()).collect();
        let item_ids = file.items.iter().map(|it| it.id.clone()).collect();
        let compiled =
            Compiled { module: file.module.clone(), sources: int.sources, item_ids, sets, items, regions, singles };
        match syntax_error {
            Some((i, e)) => Err(compiled.bad_pattern(i, e)),
            None => Ok(compiled),
        }
    }

    /// The error for pattern `i`, naming the item that first uses it (found
    /// only here, on the error path).
    fn bad_pattern(&self, i: usize, error: impl std::fmt::Display) -> String {
        let owner = self.items.iter().position(|it| it.mentions(i)).and_then(|k| self.item_ids.get(k));
        let pattern = self.sources.get(i).map_or("", String::as_str);
        format!(
            "{}: item `{}`: pattern `{pattern}` does not compile: {error}",
            self.module,
            owner.map_or("", String::as_str)
        )
    }

    /// The pattern `i` alone, to find where in a sentence it matched.
    pub fn single(&self, i: usize) -> Option<&Regex> {
        self.singles.get(i)?.get_or_init(|| self.sources.get(i).and_then(|p| build_single(p).ok())).as_ref()
    }
}

impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Compiled").field("patterns", &self.sources.len()).finish_non_exhaustive()
    }
}

impl CompiledItem {
    fn mentions(&self, i: usize) -> bool {
        self.strong.contains(&i)
            || self.all.iter().any(|g| g.contains(&i))
            || self.near.iter().any(|g| g.contains(&i))
            || self.cues.contains(&i)
            || self.weak.contains(&i)
            || self.negative.contains(&i)
            || self.distinct.as_ref().is_some_and(|(_, d, _)| d.contains(&i))
            || self.with.iter().any(|g| g.contains(&i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_boundaries_become_ascii() {
        assert_eq!(prepare(r"\bEEA\b|\\b"), r"(?im)(?-u:\b)EEA(?-u:\b)|\\b");
    }

    #[test]
    fn chunks_report_every_pattern_that_matches_and_fall_back_on_unicode_boundaries() {
        let patterns = ["collect", r"\bshare\b", r"\<dados\>", "^opt.{0,20}out"].map(prepare);
        let chunk = Chunk::build(&patterns, vec![10, 11, 12, 13]).expect("compiles");
        let mut cache = chunk.cache();
        let mut found = Vec::new();
        chunk.matches(&mut cache, "We collect and share data", &mut found);
        assert_eq!(found, [10, 11]);
        found.clear();
        // Non-ASCII text with a Unicode boundary in the chunk: the lazy DFA
        // quits and the PikeVM must give the same answer.
        chunk.matches(&mut cache, "Opção: opt-out dos dados, não compartilhamos", &mut found);
        assert_eq!(found, [12]);
        found.clear();
        chunk.matches(&mut cache, "Opt\u{e7}\u{e3}o out, we collect", &mut found);
        assert_eq!(found, [10, 13]);
    }

    #[test]
    fn bad_patterns_name_their_item() {
        let text = r#"
module = "m"
languages = ["en"]
[[item]]
id = "x"
title = "X"
citation = "Art. 1"
add = "Add X."
patterns.en = ["(unclosed"]
"#;
        let err = ItemsFile::from_toml(text).unwrap_err();
        assert!(err.0.contains("item `x`"), "{err}");
        // A language's automata are built only when a notice needs them, but
        // its patterns' syntax is still checked when the file is read.
        let portuguese = text
            .replace("languages = [\"en\"]", "languages = [\"en\", \"pt\"]")
            .replace("patterns.en = [\"(unclosed\"]", "patterns.en = [\"fine\"]\npatterns.pt = [\"dados[\"]");
        let err = ItemsFile::from_toml(&portuguese).unwrap_err();
        assert!(err.0.contains("item `x`") && err.0.contains("dados["), "{err}");
        let undeclared = text.replace("[\"(unclosed\"]", "[\"ok\"]").replace("patterns.en", "patterns.ru");
        assert!(ItemsFile::from_toml(&undeclared).unwrap_err().0.contains("`ru`"));
    }
}
