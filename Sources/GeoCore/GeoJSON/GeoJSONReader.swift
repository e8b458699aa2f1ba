import Foundation

/// Reads GeoJSON (RFC 7946, plus the legacy `crs` member) into a `FeatureCollection`.
///
/// - Accepts a FeatureCollection, a single Feature or a bare geometry (the last two become a
///   collection of one feature). Members may come in any order.
/// - Positions with 3 or 4 numbers (z, m) are accepted; only x and y are kept.
/// - `id` may be a string, a number or `null`; `bbox` and foreign members of features and geometries
///   are skipped; foreign members of the collection are kept in `foreignMembers`.
/// - Without a `crs` member the CRS is `OGC:CRS84`; a legacy `crs` member is honoured
///   (see `crsString(fromLegacyMember:)`).
/// - Rejected with a `GeoJSONError`: invalid JSON (including `NaN`/`Infinity`), numbers that overflow
///   a Double (`1e999`), wrong coordinate nesting, non-numeric coordinates, line strings with one
///   position, polygon rings with fewer than 4 positions or not closed, nesting deeper than 128
///   levels, input larger than `maximumBytes`.
///
/// Errors carry the file, line:column, the **0-based** feature index, the feature id when already
/// read, and the JSON path of the bad value. The parser is a hand-written byte-level one
/// (see `JSONByteParser`); files are memory-mapped rather than read.
public enum GeoJSONReader {
    /// Default input size limit: 1 GiB. Larger inputs are rejected up front rather than risking
    /// running out of memory (parsed features take roughly 2–3× the file size).
    public static let defaultMaximumBytes = 1 << 30

    /// Reads the GeoJSON file at `url`; errors name the file's path.
    public static func read(contentsOf url: URL, maximumBytes: Int = defaultMaximumBytes) throws(GeoJSONError) -> FeatureCollection {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw GeoJSONError(.unreadable("no such file"), source: path)
        }
        guard !isDirectory.boolValue else { throw GeoJSONError(.unreadable("it is a directory, not a file"), source: path) }
        guard FileManager.default.isReadableFile(atPath: path) else { throw GeoJSONError(.unreadable("permission denied"), source: path) }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber, size.intValue > maximumBytes {
            throw GeoJSONError(.tooLarge(bytes: size.intValue, limit: maximumBytes), source: path)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw GeoJSONError(.unreadable("\(error.localizedDescription)"), source: path)
        }
        return try read(data: data, source: path, maximumBytes: maximumBytes)
    }

    /// Reads GeoJSON from `data`; `source` names it in errors (e.g. a file path or `"<stdin>"`).
    public static func read(data: Data, source: String = "<data>", maximumBytes: Int = defaultMaximumBytes) throws(GeoJSONError) -> FeatureCollection {
        guard data.count <= maximumBytes else { throw GeoJSONError(.tooLarge(bytes: data.count, limit: maximumBytes), source: source) }
        let result: Result<FeatureCollection, GeoJSONError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return parse(bytes, source: source)
        }
        return try result.get()
    }

    /// Reads GeoJSON from raw UTF-8 bytes.
    public static func read(bytes: UnsafeBufferPointer<UInt8>, source: String = "<data>") throws(GeoJSONError) -> FeatureCollection {
        try parse(bytes, source: source).get()
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, source: String) -> Result<FeatureCollection, GeoJSONError> {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return .failure(GeoJSONError(.emptyInput, source: source)) }
        let json = JSONByteParser(base: base, count: bytes.count)
        var parser = GeoJSONDocumentParser(json: json)
        do {
            let (features, foreign) = try parser.parseDocument()
            let crs: String
            do {
                crs = try crsString(fromLegacyMember: parser.topLevelCRS)
            } catch {
                var failure = error
                failure.source = source
                return .failure(failure)
            }
            return .success(FeatureCollection(features: features, crs: crs, foreignMembers: foreign))
        } catch {
            let (line, column) = json.lineAndColumn(of: error.offset)
            return .failure(GeoJSONError(
                error.reason, source: source, byteOffset: error.offset, line: line, column: column,
                featureIndex: error.featureIndex, featureID: error.featureID, path: error.pathString
            ))
        }
    }
}
