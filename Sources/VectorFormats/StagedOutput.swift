import Foundation
import GeoCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file that GDAL writes by path, made atomic the way GeoCore's `AtomicFileWriter` makes byte
/// outputs atomic: GDAL writes into a fresh staging directory beside the target (`.STEM.tmp-XXXXXX/NAME`, same
/// file system), and only a complete file is synced and renamed over the target. GDAL's side files (SQLite
/// journals, FlatGeobuf's temporary index) stay inside the staging directory, which is removed on success and
/// on any failure, so nothing half-written is ever left and an existing target is untouched until the rename.
///
/// The same checks as the native writers: the directory must exist and be writable (it is never created),
/// the target must not be a directory, nor one of the run's input files.
final class StagedOutput {
    /// The final path.
    let target: URL
    /// Where GDAL writes: a file with the target's name inside the staging directory.
    let stagingPath: String
    private let stagingDirectory: String
    private var finished = false
    /// Interrupt-cleanup registrations of the staging directory and its files.
    private var cleanup: [Int?] = []

    init(target: URL, protecting inputs: [URL]) throws(VectorFormatError) {
        let path = target.standardizedFileURL.path
        self.target = target.standardizedFileURL
        let directory = self.target.deletingLastPathComponent().path
        func fail(_ error: OutputError) -> VectorFormatError { VectorFormatError(.output(error), path: path) }

        var info = stat()
        guard stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            if errno == ENOENT || errno == ENOTDIR || info.st_mode & S_IFMT != S_IFDIR { throw fail(.directoryNotFound(path: directory)) }
            throw fail(.notWritable(path: directory, reason: Self.errnoText()))
        }
        guard access(directory, W_OK | X_OK) == 0 else { throw fail(.notWritable(path: directory, reason: Self.errnoText())) }
        var targetInfo = stat()
        if stat(path, &targetInfo) == 0 {
            if targetInfo.st_mode & S_IFMT == S_IFDIR { throw fail(.wrongKindOfTarget(path: path, expected: "a file, not a directory")) }
            for input in inputs {
                var inputInfo = stat()
                if stat(input.path, &inputInfo) == 0 && inputInfo.st_dev == targetInfo.st_dev && inputInfo.st_ino == targetInfo.st_ino {
                    throw fail(.wouldOverwriteInput(path: path))
                }
            }
        }
        // The staging directory's name leaves out the extension: GDAL finds the archive inside a `/vsizip/` path
        // (how its XLSX driver writes) by the first `.xlsx` in it, which must be the file's own.
        let stem = self.target.deletingPathExtension().lastPathComponent
        var template = Array((directory + "/." + stem + ".tmp-XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw fail(.notWritable(path: directory, reason: Self.errnoText()))
        }
        stagingDirectory = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        stagingPath = stagingDirectory + "/" + self.target.lastPathComponent
        // Ctrl-C while GDAL writes: the staged file, SQLite's side files and the directory go too.
        cleanup = [InterruptCleanup.register(stagingDirectory, directory: true)]
            + ["", "-journal", "-wal", "-shm"].map { InterruptCleanup.register(stagingPath + $0) }
    }

    deinit {
        if !finished { removeStaging() }
        cleanup.forEach(InterruptCleanup.unregister)
    }

    /// Syncs the staged file to disk, gives it mode 0644 and renames it over the target; the staging directory
    /// is removed whatever happens.
    func commit() throws(VectorFormatError) {
        defer { finished = true; removeStaging() }
        let path = target.path
        let fd = open(stagingPath, O_RDONLY)
        guard fd >= 0 else { throw VectorFormatError(.output(.writeFailed(path: path, reason: "GDAL wrote no file (\(Self.errnoText()))")), path: path) }
        if fsync(fd) != 0 {
            let code = errno
            _ = close(fd)
            throw VectorFormatError(.output(code == ENOSPC || code == EDQUOT ? .diskFull(path: path) : .writeFailed(path: path, reason: Self.errnoText(code))), path: path)
        }
        var info = stat()
        let size = fstat(fd, &info) == 0 ? Int(info.st_size) : -1
        _ = fchmod(fd, AtomicFileWriter.fileMode)
        _ = close(fd)
        // GDAL reports some failures only by leaving an empty file; no format written here is ever 0 bytes.
        guard size > 0 else {
            throw VectorFormatError(.writeFailed(message: "GDAL produced an empty file"), path: path)
        }
        guard rename(stagingPath, path) == 0 else {
            throw VectorFormatError(.output(.writeFailed(path: path, reason: Self.errnoText())), path: path)
        }
    }

    /// Removes the staging directory and everything GDAL left in it.
    private func removeStaging() {
        try? FileManager.default.removeItem(atPath: stagingDirectory)
    }

    private static func errnoText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}
