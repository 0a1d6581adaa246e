//! A juris manifest → fideslang 2.x resources that `fides evaluate` accepts.
//!
//! What evaluate needs (FIDESLANG notes, §9): an organization, systems with
//! `system_type` and `privacy_declarations`, each declaration with a name
//! unique in its system (fideslang sorts declarations by name and fails on
//! two unnamed ones), `data_categories`, `data_use` and `data_subjects` from
//! the default taxonomy, and at least one policy with a fully specified rule.
//! No `dataset_references` or egress/ingress are written, because their
//! targets would have to be exported too.
//!
//! A juris activity is stored in its systems, so it becomes a declaration of
//! each of them, one per data use (a declaration has exactly one). Every
//! string is written double-quoted with YAML escapes, so no text from the
//! manifest can change the YAML's structure.

use std::fmt::Write;

use juris_core::Jurisdiction;
use juris_core::jurisdiction::EEA;
use juris_core::manifest::{Activity, ContactRole, Manifest};

use crate::ropa::is_sensitive;

/// The export: one YAML file with `organization`, `system` and `policy`.
#[derive(Clone, Debug)]
pub struct Exported {
    /// The YAML text.
    pub yaml: String,
    /// What could not be expressed in fideslang, for the terminal.
    pub notes: Vec<String>,
}

/// The file name the CLI should use inside an output directory.
pub const FILE_NAME: &str = "juris_export.yml";

/// A YAML double-quoted scalar.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || c == '\u{feff}' || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|s| q(s)).collect::<Vec<_>>().join(", "))
}

/// A fides_key (`^[a-zA-Z0-9_.<>-]+$`) from a juris id, unique among `taken`.
fn fides_key(id: &str, taken: &mut Vec<String>) -> String {
    let mut key: String =
        id.chars().map(|c| if c.is_ascii_alphanumeric() || "_.<>-".contains(c) { c } else { '_' }).collect();
    if key.is_empty() {
        key.push('x');
    }
    let base = key.clone();
    let mut n = 2;
    while taken.contains(&key) {
        key = format!("{base}_{n}");
        n += 1;
    }
    taken.push(key.clone());
    key
}

/// juris's basis as fideslang's `legal_basis_for_processing` (exact spelling).
fn legal_basis(basis: &str) -> Option<&'static str> {
    match basis {
        "consent" => Some("Consent"),
        "contract" => Some("Contract"),
        "legal_obligation" => Some("Legal obligations"),
        "vital_interests" => Some("Vital interests"),
        "public_task" => Some("Public interest"),
        "legitimate_interests" => Some("Legitimate interests"),
        _ => None,
    }
}

/// The eea-uk module's Art. 9(2) condition as fideslang's
/// `special_category_legal_basis`.
fn special_basis(condition: &str) -> Option<&'static str> {
    match condition {
        "explicit_consent" => Some("Explicit consent"),
        "employment_social_security" => Some("Employment, social security and social protection"),
        "vital_interests" => Some("Vital interests"),
        "not_for_profit" => Some("Not-for-profit bodies"),
        "manifestly_made_public" => Some("Made public by the data subject"),
        "legal_claims" => Some("Legal claims or judicial acts"),
        "substantial_public_interest" => Some("Reasons of substantial public interest (with a basis in law)"),
        "health_or_social_care" => Some("Health or social care (with a basis in law)"),
        "public_health" => Some("Public health (with a basis in law)"),
        "archiving_research_statistics" => Some("Archiving, research and statistics (with a basis in law)"),
        _ => None,
    }
}

/// juris's mechanism as a `legal_basis_for_transfers` entry (the values of
/// fideslang's unenforced list).
fn transfer_basis(mechanism: &str) -> &'static str {
    match mechanism {
        "adequacy" => "Adequacy Decision",
        "scc" | "uk_addendum" | "idta" | "anpd_scc" => "SCCs",
        "bcr" => "BCRs",
        _ => "Other",
    }
}

/// Days in an ISO 8601 duration, for fides's "retention period (days)":
/// a year as 365 days and a month as 30.
fn days(period: &str) -> Option<u64> {
    let rest = period.strip_prefix('P')?;
    let mut total: u64 = 0;
    let mut number = String::new();
    for c in rest.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let n: u64 = number.parse().ok()?;
        number.clear();
        let factor = match c {
            'Y' => 365,
            'M' => 30,
            'W' => 7,
            'D' => 1,
            _ => return None,
        };
        total = total.checked_add(n.checked_mul(factor)?)?;
    }
    Some(total)
}

/// ISO 3166-1 alpha-3 for `third_country_transfers`.
fn alpha3(j: &Jurisdiction) -> Option<String> {
    let code = j.country()?.code().to_string();
    celes::Country::from_alpha2(&code).ok().map(|c| c.alpha3.to_string())
}

/// A system as exported: id, name, description, its activities, locations.
type Declared<'a> = (String, String, String, Vec<&'a Activity>, Vec<Jurisdiction>);

/// Writes the manifest as fideslang 2.x resources.
pub fn export(manifest: &Manifest) -> Exported {
    let m = manifest;
    let mut notes = Vec::new();
    let mut y = String::new();
    y.push_str("# fideslang 2.x resources exported from a juris manifest by `juris export fides`.\n");
    y.push_str("# Run `fides --local evaluate DIR` on the directory holding this file.\n");
    y.push_str("organization:\n");
    y.push_str("  - fides_key: \"default_organization\"\n");
    let _ = writeln!(y, "    name: {}", q(&m.organization.name));
    let _ = writeln!(y, "    description: {}", q("Exported from a juris manifest."));
    if let Some(measures) = &m.organization.security_measures {
        let _ = writeln!(y, "    security_policy: {}", q(measures));
    }
    for (field, role) in [
        ("controller", ContactRole::Privacy),
        ("data_protection_officer", ContactRole::Dpo),
        ("representative", ContactRole::Representative),
    ] {
        if let Some(c) = m.contacts.iter().find(|c| c.role == role) {
            let _ = writeln!(y, "    {field}:");
            let _ = writeln!(y, "      name: {}", q(&c.name));
            let _ = writeln!(y, "      address: {}", q(&c.country.as_ref().map(|j| j.to_string()).unwrap_or_default()));
            let _ = writeln!(y, "      email: {}", q(c.email.as_deref().unwrap_or("")));
            let _ = writeln!(y, "      phone: {}", q(c.phone.as_deref().unwrap_or("")));
        }
    }

    // Countries at home: where the organisation is established, and the EEA
    // as a whole when it is established in it.
    let home = |j: &Jurisdiction| {
        m.organization.established.iter().any(|e| e.covers(j))
            || (m.organization.established.iter().any(|e| EEA.covers(e)) && EEA.covers(j))
    };
    let transfers = m.modules.get("eea-uk").and_then(|t| t.get("system_transfers"));

    y.push_str("system:\n");
    let mut keys: Vec<String> = Vec::new();
    let unassigned: Vec<&Activity> = m.activities.iter().filter(|a| a.systems.is_empty()).collect();
    let mut systems: Vec<Declared> = m
        .systems
        .iter()
        .map(|s| {
            let activities = m.activities_using(&s.id).iter().map(|&i| &m.activities[i]).collect();
            let description =
                format!("Stores data in {}; holds data of people in {}.", join(&s.locations), join(&s.holds));
            (s.id.to_string(), s.name.to_string(), description, activities, s.locations.clone())
        })
        .collect();
    if !unassigned.is_empty() {
        notes.push(format!(
            "{} activities name no system; they are declared under the system `juris_unassigned`",
            unassigned.len()
        ));
        systems.push((
            "juris_unassigned".to_string(),
            "Activities without a system".to_string(),
            "Activities whose juris manifest names no system.".to_string(),
            unassigned,
            Vec::new(),
        ));
    }
    for (id, name, description, activities, locations) in systems {
        let key = fides_key(&id, &mut keys);
        let _ = writeln!(y, "  - fides_key: {}", q(&key));
        let _ = writeln!(y, "    name: {}", q(&name));
        let _ = writeln!(y, "    description: {}", q(&description));
        y.push_str("    system_type: \"Service\"\n");
        let abroad: Vec<&Jurisdiction> = locations.iter().filter(|l| !home(l)).collect();
        let codes: Vec<String> = abroad.iter().filter_map(|j| alpha3(j)).collect();
        if !codes.is_empty() {
            let _ = writeln!(y, "    third_country_transfers: {}", list(&codes));
            y.push_str("    does_international_transfers: true\n");
            let mut bases: Vec<String> = Vec::new();
            for j in &abroad {
                let mechanism = transfers.and_then(|t| t.get(j.to_string())).and_then(|v| v.as_str());
                if let Some(b) = mechanism.map(transfer_basis)
                    && !bases.iter().any(|x| x == b)
                {
                    bases.push(b.to_string());
                }
            }
            if !bases.is_empty() {
                let _ = writeln!(y, "    legal_basis_for_transfers: {}", list(&bases));
            }
        }
        if activities.is_empty() {
            y.push_str("    privacy_declarations: []\n");
            continue;
        }
        y.push_str("    privacy_declarations:\n");
        for a in activities {
            declarations(&mut y, m, a, &mut notes);
        }
    }

    // fides evaluate requires a policy. This one flags what is almost never
    // lawful: special-category data used for third-party advertising.
    y.push_str("policy:\n");
    y.push_str("  - fides_key: \"juris_export_policy\"\n");
    y.push_str("    name: \"juris export policy\"\n");
    y.push_str(
        "    description: \"Written by juris so that fides evaluate has a policy; juris's modules check the law itself.\"\n",
    );
    y.push_str("    rules:\n");
    y.push_str("      - name: \"Reject special-category data for third-party advertising\"\n");
    y.push_str("        data_categories:\n          matches: \"ANY\"\n");
    let sensitive = [
        "user.biometric",
        "user.health_and_medical",
        "user.demographic.political_opinion",
        "user.demographic.race_ethnicity",
        "user.demographic.religious_belief",
        "user.demographic.sexual_orientation",
    ];
    let _ = writeln!(y, "          values: {}", list(&sensitive.map(String::from)));
    y.push_str("        data_uses:\n          matches: \"ANY\"\n");
    let _ = writeln!(y, "          values: {}", list(&["marketing.advertising.third_party".to_string()]));
    y.push_str("        data_subjects:\n          matches: \"ANY\"\n");
    let subjects: Vec<String> = juris_core::taxonomy::DATA_SUBJECTS.iter().map(|s| s.to_string()).collect();
    let _ = writeln!(y, "          values: {}", list(&subjects));
    Exported { yaml: y, notes }
}

fn join(items: &[Jurisdiction]) -> String {
    if items.is_empty() {
        return "no recorded place".to_string();
    }
    items.iter().map(|j| j.to_string()).collect::<Vec<_>>().join(", ")
}

fn declarations(y: &mut String, m: &Manifest, a: &Activity, notes: &mut Vec<String>) {
    let categories: Vec<String> = a.data_categories.iter().map(|c| c.as_str().to_string()).collect();
    let subjects: Vec<String> = a.data_subjects.iter().map(|s| s.as_str().to_string()).collect();
    if categories.is_empty() {
        notes.push(format!("activity `{}` has no data category: fideslang requires one; not exported", a.id));
        return;
    }
    let several = a.uses.len() > 1;
    for u in &a.uses {
        let name =
            if several { format!("{} ({}, {})", a.name, a.id, u.as_str()) } else { format!("{} ({})", a.name, a.id) };
        let _ = writeln!(y, "      - name: {}", q(&name));
        let _ = writeln!(y, "        data_categories: {}", list(&categories));
        let _ = writeln!(y, "        data_use: {}", q(u.as_str()));
        let _ = writeln!(y, "        data_subjects: {}", list(&subjects));
        match a.legal_basis.as_deref().map(|b| (b, legal_basis(b))) {
            Some((_, Some(b))) => {
                let _ = writeln!(y, "        legal_basis_for_processing: {}", q(b));
            }
            Some((b, None)) => {
                notes.push(format!("activity `{}`: legal basis `{b}` has no fideslang equivalent; left out", a.id))
            }
            None => {}
        }
        if !a.legal_basis_by.is_empty() {
            notes.push(format!("activity `{}`: legal_basis_by (per-country bases) has no fideslang equivalent", a.id));
        }
        if let Some(d) = a.retention.as_ref().and_then(|r| days(r.period.as_str())) {
            let _ = writeln!(y, "        retention_period: {}", q(&d.to_string()));
        }
        if let Some(ia) = &a.impact_assessment {
            let _ = writeln!(y, "        impact_assessment_location: {}", q(ia));
        }
        let special = a.data_categories.iter().any(|c| is_sensitive(c.as_str()));
        if special {
            y.push_str("        processes_special_category_data: true\n");
            if let Some(b) = a.special_category_condition.as_deref().and_then(special_basis) {
                let _ = writeln!(y, "        special_category_legal_basis: {}", q(b));
            }
        }
        let recipients: Vec<String> = a
            .recipients
            .iter()
            .filter_map(|id| m.recipient(id))
            .map(|r| format!("{} ({})", r.name, r.country))
            .collect();
        if !recipients.is_empty() {
            y.push_str("        data_shared_with_third_parties: true\n");
            let _ = writeln!(y, "        third_parties: {}", q(&recipients.join("; ")));
            let _ = writeln!(y, "        shared_categories: {}", list(&categories));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn quoting_and_keys() {
        assert_eq!(super::q("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"");
        let mut taken = Vec::new();
        assert_eq!(super::fides_key("crm eu/1", &mut taken), "crm_eu_1");
        assert_eq!(super::fides_key("crm eu/1", &mut taken), "crm_eu_1_2");
        assert_eq!(super::days("P1Y2M3W4D"), Some(365 + 60 + 21 + 4));
    }
}
