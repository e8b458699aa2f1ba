import Dispatch
import Foundation
import GeoCore

/// The intermediate file of one partition (`standort score SCEN --partition I/N --out part-I.ndjson`), format
/// `standort-part/1`, documented in docs/scale.md.
///
/// UTF-8, one JSON document per line (newline-delimited, so it is written and read a line at a time). Every line
/// is a GeoJSON FeatureCollection, so any JSON or GeoJSON tool (jq, ogr2ogr) reads it:
/// - line 1, the header: `{"type":"FeatureCollection","standort_part":{…},"features":[]}` with `format`,
///   `version`, `scenario` (`name`, `sha256`), `partition` (`index`, `count`, `by`), `working_crs`,
///   `candidate_crs`, `candidates` (all candidates of the scenario), `sites` (the lines that follow),
///   `criteria` (`id`, `text`: whether the criterion has text values), `inputs` (`layer`, `path`, `sha256` of
///   every file read) and `warnings`;
/// - one line per site of the partition, in input order:
///   `{"type":"FeatureCollection","standort_site":{"i":…,"id":…,"ref":[x,y],"raw":[…],"text":[…],"excluded_by":[…]},"features":[CANDIDATE]}`
///   with `i` the site's 0-based position among all candidates, `id` the site id, `ref` its reference point
///   in the working CRS, `raw` one raw value per criterion (`"NaN"`, `"Infinity"`, `"-Infinity"` as strings),
///   `text` one text value per criterion (null where none), `excluded_by` the failed constraints and
///   `missing:<field>` entries, and CANDIDATE the candidate feature as read (original geometry in
///   `candidate_crs`, original properties and id).
///
/// Numbers are written as the shortest text that reads back to the same Double (coordinates too, never rounded),
/// so a merge reproduces the single-process run bit for bit.
enum PartFile {
    static let format = "standort-part/2"

    /// The header of a part.
    struct Header {
        var version: String
        var scenarioName: String
        var scenarioSHA256: String
        var partition: Partition
        var workingCRS: String
        var candidateCRS: String
        var candidateCount: Int
        var criteria: [(id: String, text: Bool)]
        var inputs: [InputRecord]
    }

    /// The last line of a part: how many site lines precede it (a cut-off file has no trailer or fewer lines) and
    /// the warnings of reading and checking the layers (known only after the last candidate).
    struct Trailer {
        var siteCount: Int
        /// The candidates of the scenario after `outliers: drop` (the header's `candidates` counts them as read).
        var candidateCount: Int
        var warnings: [String]
    }

    /// One measured site.
    struct Site {
        var index: Int
        var id: SiteID
        var reference: Position
        var raw: [Double]
        var text: [String?]
        var exclusions: [String]
        var feature: Feature
    }

    // MARK: - Writing

    static func encodeHeader(_ h: Header) -> [UInt8] {
        var o = JSONObject()
        o["format"] = .string(format)
        o["version"] = .string(h.version)
        o["scenario"] = .object(["name": .string(h.scenarioName), "sha256": .string(h.scenarioSHA256)])
        o["partition"] = .object(["index": .number(Double(h.partition.index)), "count": .number(Double(h.partition.count)),
                                  "by": .string(h.partition.scheme.description)])
        o["working_crs"] = .string(h.workingCRS)
        o["candidate_crs"] = .string(h.candidateCRS)
        o["candidates"] = .number(Double(h.candidateCount))
        o["criteria"] = .array(h.criteria.map { .object(["id": .string($0.id), "text": .bool($0.text)]) })
        o["inputs"] = .array(h.inputs.map { .object(["layer": .string($0.layer), "path": .string($0.path), "sha256": .string($0.sha256)]) })
        var out = Array("{\"type\":\"FeatureCollection\",\"standort_part\":".utf8)
        out.append(contentsOf: JSONValue.object(o).jsonText.utf8)
        out.append(contentsOf: ",\"features\":[]}\n".utf8)
        return out
    }

    static func encodeTrailer(_ t: Trailer) -> [UInt8] {
        var o = JSONObject()
        o["sites"] = .number(Double(t.siteCount))
        o["candidates"] = .number(Double(t.candidateCount))
        o["warnings"] = .array(t.warnings.map { .string($0) })
        var out = Array("{\"type\":\"FeatureCollection\",\"standort_part_end\":".utf8)
        out.append(contentsOf: JSONValue.object(o).jsonText.utf8)
        out.append(contentsOf: ",\"features\":[]}\n".utf8)
        return out
    }

    static func appendSite(_ s: Site, to out: inout [UInt8]) {
        out.append(contentsOf: "{\"type\":\"FeatureCollection\",\"standort_site\":{\"i\":".utf8)
        out.append(contentsOf: String(s.index).utf8)
        out.append(contentsOf: ",\"id\":".utf8)
        switch s.id {
        case .string(let t): out.append(contentsOf: JSONValue.string(t).jsonText.utf8)
        case .number(let n): appendExact(n, to: &out)
        }
        out.append(contentsOf: ",\"ref\":[".utf8)
        appendExact(s.reference.x, to: &out)
        out.append(UInt8(ascii: ","))
        appendExact(s.reference.y, to: &out)
        out.append(contentsOf: "],\"raw\":[".utf8)
        for (j, x) in s.raw.enumerated() {
            if j > 0 { out.append(UInt8(ascii: ",")) }
            appendExact(x, to: &out)
        }
        out.append(contentsOf: "],\"text\":[".utf8)
        for (j, t) in s.text.enumerated() {
            if j > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: (t.map { JSONValue.string($0) } ?? .null).jsonText.utf8)
        }
        out.append(contentsOf: "],\"excluded_by\":".utf8)
        out.append(contentsOf: JSONValue.array(s.exclusions.map { .string($0) }).jsonText.utf8)
        out.append(contentsOf: "},\"features\":[".utf8)
        appendFeature(s.feature, to: &out)
        out.append(contentsOf: "]}\n".utf8)
    }

    /// A Double as the shortest text that reads back to it; non-finite values as the strings `"NaN"`,
    /// `"Infinity"`, `"-Infinity"` (JSON has no such numbers).
    static func appendExact(_ x: Double, to out: inout [UInt8]) {
        if x.isNaN { out.append(contentsOf: "\"NaN\"".utf8); return }
        if x.isInfinite { out.append(contentsOf: (x > 0 ? "\"Infinity\"" : "\"-Infinity\"").utf8); return }
        ShortestDouble.append(x, to: &out)  // Swift's description bytes (the shortest round-trip text), without a String
    }

    /// The feature with exact coordinates (GeoJSON output rounds them; a part must not).
    static func appendFeature(_ f: Feature, to out: inout [UInt8]) {
        out.append(contentsOf: "{\"type\":\"Feature\",".utf8)
        switch f.id {
        case .string(let s)?: out.append(contentsOf: "\"id\":\(JSONValue.string(s).jsonText),".utf8)
        case .number(let n)?:
            out.append(contentsOf: "\"id\":".utf8)
            appendExact(n, to: &out)
            out.append(UInt8(ascii: ","))
        case nil: break
        }
        out.append(contentsOf: "\"properties\":".utf8)
        out.append(contentsOf: JSONValue.object(f.properties).jsonText.utf8)
        out.append(contentsOf: ",\"geometry\":".utf8)
        if let g = f.geometry { appendGeometry(g, to: &out) } else { out.append(contentsOf: "null".utf8) }
        out.append(UInt8(ascii: "}"))
    }

    static func appendGeometry(_ g: Geometry, to out: inout [UInt8]) {
        func position(_ p: Position) {
            out.append(UInt8(ascii: "["))
            appendExact(p.x, to: &out)
            out.append(UInt8(ascii: ","))
            appendExact(p.y, to: &out)
            out.append(UInt8(ascii: "]"))
        }
        func list(_ ps: [Position]) {
            out.append(UInt8(ascii: "["))
            for (i, p) in ps.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                position(p)
            }
            out.append(UInt8(ascii: "]"))
        }
        func polygon(_ p: Polygon) {
            out.append(UInt8(ascii: "["))
            for (i, ring) in p.rings.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                list(ring)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: "{\"type\":\"\(g.typeName)\",".utf8)
        switch g {
        case .point(let p):
            out.append(contentsOf: "\"coordinates\":".utf8)
            position(p)
        case .multiPoint(let ps), .lineString(let ps):
            out.append(contentsOf: "\"coordinates\":".utf8)
            list(ps)
        case .multiLineString(let lines):
            out.append(contentsOf: "\"coordinates\":[".utf8)
            for (i, l) in lines.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                list(l)
            }
            out.append(UInt8(ascii: "]"))
        case .polygon(let p):
            out.append(contentsOf: "\"coordinates\":".utf8)
            polygon(p)
        case .multiPolygon(let ps):
            out.append(contentsOf: "\"coordinates\":[".utf8)
            for (i, p) in ps.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                polygon(p)
            }
            out.append(UInt8(ascii: "]"))
        case .geometryCollection(let gs):
            out.append(contentsOf: "\"geometries\":[".utf8)
            for (i, member) in gs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendGeometry(member, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "}"))
    }

    // MARK: - Reading

    /// Where a site's line is in its part file.
    struct LineLocation {
        var offset: Int
        var length: Int
    }

    /// Reads a part front to back in blocks (never the whole file in memory): checks its header with `checkHeader`,
    /// then hands its sites with their lines' locations to `consume` in input order, a block of lines at a time
    /// (parsed on all cores). Returns the header, the trailer and the file's SHA-256. Errors name the file and the line.
    static func read(_ url: URL, checkHeader: (Header) throws -> Void,
                     consume: ([Site], [LineLocation]) throws -> Void) throws -> (header: Header, trailer: Trailer, sha256: String) {
        let file = url.path
        let reader: BlockReader
        do { reader = try BlockReader(url) } catch {
            throw PartitionError(.notAPartFile(detail: "cannot be read: \(error.reason)"), file: file)
        }
        var hasher = SHA256.Hasher()
        var header: Header?
        var trailer: Trailer?
        var lineNumber = 0
        var sites = 0
        try reader.forEachBlock(blockSize: 8 << 20, boundary: BlockReader.lineBoundary, raw: { hasher.update($0) }) { (bytes: UnsafeBufferPointer<UInt8>, offset: Int) throws in
            var lines: [Range<Int>] = []
            var start = 0
            for i in bytes.indices where bytes[i] == 10 {
                if i > start { lines.append(start..<i) }
                start = i + 1
            }
            if start < bytes.count { lines.append(start..<bytes.count) }
            var from = 0
            if header == nil {
                guard let first = lines.first else { return }
                lineNumber = 1
                let headerDoc = try parseLine(bytes, first, line: 1, file: file)
                guard case .object(let h)? = headerDoc.foreignMembers["standort_part"] else {
                    throw PartitionError(.notAPartFile(detail: "line 1 has no 'standort_part' header"), file: file)
                }
                header = try decodeHeader(h, file: file)
                try checkHeader(header!)
                from = 1
            }
            guard from < lines.count else { return }
            if trailer != nil {
                throw PartitionError(.malformedLine(line: lineNumber + 1, detail: "a line after the part's last line ('standort_part_end')"), file: file)
            }
            let k = header!.criteria.count
            let firstLine = lineNumber + 1
            let ranges = Array(lines[from...])
            nonisolated(unsafe) let shared = bytes  // read only, for the duration of this call
            let results = ConcurrentSlots<Result<Site?, Error>>(count: ranges.count)
            DispatchQueue.concurrentPerform(iterations: ranges.count) { n in
                results.set(n, Result {
                    let doc = try parseLine(shared, ranges[n], line: firstLine + n, file: file)
                    if doc.foreignMembers["standort_part_end"] != nil { return nil }
                    return try decodeSite(doc, criteria: k, line: firstLine + n, file: file)
                })
            }
            var parsed: [Site] = []
            parsed.reserveCapacity(ranges.count)
            var locations: [LineLocation] = []
            locations.reserveCapacity(ranges.count)
            for (n, result) in results.values.enumerated() {
                if let site = try result.get() {
                    guard trailer == nil else {
                        throw PartitionError(.malformedLine(line: firstLine + n, detail: "a line after the part's last line ('standort_part_end')"), file: file)
                    }
                    parsed.append(site)
                    locations.append(LineLocation(offset: offset + ranges[n].lowerBound, length: ranges[n].count))
                } else {
                    let doc = try parseLine(bytes, ranges[n], line: firstLine + n, file: file)
                    trailer = try decodeTrailer(doc, line: firstLine + n, file: file)
                }
            }
            lineNumber += ranges.count
            sites += parsed.count
            try consume(parsed, locations)
        }
        guard let header else { throw PartitionError(.notAPartFile(detail: "the file is empty"), file: file) }
        guard let trailer else {
            throw PartitionError(.malformedLine(line: lineNumber + 1, detail: "the file ends without its last line ('standort_part_end')"), file: file)
        }
        guard trailer.siteCount == sites else {
            throw PartitionError(.malformedLine(line: lineNumber, detail: "the last line announces \(trailer.siteCount) sites, the file has \(sites)"), file: file)
        }
        return (header, trailer, hasher.hex())
    }

    /// The site on one line of a part file, at `location` (read with pread; for writing the ranked output in rank order).
    static func readSite(_ reader: BlockReader, at location: LineLocation, criteria k: Int) throws -> Site {
        guard let bytes = reader.read(offset: location.offset, length: location.length) else {
            throw PartitionError(.notAPartFile(detail: "changed while it was merged (a line at byte \(location.offset) cannot be read)"), file: reader.path)
        }
        return try bytes.withUnsafeBufferPointer { b in
            try decodeSite(try parseLine(b, 0..<b.count, line: 0, file: reader.path), criteria: k, line: 0, file: reader.path)
        }
    }

    private static func decodeTrailer(_ doc: FeatureCollection, line: Int, file: String) throws -> Trailer {
        guard case .object(let t)? = doc.foreignMembers["standort_part_end"], let sites = t["sites"]?.number,
              let candidates = t["candidates"]?.number, case .array(let warnings)? = t["warnings"] else {
            throw PartitionError(.malformedLine(line: line, detail: "the last line ('standort_part_end') lacks 'sites', 'candidates' or 'warnings'"), file: file)
        }
        return Trailer(siteCount: Int(sites), candidateCount: Int(candidates), warnings: warnings.compactMap(\.string))
    }

    private static func parseLine(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int, file: String) throws -> FeatureCollection {
        do {
            return try GeoJSONReader.read(bytes: UnsafeBufferPointer(rebasing: bytes[range]), source: file)
        } catch {
            if line == 1 { throw PartitionError(.notAPartFile(detail: "line 1 is not a part header: \(error.message)"), file: file) }
            throw PartitionError(.malformedLine(line: line, detail: error.message), file: file)
        }
    }

    private static func decodeHeader(_ h: JSONObject, file: String) throws -> Header {
        func fail(_ what: String) -> PartitionError { PartitionError(.notAPartFile(detail: "header: \(what)"), file: file) }
        guard h["format"]?.string == format else {
            throw fail("format \(h["format"]?.jsonText ?? "none"), this version reads \(format)")
        }
        guard case .object(let scenario)? = h["scenario"], let sha = scenario["sha256"]?.string, let name = scenario["name"]?.string,
              case .object(let p)? = h["partition"], let index = p["index"]?.number, let count = p["count"]?.number, let by = p["by"]?.string,
              let working = h["working_crs"]?.string, let candidateCRS = h["candidate_crs"]?.string,
              let candidates = h["candidates"]?.number,
              case .array(let criteria)? = h["criteria"], case .array(let inputs)? = h["inputs"]
        else { throw fail("a member is missing or has the wrong type") }
        let partition: Partition
        do { partition = try Partition(index: Int(index), count: Int(count), scheme: try PartitionScheme(parsing: by)) } catch {
            throw fail("partition \(Int(index))/\(Int(count)) by \(by)")
        }
        return Header(
            version: h["version"]?.string ?? "", scenarioName: name, scenarioSHA256: sha, partition: partition,
            workingCRS: working, candidateCRS: candidateCRS, candidateCount: Int(candidates),
            criteria: try criteria.map { c in
                guard case .object(let o) = c, let id = o["id"]?.string, case .bool(let text)? = o["text"] else { throw fail("criteria") }
                return (id, text)
            },
            inputs: try inputs.map { i in
                guard case .object(let o) = i, let layer = o["layer"]?.string, let path = o["path"]?.string, let sha = o["sha256"]?.string else { throw fail("inputs") }
                return InputRecord(layer: layer, path: path, sha256: sha)
            }
        )
    }

    private static func decodeSite(_ doc: FeatureCollection, criteria k: Int, line: Int, file: String) throws -> Site {
        func fail(_ what: String) -> PartitionError { PartitionError(.malformedLine(line: line, detail: what), file: file) }
        guard case .object(let s)? = doc.foreignMembers["standort_site"], doc.features.count == 1 else { throw fail("not a site line") }
        guard let i = s["i"]?.number, i >= 0, i == i.rounded() else { throw fail("'i' is not a site position") }
        let id: SiteID
        switch s["id"] {
        case .string(let t)?: id = .string(t)
        case .number(let n)?: id = .number(n)
        default: throw fail("'id' is not a site id")
        }
        guard case .array(let ref)? = s["ref"], ref.count == 2, case .array(let raw)? = s["raw"], raw.count == k,
              case .array(let text)? = s["text"], text.count == k, case .array(let excluded)? = s["excluded_by"]
        else { throw fail("'ref', 'raw', 'text' or 'excluded_by' is missing or has the wrong length") }
        func number(_ v: JSONValue) throws -> Double {
            switch v {
            case .number(let x): return x
            case .string("NaN"): return .nan
            case .string("Infinity"): return .infinity
            case .string("-Infinity"): return -.infinity
            default: throw fail("\(v.jsonText) is not a number")
            }
        }
        return Site(index: Int(i), id: id, reference: Position(x: try number(ref[0]), y: try number(ref[1])),
                    raw: try raw.map(number), text: text.map(\.string), exclusions: excluded.compactMap(\.string),
                    feature: doc.features[0])
    }
}
