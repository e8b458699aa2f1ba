import Foundation

/// Reads a CSV file of points into a `FeatureCollection`.
///
/// - A header row is required; the coordinate columns are named by the caller, every other column
///   becomes a property (in header order). Header names are trimmed of surrounding spaces.
/// - Delimiter `,` or `;`, detected from the header (whichever occurs more often outside quotes)
///   unless given. Fields follow RFC 4180: quoted fields may contain delimiters, line breaks and
///   doubled quotes. UTF-8 with or without BOM; LF, CRLF or CR line ends; blank lines are skipped.
/// - Cells: empty (quoted or not) → `null`; a JSON-style number (`-12.5`, `3e4`, `+7`) → number,
///   with a decimal comma accepted when the delimiter is `;` (`12,5` → 12.5); everything else, including
///   numbers with leading zeros such as postcodes (`01067`), → string. Thousands separators are not guessed.
/// - Coordinates must be finite numbers (leading zeros allowed); a header without data rows gives 0 features.
///
/// Byte-level: the file is memory-mapped and fields are sliced, not copied, until their value is built.
public enum CSVReader {
    /// Default input size limit: 512 MiB. A parsed row takes about 13× its bytes (≈ 400 bytes for a
    /// 30-byte row: 10 million rows, 309 MB, peaked at 4 GB RSS in `standort score`), so larger inputs are
    /// rejected up front rather than running out of memory.
    public static let defaultMaximumBytes = 1 << 29

    /// Reads the CSV file at `url`; errors name the file's path.
    public static func read(
        contentsOf url: URL, xColumn: String, yColumn: String, crs: String = "EPSG:4326", delimiter: CSVDelimiter? = nil,
        maximumBytes: Int = defaultMaximumBytes
    ) throws(CSVError) -> FeatureCollection {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CSVError(.unreadable("no such file"), source: path)
        }
        guard !isDirectory.boolValue else { throw CSVError(.unreadable("it is a directory, not a file"), source: path) }
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw CSVError(.unreadable(error.localizedDescription), source: path)
        }
        return try read(data: data, source: path, xColumn: xColumn, yColumn: yColumn, crs: crs, delimiter: delimiter, maximumBytes: maximumBytes)
    }

    /// Reads CSV from `data`; `source` names it in errors.
    public static func read(
        data: Data, source: String = "<data>", xColumn: String, yColumn: String, crs: String = "EPSG:4326",
        delimiter: CSVDelimiter? = nil, maximumBytes: Int = defaultMaximumBytes
    ) throws(CSVError) -> FeatureCollection {
        guard data.count <= maximumBytes else { throw CSVError(.tooLarge(bytes: data.count, limit: maximumBytes), source: source) }
        let result: Result<FeatureCollection, CSVError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            do {
                return .success(try parse(bytes, source: source, xColumn: xColumn, yColumn: yColumn, crs: crs, delimiter: delimiter))
            } catch let error as CSVError {
                return .failure(error)
            } catch {
                return .failure(CSVError(.unreadable("\(error)"), source: source))
            }
        }
        return try result.get()
    }

    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, source: String, xColumn: String, yColumn: String, crs: String, delimiter: CSVDelimiter?
    ) throws(CSVError) -> FeatureCollection {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        let delimiter = delimiter ?? CSVDelimiter.detect(in: bytes, from: start)
        let decimalComma = delimiter == .semicolon
        var tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter.rawValue, start: start)
        var fields: [CSVTokenizer.Field] = []
        fields.reserveCapacity(32)

        func fail(_ reason: CSVError.Reason, line: Int?, column: String? = nil) -> CSVError {
            CSVError(reason, source: source, line: line, column: column)
        }

        // Header.
        let headerLine: Int?
        do throws(CSVTokenizer.Failure) { headerLine = try tokenizer.nextRecord(into: &fields) } catch { throw fail(error.reason, line: tokenizer.recordLine) }
        guard let headerLine else { throw fail(.emptyFile, line: nil) }
        var names: [String] = []
        for field in fields {
            guard let name = string(field, bytes) else { throw fail(.invalidUTF8, line: headerLine) }
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if names.contains(trimmed) { throw fail(.duplicateColumn(trimmed), line: headerLine, column: trimmed) }
            names.append(trimmed)
        }
        func index(of column: String) throws(CSVError) -> Int {
            if let i = names.firstIndex(of: column) { return i }
            // The other coordinate column is never the one meant (asking for "lon" must not suggest "lat").
            let others = names.filter { $0 != xColumn && $0 != yColumn }
            let reason = CSVError.Reason.missingColumn(name: column, available: names, suggestion: NameSuggestion.nearest(to: column, in: others))
            throw fail(reason, line: headerLine, column: column)
        }
        let xIndex = try index(of: xColumn)
        let yIndex = try index(of: yColumn)
        let propertyColumns = names.indices.filter { $0 != xIndex && $0 != yIndex }
        // Rows share the header's key strings: each row copies this object and overwrites its values.
        let template = JSONObject(members: propertyColumns.map { (names[$0], JSONValue.null) })
        let propertyKeys = template.keys

        var features: [Feature] = []
        while true {
            let line: Int?
            do throws(CSVTokenizer.Failure) { line = try tokenizer.nextRecord(into: &fields) } catch { throw fail(error.reason, line: tokenizer.recordLine) }
            guard let line else { break }
            guard fields.count == names.count else {
                throw fail(.raggedRow(expected: names.count, found: fields.count), line: line)
            }
            let x = try coordinate(fields[xIndex], bytes, decimalComma: decimalComma) { reason in
                fail(reason, line: line, column: names[xIndex])
            }
            let y = try coordinate(fields[yIndex], bytes, decimalComma: decimalComma) { reason in
                fail(reason, line: line, column: names[yIndex])
            }
            var properties = template
            for (k, column) in propertyColumns.enumerated() {
                let field = fields[column]
                let value: JSONValue
                if field.start == field.end {
                    value = .null
                } else {
                    switch number(field, bytes, decimalComma: decimalComma) {
                    case .some(let n) where n.isFinite:
                        value = .number(n)
                    case .some:
                        throw fail(.nonFiniteNumber(string(field, bytes) ?? ""), line: line, column: names[column])
                    case .none:
                        guard let s = string(field, bytes) else { throw fail(.invalidUTF8, line: line, column: names[column]) }
                        value = .string(s)
                    }
                }
                properties[propertyKeys[k]] = value
            }
            features.append(Feature(geometry: .point(Position(x: x, y: y)), properties: properties))
        }
        return FeatureCollection(features: features, crs: crs)
    }

    // MARK: - Cells

    /// The text of a field, with doubled quotes resolved; nil when it is not valid UTF-8.
    static func string(_ field: CSVTokenizer.Field, _ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let slice = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
        guard field.hasDoubledQuotes else { return JSONByteParser.validatedString(slice) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var i = 0
        while i < slice.count {
            out.append(slice[i])
            i += slice[i] == UInt8(ascii: "\"") ? 2 : 1
        }
        return out.withUnsafeBufferPointer { JSONByteParser.validatedString($0) }
    }

    /// The field as a number when it is one by JSON's grammar (plus a leading `+`, and a decimal comma
    /// when `decimalComma`); nil otherwise. Uses the GeoJSON parser's correctly rounded number parsing.
    static func number(
        _ field: CSVTokenizer.Field, _ bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool, allowLeadingZeros: Bool = false
    ) -> Double? {
        var start = field.start
        var end = field.end
        // Spaces around a number are common in hand-edited files.
        while start < end && bytes[start] == 0x20 { start += 1 }
        while end > start && bytes[end - 1] == 0x20 { end -= 1 }
        if start < end && bytes[start] == UInt8(ascii: "+") { start += 1 }
        let length = end - start
        guard length > 0, length <= 64, !field.hasDoubledQuotes else { return nil }
        // Text cells are the common non-number: reject them before setting up a parse.
        let first = bytes[start], last = bytes[end - 1]
        guard first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")),
              last >= UInt8(ascii: "0") && last <= UInt8(ascii: "9") else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { buffer -> Double? in
            var out = 0
            var sawSeparator = false
            for i in start..<end {
                var b = bytes[i]
                if b == UInt8(ascii: ",") || b == UInt8(ascii: ".") {
                    if b == UInt8(ascii: ",") && !decimalComma { return nil }
                    if sawSeparator { return nil }
                    sawSeparator = true
                    b = UInt8(ascii: ".")
                }
                buffer[out] = b
                out += 1
            }
            var offset = 0
            if allowLeadingZeros {
                // Drop redundant leading zeros ("08.5" → "8.5") that JSON's grammar forbids.
                var p = buffer[0] == UInt8(ascii: "-") ? 1 : 0
                while p + 1 < out && buffer[p] == UInt8(ascii: "0") && buffer[p + 1] >= UInt8(ascii: "0") && buffer[p + 1] <= UInt8(ascii: "9") {
                    p += 1
                }
                if p > (buffer[0] == UInt8(ascii: "-") ? 1 : 0) {
                    if buffer[0] == UInt8(ascii: "-") { buffer[p - 1] = UInt8(ascii: "-"); offset = p - 1 } else { offset = p }
                }
            }
            var parser = JSONByteParser(base: UnsafePointer(buffer.baseAddress! + offset), count: out - offset)
            do throws(JSONParseFailure) {
                let value = try parser.parseNumber()
                return parser.pos == parser.count ? value : nil
            } catch {
                if case .nonFiniteNumber = error.reason { return .infinity }
                return nil
            }
        }
    }

    private static func coordinate(
        _ field: CSVTokenizer.Field, _ bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool,
        _ fail: (CSVError.Reason) -> CSVError
    ) throws(CSVError) -> Double {
        guard field.start != field.end else { throw fail(.emptyCoordinate) }
        guard let value = number(field, bytes, decimalComma: decimalComma, allowLeadingZeros: true) else {
            throw fail(.invalidCoordinate(string(field, bytes) ?? "?"))
        }
        guard value.isFinite else { throw fail(.nonFiniteNumber(string(field, bytes) ?? "?")) }
        return value
    }
}
