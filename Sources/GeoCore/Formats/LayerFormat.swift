import Foundation

/// The file formats a layer can come in, told apart by extension and by the file's first bytes.
/// This is the one place a format is chosen; readers and writers plug in behind ``LayerReader`` and the
/// output registry, so the rest of the code sees features and a CRS, never a format.
public enum LayerFormat: String, Sendable, Hashable, CaseIterable {
    case geojson
    /// Newline-delimited GeoJSON (RFC 8142 text sequences, `.geojsons`/`.geojsonl`/`.ndjson`).
    case geojsonSeq
    case csv
    case geopackage
    case shapefile
    case flatgeobuf
    case xlsx
    case kml
    case gml
    case fileGDB

    /// The name planners know the format by.
    public var displayName: String {
        switch self {
        case .geojson: "GeoJSON"
        case .geojsonSeq: "GeoJSON text sequence"
        case .csv: "CSV"
        case .geopackage: "GeoPackage"
        case .shapefile: "ESRI Shapefile"
        case .flatgeobuf: "FlatGeobuf"
        case .xlsx: "Excel workbook (XLSX)"
        case .kml: "KML"
        case .gml: "GML"
        case .fileGDB: "Esri File Geodatabase"
        }
    }

    /// File extensions (lower case, without the dot).
    public var extensions: [String] {
        switch self {
        case .geojson: ["geojson", "json"]
        case .geojsonSeq: ["geojsons", "geojsonl", "geojsonseq", "ndjson"]
        case .csv: ["csv", "tsv", "txt"]
        case .geopackage: ["gpkg"]
        case .shapefile: ["shp", "dbf"]
        case .flatgeobuf: ["fgb"]
        case .xlsx: ["xlsx"]
        case .kml: ["kml"]
        case .gml: ["gml"]
        case .fileGDB: ["gdb"]
        }
    }

    /// The format a file's extension names, if any.
    public init?(extension ext: String) {
        let e = ext.lowercased()
        guard let format = LayerFormat.allCases.first(where: { $0.extensions.contains(e) }) else { return nil }
        self = format
    }

    /// The format the first bytes of a file show, if they are distinctive (magic numbers, or `{`/`[` for JSON).
    public init?(sniffing prefix: some Collection<UInt8>) {
        let bytes = Array(prefix.prefix(64))
        func starts(_ magic: [UInt8]) -> Bool { bytes.count >= magic.count && Array(bytes[0..<magic.count]) == magic }
        if starts(Array("SQLite format 3\u{0}".utf8)) { self = .geopackage; return }
        if starts([0x66, 0x67, 0x62, 0x03]) { self = .flatgeobuf; return }  // "fgb" + major version 3
        if starts([0x00, 0x00, 0x27, 0x0A]) { self = .shapefile; return }   // shapefile main header code 9994
        if starts([0x50, 0x4B, 0x03, 0x04]) { self = .xlsx; return }        // a ZIP container (XLSX, zipped shapefile, KMZ)
        var i = 0
        if starts([0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        guard i < bytes.count else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "{"), UInt8(ascii: "["): self = .geojson
        case UInt8(ascii: "<"): self = .gml
        default: return nil
        }
    }

    /// The format of the file at `url`: by extension when it names one, else by content; nil when neither tells.
    public static func detect(_ url: URL) -> LayerFormat? {
        if let format = LayerFormat(extension: url.pathExtension) { return format }
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        let prefix = (try? handle.read(upToCount: 64)) ?? Data()
        return LayerFormat(sniffing: prefix)
    }
}
