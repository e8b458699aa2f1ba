import Foundation
import XCTest
@testable import GeoCore
import TestSupport

/// `ShortestDouble` must write exactly the bytes of Swift's `description` for every Double (the output
/// files stay byte-identical). Seeded random bit patterns over every exponent, values in the ranges the
/// scorer writes, short decimals, and the edge cases: zeros, subnormals, powers of two and ten with their
/// neighbours, integers around 2^53 and 2^54, the extremes.
///
/// `STANDORT_SHORTEST_DOUBLE_SAMPLES=N` sets the random values per family (default 1,000,000, a few seconds
/// in a debug build); BENCHMARKS.md records a release-build run with 250,000,000 per family.
final class ShortestDoubleTests: XCTestCase {
    private static let samples = ProcessInfo.processInfo.environment["STANDORT_SHORTEST_DOUBLE_SAMPLES"].flatMap(Int.init) ?? 1_000_000

    /// Compares `values` with `description`; reports the first few mismatches.
    private func assertMatchesDescription<S: Sequence>(_ values: S, _ family: String, file: StaticString = #filePath, line: UInt = #line) where S.Element == Double {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        var failures = 0, checked = 0
        for v in values {
            out.removeAll(keepingCapacity: true)
            ShortestDouble.append(v, to: &out)
            checked += 1
            if !out.elementsEqual(v.description.utf8) {
                failures += 1
                if failures <= 5 {
                    XCTFail("\(family): bits 0x\(String(v.bitPattern, radix: 16)): got \(String(decoding: out, as: UTF8.self)), description \(v.description)", file: file, line: line)
                }
            }
        }
        XCTAssertEqual(failures, 0, "\(family): \(failures) of \(checked) differ", file: file, line: line)
    }

    func testEdgeCases() {
        var values: [Double] = [0, -0.0, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
                                .infinity, -.infinity, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, .pi, 1e23, 5e-324, 1e-323,
                                9_007_199_254_740_991, 9_007_199_254_740_992, 9_007_199_254_740_994,
                                18_014_398_509_481_984, 18_014_398_509_481_988, 123_456.789, 0.0001, 0.00001, 0.000123]
        for e in -1074...1023 {
            let p = Double(sign: .plus, exponent: e, significand: 1)
            values += [p, p.nextUp, p.nextDown, 3 * p / 2]
        }
        for e in -323...308 {
            guard let p = Double("1e\(e)") else { continue }
            values += [p, p.nextUp, p.nextDown]
            for m in [2.0, 5, 9.5, 1.25] { values.append(p * m) }
        }
        for i in -2000...2000 {
            values += [9_007_199_254_740_992 + Double(i) * 2, 18_014_398_509_481_984 + Double(i) * 4, Double(i), Double(i) / 8]
        }
        for n in 0..<2048 { values.append(Double(bitPattern: UInt64(n))) }  // the smallest subnormals
        assertMatchesDescription(values + values.map { -$0 }, "edge cases")
    }

    /// Uniform over all bit patterns: every exponent, mostly the exponential form.
    func testRandomBitPatterns() {
        var rng = SeededGenerator(seed: 20261130)
        assertMatchesDescription((0..<Self.samples).lazy.map { _ in Double(bitPattern: rng.next()) }.filter(\.isFinite), "random bits")
    }

    /// Binary exponents −20…60: the decimal layouts (0.000ddd, ddd.ddd, ddd.0) and the change to the
    /// exponential form around 2^53 and 2^54.
    func testRandomModerateMagnitudes() {
        var rng = SeededGenerator(seed: 15)
        assertMatchesDescription((0..<Self.samples).lazy.map { _ in
            let bits = rng.next()
            let exponent = UInt64(1023 - 20) + bits % 81
            return Double(bitPattern: (bits & 0x800F_FFFF_FFFF_FFFF) | exponent << 52)
        }, "moderate magnitudes")
    }

    /// What the scorer writes: values in [0, 1), distances in metres, scores, and their sums.
    func testRandomScorerValues() {
        var rng = SeededGenerator(seed: 16)
        assertMatchesDescription((0..<Self.samples).lazy.map { i in
            let u = Double.random(in: 0..<1, using: &rng)
            switch i % 4 {
            case 0: return u
            case 1: return u * 250_000
            case 2: return 0.1 * u + 0.2 * Double.random(in: 0..<1, using: &rng)
            default: return u * 1e-3
            }
        }, "scorer values")
    }

    /// Decimals of 1–17 digits read back from text: the shortest form is often much shorter than 17
    /// digits (the one-digit-fewer branch and the ties).
    func testShortDecimals() {
        var rng = SeededGenerator(seed: 17)
        assertMatchesDescription((0..<Self.samples / 4).lazy.compactMap { _ in
            let digits = Int.random(in: 1...17, using: &rng)
            var m: UInt64 = 0
            for _ in 0..<digits { m = m * 10 + UInt64.random(in: 0...9, using: &rng) }
            return Double("\(m)e\(Int.random(in: -330...310, using: &rng))").flatMap { $0.isFinite ? $0 : nil }
        }, "short decimals")
    }

    /// (NaN is left out above: `description` drops a NaN's sign, `write(to:)` keeps it; JSON writes `null`.)
    /// `JSONNumberFormat.append` keeps integers below 2^53 without `.0` and writes `null` for
    /// non-finite values; everything else is the shortest text.
    func testJSONNumbersUseTheShortestText() {
        XCTAssertEqual(JSONNumberFormat.string(3), "3")
        XCTAssertEqual(JSONNumberFormat.string(-0.0), "0")
        XCTAssertEqual(JSONNumberFormat.string(0.1), "0.1")
        XCTAssertEqual(JSONNumberFormat.string(1e-7), "1e-07")
        XCTAssertEqual(JSONNumberFormat.string(2e53), "2e+53")
        XCTAssertEqual(JSONNumberFormat.string(9_007_199_254_740_992), "9007199254740992.0")
        XCTAssertEqual(JSONNumberFormat.string(-1234.5678), "-1234.5678")
        XCTAssertEqual(JSONNumberFormat.string(.nan), "null")
    }
}
