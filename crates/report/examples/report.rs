//! Renders the HTML report of a manifest, without findings: for looking at
//! the layout by hand. `cargo run --example report -- privacy.toml out.html`
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(output)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: report MANIFEST OUT.html");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(input).unwrap_or_else(|e| {
        eprintln!("{input}: {e}");
        std::process::exit(2)
    });
    let parsed = juris_core::manifest::parse(&text).unwrap_or_else(|errors| {
        for e in errors {
            eprintln!("{input}:{}:{}: {}", e.location.line, e.location.column, e.message);
        }
        std::process::exit(2)
    });
    let options = juris_report::ropa::RopaOptions::default();
    let input_ = juris_report::html::ReportInput {
        manifest: &parsed.manifest,
        source: Some(input),
        as_of: juris_core::jiff::civil::date(2026, 6, 1),
        findings: &[],
        coverage: &[],
        duties: None,
        ropa: &options,
    };
    if let Err(e) = std::fs::write(output, juris_report::html::render(&input_)) {
        eprintln!("{output}: {e}");
        std::process::exit(1);
    }
}
