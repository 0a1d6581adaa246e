//! rustc-style text: each finding with its rule id, the manifest line it
//! points at, the law (`law:`) and the fix (`help:`), grouped by module and
//! severity (or by line with `--sort line`), then a summary per module.
//!
//! Each finding is rendered from the one line it points at, not the whole
//! manifest, so the cost of a report is linear in the number of findings.

use annotate_snippets::{AnnotationKind, Group, Level, Snippet};
use juris_core::Severity;

use crate::args::{CheckArgs, SortOrder};
use crate::input::{excerpt, renderer};
use crate::output::out;
use crate::report::{Located, Report};
use crate::sanitize;

/// Text wrapped to the terminal (when its width is known) in the columns
/// left after an `indent` the renderer puts before it; annotate-snippets
/// aligns the lines after the first under the first.
fn wrap(text: &str, indent: usize) -> String {
    let clean = sanitize::line(text);
    match crate::output::width() {
        Some(width) => textwrap::wrap(&clean, width.saturating_sub(indent).max(10)).join("\n"),
        None => clean.into_owned(),
    }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    }
}

fn render_one(report: &Report, located: &Located, renderer: &annotate_snippets::Renderer) -> String {
    let finding = &located.finding;
    let (source, line_start, span) = excerpt(report.manifest_text, located.span.clone(), located.line);
    let rule = sanitize::line(&finding.rule);
    let name = match located.waiver {
        Some(_) => format!("waived {}", finding.severity),
        None => finding.severity.to_string(),
    };
    // The title starts with `error[rule]: `; wrap the message after it.
    let message = wrap(&finding.message, name.chars().count() + rule.chars().count() + 4);
    let path = sanitize::line(report.manifest_path);
    let title = match located.waiver {
        Some(_) => level(finding.severity).with_name(name),
        None => level(finding.severity),
    };
    let mut groups = vec![
        title.primary_title(message.as_str()).id(rule.as_ref()).element(
            Snippet::source(source.as_str())
                .line_start(line_start)
                .path(path.as_ref())
                .annotation(AnnotationKind::Primary.span(span)),
        ),
    ];
    if let Some(citation) = located.rule.map(|r| r.citation.as_str()).filter(|c| !c.is_empty()) {
        groups.push(Group::with_title(Level::NOTE.with_name("law").secondary_title(wrap(citation, 5))));
    }
    if let Some(help) = &finding.help {
        groups.push(Group::with_title(Level::HELP.secondary_title(wrap(help, 6))));
    }
    if let Some(waiver) = located.waiver {
        let why = format!("{} ({}, until {})", waiver.reason, waiver.owner, waiver.expires.0);
        groups.push(Group::with_title(Level::NOTE.with_name("waived").secondary_title(wrap(&why, 8))));
    }
    renderer.render(&groups)
}

/// Every finding, grouped by module, and the summary, as one string without
/// colour (for the fuzz targets).
pub fn render_all(report: &Report) -> String {
    let renderer = renderer(false);
    let mut out = String::new();
    let mut current: Option<&str> = None;
    for located in &report.findings {
        if current != Some(located.module.id.as_str()) {
            current = Some(&located.module.id);
            out.push_str(&format!("── {} ──\n\n", sanitize::line(&located.module.id)));
        }
        out.push_str(&render_one(report, located, &renderer));
        out.push_str("\n\n");
    }
    summary(report, &mut out);
    out
}

pub fn print_report(report: &Report, args: &CheckArgs) {
    let renderer = renderer(crate::output::color());
    let quiet = crate::quiet();
    let mut out = String::with_capacity(4096);
    let shown =
        |f: &&Located| (args.show_waived || f.waiver.is_none()) && (!quiet || f.finding.severity == Severity::Error);
    if args.statistics {
        statistics(report, &mut out);
    } else {
        let shown: Vec<&Located> = report.findings.iter().filter(shown).collect();
        let render_at = |i: usize| {
            let located = shown[i];
            let mut text = String::new();
            if args.sort == SortOrder::Module && (i == 0 || shown[i - 1].module.id != located.module.id) {
                let [e, w, n, _] = report.by_module(&located.module.id);
                text.push_str(&format!("── {} ({}) ──\n\n", sanitize::line(&located.module.id), counts(e, w, n, 0)));
            }
            text.push_str(&render_one(report, located, &renderer));
            text.push_str("\n\n");
            text
        };
        // Rendering a snippet costs microseconds, so a large report is
        // rendered a batch at a time on every core and written in order,
        // which keeps memory flat.
        for start in (0..shown.len()).step_by(BATCH) {
            let batch: Vec<usize> = (start..shown.len().min(start + BATCH)).collect();
            out!("{}", crate::parallel::map_in_order(batch, render_at).concat());
        }
    }
    summary(report, &mut out);
    out!("{out}");
}

/// Findings rendered at a time.
const BATCH: usize = 4096;

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn counts(errors: usize, warnings: usize, notes: usize, waived: usize) -> String {
    let mut text = format!("{}, {}, {}", plural(errors, "error"), plural(warnings, "warning"), plural(notes, "note"));
    if waived > 0 {
        text.push_str(&format!(", {waived} waived"));
    }
    text
}

fn statistics(report: &Report, out: &mut String) {
    let rows = report.statistics();
    if rows.is_empty() {
        out.push_str("no findings\n\n");
        return;
    }
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    for (rule, _, severity, count, waived) in rows {
        let waived = if waived > 0 { format!(" (+{waived} waived)") } else { String::new() };
        out.push_str(&format!("{count:>6}  {:<width$}  {severity}{waived}\n", sanitize::line(rule),));
    }
    out.push('\n');
}

fn summary(report: &Report, out: &mut String) {
    let plugins: Vec<&&juris_core::ModuleInfo> =
        report.modules.iter().filter(|m| m.id != crate::host_rules::ID).collect();
    let line = format!(
        "{}: {} from {} as of {}",
        report.manifest_path,
        counts(
            report.count(Severity::Error),
            report.count(Severity::Warning),
            report.count(Severity::Note),
            report.waived()
        ),
        plural(plugins.len(), "module"),
        report.as_of,
    );
    out.push_str(&wrap(&line, 0));
    out.push('\n');
    let width = report.modules.iter().map(|m| m.id.len() + m.version.len() + 1).max().unwrap_or(0);
    for module in &report.modules {
        let [e, w, n, waived] = report.by_module(&module.id);
        if module.id == crate::host_rules::ID && e + w + n + waived == 0 {
            continue;
        }
        let name = format!("{} {}", sanitize::line(&module.id), sanitize::line(&module.version));
        out.push_str(&format!("  {name:<width$}  {}\n", counts(e, w, n, waived)));
    }
    if !report.unchecked_markets.is_empty() {
        let list: Vec<String> = report.unchecked_markets.iter().map(ToString::to_string).collect();
        out.push_str(&format!("  unchecked markets (juris.toml): {}\n", list.join(", ")));
    }
    if !report.failures.is_empty() {
        out.push_str(&format!(
            "{} failed (see the errors on stderr); results from {} are missing from this report\n",
            plural(report.failures.len(), "plugin"),
            if report.failures.len() == 1 { "it" } else { "them" }
        ));
    }
}
