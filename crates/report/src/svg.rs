//! The data map as an inline SVG picture.
//!
//! Placement is layout-rs's: a layered (Sugiyama-style) layout, as Graphviz's
//! `dot` does it, with markets in the first layer, the transfer mechanisms as
//! edge labels in the second, and the countries that store or receive the
//! data in the third. layout-rs also routes the edges as splines and puts
//! each label where its edge passes, which is what keeps dozens of flows
//! readable; no coordinate here is placed by hand.
//!
//! layout-rs draws through a backend trait. This module asks it only for
//! geometry (node positions after layout, and each edge's path, identified by
//! the `properties` string we give the edge) and writes the SVG itself, so
//! that every node and edge carries the data attributes, `<title>`, focus
//! behaviour and escaping the report needs. Countries are layout-rs
//! *records*: one box per country, one field (with a port the flows point
//! at) per system or recipient there.

use std::collections::HashMap;
use std::fmt::Write;

use juris_core::Jurisdiction;
use juris_core::manifest::Manifest;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::{Point, Position};
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, RecordDef, ShapeKind};
use layout::topo::layout::VisualGraph;

use crate::datamap::{Concern, DataMap, Flow, Target};
use crate::escape;

/// Height of one line of text in a node, in pixels.
const LINE: f64 = 17.0;
/// Height of one field (a system or recipient) of a country box.
const FIELD: f64 = 30.0;
/// Font size of node text; widths are estimated from it.
const FONT: f64 = 13.0;
/// Longest text shown in a node before it is shortened (the full text is in
/// the node's `<title>`).
const MAX_CHARS: usize = 44;

/// What the layout returned, in layout coordinates.
struct Geometry {
    /// Centre and size of each node, in the order they were added.
    nodes: Vec<(Point, Point)>,
    /// Each layout edge's path (point, control point pairs), by edge index.
    paths: Vec<Option<Vec<(Point, Point)>>>,
}

/// A node of the picture before layout.
enum Node<'a> {
    Market(&'a crate::datamap::Market),
    /// Where one market's data leaves by one mechanism: the flows' label,
    /// shared by every flow of the market with that mechanism, so that the
    /// picture has one label per market and mechanism rather than per flow.
    Chip {
        market: usize,
        text: String,
        domestic: bool,
    },
    Group {
        kind: GroupKind,
        group: &'a crate::datamap::Group_,
    },
}

#[derive(Clone, Copy, PartialEq)]
enum GroupKind {
    Storage,
    Recipients,
}

/// A flow (or domestic link) as drawn: market → chip → destination field.
struct Edge<'a> {
    flow: &'a Flow,
    cross_border: bool,
    chip: usize,
    to: usize,
    port: usize,
}

/// An edge given to layout-rs.
struct LayoutEdge {
    from: usize,
    to: usize,
    port: Option<usize>,
}

/// The most layout edges (trunks and flows) drawn by the layered layout.
const MAX_LAYERED_EDGES: usize = 400;

/// Draws the data map. Every system location is a node
/// (`data-kind="system"`), every recipient (`data-kind="recipient"`), every
/// market (`data-kind="market"`), every flow across a border an edge
/// (`data-kind="flow"`), and storage at home a thin edge
/// (`data-kind="domestic"`). Each edge runs from its market through the
/// label of its mechanism (`data-kind="mechanism"`) to its destination.
pub fn render(manifest: &Manifest, map: &DataMap) -> String {
    let mut nodes: Vec<Node> = map.markets.iter().map(Node::Market).collect();
    let mut edges: Vec<Edge> = Vec::new();
    let group_base = nodes.len();
    let storage_count = map.storage.len();
    let mut groups: Vec<Node> =
        map.storage.iter().map(|group| Node::Group { kind: GroupKind::Storage, group }).collect();
    groups.extend(map.recipients.iter().map(|group| Node::Group { kind: GroupKind::Recipients, group }));
    let group_count = groups.len();
    nodes.extend(groups);

    // Chips in market order, so that the layout starts from trunks that do
    // not cross; flows of one market stay together. Every lookup below is by
    // map, so that the picture costs time linear in the flows.
    let market_at: HashMap<&Jurisdiction, usize> =
        map.markets.iter().enumerate().rev().map(|(i, m)| (&m.market, i)).collect();
    let storage_at: HashMap<&Jurisdiction, usize> =
        map.storage.iter().enumerate().rev().filter_map(|(g, group)| Some((group.country.as_ref()?, g))).collect();
    let mut member_at: HashMap<(usize, &str), usize> = HashMap::new();
    for (g, group) in map.storage.iter().enumerate() {
        for (p, id) in group.members.iter().enumerate().rev() {
            member_at.insert((g, id.as_str()), p);
        }
    }
    let mut recipient_at: HashMap<&str, (usize, usize)> = HashMap::new();
    for (g, group) in map.recipients.iter().enumerate().rev() {
        for (p, id) in group.members.iter().enumerate().rev() {
            recipient_at.insert(id.as_str(), (group_base + storage_count + g, p));
        }
    }
    let mut all: Vec<(&Flow, bool)> =
        map.flows.iter().map(|f| (f, true)).chain(map.domestic.iter().map(|f| (f, false))).collect();
    all.sort_by_key(|(f, cross_border)| (market_at.get(&f.market).copied(), !*cross_border, f.mechanism.clone()));
    let mut chip_at: HashMap<(usize, String, bool), usize> = HashMap::new();
    for (flow, cross_border) in all {
        let Some(&market) = market_at.get(&flow.market) else { continue };
        let found = match &flow.target {
            Target::System { id, location } => {
                storage_at.get(location).and_then(|&g| Some((group_base + g, *member_at.get(&(g, id.as_str()))?)))
            }
            Target::Recipient { id } => recipient_at.get(id.as_str()).copied(),
        };
        let Some((to, port)) = found else { continue };
        let text = if cross_border { edge_label(flow) } else { "at home".to_string() };
        let chip = *chip_at.entry((market, text.clone(), !cross_border)).or_insert_with(|| {
            nodes.push(Node::Chip { market, text, domestic: !cross_border });
            nodes.len() - 1
        });
        edges.push(Edge { flow, cross_border, chip, to, port });
    }
    debug_assert!(group_base + group_count <= nodes.len());

    if nodes.is_empty() {
        return String::from(
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="datamap" role="img" viewBox="0 0 400 40" width="400" height="40"><title>Data map</title><text x="10" y="25" class="empty">No markets, systems or recipients are recorded.</text></svg>"#,
        );
    }

    // The layout's edges: each chip's trunk from its market, then one branch
    // per flow from the chip to the destination's field.
    let mut layout_edges: Vec<LayoutEdge> = Vec::new();
    let mut trunk_of = vec![None; nodes.len()];
    for (i, node) in nodes.iter().enumerate() {
        if let Node::Chip { market, .. } = node {
            trunk_of[i] = Some(layout_edges.len());
            layout_edges.push(LayoutEdge { from: *market, to: i, port: None });
        }
    }
    let branch_base = layout_edges.len();
    layout_edges.extend(edges.iter().map(|e| LayoutEdge { from: e.chip, to: e.to, port: Some(e.port) }));

    let sizes: Vec<Point> = nodes.iter().map(|n| node_size(manifest, n)).collect();
    // layout-rs checks its invariants with assertions. Nothing we give it
    // should trip one, but a bug there must cost the picture's neatness, not
    // the whole report: fall back to plain columns.
    let order = order(&nodes, &edges);
    // layout-rs's layered layout grows faster than linearly in the edges
    // (its reachability checks cost thousands of flows seconds), and a map
    // of that many flows is read from its tables, not its picture: past
    // MAX_LAYERED_EDGES, plain columns.
    let geometry = if layout_edges.len() > MAX_LAYERED_EDGES {
        columns(&nodes, &sizes, &layout_edges, &order)
    } else {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| layered(&nodes, &sizes, &layout_edges, &order)))
            .unwrap_or_else(|_| columns(&nodes, &sizes, &layout_edges, &order))
    };
    let paths: Vec<Vec<(Point, Point)>> = edges
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let trunk = trunk_of.get(e.chip).copied().flatten().and_then(|t| geometry.paths.get(t)).cloned().flatten();
            let branch = geometry.paths.get(branch_base + i).cloned().flatten();
            let mut path = Vec::new();
            if let (Some(trunk), Some(branch)) = (trunk, branch) {
                path.push(trunk);
                path.push(branch);
            }
            path.into_iter().flatten().collect::<Vec<_>>()
        })
        .collect();
    let splits: Vec<usize> = edges
        .iter()
        .map(|e| {
            trunk_of
                .get(e.chip)
                .copied()
                .flatten()
                .and_then(|t| geometry.paths.get(t))
                .and_then(|p| p.as_ref().map(Vec::len))
                .unwrap_or(0)
        })
        .collect();
    draw(manifest, &nodes, &edges, &geometry, &paths, &splits)
}

/// The order nodes are given to layout-rs, which keeps it within each layer:
/// markets as the manifest lists them; each market's chips together, by the
/// mean position of the countries they lead to; countries by the mean
/// position of the chips leading to them. A few rounds of this barycentre
/// heuristic (the crossing reduction step of Sugiyama's method) untangle the
/// flows far better than leaving countries in alphabetical order.
fn order(nodes: &[Node], edges: &[Edge]) -> Vec<usize> {
    let markets: Vec<usize> = (0..nodes.len()).filter(|&i| matches!(nodes[i], Node::Market(_))).collect();
    let mut chips: Vec<usize> = (0..nodes.len()).filter(|&i| matches!(nodes[i], Node::Chip { .. })).collect();
    let mut groups: Vec<usize> = (0..nodes.len()).filter(|&i| matches!(nodes[i], Node::Group { .. })).collect();
    let position = |list: &[usize]| {
        let mut at = vec![0.0f64; nodes.len()];
        for (k, &n) in list.iter().enumerate() {
            at[n] = k as f64;
        }
        at
    };
    // The mean, per node, of `value` over the edges `end` says touch it: one
    // pass over the edges.
    let barycentres = |end: &dyn Fn(&Edge) -> usize, value: &dyn Fn(&Edge) -> f64| {
        let mut sums = vec![(0.0f64, 0usize); nodes.len()];
        for e in edges {
            if let Some(slot) = sums.get_mut(end(e)) {
                slot.0 += value(e);
                slot.1 += 1;
            }
        }
        sums.into_iter().map(|(sum, n)| if n == 0 { f64::MAX } else { sum / n as f64 }).collect::<Vec<f64>>()
    };
    for _ in 0..4 {
        let chip_at = position(&chips);
        let bary = barycentres(&|e| e.to, &|e| chip_at[e.chip]);
        groups.sort_by(|a, b| bary[*a].total_cmp(&bary[*b]));
        let group_at = position(&groups);
        let bary = barycentres(&|e| e.chip, &|e| group_at[e.to]);
        let market_of = |c: usize| match nodes[c] {
            Node::Chip { market, .. } => market,
            _ => usize::MAX,
        };
        chips.sort_by(|a, b| market_of(*a).cmp(&market_of(*b)).then(bary[*a].total_cmp(&bary[*b])));
    }
    markets.into_iter().chain(chips).chain(groups).collect()
}

fn node_size(manifest: &Manifest, node: &Node) -> Point {
    let lines = node_lines(manifest, node);
    let chars = lines.iter().map(|l| l.chars().count()).max().unwrap_or(1) as f64;
    match node {
        Node::Market(_) => Point::new((chars * FONT * 0.6 + 24.0).max(120.0), lines.len() as f64 * LINE + 14.0),
        Node::Chip { .. } => Point::new(chars * 6.6 + 14.0, 18.0),
        Node::Group { .. } => Point::new((chars * FONT * 0.6 + 24.0).max(120.0), FIELD * lines.len() as f64),
    }
}

/// The text lines of a node: a market's code and entity; a chip's
/// mechanism; a country box's title and one line per member.
fn node_lines(manifest: &Manifest, node: &Node) -> Vec<String> {
    match node {
        Node::Market(m) => {
            let mut lines = vec![format!("People in {}", m.market)];
            match &m.entity {
                Some((_, name, country)) => {
                    lines.push(short(name));
                    lines.push(format!("entity in {country}"));
                }
                None => lines.push("no entity serves it".to_string()),
            }
            lines
        }
        Node::Chip { text, .. } => vec![text.clone()],
        Node::Group { kind, group } => {
            let country = group.country.as_ref().map_or("location not recorded".to_string(), |c| c.to_string());
            let mut lines = vec![match kind {
                GroupKind::Storage => format!("Stored in {country}"),
                GroupKind::Recipients => format!("Recipients in {country}"),
            }];
            for id in &group.members {
                lines.push(short(&member_label(manifest, *kind, id)));
            }
            lines
        }
    }
}

fn member_label(manifest: &Manifest, kind: GroupKind, id: &str) -> String {
    match kind {
        GroupKind::Storage => manifest.system(id).map_or(id.to_string(), |s| s.name.to_string()),
        GroupKind::Recipients => manifest
            .recipient(id)
            .map_or(id.to_string(), |r| format!("{} ({})", r.name, crate::ropa::role_name(r.role))),
    }
}

/// Shortens text for a node; the full text is in its `<title>`.
fn short(s: &str) -> String {
    let s: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if s.chars().count() <= MAX_CHARS {
        return s;
    }
    let mut out: String = s.chars().take(MAX_CHARS - 1).collect();
    out.push('…');
    out
}

fn edge_label(flow: &Flow) -> String {
    short(flow.mechanism.as_deref().unwrap_or("no mechanism"))
}

/// The space kept around a node by the layout: layout-rs's default (60 px
/// on each side) suits sparse graphs; a data map has many nodes per layer.
fn halo(node: &Node) -> Point {
    match node {
        Node::Chip { .. } => Point::new(70.0, 4.0),
        _ => Point::new(30.0, 14.0),
    }
}

/// Runs layout-rs. Edges carry their index as `properties`, so the paths it
/// draws can be told apart.
fn layered(nodes: &[Node], sizes: &[Point], edges: &[LayoutEdge], order: &[usize]) -> Geometry {
    let mut vg = VisualGraph::new(Orientation::LeftToRight);
    let mut handles = vec![layout::adt::dag::NodeHandle::new(0); nodes.len()];
    for &n in order {
        let (Some(node), Some(size)) = (nodes.get(n), sizes.get(n)) else { continue };
        let look = StyleAttr::new(Color::fast("black"), 1, None, 0, FONT as usize);
        // Records in a left-to-right graph stack their fields top to bottom
        // when the element's own orientation is top-to-bottom (as layout-rs's
        // DOT builder does it). Every field has the same one-line label, so
        // layout-rs gives them equal heights, matching `draw`.
        let shape = match node {
            Node::Market(_) | Node::Chip { .. } => ShapeKind::Box(String::new()),
            Node::Group { group, .. } => {
                let mut fields = vec![RecordDef::Text("x".to_string(), None)];
                fields.extend((0..group.members.len()).map(|i| RecordDef::Text("x".to_string(), Some(port(i)))));
                ShapeKind::Record(RecordDef::Array(fields))
            }
        };
        let mut element = Element::create(shape, look, Orientation::TopToBottom, *size);
        element.pos = Position::new(Point::zero(), *size, Point::zero(), halo(node));
        handles[n] = vg.add_node(element);
    }
    let node_count = handles.len();
    for (i, edge) in edges.iter().enumerate() {
        let (Some(&from), Some(&to)) = (handles.get(edge.from), handles.get(edge.to)) else { continue };
        let look = StyleAttr::new(Color::fast("black"), 2, None, 0, 11);
        let mut arrow = Arrow::new(
            LineEndKind::None,
            LineEndKind::Arrow,
            LineStyleKind::Normal,
            "",
            &look,
            &None,
            &edge.port.map(port),
        );
        arrow.properties = Some(i.to_string());
        vg.add_edge(arrow, from, to);
    }
    let mut capture = Capture::default();
    // Our own ordering (see `order`) replaces layout-rs's crossing optimizer,
    // which interleaves the chips of different markets.
    vg.do_it(false, true, false, &mut capture);

    let nodes = (0..node_count)
        .map(|i| {
            let pos = vg.pos(handles[i]);
            (pos.center(), pos.size(false))
        })
        .collect();
    let mut paths = vec![None; edges.len()];
    for (properties, path) in capture.arrows {
        if let Some(slot) = properties.and_then(|p| p.parse::<usize>().ok()).and_then(|i| paths.get_mut(i)) {
            *slot = Some(path);
        }
    }
    Geometry { nodes, paths }
}

fn port(i: usize) -> String {
    format!("p{i}")
}

/// A path as layout-rs gives it: (point, control point) pairs.
type Path = Vec<(Point, Point)>;

/// The geometry layout-rs hands its backend: only the arrows are kept.
#[derive(Default)]
struct Capture {
    arrows: Vec<(Option<String>, Path)>,
}

impl RenderBackend for Capture {
    fn draw_rect(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>, _: Option<ClipHandle>) {}
    fn draw_line(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}
    fn draw_circle(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}
    fn draw_text(&mut self, _: Point, _: &str, _: &StyleAttr) {}
    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        _: bool,
        _: (bool, bool),
        _: &StyleAttr,
        properties: Option<String>,
        _: &str,
    ) {
        self.arrows.push((properties, path.to_vec()));
    }
    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}

/// The fallback placement: markets, chips and countries in three columns,
/// straight edges. Only used if layout-rs fails.
fn columns(nodes: &[Node], sizes: &[Point], edges: &[LayoutEdge], order: &[usize]) -> Geometry {
    let mut y = [0.0f64; 3];
    let x = [0.0f64, 420.0, 640.0];
    let mut placed = vec![(Point::zero(), Point::zero()); nodes.len()];
    for &n in order {
        let (Some(node), Some(size)) = (nodes.get(n), sizes.get(n)) else { continue };
        let col = match node {
            Node::Market(_) => 0,
            Node::Chip { .. } => 1,
            Node::Group { .. } => 2,
        };
        placed[n] = (Point::new(x[col] + size.x / 2.0, y[col] + size.y / 2.0), *size);
        y[col] += size.y + 30.0;
    }
    let paths = edges
        .iter()
        .map(|e| {
            let (a, sa) = *placed.get(e.from)?;
            let (b, sb) = *placed.get(e.to)?;
            let start = Point::new(a.x + sa.x / 2.0, a.y);
            let end = match e.port {
                Some(p) => Point::new(b.x - sb.x / 2.0, b.y - sb.y / 2.0 + FIELD * (p as f64 + 1.5)),
                None => Point::new(b.x - sb.x / 2.0, b.y),
            };
            Some(vec![(start, start), (end, end)])
        })
        .collect();
    Geometry { nodes: placed, paths }
}

fn draw(
    manifest: &Manifest,
    nodes: &[Node],
    edges: &[Edge],
    geo: &Geometry,
    paths: &[Vec<(Point, Point)>],
    splits: &[usize],
) -> String {
    // The picture's extent, over every node and path point, plus a margin.
    let mut min = Point::new(f64::MAX, f64::MAX);
    let mut max = Point::new(f64::MIN, f64::MIN);
    let mut grow = |p: Point| {
        if p.x.is_finite() && p.y.is_finite() {
            min = Point::new(min.x.min(p.x), min.y.min(p.y));
            max = Point::new(max.x.max(p.x), max.y.max(p.y));
        }
    };
    for (c, s) in &geo.nodes {
        grow(Point::new(c.x - s.x / 2.0, c.y - s.y / 2.0));
        grow(Point::new(c.x + s.x / 2.0, c.y + s.y / 2.0));
    }
    for path in paths {
        for (a, b) in path {
            grow(*a);
            grow(*b);
        }
    }
    if min.x > max.x {
        min = Point::zero();
        max = Point::new(400.0, 100.0);
    }
    let margin = 20.0;
    let (ox, oy) = (margin - min.x, margin - min.y);
    let width = max.x - min.x + 2.0 * margin;
    let height = max.y - min.y + 2.0 * margin;
    let t = |p: Point| Point::new(p.x + ox, p.y + oy);

    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="datamap" role="img" aria-labelledby="datamap-title" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}">"#,
        w = width,
        h = height
    );
    svg.push_str(r#"<title id="datamap-title">Data map: where each market's personal data is stored and sent</title>"#);
    svg.push_str("<defs>");
    for c in [Concern::Clear, Concern::Waived, Concern::Warning, Concern::Error] {
        let _ = write!(
            svg,
            r#"<marker id="head-{c}" class="head-{c}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>"#,
            c = c.as_str()
        );
    }
    svg.push_str(r#"<marker id="head-domestic" class="head-domestic" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>"#);
    svg.push_str("</defs>");

    // Edges first, domestic links under flows and worse concerns on top, so
    // that a shared trunk shows the worst colour of the flows along it.
    let mut order: Vec<usize> = (0..edges.len()).collect();
    order.sort_by_key(|&i| (edges[i].cross_border, edges[i].flow.concern));
    svg.push_str(r#"<g class="edges">"#);
    let mut details = String::new();
    let mut rules = String::new();
    for i in order {
        let edge = &edges[i];
        let Some(path) = paths.get(i).filter(|p| !p.is_empty()) else { continue };
        let split = splits.get(i).copied().unwrap_or(0).min(path.len());
        let d = format!("{} {}", path_data(&path[..split], &t), path_data(&path[split..], &t));
        let flow = edge.flow;
        let target = match &flow.target {
            Target::System { id, location } => format!("system:{id}@{location}"),
            Target::Recipient { id } => format!("recipient:{id}"),
        };
        let dest = match &flow.target {
            Target::System { id, location } => {
                format!("{} in {location}", manifest.system(id).map_or(id.as_str(), |s| s.name.as_str()))
            }
            Target::Recipient { id } => {
                format!("{} in {}", manifest.recipient(id).map_or(id.as_str(), |r| r.name.as_str()), flow.country)
            }
        };
        let title = format!(
            "{} → {dest}\nmechanism: {}\ndata: {}\nactivities: {}{}",
            flow.market,
            flow.mechanism.as_deref().unwrap_or("none recorded"),
            flow.data_categories.join(", "),
            flow.activities.join(", "),
            if flow.rules.is_empty() { String::new() } else { format!("\nfindings: {}", flow.rules.join(", ")) },
        );
        if !edge.cross_border {
            let _ = write!(
                svg,
                r#"<g class="link domestic" data-kind="domestic" data-from="{from}" data-to="{to}"><title>{title}</title><path d="{d}" marker-end="url(#head-domestic)"/></g>"#,
                from = escape::attr(&flow.market.to_string()),
                to = escape::attr(&target),
                title = escape::text(&format!("Stored at home: {title}")),
            );
            continue;
        }
        let concern = flow.concern.as_str();
        let _ = write!(
            svg,
            r#"<g class="link flow concern-{concern}" id="flow-{i}" data-kind="flow" data-from="{from}" data-to="{to}" data-mechanism="{mech}" data-concern="{concern}" tabindex="0" aria-label="{aria}"><title>{title}</title><path class="hit" d="{d}"/><path d="{d}" marker-end="url(#head-{concern})"/></g>"#,
            from = escape::attr(&flow.market.to_string()),
            to = escape::attr(&target),
            mech = escape::attr(flow.mechanism.as_deref().unwrap_or("")),
            aria = escape::attr(&title.replace('\n', "; ")),
            title = escape::text(&title),
        );
        // The details shown while the arrow is hovered or focused: drawn in
        // the top layer so that no node hides them, beside the arrow's end,
        // and tied to the arrow by the rules in `<style>` below.
        if let Some(end) = path.last().map(|p| t(p.0)) {
            let lines = detail_lines(&flow.market.to_string(), &dest, flow);
            let dw = lines.iter().map(|l| l.chars().count()).max().unwrap_or(1) as f64 * 6.4 + 16.0;
            let dh = lines.len() as f64 * 15.0 + 10.0;
            let (dx, dy) = ((end.x - dw - 16.0).max(4.0), end.y + 10.0);
            let _ = write!(
                details,
                r#"<g class="detail" id="detail-{i}"><rect x="{dx:.1}" y="{dy:.1}" width="{dw:.1}" height="{dh:.1}" rx="4"/>"#
            );
            for (k, line) in lines.iter().enumerate() {
                let _ = write!(
                    details,
                    r#"<text x="{tx:.1}" y="{ty:.1}">{line}</text>"#,
                    tx = dx + 8.0,
                    ty = dy + 17.0 + 15.0 * k as f64,
                    line = escape::text(line),
                );
            }
            details.push_str("</g>");
            let _ = writeln!(rules, ".datamap:has(#flow-{i}:hover,#flow-{i}:focus) #detail-{i}{{display:inline}}");
        }
    }
    svg.push_str("</g>");

    svg.push_str(r#"<g class="nodes">"#);
    for (n, node) in nodes.iter().enumerate() {
        let Some((c, s)) = geo.nodes.get(n).copied() else { continue };
        let c = t(c);
        let (x, y) = (c.x - s.x / 2.0, c.y - s.y / 2.0);
        let lines = node_lines(manifest, node);
        match node {
            Node::Market(m) => {
                let title = match &m.entity {
                    Some((id, name, country)) => {
                        format!("Market {}: people contract with {name} ({id}, established in {country})", m.market)
                    }
                    None => format!("Market {}: no entity serves it", m.market),
                };
                let _ = write!(
                    svg,
                    r#"<g class="node market" data-kind="market" data-id="{id}"><title>{title}</title><rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="8"/>"#,
                    id = escape::attr(&m.market.to_string()),
                    title = escape::text(&title),
                    w = s.x,
                    h = s.y,
                );
                for (k, line) in lines.iter().enumerate() {
                    let class = if k == 0 { "strong" } else { "small" };
                    let _ = write!(
                        svg,
                        r#"<text class="{class}" x="{tx:.1}" y="{ty:.1}">{line}</text>"#,
                        tx = x + 10.0,
                        ty = y + 7.0 + LINE * (k as f64 + 0.75),
                        line = escape::text(line),
                    );
                }
                svg.push_str("</g>");
            }
            Node::Chip { text, domestic, .. } => {
                // Coloured by the worst concern of the flows through it.
                let concern = edges
                    .iter()
                    .filter(|e| e.chip == n && e.cross_border)
                    .map(|e| e.flow.concern)
                    .max()
                    .unwrap_or(Concern::Clear);
                let class = if *domestic { "domestic".to_string() } else { format!("concern-{}", concern.as_str()) };
                let _ = write!(
                    svg,
                    r#"<g class="chip {class}" data-kind="mechanism"><rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="4"/><text x="{tx:.1}" y="{ty:.1}">{text}</text></g>"#,
                    w = s.x,
                    h = s.y,
                    tx = c.x,
                    ty = c.y + 4.0,
                    text = escape::text(text),
                );
            }
            Node::Group { kind, group } => {
                let (class, member_kind) = match kind {
                    GroupKind::Storage => ("storage", "system"),
                    GroupKind::Recipients => ("recipients", "recipient"),
                };
                let country = group.country.as_ref().map(|c| c.to_string()).unwrap_or_default();
                let _ = write!(
                    svg,
                    r#"<g class="node group {class}" data-kind="{class}" data-country="{country}"><rect class="frame" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="6"/><rect class="head" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{FIELD}" rx="6"/><text class="strong" x="{tx:.1}" y="{ty:.1}">{title}</text>"#,
                    country = escape::attr(&country),
                    w = s.x,
                    h = s.y,
                    tx = x + 10.0,
                    ty = y + FIELD / 2.0 + 4.5,
                    title = escape::text(lines.first().map_or("", String::as_str)),
                );
                for (k, id) in group.members.iter().enumerate() {
                    let fy = y + FIELD * (k as f64 + 1.0);
                    let full = member_label(manifest, *kind, id);
                    let title = match kind {
                        GroupKind::Storage => format!("System {full} ({id}), stored in {country}"),
                        GroupKind::Recipients => format!("Recipient {full} ({id}), receives in {country}"),
                    };
                    let _ = write!(
                        svg,
                        r#"<g class="member" data-kind="{member_kind}" data-id="{id}" data-location="{country}"><title>{title}</title><rect x="{x:.1}" y="{fy:.1}" width="{w:.1}" height="{FIELD}"/><text x="{tx:.1}" y="{ty:.1}">{line}</text></g>"#,
                        id = escape::attr(id),
                        country = escape::attr(&country),
                        title = escape::text(&title),
                        w = s.x,
                        tx = x + 10.0,
                        ty = fy + FIELD / 2.0 + 4.5,
                        line = escape::text(lines.get(k + 1).map_or("", String::as_str)),
                    );
                }
                svg.push_str("</g>");
            }
        }
    }
    svg.push_str("</g>");
    svg.push_str(&details);
    if !rules.is_empty() {
        svg.push_str("<style>");
        svg.push_str(&rules);
        svg.push_str("</style>");
    }
    svg.push_str("</svg>");
    svg
}

/// The lines of a flow's detail box: where, how, and which data, wrapped.
fn detail_lines(market: &str, dest: &str, flow: &Flow) -> Vec<String> {
    let mut lines = vec![short(&format!("{market} → {dest}"))];
    lines.push(short(&format!("mechanism: {}", flow.mechanism.as_deref().unwrap_or("none recorded"))));
    let mut line = String::from("data:");
    for category in &flow.data_categories {
        if line.chars().count() + category.chars().count() > MAX_CHARS && line != "data:" {
            lines.push(std::mem::take(&mut line));
        }
        line.push(' ');
        line.push_str(&short(category));
    }
    lines.push(line);
    if !flow.rules.is_empty() {
        lines.push(short(&format!("findings: {}", flow.rules.join(", "))));
    }
    lines
}

/// SVG path data for layout-rs's path: a cubic Bézier from the first point
/// with its control point, then smooth segments (the same reading of the
/// pairs as layout-rs's own SVG backend).
fn path_data(path: &[(Point, Point)], t: &impl Fn(Point) -> Point) -> String {
    let mut d = String::new();
    let num = |p: Point| format!("{:.1} {:.1}", p.x, p.y);
    match path {
        [] => {}
        [only] => {
            let _ = write!(d, "M {} L {}", num(t(only.0)), num(t(only.1)));
        }
        [first, second, rest @ ..] => {
            let _ =
                write!(d, "M {} C {}, {}, {}", num(t(first.0)), num(t(first.1)), num(t(second.0)), num(t(second.1)));
            for p in rest {
                let _ = write!(d, " S {}, {}", num(t(p.0)), num(t(p.1)));
            }
        }
    }
    d
}
