//! Reading the text files juris is given (manifests, juris.toml, juris.lock)
//! with bounds: only regular files, never more than a set number of bytes,
//! and UTF-8 errors reported where they are.
//!
//! `juris check /dev/zero`, a FIFO that never closes, or a juris.toml
//! symlinked to a device must end in an error, not in reading forever.

use std::io::Read;
use std::path::Path;

/// The default largest input file, in bytes (64 MiB): far above any real
/// manifest, far below what would exhaust a CI machine.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file's text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// What went wrong, naming the file.
    pub message: String,
    /// Where in the file, 1-based line and column (in characters), when the
    /// problem is in its bytes (invalid UTF-8).
    pub at: Option<(usize, usize)>,
    /// The byte offset of the problem, for a caret under it.
    pub offset: Option<usize>,
    /// The file's text with invalid bytes replaced by U+FFFD, when the
    /// problem is its encoding: identical to the file up to `offset`, so the
    /// bad line can be shown.
    pub lossy_text: Option<String>,
}

impl ReadError {
    fn plain(message: String) -> ReadError {
        ReadError { message, at: None, offset: None, lossy_text: None }
    }
}

/// Reads `path` (symlinks followed) as UTF-8 text of at most `max_bytes`.
/// `what` names the file in messages ("manifest", "settings file").
pub fn read_text(path: &Path, what: &str, max_bytes: u64) -> Result<String, ReadError> {
    let shown = path.display();
    let kind_error = |meta: &std::fs::Metadata| {
        ReadError::plain(format!(
            "cannot read {what} `{shown}`: it is {}, not a regular file",
            describe_kind(meta.file_type())
        ))
    };
    let meta = std::fs::metadata(path).map_err(|e| ReadError::plain(format!("cannot read {what} `{shown}`: {e}")))?;
    if !meta.is_file() {
        return Err(kind_error(&meta));
    }
    // Opened without blocking, so that a file swapped for a FIFO between the
    // check above and here cannot hang juris; the handle is checked again.
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(|e| ReadError::plain(format!("cannot read {what} `{shown}`: {e}")))?;
    let meta = file.metadata().map_err(|e| ReadError::plain(format!("cannot read {what} `{shown}`: {e}")))?;
    if !meta.is_file() {
        return Err(kind_error(&meta));
    }
    let too_large = || {
        ReadError::plain(format!(
            "cannot read {what} `{shown}`: it is larger than {max_bytes} bytes (the `max_manifest_bytes` limit in juris.toml)"
        ))
    };
    if meta.len() > max_bytes {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // One byte more than allowed tells a file that grew past the limit.
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::plain(format!("cannot read {what} `{shown}`: {e}")))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let valid = &error.as_bytes()[..offset];
        // `valid` is UTF-8 by definition of `valid_up_to`.
        let text = std::str::from_utf8(valid).unwrap_or_default();
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        ReadError {
            message: format!(
                "{what} `{shown}` is not valid UTF-8: byte 0x{:02x} at line {line}, column {column} (byte offset {offset}); save the file as UTF-8",
                error.as_bytes()[offset]
            ),
            at: Some((line, column)),
            offset: Some(offset),
            lossy_text: Some(String::from_utf8_lossy(error.as_bytes()).into_owned()),
        }
    })
}

fn describe_kind(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() { "a directory" } else { "not a regular file" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn scratch(name: &str) -> PathBuf {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../target/test-tmp")
            .join(format!("input-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn devices_directories_and_oversized_files_are_refused_without_reading_them() {
        let err = read_text(Path::new("/dev/zero"), "manifest", DEFAULT_MAX_BYTES).unwrap_err();
        assert!(err.message.contains("a character device"), "{err:?}");
        let dir = scratch("kinds");
        let err = read_text(&dir, "manifest", DEFAULT_MAX_BYTES).unwrap_err();
        assert!(err.message.contains("a directory"), "{err:?}");
        let big = dir.join("big.toml");
        std::fs::write(&big, vec![b'#'; 101]).unwrap();
        assert!(read_text(&big, "manifest", 100).unwrap_err().message.contains("larger than 100 bytes"));
        assert_eq!(read_text(&big, "manifest", 101).unwrap().len(), 101);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_rather_than_waited_on() {
        let dir = scratch("fifo");
        let fifo = dir.join("manifest.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
        assert!(made.success());
        assert!(read_text(&fifo, "manifest", DEFAULT_MAX_BYTES).unwrap_err().message.contains("FIFO"));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn invalid_utf8_is_located_at_its_first_bad_byte() {
        let dir = scratch("utf8");
        let file = dir.join("m.toml");
        std::fs::write(&file, b"a = 1\nname = \"caf\xc3\xa9 \xff\"\n").unwrap();
        let err = read_text(&file, "manifest", DEFAULT_MAX_BYTES).unwrap_err();
        assert_eq!(err.at, Some((2, 14)), "{err:?}");
        assert_eq!(err.offset, Some(20));
        assert!(err.message.contains("0xff") && err.message.contains("line 2, column 14"), "{err:?}");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
