//! Keeping standard output for juris alone.
//!
//! A plugin running in juris's process shares its file descriptors: a
//! `println!` in a module would land in the middle of `--format json`, or
//! forge a line of the text report. So, before any plugin is loaded, juris
//! takes a duplicate of the original standard output for its own output, and
//! points descriptor 1 at a pipe that juris reads itself. Whatever plugin code
//! prints is then caught: shown on stderr, escaped, and turned into a plugin
//! failure (exit 3) by [`stray_output`]'s callers, never mixed into the report.
//!
//! The pipe does not block a writer: a plugin that prints more than the pipe
//! holds (64 KiB on Linux) gets an error from `write`, which in Rust is a
//! panic in the plugin, itself a plugin failure.
//!
//! This contains mistakes and naive forgery. It is no sandbox: in-process
//! plugin code can write to any descriptor it finds. That is why plugins you
//! add are isolated by default, see `Isolation`.

use std::fs::File;
use std::io::Write;
use std::sync::OnceLock;

#[cfg(unix)]
static CAPTURE: OnceLock<std::os::fd::OwnedFd> = OnceLock::new();

/// Duplicates the original standard output for juris's own use and points
/// descriptor 1 at a capture pipe. Call once, before loading plugins; a
/// second call is an error.
#[cfg(unix)]
pub fn claim_stdout() -> std::io::Result<File> {
    use rustix::pipe::PipeFlags;
    use std::os::fd::AsFd;
    if CAPTURE.get().is_some() {
        return Err(std::io::Error::other("standard output was already claimed"));
    }
    std::io::stdout().flush()?;
    // Close-on-exec: isolated children get their own pipes, not juris's output.
    let original = rustix::io::fcntl_dupfd_cloexec(std::io::stdout().as_fd(), 3)?;
    let (read, write) = rustix::pipe::pipe_with(PipeFlags::CLOEXEC | PipeFlags::NONBLOCK)?;
    rustix::stdio::dup2_stdout(&write)?;
    drop(write);
    let _ = CAPTURE.set(read);
    Ok(File::from(original))
}

/// On other systems the descriptors stay as they are.
#[cfg(not(unix))]
pub fn claim_stdout() -> std::io::Result<File> {
    Err(std::io::Error::new(std::io::ErrorKind::Unsupported, "not supported on this system"))
}

/// What reached descriptor 1 since the last call: bytes written by code
/// other than juris's output (in practice, an in-process plugin). Empty when
/// nothing was, or when stdout was never claimed.
pub fn stray_output() -> Vec<u8> {
    let mut bytes = Vec::new();
    #[cfg(unix)]
    if let Some(read) = CAPTURE.get() {
        let mut chunk = [0u8; 8192];
        // Non-blocking: ends at "would block" (drained) or at an error.
        while let Ok(n @ 1..) = rustix::io::read(read, &mut chunk) {
            bytes.extend_from_slice(&chunk[..n]);
        }
    }
    bytes
}

/// A short, terminal-safe excerpt of stray output for a message.
pub fn excerpt(bytes: &[u8]) -> String {
    const SHOWN: usize = 200;
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(SHOWN)]);
    let mut shown = crate::sanitize::line(&text).into_owned();
    if bytes.len() > SHOWN {
        shown.push('…');
    }
    shown
}
