import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file front to back in blocks of whole records with read(2), for inputs larger than memory: the file is
/// not mapped, so reading it costs one block of memory however large it is (issue 16). Each block ends at a
/// record boundary chosen by the caller (a line end; a line end outside quotes for CSV), the rest is carried over.
public final class BlockReader: @unchecked Sendable {
    /// The file being read.
    public let path: String
    private let fd: Int32

    /// Why a file could not be opened (the system's reason).
    public struct OpenError: Error, Sendable {
        public let path: String
        public let reason: String
    }

    /// Opens `url` for reading.
    public init(_ url: URL) throws(OpenError) {
        path = url.path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw OpenError(path: path, reason: AtomicFileWriter.errnoText()) }
    }

    deinit { close(fd) }

    /// The file's size in bytes.
    public var size: Int {
        var info = stat()
        return fstat(fd, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Calls `body(block, offset)` for consecutive blocks of about `blockSize` bytes that together are the whole file,
    /// `offset` being the block's position in the file. `boundary(bytes)` returns the end of the last complete record
    /// in `bytes` (nil when there is none: the block grows); the last block is whatever remains. `raw` sees every
    /// byte once, in order, as read (for a digest). A record longer than `maximumRecord` bytes is handed out cut
    /// (the caller's parser then reports it), so a file without record ends cannot fill memory.
    public func forEachBlock<E: Error>(blockSize: Int = 32 << 20, maximumRecord: Int = 256 << 20, boundary: (UnsafeBufferPointer<UInt8>) -> Int?,
                                       raw: (UnsafeRawBufferPointer) -> Void = { _ in },
                                       _ body: (UnsafeBufferPointer<UInt8>, Int) throws(E) -> Void) throws(E) {
        var buffer = [UInt8](repeating: 0, count: max(64, blockSize))
        var filled = 0, offset = 0, atEnd = false
        while !atEnd {
            if filled == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            let n = buffer.withUnsafeMutableBytes { b in Glibc.read(fd, b.baseAddress! + filled, b.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                atEnd = true  // an unreadable tail ends the file; callers check sizes and counts
            } else if n == 0 {
                atEnd = true
            } else {
                buffer.withUnsafeBytes { raw(UnsafeRawBufferPointer(rebasing: $0[filled..<(filled + n)])) }
                filled += n
                if filled < buffer.count { continue }
            }
            var cut = filled
            if !atEnd {
                if let end = buffer.withUnsafeBufferPointer({ boundary(UnsafeBufferPointer(rebasing: $0[0..<filled])) }), end > 0 {
                    cut = end
                } else if filled < maximumRecord {
                    continue
                }
            }
            if cut > 0 {
                let result: Result<Void, E> = buffer.withUnsafeBufferPointer { b in
                    Result { () throws(E) in try body(UnsafeBufferPointer(rebasing: b[0..<cut]), offset) }
                }
                try result.get()
            }
            offset += cut
            buffer.withUnsafeMutableBytes { b in
                if filled > cut { memmove(b.baseAddress!, b.baseAddress! + cut, filled - cut) }
            }
            filled -= cut
        }
    }

    /// The end of the last line (one past its `\n`) in `bytes`, for `forEachBlock`.
    public static func lineBoundary(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = bytes.count
        while i > 0 {
            if bytes[i - 1] == 10 { return i }
            i -= 1
        }
        return nil
    }

    /// Reads `length` bytes at `offset` (pread(2); safe from several threads at once).
    public func read(offset: Int, length: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: length)
        var done = 0
        while done < length {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, length - done, off_t(offset + done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            done += n
        }
        return out
    }
}
