//! JUnit XML for CI test views: one test suite per module, one test case per
//! rule the module ran. A rule with error-level findings fails, with every
//! finding (file:line:column and message) in the failure; warnings and notes
//! are listed in the case's output without failing it, as they do not fail
//! `juris check`. Written with quick-junit (nextest's JUnit writer).

use std::collections::BTreeMap;

use juris_core::Severity;
use juris_core::manifest::InputError;
use quick_junit::{NonSuccessKind, Report as JunitReport, TestCase, TestCaseStatus, TestSuite};

use crate::report::{Located, Report};

fn emit(report: &JunitReport) {
    match report.to_string() {
        // Control characters are not allowed in XML 1.0 and CI viewers
        // would obey them: shown as escapes, like in every text output.
        Ok(xml) => crate::output::write(format_args!("{}\n", crate::sanitize::block(&xml, ""))),
        Err(error) => {
            eprintln!("error: cannot write the JUnit report: {error}");
            std::process::exit(2);
        }
    }
}

fn line(report: &Report, l: &Located) -> String {
    let waived = l.waiver.map(|w| format!(" [waived until {}: {}]", w.expires.0, w.reason)).unwrap_or_default();
    format!("{}:{}:{}: {}: {}{waived}", report.manifest_path, l.line, l.column, l.finding.severity, l.finding.message)
}

pub fn print(report: &Report) {
    let mut junit = JunitReport::new("juris");
    for module in &report.modules {
        let mut suite = TestSuite::new(module.id.as_str());
        let mut by_rule: BTreeMap<&str, Vec<&Located>> = BTreeMap::new();
        for l in report.findings.iter().filter(|l| l.module.id == module.id) {
            by_rule.entry(l.finding.rule.as_str()).or_default().push(l);
        }
        for rule in &module.rules {
            let findings = by_rule.remove(rule.id.as_str()).unwrap_or_default();
            suite.add_test_case(case(report, &module.id, &rule.id, Some(&rule.citation), &findings));
        }
        // Findings of rules the module did not describe still show.
        for (rule, findings) in by_rule {
            suite.add_test_case(case(report, &module.id, rule, None, &findings));
        }
        junit.add_test_suite(suite);
    }
    if !report.failures.is_empty() {
        let mut suite = TestSuite::new("plugins");
        for failure in &report.failures {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
            status.set_message(failure.message.as_str());
            suite.add_test_case(TestCase::new(failure.plugin.as_str(), status));
        }
        junit.add_test_suite(suite);
    }
    emit(&junit);
}

fn case(report: &Report, module: &str, rule: &str, citation: Option<&str>, findings: &[&Located]) -> TestCase {
    let failing: Vec<&&Located> =
        findings.iter().filter(|l| l.waiver.is_none() && l.finding.severity == Severity::Error).collect();
    let status = if failing.is_empty() {
        TestCaseStatus::success()
    } else {
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
        let n = failing.len();
        status.set_message(format!(
            "{n} error-level finding{}: {}",
            if n == 1 { "" } else { "s" },
            failing[0].finding.message
        ));
        status.set_type(rule);
        let lines: Vec<String> = failing.iter().map(|l| line(report, l)).collect();
        status.set_description(lines.join("\n"));
        status
    };
    let mut case = TestCase::new(rule, status);
    case.set_classname(module);
    if let Some(citation) = citation {
        case.add_property(("citation", citation));
    }
    let others: Vec<String> = findings
        .iter()
        .filter(|l| l.waiver.is_some() || l.finding.severity != Severity::Error)
        .map(|l| line(report, l))
        .collect();
    if !others.is_empty() {
        case.set_system_out(others.join("\n"));
    }
    case
}

/// A JUnit report for a manifest that could not be read: one failing case per
/// input error.
pub fn input_errors(path: &str, errors: &[InputError]) {
    let mut junit = JunitReport::new("juris");
    let mut suite = TestSuite::new("manifest");
    for e in errors {
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
        status.set_message(e.message.as_str());
        let mut case = TestCase::new(format!("{path}:{}:{}", e.location.line, e.location.column), status);
        case.set_classname("juris");
        suite.add_test_case(case);
    }
    junit.add_test_suite(suite);
    emit(&junit);
}
