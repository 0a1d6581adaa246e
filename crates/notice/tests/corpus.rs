//! The labelled corpus of real policies (tests/corpus, tests/labels): per
//! module, the precision and recall of the "missing" verdicts must each be
//! at least 0.90; and the CONSTRUCTED holdout (tests/holdout), which was not
//! used to write the recognisers, is reported but never fails the build.

mod common;

use juris_core::jiff::civil::date;

#[test]
fn corpus_precision_and_recall_of_missing() {
    let run = common::run(&common::root().join("tests"), date(2026, 12, 1));
    println!("corpus\n{}", run.table);
    for e in &run.errors {
        println!("{e}");
    }
    for (module, s) in &run.scores {
        assert!(
            s.precision() >= 0.9 && s.recall() >= 0.9,
            "{module}: precision {:.2}, recall {:.2}\n{}",
            s.precision(),
            s.recall(),
            run.table
        );
    }
}

/// `NOTICE_HOLDOUT_DIR=DIR` measures another directory laid out the same way
/// (`DIR/corpus`, `DIR/labels`): your own hand-labelled policies.
#[test]
fn holdout_is_reported() {
    let dir = std::env::var_os("NOTICE_HOLDOUT_DIR")
        .map_or_else(|| common::root().join("tests/holdout"), std::path::PathBuf::from);
    let run = common::run(&dir, date(2026, 12, 1));
    println!("holdout\n{}", run.table);
    if std::env::var_os("NOTICE_HOLDOUT_ERRORS").is_some() {
        for e in &run.errors {
            println!("{e}");
        }
    }
}
