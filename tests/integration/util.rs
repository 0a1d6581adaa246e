//! Running the binary, and the files tests need.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The example marketplace manifest.
pub fn example() -> PathBuf {
    root().join("examples/marketplace/privacy.toml")
}

/// The directory the `juris` binary (and so the built plugins) is in.
pub fn bin_dir() -> PathBuf {
    let bin = assert_cmd::cargo::cargo_bin("juris");
    bin.parent().expect("binary has a directory").to_path_buf()
}

/// A built library from the target directory, e.g. `fixture_misbehaving`.
pub fn built_library(name: &str) -> PathBuf {
    let file = format!("{}{name}{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX);
    let path = bin_dir().join(&file);
    assert!(
        path.exists(),
        "{} is missing: run `cargo build --workspace` first (`cargo xtask ci` does)",
        path.display()
    );
    path
}

/// `juris` with a clean environment: no plugin path or log settings inherited.
pub fn juris() -> Command {
    for id in ["eea_uk", "california", "brazil", "russia"] {
        built_library(&format!("juris_{id}"));
    }
    let mut cmd = Command::cargo_bin("juris").expect("juris binary");
    cmd.env_remove("JURIS_PLUGIN_PATH").env_remove("JURIS_LOG").env_remove("RUST_LOG");
    cmd
}

/// Runs `juris` with arguments and returns its output.
pub fn run(args: &[&str]) -> Output {
    juris().args(args).output().expect("juris runs")
}

/// Runs `juris` in `dir` (where it looks for juris.toml and privacy.toml).
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    juris().current_dir(dir).args(args).output().expect("juris runs")
}

/// Standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Standard output parsed as JSON.
pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}\nstderr:\n{}", stdout(output), stderr(output)))
}

/// Validates SARIF output against the OASIS 2.1.0 schema, kept unmodified in
/// tests/schemas with its source and notice.
pub fn assert_valid_sarif(sarif: &serde_json::Value) {
    let schema_path = root().join("tests/schemas/sarif-schema-2.1.0.json");
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&schema_path).unwrap_or_else(|e| panic!("{}: {e}", schema_path.display())),
    )
    .unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("sarif-schema-2.1.0.json", schema).unwrap();
    let index = compiler.compile("sarif-schema-2.1.0.json", &mut schemas).unwrap();
    if let Err(error) = schemas.validate(sarif, index) {
        panic!("SARIF output does not validate:\n{error:#}");
    }
}

/// Sets a file's or directory's permission bits.
pub fn set_mode(path: &Path, mode: u32) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("set permissions");
    }
}

/// A temporary directory removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!("juris-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create temp dir");
        // Whatever the umask: juris refuses plugins and settings in a
        // directory others may write to.
        set_mode(&path, 0o755);
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes a file and returns its path.
    pub fn write(&self, name: &str, contents: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, contents).expect("write temp file");
        set_mode(&path, 0o644);
        path
    }

    /// Copies a file in and returns its path.
    pub fn copy(&self, from: &Path) -> PathBuf {
        let path = self.0.join(from.file_name().expect("file name"));
        std::fs::copy(from, &path).expect("copy into temp dir");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A small manifest that breaks one EEA rule (no lawful basis) and nothing else
/// the tests rely on.
pub const ONE_FINDING: &str = r#"manifest = 1

[organization]
name = "Shop"
established = ["DE"]
markets = ["DE"]

[[activities]]
id = "newsletter"
name = "Send a newsletter"
uses = ["marketing.communications.email"]
data_categories = ["user.contact.email"]
data_subjects = ["customer"]
"#;
