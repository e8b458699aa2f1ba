import Foundation

/// No reader (or writer) for a format, or a format that cannot be told.
public struct LayerFormatError: Error, CustomStringConvertible, Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// A known format without a reader in this build.
        case unsupported(LayerFormat)
        /// Neither the extension nor the first bytes name a format.
        case unknown(extension: String)
        /// An output extension without a writer (`supported`: the extensions that have one).
        case unsupportedOutput(extension: String, supported: [String], hint: String?)
    }

    public var reason: Reason
    public var file: String

    public init(_ reason: Reason, file: String) {
        self.reason = reason
        self.file = file
    }

    public var description: String {
        switch reason {
        case .unsupported(let format):
            return "\(file): \(format.displayName) is not supported by this build; convert it with `ogr2ogr -f GeoJSON out.geojson \((file as NSString).lastPathComponent)`"
        case .unknown(let ext):
            return "\(file): cannot tell the file format\(ext.isEmpty ? "" : " of '.\(ext)'") from its name or its first bytes; use GeoJSON (.geojson), CSV (.csv), GeoPackage (.gpkg), Shapefile (.shp) or FlatGeobuf (.fgb)"
        case .unsupportedOutput(let ext, let supported, let hint):
            return "\(file): cannot write '.\(ext)' files\(hint.map { ": \($0)" } ?? ""); choose one of \(supported.map { ".\($0)" }.joined(separator: ", "))"
        }
    }
}
