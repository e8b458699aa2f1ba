import Foundation

/// Fixed, locale-independent number formatting and CSV quoting, so report files are byte-identical across runs.
enum ReportFormat {
    /// `value` with `digits` decimals (POSIX "%.*f"); empty for nil, "NaN" for NaN.
    static func fixed(_ value: Double?, _ digits: Int = 6) -> String {
        guard let value else { return "" }
        if value.isNaN { return "NaN" }
        let s = String(format: "%.\(digits)f", value)
        return s == "-" + String(format: "%.\(digits)f", 0.0) ? String(format: "%.\(digits)f", 0.0) : s
    }

    /// A rank-like value without decimals when it is integral.
    static func rank(_ value: Double?) -> String {
        guard let value else { return "" }
        return value == value.rounded() ? String(Int(value)) : fixed(value, 4)
    }

    /// RFC 4180 field: quoted when it holds a comma, quote or line break.
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func csv(header: [String], rows: [[String]]) -> Data {
        var out = header.map(csvField).joined(separator: ",") + "\n"
        for row in rows { out += row.joined(separator: ",") + "\n" }
        return Data(out.utf8)
    }

    /// A weight as a percentage-free short decimal for prose: 0.12.
    static func short(_ value: Double) -> String { fixed(value, 2) }

    /// A share as a percentage for prose: "83 %".
    static func percent(_ share: Double) -> String { String(format: "%.0f %%", share * 100) }
}
