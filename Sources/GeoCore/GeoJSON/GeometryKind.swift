/// The GeoJSON geometry types with how deeply each nests its `coordinates`.
enum GeometryKind: String, Sendable {
    case point = "Point"
    case multiPoint = "MultiPoint"
    case lineString = "LineString"
    case multiLineString = "MultiLineString"
    case polygon = "Polygon"
    case multiPolygon = "MultiPolygon"
    case geometryCollection = "GeometryCollection"

    /// The kind whose name equals the raw bytes `start..<end` of `base` (no String is built).
    static func matching(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> GeometryKind? {
        for (kind, name) in names where name.count == end - start {
            var equal = true
            for i in 0..<name.count where base[start + i] != name[i] {
                equal = false
                break
            }
            if equal { return kind }
        }
        return nil
    }

    private static let names: [(GeometryKind, [UInt8])] = [
        (.point, Array("Point".utf8)), (.multiPoint, Array("MultiPoint".utf8)), (.lineString, Array("LineString".utf8)),
        (.multiLineString, Array("MultiLineString".utf8)), (.polygon, Array("Polygon".utf8)),
        (.multiPolygon, Array("MultiPolygon".utf8)), (.geometryCollection, Array("GeometryCollection".utf8)),
    ]

    /// Array nesting of `coordinates`: a Point's `[x, y]` is 1 deep, a Polygon's `[[[x, y]]]` 3 deep.
    var coordinateDepth: Int {
        switch self {
        case .point: 1
        case .multiPoint, .lineString: 2
        case .multiLineString, .polygon: 3
        case .multiPolygon: 4
        case .geometryCollection: 0
        }
    }

    /// A short example of well-formed coordinates, for error hints.
    var example: String {
        switch self {
        case .point: "[x, y]"
        case .multiPoint: "[[x, y], [x, y]]"
        case .lineString: "[[x, y], [x, y]]"
        case .multiLineString: "[[[x, y], [x, y]], [[x, y], [x, y]]]"
        case .polygon: "[[[x, y], [x, y], [x, y], [x, y]]] (exterior ring first, then holes)"
        case .multiPolygon: "[[[[x, y], [x, y], [x, y], [x, y]]]]"
        case .geometryCollection: "\"geometries\": [...]"
        }
    }
}
