/// A hard exclusion: a site that fails it is kept in the output, unranked, with the constraint's id.
public struct Constraint: Sendable, Hashable {
    public var id: String
    public var kind: Kind

    public init(id: String, kind: Kind) {
        self.id = id
        self.kind = kind
    }

    public enum Kind: Sendable, Hashable {
        /// Excluded when the distance to the nearest feature is below `min` or above `max`.
        case distance(layer: String, min: Double?, max: Double?)
        /// Excluded when the numeric attribute is below `min` or above `max`.
        case attribute(field: String, min: Double?, max: Double?)
        /// Excluded when the site is not inside (or on) a polygon of the layer.
        case inside(layer: String)
        /// Excluded when the site is inside (or on) a polygon of the layer.
        case outside(layer: String)

        /// The layer the constraint reads, if any.
        public var layer: String? {
            switch self {
            case .distance(let l, _, _), .inside(let l), .outside(let l): l
            case .attribute: nil
            }
        }
    }
}
