//! The HTML reader: parse a saved page with html5ever (through scraper's
//! tree), keep the main content, and remember the source line of every piece
//! of text.
//!
//! html5ever reports the line it is on to its tree sink; [`LineSink`] wraps
//! scraper's sink to note, for every run of text appended to a text node, the
//! line it came from. The walk over the tree then turns text nodes into
//! blocks whose every byte knows its line, so a finding points at the line of
//! the original file even when a paragraph spans several.
//!
//! What is dropped: `script`, `style`, `nav`, `aside`, `template`, forms'
//! controls, cookie banners and menus (by tag, ARIA role, and class/id
//! words). What is kept apart as chrome: `header`, `footer`, banner and
//! content-info landmarks, and, when the page marks its main content
//! (`<main>`, `role="main"`, a single `<article>`), everything outside it.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::collections::HashMap;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink, Node};

use crate::notice::{RawBlock, heading_shape};
use crate::text::BlockText;

/// Where each run of text in a text node came from: `(byte offset in the
/// node's text, source line)`.
type Marks = HashMap<NodeId, Vec<(usize, u32)>>;

/// scraper's sink, plus the line html5ever is on when it appends text.
struct LineSink {
    inner: HtmlTreeSink,
    line: Cell<u64>,
    marks: RefCell<Marks>,
}

impl LineSink {
    fn line(&self) -> u32 {
        u32::try_from(self.line.get().max(1)).unwrap_or(u32::MAX)
    }

    /// The text node `pick` selects (a last child, a previous sibling) and its length.
    fn text_len(&self, id: Option<NodeId>) -> Option<(NodeId, usize)> {
        let html = self.inner.0.borrow();
        let node = html.tree.get(id?)?;
        node.value().as_text().map(|t| (node.id(), t.text.len()))
    }

    fn last_child(&self, parent: NodeId) -> Option<NodeId> {
        self.inner.0.borrow().tree.get(parent)?.last_child().map(|n| n.id())
    }

    fn prev_sibling(&self, sibling: NodeId) -> Option<NodeId> {
        self.inner.0.borrow().tree.get(sibling)?.prev_sibling().map(|n| n.id())
    }

    /// Notes where a run of `newlines`-line text appended to a text node
    /// started. html5ever reports the line it is on when it hands over the
    /// run, which is the run's last line.
    fn mark(&self, before: Option<(NodeId, usize)>, after: Option<NodeId>, newlines: usize) {
        let (id, offset) = match (before, after) {
            (Some((id, len)), Some(now)) if id == now => (id, len),
            (_, Some(now)) => (now, 0),
            _ => return,
        };
        let line = self.line().saturating_sub(u32::try_from(newlines).unwrap_or(u32::MAX)).max(1);
        let mut marks = self.marks.borrow_mut();
        marks.entry(id).or_default().push((offset, line));
    }
}

impl TreeSink for LineSink {
    type Handle = NodeId;
    type Output = (Html, Marks);
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self::Output {
        (self.inner.finish(), self.marks.into_inner())
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.inner.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendText(text) => {
                let before = self.text_len(self.last_child(*parent));
                let newlines = text.bytes().filter(|&b| b == b'\n').count();
                self.inner.append(parent, NodeOrText::AppendText(text));
                self.mark(before, self.last_child(*parent), newlines);
            }
            node => self.inner.append(parent, node),
        }
    }

    fn append_based_on_parent_node(&self, element: &NodeId, prev_element: &NodeId, child: NodeOrText<NodeId>) {
        let has_parent = self.inner.0.borrow().tree.get(*element).is_some_and(|n| n.parent().is_some());
        if has_parent { self.append_before_sibling(element, child) } else { self.append(prev_element, child) }
    }

    fn append_doctype_to_document(&self, name: StrTendril, public_id: StrTendril, system_id: StrTendril) {
        self.inner.append_doctype_to_document(name, public_id, system_id);
    }

    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node);
    }

    fn pop(&self, node: &NodeId) {
        self.inner.pop(node);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        match new_node {
            NodeOrText::AppendText(text) => {
                let before = self.text_len(self.prev_sibling(*sibling));
                let newlines = text.bytes().filter(|&b| b == b'\n').count();
                self.inner.append_before_sibling(sibling, NodeOrText::AppendText(text));
                self.mark(before, self.prev_sibling(*sibling), newlines);
            }
            node => self.inner.append_before_sibling(sibling, node),
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent);
    }

    fn set_current_line(&self, line_number: u64) {
        self.line.set(line_number);
    }
}

/// How the walk treats an element.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Not text at all (scripts, menus, banners).
    Drop,
    /// Page furniture: kept, marked as chrome.
    Chrome,
    /// Starts and ends a block.
    Block,
    /// A heading of this level.
    Heading(u8),
    /// A table cell: ends with a column separator.
    Cell,
    /// A line break: ends the block.
    Break,
    /// Bold or strong: noted, for headings made of a bold paragraph.
    Bold,
    /// Anything else: its text flows into the current block.
    Inline,
}

const DROP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "nav", "aside", "button", "select", "option", "textarea",
    "iframe", "object", "embed", "canvas", "dialog", "head", "title", "input", "label", "map",
];

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "address",
    "body",
    "html",
    "center",
    "details",
    "summary",
    "legend",
    "fieldset",
    "form",
    "hr",
];

/// Class and id words that mark furniture to drop, matched whole.
const DROP_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menubar",
    "submenu",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "toc",
    "skiplink",
    "skip",
    "social",
    "share",
    "sharing",
    "modal",
    "popup",
    "dropdown",
    "hamburger",
    "offcanvas",
    "onetrust",
    "cookiebot",
    "cybotcookiebotdialog",
    "didomi",
    "usercentrics",
    "cookieyes",
    "truste",
    "osano",
];

/// Words that, together with a cookie or consent word, mark a banner.
const BANNER_WORDS: &[&str] =
    &["banner", "bar", "notice", "popup", "dialog", "modal", "window", "overlay", "sdk", "consent", "alert"];

/// Class and id words that mark site furniture kept as chrome.
const CHROME_WORDS: &[&str] = &[
    "header",
    "footer",
    "nheader",
    "nfooter",
    "masthead",
    "colophon",
    "siteheader",
    "sitefooter",
    "pageheader",
    "pagefooter",
    "globalheader",
    "globalfooter",
    "footerinc",
    "topbar",
];

/// How deep (elements from the root) a class-marked header or footer may be.
const CHROME_DEPTH: usize = 6;

fn role_of(name: &str, attrs: &scraper::node::Element, depth: usize, in_article: bool) -> Role {
    if DROP_TAGS.contains(&name) {
        return Role::Drop;
    }
    if let Some(role) = attrs.attr("role") {
        match role.to_ascii_lowercase().as_str() {
            "navigation" | "complementary" | "search" | "dialog" | "alertdialog" | "menu" | "menubar" => {
                return Role::Drop;
            }
            "banner" | "contentinfo" => return Role::Chrome,
            _ => {}
        }
    }
    if attrs.attr("hidden").is_some() || attrs.attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
        return Role::Drop;
    }
    if matches!(name, "header" | "footer") {
        // Inside an article or main, a header is the article's own (HTML's sectioning rules).
        return if in_article { Role::Inline } else { Role::Chrome };
    }
    let container = matches!(name, "div" | "section" | "ul" | "ol" | "table" | "form" | "header" | "footer");
    if container {
        let mut words: Vec<String> = Vec::new();
        for value in [attrs.attr("class"), attrs.attr("id")].into_iter().flatten() {
            words.extend(
                value
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_ascii_lowercase),
            );
        }
        if words.iter().any(|w| DROP_WORDS.contains(&w.as_str())) {
            return Role::Drop;
        }
        let cookie = words.iter().any(|w| w.contains("cookie") || w.contains("gdpr") || w == "cc");
        if cookie && words.iter().any(|w| BANNER_WORDS.iter().any(|b| w.contains(b))) {
            return Role::Drop;
        }
        // Site furniture sits near the top of the tree; a "descriptor__header"
        // deep inside the content column is the policy's own heading.
        if depth <= CHROME_DEPTH && words.iter().any(|w| CHROME_WORDS.contains(&w.as_str())) {
            return Role::Chrome;
        }
    }
    match name {
        "h1" => Role::Heading(1),
        "h2" => Role::Heading(2),
        "h3" => Role::Heading(3),
        "h4" => Role::Heading(4),
        "h5" => Role::Heading(5),
        "h6" => Role::Heading(6),
        "td" | "th" => Role::Cell,
        "br" => Role::Break,
        "b" | "strong" => Role::Bold,
        n if BLOCK_TAGS.contains(&n) => Role::Block,
        _ => Role::Inline,
    }
}

/// The block being filled.
struct Current {
    text: BlockText,
    heading: Option<u8>,
    chrome: bool,
    /// Whether every letter so far was inside `<b>`/`<strong>`.
    all_bold: bool,
    /// Whether it started at a `<p>`/`<div>`-like element (not a list item or cell).
    paragraph: bool,
}

struct Walker {
    blocks: Vec<RawBlock>,
    current: Option<Current>,
}

impl Walker {
    fn flush(&mut self) {
        let Some(c) = self.current.take() else { return };
        if c.text.is_blank() {
            return;
        }
        let heading = c.heading.or_else(|| {
            // A short paragraph that is all bold, or numbered like "3. Purposes", reads as a heading.
            let shaped = heading_shape(&c.text.text, c.all_bold && c.paragraph);
            if !c.paragraph {
                return None;
            }
            match shaped {
                Some(level) if c.all_bold || crate::notice::numbering_depth(&c.text.text).is_some() => Some(level + 1),
                Some(1) => Some(2),
                _ => None,
            }
        });
        self.blocks.push(RawBlock { text: c.text, heading, chrome: c.chrome });
    }

    fn start(&mut self, heading: Option<u8>, chrome: bool, paragraph: bool) {
        self.flush();
        self.current = Some(Current { text: BlockText::default(), heading, chrome, all_bold: true, paragraph });
    }

    fn text(&mut self, text: &str, marks: Option<&Vec<(usize, u32)>>, chrome: bool, bold: bool, fallback: u32) {
        let current = self.current.get_or_insert_with(|| Current {
            text: BlockText::default(),
            heading: None,
            chrome,
            all_bold: true,
            paragraph: true,
        });
        if !bold && text.chars().any(char::is_alphanumeric) {
            current.all_bold = false;
        }
        match marks {
            Some(marks) if !marks.is_empty() => {
                for (k, &(offset, line)) in marks.iter().enumerate() {
                    let end = marks.get(k + 1).map_or(text.len(), |&(o, _)| o);
                    if let Some(piece) = text.get(offset..end) {
                        let mut line = line;
                        for part in piece.split_inclusive('\n') {
                            current.text.push(part, line);
                            line = line.saturating_add(1);
                        }
                    }
                }
            }
            _ => current.text.push(text, fallback),
        }
    }
}

/// How deep elements may nest before the page is read as text instead.
/// html5ever follows the HTML standard, whose scope checks walk the stack of
/// open elements at every start tag, so parsing is quadratic in the nesting
/// depth: 200,000 nested `<div>`s took minutes. Real pages nest a few dozen
/// elements deep.
const MAX_NESTING: usize = 512;

/// Elements that never hold others (void) or whose end tag the parser
/// supplies when a sibling starts (optional end tags): neither deepens the
/// stack of open elements, so a sloppy page of unclosed `<p>` and `<li>`
/// is not mistaken for a deep one.
fn deepens(name: &[u8]) -> bool {
    const FLAT: &[&[u8]] = &[
        b"area",
        b"base",
        b"br",
        b"col",
        b"embed",
        b"hr",
        b"img",
        b"input",
        b"keygen",
        b"link",
        b"meta",
        b"param",
        b"source",
        b"track",
        b"wbr",
        b"html",
        b"head",
        b"body",
        b"p",
        b"li",
        b"dt",
        b"dd",
        b"rt",
        b"rp",
        b"rb",
        b"rtc",
        b"optgroup",
        b"option",
        b"colgroup",
        b"caption",
        b"thead",
        b"tbody",
        b"tfoot",
        b"tr",
        b"td",
        b"th",
    ];
    !FLAT.iter().any(|flat| flat.eq_ignore_ascii_case(name))
}

/// A piece of markup found by [`markup`]: bytes `start..end` of the source.
struct Markup<'a> {
    start: usize,
    end: usize,
    /// The tag's name; empty for a comment or the raw text of a script or
    /// style element.
    name: &'a [u8],
    closing: bool,
    self_closing: bool,
}

/// The tags, comments and script and style contents of `source`, in one
/// linear pass.
fn markup(source: &str) -> impl Iterator<Item = Markup<'_>> {
    let bytes = source.as_bytes();
    let mut i = 0;
    let mut raw_text_until: Option<Vec<u8>> = None;
    std::iter::from_fn(move || {
        if let Some(close) = raw_text_until.take() {
            // Nothing inside a script or style is a tag, up to its end tag.
            let end = find_ignoring_case(bytes, i, &close).unwrap_or(bytes.len());
            let piece = Markup { start: i, end, name: b"", closing: false, self_closing: false };
            i = end;
            return Some(piece);
        }
        loop {
            let at = i + bytes.get(i..)?.iter().position(|&b| b == b'<')?;
            let rest = &bytes[at + 1..];
            if rest.starts_with(b"!--") {
                let end = find(bytes, at + 4, b"-->").map_or(bytes.len(), |k| k + 3);
                i = end;
                return Some(Markup { start: at, end, name: b"", closing: false, self_closing: false });
            }
            let closing = rest.first() == Some(&b'/');
            let name_start = at + 1 + usize::from(closing);
            let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
                i = at + 1;
                continue;
            }
            let name = &bytes[name_start..name_start + name_len];
            let end = bytes[name_start..].iter().position(|&b| b == b'>').map_or(bytes.len(), |k| name_start + k + 1);
            i = end;
            if !closing && (name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style")) {
                raw_text_until = Some([b"</", name].concat());
            }
            let self_closing = bytes[..end].ends_with(b"/>");
            return Some(Markup { start: at, end, name, closing, self_closing });
        }
    })
}

/// Where `needle` first occurs in `bytes` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|k| from + k)
}

fn find_ignoring_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|k| from + k)
}

/// Whether the elements of `source` nest deeper than `limit`, counting only
/// those that deepen the stack of open elements.
fn nests_deeper_than(source: &str, limit: usize) -> bool {
    let mut depth = 0usize;
    for piece in markup(source) {
        if piece.name.is_empty() || piece.self_closing || !deepens(piece.name) {
            continue;
        }
        if piece.closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > limit {
                return true;
            }
        }
    }
    false
}

/// The text of `source` with every tag, comment, script and style blanked
/// out, newlines kept so that lines still match the file.
fn text_between_tags(source: &str) -> String {
    let bytes = source.as_bytes();
    let mut out = Vec::with_capacity(source.len());
    let mut copied = 0;
    for piece in markup(source) {
        out.extend_from_slice(&bytes[copied..piece.start]);
        out.extend(bytes[piece.start..piece.end].iter().map(|&b| if b == b'\n' { b'\n' } else { b' ' }));
        copied = piece.end;
    }
    out.extend_from_slice(&bytes[copied..]);
    // Blanking whole bytes of ASCII-delimited markup keeps UTF-8 whole
    // outside it; inside, a multi-byte character becomes spaces.
    String::from_utf8_lossy(&out).into_owned()
}

/// Reads an HTML page into blocks; a page nested deeper than [`MAX_NESTING`]
/// is read as the plain text between its tags, in linear time.
pub(crate) fn read(source: &str) -> Vec<RawBlock> {
    if nests_deeper_than(source, MAX_NESTING) {
        return crate::plain::read(&text_between_tags(source));
    }
    let sink =
        LineSink { inner: HtmlTreeSink::new(Html::new_document()), line: Cell::new(1), marks: RefCell::default() };
    let (html, marks) = html5ever::parse_document(sink, Default::default()).one(source);

    // The main content, when the page marks it: everything outside is chrome.
    let mut mains = Vec::new();
    let mut articles = Vec::new();
    for node in html.tree.root().descendants() {
        if let Node::Element(e) = node.value() {
            if e.name() == "main" || e.attr("role").is_some_and(|r| r.eq_ignore_ascii_case("main")) {
                mains.push(node.id());
            } else if e.name() == "article" {
                articles.push(node.id());
            }
        }
    }
    let main = mains.first().copied().or_else(|| (articles.len() == 1).then(|| articles[0]));

    let mut w = Walker { blocks: Vec::new(), current: None };
    let mut drop_depth = 0usize;
    let mut chrome_depth = 0usize;
    let mut bold_depth = 0usize;
    let mut in_main = main.is_none();
    let mut last_line = 1u32;
    let mut depth = 0usize;
    let mut article_depth = 0usize;
    // The role each open element was given, so that closing it undoes the same.
    let mut roles: Vec<Role> = Vec::new();
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    if Some(node.id()) == main {
                        w.flush();
                        in_main = true;
                    }
                    depth += 1;
                    let role = role_of(e.name(), e, depth, article_depth > 0);
                    roles.push(role);
                    if matches!(e.name(), "article" | "main") {
                        article_depth += 1;
                    }
                    if drop_depth > 0 || role == Role::Drop {
                        drop_depth += usize::from(role == Role::Drop);
                        continue;
                    }
                    let chrome = chrome_depth > 0 || !in_main;
                    match role {
                        Role::Chrome => {
                            chrome_depth += 1;
                            w.start(None, true, true);
                        }
                        Role::Heading(level) => w.start(Some(level), chrome, false),
                        Role::Block => w.start(None, chrome, matches!(e.name(), "p" | "div" | "center" | "address")),
                        Role::Break => w.start(None, chrome, false),
                        Role::Bold => bold_depth += 1,
                        Role::Cell | Role::Inline | Role::Drop => {}
                    }
                }
                Node::Text(t) => {
                    if drop_depth > 0 {
                        continue;
                    }
                    let m = marks.get(&node.id());
                    if let Some(&(_, l)) = m.and_then(|m| m.first()) {
                        last_line = l;
                    }
                    let chrome = chrome_depth > 0 || !in_main;
                    w.text(&t.text, m, chrome, bold_depth > 0, last_line);
                }
                _ => {}
            },
            Edge::Close(node) => {
                let Node::Element(e) = node.value() else { continue };
                depth = depth.saturating_sub(1);
                let role = roles.pop().unwrap_or(Role::Inline);
                if matches!(e.name(), "article" | "main") {
                    article_depth = article_depth.saturating_sub(1);
                }
                if drop_depth > 0 {
                    drop_depth -= usize::from(role == Role::Drop);
                    continue;
                }
                match role {
                    Role::Chrome => {
                        w.flush();
                        chrome_depth = chrome_depth.saturating_sub(1);
                    }
                    Role::Heading(_) | Role::Block | Role::Break => w.flush(),
                    Role::Cell => {
                        if let Some(c) = w.current.as_mut() {
                            c.text.push(" | ", last_line);
                        }
                    }
                    Role::Bold => bold_depth = bold_depth.saturating_sub(1),
                    Role::Inline | Role::Drop => {}
                }
                if Some(node.id()) == main {
                    w.flush();
                    in_main = false;
                }
            }
        }
    }
    w.flush();
    for b in &mut w.blocks {
        let t = b.text.text.trim_end_matches([' ', '|']).len();
        b.text.text.truncate(t);
    }
    w.blocks
}

#[cfg(test)]
mod tests {
    use crate::notice::{BlockKind, Format, Notice};

    #[test]
    fn a_page_nested_past_the_limit_is_read_as_its_text_with_lines() {
        let depth = super::MAX_NESTING + 1;
        let page = format!(
            "<html><body>\n<script>var s = '<div>';</script><!-- <p>hidden</p> -->\n{}\nWe collect your email address.\n{}\n</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        assert!(super::nests_deeper_than(&page, super::MAX_NESTING));
        let n = Notice::parse(&page, Format::Html);
        let texts: Vec<(&str, u32)> = n.blocks().iter().map(|b| (b.text.as_str(), b.line)).collect();
        assert_eq!(texts, vec![("We collect your email address.", 4)]);
    }

    #[test]
    fn unclosed_paragraphs_list_items_and_void_elements_are_not_depth() {
        let page = format!(
            "<html><body><ul>{}</ul>{}<div><div><p>Deep enough.</div></div></body></html>",
            "<li>item<br><img src=x>".repeat(3 * super::MAX_NESTING),
            "<p>para<hr/>".repeat(3 * super::MAX_NESTING)
        );
        assert!(!super::nests_deeper_than(&page, super::MAX_NESTING), "read by html5ever, not as text");
        let nested = format!("{}x{}", "<section>".repeat(super::MAX_NESTING), "</section>".repeat(super::MAX_NESTING));
        assert!(!super::nests_deeper_than(&nested, super::MAX_NESTING), "exactly at the limit is still HTML");
    }

    #[test]
    fn main_content_without_furniture_and_with_lines() {
        let page = "<!doctype html>\n<html><head><title>T</title>\n<script>var x = 'We sell data';</script></head>\n<body>\n<nav><a>Privacy rights menu</a></nav>\n<div class=\"cookie-banner\">We use cookies</div>\n<h1>Privacy\nPolicy</h1>\n<p>We keep\nyour data for <b>two</b>\nyears &amp; then delete it.</p>\n<ul><li>Access</li><li>Erasure</li></ul>\n<table><tr><td>Email</td><td>Contact you</td></tr></table>\n<footer>ACME Corp. Ltd</footer>\n</body></html>\n";
        let n = Notice::parse(page, Format::Html);
        let texts: Vec<(&str, u32, bool)> = n.blocks().iter().map(|b| (b.text.as_str(), b.line, b.chrome)).collect();
        assert_eq!(
            texts,
            vec![
                ("Privacy Policy", 7, false),
                ("We keep your data for two years & then delete it.", 9, false),
                ("Access", 12, false),
                ("Erasure", 12, false),
                ("Email | Contact you", 13, false),
                ("ACME Corp. Ltd", 14, true),
            ]
        );
        let p = &n.blocks()[1];
        assert_eq!(p.line_at(p.text.find("years").unwrap()), 11);
        assert_eq!(p.line_at(p.text.find("your").unwrap()), 10);
        assert_eq!(n.blocks()[0].kind, BlockKind::Heading(1));
    }

    #[test]
    fn marked_main_makes_the_rest_chrome() {
        let page =
            "<body><div>Site intro</div>\n<main><h2>Rights</h2><p>You may ask.</p></main>\n<div>Corp Inc.</div></body>";
        let n = Notice::parse(page, Format::Html);
        let chrome: Vec<(&str, bool)> = n.blocks().iter().map(|b| (b.text.as_str(), b.chrome)).collect();
        assert_eq!(chrome, vec![("Site intro", true), ("Rights", false), ("You may ask.", false), ("Corp Inc.", true)]);
    }

    #[test]
    fn styled_paragraphs_read_as_headings() {
        let page = "<p><span>1. Общие положения</span></p>\n<p>1.1. Текст политики.</p>\n<p><b>Your rights</b></p><p>Text.</p>";
        let n = Notice::parse(page, Format::Html);
        let kinds: Vec<BlockKind> = n.blocks().iter().map(|b| b.kind).collect();
        assert_eq!(kinds, vec![BlockKind::Heading(3), BlockKind::Body, BlockKind::Heading(3), BlockKind::Body]);
    }
}
