/// The field separator of a CSV file.
public enum CSVDelimiter: UInt8, Sendable, CaseIterable {
    case comma = 0x2C
    /// Common in German exports, where the comma is the decimal separator.
    case semicolon = 0x3B

    /// The delimiter used more often outside quotes in `line` (the header); comma on a tie.
    static func detect(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> CSVDelimiter {
        var commas = 0, semicolons = 0, inQuotes = false
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes {
                if b == 0x0A || b == 0x0D { break }
                if b == 0x2C { commas += 1 } else if b == 0x3B { semicolons += 1 }
            }
            i += 1
        }
        return semicolons > commas ? .semicolon : .comma
    }
}
