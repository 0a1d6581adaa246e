//! The host side of the boundary: checking the descriptor a plugin's entry
//! symbol returns before trusting it, and calling through it.

use super::{ABI_MAJOR, AbiBuf, AbiStr, MAGIC, ModuleDescriptor, STATUS_ERROR, error};

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
