import Foundation
import GeoCore

/// A file with features: GeoJSON, or CSV with point coordinate columns.
public struct LayerSource: Sendable, Hashable {
    /// The layer's name in the scenario (`candidates` for the candidate layer).
    public var name: String
    /// Absolute location of the file.
    public var url: URL
    /// The path as written in the scenario.
    public var path: String
    /// CSV: the column holding x / longitude.
    public var xColumn: String?
    /// CSV: the column holding y / latitude.
    public var yColumn: String?
    /// The CRS of the coordinates; overrides what the file says. Nil: the file's own CRS
    /// (GeoJSON: its legacy `crs` member or OGC:CRS84; CSV: EPSG:4326).
    public var crs: CRS?
    /// The table of a multi-layer file (GeoPackage `layer:`); nil: its only one.
    public var table: String?
    /// What to do with a few positions outside the working CRS's area of use (`outliers:`); nil: keep them with a
    /// warning, except a feature whose swapped x/y would be plausible, which is an error.
    public var outliers: OutlierPolicy?

    public init(name: String, url: URL, path: String, xColumn: String? = nil, yColumn: String? = nil, crs: CRS? = nil, table: String? = nil) {
        self.table = table
        self.name = name
        self.url = url
        self.path = path
        self.xColumn = xColumn
        self.yColumn = yColumn
        self.crs = crs
    }
}

/// The candidate layer and the property that identifies a site.
public struct CandidateSource: Sendable, Hashable {
    public var layer: LayerSource
    /// The property holding the site id; nil = the feature's `id`, else its 1-based index.
    public var idField: String?

    public init(layer: LayerSource, idField: String? = nil) {
        self.layer = layer
        self.idField = idField
    }
}

/// What a layer's few implausible positions (outside the working CRS's area of use while most of the layer is
/// inside) do: `keep` them with a warning (default), `drop` them with a warning, or stop with an `error`.
public enum OutlierPolicy: String, Sendable, Hashable, CaseIterable {
    case keep
    case drop
    case error
}
