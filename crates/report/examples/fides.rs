//! Tries the Fides import and export by hand:
//! `cargo run --example fides -- import PATH...` prints the manifest;
//! `cargo run --example fides -- export MANIFEST` prints the YAML.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("import") => {
            let paths: Vec<std::path::PathBuf> = args[1..].iter().map(Into::into).collect();
            match juris_report::fides::import_paths(&paths, &|p| std::fs::read_to_string(p).map_err(|e| e.to_string()))
            {
                Ok(imported) => {
                    print!("{}", imported.manifest);
                    eprintln!("{} TODO comments; notes: {:?}", imported.todos, imported.notes);
                }
                Err(errors) => {
                    for e in errors {
                        eprintln!("{e}");
                    }
                    std::process::exit(2);
                }
            }
        }
        Some("export") if args.len() == 2 => {
            let text = std::fs::read_to_string(&args[1]).unwrap_or_else(|e| {
                eprintln!("{}: {e}", args[1]);
                std::process::exit(2)
            });
            let Ok(parsed) = juris_core::manifest::parse(&text) else {
                eprintln!("{}: not a valid manifest", args[1]);
                std::process::exit(2)
            };
            let exported = juris_report::fides::export(&parsed.manifest);
            print!("{}", exported.yaml);
            for note in exported.notes {
                eprintln!("note: {note}");
            }
        }
        _ => {
            eprintln!("usage: fides import PATH... | fides export MANIFEST");
            std::process::exit(2);
        }
    }
}
