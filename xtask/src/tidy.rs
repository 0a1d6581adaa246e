//! Tidy: conventions no compiler checks, run as a test (`cargo test -p xtask
//! tidy`, and so by `cargo test --workspace`), as rust-analyzer's are.
//!
//! - every plugin runs the shared rule harness (`assert_module`) and depends
//!   on juris-core (and at most serde) only;
//! - no plugin has `unsafe` code;
//! - every `unsafe` block in the project, fuzz targets and xtask included, has
//!   a `// SAFETY:` comment just above it.

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
                    let justified = lines[i.saturating_sub(8)..i].iter().any(|l| l.contains("SAFETY:"));
                    if !justified {
                        problems.push(format!("{}:{}: unsafe without a `// SAFETY:` comment", file.display(), i + 1));
                    }
                }
            }
        }
    }
    problems
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
    #[test]
    fn tidy() {
        let problems = super::problems(&crate::root());
        assert!(problems.is_empty(), "tidy found problems:\n{}", problems.join("\n"));
    }
}
