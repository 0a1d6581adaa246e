//! rustc-style text: each finding with its rule id, citation, and the manifest
//! line it points at.

use annotate_snippets::{AnnotationKind, Group, Level, Snippet};
use juris_core::Severity;

use crate::commands::check::Report;
use crate::input::{clamp_span, renderer};
use crate::output::out;

pub fn print_report(report: &Report) {
    let color = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let renderer = renderer(color);
    let mut out = String::new();
    for located in &report.findings {
        let finding = &located.finding;
        let level = match finding.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Note => Level::NOTE,
        };
        let span = clamp_span(report.manifest_text, located.span.clone());
        let citation = located.rule.map(|r| r.citation.as_str()).unwrap_or("");
        let mut groups = vec![
            level.primary_title(finding.message.as_str()).id(finding.rule.as_str()).element(
                Snippet::source(report.manifest_text)
                    .path(report.manifest_path)
                    .annotation(AnnotationKind::Primary.span(span)),
            ),
        ];
        if !citation.is_empty() {
            groups.push(Group::with_title(Level::NOTE.secondary_title(format!("law: {citation}"))));
        }
        if let Some(help) = &finding.help {
            groups.push(Group::with_title(Level::HELP.secondary_title(help.as_str())));
        }
        out.push_str(&renderer.render(&groups));
        out.push_str("\n\n");
    }
    let modules: Vec<String> = report.modules.iter().map(|p| format!("{} {}", p.info.id, p.info.version)).collect();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    out.push_str(&format!(
        "{}: {}, {}, {} from {} ({}) as of {}\n",
        report.manifest_path,
        plural(report.count(Severity::Error), "error"),
        plural(report.count(Severity::Warning), "warning"),
        plural(report.count(Severity::Note), "note"),
        plural(report.modules.len(), "module"),
        modules.join(", "),
        report.as_of,
    ));
    if !report.failures.is_empty() {
        out.push_str(&format!(
            "{} failed (see the errors on stderr); results from {} are missing from this report\n",
            plural(report.failures.len(), "plugin"),
            if report.failures.len() == 1 { "it" } else { "them" }
        ));
    }
    out!("{out}");
}
