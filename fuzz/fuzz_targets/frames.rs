//! Arbitrary bytes as isolation frames, both directions: no panic, no
//! allocation a length field does not back, and decoded frames re-encode.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| juris_host::fuzzing::frames(data));
