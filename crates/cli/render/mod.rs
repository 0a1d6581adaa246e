//! The projections of a check report: text for people, JSON for programs,
//! SARIF for code-scanning tools, GitHub workflow commands and JUnit XML for
//! CI. All read the same [`Report`](crate::report::Report).

pub mod github;
pub mod json;
pub mod junit;
pub mod notice;
pub mod sarif;
pub mod text;
