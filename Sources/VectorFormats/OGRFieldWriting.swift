import CGDAL
import GeoCore

/// Creates a layer's declared columns and sets their values on features, checking each value against its
/// declared ``VectorFieldType``.
///
/// | type | accepted values | written as |
/// |---|---|---|
/// | integer | whole numbers within ±2^53 | `OFTInteger`, or `OFTInteger64` when a value needs more than 32 bits |
/// | real | numbers (non-finite ones as null) | `OFTReal` |
/// | boolean | `true`/`false` | `OFTInteger` + `OFSTBoolean` |
/// | text | anything: strings as they are, other values as their JSON text | `OFTString` |
///
/// `null` and a missing property are a null cell in every type. Anything else is a
/// ``VectorFormatError/Reason/fieldTypeMismatch(field:expected:value:featureIndex:)``.
struct OGRFieldWriting {
    let fields: [VectorField]

    /// Checks that the names are usable: not empty, distinct ignoring case (SQLite and spreadsheets compare
    /// column names that way), and not one of `reserved` (a GeoPackage's own `fid`/`geom` columns).
    static func validate(_ fields: [VectorField], reserved: [String], path: String) throws(VectorFormatError) {
        var seen: Set<String> = []
        for field in fields {
            let key = field.name.lowercased()
            guard !key.isEmpty else { throw VectorFormatError(.invalidSchema("a field has an empty name"), path: path) }
            guard !reserved.contains(key) else {
                throw VectorFormatError(.invalidSchema("the field name '\(field.name)' is reserved for the file's own \(key) column; rename the property"), path: path)
            }
            guard seen.insert(key).inserted else {
                throw VectorFormatError(.invalidSchema("the field '\(field.name)' is declared twice (names are compared ignoring case)"), path: path)
            }
        }
    }

    /// Creates the columns on `layer` (`OGR_L_CreateField`), in order. `rows` are the values the columns will
    /// hold, used to pick 32- or 64-bit integers.
    func createColumns(on layer: OGRLayerH, rows: [[JSONValue]], path: String, diagnostics: GDALDiagnostics) throws(VectorFormatError) {
        for (c, field) in fields.enumerated() {
            let type: OGRFieldType
            switch field.type {
            case .integer:
                let wide = rows.contains { row in
                    if c < row.count, case .number(let x) = row[c] { return x < Double(Int32.min) || x > Double(Int32.max) }
                    return false
                }
                type = wide ? OFTInteger64 : OFTInteger
            case .real: type = OFTReal
            case .boolean: type = OFTInteger
            case .text: type = OFTString
            }
            guard let definition = gdal.OGR_Fld_Create(field.name, type) else {
                throw VectorFormatError(.writeFailed(message: diagnostics.lastMessage ?? "cannot define field '\(field.name)'"), path: path)
            }
            defer { gdal.OGR_Fld_Destroy(definition) }
            if field.type == .boolean { gdal.OGR_Fld_SetSubType(definition, OFSTBoolean) }
            guard gdal.OGR_L_CreateField(layer, definition, 0) == OGRERR_NONE else {
                throw VectorFormatError(.writeFailed(message: diagnostics.lastMessage ?? "cannot create field '\(field.name)'"), path: path)
            }
        }
    }

    /// Sets `row[i]` as the value of column `i` of `feature`.
    func setValues(_ row: [JSONValue], on feature: OGRFeatureH, featureIndex: Int, path: String) throws(VectorFormatError) {
        for (c, field) in fields.enumerated() {
            let value = c < row.count ? row[c] : .null
            let i = Int32(c)
            func mismatch() -> VectorFormatError {
                VectorFormatError(.fieldTypeMismatch(field: field.name, expected: field.type, value: value.jsonText, featureIndex: featureIndex), path: path)
            }
            if case .null = value { gdal.OGR_F_SetFieldNull(feature, i); continue }
            switch field.type {
            case .integer:
                guard case .number(let x) = value, x == x.rounded(), abs(x) <= 9_007_199_254_740_992 else { throw mismatch() }
                gdal.OGR_F_SetFieldInteger64(feature, i, Int64(x))
            case .real:
                guard case .number(let x) = value else { throw mismatch() }
                if x.isFinite { gdal.OGR_F_SetFieldDouble(feature, i, x) } else { gdal.OGR_F_SetFieldNull(feature, i) }
            case .boolean:
                guard case .bool(let b) = value else { throw mismatch() }
                gdal.OGR_F_SetFieldInteger(feature, i, b ? 1 : 0)
            case .text:
                if case .string(let s) = value { gdal.OGR_F_SetFieldString(feature, i, s) } else { gdal.OGR_F_SetFieldString(feature, i, value.jsonText) }
            }
        }
    }
}
