/// A JSON value whose objects keep their members in document order,
/// so feature properties survive a read/write round trip unchanged.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The number, or nil when this is not a number.
    public var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// The string, or nil when this is not a string.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// A JSON object with its members in document order. Lookup by key is linear,
/// which is fastest for the handful of properties a feature carries.
public struct JSONObject: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    public private(set) var keys: [String]
    public private(set) var values: [JSONValue]

    public init() {
        keys = []
        values = []
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init()
        for (k, v) in elements { self[k] = v }
    }

    public init<S: Sequence>(members: S) where S.Element == (String, JSONValue) {
        self.init()
        for (k, v) in members { self[k] = v }
    }

    /// An object from parallel arrays of keys and values, taken as they are: the caller guarantees
    /// the keys are distinct (readers building many objects with the same keys use this to avoid lookups).
    public init(uncheckedKeys keys: [String], values: [JSONValue]) {
        precondition(keys.count == values.count, "JSONObject: keys and values must have the same length")
        self.keys = keys
        self.values = values
    }

    /// Whether `keys` is the very key list of this object (the same storage, as objects parsed with one schema
    /// share it): a test that reads neither list's elements nor retains them.
    @inlinable public func sharesKeys(with keys: [String]) -> Bool {
        self.keys.withUnsafeBufferPointer { mine in keys.withUnsafeBufferPointer { mine.baseAddress == $0.baseAddress && mine.count == $0.count } }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The members in document order.
    public var members: Zip2Sequence<[String], [JSONValue]> { zip(keys, values) }

    /// The value of `key`; setting an existing key keeps its position, a new key is appended,
    /// setting nil removes the member. The getter is inlinable: a caller reading objects in place (features in an
    /// array read by several threads) then needs no retain of the key list, which features parsed with one schema
    /// share; called out of line, every lookup retained and released it, and two threads doing so contended
    /// for its reference count (issue 15).
    public subscript(key: String) -> JSONValue? {
        @inlinable get {
            guard let i = keys.firstIndex(of: key) else { return nil }
            return values[i]
        }
        set {
            if let i = keys.firstIndex(of: key) {
                if let newValue { values[i] = newValue } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Appends a member without checking for an existing key (for parsers; last one wins on lookup is not guaranteed).
    public mutating func appendUnchecked(_ key: String, _ value: JSONValue) {
        keys.append(key)
        values.append(value)
    }
}
