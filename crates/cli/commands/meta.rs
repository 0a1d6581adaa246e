//! `juris schema`, `juris completions` and `juris man`: what editors, shells
//! and `man` need, generated from the same definitions as the program (the
//! manifest model, the clap command line).

use clap::CommandFactory;

use crate::Outcome;
use crate::args::Cli;

/// The manifest's JSON Schema.
pub fn schema() -> Outcome {
    crate::output::json(&juris_core::Manifest::json_schema());
    Outcome::Clean
}

/// A completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Outcome {
    let mut command = Cli::command();
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut command, "juris", &mut buffer);
    crate::output::write_bytes(&buffer);
    Outcome::Clean
}

/// The man page, in roff.
pub fn man() -> Outcome {
    let command = Cli::command();
    let mut buffer = Vec::new();
    if let Err(error) = clap_mangen::Man::new(command).render(&mut buffer) {
        eprintln!("error: cannot render the man page: {error}");
        return Outcome::InputError;
    }
    crate::output::write_bytes(&buffer);
    Outcome::Clean
}
