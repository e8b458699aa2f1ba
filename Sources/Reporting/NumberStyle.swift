import Foundation

/// Numbers written for a report's language: `1,234.5` in English, `1.234,5` in German (grouping by
/// thousands, the language's decimal mark; a narrow no-break space before units and `%`). Locale-independent
/// (it does not ask the system), so a report is byte-identical on every machine.
public struct NumberStyle: Sendable, Hashable {
    /// The language whose separators are used.
    public let language: ReportLanguage

    public init(language: ReportLanguage) {
        self.language = language
    }

    /// The thousands separator: `,` (English) or `.` (German).
    public var groupSeparator: String { language == .de ? "." : "," }
    /// The decimal mark: `.` (English) or `,` (German).
    public var decimalMark: String { language == .de ? "," : "." }

    /// `value` rounded to `digits` decimals (half away from zero as `%.*f` does), grouped by thousands.
    /// NaN is "–" (not available); −0 is written as 0.
    public func decimal(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "−∞") }
        let digits = max(0, digits)
        var text = String(format: "%.\(digits)f", abs(value))
        let negative = value < 0 && text.contains(where: { $0 != "0" && $0 != "." })
        var fraction = ""
        if let dot = text.firstIndex(of: ".") {
            fraction = String(text[text.index(after: dot)...])
            text = String(text[..<dot])
        }
        var grouped = ""
        for (i, ch) in text.enumerated() {
            if i > 0 && (text.count - i) % 3 == 0 { grouped += groupSeparator }
            grouped.append(ch)
        }
        return (negative ? "−" : "") + grouped + (fraction.isEmpty ? "" : decimalMark + fraction)
    }

    /// A whole number, grouped by thousands (`11,001` / `11.001`).
    public func integer(_ value: Int) -> String { decimal(Double(value), digits: 0) }

    /// A share 0…1 as a percentage with `digits` decimals (`83 %` / `83 %`, `4.5 %` / `4,5 %`).
    public func percent(_ share: Double, digits: Int = 0) -> String {
        decimal(share * 100, digits: digits) + "\u{202F}%"
    }

    /// A measured value with a sensible number of decimals for its size: none from 100 up, one from 10,
    /// two from 1, three below (so 61,934 m, 57.6 ha, 0.123).
    public func measure(_ value: Double) -> String {
        let a = abs(value)
        let digits = a >= 100 || a == 0 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3
        return decimal(value, digits: value == value.rounded() && a >= 1 ? 0 : digits)
    }

    /// A length in metres: whole kilometres as such (`3 km`), other lengths in metres below 10 km (`850 m`, `2,500 m`),
    /// kilometres with one decimal above (`61.9 km`).
    public func length(_ metres: Double) -> String {
        guard metres.isFinite else { return decimal(metres, digits: 0) }
        let km = metres / 1000
        if abs(metres) >= 1000 && km == km.rounded() { return decimal(km, digits: 0) + "\u{202F}km" }
        if abs(metres) >= 10_000 { return decimal(km, digits: 1) + "\u{202F}km" }
        return decimal(metres, digits: 0) + "\u{202F}m"
    }

    /// A score or weight: four decimals (`0.9798` / `0,9798`).
    public func score(_ value: Double) -> String { decimal(value, digits: 4) }
}
