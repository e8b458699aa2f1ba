#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The byte sink behind `AtomicFileWriter`: bytes are gathered in one page-aligned buffer of 8 MiB and
/// written a whole buffer at a time. Once a file outgrows one buffer (and the writer allows it), the full
/// buffers go to the device with direct I/O (`O_DIRECT`), past the page cache; the last, partial buffer is
/// written through the page cache, because direct I/O takes whole blocks only.
///
/// Why (issue 15): a buffered `write(2)` makes the kernel copy every byte into newly allocated page-cache
/// pages. For the 620 MB ranked GeoJSON of a million sites that copy was 13 % of all CPU samples (`perf`,
/// `copy_folio_from_iter_atomic`, ≈ 1.5 CPU-seconds on this virtual machine), taken from the encoders
/// running beside it; with direct I/O the device reads the buffer itself and the calling thread only waits.
/// A file system that refuses direct I/O (`fcntl` or the first write fails with `EINVAL`: tmpfs before
/// Linux 6.6, some FUSE and network file systems) is written through the page cache as before; the bytes
/// are the same either way.
final class StagedFileOutput {
    /// Buffer address, file offsets and lengths of direct writes are multiples of this (the largest logical
    /// block size in common use; smaller ones divide it).
    static let alignment = 4096
    /// The staging buffer's size: large sequential writes, few system calls.
    static let capacity = 8 << 20

    private let fd: Int32
    private let path: String
    private let writeFunction: AtomicFileWriter.WriteFunction
    private let allowsDirectIO: Bool
    private let buffer: UnsafeMutableRawPointer
    private var filled = 0
    private var triedDirectIO = false
    /// Whether the descriptor is in direct-I/O mode now (tests read it).
    private(set) var isDirect = false

    /// A sink writing to `fd` (the file at `path`, named in errors) through `writeFunction`.
    init(fd: Int32, path: String, writeFunction: @escaping AtomicFileWriter.WriteFunction, allowsDirectIO: Bool) throws(OutputError) {
        var memory: UnsafeMutableRawPointer?
        guard posix_memalign(&memory, Self.alignment, Self.capacity) == 0, let memory else {
            throw .writeFailed(path: path, reason: "cannot allocate the output buffer")
        }
        self.fd = fd
        self.path = path
        self.writeFunction = writeFunction
        self.allowsDirectIO = allowsDirectIO && StagedFileOutput.directFlag != nil
        self.buffer = memory
    }

    deinit { free(buffer) }

    /// Appends `raw` to the file (staged; written when the buffer is full or at `finish()`).
    func append(_ raw: UnsafeRawBufferPointer) throws(OutputError) {
        var offset = 0
        while offset < raw.count {
            let n = min(Self.capacity - filled, raw.count - offset)
            (buffer + filled).copyMemory(from: raw.baseAddress! + offset, byteCount: n)
            filled += n
            offset += n
            if filled == Self.capacity {
                if !triedDirectIO {
                    triedDirectIO = true
                    if allowsDirectIO { isDirect = setDirect(true) }
                }
                try writeStaged()
            }
        }
    }

    /// Writes what is still staged, through the page cache (a partial block cannot go direct).
    func finish() throws(OutputError) {
        if isDirect { isDirect = !setDirect(false) }
        try writeStaged()
    }

    private func writeStaged() throws(OutputError) {
        var offset = 0
        while offset < filled {
            let n = writeFunction(fd, buffer + offset, filled - offset)
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                // Direct I/O refused after all (or a short write left an unaligned offset): go on buffered.
                if code == EINVAL && isDirect && setDirect(false) {
                    isDirect = false
                    continue
                }
                if code == ENOSPC || code == EDQUOT { throw .diskFull(path: path) }
                throw .writeFailed(path: path, reason: AtomicFileWriter.errnoText(code))
            }
            // A write that makes no progress is how a full device shows up for some writers.
            if n == 0 { throw .diskFull(path: path) }
            offset += n
        }
        filled = 0
    }

    /// Switches direct I/O on or off for the descriptor; false if the file system refuses.
    private func setDirect(_ on: Bool) -> Bool {
        guard let flag = Self.directFlag else { return false }
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0 else { return false }
        return fcntl(fd, F_SETFL, on ? flags | flag : flags & ~flag) == 0
    }

    /// `O_DIRECT`, which Swift's Glibc module does not export (it needs `_GNU_SOURCE`): the Linux ABI values
    /// per architecture (`asm-generic/fcntl.h` and the x86 and PowerPC overrides); nil elsewhere.
    static let directFlag: Int32? = {
        #if os(Linux) && (arch(x86_64) || arch(i386))
        return 0o40000
        #elseif os(Linux) && (arch(arm64) || arch(arm))
        return 0o200000
        #elseif os(Linux) && (arch(powerpc64) || arch(powerpc64le))
        return 0o400000
        #else
        return nil
        #endif
    }()
}
