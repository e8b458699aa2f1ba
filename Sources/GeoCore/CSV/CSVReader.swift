import Foundation

/// Reads a CSV file of points into a `FeatureCollection`.
///
/// - A header row is required; the coordinate columns are named by the caller, every other column
///   becomes a property (in header order). Header names are trimmed of surrounding spaces.
/// - Delimiter `,` or `;`, detected from the header (whichever occurs more often outside quotes)
///   unless given. Fields follow RFC 4180: quoted fields may contain delimiters, line breaks and
///   doubled quotes. UTF-8 with or without BOM; LF, CRLF or CR line ends; blank lines are skipped.
/// - Cells: empty (quoted or not) → `null`; a JSON-style number (`-12.5`, `3e4`, `+7`) → number;
///   everything else, including numbers with leading zeros such as postcodes (`01067`), → string.
/// - With `;` as delimiter a column may also use the German convention: decimal comma and `.` as thousands
///   separator (`12,5`, `1.200` = 1200, `12.345,6`). `1.200` is read per column: with a decimal point
///   (1.2, warning) when the column otherwise writes `3.5`, as thousands otherwise (warning when another
///   column writes decimal points); a column mixing both conventions gets a warning; a number cell that
///   fits neither (`12.34,5`) is an error in a coordinate column or a mostly numeric one
///   (docs/scenario.md "How CSV files are read"). With `,` only the decimal point exists.
/// - Coordinates must be finite numbers (leading zeros allowed); a header without data rows gives 0 features.
///
/// Byte-level: the file is memory-mapped and fields are sliced, not copied, until their value is built.
public enum CSVReader {
    /// Default input size limit: 512 MiB. A parsed row takes about 13× its bytes (≈ 400 bytes for a
    /// 30-byte row: 10 million rows, 309 MB, peaked at 4 GB RSS in `standort score`), so larger inputs are
    /// rejected up front rather than running out of memory.
    public static let defaultMaximumBytes = 1 << 29

    /// The features of a CSV file and the warnings about how its numbers were read.
    public struct Result: Sendable {
        public var collection: FeatureCollection
        /// Cells that were read but may not mean what the reader took them to mean (`1.200` in a column
        /// that also has `3.5`, a column mixing decimal commas and points); one per column at most.
        public var warnings: [CSVWarning]

        public init(collection: FeatureCollection, warnings: [CSVWarning]) {
            self.collection = collection
            self.warnings = warnings
        }
    }

    /// Reads the CSV file at `url`; errors name the file's path. Warnings are dropped: use
    /// ``readWithWarnings(contentsOf:xColumn:yColumn:crs:delimiter:maximumBytes:)`` to show them.
    public static func read(
        contentsOf url: URL, xColumn: String, yColumn: String, crs: String = "EPSG:4326", delimiter: CSVDelimiter? = nil,
        maximumBytes: Int = defaultMaximumBytes
    ) throws(CSVError) -> FeatureCollection {
        try readWithWarnings(contentsOf: url, xColumn: xColumn, yColumn: yColumn, crs: crs, delimiter: delimiter, maximumBytes: maximumBytes).collection
    }

    /// Reads CSV from `data`; `source` names it in errors. Warnings are dropped: use
    /// ``readWithWarnings(data:source:xColumn:yColumn:crs:delimiter:maximumBytes:)`` to show them.
    public static func read(
        data: Data, source: String = "<data>", xColumn: String, yColumn: String, crs: String = "EPSG:4326",
        delimiter: CSVDelimiter? = nil, maximumBytes: Int = defaultMaximumBytes
    ) throws(CSVError) -> FeatureCollection {
        try readWithWarnings(data: data, source: source, xColumn: xColumn, yColumn: yColumn, crs: crs, delimiter: delimiter, maximumBytes: maximumBytes).collection
    }

    /// Reads the CSV file at `url` with the warnings about how its numbers were read.
    public static func readWithWarnings(
        contentsOf url: URL, xColumn: String, yColumn: String, crs: String = "EPSG:4326", delimiter: CSVDelimiter? = nil,
        maximumBytes: Int = defaultMaximumBytes
    ) throws(CSVError) -> Result {
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
        return try readWithWarnings(data: data, source: path, xColumn: xColumn, yColumn: yColumn, crs: crs, delimiter: delimiter, maximumBytes: maximumBytes)
    }

    /// Reads CSV from `data` with the warnings about how its numbers were read; `source` names it in
    /// errors and warnings.
    public static func readWithWarnings(
        data: Data, source: String = "<data>", xColumn: String, yColumn: String, crs: String = "EPSG:4326",
        delimiter: CSVDelimiter? = nil, maximumBytes: Int = defaultMaximumBytes
    ) throws(CSVError) -> Result {
        guard data.count <= maximumBytes else { throw CSVError(.tooLarge(bytes: data.count, limit: maximumBytes), source: source) }
        let result: Swift.Result<Result, CSVError> = data.withUnsafeBytes { raw in
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
    ) throws(CSVError) -> Result {
        let (layout, bodyStart, bodyLine) = try CSVLayout.read(bytes, source: source, xColumn: xColumn, yColumn: yColumn, delimiter: delimiter)
        var evidence = layout.emptyEvidence
        var features = try layout.parseRows(bytes, from: bodyStart, line: bodyLine, firstFeature: 0, evidence: &evidence)
        guard layout.decimalComma else { return Result(collection: FeatureCollection(features: features, crs: crs), warnings: []) }
        let (readAsPoint, warnings) = try CSVColumnEvidence.resolve(evidence, names: layout.names, source: source)
        layout.apply(readAsPoint, evidence: evidence, to: &features, firstFeature: 0)
        return Result(collection: FeatureCollection(features: features, crs: crs), warnings: warnings)
    }

    /// The number of disjoint adjacent field pairs that look like the halves of a decimal-comma number
    /// split by a ',' delimiter (`10` + `7695`): an integer followed by digits only.
    static func splitDecimalPairs(_ fields: [CSVTokenizer.Field], _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        func digits(_ f: CSVTokenizer.Field, signed: Bool) -> Bool {
            guard !f.quoted, f.start < f.end else { return false }
            var i = f.start
            if signed && bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < f.end else { return false }
            while i < f.end {
                guard bytes[i] &- 0x30 < 10 else { return false }
                i += 1
            }
            return true
        }
        var pairs = 0
        var i = 0
        while i + 1 < fields.count {
            if digits(fields[i], signed: true) && digits(fields[i + 1], signed: false) {
                pairs += 1
                i += 2
            } else {
                i += 1
            }
        }
        return pairs
    }

    /// The row as written (line breaks inside quotes as spaces), shortened to 80 characters.
    static func rowText(_ fields: [CSVTokenizer.Field], _ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = fields.first, let last = fields.last else { return nil }
        let from = first.quoted ? first.start - 1 : first.start
        let to = min(bytes.count, last.quoted ? last.end + 1 : last.end)
        guard from < to else { return nil }
        var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
        text = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        return text.count > 80 ? String(text.prefix(79)) + "…" : text
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

    static func coordinate(
        _ field: CSVTokenizer.Field, _ bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool,
        evidence: inout [CSVColumnEvidence], column: Int, feature: Int, line: Int,
        _ fail: (CSVError.Reason) -> CSVError
    ) throws(CSVError) -> Double {
        guard field.start != field.end else { throw fail(.emptyCoordinate) }
        let syntax = CSVNumberSyntax.classify(field, bytes)
        let value: Double?
        switch syntax.kind {
        case .text:
            value = nil
        case .integer, .point:
            value = syntax.pointValue(bytes, allowLeadingZeros: true)
        case .ambiguous:
            value = decimalComma ? syntax.commaValue(bytes, allowLeadingZeros: true) : syntax.pointValue(bytes, allowLeadingZeros: true)
        case .comma:
            value = syntax.commaValue(bytes, allowLeadingZeros: true)
            if !decimalComma, let reading = value, reading.isFinite {
                throw fail(.coordinateNeedsSemicolon(string(field, bytes) ?? "?", reading: reading))
            }
        case .neither:
            throw fail(.malformedNumber(string(field, bytes) ?? "?"))
        }
        guard let value, decimalComma || syntax.kind != .comma else { throw fail(.invalidCoordinate(string(field, bytes) ?? "?")) }
        guard value.isFinite else { throw fail(.nonFiniteNumber(string(field, bytes) ?? "?")) }
        if decimalComma {
            evidence[column].note(syntax.kind, isNumber: true, feature: feature, line: line) { string(field, bytes) ?? "?" }
        }
        return value
    }
}
