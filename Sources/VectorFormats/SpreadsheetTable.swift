import GeoCore

/// One sheet of an `.xlsx` output: a name, typed columns (written as the header row) and rows of values.
public struct SpreadsheetTable: Hashable, Sendable {
    /// The sheet name (at most 31 characters, none of `[ ] : * ? / \`).
    public var name: String
    /// The columns, in order; their names make the header row.
    public var columns: [VectorField]
    /// The rows; each has one value per column (`.null` for an empty cell).
    public var rows: [[JSONValue]]

    /// A sheet from explicit rows (each with one value per column; checked when written).
    public init(name: String, columns: [VectorField], rows: [[JSONValue]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    /// A sheet of `features`' properties for `columns` (a missing property is an empty cell; geometry is not written).
    public init(name: String, columns: [VectorField], features: [Feature]) {
        self.init(name: name, columns: columns, rows: features.map { f in columns.map { f.properties[$0.name] ?? .null } })
    }
}

extension SpreadsheetTable {
    /// A two-column sheet (`key`, `value`, both text) listing `object`'s members in order, e.g. a run manifest:
    /// nested objects are flattened with dotted keys (`counts.sites`), strings are written as they are and
    /// every other value as its JSON text.
    public init(name: String, keyValuesOf object: JSONObject) {
        var rows: [[JSONValue]] = []
        func add(_ prefix: String, _ object: JSONObject) {
            for (key, value) in object.members {
                let path = prefix.isEmpty ? key : prefix + "." + key
                switch value {
                case .object(let nested): add(path, nested)
                case .string(let s): rows.append([.string(path), .string(s)])
                default: rows.append([.string(path), .string(value.jsonText)])
                }
            }
        }
        add("", object)
        self.init(name: name, columns: [VectorField("key", .text), VectorField("value", .text)], rows: rows)
    }
}
