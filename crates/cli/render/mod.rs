//! The projections of a check report: text for people, JSON for programs,
//! SARIF for code-scanning tools, GitHub workflow commands and JUnit XML for
//! CI. All read the same [`Report`](crate::report::Report).

pub mod github;
pub mod json;
pub mod junit;
pub mod notice;
pub mod sarif;
pub mod text;

/// A sequence serialized item by item as an iterator makes them, so that a
/// report's hundreds of thousands of findings are never all built at once.
pub(crate) struct Sequence<F>(pub F);

impl<F, I> serde::Serialize for Sequence<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: serde::Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}
