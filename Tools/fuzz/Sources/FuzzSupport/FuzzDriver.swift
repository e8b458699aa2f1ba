import Foundation
#if LIBFUZZER
import CFuzzDriver
#endif

/// Entry point shared by the fuzz targets: with `-DLIBFUZZER` (and `-sanitize=fuzzer`) it hands control to
/// libFuzzer's `LLVMFuzzerRunDriver`; otherwise it runs the seeded `MutationHarness`.
///
/// A target's body reads one input and returns a short *outcome* (e.g. `"ok"` or the error's kind); it
/// must never trap. The harness uses outcomes as a coarse coverage signal; libFuzzer ignores them.
public enum FuzzDriver {
    /// The body under test; a global because libFuzzer's callback is a C function pointer (no context).
    nonisolated(unsafe) static var body: ((UnsafeRawBufferPointer) -> String)?

    public static func main(_ body: @escaping (UnsafeRawBufferPointer) -> String) -> Never {
        Self.body = body
        #if LIBFUZZER
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            _ = FuzzDriver.body!(UnsafeRawBufferPointer(start: data, count: size))
            return 0
        }
        exit(status)
        #else
        exit(MutationHarness.main(arguments: Array(CommandLine.arguments.dropFirst()), body: body))
        #endif
    }
}

/// The first words of an error's description up to its payload, as an outcome: `"tooFewPositions"` etc.
public func outcome(of error: Error) -> String {
    let text = String(describing: error)
    return String(text.prefix { $0 != "(" && $0 != ":" && $0 != " " })
}

/// `outcome(of:)` for errors with a `reason` enum: the case name.
public func outcome<R>(reason: R) -> String {
    let text = String(describing: reason)
    return String(text.prefix { $0 != "(" })
}
