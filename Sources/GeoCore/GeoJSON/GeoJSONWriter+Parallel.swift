import Foundation

extension GeoJSONWriter {
    /// Encodes a FeatureCollection whose features are produced on demand by `feature(i)` for i in
    /// 0..<`featureCount`, in parallel chunks; the concatenated chunks are byte-identical to
    /// `encode(FeatureCollection(features:…, foreignMembers:))` for any `threads`.
    /// Features are never all held in memory at once. `feature` must return geometry in WGS 84 lon/lat.
    /// - Returns: the document as consecutive parts (write them with `AtomicFileWriter.write(parts:to:)`).
    public func encodeParts(
        featureCount: Int, foreignMembers: JSONObject = JSONObject(), threads: Int,
        feature: @escaping @Sendable (Int) -> Feature
    ) -> [[UInt8]] {
        var head: [UInt8] = []
        head.append(contentsOf: "{\"type\":\"FeatureCollection\",\n".utf8)
        for (key, value) in foreignMembers.members where !Self.reservedCollectionMembers.contains(key) {
            Self.appendString(key, to: &head)
            head.append(UInt8(ascii: ":"))
            Self.appendValue(value, to: &head)
            head.append(contentsOf: ",\n".utf8)
        }
        head.append(contentsOf: "\"features\":[".utf8)

        let chunkSize = max(1024, featureCount / max(1, threads * 8) + 1)
        let chunkCount = (featureCount + chunkSize - 1) / chunkSize
        let chunks = ConcurrentSlots<[UInt8]>(count: chunkCount)
        let writer = self
        let encodeChunk: @Sendable (Int) -> Void = { c in
            var out: [UInt8] = []
            out.reserveCapacity(chunkSize * 256)
            for i in (c * chunkSize)..<min(featureCount, (c + 1) * chunkSize) {
                out.append(contentsOf: i == 0 ? "\n".utf8 : ",\n".utf8)
                writer.appendFeature(feature(i), to: &out)
            }
            chunks.set(c, out)
        }
        if threads <= 1 {
            for c in 0..<chunkCount { encodeChunk(c) }
        } else {
            DispatchQueue.concurrentPerform(iterations: chunkCount, execute: encodeChunk)
        }
        return [head] + chunks.values + [Array("\n]}\n".utf8)]
    }
}
