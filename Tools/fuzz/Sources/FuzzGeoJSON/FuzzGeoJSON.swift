import Foundation
import FuzzSupport
import GeoCore

/// Fuzz target: `GeoJSONReader.read(bytes:)` on arbitrary bytes must return a collection or throw a
/// `GeoJSONError` with a one-line description; a collection in WGS 84 must survive a round trip through
/// `GeoJSONWriter` (the writer's output is read back with the same number of features).
@main
struct FuzzGeoJSON {
    static func main() {
        FuzzDriver.main { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let collection: FeatureCollection
            do {
                collection = try GeoJSONReader.read(bytes: bytes, source: "fuzz.geojson")
            } catch let error as GeoJSONError {
                precondition(!error.description.isEmpty, "empty error text")
                return outcome(reason: error.reason)
            } catch {
                preconditionFailure("unexpected error type \(type(of: error))")
            }
            guard GeoJSONWriter.isWGS84LonLat(collection.crs) else { return "ok projected" }
            let written: [UInt8]
            do { written = try GeoJSONWriter().encode(collection) } catch {
                preconditionFailure("the writer rejected a collection the reader accepted: \(error)")
            }
            do {
                let back = try GeoJSONReader.read(data: Data(written), source: "round trip")
                precondition(back.features.count == collection.features.count, "round trip changed the feature count")
            } catch {
                preconditionFailure("the writer's output cannot be read back: \(error)\n\(String(decoding: written.prefix(2000), as: UTF8.self))")
            }
            return "ok \(collection.features.count > 0 ? "features" : "empty")"
        }
    }
}
