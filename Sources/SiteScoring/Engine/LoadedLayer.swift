import Foundation
import GeoCore

/// A layer read from its file and transformed into the working CRS.
struct LoadedLayer {
    let source: LayerSource
    /// The features as read, in `crs`.
    let collection: FeatureCollection
    /// The CRS of the file's coordinates (the scenario's override, else the file's own).
    let crs: CRS
    /// SHA-256 of the file's bytes.
    let sha256: String
    /// Each feature's geometry in the working CRS (nil where the file has `geometry: null`).
    var working: [Geometry?] = []

    var features: [Feature] { collection.features }
    var file: String { source.url.path }

    /// Reads the layer's file: GeoJSON, or CSV with the layer's coordinate columns.
    static func read(_ source: LayerSource) throws -> LoadedLayer {
        let data = try readBytes(source)
        let collection: FeatureCollection
        if source.isCSV {
            guard let x = source.xColumn, let y = source.yColumn else {
                throw ScoringError(file: source.url.path, message: "is a CSV file: name its coordinate columns with 'x:' and 'y:' in the scenario (layer '\(source.name)')")
            }
            collection = try CSVReader.read(data: data, source: source.url.path, xColumn: x, yColumn: y, crs: source.crs?.definition ?? "EPSG:4326")
        } else {
            if source.xColumn != nil {
                throw ScoringError(file: source.url.path, message: "'x:'/'y:' apply to CSV layers only; this file is read as GeoJSON (layer '\(source.name)')")
            }
            collection = try GeoJSONReader.read(data: data, source: source.url.path)
        }
        let crs = source.crs ?? CRS(collection.crs)
        return LoadedLayer(source: source, collection: collection, crs: crs, sha256: SHA256.hex(of: data))
    }

    private static func readBytes(_ source: LayerSource) throws -> Data {
        let path = source.url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScoringError(file: path, message: "no such file (layer '\(source.name)', path '\(source.path)' in the scenario)")
        }
        guard !isDirectory.boolValue else { throw ScoringError(file: path, message: "is a directory, not a data file (layer '\(source.name)')") }
        do {
            return try Data(contentsOf: source.url, options: .alwaysMapped)
        } catch {
            throw ScoringError(file: path, message: "cannot be read: \(error.localizedDescription)")
        }
    }

    /// The text form of feature `i`'s id for messages.
    func idText(_ i: Int) -> String? {
        switch features[i].id {
        case .string(let s): "'\(s)'"
        case .number(let n): SiteID.number(n).description
        case nil: nil
        }
    }
}
