//! Plugins in child processes.
//!
//! With isolation, the host re-executes its own binary in a hidden plugin-host
//! mode (`juris __plugin-host FILE`), which loads one plugin and answers calls
//! framed over its standard input and output. The messages are the ones the
//! in-process ABI carries (a method name and JSON in, a status and JSON out), so
//! a plugin behaves the same either way. What isolation adds: a plugin that
//! aborts, segfaults, loops or writes garbage on stdout becomes an error naming
//! it, and the host goes on.
//!
//! Frames: a request is `JRQ1`, the method's length (u32 LE) and bytes, the
//! input's length (u64 LE) and bytes; a response is `JRS1`, the status (i32 LE),
//! the output's length (u64 LE) and bytes. The child's first frame is a hello:
//! status 0 with `{"module_id", "abi"}`, or status -1 with why it could not load.

use std::io::{BufReader, Read, Write};
use std::path::Path;
use std::process::{ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};

const REQUEST: &[u8; 4] = b"JRQ1";
const RESPONSE: &[u8; 4] = b"JRS1";
/// The hidden subcommand the host re-executes itself with.
pub const PLUGIN_HOST_COMMAND: &str = "__plugin-host";
/// The largest frame either side accepts (1 GiB): a guard against garbage
/// lengths, far above any real manifest.
const MAX_FRAME: u64 = 1 << 30;
/// How much of a crashed child's stderr a message quotes.
const STDERR_TAIL: usize = 600;

#[derive(Serialize, Deserialize)]
struct Hello {
    module_id: String,
    abi: (u16, u16),
}

/// A plugin running in a child process, from the host's side.
pub struct Child {
    shown: String,
    module_id: String,
    abi: (u16, u16),
    timeout: Duration,
    /// One call at a time: a request and its answer must not interleave with
    /// another thread's.
    state: Mutex<State>,
}

struct State {
    process: Option<std::process::Child>,
    stdin: Option<Arc<Mutex<ChildStdin>>>,
    responses: Receiver<Result<(i32, Vec<u8>), String>>,
    stderr: Arc<Mutex<Vec<u8>>>,
    dead: Option<String>,
}

impl Child {
    /// Starts `juris __plugin-host FILE SHOWN` and waits for its hello. `shown`
    /// names the plugin in messages; `file` is what the child loads.
    pub fn spawn(shown: &Path, file: &Path, timeout: Duration) -> Result<Child, String> {
        let name = shown.display().to_string();
        let exe = std::env::current_exe()
            .map_err(|e| format!("plugin `{name}`: cannot find the juris binary to isolate it: {e}"))?;
        let mut process = Command::new(exe)
            .arg(PLUGIN_HOST_COMMAND)
            // After `--`, a path that starts with `-` is not read as an option.
            .arg("--")
            .arg(file)
            .arg(shown)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("plugin `{name}`: cannot start an isolated plugin host: {e}"))?;
        let stdout = process.stdout.take().ok_or("no child stdout")?;
        let stdin = process.stdin.take().map(|s| Arc::new(Mutex::new(s)));
        let stderr_buf = Arc::new(Mutex::new(Vec::new()));
        if let Some(mut stderr) = process.stderr.take() {
            let buf = stderr_buf.clone();
            std::thread::spawn(move || {
                let mut chunk = [0u8; 4096];
                while let Ok(n) = stderr.read(&mut chunk) {
                    if n == 0 {
                        break;
                    }
                    if let Ok(mut b) = buf.lock() {
                        b.extend_from_slice(&chunk[..n]);
                        let excess = b.len().saturating_sub(64 * 1024);
                        b.drain(..excess);
                    }
                }
            });
        }
        let (send, responses) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let frame = read_response(&mut reader);
                let stop = frame.is_err();
                if send.send(frame).is_err() || stop {
                    break;
                }
            }
        });
        let state = State { process: Some(process), stdin, responses, stderr: stderr_buf, dead: None };
        let mut child = Child { shown: name, module_id: String::new(), abi: (0, 0), timeout, state: Mutex::new(state) };
        let (status, bytes) = {
            let mut state = child.state.lock().map_err(|_| "isolated plugin state poisoned".to_string())?;
            child.receive(&mut state, "start-up")?
        };
        if status != 0 {
            return Err(String::from_utf8_lossy(&bytes).into_owned());
        }
        let hello: Hello = serde_json::from_slice(&bytes)
            .map_err(|e| format!("plugin `{}`: the isolated plugin host sent an unreadable hello: {e}", child.shown))?;
        child.module_id = hello.module_id;
        child.abi = hello.abi;
        Ok(child)
    }

    /// The module id the plugin's descriptor declares.
    pub fn module_id(&self) -> &str {
        &self.module_id
    }

    /// The plugin's ABI version.
    pub fn abi(&self) -> (u16, u16) {
        self.abi
    }

    /// Sends one call and waits, at most the timeout, for its answer. The
    /// request is written on its own thread, so a child that stops reading
    /// cannot block the host past the timeout either.
    pub fn call(&self, method: &str, input: &[u8]) -> Result<(i32, Vec<u8>), String> {
        let mut state = self.state.lock().map_err(|_| "isolated plugin state poisoned".to_string())?;
        if let Some(why) = &state.dead {
            return Err(why.clone());
        }
        let Some(stdin) = state.stdin.clone() else {
            return Err(self.failure(&mut state, method, "its process no longer takes requests"));
        };
        let frame = encode_request(method, input);
        std::thread::spawn(move || {
            // A failed write shows up as the child's death or a timeout.
            if let Ok(mut pipe) = stdin.lock() {
                let _ = pipe.write_all(&frame).and_then(|()| pipe.flush());
            }
        });
        self.receive(&mut state, method)
    }

    fn receive(&self, state: &mut State, method: &str) -> Result<(i32, Vec<u8>), String> {
        match state.responses.recv_timeout(self.timeout) {
            Ok(Ok(frame)) => Ok(frame),
            Ok(Err(protocol)) => Err(self.failure(state, method, &protocol)),
            Err(RecvTimeoutError::Timeout) => Err(self.failure(
                state,
                method,
                &format!(
                    "it did not answer within {} s (the per-call timeout) and was stopped",
                    self.timeout.as_secs_f64()
                ),
            )),
            Err(RecvTimeoutError::Disconnected) => Err(self.failure(state, method, "its process went away")),
        }
    }

    /// Stops the child, records why, and builds the message that names it.
    fn failure(&self, state: &mut State, method: &str, what: &str) -> String {
        let mut exit = String::new();
        if let Some(mut process) = state.process.take() {
            // Give a crashing child a moment to finish dying, so its exit
            // status (e.g. the signal) is known, then make sure it is gone.
            let mut status = None;
            for _ in 0..20 {
                if let Ok(Some(s)) = process.try_wait() {
                    status = Some(s);
                    break;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            if status.is_none() {
                let _ = process.kill();
                status = process.wait().ok();
            }
            if let Some(status) = status {
                exit = describe_exit(status);
            }
        }
        state.stdin = None;
        let stderr = state.stderr.lock().map(|b| b.clone()).unwrap_or_default();
        let tail = String::from_utf8_lossy(&stderr[stderr.len().saturating_sub(STDERR_TAIL)..]).trim().to_string();
        let tail = if tail.is_empty() { String::new() } else { format!("; its last words: {tail}") };
        let module = if self.module_id.is_empty() { String::new() } else { format!(" (module `{}`)", self.module_id) };
        let message = format!("plugin `{}`{module} failed in `{method}`: {what}{exit}{tail}", self.shown);
        state.dead = Some(message.clone());
        message
    }
}

impl Drop for Child {
    fn drop(&mut self) {
        if let Ok(mut state) = self.state.lock() {
            state.stdin = None;
            if let Some(mut process) = state.process.take() {
                let _ = process.kill();
                let _ = process.wait();
            }
        }
    }
}

#[cfg(unix)]
fn describe_exit(status: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (_, Some(signal)) => format!(" (the process was killed by signal {signal}{})", signal_name(signal)),
        (Some(code), _) => format!(" (the process exited with code {code})"),
        _ => String::new(),
    }
}

#[cfg(not(unix))]
fn describe_exit(status: std::process::ExitStatus) -> String {
    format!(" (the process ended: {status})")
}

#[cfg(unix)]
fn signal_name(signal: i32) -> &'static str {
    match signal {
        4 => ", SIGILL",
        6 => ", SIGABRT",
        7 => ", SIGBUS",
        9 => ", SIGKILL",
        11 => ", SIGSEGV",
        _ => "",
    }
}

fn read_exact_or(reader: &mut impl Read, buf: &mut [u8], what: &str) -> Result<(), String> {
    reader.read_exact(buf).map_err(|e| {
        if e.kind() == std::io::ErrorKind::UnexpectedEof {
            format!("its process ended while juris waited for {what}")
        } else {
            format!("reading {what} failed: {e}")
        }
    })
}

/// Reads exactly `len` bytes, growing the buffer only as bytes arrive: a
/// length field that lies costs nothing until the bytes are really sent.
fn read_body(reader: &mut impl Read, len: u64, what: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::with_capacity(len.min(1 << 16) as usize);
    reader.take(len).read_to_end(&mut bytes).map_err(|e| format!("reading {what} failed: {e}"))?;
    if (bytes.len() as u64) < len {
        return Err(format!("its process ended while juris waited for {what}"));
    }
    Ok(bytes)
}

/// A request frame: `JRQ1`, the method's length (u32 LE) and bytes, the
/// input's length (u64 LE) and bytes.
pub fn encode_request(method: &str, input: &[u8]) -> Vec<u8> {
    let mut frame = Vec::with_capacity(input.len() + method.len() + 16);
    frame.extend_from_slice(REQUEST);
    frame.extend_from_slice(&(method.len() as u32).to_le_bytes());
    frame.extend_from_slice(method.as_bytes());
    frame.extend_from_slice(&(input.len() as u64).to_le_bytes());
    frame.extend_from_slice(input);
    frame
}

/// Reads one request frame; `Ok(None)` when the stream ends cleanly before
/// one starts. Anything else that is not a well-formed frame is an error.
pub fn read_request(input: &mut impl Read) -> Result<Option<(String, Vec<u8>)>, String> {
    let mut magic = [0u8; 4];
    match input.read(&mut magic[..1]) {
        Ok(0) => return Ok(None),
        Ok(_) => {}
        Err(e) => return Err(e.to_string()),
    }
    read_exact_or(input, &mut magic[1..], "a request")?;
    if &magic != REQUEST {
        return Err("not a juris request".into());
    }
    let mut len = [0u8; 4];
    read_exact_or(input, &mut len, "a request's method length")?;
    let len = u32::from_le_bytes(len);
    if len > 1024 {
        // Reading on would lose the frame boundaries: stop instead.
        return Err("method name too long".into());
    }
    let method = read_body(input, u64::from(len), "a request's method")?;
    let method = String::from_utf8(method).map_err(|_| "the method name is not UTF-8".to_string())?;
    let mut len = [0u8; 8];
    read_exact_or(input, &mut len, "a request's length")?;
    let len = u64::from_le_bytes(len);
    if len > MAX_FRAME {
        return Err("request too large".into());
    }
    let body = read_body(input, len, "a request's body")?;
    Ok(Some((method, body)))
}

/// Reads one response frame: `JRS1`, the status (i32 LE), the output's
/// length (u64 LE) and bytes.
pub fn read_response(reader: &mut impl Read) -> Result<(i32, Vec<u8>), String> {
    let mut magic = [0u8; 4];
    read_exact_or(reader, &mut magic, "an answer")?;
    if &magic != RESPONSE {
        let mut more = vec![0u8; 60];
        let n = reader.read(&mut more).unwrap_or(0);
        let seen = String::from_utf8_lossy(&[&magic[..], &more[..n]].concat()).into_owned();
        return Err(format!("it wrote something that is not a juris answer on its standard output: {seen:?}"));
    }
    let mut status = [0u8; 4];
    read_exact_or(reader, &mut status, "an answer's status")?;
    let mut len = [0u8; 8];
    read_exact_or(reader, &mut len, "an answer's length")?;
    let len = u64::from_le_bytes(len);
    if len > MAX_FRAME {
        return Err(format!("it sent an answer of {len} bytes, more than juris accepts"));
    }
    let bytes = read_body(reader, len, "an answer's body")?;
    Ok((i32::from_le_bytes(status), bytes))
}

/// Writes one response frame.
pub fn write_response(out: &mut impl Write, status: i32, bytes: &[u8]) -> std::io::Result<()> {
    out.write_all(RESPONSE)?;
    out.write_all(&status.to_le_bytes())?;
    out.write_all(&(bytes.len() as u64).to_le_bytes())?;
    out.write_all(bytes)?;
    out.flush()
}

/// The child side: loads `file` in this process and answers framed calls on
/// stdin/stdout until stdin closes. `shown` names the plugin in messages (the
/// parent may have handed over a private copy). Returns the process exit code.
pub fn serve(file: &Path, shown: &Path) -> i32 {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    // Frames go to a duplicate of the pipe; descriptor 1 is pointed at a
    // capture pipe (see `stdio`), so the plugin's own prints are caught and
    // turned into a failed call, never read as frames. Should that fail, the
    // host still refuses anything that is not a frame.
    let mut output: Box<dyn Write> = match crate::stdio::claim_stdout() {
        Ok(file) => Box::new(std::io::BufWriter::new(file)),
        Err(_) => Box::new(std::io::stdout().lock()),
    };
    let handle = match crate::plugin::open_library(shown, file) {
        Ok(handle) => handle,
        Err(message) => {
            let _ = write_response(&mut output, -1, message.as_bytes());
            return 3;
        }
    };
    let hello = Hello { module_id: handle.module_id(), abi: handle.abi() };
    if write_response(&mut output, 0, &serde_json::to_vec(&hello).unwrap_or_default()).is_err() {
        return 3;
    }
    loop {
        let (method, body) = match read_request(&mut input) {
            Ok(Some(request)) => request,
            Ok(None) => return 0, // The host closed the pipe: done.
            Err(_) => return 2,
        };
        let (mut status, mut bytes) = handle.call(&method, &body);
        let stray = crate::stdio::stray_output();
        if !stray.is_empty() {
            status = juris_core::abi::STATUS_ERROR;
            bytes = serde_json::to_vec(&juris_core::abi::ErrorPayload { message: stray_message(&stray) })
                .unwrap_or_default();
        }
        if write_response(&mut output, status, &bytes).is_err() {
            return 0;
        }
    }
}

/// The error for a plugin that wrote to standard output during a call.
pub(crate) fn stray_message(stray: &[u8]) -> String {
    format!(
        "it wrote {} byte(s) to standard output, which belongs to juris's report: \"{}\"",
        stray.len(),
        crate::stdio::excerpt(stray)
    )
}
