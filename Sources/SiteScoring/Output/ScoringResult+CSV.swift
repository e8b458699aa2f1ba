import GeoCore

extension ScoringResult {
    /// The ranked sites as CSV (RFC 4180; `,` and decimal point, or with `.de` `;`, decimal comma, BOM and CRLF):
    /// `lon`, `lat` of each site's centroid, then the same properties as the GeoJSON output, one column each,
    /// rows in output order.
    public func rankedCSV(dialect: CSVDialect = .en) throws -> [UInt8] {
        // Columns as in the GeoJSON output: the candidates' properties in first-seen order (an added property of
        // the same name takes its place), then the added properties that are new.
        var names: [String] = []
        var seen = Set<String>()
        for f in candidates {
            for key in f.properties.keys where seen.insert(key).inserted { names.append(key) }
        }
        let columns = rankedCSVColumns(propertyNames: names)
        var out = rankedCSVHeader(columns, dialect: dialect)
        out.reserveCapacity(candidates.count * 128)
        try appendRankedCSVRows(columns, dialect: dialect, to: &out)
        return out
    }

    /// The CSV output's columns after `lon`, `lat`: the candidates' property names (first-seen order), then the
    /// added properties that are new.
    func rankedCSVColumns(propertyNames: [String]) -> [String] {
        var seen: Set<String> = ["lon", "lat"]
        var columns = propertyNames.filter { seen.insert($0).inserted }
        columns += outputPropertyNames.filter { seen.insert($0).inserted }
        return columns
    }

    /// The byte-order mark (German dialect) and the header row.
    func rankedCSVHeader(_ columns: [String], dialect: CSVDialect) -> [UInt8] {
        var out: [UInt8] = dialect.byteOrderMark
        Self.appendCSVRow(["lon", "lat"] + columns, dialect: dialect, to: &out)
        return out
    }

    /// One row per site in output order.
    func appendRankedCSVRows(_ columns: [String], dialect: CSVDialect, to out: inout [UInt8], pool: TransformerPool? = nil) throws {
        let lonLat = try referenceLonLat(pool: pool)
        for s in outputOrder {
            var properties = candidates[s].properties
            for (key, value) in siteProperties(s) { properties[key] = value }
            Self.appendCSVRow([dialect.number(Self.csvNumber(lonLat[s].x, decimals: 7)), dialect.number(Self.csvNumber(lonLat[s].y, decimals: 7))]
                              + columns.map { Self.csvText(properties[$0], dialect: dialect) }, dialect: dialect, to: &out)
        }
    }

    private static func appendCSVRow(_ fields: [String], dialect: CSVDialect, to out: inout [UInt8]) {
        let delimiter = Character(Unicode.Scalar(dialect.delimiter))
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(dialect.delimiter) }
            if field.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: field.replacingOccurrences(of: "\"", with: "\"\"").utf8)
                out.append(UInt8(ascii: "\""))
            } else {
                out.append(contentsOf: field.utf8)
            }
        }
        out.append(contentsOf: dialect.lineEnd)
    }

    static func csvText(_ value: JSONValue?, dialect: CSVDialect) -> String {
        switch value {
        case nil, .null?: ""
        case .bool(let b)?: b ? "true" : "false"
        case .number(let n)?: dialect.number(csvNumber(n, decimals: nil))
        case .string(let s)?: s
        case .array?, .object?: value!.jsonText
        }
    }

    static func csvNumber(_ x: Double, decimals: Int?) -> String {
        if let decimals {
            let scale = pow10(decimals)
            return csvNumber((x * scale).rounded() / scale, decimals: nil)
        }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }
}
