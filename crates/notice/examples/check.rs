//! Prints what juris-notice finds in a notice, per module, with the four
//! modules' items files of this repository:
//! `cargo run --example check -- NOTICE [MODULE] [--as-of YYYY-MM-DD] [--json]`.

use std::path::Path;

use juris_core::jiff::civil::Date;
use juris_notice::{Format, ItemsFile, ModuleItems, Notice, evaluate};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: check NOTICE [MODULE] [--as-of YYYY-MM-DD] [--json]");
        std::process::exit(2);
    };
    let json = args.iter().any(|a| a == "--json");
    let as_of: Date = args
        .iter()
        .position(|a| a == "--as-of")
        .and_then(|i| args.get(i + 1))
        .and_then(|d| d.parse().ok())
        .unwrap_or_else(|| Date::constant(2026, 12, 1));
    let only = args.get(1).filter(|a| !a.starts_with("--"));
    let text = std::fs::read_to_string(path).expect("readable notice");
    let notice = Notice::parse(&text, Format::detect(path, &text));
    let plugins = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../plugins");
    let modules: Vec<ModuleItems> = ["eea-uk", "california", "brazil", "russia"]
        .iter()
        .map(|m| {
            let t = std::fs::read_to_string(plugins.join(m).join("notice/items.toml")).expect("items file");
            ModuleItems::new(ItemsFile::from_toml(&t).expect("valid items file"))
        })
        .collect();
    let reports = evaluate(&notice, &modules, as_of);
    if json {
        println!("{}", serde_json::to_string_pretty(&reports).unwrap_or_default());
        return;
    }
    for r in reports.iter().filter(|r| only.is_none_or(|o| *o == r.module)) {
        println!("== {} section: {:?}", r.module, r.section);
        for i in &r.items {
            println!(
                "  {:<24} {:<14?} {:>5} {}",
                i.id,
                i.status,
                i.line.map(|l| l.to_string()).unwrap_or_default(),
                i.quote.as_deref().unwrap_or("")
            );
        }
    }
}
