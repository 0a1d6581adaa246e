//! "Did you mean …?" for unknown codes, keys, modules and rules.

/// The candidate closest to `given` by edit distance, if it is within
/// `max_distance` edits; ties go to the first candidate.
pub fn closest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>, max_distance: usize) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(given, c), c))
        .filter(|(d, _)| *d <= max_distance)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}
