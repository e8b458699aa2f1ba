import GeoCore

/// The type of an attribute column written by ``GDALVectorWriter``.
public enum VectorFieldType: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Whole numbers (`OFTInteger`, or `OFTInteger64` when a value needs more than 32 bits).
    case integer
    /// Floating-point numbers (`OFTReal`).
    case real
    /// `true`/`false` (`OFTInteger` with the `OFSTBoolean` subtype).
    case boolean
    /// Text (`OFTString`, UTF-8). Non-text values are written as their JSON text.
    case text

    public var description: String { rawValue }

    var article: String { self == .integer ? "an" : "a" }
}

/// One declared attribute column: its name and type. The writer creates the columns in the order given.
public struct VectorField: Hashable, Sendable {
    /// The column name, as written (GeoPackage and FlatGeobuf keep it whole; no 10-character limit).
    public var name: String
    /// The column type.
    public var type: VectorFieldType

    /// A column called `name` of type `type`.
    public init(_ name: String, _ type: VectorFieldType) {
        self.name = name
        self.type = type
    }

    /// A schema for `features`' properties, in order of first appearance: `boolean` when every non-null value
    /// is a bool, `integer` when every one is a whole number within ±2^53, `real` for other numbers,
    /// otherwise (text, mixed kinds, arrays, objects, or only nulls) `text`.
    public static func inferred(from features: [Feature]) -> [VectorField] {
        var names: [String] = []
        var kinds: [String: Set<Kind>] = [:]
        for feature in features {
            for (key, value) in feature.properties.members {
                if kinds[key] == nil { names.append(key); kinds[key] = [] }
                switch value {
                case .null: break
                case .bool: kinds[key]!.insert(.bool)
                case .number(let x): kinds[key]!.insert(x == x.rounded() && abs(x) <= 9_007_199_254_740_992 ? .integer : .real)
                default: kinds[key]!.insert(.other)
                }
            }
        }
        return names.map { name in
            let seen = kinds[name]!
            let type: VectorFieldType
            if seen == [.bool] { type = .boolean }
            else if seen == [.integer] { type = .integer }
            else if !seen.isEmpty && seen.isSubset(of: [.integer, .real]) { type = .real }
            else { type = .text }
            return VectorField(name, type)
        }
    }

    private enum Kind: Hashable { case bool, integer, real, other }
}
