//! The properties the fuzz targets check (`fuzz/`), kept here so that the
//! regressions replay through the same code in the ordinary tests. Not an API.

use std::path::Path;

/// Arbitrary bytes read as the frames an isolated child or parent would
/// receive: decoding never panics, never allocates for lengths the input
/// does not back, and every frame decoded re-encodes to the bytes it came from.
pub fn frames(data: &[u8]) {
    let mut rest = data;
    loop {
        let before = rest;
        match crate::isolate::read_request(&mut rest) {
            Ok(Some((method, body))) => {
                let used = before.len() - rest.len();
                assert_eq!(crate::isolate::encode_request(&method, &body), before[..used], "a request re-encodes");
            }
            Ok(None) | Err(_) => break,
        }
    }
    let mut rest = data;
    while let Ok((status, bytes)) = crate::isolate::read_response(&mut rest) {
        let mut again = Vec::new();
        crate::isolate::write_response(&mut again, status, &bytes).expect("writing to a Vec");
        assert!(again.len() >= 16 + bytes.len());
    }
}

/// Arbitrary text read as a `juris.lock`: parsing never panics, and a lock
/// that parses survives its own writing and reading unchanged.
pub fn lock(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let path = Path::new("juris.lock");
    let Ok(lock) = crate::Lockfile::parse(&text, path) else { return };
    let written = lock.to_toml();
    let again = crate::Lockfile::parse(&written, path)
        .unwrap_or_else(|e| panic!("a written lock does not parse: {e}\n{written}"));
    assert_eq!(again.to_toml(), written, "the lock changed in a round trip");
}
