extension JSONValue {
    /// The value as compact JSON text, written by the same code as GeoJSON output
    /// (e.g. for a nested property in a CSV cell).
    public var jsonText: String {
        var out: [UInt8] = []
        GeoJSONWriter.appendValue(self, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
