import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Temporary files to remove when the process is interrupted (SIGINT, SIGTERM, SIGHUP): an output being written,
/// the multi-gigabyte part of `score --stream`. Without it Ctrl-C left them behind. The handler only calls
/// `unlink`, which is async-signal-safe, on paths kept as C strings in a fixed table, then dies of the signal as
/// it would have.
public enum InterruptCleanup {
    private static let capacity = 64
    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        table.initialize(repeating: nil, count: capacity)
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, interruptHandler) }
        return table
    }()
    /// Whether the path in the same slot is a directory (removed with rmdir after the files, so it must be empty
    /// by then: register the files in it too).
    nonisolated(unsafe) private static let isDirectory: UnsafeMutablePointer<Bool> = {
        let table = UnsafeMutablePointer<Bool>.allocate(capacity: capacity)
        table.initialize(repeating: false, count: capacity)
        return table
    }()
    private static let lock = NSLock()

    /// Removes `path` if the process is interrupted until `unregister` is called with the returned token.
    public static func register(_ path: String, directory: Bool = false) -> Int? {
        lock.withLock {
            for slot in 0..<capacity where paths[slot] == nil {
                isDirectory[slot] = directory
                paths[slot] = strdup(path)
                return slot
            }
            return nil
        }
    }

    public static func unregister(_ token: Int?) {
        guard let token else { return }
        lock.withLock {
            let path = paths[token]
            paths[token] = nil
            free(path)
        }
    }

    fileprivate static func removeAll() {
        for slot in 0..<capacity where !isDirectory[slot] { if let path = paths[slot] { unlink(path) } }
        for slot in 0..<capacity where isDirectory[slot] { if let path = paths[slot] { rmdir(path) } }
    }
}

private func interruptHandler(_ sig: Int32) {
    InterruptCleanup.removeAll()
    signal(sig, SIG_DFL)
    raise(sig)
}
