/// A planar or geographic position. `x` is always east (longitude in a geographic CRS),
/// `y` always north (latitude): the axis order PROJ gives after `proj_normalize_for_visualization`.
public struct Position: Hashable, Sendable {
    /// Easting, or longitude in degrees.
    public var x: Double
    /// Northing, or latitude in degrees.
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// A geographic position, longitude first.
    public init(lon: Double, lat: Double) {
        self.init(x: lon, y: lat)
    }

    public var isFinite: Bool { x.isFinite && y.isFinite }
}
