//! Fides (fideslang) resources: import into a juris manifest, export from one.
//!
//! Fides describes systems and their privacy declarations; juris describes
//! markets, entities, systems with their locations, activities, recipients
//! and the rest. The two overlap on the taxonomy (juris uses fideslang's
//! keys) and on what an activity processes, so an import keeps every fact
//! that has a place in the manifest and marks the rest, and an export gives
//! Fides the systems and declarations it can evaluate.
//!
//! See FIDESLANG notes in `docs/report.md` for the field-by-field mapping.

pub mod export;
pub mod import;
pub mod keys;
pub mod yaml;

pub use export::export;
pub use import::{ImportError, Imported, import_paths, import_sources};
