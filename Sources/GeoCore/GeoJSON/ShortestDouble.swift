/// The shortest round-trip text of a Double, byte for byte the text of Swift's `description`, appended to
/// a byte buffer without creating a `String` (issue 15: formatting was a quarter of the write stage).
///
/// Digits: Raffaello Giulietti's Schubfach ("The Schubfach way to render doubles", 2020–2022; the
/// algorithm behind Java's `Double.toString` since JDK 19): of the decimals that read back to the same
/// Double (interval ends included when the significand is even, as round-half-even reads them), the one
/// with the fewest digits, and of those the closest, ties to an even last digit — the choice the standard
/// library's formatter makes too. Three 64×64→128-bit products per value, no loops over digits.
///
/// Layout, Swift's rules: exponential form (`1.5e-05`, `1e+20`, exponent of at least two digits) when
/// the decimal exponent is below −4 or |value| > 2^53; otherwise `0.00123`, `123.45` or, for integral
/// values, `1234.0`. Zero, subnormals, infinities and NaN go through the standard library (rare, and
/// identical by construction); `ShortestDoubleTests` compares every path with `description` over many
/// millions of random bit patterns and the edge cases.
public enum ShortestDouble {
    /// Appends `value`'s `description` bytes to `out`.
    public static func append(_ value: Double, to out: inout [UInt8]) {
        append(value, to: &out, writing: write)
    }

    /// Appends the bytes `write` puts into a 32-byte buffer for `value`, or `value`'s `description` where `write`
    /// returns nil (the values only the standard library writes): the one shape of `append(_:to:)` and
    /// `JSONNumberFormat.append(_:to:)`, which differ in their writer.
    @inline(__always)
    static func append(_ value: Double, to out: inout [UInt8], writing write: (Double, UnsafeMutablePointer<UInt8>) -> Int?) {
        var written = true
        DecimalDigits.append(to: &out) { buffer in
            guard let count = write(value, buffer) else {
                written = false
                return 0
            }
            return count
        }
        if !written { appendFromStandardLibrary(value, to: &out) }
    }

    /// Writes `value`'s `description` bytes to `out` (room for 32) and returns their number; nil for
    /// zero, subnormals, infinities and NaN, which `appendFromStandardLibrary` writes.
    @inline(__always)
    static func write(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int? {
        let bits = value.bitPattern
        let biasedExponent = Int(truncatingIfNeeded: (bits >> 52) & 0x7FF)
        let fraction = bits & (1 << 52 - 1)
        guard biasedExponent != 0, biasedExponent != 0x7FF else { return nil }
        let c = 1 << 52 | fraction
        let q = biasedExponent - 1075
        var digits: UInt64, exponent: Int
        if q < 0, q > -53, c & (1 << -q - 1) == 0 {
            // An integer below 2^53: its own shortest digits (the interval is narrower than 1).
            (digits, exponent) = (c >> -q, 0)
        } else {
            (digits, exponent) = decimal(c: c, q: q)
        }
        // |value| ≥ 2^54, or in (2^53, 2^54): exponential, as the standard library decides it.
        let binaryExponent = biasedExponent - 1022
        let forceExponential = binaryExponent > 54 || (binaryExponent == 54 && fraction != 0)
        return layout(negative: bits >> 63 != 0, digits: digits, exponent: exponent, forceExponential: forceExponential, into: out)
    }

    /// Schubfach for a normal Double `c·2^q` (2^52 ≤ c < 2^53): the chosen decimal as `digits·10^exponent`
    /// (digits may end in zeros). A line-by-line port of `DoubleToDecimal.toDecimal(int, long, int)` of
    /// OpenJDK, with unsigned arithmetic (every operand there is non-negative).
    @inline(__always)
    private static func decimal(c: UInt64, q: Int) -> (digits: UInt64, exponent: Int) {
        let out = c & 1
        let cb = c << 2
        let cbr = cb + 2
        let cbl: UInt64, k: Int
        if c != 1 << 52 || q == -1074 {
            // Regular spacing: the neighbours are one ulp away on both sides.
            cbl = cb - 2
            k = floorLog10Pow2(q)
        } else {
            // A power of two: the lower neighbour is half an ulp closer.
            cbl = cb - 1
            k = floorLog10ThreeQuartersPow2(q)
        }
        let h = q + floorLog2Pow10(-k) + 2
        let g1 = g[2 * (k + 324)], g0 = g[2 * (k + 324) + 1]
        let vb = roundToOdd(g1, g0, cb << h)
        let vbl = roundToOdd(g1, g0, cbl << h)
        let vbr = roundToOdd(g1, g0, cbr << h)
        let s = vb >> 2
        if s >= 100 {
            // One digit fewer: s' = ⌊s / 10⌋ by multiplication.
            let sp10 = 10 * s.multipliedFullWidth(by: 115_292_150_460_684_698 << 4).high
            let tp10 = sp10 + 10
            let upin = vbl + out <= sp10 << 2
            let wpin = (tp10 << 2) + out <= vbr
            if upin != wpin { return (upin ? sp10 : tp10, k) }
        }
        let t = s + 1
        let uin = vbl + out <= s << 2
        let win = (t << 2) + out <= vbr
        if uin != win { return (uin ? s : t, k) }
        // Both in the interval: the closer one, ties to even.
        let cmp = Int64(bitPattern: vb &- ((s + t) << 1))
        return (cmp < 0 || (cmp == 0 && s & 1 == 0) ? s : t, k)
    }

    /// `⌊g·cp / 2^127⌋` with its lowest bit set when the division is inexact ("round to odd"), for
    /// `g = g1·2^63 + g0`.
    @inline(__always)
    private static func roundToOdd(_ g1: UInt64, _ g0: UInt64, _ cp: UInt64) -> UInt64 {
        let x1 = g0.multipliedFullWidth(by: cp).high
        let y = g1.multipliedFullWidth(by: cp)
        let z = (y.low >> 1) + x1
        let vbp = y.high + (z >> 63)
        let mask63: UInt64 = 1 << 63 - 1
        return vbp | ((z & mask63) + mask63) >> 63
    }

    /// ⌊log10(2^e)⌋ for |e| ≤ 5,456,721.
    @inline(__always) private static func floorLog10Pow2(_ e: Int) -> Int { (e * 661_971_961_083) >> 41 }
    /// ⌊log10(¾·2^e)⌋ for |e| ≤ 5,456,721.
    @inline(__always) private static func floorLog10ThreeQuartersPow2(_ e: Int) -> Int { (e * 661_971_961_083 - 274_743_187_321) >> 41 }
    /// ⌊log2(10^e)⌋ for |e| ≤ 1,233.
    @inline(__always) private static func floorLog2Pow10(_ e: Int) -> Int { (e * 913_124_641_741) >> 38 }

    /// Writes `digits·10^exponent` in Swift's layout into `out` (room for 32 bytes); returns the length.
    @inline(__always)
    private static func layout(negative: Bool, digits: UInt64, exponent: Int, forceExponential: Bool,
                               into out: UnsafeMutablePointer<UInt8>) -> Int {
        var digits = digits, exponent = exponent
        // Schubfach's decimal has 16 or 17 digits; short values end in many zeros.
        while digits % 10_000 == 0 {
            digits /= 10_000
            exponent += 4
        }
        while digits % 10 == 0 {
            digits /= 10
            exponent += 1
        }
        let count = DecimalDigits.count(digits)
        let scientific = exponent + count - 1
        var i = 0
        if negative {
            out[0] = UInt8(ascii: "-")
            i = 1
        }
        if scientific < -4 || forceExponential {
            // d.ddde±XX: digits one place to the right, then the first moved in front of the point.
            DecimalDigits.write(digits, count: count, to: out + i + 1)
            out[i] = out[i + 1]
            if count > 1 {
                out[i + 1] = UInt8(ascii: ".")
                i += count + 1
            } else {
                i += 1
            }
            out[i] = UInt8(ascii: "e")
            out[i + 1] = scientific < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
            i += 2
            var e = abs(scientific)
            if e >= 100 {
                out[i] = UInt8(ascii: "0") + UInt8(e / 100)
                i += 1
                e %= 100
            }
            out[i] = UInt8(ascii: "0") + UInt8(e / 10)
            out[i + 1] = UInt8(ascii: "0") + UInt8(e % 10)
            return i + 2
        }
        if scientific < 0 {
            // 0.000ddd
            out[i] = UInt8(ascii: "0")
            out[i + 1] = UInt8(ascii: ".")
            i += 2
            for _ in 0..<(-scientific - 1) {
                out[i] = UInt8(ascii: "0")
                i += 1
            }
            DecimalDigits.write(digits, count: count, to: out + i)
            return i + count
        }
        if scientific + 1 < count {
            // ddd.ddd: digits one place to the right, then the integer part moved left over the gap.
            DecimalDigits.write(digits, count: count, to: out + i + 1)
            for j in 0...scientific { out[i + j] = out[i + j + 1] }
            out[i + scientific + 1] = UInt8(ascii: ".")
            return i + count + 1
        }
        // ddd000.0
        DecimalDigits.write(digits, count: count, to: out + i)
        i += count
        for _ in 0..<(scientific + 1 - count) {
            out[i] = UInt8(ascii: "0")
            i += 1
        }
        out[i] = UInt8(ascii: ".")
        out[i + 1] = UInt8(ascii: "0")
        return i + 2
    }

    /// The standard library's text through `TextOutputStream`: `_writeASCII` receives its stack buffer
    /// directly (the text of `description`, no `String` created).
    static func appendFromStandardLibrary(_ value: Double, to out: inout [UInt8]) {
        var sink = ByteSink(bytes: out)
        out = []
        value.write(to: &sink)
        out = sink.bytes
    }

    private struct ByteSink: TextOutputStream {
        var bytes: [UInt8]
        mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }
        mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
    }
}
