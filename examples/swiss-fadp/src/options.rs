//! The module's own manifest table, `[modules.ch]`: facts the shared manifest
//! has no field for.
//!
//! ```toml
//! [modules.ch]
//! notice_transfer_countries = ["US", "IN"]  # FADP Art. 19(4): countries named in the privacy notice
//! processing_large_scale = true             # FADP Art. 14(1)(b), Art. 22(2)(a); DPO Art. 24(a)
//! processing_regular = true                 # FADP Art. 14(1)(c)
//! processing_high_risk = false              # FADP Art. 14(1)(d)
//! high_risk_profiling = false               # DPO Art. 24(b)
//! ```
//!
//! Every key is optional. A fact left out is read conservatively: each rule's
//! documentation says how. The table is read from the manifest's JSON with
//! `serde_json` (re-exported by juris-core), so the module needs no other
//! dependency; a table that does not have this shape is reported by
//! `ch/module-options`, and the other rules then run on the defaults.

use juris_core::serde_json::Value;
use juris_core::{Jurisdiction, Manifest};

/// `[modules.ch]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The countries the privacy notice names as destinations of disclosures
    /// abroad (FADP Art. 19(4)).
    pub notice_transfer_countries: Vec<Jurisdiction>,
    /// Whether personal data is processed on a large scale.
    pub processing_large_scale: Option<bool>,
    /// Whether it is processed regularly (not occasionally).
    pub processing_regular: Option<bool>,
    /// Whether the processing poses a high risk to the personality of the
    /// persons concerned.
    pub processing_high_risk: Option<bool>,
    /// Whether high-risk profiling is carried out (FADP Art. 5(g)).
    pub high_risk_profiling: Option<bool>,
}

/// The keys the table may have.
pub const KEYS: [&str; 5] = [
    "notice_transfer_countries",
    "processing_large_scale",
    "processing_regular",
    "processing_high_risk",
    "high_risk_profiling",
];

/// The table parsed, or why it does not parse (with the manifest path of the
/// offending key). `Ok(None)` when the manifest has no `[modules.ch]`.
pub fn parse(manifest: &Manifest) -> Result<Option<Options>, (String, String)> {
    let Some(value) = manifest.module_options(crate::ID) else { return Ok(None) };
    let table_path = format!("modules.{}", crate::ID);
    let Value::Object(table) = value else {
        return Err((table_path, "`[modules.ch]` must be a table".to_string()));
    };
    let mut options = Options::default();
    for (key, value) in table {
        let path = format!("{table_path}.{key}");
        let flag = |v: &Value| v.as_bool().ok_or_else(|| (path.clone(), format!("`{key}` must be true or false")));
        match key.as_str() {
            "notice_transfer_countries" => {
                let items = value.as_array().ok_or_else(|| {
                    (path.clone(), "`notice_transfer_countries` must be a list of country codes".to_string())
                })?;
                for (i, item) in items.iter().enumerate() {
                    let code = item.as_str().unwrap_or_default();
                    let place = code.parse::<Jurisdiction>().map_err(|e| (format!("{path}[{i}]"), e.to_string()))?;
                    options.notice_transfer_countries.push(place);
                }
            }
            "processing_large_scale" => options.processing_large_scale = Some(flag(value)?),
            "processing_regular" => options.processing_regular = Some(flag(value)?),
            "processing_high_risk" => options.processing_high_risk = Some(flag(value)?),
            "high_risk_profiling" => options.high_risk_profiling = Some(flag(value)?),
            other => {
                let hint = juris_core::suggest::closest(other, KEYS.iter().copied(), 3)
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                return Err((path.clone(), format!("unknown key `{other}` in `[modules.ch]`{hint}")));
            }
        }
    }
    Ok(Some(options))
}

/// The table, or the defaults when it is absent or malformed.
pub fn of(manifest: &Manifest) -> Options {
    parse(manifest).ok().flatten().unwrap_or_default()
}
