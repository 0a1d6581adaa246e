//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice`
//! line per finding, which GitHub shows as an annotation on the manifest's
//! line (<https://docs.github.com/actions/reference/workflow-commands-for-github-actions>).
//! Waived findings are left out: they are accepted, not to be looked at.

use juris_core::Severity;

use crate::report::Report;

/// A property value: control characters shown as escapes (GitHub's log
/// viewer obeys ANSI sequences), then `%`, CR, LF, `:` and `,` percent-encoded.
fn property(text: &str) -> String {
    crate::sanitize::line(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
        .replace(':', "%3A")
        .replace(',', "%2C")
}

/// A message: control characters shown as escapes, then `%`, CR and LF
/// percent-encoded, so no value can start a workflow command of its own.
fn message(text: &str) -> String {
    crate::sanitize::block(text, "").replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// One workflow command.
pub fn command(kind: &str, file: &str, line: usize, column: usize, title: &str, text: &str) -> String {
    format!("::{kind} file={},line={line},col={column},title={}::{}", property(file), property(title), message(text))
}

pub fn print(report: &Report) {
    let mut out = String::new();
    for l in report.findings.iter().filter(|l| l.waiver.is_none()) {
        let kind = match l.finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut text = l.finding.message.clone();
        if let Some(citation) = l.rule.map(|r| r.citation.as_str()) {
            text.push_str(&format!("\nlaw: {citation}"));
        }
        if let Some(help) = &l.finding.help {
            text.push_str(&format!("\nhelp: {help}"));
        }
        out.push_str(&command(kind, report.manifest_path, l.line, l.column, &l.finding.rule, &text));
        out.push('\n');
    }
    for failure in &report.failures {
        out.push_str(&format!(
            "::error title=juris::{}\n",
            message(&format!("{} ({})", failure.message, failure.plugin))
        ));
    }
    crate::output::write(format_args!("{out}"));
}

#[cfg(test)]
mod tests {
    #[test]
    fn values_cannot_break_out_of_their_command() {
        let line = super::command("error", "a,b:c.toml", 3, 4, "x/y", "100% bad\n::error::forged");
        assert_eq!(line, "::error file=a%2Cb%3Ac.toml,line=3,col=4,title=x/y::100%25 bad%0A::error::forged");
        assert_eq!(line.lines().count(), 1);
    }
}
