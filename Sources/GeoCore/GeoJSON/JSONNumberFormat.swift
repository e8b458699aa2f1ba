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
        ShortestDouble.append(value, to: &out, writing: write)
    }

    /// The bytes of `append(_:to:)` written to `out` (room for 32); returns their number, or nil for the
    /// rare values only the standard library writes (subnormals; see `ShortestDouble`).
    @inline(__always)
    static func write(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int? {
        guard value.isFinite else {
            out[0] = UInt8(ascii: "n"); out[1] = UInt8(ascii: "u"); out[2] = UInt8(ascii: "l"); out[3] = UInt8(ascii: "l")
            return 4
        }
        if value == value.rounded(.towardZero) && abs(value) < exactIntegerLimit {
            return writeInteger(Int64(value), to: out)
        }
        // The shortest round-trip text, as Swift's `description` writes it; it uses an exponent only
        // below 10^-4 and above 2^53 in magnitude, which JSON (and GDAL) read fine.
        return ShortestDouble.write(value, to: out)
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
        let units = Int64(scaled)
        if units == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        let divisor = UInt64(scale)
        let integerPart = units.magnitude / divisor
        var fraction = units.magnitude % divisor
        var digits = decimals
        if fraction != 0 {
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
        }
        // At most a sign, 16 digits and a point: |units| < 2^53.
        DecimalDigits.append(to: &out) { p in
            var i = 0
            if units < 0 {
                p[0] = UInt8(ascii: "-")
                i = 1
            }
            let integerDigits = DecimalDigits.count(integerPart)
            DecimalDigits.write(integerPart, count: integerDigits, to: p + i)
            i += integerDigits
            guard fraction != 0 else { return i }
            p[i] = UInt8(ascii: ".")
            // The fraction's leading zeros are written as padding.
            DecimalDigits.write(fraction, count: digits, to: p + i + 1)
            return i + 1 + digits
        }
    }

    /// Appends `value` in decimal, `-` first when negative (no `.0`).
    static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        DecimalDigits.append(to: &out) { writeInteger(value, to: $0) }
    }

    /// Writes `value` in decimal to `out` (room for 20) and returns the byte count.
    @inline(__always)
    static func writeInteger(_ value: Int64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var i = 0
        if value < 0 {
            out[0] = UInt8(ascii: "-")
            i = 1
        }
        let count = DecimalDigits.count(value.magnitude)
        DecimalDigits.write(value.magnitude, count: count, to: out + i)
        return i + count
    }

    static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]
}
