/// Decimal digits of unsigned integers written straight into a byte buffer, shared by the number
/// writers (`JSONNumberFormat`, `ShortestDouble`): no `String`, no per-digit array append, eight digits
/// per step (SWAR: the lanes of one 64-bit integer divided in parallel by multiply-and-shift).
enum DecimalDigits {
    /// 10^0 … 10^19.
    private static let powersOfTen: [UInt64] = (0..<20).map { e in (0..<e).reduce(1) { r, _ in r * 10 } }

    /// The number of decimal digits of `n` (1 for 0): ⌊log10⌋ estimated from the bit length, then one
    /// comparison.
    @inline(__always)
    static func count(_ n: UInt64) -> Int {
        let estimate = ((64 - n.leadingZeroBitCount) * 1233) >> 12
        return Swift.max(1, estimate + (n >= powersOfTen[estimate] ? 1 : 0))
    }

    /// The eight decimal digits of `n` < 10^8 (leading zeros included) as ASCII bytes in one `UInt64`
    /// whose little-endian memory order is the reading order.
    @inline(__always)
    static func eightDigits(_ n: UInt32) -> UInt64 {
        // Two 4-digit halves in 32-bit lanes (the leading half in the low lane, which is stored first) …
        let high = n / 10_000
        var x = UInt64(high) | UInt64(n &- high &* 10_000) << 32
        // … each split into two 2-digit quarters in 16-bit lanes (v / 100 = v·10486 >> 20 for v < 10^4) …
        let hundreds = ((x &* 10_486) >> 20) & 0x0000_007F_0000_007F
        x = hundreds | (x &- hundreds &* 100) << 16
        // … each split into two digits in bytes (v / 10 = v·103 >> 10 for v < 100).
        let tens = ((x &* 103) >> 10) & 0x000F_000F_000F_000F
        x = tens | (x &- tens &* 10) << 8
        return x &+ 0x3030_3030_3030_3030
    }

    /// Writes the last `count` (≤ 24) decimal digits of `n` to `out[0..<count]`; a `count` above
    /// `count(n)` pads with leading zeros.
    @inline(__always)
    static func write(_ n: UInt64, count: Int, to out: UnsafeMutablePointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 3) { scratch in
            let raw = UnsafeMutableRawPointer(scratch.baseAddress!)
            let low = n % 100_000_000
            raw.storeBytes(of: eightDigits(UInt32(truncatingIfNeeded: low)).littleEndian, toByteOffset: 16, as: UInt64.self)
            if count > 8 {
                let rest = n / 100_000_000
                raw.storeBytes(of: eightDigits(UInt32(truncatingIfNeeded: rest % 100_000_000)).littleEndian, toByteOffset: 8, as: UInt64.self)
                raw.storeBytes(of: eightDigits(UInt32(truncatingIfNeeded: rest / 100_000_000)).littleEndian, toByteOffset: 0, as: UInt64.self)
            }
            UnsafeMutableRawPointer(out).copyMemory(from: raw + (24 - count), byteCount: count)
        }
    }

    /// Builds at most 32 bytes with `body` (which returns how many it wrote) and appends them to `out`.
    @inline(__always)
    static func append(to out: inout [UInt8], _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            let count = body(buffer.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress!, count: count))
        }
    }
}
