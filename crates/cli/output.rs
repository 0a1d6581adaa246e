//! Standard output, or the `--output` file. Everything juris prints for the
//! user goes through here, so that a closed pipe (`juris rules | head`) ends
//! juris quietly with success, as ripgrep does, instead of a panic, and so that
//! `--output FILE` catches all of it; logs and errors go to stderr.
//!
//! It also decides colour and width: `--color`, then `CLICOLOR_FORCE` and
//! `NO_COLOR` (<https://no-color.org>, <https://bixense.com/clicolors/>), then
//! whether the stream is a terminal.

use std::fmt;
use std::fs::File;
use std::io::{BufWriter, ErrorKind, IsTerminal, Write};
use std::path::Path;
use std::sync::{Mutex, OnceLock};

use crate::args::ColorChoice;

enum Sink {
    /// The original standard output (a duplicate of it: descriptor 1 itself
    /// points at stderr while plugins may run, see `juris_host::stdio`).
    Stdout(Box<dyn Write + Send>),
    File(BufWriter<File>),
}

struct Output {
    sink: Mutex<Sink>,
    color: bool,
    stderr_color: bool,
    width: Option<usize>,
}

static OUTPUT: OnceLock<Output> = OnceLock::new();

/// Where output goes and how it looks, decided once at start-up. Without a
/// call, output goes to stdout without colour.
pub fn init(file: Option<&Path>, choice: ColorChoice) -> Result<(), String> {
    let (sink, is_terminal, terminal_width) = match file {
        Some(path) => {
            let file = File::create(path).map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
            (Sink::File(BufWriter::new(file)), false, None)
        }
        None => match juris_host::stdio::claim_stdout() {
            Ok(stdout) => {
                let is_terminal = stdout.is_terminal();
                let width = terminal_size::terminal_size_of(&stdout).map(|(w, _)| usize::from(w.0));
                // A terminal sees each line as it is written; a pipe gets blocks.
                let sink: Box<dyn Write + Send> = if is_terminal {
                    Box::new(std::io::LineWriter::new(stdout))
                } else {
                    Box::new(BufWriter::with_capacity(64 * 1024, stdout))
                };
                (Sink::Stdout(sink), is_terminal, width)
            }
            Err(_) => {
                let is_terminal = std::io::stdout().is_terminal();
                (
                    Sink::Stdout(Box::new(std::io::stdout())),
                    is_terminal,
                    terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)),
                )
            }
        },
    };
    let width = if is_terminal { terminal_width } else { None }
        .or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()))
        .filter(|w| *w >= 40);
    let output = Output {
        sink: Mutex::new(sink),
        color: wants_color(choice, is_terminal),
        stderr_color: wants_color(choice, std::io::stderr().is_terminal()),
        width,
    };
    let _ = OUTPUT.set(output);
    Ok(())
}

fn wants_color(choice: ColorChoice, is_terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0" && !v.is_empty()) => true,
        ColorChoice::Auto if set("NO_COLOR") => false,
        ColorChoice::Auto => is_terminal && std::env::var_os("TERM").is_none_or(|t| t != "dumb"),
    }
}

/// Whether output is coloured.
pub fn color() -> bool {
    OUTPUT.get().is_some_and(|o| o.color)
}

/// Whether messages on stderr are coloured.
pub fn stderr_color() -> bool {
    OUTPUT.get().is_some_and(|o| o.stderr_color)
}

/// The width to wrap text to: the terminal's, or `COLUMNS`; `None` when
/// neither is known (output to a pipe or a file is not wrapped).
pub fn width() -> Option<usize> {
    OUTPUT.get().and_then(|o| o.width)
}

/// Whether the output goes to a `--output` file rather than standard output.
pub fn is_file() -> bool {
    OUTPUT.get().is_some_and(|o| matches!(*o.sink.lock().unwrap_or_else(|e| e.into_inner()), Sink::File(_)))
}

/// Writes formatted text to the output.
pub fn write(args: fmt::Arguments<'_>) {
    let result = match OUTPUT.get() {
        Some(output) => match &mut *output.sink.lock().unwrap_or_else(|e| e.into_inner()) {
            Sink::Stdout(out) => out.write_fmt(args),
            Sink::File(out) => out.write_fmt(args),
        },
        None => std::io::stdout().lock().write_fmt(args),
    };
    if let Err(error) = result {
        closed_or_failed(error);
    }
}

/// Writes bytes to the output (for documents built by a serializer).
pub fn write_bytes(bytes: &[u8]) {
    let result = match OUTPUT.get() {
        Some(output) => match &mut *output.sink.lock().unwrap_or_else(|e| e.into_inner()) {
            Sink::Stdout(out) => out.write_all(bytes),
            Sink::File(out) => out.write_all(bytes),
        },
        None => std::io::stdout().lock().write_all(bytes),
    };
    if let Err(error) = result {
        closed_or_failed(error);
    }
}

/// Serializes `value` as pretty JSON to the output as it is encoded, so that
/// a report of hundreds of thousands of findings (100 MB of JSON) is never
/// held whole in memory.
pub fn json(value: &impl serde::Serialize) {
    let mut streamed = Streamed(Vec::with_capacity(STREAMED_PIECE + 4096));
    if let Err(error) = serde_json::to_writer_pretty(&mut streamed, value) {
        eprintln!("error: cannot encode the output: {error}");
        std::process::exit(2);
    }
    streamed.0.push(b'\n');
    write_bytes(&streamed.0);
}

/// How much encoded output is gathered before it is written.
const STREAMED_PIECE: usize = 64 * 1024;

/// Passes what a serializer writes on to the output in pieces of
/// [`STREAMED_PIECE`]; a failed write ends juris there, as [`write_bytes`] does.
struct Streamed(Vec<u8>);

impl Write for Streamed {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.extend_from_slice(bytes);
        if self.0.len() >= STREAMED_PIECE {
            write_bytes(&self.0);
            self.0.clear();
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Flushes the output; called once at the end.
pub fn flush() {
    let result = match OUTPUT.get() {
        Some(output) => match &mut *output.sink.lock().unwrap_or_else(|e| e.into_inner()) {
            Sink::Stdout(out) => out.flush(),
            Sink::File(out) => out.flush(),
        },
        None => std::io::stdout().flush(),
    };
    if let Err(error) = result {
        closed_or_failed(error);
    }
}

/// Handles a failed write: a closed pipe means the reader has seen enough
/// (exit 0); anything else is reported (exit 2).
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
