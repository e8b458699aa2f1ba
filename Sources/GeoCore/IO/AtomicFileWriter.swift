import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that it appears complete or not at all: the bytes go to a temporary file in the
/// target's directory (`.NAME.tmp-XXXXXX`, same file system, so the final `rename(2)` is atomic),
/// which is flushed with `fsync` and renamed over the target only after every byte was written.
/// On any failure the temporary file is removed and an existing target is untouched.
///
/// The target directory must exist (it is never created). The new file gets mode 0644.
public struct AtomicFileWriter: Sendable {
    /// The `write(2)` contract: write up to `count` bytes, return how many were written, or -1 with `errno` set.
    public typealias WriteFunction = @Sendable (_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int

    /// How bytes reach the file descriptor; tests inject a failing one to simulate a full disk.
    public var writeFunction: WriteFunction

    /// Whether a file larger than one staging buffer (8 MiB) is written past the page cache with direct I/O
    /// (`StagedFileOutput`): right for outputs this process does not read again; a file read back at once
    /// (a partition's part file) keeps its pages cached.
    public var bypassesPageCache: Bool

    public init(bypassesPageCache: Bool = true,
                writeFunction: @escaping WriteFunction = { fd, bytes, count in systemWrite(fd, bytes, count) }) {
        self.bypassesPageCache = bypassesPageCache
        self.writeFunction = writeFunction
    }

    /// Writes `bytes` to `url` atomically, refusing to replace any of `inputs` (compared by device and inode).
    public func write(_ bytes: [UInt8], to url: URL, protecting inputs: [URL] = []) throws(OutputError) {
        let result: Result<Void, OutputError> = bytes.withUnsafeBytes { raw in
            Result { () throws(OutputError) in try write(raw, to: url, protecting: inputs) }
        }
        try result.get()
    }

    /// Writes `data` to `url` atomically, refusing to replace any of `inputs`.
    public func write(_ data: Data, to url: URL, protecting inputs: [URL] = []) throws(OutputError) {
        let result: Result<Void, OutputError> = data.withUnsafeBytes { raw in
            Result { () throws(OutputError) in try write(raw, to: url, protecting: inputs) }
        }
        try result.get()
    }

    /// Writes the bytes in `raw` to `url` atomically.
    public func write(_ raw: UnsafeRawBufferPointer, to url: URL, protecting inputs: [URL] = []) throws(OutputError) {
        try writeAtomically(to: url, protecting: inputs) { output throws(OutputError) in try output.append(raw) }
    }

    /// Writes the concatenation of `parts` to `url` atomically, without joining them in memory first
    /// (large outputs encoded in parallel chunks).
    public func write(parts: [[UInt8]], to url: URL, protecting inputs: [URL] = []) throws(OutputError) {
        try writeAtomically(to: url, protecting: inputs) { output throws(OutputError) in
            for part in parts {
                let result: Result<Void, OutputError> = part.withUnsafeBytes { raw in
                    Result { () throws(OutputError) in try output.append(raw) }
                }
                try result.get()
            }
        }
    }

    /// Writes the bytes `produce` hands to its `emit` callback, in order, to `url` atomically: a large
    /// output can be encoded and written piece by piece without holding all of it in memory (issue 15).
    public func write(
        to url: URL, protecting inputs: [URL] = [],
        streaming produce: (_ emit: (UnsafeRawBufferPointer) throws(OutputError) -> Void) throws(OutputError) -> Void
    ) throws(OutputError) {
        try writeAtomically(to: url, protecting: inputs) { output throws(OutputError) in
            try produce { raw throws(OutputError) in try output.append(raw) }
        }
    }

    /// `write(to:protecting:streaming:)` for a producer that fails with errors of its own: such an error aborts
    /// the write (nothing is left behind) and is rethrown as it was.
    public func write(to url: URL, protecting inputs: [URL] = [], producing produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        var failure: (any Error)?
        do {
            try write(to: url, protecting: inputs) { emit throws(OutputError) in
                do {
                    try withoutActuallyEscaping(emit) { emit in
                        try produce { bytes in
                            let r: Result<Void, OutputError> = bytes.withUnsafeBytes { raw in Result { () throws(OutputError) in try emit(raw) } }
                            try r.get()
                        }
                    }
                } catch let error as OutputError {
                    throw error
                } catch {
                    failure = error
                    throw OutputError.writeFailed(path: url.path, reason: "aborted")
                }
            }
        } catch {
            if let failure { throw failure }
            throw error
        }
    }

    /// Creates a temporary file beside `url`, lets `emit` fill it, syncs it and renames it into place;
    /// on any failure the temporary file is removed and an existing target is left as it was.
    private func writeAtomically(
        to url: URL, protecting inputs: [URL], _ emit: (_ output: StagedFileOutput) throws(OutputError) -> Void
    ) throws(OutputError) {
        let path = url.standardizedFileURL.path
        let directory = url.standardizedFileURL.deletingLastPathComponent().path
        try Self.checkDestination(url, protecting: inputs)

        var template = Array((directory + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .notWritable(path: directory, reason: Self.errnoText()) }
        let temporaryPath = AtomicFileWriter.string(fromCString: template)
        let cleanup = InterruptCleanup.register(temporaryPath)
        defer { InterruptCleanup.unregister(cleanup) }
        var closed = false
        do throws(OutputError) {
            let output = try StagedFileOutput(fd: fd, path: path, writeFunction: writeFunction, allowsDirectIO: bypassesPageCache)
            try emit(output)
            try output.finish()
            if fsync(fd) != 0 {
                let code = errno
                throw code == ENOSPC || code == EDQUOT ? OutputError.diskFull(path: path) : OutputError.writeFailed(path: path, reason: Self.errnoText(code))
            }
            _ = fchmod(fd, Self.fileMode)  // mkstemp creates 0600; give the file the usual permissions
            closed = true
            if close(fd) != 0 { throw OutputError.writeFailed(path: path, reason: Self.errnoText()) }
            if rename(temporaryPath, path) != 0 { throw OutputError.writeFailed(path: path, reason: Self.errnoText()) }
        } catch {
            if !closed { _ = close(fd) }
            _ = unlink(temporaryPath)
            throw error
        }
    }

    /// The checks a write makes before it starts, for callers that want them before long work: the directory
    /// exists and is writable, the target is not a directory and is not one of `inputs` (same file, by inode).
    public static func checkDestination(_ url: URL, protecting inputs: [URL] = []) throws(OutputError) {
        let path = url.standardizedFileURL.path
        try checkDirectory(url.standardizedFileURL.deletingLastPathComponent().path)
        var targetInfo = stat()
        guard stat(path, &targetInfo) == 0 else { return }
        if targetInfo.st_mode & S_IFMT == S_IFDIR { throw .wrongKindOfTarget(path: path, expected: "a file, not a directory") }
        for input in inputs {
            var inputInfo = stat()
            if stat(input.path, &inputInfo) == 0 && inputInfo.st_dev == targetInfo.st_dev && inputInfo.st_ino == targetInfo.st_ino {
                throw .wouldOverwriteInput(path: path)
            }
        }
    }

    /// The process's file-creation mask, read once (reading it means setting it, so it is set straight back).
    static let umaskValue: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()

    /// 0666 less the umask: the permissions `open(2)` would have given a new file.
    public static var fileMode: mode_t { 0o666 & ~umaskValue }

    /// 0777 less the umask: the permissions `mkdir(2)` would have given a new directory.
    public static var directoryMode: mode_t { 0o777 & ~umaskValue }

    /// Throws unless `directory` exists, is a directory and is writable.
    static func checkDirectory(_ directory: String) throws(OutputError) {
        var info = stat()
        guard stat(directory, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .directoryNotFound(path: directory) }
            throw .notWritable(path: directory, reason: errnoText())
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .directoryNotFound(path: directory) }
        guard access(directory, W_OK | X_OK) == 0 else { throw .notWritable(path: directory, reason: errnoText()) }
    }

    static func string(fromCString chars: [CChar]) -> String {
        String(decoding: chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func errnoText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}

/// `write(2)`, named so that the default `WriteFunction` does not clash with `AtomicFileWriter.write`.
@inline(__always)
public func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, bytes, count)
    #else
    Darwin.write(fd, bytes, count)
    #endif
}
