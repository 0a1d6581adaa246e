//! Tidy: conventions no compiler checks, run as a test (`cargo test -p xtask
//! tidy`, and so by `cargo test --workspace`), as rust-analyzer's are.
//!
//! - every plugin runs the shared rule harness (`assert_module`) and depends
//!   on juris-core (and at most serde) only;
//! - no plugin has `unsafe` code;
//! - every `unsafe` block in the project, fuzz targets and xtask included, has
//!   a `// SAFETY:` comment in the comment lines just above it;
//! - no text a user can read (code, rule pages, docs, examples, tests) points at
//!   the project's private research notes: users have only public sources, so
//!   every citation must be the law, guidance, a decision or a public URL.

use std::path::Path;

/// Conventions no compiler checks, as a list of problems.
pub fn problems(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let plugins = root.join("plugins");
    let Ok(entries) = std::fs::read_dir(&plugins) else {
        return vec![format!("{}: cannot read the plugins", plugins.display())];
    };
    for entry in entries.flatten() {
        let dir = entry.path();
        if !dir.join("Cargo.toml").exists() {
            continue;
        }
        let name = dir.file_name().unwrap_or_default().to_string_lossy().into_owned();
        // Every plugin runs the shared rule harness over every rule.
        let harness = std::fs::read_to_string(dir.join("tests/rules.rs")).unwrap_or_default();
        if !harness.contains("assert_module") {
            problems.push(format!("plugins/{name}: tests/rules.rs must call juris_core::testing::assert_module"));
        }
        // Plugins depend on juris-core only.
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
        if let Some(deps) = manifest.split("[dependencies]").nth(1) {
            for line in deps.lines().take_while(|l| !l.starts_with('[')) {
                let dep = line.split(['=', '.']).next().unwrap_or("").trim();
                if !dep.is_empty() && !dep.starts_with('#') && !["juris-core", "serde"].contains(&dep) {
                    problems.push(format!("plugins/{name}: depends on `{dep}`; plugins depend on juris-core only"));
                }
            }
        }
        // No unsafe in plugins: the boundary code lives in juris-core.
        for file in rust_files(&dir.join("src")) {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            if text.contains("unsafe ") {
                problems.push(format!("{}: plugins must not use `unsafe`", file.display()));
            }
        }
    }
    // Every `unsafe` block in the project says why it is sound.
    for dir in ["crates", "plugins", "tests", "examples", "fuzz", "xtask"] {
        for file in rust_files(&root.join(dir)) {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let lines: Vec<&str> = text.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                // Spelt in pieces so that this line is not itself an unsafe block
                // to the checks that read source as text.
                let opens_block = code.contains(concat!("unsafe", " {"));
                if opens_block || code.contains(concat!("unsafe", " impl")) || code.contains(concat!("#[", "unsafe(")) {
                    // The comment block directly above the statement (attributes
                    // may stand between), not any comment within a few lines,
                    // must say why it is sound.
                    let justified = lines[..i]
                        .iter()
                        .rev()
                        .take_while(|l| l.trim_start().starts_with("//") || l.trim_start().starts_with("#["))
                        .any(|l| l.contains("SAFETY:"));
                    if !justified {
                        problems.push(format!("{}:{}: unsafe without a `// SAFETY:` comment", file.display(), i + 1));
                    }
                }
            }
        }
    }
    for dir in ["crates", "plugins", "tests", "examples", "fuzz", "docs", "xtask", ".ci"] {
        for file in text_files(&root.join(dir)) {
            if file.ends_with("xtask/src/tidy.rs") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&file) else { continue };
            for (i, line) in text.lines().enumerate() {
                if let Some(what) = research_note_reference(line) {
                    problems.push(format!(
                        "{}:{}: `{what}` points at the project's research notes; cite the law, guidance, a decision or a public URL",
                        file.display(),
                        i + 1
                    ));
                }
            }
        }
    }
    for file in ["README.md", "ARCHITECTURE.md"] {
        let text = std::fs::read_to_string(root.join(file)).unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            if let Some(what) = research_note_reference(line) {
                problems.push(format!("{file}:{}: `{what}` points at the project's research notes", i + 1));
            }
        }
    }
    problems
}

/// The folders of the research material beside the project, named apart from
/// their parent so that this file does not itself point into them.
const RESEARCH_FOLDERS: [&str; 4] = ["legal", "design", "schemas", "notices"];

/// The first reference in `line` to the research notes users do not have: the
/// notes themselves ("fact sheet", a path into the research folders, "open
/// item 5") or one of their row ids (`RU-INC-06`, `C1.4`, `W12`).
fn research_note_reference(line: &str) -> Option<String> {
    let lower = line.to_ascii_lowercase();
    for phrase in [
        "fact sheet",
        "fact-sheet",
        "factsheet",
        "sheet §",
        "the sheet marks",
        "the sheet says",
        "the sheet gives",
        "in the sheet",
        "sheet's sources",
        concat!("..", "/shared"),
    ] {
        if lower.contains(phrase) {
            return Some(phrase.to_string());
        }
    }
    for (at, _) in lower.match_indices("shared/") {
        let rest = &lower[at + "shared/".len()..];
        if let Some(folder) = RESEARCH_FOLDERS.iter().find(|f| rest.starts_with(**f)) {
            return Some(format!("shared/{folder}"));
        }
    }
    if let Some(at) = lower.find("open item ")
        && lower[at + 10..].starts_with(|c: char| c.is_ascii_digit())
    {
        return Some("open item".to_string());
    }
    // Words of letters, digits, '-' and '.', split on anything else.
    for word in line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.')) {
        let word = word.trim_end_matches('.');
        if is_row_id(word) {
            return Some(word.to_string());
        }
    }
    None
}

/// `RU-INC-06` (a prefix, 2-5 capitals, two digits), `C1.4` / `U6.2` / `W12`.
fn is_row_id(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    if let [prefix, middle, number] = parts[..] {
        return ["RU", "BR", "EU", "UK", "CA", "US", "C", "E", "U"].contains(&prefix)
            && (2..=5).contains(&middle.len())
            && middle.bytes().all(|b| b.is_ascii_uppercase())
            && number.len() == 2
            && number.bytes().all(|b| b.is_ascii_digit());
    }
    let Some(rest) = word.strip_prefix(['U', 'W', 'C']) else { return false };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match rest.split_once('.') {
        Some((major, minor)) => digits(major) && digits(minor),
        None => word.starts_with('W') && digits(rest),
    }
}

/// Text files below `dir`, skipping build output and fuzzing corpora.
fn text_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return files };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        if path.is_dir() {
            if !["target", "corpus", "artifacts", "coverage"].contains(&name.as_str()) {
                files.extend(text_files(&path));
            }
        } else if ["rs", "md", "toml", "json", "txt", "html", "sh"].iter().any(|e| name.ends_with(&format!(".{e}")))
            || name == "run"
        {
            files.push(path);
        }
    }
    files
}

fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return files };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "target") {
                continue;
            }
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::{is_row_id, research_note_reference};

    #[test]
    fn research_note_references_are_recognised_and_law_is_not() {
        for line in [
            "see the fact sheet",
            "(RU-INC-06)",
            "BR-DSR-03: inference",
            "C1.4, W8",
            "sheet §6B",
            "open item 5",
            &format!("{}/legal/brazil-russia.md", "shared"),
        ] {
            assert!(research_note_reference(line).is_some(), "{line}");
        }
        for line in [
            "GDPR Art. 6(1)(f)",
            "11 CCR §7027(m)",
            "Res. CD/ANPD 19/2024",
            "ISO 3166-2 code US-CA",
            "152-FZ Art. 18(5)",
            "W3C's Global Privacy Control",
            "C-311/18 Schrems II",
            "KoAP RF Art. 13.11",
            "version 2.1.0",
            "the sheet reads back with calamine",
        ] {
            assert_eq!(research_note_reference(line), None, "{line}");
        }
        assert!(is_row_id("U6.2") && is_row_id("W12") && !is_row_id("W") && !is_row_id("C"));
    }

    #[test]
    fn tidy() {
        let problems = super::problems(&crate::root());
        assert!(problems.is_empty(), "tidy found problems:\n{}", problems.join("\n"));
    }
}
