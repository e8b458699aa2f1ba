import GeoCore
import VectorFormats

extension LayerReaderRegistry {
    /// The readers a scoring run uses: GeoCore's native GeoJSON and CSV readers, and GDAL for GeoPackage,
    /// Shapefile, FlatGeobuf and the other OGR vector formats.
    public static let standard: LayerReaderRegistry = LayerReaderRegistry.native.adding(GDALLayerReader())
}
