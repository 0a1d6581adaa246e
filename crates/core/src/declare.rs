//! A module declared by its parts: implement [`Module`] and juris-core does
//! the plumbing (the blanket implementation of [`RegionalModule`]).
//!
//! A module states its id, name, version, jurisdictions, laws and rules, the
//! type of its `[modules.<id>]` table, and, if it has any, its deadlines and
//! its answer to `juris resolve`. juris-core then:
//!
//! - describes it (`describe`), with the options table's JSON Schema;
//! - runs its rules in force on the as-of date (`check`), with the options
//!   parsed once and reachable from every rule as [`CheckContext::options`];
//! - adds the rule `<id>/module-options`, which reports a malformed
//!   `[modules.<id>]` table key by key, with "did you mean" from the schema;
//! - sorts the plan's obligations in the order they fall due and removes
//!   repeated warnings.
//!
//! ```text
//! #[derive(Default)]
//! pub struct Acme;
//! impl juris_core::Module for Acme {
//!     const ID: &'static str = "acme";
//!     const NAME: &'static str = "Acme";
//!     const VERSION: &'static str = env!("CARGO_PKG_VERSION");
//!     type Options = options::Options;
//!     fn jurisdictions(&self) -> Vec<Jurisdiction> { vec![jurisdiction::country("XA")] }
//!     fn laws(&self) -> Vec<Law> { vec![Law::new("Acme Data Act", date(2026, 12, 1))] }
//!     fn rules(&self) -> &'static [&'static Rule] { rules::ALL }
//! }
//! juris_core::export_module!(Acme);
//! ```

use std::any::Any;

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::jurisdiction::Jurisdiction;
use crate::manifest::Manifest;
use crate::module::{
    CheckContext, EventContext, Finding, Law, ModuleInfo, NoticeItems, NoticeRequest, Plan, RegionalModule, Resolution,
    ResolveContext,
};
use crate::rule::{self, Rule, RuleMeta, Severity};
use jiff::civil::Date;

/// A regional module, declared. See the [module documentation](self).
pub trait Module: Default + Send + Sync + 'static {
    /// Short id, e.g. `eea-uk`: lowercase letters, digits and `-`. Every rule
    /// id starts with it.
    const ID: &'static str;
    /// Human-readable name.
    const NAME: &'static str;
    /// The module's own version: `env!("CARGO_PKG_VERSION")`.
    const VERSION: &'static str;
    /// The type of the module's `[modules.<id>]` table: every field with a
    /// default (`#[serde(default)]` on the struct), `deny_unknown_fields`, and
    /// doc comments, which become the table's documentation. `()` for none.
    type Options: DeserializeOwned + JsonSchema + Default + Send + Sync + 'static;

    /// The jurisdictions whose law the module encodes.
    fn jurisdictions(&self) -> Vec<Jurisdiction>;
    /// The laws encoded, each with the date the module's reading is current to.
    fn laws(&self) -> Vec<Law>;
    /// Every rule, in the order `juris rules` lists them.
    fn rules(&self) -> &'static [&'static Rule];

    /// The dated duties an event triggers. The plan is put in the order the
    /// duties fall due afterwards.
    fn obligations(&self, ctx: &EventContext, options: &Self::Options) -> Plan {
        let _ = (ctx, options);
        Plan::default()
    }

    /// What the module's law says about a person in a jurisdiction.
    fn resolve(&self, ctx: &ResolveContext, options: &Self::Options) -> Resolution {
        let _ = (ctx, options);
        Resolution::default()
    }

    /// The holiday calendars the module counts deadlines on, shipped as data
    /// (`juris calendar` shows them).
    fn calendars(&self) -> Option<&crate::calendar::Calendars> {
        None
    }

    /// The module's notice items file (docs/notice.md), shipped as data:
    /// `Some(include_str!("../notice/items.toml"))`.
    fn notice_items(&self) -> Option<&'static str> {
        None
    }

    /// Which notice items apply to the organisation the manifest describes,
    /// and why not: recorded with [`NoticeItems::set`]. Items left unset apply.
    fn notice_applicability(&self, manifest: &Manifest, options: &Self::Options, as_of: Date, items: &mut NoticeItems) {
        let _ = (manifest, options, as_of, items);
    }
}

impl<M: Module> RegionalModule for M {
    fn describe(&self) -> ModuleInfo {
        // Built once: schemars takes a noticeable part of a plugin's start-up.
        let schema = options_schema::<M::Options>();
        let mut rules: Vec<RuleMeta> = self.rules().iter().map(|r| r.meta()).collect();
        let mut options = options_rule::<M>(self.rules());
        options.docs = options_rule_docs::<M>(&schema);
        rules.push(options);
        ModuleInfo { options: Some(schema), ..description::<M>(self, rules) }
    }

    fn describe_brief(&self) -> ModuleInfo {
        // No pages and no options schema: neither is built, not only left out.
        let mut rules: Vec<RuleMeta> = self.rules().iter().map(|r| r.meta_brief()).collect();
        rules.push(options_rule::<M>(self.rules()));
        description::<M>(self, rules)
    }

    fn check(&self, ctx: &CheckContext) -> Vec<Finding> {
        ctx.scope_to(M::ID);
        let mut findings = rule::run(self.rules(), ctx);
        if law_start(self.rules()).is_some_and(|start| ctx.as_of < start) {
            return findings;
        }
        let id = format!("{}/module-options", M::ID);
        findings.extend(options_problems::<M::Options>(&ctx.manifest, M::ID).into_iter().map(
            |(path, message, help)| Finding {
                rule: id.clone(),
                severity: Severity::Error,
                message,
                path,
                help: Some(help),
            },
        ));
        findings
    }

    fn obligations(&self, ctx: &EventContext) -> Plan {
        let options = ctx.manifest.as_ref().map(|m| options_of::<M::Options>(m, M::ID)).unwrap_or_default();
        let mut plan = Module::obligations(self, ctx, &options);
        plan.sort();
        for obligation in &mut plan.obligations {
            let mut seen = std::collections::HashSet::new();
            obligation.warnings.retain(|w| seen.insert(w.clone()));
        }
        plan
    }

    fn resolve(&self, ctx: &ResolveContext) -> Resolution {
        let options = options_of::<M::Options>(&ctx.manifest, M::ID);
        Module::resolve(self, ctx, &options)
    }

    fn notice_items(&self, request: &NoticeRequest) -> Option<NoticeItems> {
        let mut items = NoticeItems { items: Module::notice_items(self)?.to_string(), ..NoticeItems::default() };
        if let Some(manifest) = &request.manifest {
            let options = options_of::<M::Options>(manifest, M::ID);
            self.notice_applicability(manifest, &options, request.as_of, &mut items);
        }
        Some(items)
    }

    fn calendars(&self) -> Vec<crate::calendar::CalendarInfo> {
        Module::calendars(self).map(|set| set.iter().map(|c| c.info()).collect()).unwrap_or_default()
    }

    fn calendar(&self, request: &crate::calendar::CalendarRequest) -> Option<crate::calendar::CalendarYear> {
        let set = Module::calendars(self)?;
        let calendar = match &request.calendar {
            Some(id) => set.get(id)?,
            None => set.for_place(&request.jurisdiction)?,
        };
        Some(calendar.year(&request.jurisdiction, request.year))
    }
}

/// The table `[modules.<id>]` read as `T`: the defaults when it is absent or
/// malformed (the `<id>/module-options` rule reports a malformed table).
pub fn options_of<T: DeserializeOwned + Default>(manifest: &Manifest, id: &str) -> T {
    manifest.module_table::<T>(id).ok().flatten().unwrap_or_default()
}

/// The JSON Schema of an options type (draft 07, as the manifest's).
pub fn options_schema<T: JsonSchema>() -> Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    serde_json::to_value(generator.into_root_schema_for::<T>()).unwrap_or_default()
}

/// The keys of an options type's table, from its schema.
fn option_keys(schema: &Value) -> Vec<String> {
    schema.get("properties").and_then(Value::as_object).map(|p| p.keys().cloned().collect()).unwrap_or_default()
}

/// What is wrong with `[modules.<id>]`, key by key: (path, message, help).
/// Empty when the table is absent or reads as `T`.
pub fn options_problems<T: DeserializeOwned + JsonSchema>(
    manifest: &Manifest,
    id: &str,
) -> Vec<(String, String, String)> {
    let Some(table) = manifest.module_options(id) else { return Vec::new() };
    if T::deserialize(table).is_ok() {
        return Vec::new();
    }
    let schema = options_schema::<T>();
    let keys = option_keys(&schema);
    let help = format!("see `juris explain {id}/module-options` for the keys and their types");
    let Some(entries) = table.as_object() else {
        return vec![(format!("modules.{id}"), format!("`[modules.{id}]` must be a table"), help)];
    };
    let mut out = Vec::new();
    for (key, value) in entries {
        let path = format!("modules.{id}.{}", crate::path::quote_key(key));
        if !keys.iter().any(|k| k == key) {
            let hint = crate::suggest::closest_or_prefix(key, keys.iter().map(String::as_str), 3)
                .map(|k| format!("; did you mean `{k}`?"))
                .unwrap_or_default();
            let known: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
            out.push((
                path,
                format!("`[modules.{id}]` has no key `{key}`{hint}"),
                format!("the keys are {}", if known.is_empty() { "none".to_string() } else { known.join(", ") }),
            ));
            continue;
        }
        // Every field has a default, so a table of this one key reads as `T`
        // unless the key's own value is wrong.
        let single = Value::Object([(key.clone(), value.clone())].into_iter().collect());
        if let Err(error) = T::deserialize(&single) {
            out.push((path, format!("`[modules.{id}]` key `{key}` is malformed: {error}"), help.clone()));
        }
    }
    if out.is_empty() {
        // Something only the whole table shows (a key required by a nested
        // type, say): report serde's own message.
        if let Err(error) = T::deserialize(table) {
            out.push((format!("modules.{id}"), format!("`[modules.{id}]` is malformed: {error}"), help));
        }
    }
    out
}

/// The documentation of an options table as Markdown: one row per key with
/// its type and description, from the JSON Schema.
pub fn options_table_docs(id: &str, schema: &Value) -> String {
    let properties = schema.get("properties").and_then(Value::as_object);
    let Some(properties) = properties.filter(|p| !p.is_empty()) else {
        return format!("`[modules.{id}]` has no keys.\n");
    };
    let definitions = schema.get("definitions").or_else(|| schema.get("$defs"));
    let mut out = String::from("| key | type | |\n|---|---|---|\n");
    for (key, property) in properties {
        let description = property
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or("")
            .split("\n\n")
            .next()
            .unwrap_or("")
            .replace('\n', " ")
            .replace('|', "\\|");
        out.push_str(&format!("| `{key}` | {} | {description} |\n", type_name(property, definitions)));
    }
    out
}

/// A short name for a schema's type: `boolean`, `integer`, `table of … → …`.
fn type_name(schema: &Value, definitions: Option<&Value>) -> String {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next().unwrap_or(reference);
        return match definitions.and_then(|d| d.get(name)) {
            Some(def) if def.get("oneOf").is_some() || def.get("enum").is_some() => enum_names(def),
            Some(def) if def.get("properties").is_some() => table_keys(def),
            Some(def) if name == "Jurisdiction" => {
                let _ = def;
                "jurisdiction".to_string()
            }
            Some(def) => type_name(def, definitions),
            None => name.to_string(),
        };
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        if let Some(branches) = schema.get(key).and_then(Value::as_array) {
            if key == "oneOf" && branches.iter().all(|b| b.get("const").is_some()) {
                return enum_names(schema);
            }
            if let Some(branch) = branches.iter().find(|b| b.get("type") != Some(&Value::from("null"))) {
                return type_name(branch, definitions);
            }
        }
    }
    if schema.get("enum").is_some() {
        return enum_names(schema);
    }
    let kind = match schema.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null").unwrap_or("").to_string(),
        _ => String::new(),
    };
    match kind.as_str() {
        "array" => format!("list of {}", schema.get("items").map_or("values".into(), |i| type_name(i, definitions))),
        "object" => {
            if let Some(values) =
                schema.get("patternProperties").and_then(Value::as_object).and_then(|p| p.values().next())
            {
                format!("table of jurisdiction → {}", type_name(values, definitions))
            } else if let Some(values) = schema.get("additionalProperties").filter(|a| a.is_object()) {
                format!("table of name → {}", type_name(values, definitions))
            } else if schema.get("properties").is_some() {
                table_keys(schema)
            } else {
                "table".to_string()
            }
        }
        "" => "value".to_string(),
        "integer" => format!("integer, {}", integer_range(schema)),
        "number" => match (schema.get("minimum"), schema.get("maximum")) {
            (Some(min), Some(max)) => format!("number, {min} to {max}"),
            (Some(min), None) => format!("number, at least {min}"),
            _ => "number".to_string(),
        },
        other => other.to_string(),
    }
}

/// The range an integer option takes: its schema's bounds, else its Rust
/// type's (`uint8` is 0 to 255), within TOML's integers (64-bit signed).
fn integer_range(schema: &Value) -> String {
    let by_format: Option<(i128, i128)> = match schema.get("format").and_then(Value::as_str) {
        Some("uint8") => Some((0, u8::MAX.into())),
        Some("uint16") => Some((0, u16::MAX.into())),
        Some("uint32") => Some((0, u32::MAX.into())),
        Some("uint64" | "uint") => Some((0, i64::MAX.into())),
        Some("int8") => Some((i8::MIN.into(), i8::MAX.into())),
        Some("int16") => Some((i16::MIN.into(), i16::MAX.into())),
        Some("int32") => Some((i32::MIN.into(), i32::MAX.into())),
        Some("int64" | "int") => Some((i64::MIN.into(), i64::MAX.into())),
        _ => None,
    };
    let bound = |key: &str| {
        let value = schema.get(key)?;
        value.as_i64().map(i128::from).or_else(|| value.as_u64().map(i128::from))
    };
    let min = bound("minimum").or(by_format.map(|(lo, _)| lo)).map(|m| m.max(i64::MIN.into()));
    let max = bound("maximum").or(by_format.map(|(_, hi)| hi)).map(|m| m.min(i64::MAX.into()));
    match (min, max) {
        (Some(min), Some(max)) => format!("{min} to {max}"),
        (Some(min), None) => format!("at least {min}"),
        (None, Some(max)) => format!("at most {max}"),
        (None, None) => "any".to_string(),
    }
}

/// `table with `a`, `b``: a nested table and its keys.
fn table_keys(schema: &Value) -> String {
    let keys: Vec<String> = option_keys(schema).iter().map(|k| format!("`{k}`")).collect();
    if keys.is_empty() { "table".to_string() } else { format!("table with {}", keys.join(", ")) }
}

fn enum_names(schema: &Value) -> String {
    let names: Vec<String> = match schema.get("enum").and_then(Value::as_array) {
        Some(values) => values.iter().filter_map(Value::as_str).map(|v| format!("`{v}`")).collect(),
        None => schema
            .get("oneOf")
            .and_then(Value::as_array)
            .map(|bs| {
                bs.iter().filter_map(|b| b.get("const").and_then(Value::as_str)).map(|v| format!("`{v}`")).collect()
            })
            .unwrap_or_default(),
    };
    names.join(" \\| ")
}

/// A declared module's description with `rules`, and no options schema.
fn description<M: Module>(module: &M, rules: Vec<RuleMeta>) -> ModuleInfo {
    ModuleInfo {
        id: M::ID.to_string(),
        name: M::NAME.to_string(),
        version: M::VERSION.to_string(),
        jurisdictions: module.jurisdictions(),
        laws: module.laws(),
        rules,
        core_version: crate::CORE_VERSION.to_string(),
        options: None,
    }
}

/// The first day any of the module's rules applies: the options rule is in
/// force with the module's law, so it too is silent before it.
fn law_start(rules: &[&Rule]) -> Option<Date> {
    rules.iter().filter_map(|r| r.in_force.from).min()
}

/// The rule juris-core adds to every declared module: a malformed
/// `[modules.<id>]` table. Its page is [`options_rule_docs`].
fn options_rule<M: Module>(rules: &[&Rule]) -> RuleMeta {
    let id = M::ID;
    RuleMeta {
        id: format!("{id}/module-options"),
        title: format!("Malformed [modules.{id}] table"),
        citation: format!("juris manifest schema 1, `[modules.{id}]` table (facts only the {} module reads)", M::NAME),
        severity: Severity::Error,
        in_force_from: law_start(rules),
        in_force_until: None,
        docs: String::new(),
    }
}

/// The options rule's page, with the keys of the module's table.
fn options_rule_docs<M: Module>(schema: &Value) -> String {
    let id = M::ID;
    let table = options_table_docs(id, schema);
    format!(
        "
## What it does
Reads `[modules.{id}]`, the table of facts only the {name} module uses,
and reports each key it does not know (with the nearest known key) and each
value of the wrong type. While the table is malformed, the other rules read
the defaults.

The keys:

{table}
## Why
Every table of a juris manifest refuses unknown keys, so that a typo is an
error rather than a setting silently ignored: a mistyped switch here would
otherwise change which law the module applies without anyone noticing.

## Example
```toml
[modules.{id}]
no_such_key = true
```

## How to fix
Use the keys and types above.
",
        name = M::NAME
    )
}

/// The options a rule reads, parsed once per check. Set by the declared
/// module's `check`; see [`CheckContext::options`].
#[derive(Default)]
pub struct OptionsCache {
    module: std::sync::OnceLock<&'static str>,
    value: std::sync::OnceLock<Box<dyn Any + Send + Sync>>,
    /// What [`CheckContext::memo`] keeps, one value per type.
    memo: std::sync::Mutex<Vec<std::sync::Arc<dyn Any + Send + Sync>>>,
}

impl Clone for OptionsCache {
    /// A clone starts with nothing computed: the copy may be changed before
    /// it is checked.
    fn clone(&self) -> Self {
        let clone = OptionsCache::default();
        if let Some(id) = self.module.get() {
            let _ = clone.module.set(id);
        }
        clone
    }
}

impl std::fmt::Debug for OptionsCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OptionsCache").field("module", &self.module.get()).finish_non_exhaustive()
    }
}

impl CheckContext {
    /// A context for checking `manifest` as of `as_of`.
    pub fn new(manifest: Manifest, as_of: jiff::civil::Date) -> Self {
        CheckContext { manifest, as_of, evidence: None, cache: OptionsCache::default() }
    }

    /// A value computed from the context once per check and shared by every
    /// rule that asks for it, one per type: a module's applicability per
    /// activity, say, which each of its rules would otherwise recompute for
    /// every activity (ten rules, a hundred thousand activities).
    ///
    /// `build` may itself ask for other memos. Should two threads ask at
    /// once, both may build, and the first value stored is the one kept.
    pub fn memo<T: Send + Sync + 'static>(&self, build: impl FnOnce(&CheckContext) -> T) -> std::sync::Arc<T> {
        let find = |kept: &[std::sync::Arc<dyn Any + Send + Sync>]| {
            kept.iter().find_map(|value| std::sync::Arc::clone(value).downcast::<T>().ok())
        };
        {
            let kept = self.cache.memo.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Some(value) = find(&kept) {
                return value;
            }
        }
        // Built without the lock held, so that `build` can ask for other memos.
        let built = std::sync::Arc::new(build(self));
        let mut kept = self.cache.memo.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(value) = find(&kept) {
            return value;
        }
        kept.push(built.clone());
        built
    }

    /// Says which module's `[modules.<id>]` table [`options`](Self::options)
    /// reads. The declared module's `check` does this.
    pub fn scope_to(&self, module: &'static str) {
        let _ = self.cache.module.set(module);
    }

    /// The module's `[modules.<id>]` table as its options type, parsed on the
    /// first call of the check and kept: the defaults when the table is absent
    /// or malformed (the `<id>/module-options` rule reports it).
    ///
    /// # Panics
    /// When called with two different types in one check, a programming error
    /// the module's tests catch.
    pub fn options<T: DeserializeOwned + Default + Send + Sync + 'static>(&self) -> &T {
        &self.parsed_options::<T>().0
    }

    /// Whether the module's `[modules.<id>]` table is present but malformed
    /// (so [`options`](Self::options) gave the defaults): rules that would
    /// only repeat what `<id>/module-options` reports can stay silent.
    pub fn options_malformed<T: DeserializeOwned + Default + Send + Sync + 'static>(&self) -> bool {
        self.parsed_options::<T>().1
    }

    fn parsed_options<T: DeserializeOwned + Default + Send + Sync + 'static>(&self) -> &(T, bool) {
        let value = self.cache.value.get_or_init(|| {
            let parsed: (T, bool) = match self.cache.module.get() {
                Some(id) => match self.manifest.module_table::<T>(id) {
                    Ok(table) => (table.unwrap_or_default(), false),
                    Err(_) => (T::default(), true),
                },
                None => (T::default(), false),
            };
            Box::new(parsed)
        });
        value.downcast_ref::<(T, bool)>().expect("CheckContext::options is read as one type per module")
    }
}

#[cfg(test)]
mod memo_tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_memo_is_built_once_per_type_and_not_carried_by_clones() {
        let manifest: Manifest = toml::from_str("manifest = 1\n[organization]\nname = \"Acme\"\n").expect("a manifest");
        let ctx = CheckContext::new(manifest, jiff::civil::date(2026, 12, 3));
        let builds = AtomicUsize::new(0);
        let count = |ctx: &CheckContext| {
            builds.fetch_add(1, Ordering::SeqCst);
            ctx.manifest.activities.len()
        };
        assert_eq!(*ctx.memo(count), 0);
        assert_eq!(*ctx.memo(count), 0);
        assert_eq!(builds.load(Ordering::SeqCst), 1);
        // Another type is another memo, and building one may ask for another.
        let name = ctx.memo(|ctx| format!("{} with {}", ctx.manifest.organization.name, ctx.memo(count)));
        assert_eq!(name.as_str(), "Acme with 0");
        assert_eq!(builds.load(Ordering::SeqCst), 1);
        // A clone may be changed before it is checked, so it starts afresh.
        let copy = ctx.clone();
        assert_eq!(*copy.memo(count), 0);
        assert_eq!(builds.load(Ordering::SeqCst), 2);
    }
}
