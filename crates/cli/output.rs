//! Standard output. Everything juris prints for the user goes through here so
//! that a closed pipe (`juris rules | head`) ends juris quietly with success,
//! as ripgrep does, instead of a panic; logs and errors go to stderr.

use std::fmt;
use std::io::{ErrorKind, Write};

/// Writes formatted text to stdout.
pub fn write(args: fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    if let Err(error) = out.write_fmt(args) {
        closed_or_failed(error);
    }
}

/// Handles a failed write to stdout: a closed pipe means the reader has seen
/// enough (exit 0); anything else is reported (exit 2).
pub fn closed_or_failed(error: std::io::Error) -> ! {
    if error.kind() == ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("error: cannot write the output: {error}");
    std::process::exit(2);
}

/// `print!` through [`write`].
macro_rules! out {
    ($($arg:tt)*) => { $crate::output::write(format_args!($($arg)*)) };
}

/// `println!` through [`write`].
macro_rules! outln {
    () => { $crate::output::write(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::output::write(format_args!("{}\n", format_args!($($arg)*))) };
}

pub(crate) use {out, outln};
