//! The manifest's TOML as a compact tree with spans, built straight from
//! `toml_parser`'s events, and read by serde without copying it.
//!
//! The `toml` crate's own tree (`DeTable`) costs most of a large manifest's
//! load: it keeps every token and every event in vectors before it builds the
//! tree, keys its tables by ordered maps, and is consumed by deserializing, so
//! locating findings needed a second copy. This tree is built while the parser
//! runs, tables are vectors in document order, and serde reads it by
//! reference, so one tree serves both the model and [`super::SourceIndex`].
//!
//! [`Tree::parse`] only accepts what it builds exactly as `toml` would. Any
//! error, and any document shape it leaves to `toml` (a key defined twice, a
//! table reopened, a dotted key in an inline table, an integer beyond `i64`),
//! returns `None`, and the caller takes `toml`'s path, whose messages and
//! semantics are the reference. Tests compare the two trees.
//!
//! A large document is parsed in two halves on two threads, cut at a line
//! that opens an array of tables (`[[activities]]`), where nothing after the
//! cut attaches to the table before it; the halves' top-level keys are
//! merged only where both are arrays of tables, and anything else takes the
//! one-thread path.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::parser::{EventReceiver, RecursionGuard, ValidateWhitespace};
use toml_parser::{ErrorSink, ParseError, Source, Span};

/// A byte range of the document in 32-bit offsets: the tree holds one or two
/// per value, and manifests are smaller than 4 GiB (`Tree::parse` leaves
/// larger documents to `toml`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Extent {
    start: u32,
    end: u32,
}

impl Extent {
    /// Offsets past 4 GiB are held as 4 GiB (only a tree converted from
    /// `toml`'s, for a document that large, has them).
    fn new(start: usize, end: usize) -> Self {
        let offset = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
        Extent { start: offset(start), end: offset(end) }
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    fn shift(&mut self, offset: u32) {
        self.start = self.start.saturating_add(offset);
        self.end = self.end.saturating_add(offset);
    }
}

impl From<Range<usize>> for Extent {
    fn from(range: Range<usize>) -> Self {
        Extent::new(range.start, range.end)
    }
}

/// A TOML value with the byte range it was written at.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Item<'i> {
    pub span: Extent,
    pub value: Value<'i>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value<'i> {
    String(Cow<'i, str>),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    Datetime(toml_datetime::Datetime),
    Array(Array<'i>),
    Table(Table<'i>),
    /// A value this tree does not hold (an integer beyond `i64`), only in a
    /// tree converted from `toml`'s, which is used for locating and not read.
    Unread,
}

#[derive(Clone, Debug)]
pub(crate) struct Array<'i> {
    pub items: Vec<Item<'i>>,
    /// Made by `[[x]]` headers, which later headers may extend (not known,
    /// and not needed, in a tree converted from `toml`'s).
    of_tables: bool,
}

impl PartialEq for Array<'_> {
    /// The items; how the array was written is not part of its value.
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items
    }
}

/// A table's entries in document order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Table<'i> {
    pub entries: Vec<Entry<'i>>,
    /// Created by a header's or a dotted key's path, not written itself.
    implicit: bool,
    /// Created by a dotted key.
    dotted: bool,
    /// Written `{ ... }`, closed to later keys.
    inline: bool,
    /// Key to entry, once the table is too long for a linear search, so that no
    /// table makes insertion quadratic. Boxed: few tables have one, and every
    /// value of the tree is as large as a table.
    #[allow(clippy::box_collection)]
    index: Option<Box<HashMap<Cow<'i, str>, usize>>>,
}

impl PartialEq for Table<'_> {
    /// The same keys with the same values, in any order (`toml` orders its
    /// tables by key); how the table came to be is not part of its value.
    fn eq(&self, other: &Self) -> bool {
        self.entries.len() == other.entries.len()
            && self.entries.iter().all(|entry| other.get(&entry.key).is_some_and(|theirs| theirs == entry))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Entry<'i> {
    pub key: Cow<'i, str>,
    pub key_span: Extent,
    pub value: Item<'i>,
}

/// Tables longer than this get a hash index.
const LINEAR_SEARCH_UP_TO: usize = 16;

/// `toml`'s limit on nesting and on the parts of a dotted key.
const DEPTH_LIMIT: u32 = 80;

impl<'i> Table<'i> {
    fn with_flags(implicit: bool, dotted: bool, inline: bool) -> Self {
        Table { implicit, dotted, inline, ..Table::default() }
    }

    /// A table opened by a header, with room for `keys` entries.
    fn written(keys: usize) -> Self {
        Table { entries: Vec::with_capacity(keys), ..Table::default() }
    }

    pub fn find(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self.entries.iter().position(|e| e.key == key),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Entry<'i>> {
        self.find(key).map(|i| &self.entries[i])
    }

    fn push(&mut self, key: Cow<'i, str>, key_span: Extent, value: Item<'i>) -> usize {
        let at = self.entries.len();
        if let Some(index) = &mut self.index {
            index.insert(key.clone(), at);
        }
        self.entries.push(Entry { key, key_span, value });
        if self.index.is_none() && self.entries.len() > LINEAR_SEARCH_UP_TO {
            self.index = Some(Box::new(self.entries.iter().enumerate().map(|(i, e)| (e.key.clone(), i)).collect()));
        }
        at
    }
}

/// A parsed document.
pub(crate) struct Tree<'i> {
    pub root: Table<'i>,
}

impl<'i> Tree<'i> {
    /// Builds the tree, or returns `None` for anything it leaves to `toml`:
    /// every error, and the rare valid shapes named in the module's comment.
    pub fn parse(text: &'i str) -> Option<Self> {
        if u32::try_from(text.len()).is_err() {
            return None;
        }
        if text.len() >= SPLIT_FROM_BYTES
            && let Some(cut) = split_point(text)
            && let Some(tree) = Self::parse_split(text, cut)
        {
            return Some(tree);
        }
        Self::parse_in_pieces(text, PIECE_TOKENS)
    }

    /// `text[..cut]` and `text[cut..]` parsed on two threads and merged, or
    /// `None` when either half is left to `toml` or their top-level keys
    /// meet other than as two parts of one array of tables. `cut` is the
    /// start of a line.
    fn parse_split(text: &'i str, cut: usize) -> Option<Self> {
        let (head, tail) = text.split_at_checked(cut)?;
        let (first, second) = std::thread::scope(|scope| {
            let second = scope.spawn(|| Self::parse_in_pieces(tail, PIECE_TOKENS));
            let first = Self::parse_in_pieces(head, PIECE_TOKENS);
            (first, second.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        });
        let (mut first, mut second) = (first?, second?);
        let offset = u32::try_from(cut).ok()?;
        shift_table(&mut second.root, offset);
        for entry in second.root.entries {
            match first.root.find(&entry.key) {
                None => {
                    first.root.push(entry.key, entry.key_span, entry.value);
                }
                Some(at) => match (&mut first.root.entries[at].value.value, entry.value.value) {
                    (
                        Value::Array(Array { items, of_tables: true }),
                        Value::Array(Array { items: more, of_tables: true }),
                    ) => items.extend(more),
                    _ => return None,
                },
            }
        }
        Some(first)
    }

    /// [`Tree::parse`], handing the parser at least `piece` tokens at a time.
    ///
    /// `toml_parser` parses a slice of tokens, and a large manifest has tens of
    /// millions (240 MB for 35 MB of TOML). A newline outside any brackets
    /// ends a TOML expression (a key/value line, a header or a comment; strings
    /// are single tokens), so the document is parsed in pieces cut there, each
    /// a document of its own to the parser, while the builder, which holds
    /// which table is current, carries on across them.
    fn parse_in_pieces(text: &'i str, piece: usize) -> Option<Self> {
        use toml_parser::lexer::TokenKind;
        let source = Source::new(text);
        let mut builder = Builder::new(source);
        let mut sink = Declines(false);
        let mut tokens = Vec::with_capacity(piece.min(text.len() / 3) + 64);
        let mut depth = 0i64;
        for token in source.lex() {
            match token.kind() {
                TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
                TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => depth -= 1,
                _ => {}
            }
            let ends_expression = depth == 0 && token.kind() == TokenKind::Newline;
            tokens.push(token);
            if ends_expression && tokens.len() >= piece {
                parse_piece(&tokens, &mut builder, &mut sink, source);
                tokens.clear();
                if sink.0 || builder.declined {
                    return None;
                }
            }
        }
        parse_piece(&tokens, &mut builder, &mut sink, source);
        if sink.0 || builder.declined || !builder.stack.is_empty() || builder.pending_value {
            return None;
        }
        Some(Tree { root: builder.root })
    }

    /// The same tree from `toml`'s, for documents [`Tree::parse`] leaves to it.
    pub fn from_toml(root: &toml::de::DeTable<'i>) -> Self {
        Tree { root: convert_table(root) }
    }

    /// A serde deserializer reading the document.
    pub fn deserializer(&self) -> ItemDeserializer<'_, 'i> {
        ItemDeserializer::Table(&self.root)
    }

    /// The manifest model read from the tree. A long `[[activities]]` array
    /// is read in two halves at once, beside the rest of the document: on
    /// one thread, reading 100,000 activities was a third of the parse. Any
    /// problem declines, as reading it whole would, and the caller takes
    /// `toml`'s path for the message.
    pub fn manifest(&self) -> Result<super::Manifest, Declined> {
        let activities = self.root.find("activities").and_then(|at| match &self.root.entries[at].value.value {
            Value::Array(array) if array.items.len() >= SPLIT_FROM_ACTIVITIES => Some((at, &array.items)),
            _ => None,
        });
        let Some((at, items)) = activities else { return super::Manifest::deserialize(self.deserializer()) };
        let read = |items: &[Item<'i>]| -> Result<Vec<super::Activity>, Declined> {
            items.iter().map(|item| super::Activity::deserialize(ItemDeserializer::Value(&item.value))).collect()
        };
        let (first, second) = items.split_at(items.len() / 2);
        let (rest, first, second) = std::thread::scope(|scope| {
            let second = scope.spawn(|| read(second));
            let rest = super::Manifest::deserialize(ItemDeserializer::TableExcept(&self.root, at));
            let first = read(first);
            (rest, first, second.join())
        });
        let second = second.map_err(|_| de::Error::custom("a half of the activities could not be read"))?;
        let mut manifest = rest?;
        let mut activities = first?;
        activities.extend(second?);
        manifest.activities = activities;
        Ok(manifest)
    }
}

/// From this many activities, [`Tree::manifest`] reads them on two threads.
const SPLIT_FROM_ACTIVITIES: usize = 4096;

/// Documents from this size are parsed in two halves at once (a thread costs
/// far less than parsing a megabyte).
const SPLIT_FROM_BYTES: usize = 1 << 20;

/// The start of the first line from the middle of `text` on that is a header
/// `[[key]]` of one bare key: the parser starts the half after it afresh,
/// and such a header opens a table of its own at the top level. A line that
/// only looks like one, inside a multi-line string or array, leaves the half
/// before it unterminated, so that half is refused and the whole is parsed
/// on one thread.
fn split_point(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = text.len() / 2;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    while let Some(found) = text.get(from..)?.find("\n[[") {
        let start = from + found + 1;
        let rest = &bytes[start + 2..];
        let key = rest.iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_' || **b == b'-').count();
        if key > 0 && rest[key..].starts_with(b"]]") {
            return Some(start);
        }
        from = start;
    }
    None
}

/// Adds `offset` to every span of `table`: a half parsed alone counts from its
/// own start.
fn shift_table(table: &mut Table<'_>, offset: u32) {
    for entry in &mut table.entries {
        entry.key_span.shift(offset);
        shift_item(&mut entry.value, offset);
    }
}

fn shift_item(item: &mut Item<'_>, offset: u32) {
    item.span.shift(offset);
    match &mut item.value {
        Value::Array(array) => array.items.iter_mut().for_each(|item| shift_item(item, offset)),
        Value::Table(table) => shift_table(table, offset),
        _ => {}
    }
}

/// Tokens handed to the parser at a time (1.5 MB of them).
const PIECE_TOKENS: usize = 1 << 16;

fn parse_piece<'i>(
    tokens: &[toml_parser::lexer::Token],
    builder: &mut Builder<'i>,
    sink: &mut Declines,
    source: Source<'i>,
) {
    let mut whitespace = ValidateWhitespace::new(builder, source);
    let mut guard = RecursionGuard::new(&mut whitespace, DEPTH_LIMIT);
    toml_parser::parser::parse_document(tokens, &mut guard, sink);
}

fn convert_table<'i>(table: &toml::de::DeTable<'i>) -> Table<'i> {
    let mut converted = Table::default();
    for (key, value) in table {
        converted.push(key.get_ref().clone(), key.span().into(), convert_item(value));
    }
    converted
}

fn convert_item<'i>(item: &toml::Spanned<toml::de::DeValue<'i>>) -> Item<'i> {
    use toml::de::DeValue;
    let value = match item.get_ref() {
        DeValue::String(s) => Value::String(s.clone()),
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).map_or(Value::Unread, Value::Integer),
        DeValue::Float(f) => f.as_str().parse().map_or(Value::Unread, Value::Float),
        DeValue::Boolean(b) => Value::Boolean(*b),
        DeValue::Datetime(d) => Value::Datetime(*d),
        DeValue::Array(a) => Value::Array(Array { items: a.iter().map(convert_item).collect(), of_tables: false }),
        DeValue::Table(t) => Value::Table(convert_table(t)),
    };
    Item { span: item.span().into(), value }
}

/// Records that the parser found an error.
struct Declines(bool);

impl ErrorSink for Declines {
    fn report_error(&mut self, _error: ParseError) {
        self.0 = true;
    }
}

/// An array or inline table being read.
enum Open<'i> {
    /// Its items so far are `Builder::items[first..]`.
    Array {
        start: usize,
        first: usize,
    },
    Inline {
        start: usize,
        table: Table<'i>,
        key: Option<(Cow<'i, str>, Extent)>,
    },
}

/// Builds the tree from the parser's events.
struct Builder<'i> {
    source: Source<'i>,
    root: Table<'i>,
    /// Entry indices from the root to the table that key/value lines go to;
    /// an array of tables on the way stands for its last table.
    current: Vec<usize>,
    /// The parts of the key being read.
    key: Vec<(Cow<'i, str>, Extent)>,
    /// A header being read: whether `[[...]]`, and where it starts.
    header: Option<(bool, usize)>,
    /// The key of a top-level key/value line whose value is being read (the
    /// vector is kept between lines, so that reading a key allocates nothing).
    pending: Vec<(Cow<'i, str>, Extent)>,
    pending_value: bool,
    stack: Vec<Open<'i>>,
    /// The items of the open arrays, innermost last: an array's items are
    /// moved out when it closes, into a vector of exactly their number
    /// (growing each array's own vector wasted half its memory).
    items: Vec<Item<'i>>,
    /// How many keys the last table opened by a header had: records of one
    /// array of tables have about as many keys each, so the next table is
    /// made that size.
    keys_per_table: usize,
    declined: bool,
}

fn extent(span: Span) -> Extent {
    Extent::new(span.start(), span.end())
}

impl<'i> Builder<'i> {
    fn new(source: Source<'i>) -> Self {
        Builder {
            source,
            root: Table::default(),
            current: Vec::new(),
            key: Vec::new(),
            header: None,
            pending: Vec::new(),
            pending_value: false,
            stack: Vec::new(),
            items: Vec::new(),
            keys_per_table: 8,
            declined: false,
        }
    }

    /// The text at `span`, with the quoting the parser found for it.
    fn raw(&self, span: Span, encoding: Option<Encoding>) -> Option<toml_parser::Raw<'i>> {
        let text = self.source.get(span)?.as_str();
        Some(toml_parser::Raw::new_unchecked(text, encoding, span))
    }

    /// A value is complete: it goes into the open array or inline table, or
    /// to the key of the current line.
    fn complete(&mut self, item: Item<'i>) {
        match self.stack.last_mut() {
            Some(Open::Array { .. }) => self.items.push(item),
            Some(Open::Inline { table, key, .. }) => match key.take() {
                Some((key, key_span)) if table.find(&key).is_none() => {
                    table.push(key, key_span, item);
                }
                _ => self.declined = true,
            },
            None if self.pending_value => {
                self.pending_value = false;
                let mut path = std::mem::take(&mut self.pending);
                let declined = match path.pop() {
                    Some((key, key_span)) => {
                        let dotted = !path.is_empty();
                        match walk(&mut self.root, &self.current)
                            .and_then(|table| descend(table, path.drain(..), dotted))
                        {
                            // Dotted keys may not add to a table written as a header.
                            Some(parent) if (!dotted || parent.implicit) && parent.find(&key).is_none() => {
                                parent.push(key, key_span, item);
                                false
                            }
                            _ => true,
                        }
                    }
                    None => true,
                };
                path.clear();
                self.pending = path;
                self.declined |= declined;
            }
            None => self.declined = true,
        }
    }

    /// `[path.key]` or `[[path.key]]` is closed: the table it opens becomes current.
    fn open_table(&mut self, is_array: bool, span: Extent) {
        // The table the previous header opened is complete.
        if let Some(previous) = walk(&mut self.root, &self.current) {
            self.keys_per_table = previous.entries.len().max(1);
            if previous.entries.capacity() > previous.entries.len() + previous.entries.len() / 4 {
                previous.entries.shrink_to_fit();
            }
        }
        let keys = self.keys_per_table;
        let mut path = std::mem::take(&mut self.key);
        let Some((key, key_span)) = path.pop() else { return self.declined = true };
        let mut indices = Vec::with_capacity(path.len() + 1);
        let mut table = &mut self.root;
        for (part, part_span) in path {
            let at = match table.find(&part) {
                Some(at) => at,
                None => table.push(part, part_span, Item { span: part_span, value: implicit_table(false) }),
            };
            indices.push(at);
            match step(&mut table.entries[at].value.value, false) {
                Some(next) => table = next,
                None => return self.declined = true,
            }
        }
        let at = match (table.find(&key), is_array) {
            (None, false) => {
                let value = Value::Table(Table::written(keys));
                table.push(key, key_span, Item { span, value })
            }
            (None, true) => {
                let first = Item { span, value: Value::Table(Table::written(keys)) };
                let value = Value::Array(Array { items: vec![first], of_tables: true });
                table.push(key, key_span, Item { span, value })
            }
            (Some(at), true) => match &mut table.entries[at].value.value {
                Value::Array(Array { items: tables, of_tables: true }) => {
                    tables.push(Item { span, value: Value::Table(Table::written(keys)) });
                    at
                }
                _ => return self.declined = true,
            },
            // Reopening a table, even one only implied so far: left to `toml`.
            (Some(_), false) => return self.declined = true,
        };
        indices.push(at);
        self.current = indices;
    }
}

fn implicit_table<'i>(dotted: bool) -> Value<'i> {
    Value::Table(Table::with_flags(true, dotted, false))
}

/// The table a path step enters: a table that is not inline, or the last
/// table of an array of tables.
fn step<'t, 'i>(value: &'t mut Value<'i>, dotted: bool) -> Option<&'t mut Table<'i>> {
    match value {
        Value::Table(table) if !table.inline => {
            if dotted {
                // A dotted key may only extend tables that dotted keys made.
                if !table.implicit {
                    return None;
                }
                table.dotted = true;
            }
            Some(table)
        }
        Value::Array(Array { items: tables, of_tables: true }) if !dotted => {
            match tables.last_mut().map(|t| &mut t.value) {
                Some(Value::Table(table)) => Some(table),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The table that `indices` leads to from `root`.
fn walk<'t, 'i>(mut table: &'t mut Table<'i>, indices: &[usize]) -> Option<&'t mut Table<'i>> {
    for &at in indices {
        table = step(&mut table.entries.get_mut(at)?.value.value, false)?;
    }
    Some(table)
}

/// Follows (creating as implicit tables) the dotted parts of a key.
fn descend<'t, 'i>(
    mut table: &'t mut Table<'i>,
    path: impl Iterator<Item = (Cow<'i, str>, Extent)>,
    dotted: bool,
) -> Option<&'t mut Table<'i>> {
    for (part, part_span) in path {
        let at = match table.find(&part) {
            Some(at) => at,
            None => table.push(part, part_span, Item { span: part_span, value: implicit_table(dotted) }),
        };
        table = step(&mut table.entries[at].value.value, dotted)?;
    }
    Some(table)
}

impl<'i> EventReceiver for Builder<'i> {
    fn std_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.key.clear();
        self.header = Some((false, span.start()));
    }

    fn std_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        match self.header.take() {
            Some((false, start)) => self.open_table(false, Extent::new(start, span.end())),
            _ => self.declined = true,
        }
    }

    fn array_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.key.clear();
        self.header = Some((true, span.start()));
    }

    fn array_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        match self.header.take() {
            Some((true, start)) => self.open_table(true, Extent::new(start, span.end())),
            _ => self.declined = true,
        }
    }

    fn inline_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.stack.push(Open::Inline { start: span.start(), table: Table::with_flags(false, false, true), key: None });
        true
    }

    fn inline_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        match self.stack.pop() {
            Some(Open::Inline { start, mut table, key: None }) => {
                table.entries.shrink_to_fit();
                self.complete(Item { span: Extent::new(start, span.end()), value: Value::Table(table) })
            }
            _ => self.declined = true,
        }
    }

    fn array_open(&mut self, span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.stack.push(Open::Array { start: span.start(), first: self.items.len() });
        true
    }

    fn array_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        match self.stack.pop() {
            Some(Open::Array { start, first }) => {
                let items: Vec<Item<'i>> = self.items.drain(first..).collect();
                let value = Value::Array(Array { items, of_tables: false });
                self.complete(Item { span: Extent::new(start, span.end()), value })
            }
            _ => self.declined = true,
        }
    }

    fn simple_key(&mut self, span: Span, encoding: Option<Encoding>, error: &mut dyn ErrorSink) {
        let Some(raw) = self.raw(span, encoding) else { return self.declined = true };
        let mut decoded = Cow::Borrowed("");
        raw.decode_key(&mut decoded, error);
        self.key.push((decoded, extent(span)));
        if self.key.len() as u32 >= DEPTH_LIMIT {
            self.declined = true;
        }
    }

    fn key_val_sep(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        match self.stack.last_mut() {
            // Dotted keys inside inline tables are left to `toml`.
            Some(Open::Inline { key: slot @ None, .. }) if self.key.len() == 1 => *slot = self.key.pop(),
            None if !self.pending_value && self.header.is_none() => {
                std::mem::swap(&mut self.key, &mut self.pending);
                self.pending_value = true;
            }
            _ => self.declined = true,
        }
        self.key.clear();
    }

    fn scalar(&mut self, span: Span, encoding: Option<Encoding>, error: &mut dyn ErrorSink) {
        let Some(raw) = self.raw(span, encoding) else { return self.declined = true };
        let mut decoded = Cow::Borrowed("");
        let value = match raw.decode_scalar(&mut decoded, error) {
            ScalarKind::String => Value::String(decoded),
            ScalarKind::Boolean(b) => Value::Boolean(b),
            ScalarKind::DateTime => match decoded.parse::<toml_datetime::Datetime>() {
                Ok(d) => Value::Datetime(d),
                Err(_) => return self.declined = true,
            },
            ScalarKind::Float => match decoded.parse::<f64>() {
                // `toml` refuses a finite literal that overflows to infinity.
                Ok(f) if !f.is_infinite() || decoded.contains("inf") => Value::Float(f),
                _ => return self.declined = true,
            },
            ScalarKind::Integer(radix) => match i64::from_str_radix(&decoded, radix.value()) {
                Ok(i) => Value::Integer(i),
                Err(_) => return self.declined = true,
            },
        };
        self.complete(Item { span: extent(span), value });
    }

    fn error(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.declined = true;
    }
}

/// Why the tree could not be read as the model; the caller then reads the
/// document with `toml`, whose message is the one shown.
#[derive(Debug)]
pub(crate) struct Declined(String);

impl fmt::Display for Declined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Declined {}

impl de::Error for Declined {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Declined(message.to_string())
    }
}

/// Reads a value of the tree, as `toml`'s own deserializer reads its tree.
#[derive(Clone, Copy)]
pub(crate) enum ItemDeserializer<'t, 'i> {
    Value(&'t Value<'i>),
    Table(&'t Table<'i>),
    /// A table without its entry at this index, read apart.
    TableExcept(&'t Table<'i>, usize),
}

/// The key `toml` gives a date-time presented as a map, which `IsoDate` reads.
const DATETIME_KEY: &str = "$__toml_private_datetime";

impl<'de, 'i: 'de> de::Deserializer<'de> for ItemDeserializer<'de, 'i> {
    type Error = Declined;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        let value = match self {
            ItemDeserializer::Table(table) => return visitor.visit_map(Entries::of(table)),
            ItemDeserializer::TableExcept(table, skipped) => {
                let (before, after) = table.entries.split_at(skipped.min(table.entries.len()));
                let entries = before.iter().chain(after.get(1..).unwrap_or_default());
                return visitor.visit_map(Entries { entries, value: None });
            }
            ItemDeserializer::Value(value) => value,
        };
        match value {
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Integer(i) => visitor.visit_i64(*i),
            Value::Float(f) => visitor.visit_f64(*f),
            Value::Boolean(b) => visitor.visit_bool(*b),
            Value::Datetime(d) => visitor.visit_map(DatetimeAccess(Some(d.to_string()))),
            Value::Array(array) => visitor.visit_seq(Items(array.items.iter())),
            Value::Table(table) => visitor.visit_map(Entries::of(table)),
            Value::Unread => Err(de::Error::custom("a value this reader does not hold")),
        }
    }

    // Present means `Some`: an absent key is what `None` is.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Declined> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Declined> {
        match self {
            ItemDeserializer::Value(Value::String(s)) => {
                visitor.visit_enum(de::IntoDeserializer::<Declined>::into_deserializer(s.as_ref()))
            }
            _ => Err(de::Error::custom("an enum written other than as a string")),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

struct Items<'de, 'i>(std::slice::Iter<'de, Item<'i>>);

impl<'de, 'i: 'de> SeqAccess<'de> for Items<'de, 'i> {
    type Error = Declined;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Declined> {
        self.0.next().map(|item| seed.deserialize(ItemDeserializer::Value(&item.value))).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Entries<'de, 'i> {
    entries: std::iter::Chain<std::slice::Iter<'de, Entry<'i>>, std::slice::Iter<'de, Entry<'i>>>,
    value: Option<&'de Value<'i>>,
}

impl<'de, 'i> Entries<'de, 'i> {
    fn of(table: &'de Table<'i>) -> Self {
        Entries { entries: table.entries.iter().chain(&[]), value: None }
    }
}

impl<'de, 'i: 'de> MapAccess<'de> for Entries<'de, 'i> {
    type Error = Declined;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Declined> {
        let Some(entry) = self.entries.next() else { return Ok(None) };
        self.value = Some(&entry.value.value);
        let key: &'de str = &entry.key;
        seed.deserialize(de::value::BorrowedStrDeserializer::new(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Declined> {
        match self.value.take() {
            Some(value) => seed.deserialize(ItemDeserializer::Value(value)),
            None => Err(de::Error::custom("a value asked for before its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.entries.size_hint().1
    }
}

/// A date-time as `toml` presents it: a map of one private key to its text.
struct DatetimeAccess(Option<String>);

impl<'de> MapAccess<'de> for DatetimeAccess {
    type Error = Declined;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Declined> {
        if self.0.is_none() {
            return Ok(None);
        }
        seed.deserialize(de::value::BorrowedStrDeserializer::new(DATETIME_KEY)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Declined> {
        match self.0.take() {
            Some(text) => seed.deserialize(de::value::StringDeserializer::new(text)),
            None => Err(de::Error::custom("a value asked for before its key")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `toml` makes of `text`, as a tree, or `None` when it refuses it.
    fn by_toml(text: &str) -> Option<Tree<'_>> {
        toml::de::DeTable::parse(text).ok().map(|root| Tree::from_toml(root.get_ref()))
    }

    /// The tree is `toml`'s tree, spans included, or it leaves the document
    /// to `toml`; it never accepts what `toml` refuses.
    fn agrees_with_toml(text: &str) -> Result<(), TestCaseError> {
        // Cut at every newline outside brackets, the tree is the same.
        let whole = Tree::parse(text).map(|t| t.root);
        prop_assert_eq!(&Tree::parse_in_pieces(text, 1).map(|t| t.root), &whole, "{}", text);
        // Parsed in two halves cut at any `[[` line, it is the same tree, or
        // a half is refused and the whole is parsed on one thread.
        for (cut, _) in text.match_indices("[[").filter(|(at, _)| *at == 0 || text.as_bytes()[at - 1] == b'\n') {
            if let Some(split) = Tree::parse_split(text, cut) {
                prop_assert_eq!(Some(&split.root), whole.as_ref(), "cut at {}:\n{}", cut, text);
            }
        }
        let reference = by_toml(text);
        match (Tree::parse(text), reference) {
            (Some(tree), Some(reference)) => prop_assert_eq!(tree.root, reference.root, "{}", text),
            (Some(_), None) => prop_assert!(false, "accepted what toml refuses:\n{}", text),
            (None, _) => {}
        }
        Ok(())
    }

    #[test]
    fn common_shapes_are_built_as_toml_builds_them() {
        let documents = [
            "a = 1\nb = \"two\"\nc = 'three'\nd = true\ne = 1.5\nf = 0x1F\ng = 1_000\n",
            "when = 2026-01-31\nat = 2026-01-31T10:00:00Z\nlocal = 10:30:00\n",
            "[organization]\nname = \"Acme\"\nmarkets = [\"DE\", \"US-CA\"]\n[[activities]]\nid = \"a\"\n[[activities]]\nid = \"b\"\n",
            "[a.b.c]\nx = 1\n[a.d]\ny = 2\n",
            "[[a]]\n[a.b]\nx = 1\n[[a]]\n[a.b]\nx = 2\n[[a.c]]\nz = 3\n",
            "x.y.z = 1\nx.y.w = 2\nx.v = 3\n",
            "t = { a = 1, b = [1, 2, { c = 3 }], d = {} }\nu = [[1, 2], [], ['x']]\n",
            "s = \"\"\"\nmulti\\tline \\u00e9\n\"\"\"\nk = '''raw\\n'''\n\"quoted key\" = 1\n'lit' = 2\n",
            "[fruit]\napple.color = \"red\"\n[fruit.apple.texture]\nsmooth = true\n",
            "# comment\n\n  a = 1 # trailing\n[ spaced . header ]\nb = 2\n",
            "neg = -inf\n",
        ];
        for text in documents {
            assert!(Tree::parse(text).is_some(), "left to toml:\n{text}");
            agrees_with_toml(text).unwrap();
        }
    }

    #[test]
    fn a_large_manifest_is_parsed_in_two_halves_into_the_same_tree() {
        let mut text = String::from("manifest = 1\n[organization]\nname = \"Acme\"\nmarkets = [\"DE\"]\n");
        let mut i = 0;
        while text.len() < 2 * SPLIT_FROM_BYTES {
            text.push_str(&format!(
                "\n[[activities]]\nid = \"a{i}\"\nuses = [\"essential.service\"]\nretention = {{ period = \"P1Y\" }}\n[activities.note]\ntext = '''\n[[activities]]\n'''\n"
            ));
            if i % 1000 == 0 {
                text.push_str(&format!("\n[[systems]]\nid = \"s{i}\"\n"));
            }
            i += 1;
        }
        let cut = split_point(&text).expect("a `[[` line past the middle");
        assert!(cut >= text.len() / 2 && text[cut..].starts_with("[[") && text[..cut].ends_with('\n'));
        let whole = Tree::parse_in_pieces(&text, PIECE_TOKENS).expect("plain");
        // The first `[[activities]]` past the middle may be inside a string.
        let split = Tree::parse(&text).expect("plain");
        assert!(split.root == whole.root);
        let split = std::iter::successors(Some(cut), |&at| text[at + 1..].find("\n[[activities]]").map(|n| at + n + 2))
            .find_map(|at| Tree::parse_split(&text, at))
            .expect("a cut between records");
        assert!(split.root == whole.root);
        // Spans count from the document's start in both halves.
        let Some(Value::Array(activities)) = split.root.get("activities").map(|e| &e.value.value) else {
            panic!("activities")
        };
        let last = activities.items.last().expect("activities").span.range();
        assert!(text[last].starts_with("[[activities]]"));
        assert_eq!(activities.items.len(), i);
    }

    #[test]
    fn the_cut_is_found_past_a_middle_inside_a_character() {
        // The middle byte is inside `é`.
        let text = "a = \"éé\"\n[[x]]\n";
        assert!(!text.is_char_boundary(text.len() / 2));
        assert_eq!(split_point(text), text.find("[[x]]"));
        assert_eq!(split_point("a = 1\n[[x.y]]\n[x]\n"), None, "a dotted header is no cut");
    }

    #[test]
    fn halves_that_meet_other_than_as_one_array_of_tables_are_parsed_whole() {
        for (head, tail) in [
            ("[a]\nx = 1\n", "[[b]]\n[a]\ny = 2\n"),
            ("a = 1\n", "[[a]]\n"),
            ("[a.b]\nx = 1\n", "[[c]]\n[a.c]\ny = 2\n"),
            ("s = '''\n", "[[a]]\n'''\n"),
        ] {
            let text = format!("{head}{tail}");
            assert!(Tree::parse_split(&text, head.len()).is_none(), "{text}");
        }
    }

    #[test]
    fn not_a_number_is_a_float() {
        let tree = Tree::parse("n = nan\n").expect("built");
        assert!(matches!(tree.root.entries[0].value.value, Value::Float(f) if f.is_nan()));
    }

    #[test]
    fn errors_and_rare_shapes_are_left_to_toml() {
        let documents = [
            "a = 1\na = 2\n",
            "[a]\n[a]\n",
            "[a.b]\n[a]\nx = 1\n",
            "a = [1]\n[[a]]\n",
            "[[a]]\n[a]\n",
            "a = {b = 1}\n[a.c]\n",
            "t = { a.b = 1 }\n",
            "x = 1\nx.y = 2\n",
            "big = 9223372036854775808\n",
            "f = 1e400\n",
            "d = 2026-02-30\n",
            "a = \n",
            "a = 1 b = 2\n",
            "[a\n",
            "s = \"\\q\"\n",
            "t = { a = 1, a = 2 }\n",
        ];
        for text in documents {
            assert!(Tree::parse(text).is_none(), "not left to toml:\n{text}");
            assert!(Tree::parse_in_pieces(text, 1).is_none(), "not left to toml when cut:\n{text}");
        }
    }

    #[test]
    fn a_long_table_is_indexed_and_still_refuses_a_repeated_key() {
        let mut text: String = (0..100).map(|i| format!("k{i} = {i}\n")).collect();
        let tree = Tree::parse(&text).expect("a long table");
        assert_eq!(tree.root.find("k99"), Some(99));
        assert_eq!(tree.root.find("k100"), None);
        text.push_str("k42 = 0\n");
        assert!(Tree::parse(&text).is_none());
    }

    /// Lines whose combinations reach every rule of how TOML tables are made
    /// and reopened.
    const LINES: &[&str] = &[
        "[a]",
        "[a.b]",
        "[a.b.c]",
        "[b]",
        "[[a]]",
        "[[a.b]]",
        "[[c]]",
        "[[c.d]]",
        "[c.d.e]",
        "x = 1",
        "y = \"s\"",
        "a = 2",
        "b = [1, 2]",
        "a.b = 3",
        "a.x = 'v'",
        "b.c.d = true",
        "c = { d = 1 }",
        "e = { f = [ { g = 2 } ], h = {} }",
        "d = 1979-05-27",
        "z = 1.5",
        "x.y = 1",
        "\"a\" = 4",
        "\"a.b\" = 5",
        "['a'.b]",
        "[[ \"c\" ]]",
        "f = [ [ 1 ], [ { a.b = 1 } ] ]",
        "# note",
        "",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn any_document_of_these_lines_agrees_with_toml(lines in proptest::collection::vec(0..LINES.len(), 0..10)) {
            let text: String = lines.iter().map(|&i| format!("{}\n", LINES[i])).collect();
            agrees_with_toml(&text)?;
        }
    }

    /// Every manifest in the repository reads the same by either path.
    #[test]
    fn the_repository_s_manifests_read_the_same_by_either_path() {
        let repository = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = Vec::new();
        for dir in ["examples", "plugins", "crates", "tests"] {
            collect_toml(&repository.join(dir), &mut files);
        }
        let mut read_by_tree = 0;
        for file in &files {
            let text = std::fs::read_to_string(file).expect("readable");
            agrees_with_toml(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let (Some(tree), Ok(reference)) = (Tree::parse(&text), toml::from_str::<crate::Manifest>(&text)) else {
                continue;
            };
            let manifest = crate::Manifest::deserialize(tree.deserializer())
                .unwrap_or_else(|e| panic!("{}: the tree did not read as a manifest: {e}", file.display()));
            assert_eq!(
                serde_json::to_value(&manifest).expect("json"),
                serde_json::to_value(&reference).expect("json"),
                "{}",
                file.display()
            );
            read_by_tree += 1;
        }
        // The bundled example and the rules' fixtures are among them.
        assert!(read_by_tree > 50, "only {read_by_tree} of {} files read as manifests", files.len());
    }

    fn collect_toml(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "target") {
                    collect_toml(&path, out);
                }
            } else if path.extension().is_some_and(|e| e == "toml")
                && path.file_name().is_some_and(|n| n != "Cargo.toml")
            {
                out.push(path);
            }
        }
    }

    #[test]
    fn many_activities_are_read_in_halves_into_the_same_model() {
        let mut text = String::from("manifest = 1\n[organization]\nname = \"Acme\"\nmarkets = [\"DE\"]\n");
        for i in 0..SPLIT_FROM_ACTIVITIES + 7 {
            text.push_str(&format!(
                "\n[[activities]]\nid = \"a{i}\"\nname = \"A {i}\"\nuses = [\"essential.service\"]\n\
                 data_categories = [\"user.contact.email\"]\ndata_subjects = [\"customer\"]\nsystems = [\"s{}\"]\n",
                i % 3
            ));
            // Tables after and between the activities are read with the rest.
            if i % 2000 == 0 {
                text.push_str(&format!(
                    "\n[[systems]]\nid = \"s{}\"\nname = \"S\"\nlocations = [\"DE\"]\nholds = [\"DE\"]\n",
                    i / 2000
                ));
            }
        }
        let tree = Tree::parse(&text).expect("built");
        let read = tree.manifest().expect("read");
        let reference: crate::Manifest = toml::from_str(&text).expect("read by toml");
        assert_eq!(read.activities.len(), SPLIT_FROM_ACTIVITIES + 7);
        assert_eq!(serde_json::to_value(&read).unwrap(), serde_json::to_value(&reference).unwrap());
        // A problem in either half, or in the rest, declines as a whole read does.
        for (from, to) in [
            ("id = \"a3\"\n", "id = \"a3\"\nbogus = 1\n"),
            ("id = \"a4100\"\n", "id = \"a4100\"\nretention = 3\n"),
            ("name = \"Acme\"\n", "name = \"Acme\"\nbogus = 1\n"),
        ] {
            let broken = text.replacen(from, to, 1);
            let tree = Tree::parse(&broken).expect("built");
            assert!(tree.manifest().is_err(), "{to:?}");
            assert!(crate::Manifest::deserialize(tree.deserializer()).is_err(), "{to:?}");
        }
    }

    #[test]
    fn dates_and_module_options_read_as_toml_reads_them() {
        let text = "manifest = 1\n[organization]\nname = \"Acme\"\nmarkets = [\"DE\"]\n\
                    [modules.eea-uk]\nsince = 2026-01-31\nlevels = [1, 2.5, true, { deep = 'x' }]\n";
        let tree = Tree::parse(text).expect("built");
        let manifest = crate::Manifest::deserialize(tree.deserializer()).expect("read");
        let reference: crate::Manifest = toml::from_str(text).expect("read by toml");
        assert_eq!(serde_json::to_value(&manifest).unwrap(), serde_json::to_value(&reference).unwrap());
        assert_eq!(manifest.modules["eea-uk"]["levels"][3]["deep"], "x");
    }
}
