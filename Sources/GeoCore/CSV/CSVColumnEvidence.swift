/// What the cells of one column of a `;`-delimited file say about its decimal convention, gathered while
/// reading and resolved after the last row: `1.200` is 1200 or 1.2 depending on the rest of the column
/// (rules in docs/scenario.md, "How CSV files are read").
struct CSVColumnEvidence {
    /// Non-empty cells.
    var nonEmpty = 0
    /// Cells read as numbers.
    var numbers = 0
    /// Cells only the decimal-comma convention reads (`12,5`, `1.234.567`).
    var commaCount = 0
    var firstComma: CSVWarning.Cell?
    /// Cells only the decimal-point convention reads (`3.5`, `0.25`).
    var pointCount = 0
    var firstPoint: CSVWarning.Cell?
    /// Features (0-based) whose cell here is `1.200`-like; read provisionally as thousands (1200).
    var ambiguousFeatures: [Int] = []
    var firstAmbiguous: CSVWarning.Cell?
    var ambiguousLines: [Int] = []
    /// The first cell of digits and separators that neither convention reads (`12.34,5`).
    var firstNeither: CSVWarning.Cell?

    @inline(__always)
    mutating func note(_ kind: CSVNumberSyntax.Kind, isNumber: Bool, feature: Int, line: Int, text: () -> String) {
        nonEmpty += 1
        guard isNumber else {
            if kind == .neither && firstNeither == nil { firstNeither = CSVWarning.Cell(line: line, text: text()) }
            return
        }
        numbers += 1
        switch kind {
        case .point:
            pointCount += 1
            if firstPoint == nil { firstPoint = CSVWarning.Cell(line: line, text: text()) }
        case .comma:
            commaCount += 1
            if firstComma == nil { firstComma = CSVWarning.Cell(line: line, text: text()) }
        case .ambiguous:
            ambiguousFeatures.append(feature)
            if firstAmbiguous == nil { firstAmbiguous = CSVWarning.Cell(line: line, text: text()) }
            if ambiguousLines.count < 5 { ambiguousLines.append(line) }
        default:
            break
        }
    }

    /// Adds the evidence of a later block of rows of the same column.
    mutating func merge(_ other: CSVColumnEvidence) {
        nonEmpty += other.nonEmpty
        numbers += other.numbers
        commaCount += other.commaCount
        firstComma = firstComma ?? other.firstComma
        pointCount += other.pointCount
        firstPoint = firstPoint ?? other.firstPoint
        ambiguousFeatures += other.ambiguousFeatures
        firstAmbiguous = firstAmbiguous ?? other.firstAmbiguous
        ambiguousLines += other.ambiguousLines.prefix(max(0, 5 - ambiguousLines.count))
        firstNeither = firstNeither ?? other.firstNeither
    }

    private var ambiguous: CSVWarning.Ambiguous? {
        firstAmbiguous.map { CSVWarning.Ambiguous(first: $0, lines: ambiguousLines, count: ambiguousFeatures.count) }
    }

    /// For each column, whether its `1.200`-like cells are read with a decimal point (else as thousands),
    /// and the warnings; throws for a number that fits neither convention.
    /// Coordinate columns take part like the others (their malformed cells were rejected while reading).
    static func resolve(
        _ columns: [CSVColumnEvidence], names: [String], source: String
    ) throws(CSVError) -> (readAsPoint: [Bool], warnings: [CSVWarning]) {
        // Errors first, in header order, so a file with several problems always reports the same one.
        for (i, c) in columns.enumerated() {
            // A column where most cells are numbers is numeric: its malformed numbers are errors; elsewhere
            // (dates such as 01.02.2024, codes) they stay text.
            if let bad = c.firstNeither, c.numbers * 2 > c.nonEmpty {
                throw CSVError(.malformedNumber(bad.text), source: source, line: bad.line, column: names[i])
            }
            if c.commaCount == 0, let point = c.firstPoint, let grouped = c.firstAmbiguous, c.ambiguousFeatures.count > c.pointCount {
                throw CSVError(.decimalPointInThousandsColumn(point.text, grouped: grouped.text, groupedLine: grouped.line),
                               source: source, line: point.line, column: names[i])
            }
        }
        let pointColumn = columns.indices.first { columns[$0].pointCount > 0 }
        var readAsPoint = [Bool](repeating: false, count: columns.count)
        var warnings: [CSVWarning] = []
        for (i, c) in columns.enumerated() {
            if let comma = c.firstComma, let point = c.firstPoint {
                warnings.append(CSVWarning(.mixedDecimalSeparators(comma: comma, point: point, grouped: c.ambiguous), source: source, column: names[i]))
            } else if let point = c.firstPoint, let cells = c.ambiguous {
                readAsPoint[i] = true
                warnings.append(CSVWarning(.ambiguousReadAsDecimalPoint(cells, point: point), source: source, column: names[i]))
            } else if c.firstComma == nil, let cells = c.ambiguous,
                      let other = pointColumn, // not i: this column has no decimal-point cell
                      let point = columns[other].firstPoint {
                warnings.append(CSVWarning(.ambiguousReadAsThousands(cells, pointColumn: names[other], point: point), source: source, column: names[i]))
            }
        }
        return (readAsPoint, warnings)
    }
}
