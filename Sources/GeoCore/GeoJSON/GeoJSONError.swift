/// A GeoJSON document that could not be read or written, with where it went wrong.
///
/// The location is as precise as the reader knows it: the source (file path), the line and column
/// (1-based; the column counts characters, not bytes), the **0-based** index of the feature in the
/// collection's `features` array, that feature's `id` when it had been read before the error, and
/// the JSON path of the failing value (e.g. `features[12].geometry.coordinates[0][3]`).
/// `description` puts all of that on one line for the CLI's `error:` output.
public struct GeoJSONError: Error, CustomStringConvertible, Hashable, Sendable {
    /// What is wrong.
    public enum Reason: Hashable, Sendable {
        /// The file could not be read (missing, a directory, no permission); the payload is the system's reason.
        case unreadable(String)
        /// The input is larger than the reader's `maximumBytes`.
        case tooLarge(bytes: Int, limit: Int)
        /// The input is empty or only whitespace.
        case emptyInput
        /// A JSON syntax error; the payload says what was expected and what was found.
        case invalidJSON(String)
        /// The input ends in the middle of a JSON value.
        case truncated
        /// A string is not valid UTF-8.
        case invalidUTF8
        /// `NaN`, `Infinity` or `-Infinity`: not valid JSON numbers.
        case nonJSONNumber(String)
        /// A number too large for a Double (e.g. `1e999`).
        case nonFiniteNumber(String)
        /// Arrays/objects nested deeper than the reader's limit.
        case tooDeeplyNested(limit: Int)
        /// Valid JSON that is not a GeoJSON object; the payload says what was found.
        case notGeoJSON(String)
        /// A `type` member naming no GeoJSON type.
        case unknownType(String)
        /// A required member is missing.
        case missingMember(String)
        /// A member has the wrong JSON type.
        case wrongMemberType(member: String, expected: String, found: String)
        /// Coordinates nested more or less deeply than the geometry type requires.
        case wrongCoordinateNesting(geometryType: String, expectedDepth: Int, tooDeep: Bool)
        /// A coordinate that is not a number (a string, null, a boolean, an object).
        case nonNumericCoordinate(found: String)
        /// A position with fewer than two numbers.
        case tooFewCoordinates(found: Int)
        /// A line string or ring with too few positions.
        case tooFewPositions(what: String, found: Int, minimum: Int)
        /// A polygon ring whose last position differs from its first.
        case ringNotClosed
        /// A legacy `crs` member that cannot be turned into a CRS string.
        case unsupportedCRS(String)
        /// The writer was given a collection whose CRS is not WGS 84 longitude/latitude.
        case outputCRSNotWGS84(String)
    }

    public var reason: Reason
    /// The file path, or the name given to `read(data:source:)`.
    public var source: String
    /// Byte offset of the failing value in the input.
    public var byteOffset: Int?
    /// 1-based line of the failing value.
    public var line: Int?
    /// 1-based column (in characters) of the failing value.
    public var column: Int?
    /// 0-based index of the failing feature in the collection's `features` array.
    public var featureIndex: Int?
    /// The failing feature's `id`, when it was read before the error.
    public var featureID: FeatureID?
    /// JSON path of the failing value, e.g. `features[12].geometry.coordinates[0][3]`; empty for the whole document.
    public var path: String

    public init(
        _ reason: Reason, source: String, byteOffset: Int? = nil, line: Int? = nil, column: Int? = nil,
        featureIndex: Int? = nil, featureID: FeatureID? = nil, path: String = ""
    ) {
        self.reason = reason
        self.source = source
        self.byteOffset = byteOffset
        self.line = line
        self.column = column
        self.featureIndex = featureIndex
        self.featureID = featureID
        self.path = path
    }

    /// What the planner can do about it.
    public var hint: String? {
        switch reason {
        case .unreadable: "check the path and the file's permissions"
        case .tooLarge: "split or filter the file first, e.g. with ogr2ogr -spat or -where; candidates this large stream from FlatGeobuf or GeoJSON text sequences (ogr2ogr -f FlatGeobuf sites.fgb sites.geojson; standort score --stream)"
        case .emptyInput: "the file must contain a GeoJSON FeatureCollection, Feature or geometry"
        case .invalidJSON: "the file is not valid JSON; check it with a JSON validator or re-export it"
        case .truncated: "the file ends too early; it may have been cut off while copying or exporting"
        case .invalidUTF8: "re-export the file as UTF-8"
        case .nonJSONNumber: "NaN and Infinity are not allowed in JSON; write null or remove the feature"
        case .nonFiniteNumber: "the number is too large for a 64-bit float"
        case .tooDeeplyNested: nil
        case .notGeoJSON: "expected an object with \"type\": \"FeatureCollection\", \"Feature\" or a geometry type"
        case .unknownType: "valid types: FeatureCollection, Feature, Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection"
        case .missingMember(let m) where m == "geometry": "write \"geometry\": null for a feature without geometry"
        case .missingMember: nil
        case .wrongMemberType: nil
        case .wrongCoordinateNesting(let type, _, _): "\(type) coordinates look like \(GeometryKind(rawValue: type)?.example ?? "?")"
        case .nonNumericCoordinate: "coordinates must be JSON numbers, not quoted strings or null"
        case .tooFewCoordinates: "a position is [x, y] (longitude, latitude)"
        case .tooFewPositions(let what, _, _) where what == "ring": "a closed ring repeats its first position at the end, so a triangle has 4 positions"
        case .tooFewPositions: nil
        case .ringNotClosed: "repeat the ring's first position as its last position"
        case .unsupportedCRS: "use a crs name such as \"urn:ogc:def:crs:EPSG::25832\" or re-export as RFC 7946 (WGS 84)"
        case .outputCRSNotWGS84: "transform the features to OGC:CRS84 before writing RFC 7946 GeoJSON"
        }
    }

    /// The problem in words, without location.
    public var message: String {
        switch reason {
        case .unreadable(let why): "cannot read the file: \(why)"
        case .tooLarge(let bytes, let limit): "the file has \(bytes) bytes, more than the limit of \(limit)"
        case .emptyInput: "the input is empty"
        case .invalidJSON(let what): "invalid JSON: \(what)"
        case .truncated: "the JSON ends in the middle of a value"
        case .invalidUTF8: "a string is not valid UTF-8"
        case .nonJSONNumber(let token): "\(token) is not a valid JSON number"
        case .nonFiniteNumber(let token): "the number \(token) is not finite"
        case .tooDeeplyNested(let limit): "arrays or objects are nested more than \(limit) levels deep"
        case .notGeoJSON(let what): "not GeoJSON: \(what)"
        case .unknownType(let type): "unknown GeoJSON type \"\(type)\""
        case .missingMember(let member): "the member \"\(member)\" is missing"
        case .wrongMemberType(let member, let expected, let found): "\"\(member)\" must be \(expected), found \(found)"
        case .wrongCoordinateNesting(let type, let depth, let tooDeep):
            "\(type) coordinates must be nested \(depth) array\(depth == 1 ? "" : "s") deep, found them nested \(tooDeep ? "deeper" : "less deep")"
        case .nonNumericCoordinate(let found): "a coordinate must be a number, found \(found)"
        case .tooFewCoordinates(let n): "a position needs at least 2 numbers, found \(n)"
        case .tooFewPositions(let what, let found, let minimum): "a \(what) needs at least \(minimum) positions, found \(found)"
        case .ringNotClosed: "the polygon ring is not closed (its last position differs from its first)"
        case .unsupportedCRS(let what): "unsupported crs member: \(what)"
        case .outputCRSNotWGS84(let crs): "RFC 7946 GeoJSON must be WGS 84 longitude/latitude, but the features are in \(crs)"
        }
    }

    /// `source:line:column: message at path (feature index N, id X); hint: ...`
    public var description: String {
        var out = source
        if let line, let column { out += ":\(line):\(column)" }
        out += ": " + message
        if !path.isEmpty { out += " at \(path)" }
        if let featureIndex {
            out += " (feature index \(featureIndex), 0-based"
            switch featureID {
            case .string(let s): out += ", id \"\(s)\""
            case .number(let n): out += ", id \(JSONNumberFormat.string(n))"
            case nil: break
            }
            out += ")"
        }
        if let hint { out += "; hint: \(hint)" }
        return out
    }
}
