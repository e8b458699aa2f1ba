/// The GeoJSON geometry types with how deeply each nests its `coordinates`.
enum GeometryKind: String, Sendable {
    case point = "Point"
    case multiPoint = "MultiPoint"
    case lineString = "LineString"
    case multiLineString = "MultiLineString"
    case polygon = "Polygon"
    case multiPolygon = "MultiPolygon"
    case geometryCollection = "GeometryCollection"

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
