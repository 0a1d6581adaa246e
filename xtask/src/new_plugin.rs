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
//! The scaffold is made from the files in `xtask/templates/module/`
//! (`{{name}}`-style placeholders): a declared module (`impl
//! juris_core::Module`), its options type, one example rule with its
//! documentation, failing and passing manifests and snapshot, a calendar, a
//! deadline, `tests/rules.rs` running `juris_core::testing::assert_module`,
//! and a README. `cargo xtask ci` scaffolds a module and builds and tests it.

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
/// The template files, by their path in the new crate.
const TEMPLATES: [(&str, &str); 13] = [
    ("calendars/{{name}}.toml", include_str!("../templates/module/calendars/calendar.toml.tmpl")),
    ("README.md", include_str!("../templates/module/README.md.tmpl")),
    ("src/lib.rs", include_str!("../templates/module/src/lib.rs.tmpl")),
    ("src/options.rs", include_str!("../templates/module/src/options.rs.tmpl")),
    ("src/rules/mod.rs", include_str!("../templates/module/src/rules/mod.rs.tmpl")),
    (
        "src/rules/privacy_policy_missing.rs",
        include_str!("../templates/module/src/rules/privacy_policy_missing.rs.tmpl"),
    ),
    (
        "src/rules/fixtures/privacy_policy_missing.fail.toml",
        include_str!("../templates/module/src/rules/fixtures/privacy_policy_missing.fail.toml.tmpl"),
    ),
    (
        "src/rules/fixtures/privacy_policy_missing.pass.toml",
        include_str!("../templates/module/src/rules/fixtures/privacy_policy_missing.pass.toml.tmpl"),
    ),
    (
        "src/rules/fixtures/privacy_policy_missing.fail.snap",
        include_str!("../templates/module/src/rules/fixtures/privacy_policy_missing.fail.snap.tmpl"),
    ),
    ("src/calendars.rs", include_str!("../templates/module/src/calendars.rs.tmpl")),
    ("src/deadlines.rs", include_str!("../templates/module/src/deadlines.rs.tmpl")),
    ("tests/rules.rs", include_str!("../templates/module/tests/rules.rs.tmpl")),
    ("Cargo.toml", ""),
];

/// Fills `{{key}}` placeholders.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (key, value) in values {
        out = out.replace(&format!("{{{{{key}}}}}"), value);
    }
    out
}

fn scaffold(name: &str, jurisdiction: &str, layout: &Layout, dir: &Path, core: &Path) -> Vec<(String, String)> {
    let lib = lib_name(name, layout);
    let ty = type_name(name);
    let core_path = {
        // The directory does not exist yet: make the path relative to its parent.
        let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let core_path = relative(parent, core);
        let core_path = if core_path.is_absolute() { core_path } else { Path::new("..").join(core_path) };
        core_path.display().to_string().replace('\\', "/")
    };
    let (build, load) = match layout {
        Layout::Workspace => (
            format!("cargo test -p juris-{name}\ncargo build"),
            format!("target/debug/juris plugins   # found beside the binary as lib{lib}.so"),
        ),
        Layout::Standalone => (
            "cargo test\ncargo build".to_string(),
            "juris plugins --plugin-dir target/debug\njuris check privacy.toml --plugin-dir target/debug".to_string(),
        ),
    };
    let values = [
        ("name", name),
        ("lib", lib.as_str()),
        ("Type", ty.as_str()),
        ("jurisdiction", jurisdiction),
        ("core", core_path.as_str()),
        ("build", build.as_str()),
        ("load", load.as_str()),
    ];
    let cargo_toml = match layout {
        Layout::Workspace => include_str!("../templates/module/Cargo.workspace.toml.tmpl"),
        Layout::Standalone => include_str!("../templates/module/Cargo.standalone.toml.tmpl"),
    };
    let mut files: Vec<(String, String)> = TEMPLATES
        .iter()
        .map(|(path, template)| {
            let template = if *path == "Cargo.toml" { cargo_toml } else { template };
            (fill(path, &values), fill(template, &values))
        })
        .collect();
    if *layout == Layout::Standalone {
        files.push((".gitignore".to_string(), "/target\nCargo.lock\n".to_string()));
        // The templates are formatted as juris's own code is.
        files.push(("rustfmt.toml".to_string(), include_str!("../../rustfmt.toml").to_string()));
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
                "calendars/acme-co.toml",
                "rustfmt.toml",
                "src/calendars.rs",
                "src/deadlines.rs",
                "src/lib.rs",
                "src/options.rs",
                "src/rules/fixtures/privacy_policy_missing.fail.snap",
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
        assert!(
            lib.contains("export_module!(AcmeCo);") && lib.contains("const ID: &'static str = \"acme-co\";"),
            "{lib}"
        );
        assert!(!lib.contains("{{"), "every placeholder is filled: {lib}");
        assert!(lib.contains("pub const JURISDICTION: &str = \"NZ\";"), "{lib}");
        let tests = std::fs::read_to_string(dir.join("tests/rules.rs")).unwrap();
        assert!(tests.contains("assert_module(&acme_co::AcmeCo, &fixtures)"), "{tests}");
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
        assert!(tests.contains("assert_module(&juris_acme::Acme, &fixtures)"), "{tests}");
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
