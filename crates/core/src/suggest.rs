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

/// As [`closest`], and when nothing is within `max_distance` edits, the one
/// candidate that begins with `given` or that `given` begins with
/// (`uk_representative` for `uk_representative_required`).
pub fn closest_or_prefix<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
    max_distance: usize,
) -> Option<&'a str> {
    closest(given, candidates.clone(), max_distance).or_else(|| {
        let mut matching =
            candidates.into_iter().filter(|c| given.len() >= 3 && (c.starts_with(given) || given.starts_with(c)));
        match (matching.next(), matching.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn prefixes_are_suggested_when_nothing_is_close() {
        let keys = ["uk_representative_required", "large_scale"];
        assert_eq!(super::closest_or_prefix("uk_representative", keys, 3), Some("uk_representative_required"));
        assert_eq!(super::closest_or_prefix("large_scal", keys, 3), Some("large_scale"));
        assert_eq!(super::closest_or_prefix("zzz", keys, 3), None);
    }
}
