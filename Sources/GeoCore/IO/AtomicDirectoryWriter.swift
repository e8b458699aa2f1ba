import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates an output directory that appears complete or not at all: `body` fills a temporary
/// sibling `DIR.tmp-XXXXXX`, which is renamed to `DIR` only when `body` returns. If `body` throws,
/// the temporary directory is removed and the error rethrown. Used for multi-file outputs such as
/// sensitivity runs.
public enum AtomicDirectoryWriter {
    /// Fills a new directory at `directory` through `body(temporaryDirectory)`.
    ///
    /// - Parameter replacingExisting: whether an existing non-empty `directory` may be replaced
    ///   (it is moved aside, the new one renamed in, then the old one deleted). An existing empty
    ///   directory is always replaced.
    /// - Throws: `OutputError` when the parent does not exist or is not writable, when `directory`
    ///   is a file, or exists non-empty without `replacingExisting`; or whatever `body` throws.
    public static func write(to directory: URL, replacingExisting: Bool = false, _ body: (URL) throws -> Void) throws {
        let path = directory.standardizedFileURL.path
        let parent = directory.standardizedFileURL.deletingLastPathComponent().path
        try AtomicFileWriter.checkDirectory(parent)
        try checkTarget(path, replacingExisting: replacingExisting)

        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw OutputError.notWritable(path: parent, reason: AtomicFileWriter.errnoText())
        }
        let temporaryPath = AtomicFileWriter.string(fromCString: template)
        _ = chmod(temporaryPath, AtomicFileWriter.directoryMode)  // mkdtemp creates 0700; give it the usual permissions
        let temporaryURL = URL(fileURLWithPath: temporaryPath, isDirectory: true)
        do {
            try body(temporaryURL)
            // Check again: something may have appeared while body ran.
            try checkTarget(path, replacingExisting: replacingExisting)
            try moveIntoPlace(temporaryPath, path)
        } catch {
            try? FileManager.default.removeItem(at: temporaryURL)
            throw error
        }
    }

    /// The checks `write` makes before it starts, for callers that want them before long work: the parent
    /// exists and is writable, the target is an empty or absent directory (or `replacingExisting`), and it
    /// neither is nor contains one of `inputs`.
    public static func checkDestination(_ directory: URL, replacingExisting: Bool, protecting inputs: [URL] = []) throws(OutputError) {
        let path = directory.standardizedFileURL.path
        try AtomicFileWriter.checkDirectory(directory.standardizedFileURL.deletingLastPathComponent().path)
        for input in inputs.map(\.standardizedFileURL.path) where input == path || input.hasPrefix(path + "/") {
            throw .wouldOverwriteInput(path: path)
        }
        try checkTarget(path, replacingExisting: replacingExisting)
    }

    private static func checkTarget(_ path: String, replacingExisting: Bool) throws(OutputError) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .wrongKindOfTarget(path: path, expected: "a directory, not a file") }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if !contents.isEmpty && !replacingExisting { throw .directoryNotEmpty(path: path) }
    }

    private static func moveIntoPlace(_ temporaryPath: String, _ path: String) throws(OutputError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if rename(temporaryPath, path) != 0 { throw .writeFailed(path: path, reason: AtomicFileWriter.errnoText()) }
            return
        }
        // rename(2) replaces an empty directory; a non-empty one is first moved aside.
        if (try? FileManager.default.contentsOfDirectory(atPath: path))?.isEmpty ?? false {
            if rename(temporaryPath, path) != 0 { throw .writeFailed(path: path, reason: AtomicFileWriter.errnoText()) }
            return
        }
        var oldTemplate = Array((path + ".old-XXXXXX").utf8CString)
        guard oldTemplate.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw .writeFailed(path: path, reason: AtomicFileWriter.errnoText())
        }
        let oldPath = AtomicFileWriter.string(fromCString: oldTemplate)
        guard rename(path, oldPath) == 0 else {
            let reason = AtomicFileWriter.errnoText()
            _ = rmdir(oldPath)
            throw .writeFailed(path: path, reason: reason)
        }
        guard rename(temporaryPath, path) == 0 else {
            let reason = AtomicFileWriter.errnoText()
            _ = rename(oldPath, path)
            throw .writeFailed(path: path, reason: reason)
        }
        try? FileManager.default.removeItem(atPath: oldPath)
    }
}
