//! Times reading and evaluating a 20,000-word policy (the corpus's GitHub
//! statement repeated) with the four modules: `cargo run --release --example bench`.

use std::path::Path;
use std::time::Instant;

use juris_core::jiff::civil::Date;
use juris_notice::{Format, ItemsFile, ModuleItems, Notice, evaluate};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let one = std::fs::read_to_string(root.join("tests/corpus/github-privacy-statement.md")).expect("corpus file");
    let html = std::fs::read_to_string(root.join("tests/corpus/zotero-privacy-2019.html")).expect("corpus file");
    let mut text = String::new();
    while text.split_whitespace().count() < 20_000 {
        text.push_str(&one);
    }
    let mut page = String::new();
    while page.split_whitespace().count() < 20_000 {
        page.push_str(&html);
    }
    let t = Instant::now();
    let modules: Vec<ModuleItems> = ["eea-uk", "california", "brazil", "russia"]
        .iter()
        .map(|m| {
            let p = root.join("../../plugins").join(m).join("notice/items.toml");
            ModuleItems::new(ItemsFile::from_toml(&std::fs::read_to_string(p).expect("items")).expect("valid"))
        })
        .collect();
    println!("compile items files: {:?}", t.elapsed());
    for (name, text, format) in [("markdown", &text, Format::Markdown), ("html", &page, Format::Html)] {
        let mut best = f64::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            let n = Notice::parse(text, format);
            let _ = evaluate(&n, &modules, Date::constant(2026, 12, 1));
            best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        }
        let words = Notice::parse(text, format).words();
        println!("{name}: {words} words read and evaluated in {best:.1} ms (best of 5)");
        if std::env::var_os("BENCH_DETAIL").is_some() {
            let t = Instant::now();
            let n = Notice::parse(text, format);
            println!("  parse {:?}", t.elapsed());
            for m in &modules {
                let t = Instant::now();
                let _ = evaluate(&n, std::slice::from_ref(m), Date::constant(2026, 12, 1));
                println!("  {} {:?}", m.file.module, t.elapsed());
            }
        }
    }
}
