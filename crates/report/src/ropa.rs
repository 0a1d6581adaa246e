//! The record of processing activities (RoPA), one row per activity.
//!
//! Three laws ask for such a record, each with its own items:
//! - GDPR Art. 30(1) (and UK GDPR Art. 30(1), the same text): the default.
//! - LGPD Art. 37: the record of processing operations, "especially when
//!   based on legitimate interest"; the ANPD's template adds the legal basis
//!   under Brazilian law, the encarregado and international transfers.
//! - 152-FZ Art. 22(3): the items of the operator's notification to
//!   Roskomnadzor, which an operator keeps per processing purpose.
//!
//! The rows are computed once ([`record`]) and written as CSV, XLSX or JSON,
//! so every format says the same thing. Each row says which of its law's
//! items the manifest does not record (`missing`), because a record that
//! looks complete but is not is worse than one that says where it is empty.
//! The columns are documented in `docs/report.md`.

use std::fmt;
use std::str::FromStr;

use juris_core::Jurisdiction;
use juris_core::jurisdiction::{EEA, country};
use juris_core::manifest::{Activity, ContactRole, Manifest, RecipientRole};
use serde_json::{Map, Value};

use crate::datamap::{self, Target};

/// Which law's record to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Variant {
    /// GDPR Art. 30(1): every activity.
    #[default]
    Gdpr,
    /// LGPD Art. 37: the activities that touch Brazil.
    Lgpd,
    /// 152-FZ Art. 22(3): the activities that touch Russia.
    Fz152,
}

impl Variant {
    /// The name used on the command line: `gdpr`, `lgpd`, `152fz`.
    pub fn as_str(self) -> &'static str {
        match self {
            Variant::Gdpr => "gdpr",
            Variant::Lgpd => "lgpd",
            Variant::Fz152 => "152fz",
        }
    }

    /// The law and article the record follows.
    pub fn citation(self) -> &'static str {
        match self {
            Variant::Gdpr => "GDPR Art. 30(1)",
            Variant::Lgpd => "LGPD Art. 37",
            Variant::Fz152 => "152-FZ Art. 22(3)",
        }
    }
}

impl fmt::Display for Variant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Variant {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "gdpr" => Ok(Variant::Gdpr),
            "lgpd" => Ok(Variant::Lgpd),
            "152fz" | "152-fz" => Ok(Variant::Fz152),
            _ => Err(format!("unknown record variant `{s}`: expected gdpr, lgpd or 152fz")),
        }
    }
}

/// The file format of an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values (RFC 4180), UTF-8, a header row.
    Csv,
    /// An Excel workbook: one sheet, header row frozen, wrapped text.
    Xlsx,
    /// A JSON object with the columns and one object per activity.
    Json,
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "csv" => Ok(Format::Csv),
            "xlsx" => Ok(Format::Xlsx),
            "json" => Ok(Format::Json),
            _ => Err(format!("unknown record format `{s}`: expected csv, xlsx or json")),
        }
    }
}

/// Facts the record needs that the manifest has no field for.
#[derive(Clone, Debug, Default)]
pub struct RopaOptions {
    /// A reference to the description of technical and organisational
    /// security measures (GDPR Art. 30(1)(g), 32; LGPD Art. 46; 152-FZ
    /// Arts. 18.1, 19), e.g. the ISMS document. Without it the column is empty
    /// and listed as missing.
    pub security_measures: Option<String>,
}

/// One column of the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// The JSON key.
    pub key: &'static str,
    /// The header of the CSV and XLSX files.
    pub header: &'static str,
    /// Width of the XLSX column, in characters.
    pub width: u16,
}

const fn col(key: &'static str, header: &'static str, width: u16) -> Column {
    Column { key, header, width }
}

/// The columns of each variant, in order (documented in docs/report.md).
pub fn columns(variant: Variant) -> &'static [Column] {
    match variant {
        Variant::Gdpr => GDPR,
        Variant::Lgpd => LGPD,
        Variant::Fz152 => FZ152,
    }
}

const GDPR: &[Column] = &[
    col("activity_id", "Activity id", 16),
    col("activity", "Processing activity", 30),
    col("controller", "Controller (Art. 30(1)(a))", 30),
    col("contacts", "Representative and DPO (Art. 30(1)(a))", 34),
    col("purposes", "Purposes (Art. 30(1)(b))", 30),
    col("legal_basis", "Legal basis (Art. 6, 9)", 24),
    col("data_subjects", "Categories of data subjects (Art. 30(1)(c))", 24),
    col("data_categories", "Categories of personal data (Art. 30(1)(c))", 34),
    col("recipients", "Categories of recipients (Art. 30(1)(d))", 34),
    col("transfers", "Transfers to third countries and safeguards (Art. 30(1)(e))", 40),
    col("retention", "Time limits for erasure (Art. 30(1)(f))", 26),
    col("security_measures", "Security measures reference (Art. 30(1)(g))", 26),
    col("systems", "Systems (locations)", 30),
    col("markets", "Markets", 16),
    col("impact_assessment", "DPIA (Art. 35)", 18),
    col("missing", "Missing", 30),
];

const LGPD: &[Column] = &[
    col("activity_id", "Activity id", 16),
    col("activity", "Processing operation", 30),
    col("controller", "Controller (controlador)", 30),
    col("encarregado", "Encarregado (Art. 41)", 30),
    col("purposes", "Purposes (finalidades, Art. 6 I)", 30),
    col("legal_basis", "Legal basis in Brazil (Art. 7, 11)", 26),
    col("legitimate_interest", "Legitimate-interest assessment (Art. 10, 37)", 26),
    col("sensitive_data", "Sensitive data (Art. 5 II, 11)", 26),
    col("data_subjects", "Data subjects (titulares)", 24),
    col("data_categories", "Personal data categories", 34),
    col("sharing", "Shared with (compartilhamento)", 34),
    col("international_transfers", "International transfers and mechanism (Art. 33)", 40),
    col("retention", "Retention (Art. 15, 16)", 26),
    col("security_measures", "Security measures reference (Art. 46)", 26),
    col("impact_assessment", "RIPD (Art. 38)", 18),
    col("systems", "Systems (locations)", 30),
    col("missing", "Missing", 30),
];

const FZ152: &[Column] = &[
    col("activity_id", "Activity id", 16),
    col("activity", "Processing", 30),
    col("operator", "Operator (Art. 22(3)(1))", 30),
    col("purposes", "Purposes (Art. 22(3)(2))", 30),
    col("data_categories", "Categories of personal data (Art. 22(3)(3))", 34),
    col("data_subjects", "Categories of subjects (Art. 22(3)(4))", 24),
    col("legal_basis", "Legal basis (Art. 22(3)(5))", 24),
    col("actions", "Actions with the data (Art. 22(3)(6))", 34),
    col("methods", "Processing methods (Art. 22(3)(6))", 24),
    col("security_measures", "Security measures reference (Art. 22(3)(7))", 26),
    col("responsible_person", "Responsible person (Art. 22(3)(7.1))", 30),
    col("retention", "Term or condition of termination (Art. 22(3)(9))", 26),
    col("cross_border", "Cross-border transfer (Art. 22(3)(10))", 40),
    col("database_locations", "Database locations (Art. 22(3)(10.1), 18(5))", 40),
    col("missing", "Missing", 30),
];

/// The record: its variant, columns and rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Ropa {
    /// Which law's record this is.
    pub variant: Variant,
    /// The columns, as [`columns`] lists them.
    pub columns: &'static [Column],
    /// One row per activity in the record's scope, in manifest order.
    pub rows: Vec<Row>,
}

/// One activity's entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The activity's id.
    pub activity: String,
    /// The activity's index in `activities`, for links back to the manifest.
    pub index: usize,
    /// One cell per column except `missing`, in column order.
    pub cells: Vec<String>,
    /// The keys of the columns this law requires that the manifest leaves empty.
    pub missing: Vec<&'static str>,
}

impl Row {
    /// The cell of the column with this key (`missing` joined by commas).
    pub fn get(&self, columns: &[Column], key: &str) -> Option<String> {
        if key == "missing" {
            return Some(self.missing.join(", "));
        }
        columns
            .iter()
            .filter(|c| c.key != "missing")
            .position(|c| c.key == key)
            .and_then(|i| self.cells.get(i).cloned())
    }
}

/// Builds the record of `manifest` for `variant`.
pub fn record(manifest: &Manifest, variant: Variant, options: &RopaOptions) -> Ropa {
    let map = datamap::data_map(manifest, &[]);
    // Each activity's cross-border flows, found once rather than by reading
    // every flow for every activity.
    let mut flows_of: std::collections::HashMap<&str, Vec<&datamap::Flow>> = std::collections::HashMap::new();
    for flow in &map.flows {
        for activity in &flow.activities {
            flows_of.entry(activity.as_str()).or_default().push(flow);
        }
    }
    let columns = columns(variant);
    let place = match variant {
        Variant::Gdpr => None,
        Variant::Lgpd => Some(country("BR")),
        Variant::Fz152 => Some(country("RU")),
    };
    let rows = manifest
        .activities
        .iter()
        .enumerate()
        .filter(|(_, a)| place.as_ref().is_none_or(|p| manifest.activity_touches(a, p)))
        .map(|(index, activity)| {
            let flows = flows_of.get(activity.id.as_str()).map_or(&[][..], Vec::as_slice);
            let facts = Facts { manifest, activity, flows, options };
            let mut cells = Vec::new();
            let mut missing = Vec::new();
            for column in columns.iter().filter(|c| c.key != "missing") {
                let (text, required_missing) = facts.cell(variant, column.key);
                if required_missing {
                    missing.push(column.key);
                }
                cells.push(text);
            }
            Row { activity: activity.id.to_string(), index, cells, missing }
        })
        .collect();
    Ropa { variant, columns, rows }
}

struct Facts<'a> {
    manifest: &'a Manifest,
    activity: &'a Activity,
    /// The activity's cross-border flows, in the data map's order.
    flows: &'a [&'a datamap::Flow],
    options: &'a RopaOptions,
}

/// The word for a recipient's role.
pub fn role_name(role: RecipientRole) -> &'static str {
    match role {
        RecipientRole::Processor => "processor",
        RecipientRole::Controller => "controller",
        RecipientRole::ThirdParty => "third party",
        RecipientRole::ServiceProvider => "service provider",
        RecipientRole::Contractor => "contractor",
    }
}

fn contact_role(role: ContactRole) -> &'static str {
    match role {
        ContactRole::Dpo => "DPO",
        ContactRole::Representative => "representative",
        ContactRole::Privacy => "privacy contact",
        ContactRole::ResponsiblePerson => "responsible person",
    }
}

/// Whether a data category is special-category (GDPR Art. 9) or sensitive
/// (LGPD Art. 5 II) data.
pub fn is_sensitive(category: &str) -> bool {
    const SENSITIVE: &[&str] = &[
        "user.biometric",
        "user.health_and_medical",
        "user.demographic.race_ethnicity",
        "user.demographic.religious_belief",
        "user.demographic.political_opinion",
        "user.demographic.sexual_orientation",
        "user.authorization.biometric",
        "user.criminal_history",
    ];
    SENSITIVE.iter().any(|p| juris_core::taxonomy::is_within(category, p))
}

fn join<I: IntoIterator<Item = String>>(items: I) -> String {
    items.into_iter().collect::<Vec<_>>().join("; ")
}

impl Facts<'_> {
    fn markets(&self) -> &[Jurisdiction] {
        self.manifest.activity_markets(self.activity)
    }

    /// `(text, missing)`: the cell, and whether the law requires it and the
    /// manifest leaves it empty.
    fn cell(&self, variant: Variant, key: &str) -> (String, bool) {
        let a = self.activity;
        let m = self.manifest;
        let filled = |text: String| {
            let empty = text.is_empty();
            (text, empty)
        };
        let optional = |text: String| (text, false);
        match key {
            "activity_id" => optional(a.id.to_string()),
            "activity" => optional(a.name.to_string()),
            "controller" | "operator" => {
                let text = match variant {
                    Variant::Gdpr => self.controllers(self.markets()),
                    Variant::Lgpd => self.controllers(&[country("BR")]),
                    Variant::Fz152 => self.controllers(&[country("RU")]),
                };
                filled(text)
            }
            "contacts" => optional(self.contacts(&[ContactRole::Representative, ContactRole::Dpo], self.markets())),
            "encarregado" => filled(self.contacts(&[ContactRole::Dpo], &[country("BR")])),
            "responsible_person" => filled(self.contacts(&[ContactRole::ResponsiblePerson], &[country("RU")])),
            "purposes" => filled(a.uses.iter().map(|u| u.as_str()).collect::<Vec<_>>().join("; ")),
            "legal_basis" => filled(match variant {
                Variant::Gdpr => {
                    let mut parts: Vec<String> = a.legal_basis.iter().map(ToString::to_string).collect();
                    parts.extend(a.legal_basis_by.iter().map(|(j, b)| format!("{j}: {b}")));
                    if let Some(c) = &a.special_category_condition {
                        parts.push(format!("Art. 9(2): {c}"));
                    }
                    join(parts)
                }
                Variant::Lgpd => m.legal_basis_for(a, &country("BR")).map(|(b, _)| b.to_string()).unwrap_or_default(),
                Variant::Fz152 => m.legal_basis_for(a, &country("RU")).map(|(b, _)| b.to_string()).unwrap_or_default(),
            }),
            "legitimate_interest" => {
                let basis = m.legal_basis_for(a, &country("BR")).map(|(b, _)| b);
                if basis == Some("legitimate_interests") {
                    filled(a.legitimate_interest_assessment.as_deref().unwrap_or_default().to_string())
                } else {
                    optional("not relied on".to_string())
                }
            }
            "sensitive_data" => {
                let sensitive: Vec<&str> =
                    a.data_categories.iter().map(|c| c.as_str()).filter(|c| is_sensitive(c)).collect();
                if sensitive.is_empty() {
                    optional("none".to_string())
                } else {
                    match &a.special_category_condition {
                        Some(c) => optional(format!("{}; condition: {c}", sensitive.join(", "))),
                        // Art. 11 needs a condition of its own.
                        None => (format!("{}; condition: not recorded", sensitive.join(", ")), true),
                    }
                }
            }
            "data_subjects" => filled(a.data_subjects.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("; ")),
            "data_categories" => filled(a.data_categories.iter().map(|c| c.as_str()).collect::<Vec<_>>().join("; ")),
            "recipients" | "sharing" => optional(if a.recipients.is_empty() {
                "none recorded".to_string()
            } else {
                join(a.recipients.iter().map(|id| match m.recipient(id) {
                    Some(r) => format!("{} ({}, {})", r.name, role_name(r.role), r.country),
                    None => id.to_string(),
                }))
            }),
            "transfers" => self.transfers(None),
            "international_transfers" => self.transfers(Some(country("BR"))),
            "cross_border" => self.transfers(Some(country("RU"))),
            "retention" => filled(a.retention.as_ref().map_or(String::new(), |r| {
                let mut text = format!("{} from {}", r.period, r.from);
                if let Some(why) = &r.why {
                    text.push_str(&format!(" ({why})"));
                }
                text
            })),
            "security_measures" => filled(self.options.security_measures.clone().unwrap_or_default()),
            "systems" => optional(join(a.systems.iter().map(|id| match m.system(id) {
                Some(s) => format!("{} ({})", s.name, list(&s.locations)),
                None => id.to_string(),
            }))),
            "database_locations" => {
                // Art. 18(5): where the databases with Russian citizens' data are.
                let ru = country("RU");
                let systems: Vec<String> = a
                    .systems
                    .iter()
                    .filter_map(|id| m.system(id))
                    .filter(|s| s.holds.iter().any(|h| h.overlaps(&ru)))
                    .map(|s| {
                        let mut text = format!("{}: {}", s.name, list(&s.locations));
                        if let Some(primary) = s.replica_of.iter().find(|(j, _)| j.overlaps(&ru)).map(|(_, p)| p) {
                            text.push_str(&format!(" (copy of {primary})"));
                        }
                        text
                    })
                    .collect();
                filled(join(systems))
            }
            "markets" => optional(list(self.markets())),
            "impact_assessment" => optional(a.impact_assessment.as_deref().unwrap_or_default().to_string()),
            "actions" => {
                // The manifest records what is done through where data goes:
                // the list is derived from that, for the operator to review.
                let mut actions = vec!["collection", "recording"];
                if !a.systems.is_empty() {
                    actions.extend(["systematisation", "storage", "use"]);
                }
                if !a.recipients.is_empty() {
                    actions.push("transfer (provision, access)");
                }
                if a.retention.is_some() {
                    actions.push("destruction at the end of the term");
                }
                optional(actions.join(", "))
            }
            "methods" => {
                let exemption = m
                    .modules
                    .get("russia")
                    .and_then(|t| t.get("operator_notification_exemption"))
                    .and_then(|v| v.as_str());
                if exemption == Some("non-automated") {
                    optional("non-automated".to_string())
                } else if a.systems.is_empty() {
                    filled(String::new())
                } else {
                    optional("automated (in the systems listed), with transfer over internal networks".to_string())
                }
            }
            _ => optional(String::new()),
        }
    }

    /// The entities people in `places` contract with, else the organisation.
    fn controllers(&self, places: &[Jurisdiction]) -> String {
        let mut out: Vec<String> = Vec::new();
        for place in places {
            let text = match self.manifest.contracting_entity(place) {
                Some(e) => format!("{} ({}) for {place}", e.name, e.country),
                None => format!("{} for {place}", self.manifest.organization.name),
            };
            if !out.contains(&text) {
                out.push(text);
            }
        }
        if out.is_empty() {
            out.push(self.manifest.organization.name.to_string());
        }
        join(out)
    }

    fn contacts(&self, roles: &[ContactRole], places: &[Jurisdiction]) -> String {
        join(
            self.manifest
                .contacts
                .iter()
                .filter(|c| roles.contains(&c.role))
                .filter(|c| c.for_.iter().any(|f| places.iter().any(|p| f.overlaps(p))))
                .map(|c| {
                    let mut text = format!("{}: {}", contact_role(c.role), c.name);
                    for detail in [&c.email, &c.phone].into_iter().flatten() {
                        text.push_str(&format!(", {detail}"));
                    }
                    text.push_str(&format!(" (for {})", list(&c.for_)));
                    text
                }),
        )
    }

    /// The activity's flows across borders, from `from` (or every market),
    /// each with its mechanism. Missing when a flow records no mechanism.
    fn transfers(&self, from: Option<Jurisdiction>) -> (String, bool) {
        let mut parts = Vec::new();
        let mut unsafeguarded = false;
        for flow in self.flows {
            if from.as_ref().is_some_and(|from| !flow.market.overlaps(from)) {
                continue;
            }
            // GDPR's record lists the transfers of EEA and UK people's data
            // (Chapter V), and within the EEA there is none in its sense.
            if from.is_none() {
                let gdpr_market = flow.market.overlaps(&EEA) || flow.market.overlaps(&country("GB"));
                if !gdpr_market || (EEA.covers(&flow.market) && EEA.covers(&flow.country)) {
                    continue;
                }
            }
            let what = match &flow.target {
                Target::System { id, .. } => self.manifest.system(id).map_or(id.clone(), |s| s.name.to_string()),
                Target::Recipient { id } => self.manifest.recipient(id).map_or(id.clone(), |r| r.name.to_string()),
            };
            let mechanism = match &flow.mechanism {
                Some(m) => m.clone(),
                None => {
                    unsafeguarded = true;
                    "no mechanism recorded".to_string()
                }
            };
            let text = if from.is_some() {
                format!("{} ({what}): {mechanism}", flow.country)
            } else {
                format!("{} → {} ({what}): {mechanism}", flow.market, flow.country)
            };
            if !parts.contains(&text) {
                parts.push(text);
            }
        }
        if parts.is_empty() {
            return ("none".to_string(), false);
        }
        (join(parts), unsafeguarded)
    }
}

fn list(items: &[Jurisdiction]) -> String {
    items.iter().map(|j| j.to_string()).collect::<Vec<_>>().join(", ")
}

/// Why an export could not be written.
#[derive(Debug)]
pub struct ExportError(pub String);

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ExportError {}

/// Writes the record in `format`.
pub fn export(ropa: &Ropa, format: Format) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Csv => to_csv(ropa),
        Format::Xlsx => to_xlsx(ropa),
        Format::Json => Ok(to_json(ropa).into_bytes()),
    }
}

fn all_cells(ropa: &Ropa, row: &Row) -> Vec<String> {
    ropa.columns.iter().map(|c| row.get(ropa.columns, c.key).unwrap_or_default()).collect()
}

/// The record as CSV: a header row, then one row per activity.
pub fn to_csv(ropa: &Ropa) -> Result<Vec<u8>, ExportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| ExportError(format!("cannot write CSV: {e}"));
    writer.write_record(ropa.columns.iter().map(|c| c.header)).map_err(fail)?;
    for row in &ropa.rows {
        writer.write_record(all_cells(ropa, row).iter().map(|c| neutralize_formula(c))).map_err(fail)?;
    }
    writer.into_inner().map_err(|e| ExportError(format!("cannot write CSV: {e}")))
}

/// Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as
/// a formula (CSV injection); a manifest's text must stay text, so such a
/// cell gets a leading apostrophe, which spreadsheets hide.
fn neutralize_formula(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// The record as an XLSX workbook: one sheet named after the law, a bold
/// header row frozen with the activity columns, set widths, wrapped text.
/// Cells are written as strings, never as formulas.
pub fn to_xlsx(ropa: &Ropa) -> Result<Vec<u8>, ExportError> {
    use rust_xlsxwriter::{Color, Format as XFormat, FormatAlign, FormatBorder, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| ExportError(format!("cannot write XLSX: {e}"));
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let name = match ropa.variant {
        Variant::Gdpr => "RoPA GDPR Art. 30",
        Variant::Lgpd => "Registro LGPD Art. 37",
        Variant::Fz152 => "152-FZ Art. 22(3)",
    };
    sheet.set_name(name).map_err(fail)?;
    let header = XFormat::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xDDE6F0))
        .set_border(FormatBorder::Thin);
    let body = XFormat::new().set_text_wrap().set_align(FormatAlign::Top).set_border(FormatBorder::Thin);
    let missing = body.clone().set_font_color(Color::RGB(0xA00000));
    for (c, column) in ropa.columns.iter().enumerate() {
        let c = u16::try_from(c).map_err(|_| ExportError("too many columns".into()))?;
        sheet.set_column_width(c, column.width).map_err(fail)?;
        sheet.write_string_with_format(0, c, column.header, &header).map_err(fail)?;
    }
    for (r, row) in ropa.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| ExportError("too many activities for one sheet".into()))?;
        for (c, (column, cell)) in ropa.columns.iter().zip(all_cells(ropa, row)).enumerate() {
            let c = u16::try_from(c).map_err(|_| ExportError("too many columns".into()))?;
            let format = if column.key == "missing" { &missing } else { &body };
            // Excel refuses cells over 32,767 characters.
            let cell: String = cell.chars().take(32_000).collect();
            sheet.write_string_with_format(r, c, &cell, format).map_err(fail)?;
        }
    }
    // Keep the header and the activity's id and name in view.
    sheet.set_freeze_panes(1, 2).map_err(fail)?;
    let last_col = u16::try_from(ropa.columns.len().saturating_sub(1)).unwrap_or(0);
    let last_row = u32::try_from(ropa.rows.len()).unwrap_or(u32::MAX);
    if !ropa.rows.is_empty() {
        sheet.autofilter(0, 0, last_row, last_col).map_err(fail)?;
    }
    workbook.save_to_buffer().map_err(fail)
}

/// The record as JSON: `{"variant", "citation", "columns": [{key, header}],
/// "activities": [{<key>: text, …, "missing": [keys]}]}`.
pub fn to_json(ropa: &Ropa) -> String {
    let columns: Vec<Value> =
        ropa.columns.iter().map(|c| serde_json::json!({ "key": c.key, "header": c.header })).collect();
    let activities: Vec<Value> = ropa
        .rows
        .iter()
        .map(|row| {
            let mut object = Map::new();
            for (column, cell) in ropa.columns.iter().filter(|c| c.key != "missing").zip(&row.cells) {
                object.insert(column.key.to_string(), Value::String(cell.clone()));
            }
            object.insert("missing".to_string(), Value::from(row.missing.clone()));
            Value::Object(object)
        })
        .collect();
    let value = serde_json::json!({
        "variant": ropa.variant.as_str(),
        "citation": ropa.variant.citation(),
        "columns": columns,
        "activities": activities,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}
