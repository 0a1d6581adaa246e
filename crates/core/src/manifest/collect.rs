//! Every structural problem of a manifest at once.
//!
//! serde stops at the first error. When it does, this module walks the TOML
//! syntax tree against the manifest's own JSON Schema (generated from the model,
//! so the two cannot drift) and reports every unknown key, wrong type, missing
//! field and bad value, each at its span. Values of juris's own types
//! (jurisdictions, taxonomy keys, dates, durations) are judged by their serde
//! implementations, so the messages and suggestions are the same as serde's.
//!
//! The walk visits each node of the tree once: its cost is linear in the size
//! of the manifest, whatever the number of problems.

use std::ops::Range;

use serde::Deserialize;
use serde_json::Value;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::jurisdiction::Jurisdiction;
use crate::manifest::{ConsentScope, IsoDate, IsoDuration};
use crate::taxonomy::{DataCategory, DataSubject, DataUse};

/// A problem found by the walk: the span it is about, and the message.
pub(super) type Problem = (Range<usize>, String);

/// Walks `root` against the manifest schema and returns every problem found.
pub(super) fn problems(root: &Spanned<DeTable<'_>>) -> Vec<Problem> {
    let schema = super::Manifest::json_schema();
    let walker = Walker { definitions: schema.get("definitions").cloned().unwrap_or(Value::Null) };
    let mut out = Vec::new();
    walker.table(root.get_ref(), root.span(), &schema, &mut out);
    out.sort_by_key(|(span, _)| (span.start, span.end));
    out
}

struct Walker {
    definitions: Value,
}

/// What a TOML value is, in the words of the messages.
fn kind(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// Deserializes `value` as `T`, returning serde's message on failure.
fn leaf<'de, T: Deserialize<'de>>(value: &Spanned<DeValue<'de>>) -> Option<(Option<Range<usize>>, String)> {
    T::deserialize(ValueDeserializer::from(value.clone())).err().map(|e| (e.span(), e.message().trim().to_string()))
}

impl Walker {
    fn resolve<'s>(&'s self, schema: &'s Value) -> (&'s Value, Option<&'s str>) {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(reference) => {
                let name = reference.rsplit('/').next().unwrap_or(reference);
                (self.definitions.get(name).unwrap_or(&Value::Null), Some(name))
            }
            None => (schema, None),
        }
    }

    fn value(&self, value: &Spanned<DeValue<'_>>, anchor: Range<usize>, schema: &Value, out: &mut Vec<Problem>) {
        let (schema, name) = self.resolve(schema);
        // juris's own value types: their serde implementations say what is wrong.
        let judged = match name {
            Some("Jurisdiction") => Some(leaf::<Jurisdiction>(value)),
            Some("DataUse") => Some(leaf::<DataUse>(value)),
            Some("DataCategory") => Some(leaf::<DataCategory>(value)),
            Some("DataSubject") => Some(leaf::<DataSubject>(value)),
            Some("IsoDate") => Some(leaf::<IsoDate>(value)),
            Some("IsoDuration") => Some(leaf::<IsoDuration>(value)),
            _ => None,
        };
        if let Some(problem) = judged {
            if let Some((span, message)) = problem {
                out.push((span.unwrap_or_else(|| value.span()), message));
            }
            return;
        }
        for key in ["allOf", "anyOf", "oneOf"] {
            if let Some(branches) = schema.get(key).and_then(Value::as_array) {
                return self.branches(value, anchor, branches, out);
            }
        }
        if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
            let names: Vec<&str> = allowed.iter().filter_map(Value::as_str).collect();
            return variant(value, &names, out);
        }
        let types: Vec<&str> = match schema.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => return,
        };
        let inner = value.get_ref();
        let expected = types.iter().copied().find(|t| *t != "null").unwrap_or("null");
        match (expected, inner) {
            ("object", DeValue::Table(table)) => self.table(table, anchor, schema, out),
            ("array", DeValue::Array(items)) => {
                let item_schema = schema.get("items").unwrap_or(&Value::Null);
                for item in items.iter() {
                    let span = item.span();
                    self.value(item, span, item_schema, out);
                }
            }
            ("string", DeValue::String(_)) | ("boolean", DeValue::Boolean(_)) => {}
            ("number", DeValue::Float(_) | DeValue::Integer(_)) => {}
            ("integer", DeValue::Integer(_)) => {
                let problem = match schema.get("format").and_then(Value::as_str).unwrap_or("int64") {
                    "uint8" => leaf::<u8>(value),
                    "uint16" => leaf::<u16>(value),
                    "uint32" => leaf::<u32>(value),
                    "uint" | "uint64" => leaf::<u64>(value),
                    _ => leaf::<i64>(value),
                };
                if let Some((span, message)) = problem {
                    out.push((span.unwrap_or_else(|| value.span()), message));
                }
            }
            (expected, found) => {
                let want = match expected {
                    "object" => "a table",
                    "array" => "an array",
                    "string" => "a string",
                    "boolean" => "a boolean (true or false)",
                    "integer" => "an integer",
                    "number" => "a number",
                    _ => "a value",
                };
                out.push((value.span(), format!("invalid type: {}, expected {want}", kind(found))));
            }
        }
    }

    /// `allOf`/`anyOf`/`oneOf`: one branch of constants is an enum; otherwise
    /// the branch whose type fits the value (TOML has no null, so an option is
    /// its non-null branch).
    fn branches(&self, value: &Spanned<DeValue<'_>>, anchor: Range<usize>, branches: &[Value], out: &mut Vec<Problem>) {
        let constants: Vec<&str> = branches.iter().filter_map(|b| b.get("const").and_then(Value::as_str)).collect();
        if !constants.is_empty() && constants.len() == branches.len() {
            return variant(value, &constants, out);
        }
        let non_null: Vec<&Value> = branches.iter().filter(|b| b.get("type") != Some(&Value::from("null"))).collect();
        if let Some(branch) = non_null.first() {
            self.value(value, anchor, branch, out);
        }
    }

    fn table(&self, table: &DeTable<'_>, anchor: Range<usize>, schema: &Value, out: &mut Vec<Problem>) {
        let empty = serde_json::Map::new();
        let properties = schema.get("properties").and_then(Value::as_object).unwrap_or(&empty);
        let patterns = schema.get("patternProperties").and_then(Value::as_object);
        let additional = schema.get("additionalProperties");
        for (key, value) in table.iter() {
            let name: &str = key.get_ref().as_ref();
            let key_span = key.span();
            // A `[table]` header's value spans the whole table; point at its key.
            let anchor = if value.get_ref().is_table() { key_span.clone() } else { value.span() };
            if let Some(property) = properties.get(name) {
                self.value(value, anchor, property, out);
            } else if let Some((pattern, property)) = patterns.and_then(|p| p.iter().next()) {
                // Maps keyed by jurisdiction (the only pattern the model uses);
                // `[consent]` also takes `default`.
                let problem = if pattern.contains("default") {
                    ConsentScope::deserialize(toml::de::ValueDeserializer::from(Spanned::new(
                        key_span.clone(),
                        DeValue::String(name.to_string().into()),
                    )))
                    .err()
                    .map(|e| e.message().trim().to_string())
                } else {
                    name.parse::<Jurisdiction>().err().map(|e| e.to_string())
                };
                match problem {
                    Some(message) => out.push((key_span, message)),
                    None => self.value(value, anchor, property, out),
                }
            } else {
                match additional {
                    Some(Value::Bool(false)) => {
                        let known: Vec<&str> = properties.keys().map(String::as_str).collect();
                        out.push((key_span, unknown_field(name, &known)));
                    }
                    Some(property @ Value::Object(_)) => self.value(value, anchor, property, out),
                    _ => {}
                }
            }
        }
        if let Some(required) = schema.get("required").and_then(Value::as_array) {
            for field in required.iter().filter_map(Value::as_str) {
                if !table.iter().any(|(k, _)| AsRef::<str>::as_ref(k.get_ref()) == field) {
                    out.push((anchor.clone(), format!("missing field `{field}`")));
                }
            }
        }
    }
}

/// The message for an unknown key: serde's, with the closest known key.
pub(super) fn unknown_field(name: &str, known: &[&str]) -> String {
    let list: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
    let hint = crate::suggest::closest(name, known.iter().copied(), 3)
        .map(|k| format!("; did you mean `{k}`?"))
        .unwrap_or_default();
    format!("unknown field `{name}`, expected one of {}{hint}", list.join(", "))
}

/// A string that must be one of `names`.
fn variant(value: &Spanned<DeValue<'_>>, names: &[&str], out: &mut Vec<Problem>) {
    match value.get_ref() {
        DeValue::String(s) if names.contains(&s.as_ref()) => {}
        DeValue::String(s) => {
            let given: &str = s.as_ref();
            let list: Vec<String> = names.iter().map(|k| format!("`{k}`")).collect();
            let hint = crate::suggest::closest(given, names.iter().copied(), 3)
                .map(|k| format!("; did you mean `{k}`?"))
                .unwrap_or_default();
            out.push((value.span(), format!("unknown variant `{given}`, expected one of {}{hint}", list.join(", "))));
        }
        other => out.push((value.span(), format!("invalid type: {}, expected a string", kind(other)))),
    }
}
