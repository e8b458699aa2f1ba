/// The identifier of a candidate site: the scenario's id property, the feature id, or its 1-based index.
/// Ordered as the ranking's tie-break needs it: numbers numerically and before strings, strings by code point.
public enum SiteID: Hashable, Sendable, Comparable, CustomStringConvertible {
    case number(Double)
    case string(String)

    public static func < (lhs: SiteID, rhs: SiteID) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): a < b
        case (.number, .string): true
        case (.string, .number): false
        case (.string(let a), .string(let b)): a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        }
    }

    /// The id as text: integral numbers without a fraction (`17`, not `17.0`).
    public var description: String {
        switch self {
        case .string(let s): s
        case .number(let n):
            n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        }
    }
}

import GeoCore

extension SiteID {
    /// The id as a JSON value (a number stays a number).
    public var jsonValue: JSONValue {
        switch self {
        case .string(let s): .string(s)
        case .number(let n): .number(n)
        }
    }
}
