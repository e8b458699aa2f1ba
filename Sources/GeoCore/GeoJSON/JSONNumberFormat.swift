/// How numbers are written as JSON text: integers without a fraction (`3`, not `3.0`), other
/// values as the shortest text that reads back to the same Double, coordinates in fixed-point
/// with trailing zeros removed. Non-finite values are not JSON numbers and become `null`.
enum JSONNumberFormat {
    /// The largest magnitude below which every integer is exactly representable (2^53).
    static let exactIntegerLimit = 9_007_199_254_740_992.0

    /// `3` for 3.0, `0.1` for 0.1, `null` for NaN and ±infinity.
    static func string(_ value: Double) -> String {
        var out: [UInt8] = []
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the shortest round-trip text of `value` (integers without `.0`).
    static func append(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else {
            out.append(contentsOf: "null".utf8)
            return
        }
        if value == value.rounded(.towardZero) && abs(value) < exactIntegerLimit {
            appendInteger(Int64(value), negativeZero: false, to: &out)
            return
        }
        // Swift's description is the shortest round-trip representation (SwiftDtoa); it uses an
        // exponent only outside 2^-4…2^53 in magnitude, which JSON (and GDAL) read fine.
        // `write(to:)` hands the same digits to `_writeASCII` from a stack buffer: no String allocated.
        var sink = ByteSink(bytes: out)
        out = []
        value.write(to: &sink)
        out = sink.bytes
    }

    /// A `TextOutputStream` appending to a byte array; `_writeASCII` receives the stdlib's float
    /// formatting buffer directly (the same text as `description`).
    struct ByteSink: TextOutputStream {
        var bytes: [UInt8]
        mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }
        mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
    }

    /// Appends `value` rounded half away from zero to `decimals` fraction digits, in fixed-point
    /// without trailing zeros (13.40501230 → `13.4050123`). Falls back to `append(_:to:)` when the
    /// scaled value does not fit exactly in 53 bits (|value| × 10^decimals ≥ 2^53).
    static func append(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        guard value.isFinite else {
            out.append(contentsOf: "null".utf8)
            return
        }
        let scale = powersOfTen[min(max(decimals, 0), powersOfTen.count - 1)]
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < exactIntegerLimit, decimals >= 0, decimals < powersOfTen.count else {
            append(value, to: &out)
            return
        }
        var units = Int64(scaled)
        if units == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        if units < 0 {
            out.append(UInt8(ascii: "-"))
            units = -units
        }
        let divisor = Int64(scale)
        let integerPart = units / divisor
        var fraction = units % divisor
        appendInteger(integerPart, negativeZero: false, to: &out)
        guard fraction != 0 else { return }
        var digits = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        out.append(UInt8(ascii: "."))
        // Reserve the digits as zeros (the fraction's leading zeros stay), then fill from the right.
        let first = out.count
        for _ in 0..<digits { out.append(UInt8(ascii: "0")) }
        var i = first + digits - 1
        while fraction > 0 {
            out[i] = UInt8(ascii: "0") + UInt8(fraction % 10)
            fraction /= 10
            i -= 1
        }
    }

    static func appendInteger(_ value: Int64, negativeZero: Bool, to out: inout [UInt8]) {
        if value == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        var v = value.magnitude
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &tmp) { buf in
            while v > 0 {
                buf[19 - n] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                n += 1
            }
            out.append(contentsOf: buf[(20 - n)...])
        }
    }

    static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]
}
