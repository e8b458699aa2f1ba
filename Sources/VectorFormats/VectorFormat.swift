import Foundation

/// The file formats this module writes, chosen by the output's extension, and the extensions it reads.
///
/// Reading is not limited to this list: ``GDALVectorReader/canRead(_:)`` asks GDAL whether any vector driver
/// recognises a file. GeoJSON and CSV are left to GeoCore's native readers and writers (faster and exact).
public enum VectorFormat: String, Hashable, Sendable, CaseIterable {
    /// OGC GeoPackage (`.gpkg`), GDAL driver `GPKG`.
    case geoPackage
    /// FlatGeobuf (`.fgb`), GDAL driver `FlatGeobuf`.
    case flatGeobuf
    /// Office Open XML workbook (`.xlsx`), GDAL driver `XLSX`: attributes only, one sheet per table.
    case xlsx

    /// The GDAL driver's short name.
    public var driverName: String {
        switch self {
        case .geoPackage: "GPKG"
        case .flatGeobuf: "FlatGeobuf"
        case .xlsx: "XLSX"
        }
    }

    /// The file extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .geoPackage: "gpkg"
        case .flatGeobuf: "fgb"
        case .xlsx: "xlsx"
        }
    }

    /// The extensions ``GDALVectorWriter`` writes, without dots.
    public static var writableExtensions: [String] { allCases.map(\.fileExtension) }

    /// Extensions of the vector formats planners bring that are read through GDAL here (lower case, no dot):
    /// GeoPackage, ESRI Shapefile (and zipped Shapefile), FlatGeobuf, KML, GML, GPX, MapInfo, spreadsheets.
    /// Other files are still read when GDAL identifies them (``GDALVectorReader/canRead(_:)``).
    public static let readableExtensions: [String] = [
        "gpkg", "shp", "shz", "fgb", "kml", "gml", "gpx", "tab", "mif", "xlsx", "ods", "sqlite", "gdb",
    ]

    /// The output format for `url`'s extension (case-insensitive).
    ///
    /// - Throws: ``VectorFormatError/Reason/unsupportedOutput(extension:supported:hint:)`` for any other
    ///   extension; for `.shp` the hint explains that Shapefile's 10-character field names would mangle
    ///   criterion ids and suggests `.gpkg`.
    public init(forWriting url: URL) throws(VectorFormatError) {
        let ext = url.pathExtension.lowercased()
        if let format = VectorFormat.allCases.first(where: { $0.fileExtension == ext }) {
            self = format
            return
        }
        let hint: String? = switch ext {
        case "shp", "dbf", "shx", "shz":
            "use .gpkg: a Shapefile cuts field names to 10 characters, which would mangle criterion ids and their _value columns, and cannot store booleans"
        case "xls", "ods", "csv":
            "use .xlsx for a spreadsheet, or .csv for the native CSV writer"
        case "geojson", "json":
            "GeoJSON is written by GeoCore's native writer, not through GDAL"
        default:
            nil
        }
        throw VectorFormatError(.unsupportedOutput(extension: ext, supported: VectorFormat.writableExtensions, hint: hint), path: url.path)
    }
}
