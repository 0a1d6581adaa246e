//! `cargo xtask new-plugin NAME [--path DIR] [--jurisdiction CODE]`: scaffold a
//! regional module crate that compiles, passes its tests and loads in juris.
//!
//! Without `--path`, the crate goes into the workspace at `plugins/NAME/`, with
//! the library name `juris_NAME` (`-` as `_`) so that juris finds it beside its
//! binary, and is added to the root `Cargo.toml`'s `members` and
//! `default-members`. With `--path DIR`, it is a standalone crate outside the
//! workspace (its own `[workspace]` table, juris-core by path), as a
//! third-party author would have it; it is then loaded with `--plugin-dir`.
//!
//! The scaffold has one example rule (with its documentation and its failing
//! and passing manifests), a calendar, a deadline, `tests/rules.rs` running
//! `juris_core::testing::assert_rules`, and a README.

use std::path::{Component, Path, PathBuf};

const USAGE: &str = "usage: cargo xtask new-plugin NAME [--path DIR] [--jurisdiction CODE]

  NAME                lowercase kebab-case module id, e.g. `acme` or `new-zealand`
  --path DIR          create a standalone crate in DIR (outside the workspace)
                      instead of plugins/NAME inside it
  --jurisdiction CODE the jurisdiction the module encodes (ISO code such as `CH`
                      or `US-TX`, `EEA`, `EU` or `*`); default `*`";

/// Runs the task with the arguments after `new-plugin`.
pub fn run(args: &[String]) -> Result<(), String> {
    let root = juris_root()?;
    let created = run_in(&root, args)?;
    println!("{}", created.next_steps());
    Ok(())
}

/// The juris checkout: the nearest ancestor of this crate with `crates/core`.
fn juris_root() -> Result<PathBuf, String> {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.ancestors().find(|dir| dir.join("crates/core/Cargo.toml").is_file()).map(Path::to_path_buf).ok_or_else(|| {
        format!("cannot find the juris checkout (a directory with crates/core) above {}", here.display())
    })
}

/// Where the crate goes.
#[derive(Debug, PartialEq, Eq)]
enum Layout {
    /// `plugins/NAME` in the workspace.
    Workspace,
    /// A standalone crate in a directory of its own.
    Standalone,
}

/// What was created.
#[derive(Debug)]
struct Created {
    name: String,
    dir: PathBuf,
    layout: Layout,
    lib_name: String,
    /// Whether the root Cargo.toml was updated (workspace layout only).
    registered: bool,
}

impl Created {
    fn next_steps(&self) -> String {
        let dir = self.dir.display();
        match self.layout {
            Layout::Workspace => {
                let register = if self.registered {
                    format!("added \"plugins/{}\" to `members` and `default-members` in the root Cargo.toml", self.name)
                } else {
                    format!(
                        "could not edit the root Cargo.toml: add \"plugins/{}\" to both `members` and `default-members` yourself",
                        self.name
                    )
                };
                format!(
                    "created module `{name}` in {dir} (library {lib}); {register}\n\nnext:\n  cargo test -p {lib_pkg}\n  cargo build && target/debug/juris plugins",
                    name = self.name,
                    lib = self.lib_name,
                    lib_pkg = format_args!("juris-{}", self.name),
                )
            }
            Layout::Standalone => format!(
                "created module `{name}` in {dir} (library {lib}, outside the juris workspace)\n\nnext:\n  cargo test --manifest-path {dir}/Cargo.toml\n  cargo build --manifest-path {dir}/Cargo.toml\n  juris plugins --plugin-dir {dir}/target/debug",
                name = self.name,
                lib = self.lib_name,
            ),
        }
    }
}

fn run_in(root: &Path, args: &[String]) -> Result<Created, String> {
    let mut name = None;
    let mut path = None;
    let mut jurisdiction = "*".to_string();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-h" | "--help" => return Err(USAGE.to_string()),
            "--path" => {
                path = Some(PathBuf::from(rest.next().ok_or_else(|| format!("--path needs a DIR\n\n{USAGE}"))?))
            }
            "--jurisdiction" => {
                jurisdiction = rest.next().ok_or_else(|| format!("--jurisdiction needs a CODE\n\n{USAGE}"))?.clone()
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}`\n\n{USAGE}")),
            value if name.is_none() => name = Some(value.to_string()),
            value => return Err(format!("unexpected argument `{value}`\n\n{USAGE}")),
        }
    }
    let name = name.ok_or_else(|| format!("missing NAME\n\n{USAGE}"))?;
    validate_name(&name)?;
    validate_jurisdiction(&jurisdiction)?;
    let (dir, layout) = match path {
        Some(dir) => (dir, Layout::Standalone),
        None => (root.join("plugins").join(&name), Layout::Workspace),
    };
    if dir.exists() {
        return Err(format!("{} already exists; choose another NAME or --path", dir.display()));
    }
    let core = root.join("crates/core");
    let files = scaffold(&name, &jurisdiction, &layout, &dir, &core);
    for (file, contents) in &files {
        let path = dir.join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let registered = layout == Layout::Workspace && register_in_workspace(&root.join("Cargo.toml"), &name);
    Ok(Created { lib_name: lib_name(&name, &layout), name, dir, layout, registered })
}

/// A module id: lowercase kebab-case, starting with a letter.
fn validate_name(name: &str) -> Result<(), String> {
    let ok = name
        .split('-')
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.len() <= 40;
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{name}` is not a valid module name: use lowercase kebab-case starting with a letter, e.g. `acme` or `new-zealand`"
        ))
    }
}

/// A jurisdiction code as the manifest writes it (checked again by juris-core
/// when the module runs, with "did you mean").
fn validate_jurisdiction(code: &str) -> Result<(), String> {
    // The same vocabulary the scaffolded module's describe() parses with.
    code.parse::<juris_core::Jurisdiction>().map(|_| ()).map_err(|e| e.to_string())
}

/// The crate's library name: `juris_NAME` in the workspace (the host only
/// takes `libjuris_*` files from beside its binary), `NAME` standalone.
fn lib_name(name: &str, layout: &Layout) -> String {
    match layout {
        Layout::Workspace => format!("juris_{}", name.replace('-', "_")),
        Layout::Standalone => name.replace('-', "_"),
    }
}

/// `new-zealand` → `NewZealand`.
fn type_name(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

/// `to` relative to `from` when both are absolute (or both relative), else `to`.
fn relative(from: &Path, to: &Path) -> PathBuf {
    let from = from.canonicalize().unwrap_or_else(|_| from.to_path_buf());
    let to = to.canonicalize().unwrap_or_else(|_| to.to_path_buf());
    let a: Vec<Component> = from.components().collect();
    let b: Vec<Component> = to.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    // Nothing in common but the root (or a drive): the absolute path is clearer.
    if a.iter().take(common).all(|c| !matches!(c, Component::Normal(_))) {
        return to;
    }
    let mut out = PathBuf::new();
    for _ in common..a.len() {
        out.push("..");
    }
    for c in &b[common..] {
        out.push(c);
    }
    out
}

/// The files of the scaffold, relative to its directory.
fn scaffold(name: &str, jurisdiction: &str, layout: &Layout, dir: &Path, core: &Path) -> Vec<(&'static str, String)> {
    let lib = lib_name(name, layout);
    let ty = type_name(name);
    let cargo_toml = match layout {
        Layout::Workspace => format!(
            r#"[package]
name = "juris-{name}"
description = "juris regional module: {name}."
version.workspace = true
edition.workspace = true
rust-version.workspace = true
license.workspace = true
repository.workspace = true
publish = false

[lib]
name = "{lib}"
# cdylib: the plugin the host loads at run time; rlib: for this crate's tests.
crate-type = ["cdylib", "rlib"]

[dependencies]
juris-core.workspace = true
"#
        ),
        Layout::Standalone => {
            // The directory does not exist yet: make the path relative to its parent.
            let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let core_path = relative(parent, core);
            let core_path = if core_path.is_absolute() { core_path } else { Path::new("..").join(core_path) };
            format!(
                r#"[package]
name = "{name}"
description = "juris regional module: {name}."
version = "0.1.0"
edition = "2024"
rust-version = "1.88"
publish = false

[lib]
name = "{lib}"
# cdylib: the plugin juris loads at run time; rlib: for this crate's tests.
crate-type = ["cdylib", "rlib"]

[dependencies]
juris-core = {{ path = "{core}" }}

# A workspace of its own: this crate is not part of the juris workspace.
[workspace]
"#,
                core = core_path.display().to_string().replace('\\', "/"),
            )
        }
    };
    let lib_rs = format!(
        r#"//! The `{name}` regional module for juris.
//!
//! Rules live one per file under [`rules`]; deadlines are computed in
//! [`deadlines`] on the calendar of [`calendars`]. See docs/plugins.md in the
//! juris repository for the author guide.

// export_module! writes the only unsafe code a module needs.
#![deny(unsafe_code)]

pub mod calendars;
pub mod deadlines;
pub mod rules;

use juris_core::jiff::civil::date;
use juris_core::module::{{EventContext, Plan}};
use juris_core::{{CheckContext, Finding, Jurisdiction, Law, ModuleInfo, RegionalModule}};

/// The module id; every rule id starts with it.
pub const ID: &str = "{name}";

/// The jurisdiction whose law the module encodes.
pub const JURISDICTION: &str = "{jurisdiction}";

/// The module.
#[derive(Default)]
pub struct {ty};

impl RegionalModule for {ty} {{
    fn describe(&self) -> ModuleInfo {{
        ModuleInfo {{
            id: ID.to_string(),
            name: "{name}".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            jurisdictions: vec![jurisdiction()],
            // Name each law the module encodes, with the date your reading of it is current to.
            laws: vec![Law {{ name: "the law this module encodes".to_string(), current_to: date(2026, 1, 1) }}],
            rules: rules::ALL.iter().map(|r| r.meta()).collect(),
            core_version: juris_core::CORE_VERSION.to_string(),
        }}
    }}

    fn check(&self, ctx: &CheckContext) -> Vec<Finding> {{
        juris_core::rule::run(rules::ALL, ctx)
    }}

    fn obligations(&self, ctx: &EventContext) -> Plan {{
        deadlines::plan(ctx)
    }}
}}

/// The module's jurisdiction.
pub fn jurisdiction() -> Jurisdiction {{
    JURISDICTION.parse().expect("JURISDICTION is a valid jurisdiction code")
}}

juris_core::export_module!({ty}, "{name}");
"#
    );
    let rules_mod = r#"//! The module's rules, one per file, each with its documentation and the two
//! manifests that test it (in `fixtures/`).

use juris_core::Rule;

mod privacy_policy_missing;

/// Every rule of the module, in the order `juris rules` lists them.
pub static ALL: &[&Rule] = &[&privacy_policy_missing::RULE];
"#
    .to_string();
    let rule_rs = format!(
        r##"use juris_core::jiff::civil::date;
use juris_core::rule::Violation;
use juris_core::{{CheckContext, Rule, Severity}};

/// `{name}/privacy-policy-missing`: an example rule; replace it with your law's.
pub static RULE: Rule = Rule {{
    id: "{name}/privacy-policy-missing",
    title: "No privacy notice for the module's jurisdiction",
    citation: "cite the article that requires a privacy notice",
    severity: Severity::Error,
    // The day the law took effect; set `in_force_until` when it is repealed.
    in_force_from: Some(date(2020, 1, 1)),
    in_force_until: None,
    docs: r#"
## What it does
Checks that an organisation offering goods or services in the module's
jurisdiction records a privacy notice (`notices.privacy_policy`).

## Why
Say what the law requires, citing article and paragraph, and which facts you
verified and which you did not.

## Example
```toml
[organization]
markets = ["{jurisdiction}"]
# no [notices] privacy_policy
```

## How to fix
Publish a privacy notice and set `notices.privacy_policy` to its address.
"#,
    check,
    fails: include_str!("fixtures/privacy_policy_missing.fail.toml"),
    passes: include_str!("fixtures/privacy_policy_missing.pass.toml"),
}};

fn check(ctx: &CheckContext) -> Vec<Violation> {{
    let m = &ctx.manifest;
    if !m.targets(&crate::jurisdiction()) || m.notices.privacy_policy.is_some() {{
        return Vec::new();
    }}
    vec![
        Violation::new("notices", "the organisation offers goods or services here but records no privacy notice")
            .help("publish a privacy notice and set `notices.privacy_policy`"),
    ]
}}
"##
    );
    let fixture = |policy: bool| {
        let notices = if policy { "\n[notices]\nprivacy_policy = \"https://shop.example/privacy\"\n" } else { "" };
        format!("manifest = 1\n\n[organization]\nname = \"Shop\"\nmarkets = [\"{jurisdiction}\"]\n{notices}")
    };
    let calendars_rs = format!(
        r#"//! Non-working days, as cited data.
//!
//! This calendar knows weekends only, so every date counted on it carries a
//! warning that public holidays were not considered. Add the official public
//! holidays with their source, and the years they cover:
//!
//! ```text
//! pub static CALENDAR: Calendar = Calendar {{
//!     id: "{name}",
//!     name: "{name} public holidays",
//!     source: "the law or official publication the dates come from",
//!     years: Some((2026, 2026)),
//!     weekend: SATURDAY_SUNDAY,
//!     holidays: &[day(2026, 1, 1, "New Year's Day")],
//!     working_weekend_days: &[],
//! }};
//! ```

use juris_core::time::Calendar;

/// The calendar deadlines are counted on.
pub static CALENDAR: Calendar = Calendar::weekends_only("{name}", "{name} (weekends only)");
"#
    );
    let deadlines_rs = r#"//! The duties events trigger: here, an example access deadline.

use juris_core::module::{Due, Event, EventContext, Plan};
use juris_core::time::{Count, Period, due_date};
use juris_core::{Obligation, RequestKind};

/// The example period for answering an access request: replace it, and the
/// citation below, with your law's.
pub const ACCESS_DAYS: u32 = 30;

/// The duties an event triggers.
pub fn plan(ctx: &EventContext) -> Plan {
    let mut plan = Plan::default();
    let Event::Request(request) = &ctx.event else { return plan };
    if request.request != RequestKind::Access || !crate::jurisdiction().covers(&request.jurisdiction) {
        return plan;
    }
    let due = due_date(request.received, Count::rolling(Period::Days(ACCESS_DAYS)), &crate::calendars::CALENDAR);
    plan.obligations.push(Obligation {
        module: crate::ID.to_string(),
        action: "respond".to_string(),
        due: Due::Date(due.value),
        extended_due: None,
        citation: "cite the article that sets the period".to_string(),
        note: format!(
            "answer within {ACCESS_DAYS} days of receipt on {}, the day of receipt excluded, a last day on a non-working day moved to the next working day",
            request.received
        ),
        warnings: due.warnings,
    });
    plan
}

#[cfg(test)]
mod tests {
    use juris_core::jiff::civil::date;
    use juris_core::module::{Due, Event, EventContext};
    use juris_core::{RequestKind, RightsRequest};

    #[test]
    fn access_is_due_after_the_period_rolled_past_the_weekend() {
        let event = Event::Request(RightsRequest {
            jurisdiction: crate::jurisdiction(),
            request: RequestKind::Access,
            // Thu 2026-01-01 + 30 days = Sat 2026-01-31 → Mon 2026-02-02.
            received: date(2026, 1, 1),
            relevant_time: None,
            paused_days: 0,
        });
        let plan = super::plan(&EventContext { event, manifest: None });
        assert_eq!(plan.obligations.len(), 1);
        assert_eq!(plan.obligations[0].due, Due::Date(date(2026, 2, 2)));
        // A weekends-only calendar says that holidays were not considered.
        assert_eq!(plan.obligations[0].warnings.len(), 1);
    }
}
"#
    .to_string();
    let tests_rs = format!(
        r#"//! Every rule fires on its failing manifest and is silent on its passing one,
//! through the harness every juris module uses.

#[test]
fn every_rule_is_documented_and_tested() {{
    juris_core::testing::assert_rules(&{lib}::{ty}, {lib}::rules::ALL);
}}
"#
    );
    let (build, load) = match layout {
        Layout::Workspace => (
            format!("cargo test -p juris-{name}\ncargo build"),
            "target/debug/juris plugins   # found beside the binary as lib{lib}.so".to_string(),
        ),
        Layout::Standalone => (
            "cargo test\ncargo build".to_string(),
            "juris plugins --plugin-dir target/debug\njuris check privacy.toml --plugin-dir target/debug".to_string(),
        ),
    };
    let readme = format!(
        r#"# {name}: a juris regional module

Scaffolded by `cargo xtask new-plugin`. The module id is `{name}`; it encodes
the law of `{jurisdiction}`.

- `src/lib.rs`: the `RegionalModule` implementation and `export_module!`.
- `src/rules/`: one rule per file, with its documentation (`## What it does`,
  `## Why`, `## Example`, `## How to fix`) and its failing and passing
  manifests in `fixtures/`. Add each new rule to `rules::ALL`.
- `src/calendars.rs`: the non-working days deadlines are counted on.
- `src/deadlines.rs`: the duties events trigger.
- `tests/rules.rs`: runs `juris_core::testing::assert_rules` over every rule.

Build, test and load:

```sh
{build}
{load}
```

The author guide is `docs/plugins.md` in the juris repository.
"#
    );
    let mut files = vec![
        ("Cargo.toml", cargo_toml),
        ("README.md", readme),
        ("src/lib.rs", lib_rs),
        ("src/rules/mod.rs", rules_mod),
        ("src/rules/privacy_policy_missing.rs", rule_rs),
        ("src/rules/fixtures/privacy_policy_missing.fail.toml", fixture(false)),
        ("src/rules/fixtures/privacy_policy_missing.pass.toml", fixture(true)),
        ("src/calendars.rs", calendars_rs),
        ("src/deadlines.rs", deadlines_rs),
        ("tests/rules.rs", tests_rs),
    ];
    if *layout == Layout::Standalone {
        files.push((".gitignore", "/target\nCargo.lock\n".to_string()));
    }
    files
}

/// Adds `"plugins/NAME"` to the `members` and `default-members` arrays of the
/// root Cargo.toml. Edits the text only when both arrays are found written one
/// entry per line, so comments and layout are kept; returns whether it did.
fn register_in_workspace(cargo_toml: &Path, name: &str) -> bool {
    let Ok(text) = std::fs::read_to_string(cargo_toml) else { return false };
    let entry = format!("\"plugins/{name}\"");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for key in ["members", "default-members"] {
        let Some(start) = lines.iter().position(|l| l.trim_start().starts_with(&format!("{key} = ["))) else {
            return false;
        };
        if lines[start].trim_end().ends_with(']') {
            return false;
        }
        let Some(len) = lines[start..].iter().position(|l| l.trim() == "]") else { return false };
        let end = start + len;
        if lines[start..end].iter().any(|l| l.contains(&entry)) {
            continue;
        }
        // After the last `plugins/` entry, else before the closing bracket.
        let at = lines[start..end].iter().rposition(|l| l.contains("\"plugins/")).map_or(end, |i| start + i + 1);
        lines.insert(at, format!("    {entry},"));
    }
    let mut out = lines.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    std::fs::write(cargo_toml, out).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Temp(PathBuf);

    impl Temp {
        fn new(tag: &str) -> Temp {
            let dir = std::env::temp_dir().join(format!("xtask-new-plugin-{tag}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            Temp(dir)
        }
    }

    impl Drop for Temp {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn listing(dir: &Path) -> Vec<String> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    out.push(p.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"));
                }
            }
        }
        out.sort();
        out
    }

    /// A fake checkout: crates/core and a root Cargo.toml like juris's.
    fn fake_root(temp: &Temp) -> PathBuf {
        let root = temp.0.join("juris");
        std::fs::create_dir_all(root.join("crates/core")).unwrap();
        std::fs::create_dir_all(root.join("plugins")).unwrap();
        std::fs::write(root.join("crates/core/Cargo.toml"), "[package]\nname = \"juris-core\"\n").unwrap();
        std::fs::write(
            root.join("Cargo.toml"),
            "[workspace]\nmembers = [\n    \"crates/core\",\n    \"plugins/eea-uk\",\n    \"xtask\",\n]\n# note\ndefault-members = [\n    \".\",\n    \"plugins/eea-uk\",\n]\n",
        )
        .unwrap();
        root
    }

    #[test]
    fn standalone_scaffold_has_every_file_and_a_relative_core_path() {
        let temp = Temp::new("standalone");
        let root = fake_root(&temp);
        let dir = temp.0.join("modules/acme-co");
        std::fs::create_dir_all(dir.parent().unwrap()).unwrap();
        let created =
            run_in(&root, &args(&["acme-co", "--path", dir.to_str().unwrap(), "--jurisdiction", "NZ"])).unwrap();
        assert_eq!(created.layout, Layout::Standalone);
        assert_eq!(created.lib_name, "acme_co");
        assert_eq!(
            listing(&dir),
            [
                ".gitignore",
                "Cargo.toml",
                "README.md",
                "src/calendars.rs",
                "src/deadlines.rs",
                "src/lib.rs",
                "src/rules/fixtures/privacy_policy_missing.fail.toml",
                "src/rules/fixtures/privacy_policy_missing.pass.toml",
                "src/rules/mod.rs",
                "src/rules/privacy_policy_missing.rs",
                "tests/rules.rs",
            ]
        );
        let cargo = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
        assert!(cargo.contains("name = \"acme-co\""), "{cargo}");
        assert!(cargo.contains("name = \"acme_co\""), "{cargo}");
        assert!(cargo.contains("juris-core = { path = \"../../juris/crates/core\" }"), "{cargo}");
        assert!(cargo.contains("\n[workspace]\n"), "{cargo}");
        let lib = std::fs::read_to_string(dir.join("src/lib.rs")).unwrap();
        assert!(lib.contains("pub struct AcmeCo;"), "{lib}");
        assert!(lib.contains("export_module!(AcmeCo, \"acme-co\")"), "{lib}");
        assert!(lib.contains("pub const JURISDICTION: &str = \"NZ\";"), "{lib}");
        let tests = std::fs::read_to_string(dir.join("tests/rules.rs")).unwrap();
        assert!(tests.contains("assert_rules(&acme_co::AcmeCo, acme_co::rules::ALL)"), "{tests}");
        let rule = std::fs::read_to_string(dir.join("src/rules/privacy_policy_missing.rs")).unwrap();
        for section in ["## What it does", "## Why", "## Example", "## How to fix"] {
            assert!(rule.contains(section), "{section}");
        }
        assert!(rule.contains("id: \"acme-co/privacy-policy-missing\""));
        // The root Cargo.toml is not touched for a standalone crate.
        assert!(!std::fs::read_to_string(root.join("Cargo.toml")).unwrap().contains("acme-co"));
        // A second run into the same directory is refused.
        let again = run_in(&root, &args(&["acme-co", "--path", dir.to_str().unwrap()])).unwrap_err();
        assert!(again.contains("already exists"), "{again}");
    }

    #[test]
    fn workspace_scaffold_is_named_juris_and_registered() {
        let temp = Temp::new("workspace");
        let root = fake_root(&temp);
        let created = run_in(&root, &args(&["acme"])).unwrap();
        assert_eq!(created.dir, root.join("plugins/acme"));
        assert_eq!(created.lib_name, "juris_acme");
        assert!(created.registered);
        let cargo = std::fs::read_to_string(root.join("plugins/acme/Cargo.toml")).unwrap();
        assert!(cargo.contains("name = \"juris-acme\"") && cargo.contains("name = \"juris_acme\""), "{cargo}");
        assert!(cargo.contains("juris-core.workspace = true") && !cargo.contains("[workspace]"), "{cargo}");
        let tests = std::fs::read_to_string(root.join("plugins/acme/tests/rules.rs")).unwrap();
        assert!(tests.contains("assert_rules(&juris_acme::Acme, juris_acme::rules::ALL)"), "{tests}");
        assert!(!root.join("plugins/acme/.gitignore").exists());
        let root_toml = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
        assert_eq!(
            root_toml,
            "[workspace]\nmembers = [\n    \"crates/core\",\n    \"plugins/eea-uk\",\n    \"plugins/acme\",\n    \"xtask\",\n]\n# note\ndefault-members = [\n    \".\",\n    \"plugins/eea-uk\",\n    \"plugins/acme\",\n]\n"
        );
        assert!(created.next_steps().contains("added \"plugins/acme\""));
        let again = run_in(&root, &args(&["acme"])).unwrap_err();
        assert!(again.contains("already exists"), "{again}");
    }

    #[test]
    fn bad_names_and_arguments_are_refused() {
        let temp = Temp::new("refuse");
        let root = fake_root(&temp);
        for bad in ["Acme", "acme_co", "-acme", "acme-", "a--b", "9lives", "", "acme co"] {
            let error = run_in(&root, &args(&[bad])).unwrap_err();
            assert!(error.contains("not a valid module name") || error.contains("unknown option"), "{bad}: {error}");
        }
        assert!(run_in(&root, &args(&[])).unwrap_err().contains("missing NAME"));
        assert!(run_in(&root, &args(&["acme", "--path"])).unwrap_err().contains("--path needs a DIR"));
        assert!(run_in(&root, &args(&["acme", "extra"])).unwrap_err().contains("unexpected argument"));
        let error = run_in(&root, &args(&["acme", "--jurisdiction", "ch"])).unwrap_err();
        assert!(error.contains("unknown jurisdiction `ch`") && error.contains("did you mean `CH`"), "{error}");
        let error = run_in(&root, &args(&["acme", "--jurisdiction", "UK"])).unwrap_err();
        assert!(error.contains("did you mean `GB`"), "{error}");
        assert!(!root.join("plugins/acme").exists(), "nothing is written when the arguments are refused");
    }

    #[test]
    fn names() {
        assert_eq!(type_name("new-zealand"), "NewZealand");
        assert_eq!(lib_name("new-zealand", &Layout::Workspace), "juris_new_zealand");
        assert_eq!(relative(Path::new("/a/b/c"), Path::new("/a/x/y")), PathBuf::from("../../x/y"));
        assert_eq!(relative(Path::new("/tmp/m"), Path::new("/work/core")), PathBuf::from("/work/core"));
    }
}
