import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Saves the input being run when the process dies of a signal (a Swift trap is SIGILL/SIGTRAP), so a
/// crash found by `MutationHarness` can be replayed and turned into a regression test.
enum CrashCapture {
    /// (file name to write, bytes) of the input now running.
    nonisolated(unsafe) static var current: (String, [UInt8]) = ("", []) {
        didSet { prepared = (Array(current.0.utf8CString), current.1) }
    }
    nonisolated(unsafe) private static var prepared: ([CChar], [UInt8]) = ([0], [])

    static func install() {
        for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
            _ = signal(sig) { number in
                // Only async-signal-safe calls: open, write, close, then die with the same signal.
                CrashCapture.prepared.0.withUnsafeBufferPointer { name in
                    let fd = open(name.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                    if fd >= 0 {
                        CrashCapture.prepared.1.withUnsafeBytes { _ = write(fd, $0.baseAddress, $0.count) }
                        close(fd)
                    }
                }
                _ = signal(number, SIG_DFL)
                raise(number)
            }
        }
    }
}
