import Foundation

/// Something in a CSV file that was read, but may not mean what the reader took it to mean: printed by
/// the CLI as one `warning:` line. The rules are in docs/scenario.md, "How CSV files are read".
public struct CSVWarning: Hashable, Sendable, CustomStringConvertible {
    /// A cell as written and its 1-based line (the header is line 1).
    public struct Cell: Hashable, Sendable {
        public var line: Int
        public var text: String
        public init(line: Int, text: String) {
            self.line = line
            self.text = text
        }
    }

    /// Cells that look like `1.200` (one dot, then exactly three digits): 1.2 with a decimal point, 1200 with
    /// the dot as thousands separator.
    public struct Ambiguous: Hashable, Sendable {
        /// The first such cell.
        public var first: Cell
        /// The lines of the first few (at most 5).
        public var lines: [Int]
        /// How many there are in the column.
        public var count: Int
        public init(first: Cell, lines: [Int], count: Int) {
            self.first = first
            self.lines = lines
            self.count = count
        }
    }

    public enum Reason: Hashable, Sendable {
        /// A `;` file's column has values with a decimal comma and values with a decimal point; each is
        /// read as written, and `1.200`-like cells (if any) with the dot as thousands separator.
        case mixedDecimalSeparators(comma: Cell, point: Cell, grouped: Ambiguous?)
        /// A column written with decimal points (`point`) has `1.200`-like cells: read as 1.2.
        case ambiguousReadAsDecimalPoint(Ambiguous, point: Cell)
        /// A column with only `1.200`-like cells and integers, in a `;` file where another column writes
        /// decimal points: read as 1200 (the `;` convention), though the file does not use it throughout.
        case ambiguousReadAsThousands(Ambiguous, pointColumn: String, point: Cell)
    }

    public var reason: Reason
    /// The file path, or the name given to `read(data:source:...)`.
    public var source: String
    /// The column the warning is about.
    public var column: String

    public init(_ reason: Reason, source: String, column: String) {
        self.reason = reason
        self.source = source
        self.column = column
    }

    /// The problem in words, without location.
    public var message: String {
        switch reason {
        case .mixedDecimalSeparators(let comma, let point, let grouped):
            var out = "mixes decimal separators: \"\(comma.text)\" on line \(comma.line) has a decimal comma, \"\(point.text)\" on line \(point.line) a decimal point; each value is read as written"
            if let grouped {
                out += ", and \(Self.describe(grouped)) with '.' as thousands separator (\(grouped.first.text) = \(Self.thousands(grouped.first.text)))"
            }
            return out + "; check the column and write all its decimals one way"
        case .ambiguousReadAsDecimalPoint(let cells, let point):
            return "\(Self.describe(cells)) could have a decimal point or a thousands separator; read with a decimal point (\(cells.first.text) = \(Self.decimal(cells.first.text))) like \"\(point.text)\" on line \(point.line); if \(Self.thousands(cells.first.text)) is meant, write it without the dot"
        case .ambiguousReadAsThousands(let cells, let pointColumn, let point):
            return "\(Self.describe(cells)) read with '.' as thousands separator (\(cells.first.text) = \(Self.thousands(cells.first.text))), as usual with ';' as delimiter, but column \"\(pointColumn)\" writes decimal points (\"\(point.text)\" on line \(point.line)); if \(Self.decimal(cells.first.text)) is meant, write \(Self.decimal(cells.first.text).replacingOccurrences(of: ".", with: ","))"
        }
    }

    /// `"1.200" on line 4` / `"1.200" on lines 4, 7 and 3 more`.
    private static func describe(_ cells: Ambiguous) -> String {
        var out = "\"\(cells.first.text)\" on line"
        if cells.count == 1 { return out + " \(cells.first.line)" }
        out += "s " + cells.lines.map(String.init).joined(separator: ", ")
        if cells.count > cells.lines.count { out += " and \(cells.count - cells.lines.count) more" }
        return out
    }

    /// `1.200` → `1200`, `-12.500` → `-12500` (the cell as written, without the dot).
    private static func thousands(_ text: String) -> String {
        trimmed(text).replacingOccurrences(of: ".", with: "")
    }

    /// `1.200` → `1.2`, `12.000` → `12`: the decimal-point reading, with trailing zeros dropped.
    private static func decimal(_ text: String) -> String {
        var s = trimmed(text)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    private static func trimmed(_ text: String) -> String {
        var s = text.trimmingCharacters(in: .whitespaces)
        if s.hasPrefix("+") { s.removeFirst() }
        return s
    }

    /// `source: column "x": message`
    public var description: String {
        "\(source): column \"\(column)\": \(message)"
    }
}
