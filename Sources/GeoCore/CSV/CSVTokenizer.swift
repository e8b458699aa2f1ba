/// Splits CSV bytes into records of field ranges (RFC 4180: quoted fields may contain the delimiter,
/// doubled quotes and line breaks; records end with LF, CRLF or CR). No field is copied until the
/// reader asks for its value.
struct CSVTokenizer {
    struct Field {
        var start: Int
        var end: Int
        var quoted: Bool
        /// Whether the quoted field contains `""` that must be turned into `"`.
        var hasDoubledQuotes: Bool
    }

    struct Failure: Error {
        var reason: CSVError.Reason
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    var pos: Int
    /// 1-based line of the next byte.
    var line = 1
    /// 1-based line where the record being read starts (for errors thrown while reading it).
    var recordLine = 1

    init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, start: Int) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.pos = start
    }

    /// Reads the next non-blank record into `fields`; returns its starting line, or nil at the end.
    mutating func nextRecord(into fields: inout [Field]) throws(Failure) -> Int? {
        while pos < bytes.count {
            recordLine = line
            fields.removeAll(keepingCapacity: true)
            try readRecord(into: &fields)
            // Blank lines (one empty unquoted field) are skipped, notably trailing ones.
            if fields.count == 1 && !fields[0].quoted && fields[0].start == fields[0].end { continue }
            return recordLine
        }
        return nil
    }

    private mutating func readRecord(into fields: inout [Field]) throws(Failure) {
        let n = bytes.count
        while true {
            var field: Field
            if pos < n && bytes[pos] == UInt8(ascii: "\"") {
                pos += 1
                let start = pos
                var doubled = false
                while true {
                    guard pos < n else { throw Failure(reason: .unterminatedQuote) }
                    let b = bytes[pos]
                    if b == UInt8(ascii: "\"") {
                        if pos + 1 < n && bytes[pos + 1] == UInt8(ascii: "\"") {
                            doubled = true
                            pos += 2
                            continue
                        }
                        break
                    }
                    if b == 0x0A { line += 1 }
                    pos += 1
                }
                field = Field(start: start, end: pos, quoted: true, hasDoubledQuotes: doubled)
                pos += 1
                if pos < n {
                    let b = bytes[pos]
                    guard b == delimiter || b == 0x0A || b == 0x0D else { throw Failure(reason: .textAfterClosingQuote) }
                }
            } else {
                let start = pos
                while pos < n {
                    let b = bytes[pos]
                    if b == delimiter || b == 0x0A || b == 0x0D { break }
                    pos += 1
                }
                field = Field(start: start, end: pos, quoted: false, hasDoubledQuotes: false)
            }
            fields.append(field)
            guard pos < n else { return }
            let b = bytes[pos]
            pos += 1
            if b == delimiter { continue }
            if b == 0x0D && pos < n && bytes[pos] == 0x0A { pos += 1 }
            line += 1
            return
        }
    }
}
