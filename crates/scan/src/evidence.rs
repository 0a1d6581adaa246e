//! The evidence file, as plain serde types: they live in juris-core, which
//! modules depend on, so that what juris-scan writes is exactly what they read.

pub use juris_core::evidence::*;
