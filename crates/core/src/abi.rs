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
//! generates the exports. **This file and the host's loader are the only places
//! in juris with `unsafe` code.**

use std::panic::{AssertUnwindSafe, catch_unwind};

use serde::{Deserialize, Serialize};

use crate::module::{CheckContext, EventContext, RegionalModule, ResolveContext};

/// The ABI major version. A host refuses a plugin whose major differs.
pub const ABI_MAJOR: u16 = 1;
/// The ABI minor version: methods and fields added compatibly. 1.1 added the
/// `resolve` method; a 1.0 plugin answers it with [`STATUS_UNSUPPORTED`].
pub const ABI_MINOR: u16 = 1;
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

/// The JSON payload of a failed call.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CallError {
    /// What went wrong.
    pub message: String,
}

/// Dispatches one named method to a module, in safe code. Returns a status and
/// the JSON output.
pub fn dispatch<M: RegionalModule>(module: &M, method: &[u8], input: &[u8]) -> (i32, Vec<u8>) {
    fn run<I: serde::de::DeserializeOwned, O: Serialize>(input: &[u8], f: impl FnOnce(I) -> O) -> (i32, Vec<u8>) {
        match serde_json::from_slice::<I>(input) {
            Ok(request) => match serde_json::to_vec(&f(request)) {
                Ok(bytes) => (STATUS_OK, bytes),
                Err(e) => error(STATUS_ERROR, format!("cannot encode the result: {e}")),
            },
            Err(e) => error(STATUS_ERROR, format!("cannot decode the request: {e}")),
        }
    }
    match method {
        b"describe" => run(input, |()| module.describe()),
        b"check" => run(input, |ctx: CheckContext| module.check(&ctx)),
        b"obligations" => run(input, |ctx: EventContext| module.obligations(&ctx)),
        b"resolve" => run(input, |ctx: ResolveContext| module.resolve(&ctx)),
        other => error(STATUS_UNSUPPORTED, format!("unsupported method `{}`", String::from_utf8_lossy(other))),
    }
}

fn error(status: i32, message: String) -> (i32, Vec<u8>) {
    let bytes = serde_json::to_vec(&CallError { message }).unwrap_or_default();
    (status, bytes)
}

/// The body of a plugin's exported `call`, generated by [`export_module!`](crate::export_module).
///
/// # Safety
/// `method` and `input` must be readable for the duration of the call, and `out`
/// must point at a writable [`AbiBuf`]. The host's loader guarantees both.
#[doc(hidden)]
pub unsafe fn plugin_call<M: RegionalModule>(
    module: impl FnOnce() -> &'static M,
    module_id: &str,
    method: AbiStr,
    input: AbiStr,
    out: *mut AbiBuf,
) -> i32 {
    // SAFETY: the caller guarantees both ranges are readable during this call,
    // and we do not keep them beyond it.
    let (method, input) = unsafe { (method.as_bytes(), input.as_bytes()) };
    quiet_panics();
    let (status, bytes) = match catch_unwind(AssertUnwindSafe(|| dispatch(module(), method, input))) {
        Ok(result) => result,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic with a non-text payload".to_string());
            let site = PANIC_SITE.with(|s| s.take()).map(|s| format!(" at {s}")).unwrap_or_default();
            // Formatting cannot panic here, but dropping a panic payload can;
            // keep the message simple and the payload dropped after we are done.
            let message = format!("module `{module_id}` panicked{site}: {what}");
            // Dropping the payload runs arbitrary Drop code, which could panic
            // again; that must not unwind across `extern "C"` either.
            let _ = catch_unwind(AssertUnwindSafe(move || drop(payload)));
            error(STATUS_PANIC, message)
        }
    };
    if !out.is_null() {
        // SAFETY: `out` is non-null and the caller guarantees it points at a
        // writable AbiBuf; we hand over ownership of `bytes`' allocation.
        unsafe { out.write(AbiBuf::from_vec(bytes)) };
    }
    status
}

/// The body of a plugin's exported `free_buf`.
///
/// # Safety
/// `buf` must be a buffer this plugin returned from `call` and not yet freed.
#[doc(hidden)]
pub unsafe fn plugin_free(buf: AbiBuf) {
    if buf.ptr.is_null() {
        return;
    }
    // SAFETY: the buffer came from `AbiBuf::from_vec` in this same library, so
    // ptr, len and cap describe a live Vec<u8> allocation of this allocator.
    drop(unsafe { Vec::from_raw_parts(buf.ptr, buf.len, buf.cap) });
}

/// Builds a descriptor for a plugin. Used by [`export_module!`](crate::export_module).
#[doc(hidden)]
pub const fn descriptor(
    module_id: &'static str,
    call: unsafe extern "C" fn(AbiStr, AbiStr, *mut AbiBuf) -> i32,
    free_buf: unsafe extern "C" fn(AbiBuf),
) -> ModuleDescriptor {
    ModuleDescriptor {
        magic: MAGIC,
        struct_size: std::mem::size_of::<ModuleDescriptor>() as u32,
        abi_major: ABI_MAJOR,
        abi_minor: ABI_MINOR,
        pointer_width: std::mem::size_of::<usize>() as u8,
        panic_unwind: cfg!(panic = "unwind") as u8,
        reserved: [0; 6],
        module_id: AbiStr::from_bytes(module_id.as_bytes()),
        core_version: AbiStr::from_bytes(crate::CORE_VERSION.as_bytes()),
        call: Some(call),
        free_buf: Some(free_buf),
    }
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
        let error: CallError = serde_json::from_slice(&bytes).unwrap();
        assert!(error.message.contains("frobnicate"));
        let (status, _) = dispatch(&Empty, b"check", b"not json");
        assert_eq!(status, STATUS_ERROR);
        let (status, bytes) = dispatch(&Empty, b"describe", b"null");
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

thread_local! {
    static PANIC_SITE: std::cell::Cell<Option<String>> = const { std::cell::Cell::new(None) };
}

/// Replaces the plugin's panic hook (a plugin has its own copy of std) with one
/// that records where the panic happened instead of printing to the host's
/// stderr: the host reports the panic as an error naming the module.
fn quiet_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let site = info.location().map(|l| format!("{}:{}", l.file(), l.line()));
            PANIC_SITE.with(|s| s.set(site));
        }));
    });
}

/// Why a host could not use a plugin's descriptor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandshakeError {
    /// The entry returned null or the magic is wrong.
    NotAPlugin,
    /// Built for another ABI major.
    AbiMajor {
        /// The plugin's major.
        plugin: u16,
    },
    /// Built for another pointer width.
    PointerWidth {
        /// The plugin's pointer width in bytes.
        plugin: u8,
    },
    /// Built with `panic = "abort"`: a panic would take the host down.
    PanicAbort,
    /// The descriptor is smaller than ABI v1's.
    TooSmall {
        /// The plugin's descriptor size.
        plugin: u32,
    },
    /// `call` or `free_buf` is null.
    MissingFunction,
}

impl std::fmt::Display for HandshakeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HandshakeError::NotAPlugin => f.write_str("its entry point returned no juris module descriptor"),
            HandshakeError::AbiMajor { plugin } => write!(
                f,
                "it was built for juris plugin ABI v{plugin}, but this juris speaks ABI v{ABI_MAJOR}; rebuild it against a juris-core with ABI v{ABI_MAJOR}"
            ),
            HandshakeError::PointerWidth { plugin } => write!(
                f,
                "it was built for {}-bit pointers, this juris for {}-bit",
                u32::from(*plugin) * 8,
                std::mem::size_of::<usize>() * 8
            ),
            HandshakeError::PanicAbort => f.write_str(
                "it was built with panic = \"abort\", so a panic in it would abort juris; rebuild it with panic = \"unwind\"",
            ),
            HandshakeError::TooSmall { plugin } => write!(f, "its descriptor is {plugin} bytes, smaller than ABI v1's"),
            HandshakeError::MissingFunction => f.write_str("its descriptor has no `call` or no `free_buf` function"),
        }
    }
}

/// A descriptor the host has checked.
#[derive(Clone, Copy)]
pub struct Checked {
    descriptor: &'static ModuleDescriptor,
    call: unsafe extern "C" fn(AbiStr, AbiStr, *mut AbiBuf) -> i32,
    free_buf: unsafe extern "C" fn(AbiBuf),
}

/// The fields of a descriptor the host reads before trusting the rest. The
/// layout of this prefix is frozen for every ABI major.
#[repr(C)]
struct DescriptorPrefix {
    magic: [u8; 8],
    struct_size: u32,
    abi_major: u16,
    abi_minor: u16,
    pointer_width: u8,
    panic_unwind: u8,
}

/// The size of an ABI 1.0 descriptor: up to and including `free_buf`, its
/// last field. Later minors only append fields, so no v1 descriptor is
/// smaller, and fields appended later are read only when `struct_size` says a
/// plugin has them.
pub const MIN_DESCRIPTOR_SIZE: usize =
    std::mem::offset_of!(ModuleDescriptor, free_buf) + std::mem::size_of::<Option<unsafe extern "C" fn(AbiBuf)>>();

/// Checks a descriptor returned by a plugin's entry symbol.
///
/// # Safety
/// `ptr` must be null or point at memory readable for the life of the process
/// that starts with a [`DescriptorPrefix`]; a plugin's entry symbol promises
/// that. The rest of the descriptor is only read once the prefix says it is an
/// ABI v1 descriptor of sufficient size.
pub unsafe fn check_descriptor(ptr: *const ModuleDescriptor) -> Result<Checked, HandshakeError> {
    if ptr.is_null() {
        return Err(HandshakeError::NotAPlugin);
    }
    // SAFETY: the caller guarantees `ptr` points at a live, static prefix.
    let prefix = unsafe { &*ptr.cast::<DescriptorPrefix>() };
    if prefix.magic != MAGIC {
        return Err(HandshakeError::NotAPlugin);
    }
    if prefix.abi_major != ABI_MAJOR {
        return Err(HandshakeError::AbiMajor { plugin: prefix.abi_major });
    }
    if usize::from(prefix.pointer_width) != std::mem::size_of::<usize>() {
        return Err(HandshakeError::PointerWidth { plugin: prefix.pointer_width });
    }
    if (prefix.struct_size as usize) < MIN_DESCRIPTOR_SIZE {
        return Err(HandshakeError::TooSmall { plugin: prefix.struct_size });
    }
    if prefix.panic_unwind == 0 {
        return Err(HandshakeError::PanicAbort);
    }
    // The prefix says this is an ABI v1 descriptor of at least the 1.0 size,
    // kept in static memory; every field of a 1.0 descriptor is valid for any
    // bit pattern of its type (the function pointers are `Option`s).
    // SAFETY: so reading it as a `ModuleDescriptor` for 'static is sound.
    let descriptor: &'static ModuleDescriptor = unsafe { &*ptr };
    let (Some(call), Some(free_buf)) = (descriptor.call, descriptor.free_buf) else {
        return Err(HandshakeError::MissingFunction);
    };
    Ok(Checked { descriptor, call, free_buf })
}

impl Checked {
    /// The module id the plugin declares.
    pub fn module_id(&self) -> String {
        // SAFETY: descriptor strings are static for the life of the process.
        String::from_utf8_lossy(unsafe { self.descriptor.module_id.as_bytes() }).into_owned()
    }

    /// The juris-core version the plugin was built against.
    pub fn core_version(&self) -> String {
        // SAFETY: as above.
        String::from_utf8_lossy(unsafe { self.descriptor.core_version.as_bytes() }).into_owned()
    }

    /// The plugin's ABI version, `major.minor`.
    pub fn abi(&self) -> (u16, u16) {
        (self.descriptor.abi_major, self.descriptor.abi_minor)
    }

    /// Calls a method and copies the output out of the plugin's buffer, which is
    /// freed by the plugin before this returns.
    pub fn call(&self, method: &str, input: &[u8]) -> (i32, Vec<u8>) {
        let mut out = AbiBuf::EMPTY;
        // SAFETY: method and input are live for the whole call; `out` is a valid
        // AbiBuf the plugin may overwrite. The plugin catches its own panics.
        let status = unsafe { (self.call)(AbiStr::from_bytes(method.as_bytes()), AbiStr::from_bytes(input), &mut out) };
        if out.ptr.is_null() {
            return (status, Vec::new());
        }
        if out.len > out.cap || out.len > isize::MAX as usize {
            // Not a buffer `from_vec` could have made: neither read nor free it.
            return error(STATUS_ERROR, "the plugin returned a malformed buffer".to_string());
        }
        // SAFETY: the plugin filled `out` with a buffer of `len` initialised
        // bytes (len <= cap, checked above) that stays valid until we free it.
        let bytes = unsafe { std::slice::from_raw_parts(out.ptr, out.len) }.to_vec();
        // SAFETY: `out` came from this plugin's `call` and is freed exactly once,
        // by the same plugin that allocated it.
        unsafe { (self.free_buf)(out) };
        (status, bytes)
    }
}

/// Exports a [`RegionalModule`] as a juris plugin: generates the entry symbol,
/// the static descriptor, and `call`/`free` functions that catch panics.
///
/// The type must implement `Default`; the module is constructed once, on the
/// first call. The id given must be the id `describe()` returns.
///
/// ```text
/// #[derive(Default)]
/// pub struct Switzerland;
/// impl juris_core::RegionalModule for Switzerland { /* … */ }
/// juris_core::export_module!(Switzerland, "ch");
/// ```
#[macro_export]
macro_rules! export_module {
    ($module:ty, $id:literal) => {
        #[doc(hidden)]
        #[allow(unsafe_code)]
        pub mod __juris_plugin_export {
            use super::*;

            fn instance() -> &'static $module {
                static MODULE: ::std::sync::OnceLock<$module> = ::std::sync::OnceLock::new();
                MODULE.get_or_init(<$module as ::core::default::Default>::default)
            }

            unsafe extern "C" fn call(
                method: $crate::abi::AbiStr,
                input: $crate::abi::AbiStr,
                out: *mut $crate::abi::AbiBuf,
            ) -> i32 {
                // SAFETY: the host passes readable method/input ranges and a
                // writable `out` for the duration of the call (see abi docs).
                unsafe { $crate::abi::plugin_call(instance, $id, method, input, out) }
            }

            unsafe extern "C" fn free_buf(buf: $crate::abi::AbiBuf) {
                // SAFETY: the host only frees buffers this plugin returned.
                unsafe { $crate::abi::plugin_free(buf) }
            }

            static DESCRIPTOR: $crate::abi::ModuleDescriptor = $crate::abi::descriptor($id, call, free_buf);

            /// The plugin's entry point: returns its static descriptor.
            // SAFETY: the symbol name is unique to juris plugins (it carries the
            // ABI major), so it cannot clash with another exported symbol.
            #[unsafe(no_mangle)]
            pub extern "C" fn juris_module_v1() -> *const $crate::abi::ModuleDescriptor {
                &DESCRIPTOR
            }
        }
    };
}
