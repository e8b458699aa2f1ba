import Foundation

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
        /// A number cell that neither convention reads (`12.34,5`, `1.2.3`): in a coordinate column, or in a
        /// column where most cells are numbers.
        case malformedNumber(String)
        /// A decimal-point number (`1.20`) in a column whose dotted numbers are mostly thousands-grouped
        /// (`grouped`, e.g. `1.200` on `groupedLine`): it fits neither reading of the column.
        case decimalPointInThousandsColumn(String, grouped: String, groupedLine: Int)
        /// A coordinate with a decimal comma and/or thousands dots (`10,7695`, `617.810,75`, `1.234.567`)
        /// in a `,`-delimited file; `reading` is its value with `;` as delimiter.
        case coordinateNeedsSemicolon(String, reading: Double)
    }

    /// What probably caused a problem, when the reader can tell; it chooses the hint.
    public enum LikelyCause: Hashable, Sendable {
        /// A ragged row in a `,`-delimited file whose extra fields are the halves of decimal-comma numbers.
        case decimalCommasWithCommaDelimiter
    }

    public var reason: Reason
    /// The file path, or the name given to `read(data:source:...)`.
    public var source: String
    /// 1-based line where the failing row starts (the header is line 1).
    public var line: Int?
    /// The column name involved, when there is one.
    public var column: String?
    /// The offending row as written, shortened to 80 characters (ragged rows).
    public var row: String?
    /// What probably caused the problem, when the reader can tell.
    public var likelyCause: LikelyCause?

    public init(_ reason: Reason, source: String, line: Int? = nil, column: String? = nil, row: String? = nil, likelyCause: LikelyCause? = nil) {
        self.reason = reason
        self.source = source
        self.line = line
        self.column = column
        self.row = row
        self.likelyCause = likelyCause
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
        case .malformedNumber(let text):
            "the value \"\(text)\" is not a number: it is neither a decimal-point number (1234.5) nor a decimal-comma number with '.' between groups of three digits (1.234,5)"
        case .decimalPointInThousandsColumn(let text, let grouped, let groupedLine):
            "the value \"\(text)\" has a decimal point, but the column's other dotted numbers use '.' as thousands separator (\"\(grouped)\" on line \(groupedLine)), so it fits neither reading"
        case .coordinateNeedsSemicolon(let text, let reading):
            if text.contains(".") {
                "the coordinate \"\(text)\" is written with '.' as thousands separator and ',' as decimal comma (\(Self.plain(reading))), which is read only with ';' as delimiter"
            } else {
                "the coordinate \"\(text)\" has a decimal comma (\(Self.plain(reading))), which is read only with ';' as delimiter"
            }
        }
    }

    /// `617810.75`, `1234567` (no exponent, no trailing `.0`).
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// What the planner can do about it.
    public var hint: String? {
        switch reason {
        case .missingColumn(_, _, let suggestion?): "did you mean \"\(suggestion)\"?"
        case .missingColumn: "name the coordinate columns as they appear in the header"
        case .tooLarge: "for candidates use `standort score SCEN --stream` (read block by block; automatic above this size), else split or filter the file (each row takes about 400 bytes of memory)"
        case .raggedRow where likelyCause == .decimalCommasWithCommaDelimiter:
            "the numbers look like they have decimal commas, which split them in a ','-delimited file; decimal commas need ';' as delimiter: export the file with ';' (German Excel: \"CSV UTF-8 (durch Trennzeichen getrennt)\") or write decimal points"
        case .raggedRow: "quote fields that contain the delimiter"
        case .invalidCoordinate: "coordinates must be plain numbers; a decimal comma is accepted only with ';' as delimiter"
        case .unterminatedQuote: "a quote inside a quoted field must be doubled (\"\")"
        case .textAfterClosingQuote: "a quote inside a quoted field must be doubled (\"\")"
        case .invalidUTF8: "re-export the file as UTF-8"
        case .malformedNumber(let text) where text.contains(",") && text.contains("."):
            "in a ';'-delimited file write 1.234,5 or 1234,5, elsewhere 1234.5; thousands dots must separate groups of exactly three digits"
        case .malformedNumber:
            "write the number plainly (1234.5, or 1234,5 in a ';'-delimited file); thousands dots must separate groups of exactly three digits"
        case .decimalPointInThousandsColumn(let text, _, _):
            "write \(text.replacingOccurrences(of: ".", with: ",")) for a decimal (with ';' as delimiter the decimal separator is ','), or correct the thousands grouping"
        case .coordinateNeedsSemicolon(let text, let reading) where text.contains("."):
            "thousands separators are not read in a ','-delimited file: export the file with ';' as delimiter (German Excel: \"CSV UTF-8 (durch Trennzeichen getrennt)\"), or write the coordinate as \(Self.plain(reading))"
        case .coordinateNeedsSemicolon(_, let reading):
            "export the file with ';' as delimiter (German Excel: \"CSV UTF-8 (durch Trennzeichen getrennt)\"), or write the coordinate as \(Self.plain(reading))"
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
        if let row { out += ": \(row)" }
        if let hint { out += "; hint: \(hint)" }
        return out
    }
}
