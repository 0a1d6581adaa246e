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
//! documentation says how. The type derives `Deserialize` and `JsonSchema`
//! through juris-core's re-exports, so the module needs no other dependency;
//! juris-core reports a table that does not have this shape under
//! `ch/module-options` (with "did you mean"), and the rules then read the
//! defaults.

use juris_core::Jurisdiction;
use juris_core::schemars::JsonSchema;
use juris_core::serde::Deserialize;

/// `[modules.ch]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(crate = "juris_core::serde", default, deny_unknown_fields)]
#[schemars(crate = "juris_core::schemars")]
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
