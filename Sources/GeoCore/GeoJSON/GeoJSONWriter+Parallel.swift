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
        encodeParts(featureCount: featureCount, foreignMembers: foreignMembers, threads: threads) { i, encoder in
            encoder.flush()
            encoder.writer.appendFeature(feature(i), to: &encoder.bytes)
        }
    }

    /// Like `encodeParts(featureCount:foreignMembers:threads:feature:)`, but `encode(i, &encoder)` writes
    /// feature `i` straight into the chunk's byte buffer (no `Feature` value per row): the caller writes
    /// exactly one feature object, normally `beginFeature(id:)`, members, `endFeature(geometry:)`.
    /// Each chunk's buffer is reused for all its features; chunks are encoded in parallel and
    /// concatenated in order, so the bytes do not depend on `threads`.
    public func encodeParts(
        featureCount: Int, foreignMembers: JSONObject = JSONObject(), threads: Int,
        encode: @escaping @Sendable (Int, inout GeoJSONFeatureEncoder) -> Void
    ) -> [[UInt8]] {
        encodeParts(featureCount: featureCount, foreignMembers: foreignMembers, threads: threads) { range, encoder in
            for i in range {
                encoder.separator(before: i)
                encode(i, &encoder)
            }
        }
    }

    /// Like `encodeParts(featureCount:foreignMembers:threads:encode:)`, but `encodeRange(range, &encoder)`
    /// writes the features of a whole chunk, each preceded by `encoder.separator(before: i)`. A caller can
    /// gather what the range's rows need into cache-friendly buffers first (rows in output order are
    /// scattered over the per-site columns; gathering them column by column lets the loads overlap).
    public func encodeParts(
        featureCount: Int, foreignMembers: JSONObject = JSONObject(), threads: Int,
        encodeRange: @escaping @Sendable (Range<Int>, inout GeoJSONFeatureEncoder) -> Void
    ) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        encodeStreaming(featureCount: featureCount, foreignMembers: foreignMembers, threads: threads,
                        chunkSize: max(1024, featureCount / max(1, threads * 8) + 1), encodeRange: encodeRange) { part in
            parts.append(part)
        }
        return parts
    }

    /// The document of `encodeParts(featureCount:foreignMembers:threads:encodeRange:)`, handed to `emit` part by
    /// part in order while later parts are still to be encoded. Chunks of `chunkSize` features are encoded in
    /// rounds of `threads` chunks in parallel; while one round is being encoded, the calling thread emits the
    /// previous one (issue 15: at 1,000,000 sites the `write` calls of 600 MB took about 1.4 s, and ran after
    /// each round instead of beside the next). Peak memory: two rounds, not the document. With one thread
    /// nothing overlaps. The bytes do not depend on `threads` or `chunkSize`.
    public func encodeStreaming<E: Error>(
        featureCount: Int, foreignMembers: JSONObject = JSONObject(), threads: Int, chunkSize: Int = 16_384,
        encodeRange: @escaping @Sendable (Range<Int>, inout GeoJSONFeatureEncoder) -> Void,
        emit: ([UInt8]) throws(E) -> Void
    ) throws(E) {
        var head: [UInt8] = []
        head.append(contentsOf: "{\"type\":\"FeatureCollection\",\n".utf8)
        for (key, value) in foreignMembers.members where !Self.reservedCollectionMembers.contains(key) {
            Self.appendString(key, to: &head)
            head.append(UInt8(ascii: ":"))
            Self.appendValue(value, to: &head)
            head.append(contentsOf: ",\n".utf8)
        }
        head.append(contentsOf: "\"features\":[".utf8)
        try emit(head)

        let chunkSize = max(1, chunkSize)
        let chunkCount = (featureCount + chunkSize - 1) / chunkSize
        let writer = self
        // Chunk buffers are used again once emitted: a new buffer per chunk (4 MiB reserved, ≈ 10 MiB at L) grew by
        // copying and faulted in fresh pages (issue 15: L task-clock 7.3/7.1/7.7 s → 6.7/6.3/6.5 s in alternating pairs).
        let pool = ByteBufferPool()
        /// Encodes chunks `first..<first + count` in parallel (or in turn for one thread) into their slots.
        let encodeRound: @Sendable (Int, Int, ConcurrentSlots<[UInt8]>) -> Void = { first, count, slots in
            let encodeChunk: @Sendable (Int) -> Void = { r in
                let c = first + r
                var encoder = GeoJSONFeatureEncoder(writer: writer)
                encoder.bytes = pool.take(minimumCapacity: chunkSize * 256)
                encodeRange((c * chunkSize)..<min(featureCount, (c + 1) * chunkSize), &encoder)
                encoder.flush()
                slots.set(r, encoder.bytes)
            }
            if threads <= 1 || count == 1 {
                for r in 0..<count { encodeChunk(r) }
            } else {
                DispatchQueue.concurrentPerform(iterations: count, execute: encodeChunk)
            }
        }
        if threads <= 1 {
            for c in 0..<chunkCount {
                var slots = ConcurrentSlots<[UInt8]>(count: 1)
                encodeRound(c, 1, slots)
                var parts = slots.values
                try emit(parts[0])
                slots = ConcurrentSlots<[UInt8]>(count: 0)
                pool.give(&parts)
            }
        } else {
            let perRound = threads
            var first = 0
            var current = ConcurrentSlots<[UInt8]>(count: min(perRound, chunkCount))
            encodeRound(0, min(perRound, chunkCount), current)
            while first < chunkCount {
                let next = first + min(perRound, chunkCount - first)
                let nextCount = min(perRound, chunkCount - next)
                let upcoming = ConcurrentSlots<[UInt8]>(count: max(0, nextCount))
                let encoded = DispatchGroup()
                if nextCount > 0 {
                    DispatchQueue.global().async(group: encoded) { encodeRound(next, nextCount, upcoming) }
                }
                var parts = current.values
                do {
                    for part in parts { try emit(part) }
                } catch {
                    encoded.wait()  // the next round's workers must finish before the error leaves
                    throw error
                }
                encoded.wait()
                current = upcoming
                pool.give(&parts)  // the slots released, the buffers are the pool's alone
                first = next
            }
        }
        try emit(Array("\n]}\n".utf8))
    }
}

/// Writes one GeoJSON feature directly into a byte buffer, with the same bytes `GeoJSONWriter` writes
/// for a `Feature` value (member order as written by the caller). Used by row-oriented outputs that
/// would otherwise build a `Feature`, a `JSONObject` and a `JSONValue` per property for every row.
public struct GeoJSONFeatureEncoder {
    /// The bytes written so far (the chunk's buffer); complete after every `endFeature(geometry:)` and
    /// `flush()`.
    public internal(set) var bytes: [UInt8] = []
    let writer: GeoJSONWriter
    /// Small writes (keys, numbers, punctuation) are stored into `pending` without bounds or uniqueness
    /// checks and reach `bytes` in one append per feature (issue 15: an `Array.append` per member and number
    /// cost ~100 instructions each). Encoders are used in place (`inout`); a copy would share this scratch.
    private let pending = PendingBytes()
    private var pendingCount = 0

    init(writer: GeoJSONWriter) {
        self.writer = writer
    }

    /// Moves the pending small writes into `bytes`.
    public mutating func flush() {
        guard pendingCount > 0 else { return }
        bytes.append(contentsOf: UnsafeBufferPointer(start: pending.base, count: pendingCount))
        pendingCount = 0
    }

    /// A pointer to `count` (≤ `PendingBytes.capacity`) free pending bytes.
    @inline(__always)
    private mutating func reserve(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if pendingCount + count > PendingBytes.capacity { flush() }
        return pending.base + pendingCount
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        reserve(1).pointee = byte
        pendingCount += 1
    }

    @inline(__always)
    private mutating func put(_ text: UnsafeBufferPointer<UInt8>) {
        guard text.count <= PendingBytes.capacity else {
            flush()
            bytes.append(contentsOf: text)
            return
        }
        reserve(text.count).update(from: text.baseAddress!, count: text.count)
        pendingCount += text.count
    }

    @inline(__always)
    private mutating func put(_ text: StaticString) {
        put(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `"key":` as bytes, to encode a constant member name once and append it with `member(_:)`.
    public static func memberKey(_ key: String) -> [UInt8] {
        var out: [UInt8] = []
        GeoJSONWriter.appendString(key, to: &out)
        out.append(UInt8(ascii: ":"))
        return out
    }

    /// Starts a feature: `{"type":"Feature",` its `id` (a string, or a finite number; else none) and
    /// `"properties":{`.
    public mutating func beginFeature(id: FeatureID?) {
        put("{\"type\":\"Feature\",")
        switch id {
        case .string(let s)?:
            put("\"id\":")
            string(s)
            put(UInt8(ascii: ","))
        case .number(let n)? where n.isFinite:
            put("\"id\":")
            number(n)
            put(UInt8(ascii: ","))
        default:
            break
        }
        put("\"properties\":{")
    }

    /// Ends the properties and the feature: `},"geometry":` the geometry (RFC 7946 winding) or `null`, `}`.
    public mutating func endFeature(geometry: Geometry?) {
        put("},\"geometry\":")
        if let geometry {
            flush()
            writer.appendGeometry(geometry.rfc7946Oriented(), to: &bytes)
        } else {
            put("null")
        }
        put(UInt8(ascii: "}"))
        flush()
    }

    /// What goes before feature `i` of the collection: a newline, after a comma unless it is the first.
    @inline(__always) public mutating func separator(before i: Int) {
        if i == 0 { put(UInt8(ascii: "\n")) } else { put(",\n") }
    }

    /// A member separator `,` (before every member but the first).
    @inline(__always) public mutating func comma() { put(UInt8(ascii: ",")) }

    /// A pre-encoded `"key":` (see `memberKey(_:)`).
    @inline(__always) public mutating func member(_ key: [UInt8]) {
        key.withUnsafeBufferPointer { put($0) }
    }

    /// A pre-encoded `"key":` (from `memberKey`) held in a caller's buffer (no array to retain per row).
    @inline(__always) public mutating func member(bytes key: UnsafeBufferPointer<UInt8>) {
        put(key)
    }

    /// `"key":` for a key known only at run time.
    public mutating func member(_ key: String) {
        string(key)
        put(UInt8(ascii: ":"))
    }

    /// A number as the writer writes it: integers without a fraction, else the shortest round-trip
    /// text; `null` for NaN and infinities.
    @inline(__always) public mutating func number(_ x: Double) {
        if let count = JSONNumberFormat.write(x, to: reserve(32)) {
            pendingCount += count
        } else {
            flush()
            JSONNumberFormat.append(x, to: &bytes)
        }
    }

    /// A number, or `null` for nil.
    @inline(__always) public mutating func number(_ x: Double?) {
        if let x { number(x) } else { null() }
    }

    @inline(__always) public mutating func null() { put("null") }

    @inline(__always) public mutating func bool(_ b: Bool) { if b { put("true") } else { put("false") } }

    /// A JSON string (escaped as the writer escapes).
    public mutating func string(_ s: String) {
        flush()
        GeoJSONWriter.appendString(s, to: &bytes)
    }

    /// Any JSON value.
    public mutating func value(_ v: JSONValue) {
        flush()
        GeoJSONWriter.appendValue(v, to: &bytes)
    }
}

/// The encoder's pending-bytes scratch: 4 KB owned by one encoder (freed with it).
final class PendingBytes {
    static let capacity = 4096
    let base = UnsafeMutablePointer<UInt8>.allocate(capacity: PendingBytes.capacity)
    deinit { base.deallocate() }
}

/// Byte buffers returned after use, for later chunks: `take` empties one and keeps its capacity.
private final class ByteBufferPool: @unchecked Sendable {
    private var free: [[UInt8]] = []
    private let lock = NSLock()

    /// An empty buffer: one given back earlier, or a new one reserving `minimumCapacity` bytes.
    func take(minimumCapacity: Int) -> [UInt8] {
        lock.lock()
        var buffer = free.popLast()
        lock.unlock()
        if buffer == nil {
            buffer = []
            buffer!.reserveCapacity(minimumCapacity)
        } else {
            buffer!.removeAll(keepingCapacity: true)
        }
        return buffer!
    }

    /// Takes the buffers of `buffers` (left empty) for later `take`s.
    func give(_ buffers: inout [[UInt8]]) {
        lock.lock()
        free += buffers
        lock.unlock()
        buffers = []
    }
}
