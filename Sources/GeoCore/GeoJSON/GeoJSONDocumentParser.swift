/// The GeoJSON layer over `JSONByteParser`: walks FeatureCollection / Feature / geometry objects
/// directly from bytes into `Feature` and `Geometry` values, accepting members in any order.
///
/// Speed: a geometry's `coordinates` are parsed straight into positions when its `type` came first
/// (the usual order); otherwise they are skipped, and re-parsed once the type is known.
/// Features of a layer usually share their property keys in the same order, so the previous
/// feature's keys are reused (no per-feature key strings or key arrays).
struct GeoJSONDocumentParser {
    var json: JSONByteParser
    /// The `crs` member of the top-level object, whatever kind of object it is.
    var topLevelCRS: JSONValue?

    private var templateKeys: [String] = []
    private var templateKeyBytes: [[UInt8]] = []
    private var templateObject = JSONObject()

    init(json: JSONByteParser) {
        self.json = json
    }

    // MARK: - Document

    /// Parses the whole input: a FeatureCollection, a Feature or a bare geometry, always returned as a collection.
    mutating func parseDocument() throws(JSONParseFailure) -> (features: [Feature], foreignMembers: JSONObject) {
        // A UTF-8 byte order mark is allowed before JSON text (RFC 8259 §8.1 says parsers may ignore it).
        if json.count >= 3 && json.base[0] == 0xEF && json.base[1] == 0xBB && json.base[2] == 0xBF { json.pos = 3 }
        json.skipWhitespace()
        guard !json.atEnd else { throw JSONParseFailure(.emptyInput, at: 0) }
        let start = json.pos
        guard json.base[start] == UInt8(ascii: "{") else {
            // Distinguish "valid JSON but not GeoJSON" from "not JSON at all".
            try json.skipValue()
            try expectEndOfInput()
            throw JSONParseFailure(.notGeoJSON("the document is \(json.describeToken(at: start)), not an object"), at: start)
        }
        let type = try findTopLevelType()
        json.pos = start
        json.depth = 0
        var result: (features: [Feature], foreignMembers: JSONObject)
        switch type {
        case nil:
            try json.skipValue()
            try expectEndOfInput()
            throw JSONParseFailure(.notGeoJSON("the top-level object has no \"type\" member"), at: start)
        case "FeatureCollection":
            result = try parseFeatureCollection()
        case "Feature":
            result = ([try parseFeature(topLevel: true)], JSONObject())
        case let t? where GeometryKind(rawValue: t) != nil:
            result = ([Feature(geometry: try parseGeometry(topLevel: true))], JSONObject())
        case let t?:
            throw JSONParseFailure(.unknownType(t), at: start)
        }
        try expectEndOfInput()
        return result
    }

    private mutating func expectEndOfInput() throws(JSONParseFailure) {
        json.skipWhitespace()
        guard json.atEnd else {
            throw JSONParseFailure(.invalidJSON("unexpected \(json.describeToken(at: json.pos)) after the end of the JSON document"), at: json.pos)
        }
    }

    /// Scans the top-level object for its `type` string without building anything.
    private mutating func findTopLevelType() throws(JSONParseFailure) -> String? {
        json.pos += 1
        if try json.peek() == UInt8(ascii: "}") { return nil }
        while true {
            let (s, e, escaped) = try json.scanString()
            try json.expect(UInt8(ascii: ":"), "':' after an object key")
            if !escaped && json.rawEquals(s, e, "type") {
                guard try json.peek() == UInt8(ascii: "\"") else {
                    throw JSONParseFailure(.wrongMemberType(member: "type", expected: "a string", found: json.describeToken(at: json.pos)), at: json.pos)
                }
                return try json.parseString()
            }
            try json.skipValue()
            let b = try json.peek()
            json.pos += 1
            if b == UInt8(ascii: "}") { return nil }
            guard b == UInt8(ascii: ",") else {
                json.pos -= 1
                throw json.unexpected("',' or '}'")
            }
        }
    }

    /// Iterates the members of an object: calls `body(keyStart, keyEnd, escaped)` with the parser
    /// positioned at the member's value; `body` must consume the value.
    @inline(__always)
    private mutating func forEachMember(
        _ body: (inout GeoJSONDocumentParser, Int, Int, Bool) throws(JSONParseFailure) -> Void
    ) throws(JSONParseFailure) {
        try json.expect(UInt8(ascii: "{"), "'{'")
        try json.enter()
        if try json.peek() == UInt8(ascii: "}") {
            json.pos += 1
            json.leave()
            return
        }
        while true {
            let (s, e, escaped) = try json.scanString()
            try json.expect(UInt8(ascii: ":"), "':' after an object key")
            try body(&self, s, e, escaped)
            let b = try json.peek()
            json.pos += 1
            if b == UInt8(ascii: "}") { break }
            guard b == UInt8(ascii: ",") else {
                json.pos -= 1
                throw json.unexpected("',' or '}'")
            }
        }
        json.leave()
    }

    private func key(_ s: Int, _ e: Int, _ escaped: Bool) throws(JSONParseFailure) -> String {
        try json.decodeString(start: s, end: e, escaped: escaped)
    }

    // MARK: - FeatureCollection

    private mutating func parseFeatureCollection() throws(JSONParseFailure) -> (features: [Feature], foreignMembers: JSONObject) {
        var features: [Feature]?
        var foreign = JSONObject()
        var seen: Set<String>? = nil
        try forEachMember { (p: inout GeoJSONDocumentParser, s, e, escaped) throws(JSONParseFailure) in
            if !escaped && p.json.rawEquals(s, e, "type") {
                _ = try p.json.parseString()
            } else if !escaped && p.json.rawEquals(s, e, "features") {
                features = try p.parseFeatures()
            } else if !escaped && p.json.rawEquals(s, e, "bbox") {
                try p.json.skipValue()
            } else if !escaped && p.json.rawEquals(s, e, "crs") {
                do throws(JSONParseFailure) { p.topLevelCRS = try p.json.parseValue() } catch { throw error.adding(.key("crs")) }
            } else {
                let name = try p.key(s, e, escaped)
                let value: JSONValue
                do throws(JSONParseFailure) { value = try p.json.parseValue() } catch { throw error.adding(.key(name)) }
                JSONByteParser.insert(name, value, into: &foreign, seen: &seen)
            }
        }
        guard let features else { throw JSONParseFailure(.missingMember("features"), at: 0) }
        return (features, foreign)
    }

    private mutating func parseFeatures() throws(JSONParseFailure) -> [Feature] {
        guard try json.peek() == UInt8(ascii: "[") else {
            throw JSONParseFailure(.wrongMemberType(member: "features", expected: "an array", found: json.describeToken(at: json.pos)), at: json.pos)
                .adding(.key("features"))
        }
        json.pos += 1
        try json.enter()
        var features: [Feature] = []
        if try json.peek() == UInt8(ascii: "]") {
            json.pos += 1
            json.leave()
            return features
        }
        while true {
            do throws(JSONParseFailure) {
                features.append(try parseFeature(topLevel: false))
            } catch {
                var failure = error.adding(.index(features.count)).adding(.key("features"))
                if failure.featureIndex == nil { failure.featureIndex = features.count }
                throw failure
            }
            let b = try json.peek()
            json.pos += 1
            if b == UInt8(ascii: "]") { break }
            guard b == UInt8(ascii: ",") else {
                json.pos -= 1
                throw json.unexpected("',' or ']' between features")
            }
        }
        json.leave()
        return features
    }

    // MARK: - Feature

    private mutating func parseFeature(topLevel: Bool) throws(JSONParseFailure) -> Feature {
        let start = json.pos
        guard try json.peek() == UInt8(ascii: "{") else {
            throw JSONParseFailure(.notGeoJSON("a feature must be an object, found \(json.describeToken(at: json.pos))"), at: json.pos)
        }
        var id: FeatureID?
        var geometry: Geometry?
        var sawGeometry = false
        var sawType = false
        var properties = JSONObject()
        do throws(JSONParseFailure) {
            try forEachMember { (p: inout GeoJSONDocumentParser, s, e, escaped) throws(JSONParseFailure) in
                if escaped {
                    try p.json.skipValue()
                } else if p.json.rawEquals(s, e, "type") {
                    let at = p.json.pos
                    let (ts, te, tescaped) = try p.json.scanString()
                    guard !tescaped && p.json.rawEquals(ts, te, "Feature") else {
                        let type = try p.json.decodeString(start: ts, end: te, escaped: tescaped)
                        throw JSONParseFailure(.notGeoJSON("expected a Feature, found type \"\(type)\""), at: at).adding(.key("type"))
                    }
                    sawType = true
                } else if p.json.rawEquals(s, e, "geometry") {
                    sawGeometry = true
                    do throws(JSONParseFailure) {
                        if try p.json.peek() == UInt8(ascii: "n") {
                            try p.json.parseLiteral("null")
                            geometry = nil
                        } else {
                            geometry = try p.parseGeometry(topLevel: false)
                        }
                    } catch {
                        throw error.adding(.key("geometry"))
                    }
                } else if p.json.rawEquals(s, e, "properties") {
                    do throws(JSONParseFailure) { properties = try p.parseProperties() } catch { throw error.adding(.key("properties")) }
                } else if p.json.rawEquals(s, e, "id") {
                    do throws(JSONParseFailure) { id = try p.parseID() } catch { throw error.adding(.key("id")) }
                } else if topLevel && p.json.rawEquals(s, e, "crs") {
                    do throws(JSONParseFailure) { p.topLevelCRS = try p.json.parseValue() } catch { throw error.adding(.key("crs")) }
                } else {
                    // bbox and foreign members of features are not kept.
                    try p.json.skipValue()
                }
            }
            guard sawType else { throw JSONParseFailure(.missingMember("type"), at: start) }
            guard sawGeometry else { throw JSONParseFailure(.missingMember("geometry"), at: start) }
        } catch {
            var failure = error
            if failure.featureID == nil { failure.featureID = id }
            throw failure
        }
        return Feature(id: id, geometry: geometry, properties: properties)
    }

    private mutating func parseID() throws(JSONParseFailure) -> FeatureID? {
        switch try json.peek() {
        case UInt8(ascii: "\""): return .string(try json.parseString())
        case UInt8(ascii: "n"):
            try json.parseLiteral("null")
            return nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try json.parseNumber())
        default:
            throw JSONParseFailure(.wrongMemberType(member: "id", expected: "a string or a number", found: json.describeToken(at: json.pos)), at: json.pos)
        }
    }

    /// Parses `properties`, reusing the previous feature's key strings when the keys repeat in order.
    private mutating func parseProperties() throws(JSONParseFailure) -> JSONObject {
        let b = try json.peek()
        if b == UInt8(ascii: "n") {
            try json.parseLiteral("null")
            return JSONObject()
        }
        guard b == UInt8(ascii: "{") else {
            throw JSONParseFailure(.wrongMemberType(member: "properties", expected: "an object or null", found: json.describeToken(at: json.pos)), at: json.pos)
        }
        var matching = !templateKeys.isEmpty
        var object = matching ? templateObject : JSONObject()
        var index = 0
        var seen: Set<String>? = nil
        try forEachMember { (p: inout GeoJSONDocumentParser, s, e, escaped) throws(JSONParseFailure) in
            let name: String
            if matching && !escaped && index < p.templateKeys.count && p.bytesEqual(s, e, p.templateKeyBytes[index]) {
                name = p.templateKeys[index]
            } else {
                if matching {
                    object = JSONObject(members: zip(object.keys[0..<index], object.values[0..<index]))
                    matching = false
                }
                name = try p.key(s, e, escaped)
            }
            let value: JSONValue
            do throws(JSONParseFailure) { value = try p.json.parseValue() } catch { throw error.adding(.key(name)) }
            if matching {
                object[name] = value
            } else {
                JSONByteParser.insert(name, value, into: &object, seen: &seen)
            }
            index += 1
        }
        if matching && index != templateKeys.count {
            object = JSONObject(members: zip(object.keys[0..<index], object.values[0..<index]))
            matching = false
        }
        if !matching && !object.isEmpty {
            templateObject = object
            templateKeys = object.keys
            templateKeyBytes = object.keys.map { Array($0.utf8) }
        }
        return object
    }

    @inline(__always) private func bytesEqual(_ s: Int, _ e: Int, _ bytes: [UInt8]) -> Bool {
        guard e - s == bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { b in
            for i in 0..<b.count where json.base[s + i] != b[i] { return false }
            return true
        }
    }

    // MARK: - Geometry

    private mutating func parseGeometry(topLevel: Bool) throws(JSONParseFailure) -> Geometry {
        let start = json.pos
        guard try json.peek() == UInt8(ascii: "{") else {
            throw JSONParseFailure(.wrongMemberType(member: "geometry", expected: "an object or null", found: json.describeToken(at: json.pos)), at: json.pos)
        }
        var kind: GeometryKind?
        var geometry: Geometry?
        var deferredCoordinates: Int?
        var geometries: [Geometry]?
        try forEachMember { (p: inout GeoJSONDocumentParser, s, e, escaped) throws(JSONParseFailure) in
            if escaped {
                try p.json.skipValue()
            } else if p.json.rawEquals(s, e, "type") {
                let at = p.json.pos
                let (ts, te, tescaped): (Int, Int, Bool)
                do throws(JSONParseFailure) { (ts, te, tescaped) = try p.json.scanString() } catch { throw error.adding(.key("type")) }
                guard let k = tescaped ? nil : GeometryKind.matching(p.json.base, ts, te) else {
                    let type = try p.json.decodeString(start: ts, end: te, escaped: tescaped)
                    let reason: GeoJSONError.Reason = type == "Feature" || type == "FeatureCollection"
                        ? .notGeoJSON("a \(type) where a geometry is expected") : .unknownType(type)
                    throw JSONParseFailure(reason, at: at).adding(.key("type"))
                }
                kind = k
            } else if p.json.rawEquals(s, e, "coordinates") {
                if let kind, kind != .geometryCollection {
                    do throws(JSONParseFailure) { geometry = try p.parseCoordinates(kind) } catch { throw error.adding(.key("coordinates")) }
                } else {
                    deferredCoordinates = p.json.pos
                    do throws(JSONParseFailure) { try p.json.skipValue() } catch { throw error.adding(.key("coordinates")) }
                }
            } else if p.json.rawEquals(s, e, "geometries") {
                do throws(JSONParseFailure) { geometries = try p.parseGeometries() } catch { throw error.adding(.key("geometries")) }
            } else if topLevel && p.json.rawEquals(s, e, "crs") {
                do throws(JSONParseFailure) { p.topLevelCRS = try p.json.parseValue() } catch { throw error.adding(.key("crs")) }
            } else {
                try p.json.skipValue()
            }
        }
        guard let kind else { throw JSONParseFailure(.missingMember("type"), at: start) }
        if kind == .geometryCollection {
            guard let geometries else { throw JSONParseFailure(.missingMember("geometries"), at: start) }
            return .geometryCollection(geometries)
        }
        if let geometry { return geometry }
        guard let deferredCoordinates else { throw JSONParseFailure(.missingMember("coordinates"), at: start) }
        let resume = json.pos
        json.pos = deferredCoordinates
        do throws(JSONParseFailure) { geometry = try parseCoordinates(kind) } catch { throw error.adding(.key("coordinates")) }
        json.pos = resume
        return geometry!
    }

    private mutating func parseGeometries() throws(JSONParseFailure) -> [Geometry] {
        guard try json.peek() == UInt8(ascii: "[") else {
            throw JSONParseFailure(.wrongMemberType(member: "geometries", expected: "an array", found: json.describeToken(at: json.pos)), at: json.pos)
        }
        json.pos += 1
        try json.enter()
        var out: [Geometry] = []
        if try json.peek() == UInt8(ascii: "]") {
            json.pos += 1
            json.leave()
            return out
        }
        while true {
            do throws(JSONParseFailure) { out.append(try parseGeometry(topLevel: false)) } catch { throw error.adding(.index(out.count)) }
            let b = try json.peek()
            json.pos += 1
            if b == UInt8(ascii: "]") { break }
            guard b == UInt8(ascii: ",") else {
                json.pos -= 1
                throw json.unexpected("',' or ']'")
            }
        }
        json.leave()
        return out
    }

    // MARK: - Coordinates

    private mutating func parseCoordinates(_ kind: GeometryKind) throws(JSONParseFailure) -> Geometry {
        switch kind {
        case .point:
            return .point(try parsePosition(kind))
        case .multiPoint:
            return .multiPoint(try parsePositions(kind))
        case .lineString:
            return .lineString(try parseLine(kind))
        case .multiLineString:
            var lines: [[Position]] = []
            try parseCoordinateList(kind) { (p: inout GeoJSONDocumentParser) throws(JSONParseFailure) in
                lines.append(try p.parseLine(kind))
            }
            return .multiLineString(lines)
        case .polygon:
            return .polygon(try parsePolygon(kind))
        case .multiPolygon:
            var polygons: [Polygon] = []
            try parseCoordinateList(kind) { (p: inout GeoJSONDocumentParser) throws(JSONParseFailure) in
                polygons.append(try p.parsePolygon(kind))
            }
            return .multiPolygon(polygons)
        case .geometryCollection:
            throw JSONParseFailure(.missingMember("geometries"), at: json.pos)
        }
    }

    /// Opens an array that must contain arrays; a number here means the nesting is too shallow.
    private mutating func openCoordinateArray(_ kind: GeometryKind) throws(JSONParseFailure) {
        let b = try json.peek()
        if b == UInt8(ascii: "[") {
            json.pos += 1
            return
        }
        throw notAnArray(kind)
    }

    private func notAnArray(_ kind: GeometryKind) -> JSONParseFailure {
        let b = json.base[json.pos]
        if b == UInt8(ascii: "-") || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) {
            return JSONParseFailure(.wrongCoordinateNesting(geometryType: kind.rawValue, expectedDepth: kind.coordinateDepth, tooDeep: false), at: json.pos)
        }
        if b == UInt8(ascii: "\"") {
            return JSONParseFailure(.nonNumericCoordinate(found: "a string"), at: json.pos)
        }
        return JSONParseFailure(.wrongMemberType(member: "coordinates", expected: "nested arrays of numbers", found: json.describeToken(at: json.pos)), at: json.pos)
    }

    /// Parses `[element, element, ...]`, adding the element index to the path of any failure.
    @inline(__always)
    private mutating func parseCoordinateList(
        _ kind: GeometryKind, _ element: (inout GeoJSONDocumentParser) throws(JSONParseFailure) -> Void
    ) throws(JSONParseFailure) {
        try openCoordinateArray(kind)
        if try json.peek() == UInt8(ascii: "]") {
            json.pos += 1
            return
        }
        var index = 0
        while true {
            do throws(JSONParseFailure) { try element(&self) } catch { throw error.adding(.index(index)) }
            index += 1
            let b = try json.peek()
            json.pos += 1
            if b == UInt8(ascii: "]") { return }
            guard b == UInt8(ascii: ",") else {
                json.pos -= 1
                throw json.unexpected("',' or ']' in coordinates")
            }
        }
    }

    /// `[x, y]`, `[x, y, z]` or `[x, y, z, m]`: ordinates beyond the second are read and dropped.
    @inline(__always)
    private mutating func parsePosition(_ kind: GeometryKind) throws(JSONParseFailure) -> Position {
        json.skipWhitespace()
        let start = json.pos
        try openCoordinateArray(kind)
        if try json.peek() == UInt8(ascii: "]") { throw JSONParseFailure(.tooFewCoordinates(found: 0), at: start) }
        let x = try parseOrdinate(kind, index: 0)
        if try json.peek() == UInt8(ascii: "]") { throw JSONParseFailure(.tooFewCoordinates(found: 1), at: start) }
        try json.expect(UInt8(ascii: ","), "',' between coordinates")
        let y = try parseOrdinate(kind, index: 1)
        var n = 2
        while true {
            let b = try json.peek()
            json.pos += 1
            if b == UInt8(ascii: "]") { break }
            guard b == UInt8(ascii: ",") else {
                json.pos -= 1
                throw json.unexpected("',' or ']' in a position")
            }
            _ = try parseOrdinate(kind, index: n)
            n += 1
        }
        return Position(x: x, y: y)
    }

    @inline(__always)
    private mutating func parseOrdinate(_ kind: GeometryKind, index: Int) throws(JSONParseFailure) -> Double {
        let b = try json.peek()
        if b == UInt8(ascii: "-") || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) {
            do throws(JSONParseFailure) { return try json.parseNumber() } catch { throw error.adding(.index(index)) }
        }
        let failure: JSONParseFailure
        switch b {
        case UInt8(ascii: "["):
            failure = JSONParseFailure(.wrongCoordinateNesting(geometryType: kind.rawValue, expectedDepth: kind.coordinateDepth, tooDeep: true), at: json.pos)
        case UInt8(ascii: "\""):
            let at = json.pos
            let text = (try? json.parseString()) ?? ""
            failure = JSONParseFailure(.nonNumericCoordinate(found: "the string \"\(text.prefix(40))\""), at: at)
        case UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "{"):
            failure = JSONParseFailure(.nonNumericCoordinate(found: json.describeToken(at: json.pos)), at: json.pos)
        default:
            do throws(JSONParseFailure) { _ = try json.parseNumber() } catch { throw error.adding(.index(index)) }
            failure = json.unexpected("a number")
        }
        throw failure.adding(.index(index))
    }

    private mutating func parsePositions(_ kind: GeometryKind) throws(JSONParseFailure) -> [Position] {
        var out: [Position] = []
        try parseCoordinateList(kind) { (p: inout GeoJSONDocumentParser) throws(JSONParseFailure) in
            out.append(try p.parsePosition(kind))
        }
        return out
    }

    /// A line string: two or more positions (an empty one is allowed as the empty geometry).
    private mutating func parseLine(_ kind: GeometryKind) throws(JSONParseFailure) -> [Position] {
        json.skipWhitespace()
        let start = json.pos
        let line = try parsePositions(kind)
        if line.count == 1 { throw JSONParseFailure(.tooFewPositions(what: "line string", found: 1, minimum: 2), at: start) }
        return line
    }

    /// A polygon: one or more closed rings of at least 4 positions, exterior first.
    private mutating func parsePolygon(_ kind: GeometryKind) throws(JSONParseFailure) -> Polygon {
        let start = json.pos
        var rings: [[Position]] = []
        try parseCoordinateList(kind) { (p: inout GeoJSONDocumentParser) throws(JSONParseFailure) in
            p.json.skipWhitespace()
            let ringStart = p.json.pos
            let ring = try p.parsePositions(kind)
            if ring.count < 4 {
                throw JSONParseFailure(.tooFewPositions(what: "ring", found: ring.count, minimum: 4), at: ringStart)
            }
            if ring[0] != ring[ring.count - 1] { throw JSONParseFailure(.ringNotClosed, at: ringStart) }
            rings.append(ring)
        }
        guard !rings.isEmpty else {
            throw JSONParseFailure(.wrongMemberType(member: "coordinates", expected: "at least one ring", found: "an empty array"), at: start)
        }
        return Polygon(exterior: rings[0], holes: Array(rings.dropFirst()))
    }
}
