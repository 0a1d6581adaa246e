//! Arbitrary bytes through the manifest parser. It must never panic; a manifest
//! it loads must survive the JSON round trip the host makes to send it to the
//! plugins; every error and every path must be located inside the text.

#![no_main]

use juris_core::Manifest;
use juris_core::manifest::{SourceIndex, parse};
use juris_fuzz::{assert_location, locate_all, paths_of};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let index = SourceIndex::new(text);
    // The first line, read as a manifest path: arbitrary paths must locate too.
    locate_all(text, &index, text.lines().next());
    match parse(text) {
        Ok(parsed) => {
            let json = serde_json::to_vec(&parsed.manifest)
                .unwrap_or_else(|e| panic!("a loaded manifest does not encode as JSON: {e}"));
            let back: Manifest = serde_json::from_slice(&json).unwrap_or_else(|e| {
                panic!("a loaded manifest does not decode from its own JSON: {e}\n{}", String::from_utf8_lossy(&json))
            });
            let again = serde_json::to_vec(&back).expect("a decoded manifest encodes");
            assert!(
                json == again,
                "the JSON round trip changed the manifest:\n{}\n{}",
                String::from_utf8_lossy(&json),
                String::from_utf8_lossy(&again)
            );
            let paths = paths_of(&parsed.manifest);
            locate_all(text, &index, paths.iter().map(String::as_str));
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "parse failed with no error");
            for error in &errors {
                assert!(!error.message.is_empty(), "an input error has no message");
                assert_location(text, &error.location, &format!("error `{}`", error.message));
            }
        }
    }
});
