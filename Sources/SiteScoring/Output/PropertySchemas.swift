import GeoCore

/// The distinct property-key lists of the candidates ("schemas") and which one each candidate has, found once
/// before the rows are encoded: the row encoder then knows a row's keys by number and never touches the key
/// list itself, which every candidate of a file shares and which both encoding threads would otherwise retain
/// and release on every row (issue 15).
struct PropertySchemas: Sendable {
    /// Each schema's keys, in order of first appearance.
    let keys: [[String]]
    /// `schema[s]`: the schema of candidate `s` (an index into `keys`).
    let schema: [Int32]

    init(_ features: [Feature]) {
        var keys: [[String]] = []
        var numbers: [[String]: Int32] = [:]
        var schema = [Int32](repeating: 0, count: features.count)
        var previous: (keys: [String], number: Int32)?
        for (s, feature) in features.enumerated() {
            let rowKeys = feature.properties.keys
            if let previous, previous.keys == rowKeys {
                schema[s] = previous.number
                continue
            }
            let number: Int32
            if let known = numbers[rowKeys] {
                number = known
            } else {
                number = Int32(keys.count)
                keys.append(rowKeys)
                numbers[rowKeys] = number
            }
            schema[s] = number
            previous = (rowKeys, number)
        }
        self.keys = keys
        self.schema = schema
    }
}
