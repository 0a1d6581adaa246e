//! The plugin ABI: how a regional module crosses a dynamic-library boundary.
//!
//! Rust has no stable ABI and third parties build with other compilers, so the
//! boundary is C and the payload is JSON:
//!
//! - a plugin exports one symbol, [`ENTRY_SYMBOL`] (`juris_module_v1`: the ABI
//!   major is part of the name), a function that returns a pointer to a static
//!   [`ModuleDescriptor`];
//! - the descriptor carries a magic number, its own size, the ABI version, the
//!   plugin's id and juris-core version, and two functions: `call(method, input,
//!   out) -> status`, which carries JSON both ways, and `free_buf`, which frees a
//!   buffer the plugin allocated (memory is freed by whoever allocated it);
//! - every call runs inside `catch_unwind`, so a panic becomes [`STATUS_PANIC`]
//!   with a message naming the module, never an unwind across `extern "C"`.
//!
//! Module authors never write `unsafe`: [`export_module!`](crate::export_module)
//! generates the exports. **This module and the host's loader are the only
//! places in juris with `unsafe` code.**
//!
//! - this file: the wire types both sides share, and [`dispatch`], the safe
//!   method table;
//! - [`export`]: the plugin side, what `export_module!` expands to;
//! - [`host`]: the host side, checking a descriptor and calling through it.

use serde::{Deserialize, Serialize};

use crate::module::{CheckContext, EventContext, RegionalModule, ResolveContext};

mod export;
mod host;

#[doc(hidden)]
pub use export::{descriptor, plugin_call, plugin_free};
pub use host::{Checked, HandshakeError, MIN_DESCRIPTOR_SIZE, check_descriptor};

/// The ABI major version. A host refuses a plugin whose major differs.
pub const ABI_MAJOR: u16 = 1;
/// The ABI minor version: methods and fields added compatibly. 1.1 added the
/// `resolve` method, 1.2 `calendars` and `calendar`, 1.3 `notice_items`, 1.4
/// `describe_brief`; an older plugin answers a newer method with
/// [`STATUS_UNSUPPORTED`].
pub const ABI_MINOR: u16 = 4;
/// The exported entry symbol, NUL-terminated.
pub const ENTRY_SYMBOL: &[u8] = b"juris_module_v1\0";
/// The first bytes of every descriptor.
pub const MAGIC: [u8; 8] = *b"JURISMOD";

/// The call succeeded; the output is the method's JSON result.
pub const STATUS_OK: i32 = 0;
/// The module reported an error; the output is a JSON [`CallError`].
pub const STATUS_ERROR: i32 = 1;
/// The module does not know the method; the host degrades gracefully.
pub const STATUS_UNSUPPORTED: i32 = 2;
/// The module panicked; the output is a JSON [`CallError`] with the panic message.
pub const STATUS_PANIC: i32 = 3;

/// A borrowed byte string: valid for the duration of a call (or, in a
/// descriptor, for the life of the process).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct AbiStr {
    /// Start of the bytes; may be dangling when `len` is 0.
    pub ptr: *const u8,
    /// Number of bytes.
    pub len: usize,
}

impl AbiStr {
    /// Borrows a byte slice for the boundary.
    pub const fn from_bytes(bytes: &[u8]) -> AbiStr {
        AbiStr { ptr: bytes.as_ptr(), len: bytes.len() }
    }

    /// Reads the bytes back.
    ///
    /// # Safety
    /// `ptr..ptr+len` must be readable and unchanged for the lifetime `'a`.
    pub unsafe fn as_bytes<'a>(self) -> &'a [u8] {
        // A null pointer is read as empty whatever the length says: a buggy
        // peer must not make us build a slice from null.
        if self.len == 0 || self.ptr.is_null() {
            return &[];
        }
        // SAFETY: the caller guarantees the range is valid for 'a; a zero
        // length was handled above, so `ptr` is non-null here.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

/// A buffer owned by the plugin that filled it. The host copies it, then gives
/// it back to the same plugin's `free_buf`.
#[repr(C)]
#[derive(Debug)]
pub struct AbiBuf {
    /// Start of the allocation (null when empty).
    pub ptr: *mut u8,
    /// Bytes in use.
    pub len: usize,
    /// Bytes allocated.
    pub cap: usize,
}

impl AbiBuf {
    /// An empty buffer; `free_buf` of it is a no-op.
    pub const EMPTY: AbiBuf = AbiBuf { ptr: std::ptr::null_mut(), len: 0, cap: 0 };

    /// Hands a vector's allocation to the other side.
    pub fn from_vec(bytes: Vec<u8>) -> AbiBuf {
        let mut bytes = std::mem::ManuallyDrop::new(bytes);
        AbiBuf { ptr: bytes.as_mut_ptr(), len: bytes.len(), cap: bytes.capacity() }
    }
}

/// The table a plugin's entry symbol returns. `#[repr(C)]` and append-only:
/// later minor versions add fields at the end and grow `struct_size`.
#[repr(C)]
pub struct ModuleDescriptor {
    /// [`MAGIC`].
    pub magic: [u8; 8],
    /// `size_of::<ModuleDescriptor>()` as the plugin was built.
    pub struct_size: u32,
    /// [`ABI_MAJOR`] as the plugin was built.
    pub abi_major: u16,
    /// [`ABI_MINOR`] as the plugin was built.
    pub abi_minor: u16,
    /// `size_of::<usize>()` in bytes.
    pub pointer_width: u8,
    /// 1 when the plugin was built with `panic = "unwind"`, so panics can be caught.
    pub panic_unwind: u8,
    /// Reserved, zero.
    pub reserved: [u8; 6],
    /// The module id (UTF-8, static).
    pub module_id: AbiStr,
    /// The juris-core version the plugin was built against (UTF-8, static).
    pub core_version: AbiStr,
    /// Calls `method` with JSON `input`; fills `out` with the JSON result or
    /// error and returns a `STATUS_*` code. `Option` so that a null pointer
    /// from a broken plugin is a value the host refuses, not undefined
    /// behaviour (the layout is that of a plain function pointer).
    pub call: Option<unsafe extern "C" fn(method: AbiStr, input: AbiStr, out: *mut AbiBuf) -> i32>,
    /// Frees a buffer this plugin returned through `call`.
    pub free_buf: Option<unsafe extern "C" fn(buf: AbiBuf)>,
}

// SAFETY: a descriptor is immutable static data: its pointers point at static
// strings and its functions are thread-safe entry points, so sharing it between
// threads is sound.
unsafe impl Sync for ModuleDescriptor {}
// SAFETY: as above; nothing in it is tied to the thread that created it.
unsafe impl Send for ModuleDescriptor {}

/// The JSON payload of a failed call (status other than [`STATUS_OK`]).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ErrorPayload {
    /// What went wrong.
    pub message: String,
}

/// JSON that crossed the plugin boundary (a request in the plugin, a result
/// in the host), its UTF-8 checked once for the whole text rather than string
/// by string as `serde_json::from_slice` does: a large manifest, and a large
/// check's findings, are millions of short strings.
pub fn decode_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))?;
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// Dispatches one named method to a module, in safe code. Returns a status and
/// the JSON output.
pub fn dispatch<M: RegionalModule>(module: &M, method: &[u8], input: &[u8]) -> (i32, Vec<u8>) {
    fn run<I: serde::de::DeserializeOwned, O: Serialize>(input: &[u8], f: impl FnOnce(I) -> O) -> (i32, Vec<u8>) {
        match decode_json::<I>(input) {
            Ok(request) => match serde_json::to_vec(&f(request)) {
                Ok(bytes) => (STATUS_OK, bytes),
                Err(e) => error(STATUS_ERROR, format!("cannot encode the result: {e}")),
            },
            Err(e) => error(STATUS_ERROR, format!("cannot decode the request: {e}")),
        }
    }
    match method {
        b"describe" => run(input, |()| module.describe()),
        b"describe_brief" => run(input, |()| module.describe_brief()),
        b"check" => run(input, |ctx: CheckContext| module.check(&ctx)),
        b"obligations" => run(input, |ctx: EventContext| module.obligations(&ctx)),
        b"resolve" => run(input, |ctx: ResolveContext| module.resolve(&ctx)),
        b"calendars" => run(input, |()| module.calendars()),
        b"notice_items" => run(input, |request: crate::module::NoticeRequest| module.notice_items(&request)),
        b"calendar" => run(input, |request: crate::calendar::CalendarRequest| module.calendar(&request)),
        other => error(STATUS_UNSUPPORTED, format!("unsupported method `{}`", String::from_utf8_lossy(other))),
    }
}

pub(crate) fn error(status: i32, message: String) -> (i32, Vec<u8>) {
    let bytes = serde_json::to_vec(&ErrorPayload { message }).unwrap_or_default();
    (status, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::module::{EventContext, Plan};
    use crate::{CheckContext, Finding, ModuleInfo};

    struct Empty;
    impl RegionalModule for Empty {
        fn describe(&self) -> ModuleInfo {
            ModuleInfo {
                id: "empty".into(),
                name: "Empty".into(),
                version: "0".into(),
                jurisdictions: vec![],
                laws: vec![],
                rules: vec![],
                core_version: crate::CORE_VERSION.into(),
                options: None,
            }
        }
        fn check(&self, _: &CheckContext) -> Vec<Finding> {
            Vec::new()
        }
        fn obligations(&self, _: &EventContext) -> Plan {
            Plan::default()
        }
    }

    #[test]
    fn unknown_methods_answer_unsupported_and_bad_input_is_an_error() {
        let (status, bytes) = dispatch(&Empty, b"frobnicate", b"{}");
        assert_eq!(status, STATUS_UNSUPPORTED);
        let error: ErrorPayload = serde_json::from_slice(&bytes).unwrap();
        assert!(error.message.contains("frobnicate"));
        let (status, _) = dispatch(&Empty, b"check", b"not json");
        assert_eq!(status, STATUS_ERROR);
        let (status, bytes) = dispatch(&Empty, b"describe", b"null");
        assert_eq!(status, STATUS_OK);
        assert!(String::from_utf8(bytes).unwrap().contains("\"empty\""));
        let (status, bytes) = dispatch(&Empty, b"describe_brief", b"null");
        assert_eq!(status, STATUS_OK);
        assert!(String::from_utf8(bytes).unwrap().contains("\"empty\""));
    }

    #[test]
    fn descriptors_are_checked() {
        unsafe extern "C" fn call(_: AbiStr, _: AbiStr, _: *mut AbiBuf) -> i32 {
            STATUS_UNSUPPORTED
        }
        unsafe extern "C" fn free(_: AbiBuf) {}
        static GOOD: ModuleDescriptor = descriptor("good", call, free);
        static BAD_MAJOR: ModuleDescriptor = {
            let mut d = descriptor("bad", call, free);
            d.abi_major = 9;
            d
        };
        static BAD_MAGIC: ModuleDescriptor = {
            let mut d = descriptor("bad", call, free);
            d.magic = *b"NOTJURIS";
            d
        };
        // SAFETY: each pointer is to a static descriptor.
        unsafe {
            assert_eq!(check_descriptor(&GOOD).map(|c| c.module_id()).ok().as_deref(), Some("good"));
            assert_eq!(check_descriptor(&BAD_MAJOR).err(), Some(HandshakeError::AbiMajor { plugin: 9 }));
            assert_eq!(check_descriptor(&BAD_MAGIC).err(), Some(HandshakeError::NotAPlugin));
            assert_eq!(check_descriptor(std::ptr::null()).err(), Some(HandshakeError::NotAPlugin));
        }
    }
}
