//! Findings with arbitrary strings, on an arbitrary manifest, through the
//! text renderer: no panic, and no control character reaches the output.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| juris_cli::fuzzing::text(data));
