/// A CSV file that could not be read as a point layer, with the file, line and column where it went wrong.
public struct CSVError: Error, CustomStringConvertible, Hashable, Sendable {
    /// What is wrong.
    public enum Reason: Hashable, Sendable {
        /// The file could not be read (missing, a directory, no permission).
        case unreadable(String)
        /// The input is larger than the reader's `maximumBytes`.
        case tooLarge(bytes: Int, limit: Int)
        /// The file has no header row (it is empty or only a byte order mark / blank lines).
        case emptyFile
        /// A coordinate column named in the call is not in the header.
        case missingColumn(name: String, available: [String], suggestion: String?)
        /// Two header columns have the same name.
        case duplicateColumn(String)
        /// A row has a different number of fields than the header.
        case raggedRow(expected: Int, found: Int)
        /// A coordinate cell is empty.
        case emptyCoordinate
        /// A coordinate cell is not a number.
        case invalidCoordinate(String)
        /// A number that overflows a Double (`1e999`).
        case nonFiniteNumber(String)
        /// A quoted field that is never closed.
        case unterminatedQuote
        /// A character between a closing quote and the next delimiter.
        case textAfterClosingQuote
        /// The file is not valid UTF-8.
        case invalidUTF8
    }

    public var reason: Reason
    /// The file path, or the name given to `read(data:source:...)`.
    public var source: String
    /// 1-based line where the failing row starts (the header is line 1).
    public var line: Int?
    /// The column name involved, when there is one.
    public var column: String?

    public init(_ reason: Reason, source: String, line: Int? = nil, column: String? = nil) {
        self.reason = reason
        self.source = source
        self.line = line
        self.column = column
    }

    /// The problem in words, without location.
    public var message: String {
        switch reason {
        case .unreadable(let why): "cannot read the file: \(why)"
        case .tooLarge(let bytes, let limit): "the file has \(bytes) bytes, more than the limit of \(limit)"
        case .emptyFile: "the file is empty (a header row is required)"
        case .missingColumn(let name, let available, _):
            "no column \"\(name)\"; the columns are \(available.map { "\"\($0)\"" }.joined(separator: ", "))"
        case .duplicateColumn(let name): "the column \"\(name)\" appears twice in the header"
        case .raggedRow(let expected, let found): "the row has \(found) field\(found == 1 ? "" : "s"), the header has \(expected)"
        case .emptyCoordinate: "the coordinate is empty"
        case .invalidCoordinate(let text): "the coordinate \"\(text)\" is not a number"
        case .nonFiniteNumber(let text): "the number \(text) is not finite"
        case .unterminatedQuote: "a quoted field is not closed"
        case .textAfterClosingQuote: "text follows a closing quote"
        case .invalidUTF8: "the text is not valid UTF-8"
        }
    }

    /// What the planner can do about it.
    public var hint: String? {
        switch reason {
        case .missingColumn(_, _, let suggestion?): "did you mean \"\(suggestion)\"?"
        case .missingColumn: "name the coordinate columns as they appear in the header"
        case .tooLarge: "split or filter the file first (each row takes about 400 bytes of memory)"
        case .raggedRow: "quote fields that contain the delimiter"
        case .invalidCoordinate: "coordinates must be plain numbers; a decimal comma is accepted only with ';' as delimiter"
        case .unterminatedQuote: "a quote inside a quoted field must be doubled (\"\")"
        case .textAfterClosingQuote: "a quote inside a quoted field must be doubled (\"\")"
        case .invalidUTF8: "re-export the file as UTF-8"
        default: nil
        }
    }

    /// `source:line: column "lon": message; hint: ...`
    public var description: String {
        var out = source
        if let line { out += ":\(line)" }
        out += ": "
        if let column { out += "column \"\(column)\": " }
        out += message
        if let hint { out += "; hint: \(hint)" }
        return out
    }
}
