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
    static let format = "standort-part/1"

    /// The header of a part.
    struct Header {
        var version: String
        var scenarioName: String
        var scenarioSHA256: String
        var partition: Partition
        var workingCRS: String
        var candidateCRS: String
        var candidateCount: Int
        var siteCount: Int
        var criteria: [(id: String, text: Bool)]
        var inputs: [InputRecord]
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
        o["sites"] = .number(Double(h.siteCount))
        o["criteria"] = .array(h.criteria.map { .object(["id": .string($0.id), "text": .bool($0.text)]) })
        o["inputs"] = .array(h.inputs.map { .object(["layer": .string($0.layer), "path": .string($0.path), "sha256": .string($0.sha256)]) })
        o["warnings"] = .array(h.warnings.map { .string($0) })
        var out = Array("{\"type\":\"FeatureCollection\",\"standort_part\":".utf8)
        out += Array(JSONValue.object(o).jsonText.utf8)
        out += Array(",\"features\":[]}\n".utf8)
        return out
    }

    static func appendSite(_ s: Site, to out: inout [UInt8]) {
        out += Array("{\"type\":\"FeatureCollection\",\"standort_site\":{\"i\":".utf8)
        out += Array(String(s.index).utf8)
        out += Array(",\"id\":".utf8)
        switch s.id {
        case .string(let t): out += Array(JSONValue.string(t).jsonText.utf8)
        case .number(let n): appendExact(n, to: &out)
        }
        out += Array(",\"ref\":[".utf8)
        appendExact(s.reference.x, to: &out)
        out.append(UInt8(ascii: ","))
        appendExact(s.reference.y, to: &out)
        out += Array("],\"raw\":[".utf8)
        for (j, x) in s.raw.enumerated() {
            if j > 0 { out.append(UInt8(ascii: ",")) }
            appendExact(x, to: &out)
        }
        out += Array("],\"text\":[".utf8)
        for (j, t) in s.text.enumerated() {
            if j > 0 { out.append(UInt8(ascii: ",")) }
            out += Array((t.map { JSONValue.string($0) } ?? .null).jsonText.utf8)
        }
        out += Array("],\"excluded_by\":".utf8)
        out += Array(JSONValue.array(s.exclusions.map { .string($0) }).jsonText.utf8)
        out += Array("},\"features\":[".utf8)
        appendFeature(s.feature, to: &out)
        out += Array("]}\n".utf8)
    }

    /// A Double as the shortest text that reads back to it; non-finite values as the strings `"NaN"`,
    /// `"Infinity"`, `"-Infinity"` (JSON has no such numbers).
    static func appendExact(_ x: Double, to out: inout [UInt8]) {
        if x.isNaN { out += Array("\"NaN\"".utf8); return }
        if x.isInfinite { out += Array((x > 0 ? "\"Infinity\"" : "\"-Infinity\"").utf8); return }
        out += Array(x.description.utf8)  // Swift's description is the shortest round-trip text (SwiftDtoa)
    }

    /// The feature with exact coordinates (GeoJSON output rounds them; a part must not).
    static func appendFeature(_ f: Feature, to out: inout [UInt8]) {
        out += Array("{\"type\":\"Feature\",".utf8)
        switch f.id {
        case .string(let s)?: out += Array("\"id\":\(JSONValue.string(s).jsonText),".utf8)
        case .number(let n)?:
            out += Array("\"id\":".utf8)
            appendExact(n, to: &out)
            out.append(UInt8(ascii: ","))
        case nil: break
        }
        out += Array("\"properties\":".utf8)
        out += Array(JSONValue.object(f.properties).jsonText.utf8)
        out += Array(",\"geometry\":".utf8)
        if let g = f.geometry { appendGeometry(g, to: &out) } else { out += Array("null".utf8) }
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
        out += Array("{\"type\":\"\(g.typeName)\",".utf8)
        switch g {
        case .point(let p):
            out += Array("\"coordinates\":".utf8)
            position(p)
        case .multiPoint(let ps), .lineString(let ps):
            out += Array("\"coordinates\":".utf8)
            list(ps)
        case .multiLineString(let lines):
            out += Array("\"coordinates\":[".utf8)
            for (i, l) in lines.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                list(l)
            }
            out.append(UInt8(ascii: "]"))
        case .polygon(let p):
            out += Array("\"coordinates\":".utf8)
            polygon(p)
        case .multiPolygon(let ps):
            out += Array("\"coordinates\":[".utf8)
            for (i, p) in ps.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                polygon(p)
            }
            out.append(UInt8(ascii: "]"))
        case .geometryCollection(let gs):
            out += Array("\"geometries\":[".utf8)
            for (i, member) in gs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendGeometry(member, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "}"))
    }

    // MARK: - Reading

    /// Reads a part: checks its header with `checkHeader`, then hands its sites to `consume` in input order, a
    /// chunk of lines at a time (each chunk parsed on all cores), so only one chunk's parsed lines are held.
    /// Returns the header and the file's SHA-256. Errors name the file and the line.
    static func read(_ url: URL, checkHeader: (Header) throws -> Void, consume: ([Site]) throws -> Void) throws -> (header: Header, sha256: String) {
        let file = url.path
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw PartitionError(.notAPartFile(detail: "cannot be read: \(error.localizedDescription)"), file: file)
        }
        let sha = SHA256.hex(of: data)
        let header = try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws -> Header in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines: [Range<Int>] = []
            var start = 0
            for i in bytes.indices where bytes[i] == 10 {
                if i > start { lines.append(start..<i) }
                start = i + 1
            }
            if start < bytes.count { lines.append(start..<bytes.count) }
            guard let first = lines.first else { throw PartitionError(.notAPartFile(detail: "the file is empty"), file: file) }
            let headerDoc = try parseLine(bytes, first, line: 1, file: file)
            guard case .object(let h)? = headerDoc.foreignMembers["standort_part"] else {
                throw PartitionError(.notAPartFile(detail: "line 1 has no 'standort_part' header"), file: file)
            }
            let header = try decodeHeader(h, file: file)
            guard lines.count - 1 == header.siteCount else {
                throw PartitionError(.malformedLine(line: lines.count + 1, detail: "the header announces \(header.siteCount) sites, the file has \(lines.count - 1)"), file: file)
            }
            try checkHeader(header)
            let k = header.criteria.count
            // The mapped bytes outlive the loop and are only read.
            nonisolated(unsafe) let shared = bytes
            let ranges = lines
            let chunk = 65_536
            var from = 1
            while from < ranges.count {
                let to = min(ranges.count, from + chunk)
                let base = from
                let results = ConcurrentSlots<Result<Site, Error>>(count: to - from)
                DispatchQueue.concurrentPerform(iterations: to - from) { n in
                    let line = base + n
                    results.set(n, Result { try decodeSite(try parseLine(shared, ranges[line], line: line + 1, file: file), criteria: k, line: line + 1, file: file) })
                }
                try consume(try results.values.map { try $0.get() })
                from = to
            }
            return header
        }
        return (header, sha)
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
              let candidates = h["candidates"]?.number, let sites = h["sites"]?.number,
              case .array(let criteria)? = h["criteria"], case .array(let inputs)? = h["inputs"], case .array(let warnings)? = h["warnings"]
        else { throw fail("a member is missing or has the wrong type") }
        let partition: Partition
        do { partition = try Partition(index: Int(index), count: Int(count), scheme: try PartitionScheme(parsing: by)) } catch {
            throw fail("partition \(Int(index))/\(Int(count)) by \(by)")
        }
        return Header(
            version: h["version"]?.string ?? "", scenarioName: name, scenarioSHA256: sha, partition: partition,
            workingCRS: working, candidateCRS: candidateCRS, candidateCount: Int(candidates), siteCount: Int(sites),
            criteria: try criteria.map { c in
                guard case .object(let o) = c, let id = o["id"]?.string, case .bool(let text)? = o["text"] else { throw fail("criteria") }
                return (id, text)
            },
            inputs: try inputs.map { i in
                guard case .object(let o) = i, let layer = o["layer"]?.string, let path = o["path"]?.string, let sha = o["sha256"]?.string else { throw fail("inputs") }
                return InputRecord(layer: layer, path: path, sha256: sha)
            },
            warnings: warnings.compactMap(\.string)
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
