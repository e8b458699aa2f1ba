import GeoCore

/// One criterion of a scenario: what is measured for every site, in which direction it is better,
/// how much it weighs and which value function maps it to [0, 1].
public struct Criterion: Sendable, Hashable {
    /// The criterion's id; output properties are `<id>` (raw) and `<id>_value`.
    public var id: String
    /// A readable label for tables and plots.
    public var label: String?
    /// What is measured.
    public var kind: Kind
    /// Whether larger (benefit) or smaller (cost) raw values are better.
    public var direction: Direction
    /// The direct weight (nil when the scenario uses AHP).
    public var weight: Double?
    /// The value function; nil = min–max over the eligible sites.
    public var value: ValueFunction?

    public init(id: String, label: String? = nil, kind: Kind, direction: Direction = .benefit, weight: Double? = nil, value: ValueFunction? = nil) {
        self.id = id
        self.label = label
        self.kind = kind
        self.direction = direction
        self.weight = weight
        self.value = value
    }

    /// What a criterion measures for a site (measured from its centroid when it is not a point).
    public enum Kind: Sendable, Hashable {
        /// Metres to the nearest feature of the layer (0 inside a polygon).
        case distance(layer: String)
        /// Number of the layer's features whose geometry comes within `radius` metres.
        case countWithin(layer: String, radius: Double)
        /// Sum of `field` over the layer's features whose geometry comes within `radius` metres.
        case sumWithin(layer: String, field: String, radius: Double)
        /// 1 when the site lies in or on a polygon of the layer, else 0.
        case inside(layer: String)
        /// A property of the candidate (numeric, or text for a `categories` value function).
        case attribute(field: String)
        /// The candidate's planar area in m² (0 for points and lines).
        case area

        /// The layer the criterion reads, if any.
        public var layer: String? {
            switch self {
            case .distance(let l), .countWithin(let l, _), .sumWithin(let l, _, _), .inside(let l): l
            case .attribute, .area: nil
            }
        }

        /// The scenario keyword of this kind.
        public var keyword: String {
            switch self {
            case .distance: "distance"
            case .countWithin: "count_within"
            case .sumWithin: "sum_within"
            case .inside: "inside"
            case .attribute: "attribute"
            case .area: "area"
            }
        }
    }
}
