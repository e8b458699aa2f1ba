import GeoCore

extension ScoringResult {
    /// The ranked sites as CSV (RFC 4180, `,`, UTF-8): `lon`, `lat` of each site's centroid, the candidate's
    /// properties (columns in first-seen order), then the columns Standort adds, in output order.
    public func rankedCSV() throws -> [UInt8] {
        let lonLat = try referenceLonLat()
        let added = siteProperties(0).map(\.0)
        var columns: [String] = []
        var seen = Set(added + ["lon", "lat"])
        for f in candidates {
            for key in f.properties.keys where seen.insert(key).inserted { columns.append(key) }
        }
        let header = ["lon", "lat"] + columns + added
        var out: [UInt8] = []
        out.reserveCapacity(candidates.count * 128)
        func append(_ field: String) {
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: field.replacingOccurrences(of: "\"", with: "\"\"").utf8)
                out.append(UInt8(ascii: "\""))
            } else {
                out.append(contentsOf: field.utf8)
            }
        }
        func row(_ fields: [String]) {
            for (i, f) in fields.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                append(f)
            }
            out.append(UInt8(ascii: "\n"))
        }
        row(header)
        for s in outputOrder {
            let properties = candidates[s].properties
            var fields = [Self.csvNumber(lonLat[s].x, decimals: 7), Self.csvNumber(lonLat[s].y, decimals: 7)]
            fields += columns.map { Self.csvText(properties[$0]) }
            fields += siteProperties(s).map { Self.csvText($0.1) }
            row(fields)
        }
        return out
    }

    static func csvText(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: ""
        case .bool(let b)?: b ? "true" : "false"
        case .number(let n)?: csvNumber(n, decimals: nil)
        case .string(let s)?: s
        case .array?, .object?: String(describing: value!) // TEMP until GeoJSONWriter lands
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
