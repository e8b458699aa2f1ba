/// A CSV file's columns as its header names them, and the reading of data rows by them: the part of
/// `CSVReader` that a whole file and a file read in blocks (`CSVChunkReader`) share.
struct CSVLayout: Sendable {
    let source: String
    let names: [String]
    let delimiter: CSVDelimiter
    let xIndex: Int
    let yIndex: Int
    let propertyColumns: [Int]
    /// Rows share the header's key strings: each row copies this object and overwrites its values.
    let template: JSONObject
    /// With `;` the file may use either decimal convention, decided per column after the last row.
    var decimalComma: Bool { delimiter == .semicolon }

    /// Evidence to gather over the rows (one per column with `;`, none with `,`).
    var emptyEvidence: [CSVColumnEvidence] {
        [CSVColumnEvidence](repeating: CSVColumnEvidence(), count: decimalComma ? names.count : 0)
    }

    /// Reads the header (after a BOM); returns the layout, where the data rows start and their first line.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, source: String, xColumn: String, yColumn: String,
                     delimiter: CSVDelimiter?) throws(CSVError) -> (layout: CSVLayout, bodyStart: Int, bodyLine: Int) {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        let delimiter = delimiter ?? CSVDelimiter.detect(in: bytes, from: start)
        var tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter.rawValue, start: start)
        var fields: [CSVTokenizer.Field] = []
        let headerLine: Int?
        do throws(CSVTokenizer.Failure) { headerLine = try tokenizer.nextRecord(into: &fields) } catch {
            throw CSVError(error.reason, source: source, line: tokenizer.recordLine)
        }
        guard let headerLine else { throw CSVError(.emptyFile, source: source) }
        var names: [String] = []
        for field in fields {
            guard let name = CSVReader.string(field, bytes) else { throw CSVError(.invalidUTF8, source: source, line: headerLine) }
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if names.contains(trimmed) { throw CSVError(.duplicateColumn(trimmed), source: source, line: headerLine, column: trimmed) }
            names.append(trimmed)
        }
        func index(of column: String) throws(CSVError) -> Int {
            if let i = names.firstIndex(of: column) { return i }
            // The other coordinate column is never the one meant (asking for "lon" must not suggest "lat").
            let others = names.filter { $0 != xColumn && $0 != yColumn }
            let reason = CSVError.Reason.missingColumn(name: column, available: names, suggestion: NameSuggestion.nearest(to: column, in: others))
            throw CSVError(reason, source: source, line: headerLine, column: column)
        }
        let xIndex = try index(of: xColumn)
        let yIndex = try index(of: yColumn)
        let propertyColumns = names.indices.filter { $0 != xIndex && $0 != yIndex }
        let layout = CSVLayout(source: source, names: names, delimiter: delimiter, xIndex: xIndex, yIndex: yIndex, propertyColumns: propertyColumns,
                               template: JSONObject(members: propertyColumns.map { (names[$0], JSONValue.null) }))
        return (layout, tokenizer.pos, tokenizer.line)
    }

    /// The data rows of `bytes` from `start` (line `line` of the file) as point features; the first is feature
    /// `firstFeature` of the file. Notes each column's number conventions in `evidence`.
    func parseRows(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, line firstLine: Int, firstFeature: Int,
                   evidence: inout [CSVColumnEvidence]) throws(CSVError) -> [Feature] {
        var endLine = firstLine
        return try parseRows(bytes, from: start, line: firstLine, firstFeature: firstFeature, evidence: &evidence, endLine: &endLine)
    }

    /// `parseRows`, also telling the line after the last row (where the next block's rows start).
    func parseRows(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, line firstLine: Int, firstFeature: Int,
                   evidence: inout [CSVColumnEvidence], endLine: inout Int) throws(CSVError) -> [Feature] {
        var tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter.rawValue, start: start)
        tokenizer.line = firstLine
        var fields: [CSVTokenizer.Field] = []
        fields.reserveCapacity(32)
        let propertyKeys = template.keys
        let decimalComma = self.decimalComma
        func fail(_ reason: CSVError.Reason, line: Int?, column: String? = nil) -> CSVError {
            CSVError(reason, source: source, line: line, column: column)
        }
        var features: [Feature] = []
        while true {
            let line: Int?
            do throws(CSVTokenizer.Failure) { line = try tokenizer.nextRecord(into: &fields) } catch { throw fail(error.reason, line: tokenizer.recordLine) }
            guard let line else { endLine = tokenizer.line; break }
            guard fields.count == names.count else {
                let cause: CSVError.LikelyCause? =
                    delimiter == .comma && fields.count > names.count && CSVReader.splitDecimalPairs(fields, bytes) >= fields.count - names.count
                    ? .decimalCommasWithCommaDelimiter : nil
                throw CSVError(.raggedRow(expected: names.count, found: fields.count), source: source, line: line,
                               row: CSVReader.rowText(fields, bytes), likelyCause: cause)
            }
            let feature = firstFeature + features.count
            let x = try CSVReader.coordinate(fields[xIndex], bytes, decimalComma: decimalComma, evidence: &evidence, column: xIndex, feature: feature, line: line) { reason in
                fail(reason, line: line, column: names[xIndex])
            }
            let y = try CSVReader.coordinate(fields[yIndex], bytes, decimalComma: decimalComma, evidence: &evidence, column: yIndex, feature: feature, line: line) { reason in
                fail(reason, line: line, column: names[yIndex])
            }
            var properties = template
            for (k, column) in propertyColumns.enumerated() {
                let field = fields[column]
                let value: JSONValue
                if field.start == field.end {
                    value = .null
                } else {
                    let syntax = CSVNumberSyntax.classify(field, bytes)
                    let number: Double?
                    switch syntax.kind {
                    case .text, .neither: number = nil
                    case .integer, .point: number = syntax.pointValue(bytes)
                    // Provisionally thousands (1.200 = 1200); `apply` may turn a column's back to 1.2.
                    case .comma, .ambiguous: number = decimalComma ? syntax.commaValue(bytes) : (syntax.kind == .ambiguous ? syntax.pointValue(bytes) : nil)
                    }
                    if decimalComma {
                        evidence[column].note(syntax.kind, isNumber: number != nil, feature: feature, line: line) { CSVReader.string(field, bytes) ?? "?" }
                    }
                    switch number {
                    case .some(let n) where n.isFinite:
                        value = .number(n)
                    case .some:
                        throw fail(.nonFiniteNumber(CSVReader.string(field, bytes) ?? ""), line: line, column: names[column])
                    case .none:
                        guard let s = CSVReader.string(field, bytes) else { throw fail(.invalidUTF8, line: line, column: names[column]) }
                        value = .string(s)
                    }
                }
                properties[propertyKeys[k]] = value
            }
            features.append(Feature(geometry: .point(Position(x: x, y: y)), properties: properties))
        }
        return features
    }

    /// Turns the `1.200`-like cells of the columns resolved as decimal point from 1200 back to 1.2, in `features`
    /// (feature `firstFeature` of the file onwards); `evidence` lists the cells by feature.
    func apply(_ readAsPoint: [Bool], evidence: [CSVColumnEvidence], to features: inout [Feature], firstFeature: Int) {
        let propertyKeys = template.keys
        for column in names.indices where readAsPoint[column] {
            // 1.200 was read as 1200; with a decimal point it is 1200 / 1000, the same correctly rounded
            // Double as parsing "1.2" (both round the exact quotient once).
            for global in evidence[column].ambiguousFeatures {
                let f = global - firstFeature
                guard features.indices.contains(f) else { continue }
                if column == xIndex || column == yIndex {
                    guard case .point(var p)? = features[f].geometry else { continue }
                    if column == xIndex { p.x /= 1000 } else { p.y /= 1000 }
                    features[f].geometry = .point(p)
                } else if let k = propertyColumns.firstIndex(of: column), case .number(let n)? = features[f].properties[propertyKeys[k]] {
                    features[f].properties[propertyKeys[k]] = .number(n / 1000)
                }
            }
        }
    }
}
