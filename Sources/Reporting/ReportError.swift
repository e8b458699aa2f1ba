/// Why a report could not be written: a `--plan` or `--sensitivity` input is missing, unreadable, or does not
/// belong to the scenario being reported. The message names the file and says what to do.
public struct ReportError: Error, CustomStringConvertible, Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// The file or directory does not exist.
        case notFound
        /// A file was given where a directory is needed, or the other way round.
        case wrongKind(expected: String)
        /// The file could not be read or parsed.
        case unreadable(detail: String)
        /// The plan file lacks what a plan written by `standort plan` has.
        case notAPlan(detail: String)
        /// The sensitivity directory holds none of the files `standort sensitivity` writes.
        case notASensitivityDirectory
        /// The plan or sensitivity run was made for other sites, another method or other weights.
        case mismatch(detail: String)
    }

    public let reason: Reason
    /// The file or directory concerned.
    public let path: String

    public init(_ reason: Reason, path: String) {
        self.reason = reason
        self.path = path
    }

    public var description: String {
        switch reason {
        case .notFound: "\(path): no such file or directory"
        case .wrongKind(let expected): "\(path): must be \(expected)"
        case .unreadable(let detail): "\(path): cannot be read (\(detail))"
        case .notAPlan(let detail): "\(path): not a plan written by 'standort plan' (\(detail))"
        case .notASensitivityDirectory:
            "\(path): holds no summary.json or charts; hint: give the directory written by 'standort sensitivity … --out DIR'"
        case .mismatch(let detail):
            "\(path): \(detail); hint: run it again for this scenario (and the same --method), then write the report"
        }
    }
}
