//! Shared by the corpus and holdout tests: load the four modules' items files
//! and a directory of labelled notices, evaluate, and score the "missing"
//! verdicts against the hand labels.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use juris_core::jiff::civil::Date;
use juris_notice::{Format, ItemsFile, ModuleItems, Notice, Status, evaluate};

pub const MODULES: [&str; 4] = ["eea-uk", "california", "brazil", "russia"];

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

pub fn items(module: &str) -> ItemsFile {
    let path = root().join("../../plugins").join(module).join("notice/items.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    ItemsFile::from_toml(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn all_items() -> Vec<ItemsFile> {
    MODULES.iter().map(|m| items(m)).collect()
}

/// Counts of the "missing" verdicts against labels, per module.
#[derive(Default, Clone, Copy)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tn: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 { 1.0 } else { self.tp as f64 / (self.tp + self.fp) as f64 }
    }
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 { 1.0 } else { self.tp as f64 / (self.tp + self.fn_) as f64 }
    }
}

pub struct Run {
    pub scores: BTreeMap<String, Score>,
    /// One line per disagreement.
    pub errors: Vec<String>,
    pub table: String,
}

/// Evaluates every labelled notice in `dir/corpus` against `dir/labels`.
pub fn run(dir: &Path, as_of: Date) -> Run {
    let files = all_items();
    let mut scores: BTreeMap<String, Score> = MODULES.iter().map(|m| (m.to_string(), Score::default())).collect();
    let mut errors = Vec::new();
    let mut labels: Vec<PathBuf> = std::fs::read_dir(dir.join("labels"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    labels.sort();
    assert!(!labels.is_empty(), "no labels in {}", dir.display());
    for label_path in labels {
        let label: toml::Table = toml::from_str(&std::fs::read_to_string(&label_path).unwrap()).unwrap();
        let file = label["file"].as_str().unwrap();
        let source = std::fs::read_to_string(dir.join("corpus").join(file)).unwrap();
        let notice = Notice::parse(&source, Format::detect(file, &source));
        let label_modules = label["modules"].as_table().unwrap();
        let mut modules = Vec::new();
        for f in &files {
            let mut m = ModuleItems::new(f.clone());
            if let Some(items) = label_modules.get(&f.module).and_then(|m| m.get("items")).and_then(|i| i.as_table()) {
                for (id, v) in items {
                    if v["status"].as_str() == Some("not-applicable") {
                        m.set(id, false, v.get("reason").and_then(|r| r.as_str()).unwrap_or("labelled not applicable"));
                    }
                }
            }
            modules.push(m);
        }
        let reports = evaluate(&notice, &modules, as_of);
        for report in reports {
            assert!(report.error.is_none(), "{:?}", report.error);
            let Some(lm) = label_modules.get(&report.module) else { continue };
            if lm.get("addressed").and_then(|a| a.as_bool()) != Some(true) {
                continue;
            }
            let items = lm["items"].as_table().unwrap();
            let score = scores.get_mut(&report.module).unwrap();
            for r in &report.items {
                let Some(expected) = items.get(r.id.as_str()).and_then(|v| v["status"].as_str()) else {
                    errors.push(format!("{file} {} {}: no label", report.module, r.id));
                    continue;
                };
                let predicted_missing = r.status == Status::Missing;
                match expected {
                    "missing" if predicted_missing => score.tp += 1,
                    "missing" => {
                        score.fn_ += 1;
                        errors.push(format!(
                            "FN {file} {}/{}: labelled missing, found line {:?} {:?} ({})",
                            report.module,
                            r.id,
                            r.line,
                            r.quote.as_deref().unwrap_or(""),
                            r.why
                        ));
                    }
                    "present" if predicted_missing => {
                        score.fp += 1;
                        let lq = items[&r.id].get("quote").and_then(|q| q.as_str()).unwrap_or("");
                        let ll = items[&r.id].get("line").and_then(|q| q.as_integer()).unwrap_or(0);
                        errors.push(format!("FP {file} {}/{}: labelled present at {ll}: {lq:?}", report.module, r.id));
                    }
                    "present" => score.tn += 1,
                    _ => {}
                }
            }
        }
    }
    let mut table =
        String::from("| module | missing labelled | flagged missing | precision | recall |\n|---|---|---|---|---|\n");
    let mut total = Score::default();
    for m in MODULES {
        let s = scores[m];
        total.tp += s.tp;
        total.fp += s.fp;
        total.fn_ += s.fn_;
        total.tn += s.tn;
        let _ =
            writeln!(table, "| {m} | {} | {} | {:.2} | {:.2} |", s.tp + s.fn_, s.tp + s.fp, s.precision(), s.recall());
    }
    let _ = writeln!(
        table,
        "| all | {} | {} | {:.2} | {:.2} |",
        total.tp + total.fn_,
        total.tp + total.fp,
        total.precision(),
        total.recall()
    );
    Run { scores, errors, table }
}
