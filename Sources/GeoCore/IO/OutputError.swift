/// Why an output file or directory could not be written. In every case nothing was created and an
/// existing target was left as it was.
public enum OutputError: Error, CustomStringConvertible, Hashable, Sendable {
    /// The directory to write into does not exist (it is not created silently).
    case directoryNotFound(path: String)
    /// The directory exists but files cannot be created in it.
    case notWritable(path: String, reason: String)
    /// The target path is an existing directory (for a file) or an existing file (for a directory).
    case wrongKindOfTarget(path: String, expected: String)
    /// The target directory exists and is not empty, and replacing was not allowed.
    case directoryNotEmpty(path: String)
    /// The target is one of the run's own input files.
    case wouldOverwriteInput(path: String)
    /// The disk (or quota) is full, or a write made no progress.
    case diskFull(path: String)
    /// Any other failure of write, fsync, close or rename, with the system's reason.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .directoryNotFound(let path): "\(path): the output directory does not exist; hint: create it first"
        case .notWritable(let path, let reason): "\(path): cannot write into this directory (\(reason)); hint: check its permissions"
        case .wrongKindOfTarget(let path, let expected): "\(path): the output must be \(expected)"
        case .directoryNotEmpty(let path): "\(path): the output directory exists and is not empty; hint: choose another directory or allow replacing it"
        case .wouldOverwriteInput(let path): "\(path): refusing to overwrite an input file of this run; hint: choose another output path"
        case .diskFull(let path): "\(path): the disk is full; nothing was written"
        case .writeFailed(let path, let reason): "\(path): writing failed (\(reason)); nothing was written"
        }
    }
}
