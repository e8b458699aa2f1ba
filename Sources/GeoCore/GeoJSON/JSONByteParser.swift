#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a parse failed, collected while the error unwinds: each level appends its path component,
/// so the happy path pays nothing for error context.
struct JSONParseFailure: Error {
    enum PathComponent {
        case key(String)
        case index(Int)
    }

    var reason: GeoJSONError.Reason
    var offset: Int
    /// Innermost component first.
    var reversedPath: [PathComponent] = []
    var featureIndex: Int?
    var featureID: FeatureID?

    init(_ reason: GeoJSONError.Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    func adding(_ component: PathComponent) -> JSONParseFailure {
        var copy = self
        copy.reversedPath.append(component)
        return copy
    }

    /// `features[12].geometry.coordinates[0][3]`
    var pathString: String {
        var out = ""
        for component in reversedPath.reversed() {
            switch component {
            case .key(let k):
                if !out.isEmpty { out += "." }
                out += k
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }
}

/// A hand-written JSON parser over raw UTF-8 bytes (RFC 8259), built for speed on large GeoJSON:
/// no intermediate token objects, numbers parsed in place, strings decoded without copying when they
/// have no escapes. Nesting is bounded by `maximumDepth` so hostile input cannot overflow the stack.
///
/// The buffer must stay valid for the parser's lifetime (it lives inside `withUnsafeBytes`).
struct JSONByteParser {
    /// Deepest nesting of arrays and objects accepted (documented in `GeoJSONReader`); serde_json's
    /// default. The recursion then needs under 128 KiB of stack optimised, about 640 KiB in a debug build.
    static let maximumDepth = 128

    let base: UnsafePointer<UInt8>
    let count: Int
    var pos: Int = 0
    var depth: Int = 0

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    // MARK: - Bytes

    @inline(__always) var atEnd: Bool { pos >= count }

    @inline(__always) mutating func skipWhitespace() {
        while pos < count {
            let b = base[pos]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { pos += 1 } else { return }
        }
    }

    /// The next non-whitespace byte without consuming it; throws `truncated` at the end of input.
    @inline(__always) mutating func peek() throws(JSONParseFailure) -> UInt8 {
        skipWhitespace()
        guard pos < count else { throw JSONParseFailure(.truncated, at: pos) }
        return base[pos]
    }

    /// Consumes `byte` (after whitespace) or throws a syntax error saying what was expected.
    @inline(__always) mutating func expect(_ byte: UInt8, _ what: StaticString) throws(JSONParseFailure) {
        let b = try peek()
        guard b == byte else { throw unexpected(what) }
        pos += 1
    }

    /// A syntax error at `pos`: "expected X, found Y".
    func unexpected(_ expected: StaticString) -> JSONParseFailure {
        guard pos < count else { return JSONParseFailure(.truncated, at: pos) }
        return JSONParseFailure(.invalidJSON("expected \(expected), found \(describeToken(at: pos))"), at: pos)
    }

    /// A short description of the token starting at `offset`, for error messages.
    func describeToken(at offset: Int) -> String {
        guard offset < count else { return "the end of the input" }
        switch base[offset] {
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
        case UInt8(ascii: "n"): return "null"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "a number"
        case let b where b >= 0x21 && b < 0x7F: return "'\(Character(Unicode.Scalar(b)))'"
        case let b: return "byte 0x\(String(b, radix: 16))"
        }
    }

    /// Increments the nesting depth, throwing when it passes the limit.
    @inline(__always) mutating func enter() throws(JSONParseFailure) {
        depth += 1
        if depth > Self.maximumDepth { throw JSONParseFailure(.tooDeeplyNested(limit: Self.maximumDepth), at: pos) }
    }

    @inline(__always) mutating func leave() { depth -= 1 }

    // MARK: - Literals

    mutating func parseLiteral(_ word: StaticString) throws(JSONParseFailure) {
        let start = pos
        let n = word.utf8CodeUnitCount
        let p = word.utf8Start
        for i in 0..<n {
            guard pos < count else { throw JSONParseFailure(.truncated, at: start) }
            guard base[pos] == p[i] else {
                pos = start
                throw unexpected("a JSON value")
            }
            pos += 1
        }
    }

    // MARK: - Strings

    /// The raw bytes of a string (between the quotes) and whether they contain escapes.
    /// Consumes the string including both quotes.
    @inline(__always) mutating func scanString() throws(JSONParseFailure) -> (start: Int, end: Int, escaped: Bool) {
        guard try peek() == UInt8(ascii: "\"") else { throw unexpected("a string") }
        let openQuote = pos
        pos += 1
        let start = pos
        var escaped = false
        while pos < count {
            let b = base[pos]
            if b == UInt8(ascii: "\"") {
                let end = pos
                pos += 1
                return (start, end, escaped)
            } else if b == UInt8(ascii: "\\") {
                escaped = true
                pos += 2
            } else if b < 0x20 {
                throw JSONParseFailure(.invalidJSON("control character 0x\(String(b, radix: 16)) inside a string (escape it)"), at: pos)
            } else {
                pos += 1
            }
        }
        throw JSONParseFailure(.truncated, at: openQuote)
    }

    /// Parses a JSON string value.
    mutating func parseString() throws(JSONParseFailure) -> String {
        let (start, end, escaped) = try scanString()
        return try decodeString(start: start, end: end, escaped: escaped)
    }

    /// Turns the raw bytes of a scanned string into a `String`, resolving escapes and validating UTF-8.
    func decodeString(start: Int, end: Int, escaped: Bool) throws(JSONParseFailure) -> String {
        if !escaped {
            let raw = UnsafeBufferPointer(start: base + start, count: end - start)
            guard let s = Self.validatedString(raw) else { throw JSONParseFailure(.invalidUTF8, at: start) }
            return s
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        var i = start
        while i < end {
            let b = base[i]
            guard b == UInt8(ascii: "\\") else {
                bytes.append(b)
                i += 1
                continue
            }
            guard i + 1 < end else { throw JSONParseFailure(.invalidJSON("unfinished escape"), at: i) }
            let e = base[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""): bytes.append(0x22)
            case UInt8(ascii: "\\"): bytes.append(0x5C)
            case UInt8(ascii: "/"): bytes.append(0x2F)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(at: i, end: end)
                i += 4
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // A high surrogate must be followed by an escaped low surrogate.
                    guard i + 6 <= end, base[i] == UInt8(ascii: "\\"), base[i + 1] == UInt8(ascii: "u") else {
                        throw JSONParseFailure(.invalidJSON("unpaired UTF-16 surrogate in \\u escape"), at: i - 6)
                    }
                    let low = try hex4(at: i + 2, end: end)
                    guard low >= 0xDC00 && low < 0xE000 else {
                        throw JSONParseFailure(.invalidJSON("unpaired UTF-16 surrogate in \\u escape"), at: i)
                    }
                    i += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    throw JSONParseFailure(.invalidJSON("unpaired UTF-16 surrogate in \\u escape"), at: i - 6)
                }
                bytes.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
            default:
                throw JSONParseFailure(.invalidJSON("invalid escape \\\(Character(Unicode.Scalar(e)))"), at: i - 2)
            }
        }
        let decoded = bytes.withUnsafeBufferPointer { Self.validatedString($0) }
        guard let s = decoded else { throw JSONParseFailure(.invalidUTF8, at: start) }
        return s
    }

    /// The string of UTF-8 `bytes`, or nil when they are not valid UTF-8. Non-generic on purpose:
    /// `String(validating:as:)` is not specialised across modules and costs a metadata lookup per call.
    @inline(__always) static func validatedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var ascii = true
        for b in bytes where b >= 0x80 {
            ascii = false
            break
        }
        let s = String(decoding: bytes, as: UTF8.self)
        if ascii { return s }
        // Decoding replaces invalid sequences with U+FFFD, which changes the bytes.
        var same = true
        var copy = s
        copy.withUTF8 { same = $0.count == bytes.count && memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
        return same ? s : nil
    }

    private func hex4(at i: Int, end: Int) throws(JSONParseFailure) -> UInt32 {
        guard i + 4 <= end else { throw JSONParseFailure(.invalidJSON("\\u needs 4 hex digits"), at: i) }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = base[i + k]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default: throw JSONParseFailure(.invalidJSON("\\u needs 4 hex digits"), at: i)
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    /// Whether the raw (unescaped) key bytes equal `literal`.
    @inline(__always) func rawEquals(_ start: Int, _ end: Int, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard end - start == n else { return false }
        let p = literal.utf8Start
        for i in 0..<n where base[start + i] != p[i] { return false }
        return true
    }

    // MARK: - Numbers

    /// Parses a JSON number (RFC 8259 grammar) to the correctly rounded Double.
    ///
    /// Fast path (Clinger 1990): when the decimal significand has at most 19 digits and is ≤ 2^53
    /// and the decimal exponent is within ±22, `significand × 10^e` or `÷ 10^-e` is one correctly
    /// rounded IEEE operation on exact operands. Everything else goes to the standard library's
    /// `Double(String)` (strtod semantics, correctly rounded). Non-finite results (`1e999`) throw.
    mutating func parseNumber() throws(JSONParseFailure) -> Double {
        let start = pos
        var negative = false
        if pos < count && base[pos] == UInt8(ascii: "-") {
            negative = true
            pos += 1
        }
        guard pos < count else { throw JSONParseFailure(.truncated, at: start) }
        var significand: UInt64 = 0
        var digits = 0
        var exponent = 0
        let first = base[pos]
        if first == UInt8(ascii: "0") {
            pos += 1
            if pos < count && base[pos] >= UInt8(ascii: "0") && base[pos] <= UInt8(ascii: "9") {
                throw JSONParseFailure(.invalidJSON("numbers must not have leading zeros"), at: start)
            }
        } else if first >= UInt8(ascii: "1") && first <= UInt8(ascii: "9") {
            while pos < count {
                let d = base[pos] &- UInt8(ascii: "0")
                guard d < 10 else { break }
                if digits < 19 { significand = significand &* 10 &+ UInt64(d) } else { exponent += 1 }
                digits += 1
                pos += 1
            }
        } else {
            throw nonNumber(at: start)
        }
        if pos < count && base[pos] == UInt8(ascii: ".") {
            pos += 1
            let fractionStart = pos
            while pos < count {
                let d = base[pos] &- UInt8(ascii: "0")
                guard d < 10 else { break }
                if digits < 19 {
                    significand = significand &* 10 &+ UInt64(d)
                    exponent -= 1
                    if significand != 0 { digits += 1 }
                } else {
                    digits += 1
                }
                pos += 1
            }
            if pos == fractionStart {
                throw pos < count ? JSONParseFailure(.invalidJSON("a digit must follow the decimal point"), at: pos)
                    : JSONParseFailure(.truncated, at: start)
            }
        }
        var explicitExponent = 0
        if pos < count && (base[pos] == UInt8(ascii: "e") || base[pos] == UInt8(ascii: "E")) {
            pos += 1
            var expNegative = false
            if pos < count && (base[pos] == UInt8(ascii: "+") || base[pos] == UInt8(ascii: "-")) {
                expNegative = base[pos] == UInt8(ascii: "-")
                pos += 1
            }
            let expStart = pos
            while pos < count {
                let d = base[pos] &- UInt8(ascii: "0")
                guard d < 10 else { break }
                if explicitExponent < 100_000 { explicitExponent = explicitExponent * 10 + Int(d) }
                pos += 1
            }
            if pos == expStart {
                throw pos < count ? JSONParseFailure(.invalidJSON("a digit must follow the exponent marker"), at: pos)
                    : JSONParseFailure(.truncated, at: start)
            }
            if expNegative { explicitExponent = -explicitExponent }
        }
        // More than 19 significant digits: the significand was cut, so leave it to strtod.
        if digits <= 19 {
            let e = exponent + explicitExponent
            if significand == 0 { return negative ? -0.0 : 0.0 }
            if significand <= 1 << 53 && e >= -22 && e <= 22 {
                var value = Double(significand)
                if e < 0 { value /= Self.powersOfTen[-e] } else { value *= Self.powersOfTen[e] }
                return negative ? -value : value
            }
        }
        return try slowNumber(start: start)
    }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    private func slowNumber(start: Int) throws(JSONParseFailure) -> Double {
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: pos - start), as: UTF8.self)
        guard let value = Double(text) else { throw JSONParseFailure(.invalidJSON("malformed number \(text)"), at: start) }
        guard value.isFinite else { throw JSONParseFailure(.nonFiniteNumber(text), at: start) }
        return value
    }

    /// The error for a value that should be a number: names NaN/Infinity specifically.
    private func nonNumber(at start: Int) -> JSONParseFailure {
        var p = start
        if p < count && base[p] == UInt8(ascii: "-") { p += 1 }
        for token in ["NaN", "Infinity", "nan", "inf", "infinity"] {
            let t = Array(token.utf8)
            if p + t.count <= count && (0..<t.count).allSatisfy({ base[p + $0] == t[$0] }) {
                let sign = p > start ? "-" : ""
                return JSONParseFailure(.nonJSONNumber(sign + token), at: start)
            }
        }
        if start >= count || p >= count { return JSONParseFailure(.truncated, at: start) }
        return JSONParseFailure(.invalidJSON("expected a JSON value, found \(describeToken(at: p))"), at: p)
    }

    // MARK: - Generic values

    /// Parses any JSON value into a `JSONValue` (used for properties and foreign members).
    mutating func parseValue() throws(JSONParseFailure) -> JSONValue {
        switch try peek() {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "{"): return .object(try parseObject())
        case UInt8(ascii: "["): return .array(try parseArray())
        case UInt8(ascii: "t"):
            try parseLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try parseLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try parseLiteral("null")
            return .null
        default:
            return .number(try parseNumber())
        }
    }

    mutating func parseArray() throws(JSONParseFailure) -> [JSONValue] {
        try expect(UInt8(ascii: "["), "'['")
        try enter()
        var out: [JSONValue] = []
        if try peek() == UInt8(ascii: "]") {
            pos += 1
            leave()
            return out
        }
        while true {
            do throws(JSONParseFailure) {
                out.append(try parseValue())
            } catch {
                throw error.adding(.index(out.count))
            }
            let b = try peek()
            pos += 1
            if b == UInt8(ascii: "]") { break }
            guard b == UInt8(ascii: ",") else {
                pos -= 1
                throw unexpected("',' or ']'")
            }
        }
        leave()
        return out
    }

    /// Parses an object keeping members in document order; a repeated key keeps its first position
    /// and takes the last value (what most JSON parsers do).
    mutating func parseObject() throws(JSONParseFailure) -> JSONObject {
        try expect(UInt8(ascii: "{"), "'{'")
        try enter()
        var out = JSONObject()
        if try peek() == UInt8(ascii: "}") {
            pos += 1
            leave()
            return out
        }
        var seen: Set<String>? = nil
        while true {
            let key = try parseString()
            try expect(UInt8(ascii: ":"), "':' after an object key")
            let value: JSONValue
            do throws(JSONParseFailure) {
                value = try parseValue()
            } catch {
                throw error.adding(.key(key))
            }
            Self.insert(key, value, into: &out, seen: &seen)
            let b = try peek()
            pos += 1
            if b == UInt8(ascii: "}") { break }
            guard b == UInt8(ascii: ",") else {
                pos -= 1
                throw unexpected("',' or '}'")
            }
        }
        leave()
        return out
    }

    /// Appends a member, checking for duplicates linearly while the object is small and with a set
    /// beyond that, so objects with many keys stay linear.
    @inline(__always) static func insert(_ key: String, _ value: JSONValue, into object: inout JSONObject, seen: inout Set<String>?) {
        if object.count < 16 {
            if object.keys.contains(key) { object[key] = value } else { object.appendUnchecked(key, value) }
            return
        }
        if seen == nil { seen = Set(object.keys) }
        if seen!.insert(key).inserted { object.appendUnchecked(key, value) } else { object[key] = value }
    }

    /// Skips one JSON value, validating its syntax without building anything.
    mutating func skipValue() throws(JSONParseFailure) {
        switch try peek() {
        case UInt8(ascii: "\""): _ = try scanString()
        case UInt8(ascii: "t"): try parseLiteral("true")
        case UInt8(ascii: "f"): try parseLiteral("false")
        case UInt8(ascii: "n"): try parseLiteral("null")
        case UInt8(ascii: "["):
            pos += 1
            try enter()
            if try peek() == UInt8(ascii: "]") {
                pos += 1
            } else {
                while true {
                    try skipValue()
                    let b = try peek()
                    pos += 1
                    if b == UInt8(ascii: "]") { break }
                    guard b == UInt8(ascii: ",") else {
                        pos -= 1
                        throw unexpected("',' or ']'")
                    }
                }
            }
            leave()
        case UInt8(ascii: "{"):
            pos += 1
            try enter()
            if try peek() == UInt8(ascii: "}") {
                pos += 1
            } else {
                while true {
                    _ = try scanString()
                    try expect(UInt8(ascii: ":"), "':' after an object key")
                    try skipValue()
                    let b = try peek()
                    pos += 1
                    if b == UInt8(ascii: "}") { break }
                    guard b == UInt8(ascii: ",") else {
                        pos -= 1
                        throw unexpected("',' or '}'")
                    }
                }
            }
            leave()
        default:
            _ = try parseNumber()
        }
    }

    // MARK: - Locations

    /// 1-based line and column (in characters: UTF-8 continuation bytes are not counted) of `offset`.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        let end = min(offset, count)
        var i = 0
        while i < end {
            if base[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        i = lineStart
        while i < end {
            if base[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }
}
