//! What the juris fuzz targets share: the properties every located error and
//! every manifest path must have, the paths of a loaded manifest, the built-in
//! plugins (loaded once, from shared libraries, as the host loads them), and
//! extra coverage counters that tell libFuzzer which rules fired.
//!
//! Run with `cargo xtask fuzz [--seconds N] [--target manifest|check]`.

use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use juris_core::Manifest;
use juris_core::manifest::{Location, SourceIndex};
use juris_host::{LoadOptions, Plugin, PluginSet, SearchPath};

/// Asserts what a [`Location`] promises: a 1-based line and column, and a span
/// that is a byte range of `text` on character boundaries, so that a renderer
/// can slice the text with it.
pub fn assert_location(text: &str, location: &Location, what: &str) {
    assert!(location.line >= 1 && location.column >= 1, "{what}: location {location:?} is not 1-based");
    assert!(
        text.get(location.span.clone()).is_some(),
        "{what}: span {:?} is not a range of the {}-byte text on character boundaries",
        location.span,
        text.len()
    );
}

/// Every path a finding could name in `manifest`: each table, each array
/// element, and the fields the modules point at.
pub fn paths_of(manifest: &Manifest) -> Vec<String> {
    let mut paths = vec![
        "manifest".to_string(),
        "organization".to_string(),
        "organization.name".to_string(),
        "organization.established".to_string(),
        "rights.supported".to_string(),
        "notices.last_updated".to_string(),
        "filings.rkn_cross_border_notice".to_string(),
    ];
    for (i, _) in manifest.organization.markets.iter().enumerate() {
        paths.push(format!("organization.markets[{i}]"));
    }
    for (i, _) in manifest.entities.iter().enumerate() {
        paths.push(format!("entities[{i}].serves[0]"));
    }
    for (i, _) in manifest.contacts.iter().enumerate() {
        paths.push(format!("contacts[{i}]"));
    }
    for (i, system) in manifest.systems.iter().enumerate() {
        paths.push(format!("systems[{i}].locations"));
        for place in system.replica_of.keys() {
            paths.push(format!("systems[{i}].replica_of.\"{place}\""));
        }
    }
    for (i, activity) in manifest.activities.iter().enumerate() {
        paths.push(format!("activities[{i}].legal_basis"));
        paths.push(format!("activities[{i}].retention.period"));
        for place in activity.legal_basis_by.keys() {
            paths.push(format!("activities[{i}].legal_basis_by.\"{place}\""));
        }
        for (k, _) in activity.data_categories.iter().enumerate() {
            paths.push(format!("activities[{i}].data_categories[{k}]"));
        }
    }
    for (i, _) in manifest.recipients.iter().enumerate() {
        paths.push(format!("recipients[{i}]"));
    }
    for (i, _) in manifest.cookies.iter().enumerate() {
        paths.push(format!("cookies[{i}]"));
    }
    for scope in manifest.consent.keys() {
        paths.push(format!("consent.\"{scope}\".mode"));
    }
    for id in manifest.modules.keys() {
        paths.push(format!("modules.\"{id}\""));
    }
    paths
}

/// Locates each path and checks the result.
pub fn locate_all<'a>(text: &str, index: &SourceIndex<'_>, paths: impl IntoIterator<Item = &'a str>) {
    for path in paths {
        assert_location(text, &index.locate(path), &format!("path `{path}`"));
    }
}

/// The built-in modules, loaded once from the directory named by
/// `JURIS_FUZZ_PLUGIN_DIR` (default: `target/debug` of the juris workspace),
/// taking only `libjuris_*` files as the binary does beside itself.
///
/// Panics unless all four built-in modules load: a `check` target that runs
/// fewer would fuzz nothing of them.
pub fn plugins() -> &'static [Plugin] {
    static SET: OnceLock<PluginSet> = OnceLock::new();
    &SET.get_or_init(|| {
        let dir = std::env::var_os("JURIS_FUZZ_PLUGIN_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/debug"));
        let search = SearchPath::new(Some(&dir), None, &[], &[]);
        let set = juris_host::load(&search, &LoadOptions::default())
            .unwrap_or_else(|e| panic!("cannot search {} for plugins: {e}", dir.display()));
        if let Some(error) = set.errors.first() {
            panic!("plugin {} failed to load: {}", error.path.display(), error.message);
        }
        let mut ids: Vec<&str> = set.plugins.iter().map(Plugin::id).collect();
        ids.sort_unstable();
        assert_eq!(
            ids,
            ["brazil", "california", "eea-uk", "russia"],
            "expected the four built-in modules in {} (run `cargo build` in the juris workspace, or set JURIS_FUZZ_PLUGIN_DIR)",
            dir.display()
        );
        set
    })
    .plugins
}

const COUNTERS: usize = 4096;

/// libFuzzer's extra counters: every byte of this section is read as a coverage
/// feature after each input, and cleared before the next. The plugins are
/// loaded from uninstrumented libraries, so without these the fuzzer could not
/// tell an input that makes a new rule fire from one that does not.
// SAFETY: the section holds only this array of bytes, which libFuzzer reads
// and clears between inputs, on the fuzzing thread, as `AtomicU8` allows.
#[used]
#[unsafe(link_section = "__libfuzzer_extra_counters")]
static EXTRA_COUNTERS: [AtomicU8; COUNTERS] = [const { AtomicU8::new(0) }; COUNTERS];

/// Records that `what` happened (e.g. a module's rule fired), as a coverage
/// feature of the current input.
pub fn feature(parts: &[&str]) {
    // FNV-1a: stable across runs, so a corpus keeps its meaning.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let counter = &EXTRA_COUNTERS[(hash % COUNTERS as u64) as usize];
    let _ = counter.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| Some(n.saturating_add(1)));
}

/// The shape of a manifest path, without array indices: `activities[3].retention`
/// becomes `activities[].retention`.
pub fn shape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}
