import ArgumentParser
import Foundation
import GeoCore
import Sensitivity
import NetworkPlanning
import SiteScoring
import VectorFormats

/// Output to the planner: one `error:` / `warning:` line per problem on stderr, a progress bar only when
/// stderr is a terminal and the run is not `--quiet`.
struct Terminal: Sendable {
    let quiet: Bool

    /// Whether standard error is a terminal (progress bars only then).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    func warning(_ message: String) {
        Terminal.writeError("warning: \(Terminal.oneLine(message))\n")
    }

    func info(_ message: String) {
        guard !quiet else { return }
        Terminal.writeError("\(message)\n")
    }

    /// `message` as one printable line: a line break becomes a space, other control characters (a CR or an
    /// ANSI escape echoed from an input file would overwrite or recolour the terminal) become `\r`, `\u{1B}`.
    static func oneLine(_ message: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in message.unicodeScalars {
            switch scalar {
            case "\n": out.append(" ")
            case "\r": out.append(contentsOf: #"\r"#.unicodeScalars)
            case "\t": out.append(contentsOf: #"\t"#.unicodeScalars)
            case _ where scalar.properties.generalCategory == .control:
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    static func writeError(_ text: String) {
        fflush(nil)  // flush stdout first, so stdout and stderr lines keep the order they were produced in
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// A progress callback drawing `stage [#####     ] 50%` on stderr, or nil when quiet or not a terminal.
    func progressReporter() -> (@Sendable (String, Double) -> Void)? {
        guard !quiet, Terminal.stderrIsTerminal else { return nil }
        let bar = ProgressBar()
        return { stage, fraction in bar.draw(stage, fraction) }
    }

    /// Ends a progress line, if one was drawn.
    func finishProgress() {
        guard !quiet, Terminal.stderrIsTerminal else { return }
        Terminal.writeError("\r\u{1B}[K")
    }
}

/// A throttled one-line progress bar.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDrawn = -1
    private var lastStage = ""

    func draw(_ stage: String, _ fraction: Double) {
        lock.lock()
        defer { lock.unlock() }
        let percent = Int((fraction * 100).rounded(.down))
        // Workers report out of order; within a stage the bar only moves forward.
        guard stage != lastStage || percent > lastDrawn else { return }
        lastDrawn = percent
        lastStage = stage
        let width = 30
        let filled = min(width, Int(fraction * Double(width)))
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        Terminal.writeError("\r\u{1B}[K\(stage.prefix(24)) [\(bar)] \(percent)%")
    }
}

/// Exit statuses (sysexits.h), documented in the README.
enum ExitStatus {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    /// A library the run needs (GDAL for a format, CBC for an exact plan) cannot be loaded (`EX_UNAVAILABLE`).
    static let unavailable: Int32 = 69
    static let cannotCreate: Int32 = 73
    static let ioError: Int32 = 74
}

/// Runs a command body; any error becomes one `error:` line on stderr and a documented exit status.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let several as ScoringErrors {
        // `validate` reports every independent problem, one `error:` line each; the status is the first one's.
        let described = several.errors.map(describe)
        for (message, _) in described { Terminal.writeError("error: \(Terminal.oneLine(message))\n") }
        throw ExitCode(described.first?.1 ?? ExitStatus.dataError)
    } catch {
        let (message, status) = describe(error)
        Terminal.writeError("error: \(Terminal.oneLine(message))\n")
        throw ExitCode(status)
    }
}

/// The one-line message and exit status for an error.
func describe(_ error: Error) -> (String, Int32) {
    switch error {
    case let e as ScenarioError:
        if case .fileNotFound = e.reason { return (e.description, ExitStatus.noInput) }
        return (e.description, ExitStatus.dataError)
    case let e as ScoringError:
        if case .layerFileNotFound = e.reason { return (e.description, ExitStatus.noInput) }
        return (e.description, ExitStatus.dataError)
    case let e as VectorFormatError:
        switch e.reason {
        case .fileNotFound: return (e.description, ExitStatus.noInput)
        case .gdalUnavailable: return (e.description, ExitStatus.unavailable)
        case .unsupportedOutput: return (e.description, ExitStatus.usage)
        case .output(let output): return describe(output)
        default: return (e.description, ExitStatus.dataError)
        }
    case let e as LayerFormatError:
        if case .unsupportedOutput = e.reason { return (e.description, ExitStatus.usage) }
        return (e.description, ExitStatus.dataError)
    case let e as OutputError:
        switch e {
        case .diskFull, .writeFailed: return (e.description, ExitStatus.ioError)
        case .wouldOverwriteInput: return (e.description, ExitStatus.usage)
        case .directoryNotEmpty: return (e.description + " (--replace replaces it)", ExitStatus.cannotCreate)
        default: return (e.description, ExitStatus.cannotCreate)
        }
    case let e as GeoJSONError:
        return (e.description, ExitStatus.dataError)
    case let e as CSVError:
        return (e.description, ExitStatus.dataError)
    case let e as PlanningError:
        if case .solverUnavailable = e.reason { return (e.description, ExitStatus.unavailable) }
        return (e.description, ExitStatus.dataError)
    case let e as SensitivityError:
        return ("sensitivity analysis: \(e)", ExitStatus.dataError)
    case let e as CommandError:
        return (e.message, e.status)
    default:
        return (String(describing: error), ExitStatus.dataError)
    }
}

/// A problem the command itself detects (e.g. output path equals an input).
struct CommandError: Error {
    var message: String
    var status: Int32 = ExitStatus.usage
}

/// Ends the process once a command has written everything: the heap the run built (at 1,000,000 sites a million
/// features with their properties, geometries and columns) is left to the kernel, which reclaims it at once,
/// instead of being freed object by object as the command's values go out of scope (perf at L: 0.2–0.4 s of
/// deinitialisers and `free` after the last byte was written). Standard output and error are flushed first;
/// `values` stay alive until the exit (the compiler may not end their lifetime, and free them, earlier).
/// `_exit`, not `exit`: the libraries' exit handlers (PROJ's and SQLite's static destructors, the Swift runtime's)
/// have nothing left to save (every output file is complete and renamed into place, streams are flushed) and
/// cost ≈ 5–10 ms at the end of every run.
func exitSkippingTeardown<T>(keeping values: T) -> Never {
    withExtendedLifetime(values) {
        fflush(nil)  // every open output stream
        _exit(0)
    }
}

