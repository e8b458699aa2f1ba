import Foundation
import GeoCore

/// A layer read from its file and transformed into the working CRS.
struct LoadedLayer {
    let source: LayerSource
    /// The features as read, in `crs`.
    let collection: FeatureCollection
    /// The CRS of the file's coordinates (the scenario's override, else the file's own).
    let crs: CRS
    /// SHA-256 of the file's bytes (set by `ScenarioRunner.readAll` from `digest(of:)`, which runs beside the parse).
    var sha256: String
    /// The reader's warnings (number conventions, driver notes), each naming the file.
    var readWarnings: [String] = []
    /// Each feature's geometry in the working CRS (nil where the file has `geometry: null`).
    var working: [Geometry?] = []

    var features: [Feature] { collection.features }
    var file: String { source.url.path }

    /// Reads the layer's file with the reader its format needs (chosen by `registry`: by extension, else by content).
    static func read(_ source: LayerSource, registry: LayerReaderRegistry = .standard) throws -> LoadedLayer {
        let (reader, request, isDirectory) = try opening(source, registry: registry)
        let data: Data
        do {
            data = try bytes(of: source, isDirectory: isDirectory)
        } catch {
            throw ScoringError(.layerUnreadable(layer: source.name, detail: error.localizedDescription), file: source.url.path)
        }
        let read = try reader.read(request, data: data)
        let crs = source.crs ?? CRS(read.collection.crs)
        return LoadedLayer(source: source, collection: read.collection, crs: crs, sha256: "", readWarnings: read.warnings)
    }

    /// SHA-256 of the layer's file as `read` sees it (empty for a directory data set), or nil when it cannot be
    /// mapped (`read` reports why).
    static func digest(of source: LayerSource) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.url.path, isDirectory: &isDirectory),
              let data = try? bytes(of: source, isDirectory: isDirectory.boolValue) else { return nil }
        return SHA256.hex(of: data)
    }

    /// The file's bytes as the layer's digest covers them: mapped, or none for a directory data set (a File
    /// Geodatabase, read by its reader from the path).
    private static func bytes(of source: LayerSource, isDirectory: Bool) throws -> Data {
        isDirectory ? Data() : try Data(contentsOf: source.url, options: .alwaysMapped)
    }

    /// The reader `source` needs and its request, after the checks every read of a layer makes (whole or in
    /// chunks): the file exists, a directory only for a format stored as one, CSV coordinate columns given for CSV
    /// and only there.
    static func opening(_ source: LayerSource, registry: LayerReaderRegistry) throws -> (reader: any LayerReader, request: LayerReadRequest, isDirectory: Bool) {
        let path = source.url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScoringError(.layerFileNotFound(layer: source.name, path: source.path), file: path)
        }
        let (format, reader) = try registry.reader(for: source.url)
        // A directory is a data set for a few formats only (a File Geodatabase); for the rest it is a mistake.
        guard !isDirectory.boolValue || format == .fileGDB else { throw ScoringError(.layerIsDirectory(layer: source.name), file: path) }
        if format == .csv {
            guard source.xColumn != nil, source.yColumn != nil else { throw ScoringError(.csvNeedsCoordinateColumns(layer: source.name), file: path) }
        } else if source.xColumn != nil {
            throw ScoringError(.coordinateColumnsNotApplicable(layer: source.name, format: format.displayName), file: path)
        }
        let request = LayerReadRequest(url: source.url, xColumn: source.xColumn, yColumn: source.yColumn,
                                       crs: source.crs?.definition, layerName: source.table)
        return (reader, request, isDirectory.boolValue)
    }

    /// The layer's entry in the run manifest's inputs.
    var inputRecord: InputRecord {
        InputRecord(layer: source.name, path: source.path, sha256: sha256,
                    attribution: collection.foreignMembers["attribution"]?.string,
                    derivation: collection.foreignMembers["derivation"]?.string)
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
