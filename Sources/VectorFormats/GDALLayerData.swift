import GeoCore

/// One layer read through GDAL: its features in the file's coordinates and CRS, and what the file holds.
public struct GDALLayerData: Hashable, Sendable {
    /// The features, with `crs` set to the layer's CRS (or the override given to the reader).
    public var collection: FeatureCollection
    /// The name of the layer that was read.
    public var layerName: String
    /// Every layer in the file, in the file's order (one for Shapefile and FlatGeobuf).
    public var layerNames: [String]
    /// The GDAL driver that opened the file (`GPKG`, `ESRI Shapefile`, `FlatGeobuf`, …).
    public var driver: String
    /// The CRS the file declares (`EPSG:NNNN` or WKT2), or nil when it declares none (a Shapefile without `.prj`).
    public var fileCRS: String?
    /// The attribute columns in the layer's order, with the nearest ``VectorFieldType``
    /// (dates, lists and binary columns are `text`).
    public var fields: [VectorField]
    /// Warnings GDAL raised while reading (e.g. an unknown `.cpg` encoding), in order.
    public var warnings: [String]

    /// A layer's data as ``GDALVectorReader`` assembles it.
    public init(collection: FeatureCollection, layerName: String, layerNames: [String], driver: String,
                fileCRS: String?, fields: [VectorField], warnings: [String]) {
        self.collection = collection
        self.layerName = layerName
        self.layerNames = layerNames
        self.driver = driver
        self.fileCRS = fileCRS
        self.fields = fields
        self.warnings = warnings
    }
}
