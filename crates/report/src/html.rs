//! The HTML report: one self-contained file for auditors and teams.
//!
//! Self-contained because reports are mailed, attached to tickets and
//! archived: the page has no external asset (styles inline, the data map an
//! inline SVG, no script, no font or image to fetch), works offline and
//! prints with a print stylesheet. A Content-Security-Policy in the page
//! forbids scripts and every fetch, so even if some text escaped the
//! escaping, nothing could run or phone home; every piece of text from the
//! manifest, the findings or a module's documentation is escaped anyway.

use std::collections::BTreeMap;
use std::fmt::Write;

use juris_core::Severity;
use juris_core::jiff::civil::Date;
use juris_core::manifest::Manifest;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::datamap::{self, Concern, Target};
use crate::escape::{self, anchor};
use crate::ropa::{self, RopaOptions, Variant};
use crate::{DueDuty, ModuleCoverage, ReportFinding};

/// Everything the report is made from.
#[derive(Clone, Copy, Debug)]
pub struct ReportInput<'a> {
    /// The manifest.
    pub manifest: &'a Manifest,
    /// What to call the manifest in the header (its path), if anything.
    pub source: Option<&'a str>,
    /// The date the findings were computed for.
    pub as_of: Date,
    /// The findings of `juris check`, after rule levels and waivers.
    pub findings: &'a [ReportFinding],
    /// The modules that checked the manifest.
    pub coverage: &'a [ModuleCoverage],
    /// Duties coming due, when the caller has any (`None` leaves the section out).
    pub duties: Option<&'a [DueDuty]>,
    /// Facts for the record of processing that the manifest has no field for.
    pub ropa: &'a RopaOptions,
}

/// The page's styles: screen first, then print. Kept in the page so that
/// the file stands alone.
const STYLE: &str = r#"
:root { --ink:#1d2430; --muted:#5b6472; --line:#d5dbe3; --soft:#f3f6f9; --accent:#2f5d8a;
  --error:#b3261e; --warning:#b26a00; --note:#41669b; --waived:#7a7a7a; --clear:#2f5d8a; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink);
  margin: 0; background: #fff; }
header.top { background: var(--soft); border-bottom: 1px solid var(--line); padding: 24px 32px; }
header.top h1 { margin: 0 0 4px; font-size: 26px; }
header.top .meta { color: var(--muted); }
main { padding: 0 32px 48px; max-width: 1400px; }
nav.toc { margin: 16px 0; }
nav.toc a { margin-right: 16px; }
h2 { border-bottom: 2px solid var(--line); padding-bottom: 4px; margin-top: 40px; }
h3 { margin-bottom: 6px; }
a { color: var(--accent); }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--soft); padding: 0 3px; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
.summary { display: flex; gap: 12px; flex-wrap: wrap; margin-top: 12px; }
.summary div { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; }
.summary b { font-size: 20px; display: block; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; color: #fff; }
.sev-error { background: var(--error); } .sev-warning { background: var(--warning); } .sev-note { background: var(--note); }
.badge.waived { background: var(--waived); }
.missing { color: var(--error); }
.ok { color: #2e7d32; }
.muted { color: var(--muted); }
.legend span { margin-right: 18px; white-space: nowrap; }
.legend i { display: inline-block; width: 26px; height: 4px; vertical-align: middle; margin-right: 6px; }
.map-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: 8px; background: #fff; }
svg.datamap { max-width: 100%; height: auto; overflow: visible; font: 13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
svg.datamap text { fill: var(--ink); }
svg.datamap text.strong { font-weight: 600; }
svg.datamap text.small { font-size: 12px; fill: var(--muted); }
svg.datamap .market rect { fill: #e8f0fa; stroke: #6f8fb5; }
svg.datamap .group .frame { fill: #fff; stroke: #8a97a8; }
svg.datamap .group .head { fill: #eef1f5; stroke: #8a97a8; }
svg.datamap .recipients .head { fill: #f5efe6; }
svg.datamap .member rect { fill: none; stroke: #c3cbd6; }
svg.datamap .link path { fill: none; }
svg.datamap .domestic path { stroke: #b8c0cc; stroke-width: 1.2; stroke-dasharray: 3 3; }
svg.datamap .flow path { stroke-width: 2; }
svg.datamap .flow path.hit { stroke: transparent; stroke-width: 12; }
svg.datamap .flow { cursor: help; outline: none; }
svg.datamap .flow:hover path:not(.hit), svg.datamap .flow:focus path:not(.hit) { stroke-width: 4.5; }
svg.datamap .flow:focus path.hit { stroke: rgba(47,93,138,.18); }
svg.datamap .concern-clear path:not(.hit) { stroke: var(--clear); }
svg.datamap .concern-warning path:not(.hit) { stroke: var(--warning); }
svg.datamap .concern-error path:not(.hit) { stroke: var(--error); }
svg.datamap .concern-waived path:not(.hit) { stroke: var(--waived); stroke-dasharray: 6 4; }
svg.datamap marker path { stroke: none; }
svg.datamap .head-clear path { fill: var(--clear); } svg.datamap .head-warning path { fill: var(--warning); }
svg.datamap .head-error path { fill: var(--error); } svg.datamap .head-waived path { fill: var(--waived); }
svg.datamap .head-domestic path { fill: #b8c0cc; }
svg.datamap .chip rect { fill: #fff; stroke: var(--clear); }
svg.datamap .chip.concern-error rect { stroke: var(--error); fill: #fdf0ef; }
svg.datamap .chip.concern-warning rect { stroke: var(--warning); fill: #fdf6ea; }
svg.datamap .chip.concern-waived rect { stroke: var(--waived); }
svg.datamap .chip.domestic rect { stroke: #b8c0cc; stroke-dasharray: 3 3; }
svg.datamap .chip text { font-size: 11px; text-anchor: middle; }
svg.datamap .chip.domestic text { fill: var(--muted); }
svg.datamap .detail { display: none; pointer-events: none; }
svg.datamap .detail rect { fill: #fffef5; stroke: #6b6b6b; }
svg.datamap .detail text { font-size: 12px; }
.activity { border: 1px solid var(--line); border-radius: 6px; padding: 4px 16px 12px; margin: 12px 0; break-inside: avoid; }
.activity table th { width: 30%; }
.finding { border-left: 4px solid var(--line); padding: 4px 12px; margin: 8px 0; }
.finding.sev-error-b { border-color: var(--error); } .finding.sev-warning-b { border-color: var(--warning); }
.finding.sev-note-b { border-color: var(--note); } .finding.is-waived { opacity: .75; }
.rule-doc { border: 1px solid var(--line); border-radius: 6px; padding: 4px 16px; margin: 12px 0; }
.overdue { color: var(--error); font-weight: 600; }
@media print {
  @page { margin: 14mm; }
  body { font-size: 10.5pt; }
  header.top { background: none; padding: 0 0 8px; }
  main { padding: 0; max-width: none; }
  nav.toc { display: none; }
  h2, h3 { break-after: avoid; }
  section.chapter { break-before: page; }
  section.chapter:first-of-type { break-before: auto; }
  .map-wrap { border: none; padding: 0; overflow: visible; }
  svg.datamap { width: 100%; }
  svg.datamap .detail { display: none !important; }
  a { color: inherit; text-decoration: none; }
  .activity, .finding, tr { break-inside: avoid; }
}
"#;

/// Renders the report.
pub fn render(input: &ReportInput<'_>) -> String {
    let m = input.manifest;
    let map = datamap::data_map(m, input.findings);
    let mut out = String::with_capacity(64 * 1024);
    let org = escape::text(&m.organization.name);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"generator\" content=\"juris-report {version}\">\n\
         <title>Privacy report: {org}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        version = env!("CARGO_PKG_VERSION"),
    );

    // Header and summary.
    let open = |s: Severity| input.findings.iter().filter(|f| !f.waived && f.severity == s).count();
    let waived = input.findings.iter().filter(|f| f.waived).count();
    let _ = write!(out, "<header class=\"top\"><h1>Privacy report: {org}</h1><div class=\"meta\">");
    if let Some(source) = input.source {
        let _ = write!(out, "Manifest <code>{}</code> · ", escape::text(source));
    }
    let _ = write!(out, "as of <time datetime=\"{d}\">{d}</time>", d = input.as_of);
    if !input.coverage.is_empty() {
        let modules: Vec<String> =
            input.coverage.iter().map(|c| format!("{} {}", escape::text(&c.id), escape::text(&c.version))).collect();
        let _ = write!(out, " · checked by {}", modules.join(", "));
    }
    out.push_str("</div><div class=\"summary\">");
    for (n, label) in [
        (open(Severity::Error), "errors"),
        (open(Severity::Warning), "warnings"),
        (open(Severity::Note), "notes"),
        (waived, "waived"),
        (m.activities.len(), "activities"),
        (m.systems.len(), "systems"),
        (map.flows.len(), "flows across borders"),
    ] {
        let _ = write!(out, "<div><b>{n}</b>{label}</div>");
    }
    out.push_str("</div></header>\n<main>\n<nav class=\"toc\" aria-label=\"Contents\">");
    out.push_str("<a href=\"#data-map\">Data map</a><a href=\"#ropa\">Record of processing</a><a href=\"#findings\">Findings</a>");
    if input.duties.is_some() {
        out.push_str("<a href=\"#duties\">Duties coming due</a>");
    }
    out.push_str("<a href=\"#coverage\">Module coverage</a><a href=\"#rules\">Rule documentation</a></nav>\n");

    data_map_section(&mut out, m, &map);
    ropa_section(&mut out, input);
    let documented = findings_section(&mut out, input);
    if let Some(duties) = input.duties {
        duties_section(&mut out, duties, input.as_of);
    }
    coverage_section(&mut out, input);
    rules_section(&mut out, input.findings, &documented);
    let _ = write!(
        out,
        "</main>\n<footer class=\"muted\" style=\"padding:16px 32px\">Made by juris-report {}. juris encodes researched readings of the law with their sources; it is not legal advice.</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    out
}

fn data_map_section(out: &mut String, m: &Manifest, map: &datamap::DataMap) {
    out.push_str("<section class=\"chapter\" id=\"data-map\"><h2>Data map</h2>");
    out.push_str(
        "<p>Where each market's personal data is stored and sent. Arrows are flows across borders, from the people of a \
         market (and the entity they contract with) to a system's location or a recipient abroad, labelled with the transfer \
         mechanism the manifest records; dotted grey lines are storage at home. Hover over or focus an arrow (Tab) to see \
         the data categories.</p>",
    );
    out.push_str(
        "<p class=\"legend\"><span><i style=\"background:var(--clear)\"></i>no finding</span>\
         <span><i style=\"background:var(--warning)\"></i>a warning or note concerns it</span>\
         <span><i style=\"background:var(--error)\"></i>an error concerns it</span>\
         <span><i style=\"background:var(--waived)\"></i>only waived findings</span></p>",
    );
    out.push_str("<div class=\"map-wrap\">");
    out.push_str(&crate::svg::render(m, map));
    out.push_str("</div>");
    // The same flows as a table: for print, screen readers and searching.
    out.push_str("<h3>Flows across borders</h3>");
    if map.flows.is_empty() {
        out.push_str("<p>No personal data leaves the market whose people it is about.</p>");
    } else {
        out.push_str("<table><thead><tr><th>From (people of)</th><th>To</th><th>Country</th><th>Mechanism</th><th>Data categories</th><th>Activities</th><th>Findings</th></tr></thead><tbody>");
        for f in &map.flows {
            let to = match &f.target {
                Target::System { id, .. } => {
                    format!("system {}", m.system(id).map_or(id.as_str(), |s| s.name.as_str()))
                }
                Target::Recipient { id } => {
                    format!("recipient {}", m.recipient(id).map_or(id.as_str(), |r| r.name.as_str()))
                }
            };
            let mechanism = match &f.mechanism {
                Some(mech) => escape::text(mech),
                None => "<span class=\"missing\">none recorded</span>".to_string(),
            };
            let concern = match f.concern {
                Concern::Clear => "<span class=\"ok\">none</span>".to_string(),
                _ => f
                    .rules
                    .iter()
                    .map(|r| format!("<a href=\"#rule-{}\">{}</a>", anchor(r), escape::text(r)))
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{mechanism}</td><td>{}</td><td>{}</td><td>{concern}</td></tr>",
                escape::text(&f.market.to_string()),
                escape::text(&to),
                escape::text(&f.country.to_string()),
                escape::text(&f.data_categories.join(", ")),
                escape::text(&f.activities.join(", ")),
            );
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</section>\n");
}

fn ropa_section(out: &mut String, input: &ReportInput<'_>) {
    let record = ropa::record(input.manifest, Variant::Gdpr, input.ropa);
    out.push_str("<section class=\"chapter\" id=\"ropa\"><h2>Record of processing (GDPR Art. 30(1))</h2>");
    let incomplete = record.rows.iter().filter(|r| !r.missing.is_empty()).count();
    let _ = write!(
        out,
        "<p>{} activities; {} with items missing. <code>juris export ropa</code> writes the same record as CSV, XLSX or JSON, \
         also for LGPD Art. 37 and 152-FZ Art. 22(3).</p>",
        record.rows.len(),
        incomplete
    );
    let header = |key: &'static str| record.columns.iter().find(|c| c.key == key).map_or(key, |c| c.header);
    for row in &record.rows {
        let name = row.get(record.columns, "activity").unwrap_or_default();
        let _ = write!(
            out,
            "<article class=\"activity\" id=\"activity-{}\"><h3>{} <span class=\"muted\"><code>{}</code></span></h3>",
            anchor(&row.activity),
            escape::text(&name),
            escape::text(&row.activity)
        );
        if row.missing.is_empty() {
            out.push_str("<p class=\"ok\">Every item of Art. 30(1) is recorded.</p>");
        } else {
            let names: Vec<String> = row.missing.iter().map(|k| escape::text(header(k))).collect();
            let _ = write!(out, "<p class=\"missing\"><b>Missing:</b> {}</p>", names.join("; "));
        }
        out.push_str("<table>");
        for column in record.columns.iter().filter(|c| !matches!(c.key, "activity_id" | "activity" | "missing")) {
            let cell = row.get(record.columns, column.key).unwrap_or_default();
            let value = if row.missing.contains(&column.key) && cell.is_empty() {
                "<span class=\"missing\">not recorded</span>".to_string()
            } else if row.missing.contains(&column.key) {
                format!("<span class=\"missing\">{}</span>", escape::text(&cell))
            } else if cell.is_empty() {
                "<span class=\"muted\">—</span>".to_string()
            } else {
                escape::text(&cell)
            };
            let _ = write!(out, "<tr><th>{}</th><td>{value}</td></tr>", escape::text(column.header));
        }
        out.push_str("</table></article>");
    }
    out.push_str("</section>\n");
}

/// Writes the findings, by module then severity; returns the rules that have
/// documentation, which the last section embeds.
fn findings_section(out: &mut String, input: &ReportInput<'_>) -> Vec<String> {
    out.push_str("<section class=\"chapter\" id=\"findings\"><h2>Findings</h2>");
    let mut documented: Vec<String> = Vec::new();
    for f in input.findings {
        if f.docs.as_deref().is_some_and(|d| !d.trim().is_empty()) && !documented.contains(&f.rule) {
            documented.push(f.rule.clone());
        }
    }
    if input.findings.is_empty() {
        out.push_str("<p class=\"ok\">No findings.</p></section>\n");
        return documented;
    }
    let mut by_module: BTreeMap<&str, Vec<&ReportFinding>> = BTreeMap::new();
    for f in input.findings {
        by_module.entry(f.module.as_str()).or_default().push(f);
    }
    for (module, findings) in by_module {
        let _ = write!(
            out,
            "<h3 id=\"module-{}\">{} <span class=\"muted\">({} finding{})</span></h3>",
            anchor(module),
            escape::text(module),
            findings.len(),
            if findings.len() == 1 { "" } else { "s" }
        );
        for severity in [Severity::Error, Severity::Warning, Severity::Note] {
            let of: Vec<&&ReportFinding> = findings.iter().filter(|f| f.severity == severity).collect();
            if of.is_empty() {
                continue;
            }
            for f in of {
                let rule = if documented.contains(&f.rule) {
                    format!("<a href=\"#rule-{}\"><code>{}</code></a>", anchor(&f.rule), escape::text(&f.rule))
                } else {
                    format!("<code>{}</code>", escape::text(&f.rule))
                };
                let _ = write!(
                    out,
                    "<div class=\"finding sev-{s}-b{w}\"><span class=\"badge sev-{s}\">{s}</span> ",
                    s = severity,
                    w = if f.waived { " is-waived" } else { "" }
                );
                if f.waived {
                    out.push_str("<span class=\"badge waived\">waived</span> ");
                }
                let _ = write!(out, "{rule} {}", escape::text(&f.message));
                let mut meta = Vec::new();
                if !f.citation.is_empty() {
                    meta.push(escape::text(&f.citation));
                }
                if let Some(path) = &f.path {
                    let at = f.line.map(|l| format!(", line {l}")).unwrap_or_default();
                    meta.push(format!("<code>{}</code>{at}", escape::text(path)));
                }
                if !meta.is_empty() {
                    let _ = write!(out, "<div class=\"muted\">{}</div>", meta.join(" · "));
                }
                out.push_str("</div>");
            }
        }
    }
    out.push_str("</section>\n");
    documented
}

fn duties_section(out: &mut String, duties: &[DueDuty], as_of: Date) {
    out.push_str("<section class=\"chapter\" id=\"duties\"><h2>Duties coming due</h2>");
    if duties.is_empty() {
        out.push_str("<p>No duty is coming due.</p></section>\n");
        return;
    }
    let mut sorted: Vec<&DueDuty> = duties.iter().collect();
    sorted.sort_by_key(|d| d.due_date);
    out.push_str(
        "<table><thead><tr><th>Due</th><th>Action</th><th>Module</th><th>Law</th><th>Note</th></tr></thead><tbody>",
    );
    for d in sorted {
        let overdue = d.due_date.is_some_and(|due| due < as_of);
        let due = if overdue {
            format!("<span class=\"overdue\">{} (overdue)</span>", escape::text(&d.due))
        } else {
            escape::text(&d.due)
        };
        let _ = write!(
            out,
            "<tr><td>{due}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape::text(&d.action),
            escape::text(&d.module),
            escape::text(&d.citation),
            escape::text(&d.note)
        );
    }
    out.push_str("</tbody></table></section>\n");
}

fn coverage_section(out: &mut String, input: &ReportInput<'_>) {
    out.push_str("<section class=\"chapter\" id=\"coverage\"><h2>Module coverage</h2>");
    if input.coverage.is_empty() {
        out.push_str(
            "<p class=\"missing\">No module checked this manifest: the findings say nothing about the law.</p>",
        );
    } else {
        out.push_str(
            "<table><thead><tr><th>Module</th><th>Version</th><th>Law</th><th>Current to</th></tr></thead><tbody>",
        );
        for c in input.coverage {
            let rows = c.laws.len().max(1);
            let _ = write!(
                out,
                "<tr><td rowspan=\"{rows}\"><code>{}</code></td><td rowspan=\"{rows}\">{}</td>",
                escape::text(&c.id),
                escape::text(&c.version)
            );
            if c.laws.is_empty() {
                out.push_str("<td colspan=\"2\" class=\"muted\">no law declared</td></tr>");
            }
            for (k, law) in c.laws.iter().enumerate() {
                if k > 0 {
                    out.push_str("<tr>");
                }
                let age = (input.as_of - law.current_to).get_days();
                let current = if law.current_to > input.as_of {
                    String::new()
                } else {
                    format!(" <span class=\"muted\">({} days before the as-of date)</span>", age.max(0))
                };
                let _ = write!(out, "<td>{}</td><td>{}{current}</td></tr>", escape::text(&law.name), law.current_to);
            }
        }
        out.push_str("</tbody></table>");
    }
    // Markets no module covers: the host reports them as findings too; here
    // the reader sees the coverage at a glance.
    out.push_str("</section>\n");
}

fn rules_section(out: &mut String, findings: &[ReportFinding], documented: &[String]) {
    out.push_str("<section class=\"chapter\" id=\"rules\"><h2>Rule documentation</h2>");
    if documented.is_empty() {
        out.push_str("<p class=\"muted\">No documentation was given for the rules found.</p>");
    }
    for rule in documented {
        let Some(docs) = findings.iter().find(|f| &f.rule == rule).and_then(|f| f.docs.as_deref()) else { continue };
        let _ = write!(
            out,
            "<article class=\"rule-doc\" id=\"rule-{}\"><h3><code>{}</code></h3>{}</article>",
            anchor(rule),
            escape::text(rule),
            markdown(docs)
        );
    }
    out.push_str("</section>\n");
}

/// Renders a rule's Markdown documentation as HTML that cannot carry markup
/// of its own: raw HTML in the Markdown is shown as text, links keep only
/// safe schemes, images become links, and headings are moved below the
/// rule's own `<h3>`.
pub fn markdown(text: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let events = Parser::new_ext(text, options).map(|event| match event {
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        Event::Start(Tag::Heading { level, id: _, classes: _, attrs: _ }) => {
            Event::Start(Tag::Heading { level: deeper(level), id: None, classes: Vec::new(), attrs: Vec::new() })
        }
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(deeper(level))),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            Event::Start(Tag::Link { link_type, dest_url: safe_url(dest_url), title, id })
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            Event::Start(Tag::Link { link_type, dest_url: safe_url(dest_url), title, id })
        }
        Event::End(TagEnd::Image) => Event::End(TagEnd::Link),
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

fn deeper(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H4,
        HeadingLevel::H2 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Keeps `http`, `https`, `mailto` and in-page links; anything else
/// (`javascript:`, `data:`, `vbscript:`) becomes `#`.
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let lower = url.trim().to_ascii_lowercase();
    let scheme = lower.split_once(':').map(|(s, _)| s);
    let relative = scheme.is_none_or(|s| s.contains('/') || s.contains('#') || s.contains('?'));
    if relative || matches!(scheme, Some("http" | "https" | "mailto")) { url } else { CowStr::Borrowed("#") }
}

#[cfg(test)]
mod tests {
    use super::markdown;

    #[test]
    fn markdown_cannot_inject_markup() {
        let html = markdown(
            "# Title\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) ![i](data:text/html,hi) <img src=x onerror=alert(1)>\n\n[ok](https://example.com)",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("<h4>Title</h4>"), "{html}");
        assert!(html.contains("href=\"https://example.com\""), "{html}");
    }
}
