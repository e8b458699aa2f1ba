import XCTest
@testable import GeoCore
import TestSupport

/// Integers and fixed-point coordinates written through `DecimalDigits` (issue 15) give the bytes of the
/// earlier, array-appending implementation, kept here as the oracle.
final class JSONNumberFormatTests: XCTestCase {
    /// The integer text as `String(_:)` writes it.
    private func referenceInteger(_ v: Int64) -> String { String(v) }

    /// The fixed-point writer before issue 15 (round half away from zero, trailing zeros removed).
    private func referenceFixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "null" }
        let scale = JSONNumberFormat.powersOfTen[min(max(decimals, 0), JSONNumberFormat.powersOfTen.count - 1)]
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < JSONNumberFormat.exactIntegerLimit, decimals >= 0, decimals < JSONNumberFormat.powersOfTen.count else {
            return JSONNumberFormat.string(value)
        }
        var units = Int64(scaled)
        if units == 0 { return "0" }
        var out = ""
        if units < 0 {
            out += "-"
            units = -units
        }
        let divisor = Int64(scale)
        out += String(units / divisor)
        var fraction = units % divisor
        guard fraction != 0 else { return out }
        var digits = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let text = String(fraction)
        return out + "." + String(repeating: "0", count: digits - text.count) + text
    }

    func testIntegersMatchStringConversion() {
        var rng = SeededGenerator(seed: 31)
        var values: [Int64] = [0, 1, -1, 9, 10, 99, 100, -100, Int64.max, Int64.min, 9_007_199_254_740_991, -9_007_199_254_740_991]
        for p in 0..<19 {
            let t = Int64(pow(10, Double(p)))
            values += [t, t - 1, t + 1, -t]
        }
        values += (0..<100_000).map { _ in Int64(bitPattern: rng.next()) >> Int64.random(in: 0...63, using: &rng) }
        var out: [UInt8] = []
        for v in values {
            out.removeAll(keepingCapacity: true)
            JSONNumberFormat.appendInteger(v, to: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), referenceInteger(v))
        }
    }

    func testFixedPointMatchesThePreviousWriter() {
        var rng = SeededGenerator(seed: 32)
        var cases: [(Double, Int)] = [(0, 7), (-0.0, 7), (-0.00000004, 7), (0.00000005, 7), (13.40501230, 8), (-13.4050123, 7),
                                      (1e9, 7), (1e10, 7), (123.456, 0), (0.5, 0), (-0.5, 0), (2.5, 15), (.nan, 7), (.infinity, 3), (1.5, -1), (1.5, 16)]
        for _ in 0..<200_000 {
            let decimals = Int.random(in: 0...15, using: &rng)
            let magnitude = pow(10, Double.random(in: -8...12, using: &rng))
            cases.append((Double.random(in: -magnitude...magnitude, using: &rng), decimals))
        }
        var out: [UInt8] = []
        for (v, d) in cases {
            out.removeAll(keepingCapacity: true)
            JSONNumberFormat.append(v, decimals: d, to: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), referenceFixed(v, decimals: d), "\(v) with \(d) decimals")
        }
    }
}
