import XCTest
@testable import GeoCore
import TestSupport

/// `GeoJSONFeatureEncoder` writes the bytes `GeoJSONWriter` writes for the equivalent `Feature`, including
/// what does not fit its 4 KB pending scratch (long keys and strings), the numbers only the standard
/// library formats (subnormals), string and numeric ids and null geometries.
final class GeoJSONFeatureEncoderTests: XCTestCase {
    private let writer = GeoJSONWriter(coordinateDecimals: 7)

    /// Encodes `feature` member by member through the encoder, as row writers do.
    private func encoded(_ feature: Feature, index: Int) -> [UInt8] {
        var e = GeoJSONFeatureEncoder(writer: writer)
        e.separator(before: index)
        e.beginFeature(id: feature.id)
        for (i, (key, value)) in feature.properties.members.enumerated() {
            if i > 0 { e.comma() }
            if i % 2 == 0 { e.member(GeoJSONFeatureEncoder.memberKey(key)) } else { e.member(key) }
            switch value {
            case .number(let x): e.number(x)
            case .bool(let b): e.bool(b)
            case .null: e.number(nil as Double?)
            case .string(let s): e.string(s)
            default: e.value(value)
            }
        }
        e.endFeature(geometry: feature.geometry)
        return e.bytes
    }

    private func expected(_ feature: Feature, index: Int) -> [UInt8] {
        var out: [UInt8] = Array((index == 0 ? "\n" : ",\n").utf8)
        writer.appendFeature(feature, to: &out)
        return out
    }

    func testEncoderMatchesTheFeatureWriter() {
        var rng = SeededGenerator(seed: 61)
        let long = String(repeating: "ä\"x\\", count: 1500)
        var features: [Feature] = []
        for i in 0..<400 {
            var members: [(String, JSONValue)] = []
            for m in 0..<Int.random(in: 0...40, using: &rng) {
                let value: JSONValue = switch (i + m) % 7 {
                case 0: .number(Double.random(in: -1e6...1e6, using: &rng))
                case 1: .number(Double(Int.random(in: -1000...1000, using: &rng)))
                case 2: .number(Double(bitPattern: UInt64.random(in: 1...0xF_FFFF_FFFF_FFFF, using: &rng)))  // subnormal
                case 3: .bool(m % 2 == 0)
                case 4: .null
                case 5: .string(m % 5 == 0 ? long : "v\(m)")
                default: .number(Double.random(in: 0..<1, using: &rng) * 1e-7)
                }
                members.append((m == 3 && i % 50 == 0 ? String(repeating: "k", count: 5000) : "key\(m)", value))
            }
            let id: FeatureID? = switch i % 4 { case 0: .string("s\(i)"); case 1: .number(Double(i)); case 2: .number(.nan); default: nil }
            let geometry: Geometry? = i % 3 == 0 ? nil : .point(Position(x: Double.random(in: -180...180, using: &rng), y: Double.random(in: -90...90, using: &rng)))
            features.append(Feature(id: id, geometry: geometry, properties: JSONObject(uncheckedKeys: members.map(\.0), values: members.map(\.1))))
        }
        for (i, f) in features.enumerated() {
            XCTAssertEqual(String(decoding: encoded(f, index: i % 2), as: UTF8.self), String(decoding: expected(f, index: i % 2), as: UTF8.self), "feature \(i)")
        }
    }
}
