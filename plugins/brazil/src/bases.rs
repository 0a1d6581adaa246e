//! The legal bases of the LGPD, by the names a manifest uses for them.
//!
//! A manifest names a basis in `legal_basis` (shared with the other modules) or
//! in `legal_basis_by = { BR = "..." }`. The GDPR names that have an LGPD
//! counterpart are accepted for it (`public_task` for Art. 7 III, `vital_interests`
//! for Art. 7 VII).

/// Art. 7: the ten bases for ordinary personal data, as (names, item).
pub const ART_7: &[(&[&str], &str)] = &[
    (&["consent"], "Art. 7 I (consent)"),
    (&["legal_obligation"], "Art. 7 II (legal or regulatory obligation)"),
    (&["public_policy", "public_task"], "Art. 7 III (public policies)"),
    (&["research"], "Art. 7 IV (studies by a research body)"),
    (&["contract"], "Art. 7 V (performance of a contract)"),
    (&["exercise_of_rights"], "Art. 7 VI (regular exercise of rights in proceedings)"),
    (&["vital_interests", "protection_of_life"], "Art. 7 VII (protection of life or physical safety)"),
    (&["health_protection"], "Art. 7 VIII (health protection)"),
    (&["legitimate_interests"], "Art. 7 IX (legitimate interests)"),
    (&["credit_protection"], "Art. 7 X (credit protection)"),
];

/// Art. 11: the bases for sensitive personal data, as (names, item).
pub const ART_11: &[(&[&str], &str)] = &[
    (&["consent"], "Art. 11 I (specific and highlighted consent)"),
    (&["legal_obligation"], "Art. 11 II a (legal or regulatory obligation)"),
    (&["public_policy", "public_task"], "Art. 11 II b (public policies)"),
    (&["research"], "Art. 11 II c (studies by a research body)"),
    (&["exercise_of_rights"], "Art. 11 II d (regular exercise of rights, including in a contract)"),
    (&["vital_interests", "protection_of_life"], "Art. 11 II e (protection of life or physical safety)"),
    (&["health_protection"], "Art. 11 II f (health protection)"),
    (&["fraud_prevention"], "Art. 11 II g (fraud prevention and security of identification)"),
];

/// The Art. 7 item a basis name stands for.
pub fn ordinary(basis: &str) -> Option<&'static str> {
    lookup(ART_7, basis)
}

/// The Art. 11 item a basis name stands for.
pub fn sensitive(basis: &str) -> Option<&'static str> {
    lookup(ART_11, basis)
}

fn lookup(table: &[(&[&str], &'static str)], basis: &str) -> Option<&'static str> {
    table.iter().find(|(names, _)| names.contains(&basis)).map(|(_, item)| *item)
}

/// The names of a table, for help texts.
pub fn names(table: &[(&[&str], &str)]) -> String {
    table.iter().map(|(names, _)| format!("`{}`", names[0])).collect::<Vec<_>>().join(", ")
}
