//! Arbitrary text as juris.lock: no panic, and a lock that parses survives
//! its own round trip.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| juris_host::fuzzing::lock(data));
