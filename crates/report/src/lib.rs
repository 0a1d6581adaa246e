//! juris-report: what auditors and teams ask for, made from a juris manifest.
//!
//! - [`html`]: one self-contained HTML report (data map, record of
//!   processing, findings with their rules' documentation, duties coming due,
//!   module coverage), for reading offline and printing.
//! - [`datamap`]: the flows of personal data across borders that the report
//!   draws, computed from the manifest alone, and [`svg`], their picture.
//! - [`ropa`]: the record of processing as CSV, XLSX or JSON, for GDPR
//!   Art. 30(1), LGPD Art. 37 and 152-FZ Art. 22(3).
//! - [`fides`]: import of fideslang (1.x, 2.x, 3.x) resources into a manifest,
//!   and export of a manifest as fideslang 2.x resources.
//!
//! The crate computes and returns text or bytes; it reads files only where its
//! input is files by nature (the Fides import reads the paths it is given).
//! Like juris-core, it never panics on its input: every failure is a value.

#![deny(unsafe_code)]
#![warn(missing_docs)]

pub mod datamap;
mod escape;
pub mod fides;
pub mod html;
mod input;
pub mod ropa;
pub mod svg;

pub use input::{DueDuty, ModuleCoverage, ReportFinding};
