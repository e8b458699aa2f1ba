import GeoCore

/// How a ranked result is written, beyond its format.
public struct RankedOutputOptions: Sendable {
    /// Coordinate decimals in GeoJSON (7 ≈ 1 cm).
    public var coordinateDecimals: Int
    /// The sites' original geometries, or their reference points (centroids).
    public var geometry: OutputGeometry
    /// The CSV conventions.
    public var csvDialect: CSVDialect
    /// Worker threads for encoding.
    public var threads: Int
    /// The CRS of GeoPackage and FlatGeobuf output (default EPSG:4326). GeoJSON is always RFC 7946 lon/lat and
    /// CSV always lon/lat, so they refuse another CRS.
    public var crs: CRS?
    /// Called with a stage name and the fraction written (a merged or streamed ranking's long writes).
    public var progress: (@Sendable (String, Double) -> Void)?

    public init(coordinateDecimals: Int = 7, geometry: OutputGeometry = .original, csvDialect: CSVDialect = .en, threads: Int = 1,
                crs: CRS? = nil, progress: (@Sendable (String, Double) -> Void)? = nil) {
        self.progress = progress
        self.coordinateDecimals = coordinateDecimals
        self.geometry = geometry
        self.csvDialect = csvDialect
        self.threads = threads
        self.crs = crs
    }
}

/// Which geometry each output feature carries.
public enum OutputGeometry: String, Sendable, Hashable, CaseIterable {
    /// The candidate's geometry as read (points, polygons, …).
    case original
    /// The candidate's reference point (centroid): one geometry type, which every GIS layer accepts.
    case centroid
}

/// CSV conventions: `en` (`,` delimiter, decimal point, UTF-8, LF) or `de` (`;` delimiter, decimal comma,
/// UTF-8 with byte order mark, CRLF), which a German Excel splits into columns on opening.
public enum CSVDialect: String, Sendable, Hashable, CaseIterable {
    case en
    case de

    var delimiter: UInt8 { self == .de ? UInt8(ascii: ";") : UInt8(ascii: ",") }
    var lineEnd: [UInt8] { self == .de ? [13, 10] : [10] }
    var byteOrderMark: [UInt8] { self == .de ? [0xEF, 0xBB, 0xBF] : [] }

    /// A number as this dialect writes it (`12.5` → `12,5`, `1e-05` → `1E-05` in German).
    func number(_ text: String) -> String {
        self == .de ? text.replacingOccurrences(of: ".", with: ",").replacingOccurrences(of: "e", with: "E") : text
    }
}
