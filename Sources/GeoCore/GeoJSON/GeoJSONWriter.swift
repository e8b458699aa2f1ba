import Foundation

/// Writes a `FeatureCollection` as RFC 7946 GeoJSON.
///
/// Output: one FeatureCollection with the collection's foreign members (e.g. a run manifest) before
/// `features`, one feature per line with members `type`, `id`, `properties` (in their order),
/// `geometry`; polygons oriented by the RFC 7946 winding rule (exterior counter-clockwise, holes
/// clockwise); no `crs` member; coordinates rounded half away from zero to `coordinateDecimals`
/// and written in fixed-point without trailing zeros; integral property numbers without a fraction
/// (`3`), others as the shortest text that reads back to the same Double; NaN and infinities as `null`.
/// The bytes are built in one `[UInt8]` buffer.
public struct GeoJSONWriter: Sendable {
    /// Fraction digits of written coordinates; 7 decimals of a degree are about 1 cm.
    public var coordinateDecimals: Int

    public init(coordinateDecimals: Int = 7) {
        self.coordinateDecimals = min(max(coordinateDecimals, 0), 15)
    }

    /// The GeoJSON text of `collection`.
    /// - Throws: `GeoJSONError` with reason `outputCRSNotWGS84` unless `collection.crs` is WGS 84
    ///   longitude/latitude (`OGC:CRS84`, `EPSG:4326` or an equivalent URN).
    public func encode(_ collection: FeatureCollection) throws(GeoJSONError) -> [UInt8] {
        guard Self.isWGS84LonLat(collection.crs) else {
            throw GeoJSONError(.outputCRSNotWGS84(collection.crs), source: "<output>")
        }
        var out: [UInt8] = []
        out.reserveCapacity(64 + collection.features.count * 160)
        out.append(contentsOf: "{\"type\":\"FeatureCollection\",\n".utf8)
        for (key, value) in collection.foreignMembers.members where !Self.reservedCollectionMembers.contains(key) {
            Self.appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            Self.appendValue(value, to: &out)
            out.append(contentsOf: ",\n".utf8)
        }
        out.append(contentsOf: "\"features\":[".utf8)
        for (i, feature) in collection.features.enumerated() {
            out.append(contentsOf: i == 0 ? "\n".utf8 : ",\n".utf8)
            appendFeature(feature, to: &out)
        }
        out.append(contentsOf: "\n]}\n".utf8)
        return out
    }

    /// Writes `collection` to `url` through `AtomicFileWriter` (complete or not at all).
    /// - Throws: `GeoJSONError` for a collection not in WGS 84, `OutputError` for the file system.
    public func write(
        _ collection: FeatureCollection, to url: URL, protecting inputs: [URL] = [], fileWriter: AtomicFileWriter = AtomicFileWriter()
    ) throws {
        let bytes = try encode(collection)
        try fileWriter.write(bytes, to: url, protecting: inputs)
    }

    /// Whether `crs` names WGS 84 longitude/latitude (what RFC 7946 requires).
    public static func isWGS84LonLat(_ crs: String) -> Bool {
        let name = GeoJSONReader.normalizedCRSName(crs).uppercased()
        return name == "OGC:CRS84" || name == "EPSG:4326" || name == "WGS84"
    }

    static let reservedCollectionMembers: Set<String> = ["type", "features", "crs", "bbox"]

    // MARK: - Features and geometry

    func appendFeature(_ feature: Feature, to out: inout [UInt8]) {
        out.append(contentsOf: "{\"type\":\"Feature\",".utf8)
        switch feature.id {
        case .string(let s):
            out.append(contentsOf: "\"id\":".utf8)
            Self.appendString(s, to: &out)
            out.append(UInt8(ascii: ","))
        case .number(let n) where n.isFinite:
            out.append(contentsOf: "\"id\":".utf8)
            JSONNumberFormat.append(n, to: &out)
            out.append(UInt8(ascii: ","))
        default:
            break
        }
        out.append(contentsOf: "\"properties\":".utf8)
        Self.appendObject(feature.properties, to: &out)
        out.append(contentsOf: ",\"geometry\":".utf8)
        if let geometry = feature.geometry {
            appendGeometry(geometry.rfc7946Oriented(), to: &out)
        } else {
            out.append(contentsOf: "null".utf8)
        }
        out.append(UInt8(ascii: "}"))
    }

    func appendGeometry(_ geometry: Geometry, to out: inout [UInt8]) {
        out.append(contentsOf: "{\"type\":\"".utf8)
        out.append(contentsOf: geometry.typeName.utf8)
        if case .geometryCollection(let members) = geometry {
            out.append(contentsOf: "\",\"geometries\":[".utf8)
            for (i, member) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendGeometry(member, to: &out)
            }
            out.append(contentsOf: "]}".utf8)
            return
        }
        out.append(contentsOf: "\",\"coordinates\":".utf8)
        switch geometry {
        case .point(let p): appendPosition(p, to: &out)
        case .multiPoint(let ps), .lineString(let ps): appendPositions(ps, to: &out)
        case .multiLineString(let lines): appendList(lines, to: &out) { appendPositions($0, to: &$1) }
        case .polygon(let polygon): appendPolygon(polygon, to: &out)
        case .multiPolygon(let polygons): appendList(polygons, to: &out) { appendPolygon($0, to: &$1) }
        case .geometryCollection: break
        }
        out.append(UInt8(ascii: "}"))
    }

    private func appendList<T>(_ items: [T], to out: inout [UInt8], _ element: (T, inout [UInt8]) -> Void) {
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            element(item, &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private func appendPolygon(_ polygon: Polygon, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        appendPositions(polygon.exterior, to: &out)
        for hole in polygon.holes {
            out.append(UInt8(ascii: ","))
            appendPositions(hole, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private func appendPositions(_ positions: [Position], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, p) in positions.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendPosition(p, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    @inline(__always) private func appendPosition(_ p: Position, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        JSONNumberFormat.append(p.x, decimals: coordinateDecimals, to: &out)
        out.append(UInt8(ascii: ","))
        JSONNumberFormat.append(p.y, decimals: coordinateDecimals, to: &out)
        out.append(UInt8(ascii: "]"))
    }

    // MARK: - JSON values

    static func appendValue(_ value: JSONValue, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): JSONNumberFormat.append(n, to: &out)
        case .string(let s): appendString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendValue(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object): appendObject(object, to: &out)
        }
    }

    static func appendObject(_ object: JSONObject, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (i, (key, value)) in object.members.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            appendValue(value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Appends `s` as a JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, … or
    /// `\u00XX`, everything else (including non-ASCII) as raw UTF-8.
    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                runStart = i + 1
                out.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(b)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
