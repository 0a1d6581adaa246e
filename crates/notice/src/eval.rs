//! Evaluation: which part of a notice speaks to which region, and, per
//! module, which required items the text in scope discloses.
//!
//! One pass: every sentence in a module's scope is matched once against each
//! of the module's language sets (small chunks of forward automata, linear in
//! the sentence), and items are then decided from the recorded hits alone.

use std::collections::BTreeMap;
use std::sync::Arc;

use juris_core::jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::items::{Compiled, CompiledItem, DistinctScope, ItemDef, ItemsFile, WithScope};
use crate::notice::{BlockKind, Notice};
use crate::text::{excerpt, sentences};

/// Whether an item applies to the organisation, as its module decides from
/// the manifest (an EU representative is not needed by a controller
/// established in the EU).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applicability {
    /// Whether the item applies.
    pub applies: bool,
    /// Why (shown when it does not).
    pub reason: String,
}

/// A module's items file, with the module's decision, per item, on whether
/// it applies. Items without a decision apply.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ModuleItems {
    /// The items file.
    pub file: ItemsFile,
    /// Item id to applicability.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub applicability: BTreeMap<String, Applicability>,
}

impl ModuleItems {
    /// Every item applies.
    pub fn new(file: ItemsFile) -> ModuleItems {
        ModuleItems { file, applicability: BTreeMap::new() }
    }

    /// Records whether one item applies, and why.
    pub fn set(&mut self, id: &str, applies: bool, reason: impl Into<String>) -> &mut ModuleItems {
        self.applicability.insert(id.to_string(), Applicability { applies, reason: reason.into() });
        self
    }
}

/// What the notice says about an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The notice discloses it.
    Present,
    /// It does not.
    Missing,
    /// The duty does not apply (the module said so, or it starts after the as-of date).
    NotApplicable,
}

/// The verdict on one item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemResult {
    /// The item id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Present, missing or not applicable.
    pub status: Status,
    /// Whether the law requires it.
    pub required: bool,
    /// The 1-based line of the original file where the evidence is.
    pub line: Option<u32>,
    /// The evidence: the matched sentence, at most 120 characters.
    pub quote: Option<String>,
    /// The law.
    pub citation: String,
    /// How the verdict was reached.
    pub why: String,
    /// What to add, when missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add: Option<String>,
}

/// A section of the notice, by its heading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionRef {
    /// The heading's 1-based line in the original file.
    pub line: u32,
    /// The heading (or, for a paragraph that opens with a region cue, its start).
    pub title: String,
}

/// One module's verdicts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleReport {
    /// The module id.
    pub module: String,
    /// The part of the notice addressed to the module's region, if there is one.
    pub section: Option<SectionRef>,
    /// One result per item, in the items file's order.
    pub items: Vec<ItemResult>,
    /// Why the module could not be evaluated (a bad items file), if so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The longest quote, in characters.
pub const QUOTE_MAX: usize = 120;

/// Bit 63 of a region mask: a region no module given covers (Nevada, Canada ...).
const OTHER: u64 = 1 << 63;

/// A sentence of a block.
struct Sentence {
    block: usize,
    start: usize,
    end: usize,
}

/// What every module's evaluation shares: sentences, languages, regions.
struct Prepared {
    sentences: Vec<Sentence>,
    /// Per block, which modules' regions it is in (bit i = module i; `OTHER`).
    masks: Vec<u64>,
    /// Per module, the section that addresses it.
    sections: Vec<Option<SectionRef>>,
    /// Per block, the range of its top-level section (its chapter).
    chapters: Vec<(usize, usize)>,
    languages: Vec<&'static str>,
}

/// Decides, for each module, which of its items the notice discloses, as of
/// a date (items whose duty starts later are not applicable). Regions are
/// read across all modules given: pass every module that will be reported,
/// so that a section addressed to one region does not count for another.
pub fn evaluate(notice: &Notice, modules: &[ModuleItems], as_of: Date) -> Vec<ModuleReport> {
    // Each module's patterns compile, and its items are decided, on a thread
    // of its own: the modules share nothing but the read-only notice.
    let compiled: Vec<Result<Arc<Compiled>, String>> = std::thread::scope(|scope| {
        let running: Vec<_> = modules.iter().map(|m| scope.spawn(|| m.file.compiled())).collect();
        running
            .into_iter()
            .map(|t| t.join().unwrap_or_else(|_| Err("compiling the patterns failed".to_string())))
            .collect()
    });
    let prepared = prepare(notice, &compiled);
    std::thread::scope(|scope| {
        let running: Vec<_> = modules
            .iter()
            .zip(&compiled)
            .enumerate()
            .map(|(i, (m, c))| {
                let prepared = &prepared;
                scope.spawn(move || match c {
                    Ok(c) => evaluate_module(notice, prepared, i, m, c, as_of),
                    Err(e) => failed(m, e.clone()),
                })
            })
            .collect();
        running
            .into_iter()
            .zip(modules)
            .map(|(t, m)| t.join().unwrap_or_else(|_| failed(m, "evaluating the notice failed".to_string())))
            .collect()
    })
}

fn failed(module: &ModuleItems, error: String) -> ModuleReport {
    ModuleReport { module: module.file.module.clone(), section: None, items: Vec::new(), error: Some(error) }
}

/// The languages a notice is written in, as far as the recognisers care:
/// always English (policies quote English terms), Russian when it has some
/// Cyrillic, Portuguese when its common words or letters appear. Languages
/// only gate which pattern sets run, so erring towards more is safe.
pub(crate) fn languages(notice: &Notice) -> Vec<&'static str> {
    let (mut cyrillic, mut pt, mut tilde) = (0usize, 0usize, 0usize);
    for b in notice.blocks() {
        for c in b.text.chars() {
            if ('\u{400}'..='\u{4ff}').contains(&c) {
                cyrillic += 1;
            } else if matches!(c, 'ã' | 'õ' | 'ç') {
                tilde += 1;
            }
        }
        for w in b.text.split(|c: char| !c.is_alphabetic()) {
            let w = w.to_lowercase();
            if matches!(
                w.as_str(),
                "não" | "você" | "são" | "dados" | "pelo" | "seus" | "suas" | "também" | "informações"
            ) {
                pt += 1;
            }
        }
    }
    let mut out = vec!["en"];
    // One common Portuguese word is enough: a short Portuguese section in an
    // English notice must still be read in Portuguese.
    if pt >= 1 || tilde >= 3 {
        out.push("pt");
    }
    if cyrillic >= 10 {
        out.push("ru");
    }
    out
}

fn prepare(notice: &Notice, compiled: &[Result<Arc<Compiled>, String>]) -> Prepared {
    let blocks = notice.blocks();
    let sections = notice.sections();
    let mut sents = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        for (start, end) in sentences(&b.text) {
            sents.push(Sentence { block: i, start, end });
        }
    }
    // Region of each section: its own cues, else its parent's. A section
    // spanning most of the document (the title heading) is never a region's.
    let total = blocks.len().max(1);
    let mut own = vec![0u64; sections.len()];
    let mut mask = vec![0u64; sections.len()];
    let mut found: Vec<Option<SectionRef>> = vec![None; compiled.len()];
    for (s, sec) in sections.iter().enumerate().skip(1) {
        let big = (sec.end - sec.start) * 10 > total * 6;
        if !big {
            for (m, c) in compiled.iter().enumerate() {
                let Ok(c) = c else { continue };
                if c.regions.iter().any(|r| r.heading.iter().any(|re| re.is_match(&sec.title))) && m < 63 {
                    own[s] |= 1 << m;
                }
            }
            if own[s] == 0 && crate::countries::names_other_place(&sec.title) {
                own[s] = OTHER;
            }
            // A section that opens with "This section applies to residents of X".
            if own[s] == 0 {
                let first_body = (sec.start + 1..sec.end).find(|&b| blocks[b].kind == BlockKind::Body);
                if let Some(b) = first_body {
                    own[s] = lead_mask(&blocks[b].text, compiled);
                }
            }
        }
        let parent = sec.parent.map_or(0, |p| mask[p]);
        mask[s] = if own[s] != 0 { own[s] } else { parent };
        for (m, slot) in found.iter_mut().enumerate() {
            if m < 63 && own[s] & (1 << m) != 0 && slot.is_none() {
                *slot = Some(SectionRef { line: sec.line, title: sec.title.clone() });
            }
        }
    }
    let mut masks: Vec<u64> = blocks.iter().map(|b| mask[b.section]).collect();
    for (i, b) in blocks.iter().enumerate() {
        if masks[i] == 0 && b.kind == BlockKind::Body {
            let lead = lead_mask(&b.text, compiled);
            if lead != 0 {
                masks[i] = lead;
                for (m, slot) in found.iter_mut().enumerate() {
                    if m < 63 && lead & (1 << m) != 0 && slot.is_none() {
                        let first = sentences(&b.text).first().map_or(b.text.as_str(), |&(a, e)| &b.text[a..e]);
                        *slot = Some(SectionRef { line: b.line, title: excerpt(first, 0, QUOTE_MAX) });
                    }
                }
            }
        }
    }
    // Chapters: the top-level section (a child of the document) holding each block.
    let mut top = vec![0usize; sections.len()];
    for (s, sec) in sections.iter().enumerate().skip(1) {
        top[s] = match sec.parent {
            Some(0) | None => s,
            Some(p) => top[p],
        };
    }
    let chapters = blocks
        .iter()
        .map(|b| {
            let t = top[b.section];
            if t == 0 { (0, blocks.len()) } else { (sections[t].start, sections[t].end) }
        })
        .collect();
    Prepared { sentences: sents, masks, sections: found, chapters, languages: languages(notice) }
}

/// Which modules' lead cues the first sentence of `text` matches.
fn lead_mask(text: &str, compiled: &[Result<Arc<Compiled>, String>]) -> u64 {
    // Lead cues read a sentence's opening words; the first 300 bytes are plenty.
    let mut cut = text.len().min(300);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    let first = sentences(head).first().map_or("", |&(a, e)| &head[a..e]);
    if first.is_empty() {
        return 0;
    }
    let mut mask = 0;
    for (m, c) in compiled.iter().enumerate() {
        let Ok(c) = c else { continue };
        if m < 63 && c.regions.iter().any(|r| r.lead.iter().any(|re| re.is_match(first))) {
            mask |= 1 << m;
        }
    }
    mask
}

/// How a piece of evidence was found.
enum How {
    Pattern(usize),
    All(Vec<usize>),
    Near(Vec<usize>),
    Cue { section: usize, cue: usize, weak: usize },
    Distinct(Vec<usize>),
}

struct Evidence {
    sentence: usize,
    how: How,
}

fn evaluate_module(
    notice: &Notice,
    prep: &Prepared,
    index: usize,
    module: &ModuleItems,
    compiled: &Compiled,
    as_of: Date,
) -> ModuleReport {
    let blocks = notice.blocks();
    let bit = if index < 63 { 1u64 << index } else { 0 };
    let in_scope = |block: usize| prep.masks[block] == 0 || prep.masks[block] & bit != 0;
    let own = |block: usize| prep.masks[block] & bit != 0;

    // Which patterns each sentence in scope matches.
    let active: Vec<&crate::items::LangSet> = compiled
        .sets
        .iter()
        .filter(|s| prep.languages.contains(&s.lang.as_str()) || !matches!(s.lang.as_str(), "en" | "pt" | "ru"))
        .collect();
    let mut chunks: Vec<&crate::items::Chunk> = Vec::new();
    for set in &active {
        match set.chunks(compiled) {
            Ok(c) => chunks.extend(c),
            Err(e) => return failed(module, e),
        }
    }
    let mut caches: Vec<crate::items::ChunkCache> = chunks.iter().map(|c| c.cache()).collect();
    let mut hits: Vec<(usize, Vec<u32>)> = Vec::new();
    let mut matched: Vec<usize> = Vec::new();
    for (si, s) in prep.sentences.iter().enumerate() {
        if !in_scope(s.block) {
            continue;
        }
        let text = &blocks[s.block].text[s.start..s.end];
        matched.clear();
        for (chunk, cache) in chunks.iter().zip(&mut caches) {
            chunk.matches(cache, text, &mut matched);
        }
        if !matched.is_empty() {
            let mut found: Vec<u32> = matched.iter().map(|&g| u32::try_from(g).unwrap_or(u32::MAX)).collect();
            found.sort_unstable();
            hits.push((si, found));
        }
    }

    let items = module
        .file
        .items
        .iter()
        .zip(&compiled.items)
        .map(|(def, item)| {
            if let Some(a) = module.applicability.get(def.id.as_str()).filter(|a| !a.applies) {
                return not_applicable(def, a.reason.clone());
            }
            if let Some(since) = def.since.filter(|s| as_of < s.0) {
                return not_applicable(def, format!("the duty starts on {}, after the as-of date {as_of}", since.0));
            }
            let ctx = Ctx { notice, prep, hits: &hits, item, def, own: &own };
            match ctx.find() {
                Some(ev) => ctx.present(ev, compiled),
                None => ItemResult {
                    id: def.id.clone(),
                    title: def.title.clone(),
                    status: Status::Missing,
                    required: def.required,
                    line: None,
                    quote: None,
                    citation: def.citation.clone(),
                    why: format!(
                        "nothing in the general text{} discloses {}",
                        match &prep.sections[index] {
                            Some(s) => format!(" or in the section \"{}\" (line {})", s.title, s.line),
                            None => String::new(),
                        },
                        lower_first(&def.title)
                    ),
                    add: Some(def.add.clone()),
                },
            }
        })
        .collect();
    ModuleReport { module: module.file.module.clone(), section: prep.sections[index].clone(), items, error: None }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if c.clone().next().is_some_and(char::is_lowercase) => f.to_lowercase().chain(c).collect(),
        _ => s.to_string(),
    }
}

fn not_applicable(def: &ItemDef, reason: String) -> ItemResult {
    ItemResult {
        id: def.id.clone(),
        title: def.title.clone(),
        status: Status::NotApplicable,
        required: def.required,
        line: None,
        quote: None,
        citation: def.citation.clone(),
        why: reason,
        add: None,
    }
}

struct Ctx<'a, F: Fn(usize) -> bool> {
    notice: &'a Notice,
    prep: &'a Prepared,
    hits: &'a [(usize, Vec<u32>)],
    item: &'a CompiledItem,
    def: &'a ItemDef,
    own: &'a F,
}

fn has(hits: &[u32], p: usize) -> bool {
    u32::try_from(p).is_ok_and(|p| hits.binary_search(&p).is_ok())
}

impl<F: Fn(usize) -> bool> Ctx<'_, F> {
    fn block_of(&self, k: usize) -> usize {
        self.prep.sentences[self.hits[k].0].block
    }

    /// Whether hit entry `k` may serve as evidence for this item at all.
    fn usable(&self, k: usize) -> bool {
        let (_, h) = &self.hits[k];
        let block = &self.notice.blocks()[self.block_of(k)];
        (self.def.chrome || !block.chrome) && !self.item.negative.iter().any(|&n| has(h, n))
    }

    /// Per section, whether it (or an enclosing section) has a title the
    /// item's `outside` patterns name: nothing in it is evidence.
    fn excluded_sections(&self) -> Vec<bool> {
        let sections = self.notice.sections();
        let mut out = vec![false; sections.len()];
        if self.item.outside.is_empty() {
            return out;
        }
        for (s, sec) in sections.iter().enumerate() {
            let inherited = sec.parent.is_some_and(|p| p < s && out[p]);
            out[s] = inherited || (s > 0 && self.item.outside.iter().any(|re| re.is_match(&sec.title)));
        }
        out
    }

    fn find(&self) -> Option<Evidence> {
        let mut candidates: Vec<Evidence> = Vec::new();
        let excluded = self.excluded_sections();
        let blocks = self.notice.blocks();
        let usable: Vec<usize> = (0..self.hits.len())
            .filter(|&k| self.usable(k) && !excluded.get(blocks[self.block_of(k)].section).copied().unwrap_or(false))
            .collect();
        // Patterns, and groups within one sentence.
        for &k in &usable {
            let h = &self.hits[k].1;
            let sentence = self.hits[k].0;
            if let Some(&p) = self.item.strong.iter().find(|&&p| has(h, p)) {
                candidates.push(Evidence { sentence, how: How::Pattern(p) });
            } else if let Some(g) = self.item.all.iter().find(|g| g.iter().all(|&p| has(h, p))) {
                candidates.push(Evidence { sentence, how: How::All(g.clone()) });
            }
        }
        // Groups within one block.
        if !self.item.near.is_empty() {
            let mut k = 0;
            while k < usable.len() {
                let block = self.block_of(usable[k]);
                let mut j = k;
                let mut union: Vec<u32> = Vec::new();
                while j < usable.len() && self.block_of(usable[j]) == block {
                    union.extend(&self.hits[usable[j]].1);
                    j += 1;
                }
                union.sort_unstable();
                union.dedup();
                if let Some(g) = self.item.near.iter().find(|g| g.iter().all(|&p| has(&union, p))) {
                    let first = (k..j).find(|&x| has(&self.hits[usable[x]].1, g[0])).unwrap_or(k);
                    candidates.push(Evidence { sentence: self.hits[usable[first]].0, how: How::Near(g.clone()) });
                }
                k = j;
            }
        }
        // Sections whose title is a cue, with a weak pattern in their body.
        if !self.item.cues.is_empty() {
            for &k in &usable {
                let block = self.block_of(k);
                if !matches!(blocks[block].kind, BlockKind::Heading(_)) {
                    continue;
                }
                let Some(&cue) = self.item.cues.iter().find(|&&c| has(&self.hits[k].1, c)) else { continue };
                let section = blocks[block].section;
                let sec = &self.notice.sections()[section];
                let body = usable.iter().copied().filter(|&x| {
                    let b = self.block_of(x);
                    b > sec.start && b < sec.end
                });
                for x in body {
                    let h = &self.hits[x].1;
                    if let Some(&w) = self.item.weak.iter().chain(&self.item.strong).find(|&&w| has(h, w)) {
                        candidates.push(Evidence { sentence: self.hits[x].0, how: How::Cue { section, cue, weak: w } });
                        break;
                    }
                }
            }
        }
        // Enough different things named, together.
        if let Some((min, list, scope)) = &self.item.distinct {
            // Per section (or the document): the patterns seen and the first sentence.
            let mut seen: std::collections::HashMap<usize, (Vec<usize>, usize)> = std::collections::HashMap::new();
            'hits: for &k in &usable {
                let matched: Vec<usize> = list.iter().copied().filter(|&p| has(&self.hits[k].1, p)).collect();
                if matched.is_empty() {
                    continue;
                }
                let mut scopes = Vec::new();
                match scope {
                    DistinctScope::Document => scopes.push(0),
                    // Keys apart from section indices: sentences and blocks are offset.
                    DistinctScope::Sentence => scopes.push(usize::MAX / 2 + self.hits[k].0),
                    DistinctScope::Paragraph => scopes.push(usize::MAX / 4 + self.block_of(k)),
                    // The innermost section only: a list of legal bases sits under one heading.
                    DistinctScope::Section => scopes.push(self.notice.blocks()[self.block_of(k)].section),
                }
                for x in scopes {
                    let entry = seen.entry(x).or_insert_with(|| (Vec::new(), self.hits[k].0));
                    for &p in &matched {
                        if !entry.0.contains(&p) {
                            entry.0.push(p);
                        }
                    }
                    if entry.0.len() >= *min && *min > 0 {
                        candidates.push(Evidence { sentence: entry.1, how: How::Distinct(entry.0.clone()) });
                        break 'hits;
                    }
                }
            }
        }
        if !self.item.with.is_empty() {
            candidates.retain(|c| self.with_met(c.sentence, &usable));
        }
        // Prefer evidence in the module's own section, then the earliest.
        candidates.into_iter().min_by_key(|c| (!(self.own)(self.prep.sentences[c.sentence].block), c.sentence))
    }

    fn with_met(&self, sentence: usize, usable: &[usize]) -> bool {
        let block = self.prep.sentences[sentence].block;
        let (lo, hi) = match self.def.with_scope {
            WithScope::Chapter => self.prep.chapters[block],
            WithScope::Document => (0, usize::MAX),
        };
        self.item.with.iter().all(|alternatives| {
            usable.iter().any(|&k| {
                let b = self.block_of(k);
                b >= lo && b < hi && alternatives.iter().any(|&p| has(&self.hits[k].1, p))
            })
        })
    }

    fn present(&self, ev: Evidence, compiled: &Compiled) -> ItemResult {
        let s = &self.prep.sentences[ev.sentence];
        let block = &self.notice.blocks()[s.block];
        let text = &block.text[s.start..s.end];
        let anchor = match &ev.how {
            How::Pattern(p) => Some(*p),
            How::All(g) | How::Near(g) | How::Distinct(g) => g.first().copied(),
            How::Cue { weak, .. } => Some(*weak),
        };
        let at = anchor.and_then(|p| compiled.single(p)).and_then(|re| re.find(text)).map_or(0, |m| m.start());
        let show = |p: usize| format!("/{}/", compiled.sources.get(p).map_or("", String::as_str));
        let list = |g: &[usize]| g.iter().map(|&p| show(p)).collect::<Vec<_>>().join(", ");
        let mut why = match &ev.how {
            How::Pattern(p) => format!("matches {}", show(*p)),
            How::All(g) => format!("matches {} in one sentence", list(g)),
            How::Near(g) => format!("matches {} in one paragraph", list(g)),
            How::Cue { section, cue, weak } => format!(
                "the section \"{}\" (line {}) has a title matching {} and says {}",
                self.notice.sections()[*section].title,
                self.notice.sections()[*section].line,
                show(*cue),
                show(*weak)
            ),
            How::Distinct(g) => format!("names {} different things: {}", g.len(), list(g)),
        };
        why.push_str(if (self.own)(s.block) { " (in the region's own section)" } else { " (in the general text)" });
        ItemResult {
            id: self.def.id.clone(),
            title: self.def.title.clone(),
            status: Status::Present,
            required: self.def.required,
            line: Some(block.line_at(s.start + at)),
            quote: Some(excerpt(text, at, QUOTE_MAX)),
            citation: self.def.citation.clone(),
            why,
            add: None,
        }
    }
}
