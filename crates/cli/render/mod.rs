//! The three projections of a check report: text for people, JSON for
//! programs, SARIF for code-scanning tools. All read the same [`Report`].
//!
//! [`Report`]: crate::commands::check::Report

pub mod json;
pub mod sarif;
pub mod text;
