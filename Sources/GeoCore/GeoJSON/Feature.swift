/// A GeoJSON feature identifier: RFC 7946 allows a string or a number.
public enum FeatureID: Hashable, Sendable {
    case string(String)
    case number(Double)
}

/// A geographic feature: an optional geometry (GeoJSON allows `null`), an optional id and ordered properties.
public struct Feature: Hashable, Sendable {
    public var id: FeatureID?
    public var geometry: Geometry?
    public var properties: JSONObject

    public init(id: FeatureID? = nil, geometry: Geometry?, properties: JSONObject = JSONObject()) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }
}

/// A set of features with the CRS their coordinates are in.
public struct FeatureCollection: Hashable, Sendable {
    public var features: [Feature]
    /// The CRS of the coordinates, as a string PROJ understands (`OGC:CRS84` for RFC 7946 input
    /// without a legacy `crs` member).
    public var crs: String
    /// Members of the collection other than `type`, `features`, `bbox` and `crs` (e.g. a run manifest).
    public var foreignMembers: JSONObject

    public init(features: [Feature], crs: String = "OGC:CRS84", foreignMembers: JSONObject = JSONObject()) {
        self.features = features
        self.crs = crs
        self.foreignMembers = foreignMembers
    }
}
