import CGDAL
import Foundation
import GeoCore

/// Why a vector file could not be read or written through GDAL: a ``Reason`` and the file it concerns.
///
/// Callers (exit codes, tests) switch on ``reason``; ``description`` renders the one planner-facing
/// message: what went wrong, where, and what to do.
public struct VectorFormatError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Hashable, Sendable {
        /// The file does not exist.
        case fileNotFound
        /// GDAL could not open the file as a vector dataset; `driverHint` says what was expected
        /// (e.g. "an ESRI Shapefile needs its .shx and .dbf next to the .shp"), `gdalMessage` is GDAL's reason.
        case cannotOpen(driverHint: String, gdalMessage: String?)
        /// The dataset has several layers and none was named.
        case ambiguousLayer(names: [String])
        /// The named layer is not in the dataset.
        case unknownLayer(name: String, available: [String], suggestion: String?)
        /// The dataset has no layers at all.
        case noLayers
        /// The layer has no coordinate reference system (no `.prj`, no SRS) and none was given.
        case missingCRS(layer: String)
        /// A geometry kind that has no counterpart in GeoCore (e.g. a triangulated surface that cannot be
        /// made into polygons), at a 0-based feature index.
        case unsupportedGeometry(kind: String, featureIndex: Int)
        /// A feature could not be read (GDAL's message), at a 0-based feature index.
        case readFailed(message: String, featureIndex: Int?)
        /// The output extension is not one GDAL writes for Standort; `supported` lists the ones that are,
        /// `hint` names a better choice when there is one (`.shp` → `.gpkg`).
        case unsupportedOutput(extension: String, supported: [String], hint: String?)
        /// A property value does not fit the declared field type.
        case fieldTypeMismatch(field: String, expected: VectorFieldType, value: String, featureIndex: Int)
        /// The format cannot store a feature without a geometry (FlatGeobuf), at a 0-based feature index.
        case featureWithoutGeometry(featureIndex: Int, format: String)
        /// A declared field or table is unusable (duplicate or empty name, row of the wrong length).
        case invalidSchema(String)
        /// The coordinates could not be transformed to the output CRS.
        case transformFailed(message: String)
        /// GDAL failed while creating or writing the file; nothing was left behind.
        case writeFailed(message: String)
        /// The format needs GDAL, whose library could not be loaded (not installed, or an older release);
        /// `detail` is the dynamic loader's reason.
        case gdalUnavailable(detail: String)
        /// The output location is unusable or the final write failed (directory missing, disk full, …);
        /// the same cases the native writers report.
        case output(OutputError)
    }

    /// What went wrong.
    public var reason: Reason
    /// The file concerned (as given).
    public var path: String

    /// An error for the file at `path`.
    public init(_ reason: Reason, path: String) {
        self.reason = reason
        self.path = path
    }

    /// The planner-facing message: the path, what went wrong, and a hint what to do.
    public var description: String {
        switch reason {
        case .fileNotFound:
            return "\(path): no such file; hint: check the path (relative paths are resolved against the scenario file's directory)"
        case .cannotOpen(let hint, let message):
            // GDAL's message usually repeats the path, which already leads the line.
            let reason = message.map { $0.replacingOccurrences(of: "`\(path)' ", with: "").replacingOccurrences(of: path, with: "the file") }
            return "\(path): cannot be opened as a vector layer\(reason.map { " (GDAL: \($0))" } ?? ""); hint: \(hint)"
        case .ambiguousLayer(let names):
            return "\(path): the file has \(names.count) layers (\(Self.list(names))); hint: choose one with 'layer:'"
        case .unknownLayer(let name, let available, let suggestion):
            let mean = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            return "\(path): no layer '\(name)'\(mean); the layers are \(Self.list(available))"
        case .noLayers:
            return "\(path): the file contains no vector layers; hint: check that it is the right file"
        case .missingCRS(let layer):
            return "\(path): layer '\(layer)' has no coordinate reference system (for a Shapefile: no .prj); hint: give it with 'crs:' in the scenario, or add the .prj"
        case .unsupportedGeometry(let kind, let index):
            return "\(path): feature \(index) has a \(kind) geometry, which Standort cannot use; hint: convert it to (multi)polygons, e.g. with ogr2ogr -nlt MULTIPOLYGON"
        case .readFailed(let message, let index):
            return "\(path)\(index.map { ": feature \($0)" } ?? ""): reading failed (GDAL: \(message)); hint: the file may be damaged, re-export it"
        case .unsupportedOutput(let ext, let supported, let hint):
            let shown = ext.isEmpty ? "an output without an extension" : "'.\(ext)' output"
            return "\(path): \(shown) is not supported; the formats are \(supported.map { ".\($0)" }.joined(separator: ", "))\(hint.map { "; hint: \($0)" } ?? "")"
        case .fieldTypeMismatch(let field, let expected, let value, let index):
            return "\(path): feature \(index), field '\(field)': \(value) is not \(expected.article) \(expected) value"
        case .featureWithoutGeometry(let index, let format):
            return "\(path): feature \(index) has no geometry, which \(format) cannot store (it would be dropped); hint: write .gpkg, or leave out the features without geometry"
        case .invalidSchema(let message):
            return "\(path): \(message)"
        case .transformFailed(let message):
            return "\(path): the coordinates cannot be transformed to the output CRS (\(message)); hint: check the output CRS"
        case .writeFailed(let message):
            return "\(path): writing failed (GDAL: \(message)); nothing was written"
        case .gdalUnavailable(let detail):
            return "\(path): this format is read and written through GDAL, and GDAL's library \(detail); hint: install it (Debian: apt-get install libgdal\(26 + GDAL_VERSION_MINOR)), set \(GDALRuntime.libraryVariable) to its path, or use GeoJSON or CSV for this file"
        case .output(let error):
            return error.description
        }
    }

    private static func list(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }
}
