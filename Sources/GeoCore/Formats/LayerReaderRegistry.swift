import Foundation

/// The readers of one run, by format. GeoCore's own: GeoJSON and CSV; other modules add theirs (GDAL).
public struct LayerReaderRegistry: Sendable {
    public private(set) var readers: [any LayerReader]

    public init(_ readers: [any LayerReader]) { self.readers = readers }

    /// GeoJSON and CSV, read by GeoCore's byte-level parsers.
    public static let native = LayerReaderRegistry([GeoJSONLayerReader(), CSVLayerReader()])

    /// The registry with `reader` added; it takes precedence for its formats over readers added before.
    public func adding(_ reader: any LayerReader) -> LayerReaderRegistry {
        LayerReaderRegistry([reader] + readers)
    }

    /// The format of `url` and the reader for it, or a `LayerFormatError` that says what to do.
    public func reader(for url: URL) throws(LayerFormatError) -> (LayerFormat, any LayerReader) {
        guard let format = LayerFormat.detect(url) else { throw LayerFormatError(.unknown(extension: url.pathExtension), file: url.path) }
        guard let reader = readers.first(where: { $0.formats.contains(format) }) else { throw LayerFormatError(.unsupported(format), file: url.path) }
        return (format, reader)
    }
}
