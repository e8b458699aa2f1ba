/// How the text of one CSV cell reads as a number under the two conventions a CSV file can use:
///
/// - **decimal point** — JSON's number grammar plus a leading `+`: `3.5`, `-0.25`, `1e3`; no grouping;
/// - **decimal comma** (German) — at most one `,` as decimal separator, and `.` as thousands separator
///   between groups of exactly three digits after a first group of 1–3 digits that does not start with 0:
///   `12,5`, `1.200`, `12.345,6`, `1.234.567`. Grouped numbers take no exponent.
///
/// One pass over the bytes classifies the cell; its value is parsed only afterwards, with the GeoJSON
/// parser's correctly rounded number parsing (after dropping the thousands dots and turning the comma into
/// a point), so `12.345,6` and `12345.6` give the same `Double`.
struct CSVNumberSyntax {
    enum Kind: UInt8 {
        /// Not a number in either convention (`abc`, `12a`, `-.5`, empty after trimming).
        case text
        /// Digits without a separator (`1200`, `-3`, `1e3`): the same in both conventions.
        case integer
        /// Only the decimal-point convention reads it: `3.5`, `0.25`, `1.2345`, `0.250`, `1.5e3`.
        case point
        /// Only the decimal-comma convention reads it: `12,5`, `1.234.567`, `12.345,6`.
        case comma
        /// Both conventions read it, differently: one dot followed by exactly three digits after 1–3 digits
        /// not starting with 0, nothing else (`1.200` is 1.2 or 1200; `-999.000`).
        case ambiguous
        /// Digits and separators that neither convention reads: `12.34,5`, `1.2.3`, `1,2,3`, `01.02.2024`.
        case neither
    }

    var kind: Kind
    /// The number's bytes: spaces and a leading `+` trimmed.
    var start: Int
    var end: Int

    static let text = CSVNumberSyntax(kind: .text, start: 0, end: 0)

    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// Classifies `field` (quoted cells too; a cell with doubled quotes is text).
    static func classify(_ field: CSVTokenizer.Field, _ bytes: UnsafeBufferPointer<UInt8>) -> CSVNumberSyntax {
        var start = field.start
        var end = field.end
        // Spaces around a number are common in hand-edited files.
        while start < end && bytes[start] == 0x20 { start += 1 }
        while end > start && bytes[end - 1] == 0x20 { end -= 1 }
        if start < end && bytes[start] == UInt8(ascii: "+") { start += 1 }
        guard end - start > 0, end - start <= 64, !field.hasDoubledQuotes else { return .text }
        // Text cells are the common non-number: reject them before the scan.
        let intStart = bytes[start] == UInt8(ascii: "-") ? start + 1 : start
        guard intStart < end, isDigit(bytes[intStart]), isDigit(bytes[end - 1]) else { return .text }
        var dots = 0, commas = 0, comma = -1, mantissaEnd = end
        var i = intStart
        while i < end {
            let b = bytes[i]
            if !isDigit(b) {
                if b == UInt8(ascii: ".") {
                    dots += 1
                } else if b == UInt8(ascii: ",") {
                    commas += 1
                    comma = i
                } else if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                    // The exponent's own syntax is left to the number parser.
                    mantissaEnd = i
                    break
                } else {
                    return .text
                }
            }
            i += 1
        }
        if dots == 0 && commas == 0 { return CSVNumberSyntax(kind: .integer, start: start, end: end) }
        let hasExponent = mantissaEnd != end
        let pointOK = commas == 0 && dots == 1
        var commaOK = commas <= 1
        if commaOK && dots > 0 {
            // Thousands dots sit at intEnd-4, intEnd-8, …; the first group has 1–3 digits, no leading 0.
            let intEnd = commas == 1 ? comma : mantissaEnd
            let firstGroup = intEnd - 4 * dots - intStart
            commaOK = !hasExponent && firstGroup >= 1 && firstGroup <= 3 && bytes[intStart] != UInt8(ascii: "0")
            var k = 1
            while commaOK && k <= dots {
                commaOK = bytes[intEnd - 4 * k] == UInt8(ascii: ".")
                k += 1
            }
        }
        let kind: Kind
        switch (pointOK, commaOK) {
        case (true, true): kind = .ambiguous
        case (true, false): kind = .point
        case (false, true): kind = .comma
        case (false, false): kind = hasExponent ? .text : .neither
        }
        return CSVNumberSyntax(kind: kind, start: start, end: end)
    }

    /// The value under the decimal-point convention (for `.integer`, `.point`, `.ambiguous`); nil when the
    /// number parser rejects it (a leading zero without `allowLeadingZeros`, a bad exponent); ±infinity on overflow.
    func pointValue(_ bytes: UnsafeBufferPointer<UInt8>, allowLeadingZeros: Bool = false) -> Double? {
        Self.parse(bytes, start, end, grouped: false, allowLeadingZeros: allowLeadingZeros)
    }

    /// The value under the decimal-comma convention (thousands dots dropped, the comma read as the point).
    func commaValue(_ bytes: UnsafeBufferPointer<UInt8>, allowLeadingZeros: Bool = false) -> Double? {
        Self.parse(bytes, start, end, grouped: true, allowLeadingZeros: allowLeadingZeros)
    }

    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, grouped: Bool, allowLeadingZeros: Bool
    ) -> Double? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: end - start) { buffer -> Double? in
            var out = 0
            for i in start..<end {
                var b = bytes[i]
                if grouped {
                    if b == UInt8(ascii: ".") { continue }
                    if b == UInt8(ascii: ",") { b = UInt8(ascii: ".") }
                }
                buffer[out] = b
                out += 1
            }
            var offset = 0
            if allowLeadingZeros {
                // Drop redundant leading zeros ("08.5" → "8.5") that JSON's grammar forbids.
                let signed = buffer[0] == UInt8(ascii: "-")
                var p = signed ? 1 : 0
                while p + 1 < out && buffer[p] == UInt8(ascii: "0") && isDigit(buffer[p + 1]) { p += 1 }
                if p > (signed ? 1 : 0) {
                    if signed { buffer[p - 1] = UInt8(ascii: "-"); offset = p - 1 } else { offset = p }
                }
            }
            var parser = JSONByteParser(base: UnsafePointer(buffer.baseAddress! + offset), count: out - offset)
            do throws(JSONParseFailure) {
                let value = try parser.parseNumber()
                return parser.pos == parser.count ? value : nil
            } catch {
                if case .nonFiniteNumber = error.reason { return .infinity }
                return nil
            }
        }
    }
}
