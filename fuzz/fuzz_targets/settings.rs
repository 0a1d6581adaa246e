//! Arbitrary text as juris.toml: no panic, and every error names the file.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| juris_cli::fuzzing::settings(data));
