import GeoCore

extension ScoringResult {
    /// The ranked sites as CSV (RFC 4180; `,` and decimal point, or with `.de` `;`, decimal comma, BOM and CRLF):
    /// `lon`, `lat` of each site's centroid, then the same properties as the GeoJSON output, one column each,
    /// rows in output order.
    public func rankedCSV(dialect: CSVDialect = .en) throws -> [UInt8] {
        let lonLat = try referenceLonLat()
        // Columns as in the GeoJSON output: the candidates' properties in first-seen order (an added property of
        // the same name takes its place), then the added properties that are new.
        var columns: [String] = []
        var seen: Set<String> = ["lon", "lat"]
        for f in candidates {
            for key in f.properties.keys where seen.insert(key).inserted { columns.append(key) }
        }
        columns += outputPropertyNames.filter { seen.insert($0).inserted }
        let header = ["lon", "lat"] + columns
        var out: [UInt8] = dialect.byteOrderMark
        out.reserveCapacity(candidates.count * 128)
        let delimiter = Character(Unicode.Scalar(dialect.delimiter))
        func append(_ field: String) {
            if field.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: field.replacingOccurrences(of: "\"", with: "\"\"").utf8)
                out.append(UInt8(ascii: "\""))
            } else {
                out.append(contentsOf: field.utf8)
            }
        }
        func row(_ fields: [String]) {
            for (i, f) in fields.enumerated() {
                if i > 0 { out.append(dialect.delimiter) }
                append(f)
            }
            out.append(contentsOf: dialect.lineEnd)
        }
        row(header)
        for s in outputOrder {
            var properties = candidates[s].properties
            for (key, value) in siteProperties(s) { properties[key] = value }
            row([dialect.number(Self.csvNumber(lonLat[s].x, decimals: 7)), dialect.number(Self.csvNumber(lonLat[s].y, decimals: 7))]
                + columns.map { Self.csvText(properties[$0], dialect: dialect) })
        }
        return out
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
