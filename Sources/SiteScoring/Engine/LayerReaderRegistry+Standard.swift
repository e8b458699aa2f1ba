import GeoCore

extension LayerReaderRegistry {
    /// The readers a scoring run uses: GeoCore's native GeoJSON and CSV readers.
    public static let standard: LayerReaderRegistry = .native
}
