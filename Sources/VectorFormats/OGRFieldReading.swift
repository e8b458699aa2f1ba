import CGDAL
import Foundation
import GeoCore

/// Reads a feature's attribute values as GeoCore ``JSONValue``s, keeping their types:
///
/// | OGR field | JSONValue |
/// |---|---|
/// | Integer (subtype Boolean) | `.bool` |
/// | Integer, Integer64, Real | `.number` |
/// | String (any subtype) | `.string` |
/// | Date / Time / DateTime | `.string`, ISO 8601 (`2024-05-01`, `12:30:00`, `2024-05-01T12:30:00Z`) |
/// | IntegerList, Integer64List, RealList, StringList | `.array` |
/// | Binary | `.string`, Base64 |
/// | unset or null | `.null` |
///
/// Every field of the layer is present in every feature's properties, in the layer's field order.
struct OGRFieldReading {
    private struct Column {
        var name: String
        var type: OGRFieldType
        var isBoolean: Bool
    }

    private let columns: [Column]

    /// The field names, in the layer's order.
    var names: [String] { columns.map(\.name) }

    /// The columns with the nearest writer type: integers (32 or 64 bit) `integer`, booleans `boolean`, reals
    /// `real`, everything else (text, dates, lists, binary) `text`.
    var schema: [VectorField] {
        columns.map { column in
            let type: VectorFieldType = switch column.type {
            case OFTInteger, OFTInteger64: column.isBoolean ? .boolean : .integer
            case OFTReal: .real
            default: .text
            }
            return VectorField(column.name, type)
        }
    }

    /// The schema of `layer` (`OGR_L_GetLayerDefn`).
    init(layer: OGRLayerH) {
        let definition = gdal.OGR_L_GetLayerDefn(layer)
        let count = definition.map { Int(gdal.OGR_FD_GetFieldCount($0)) } ?? 0
        columns = (0..<count).map { i in
            let field = gdal.OGR_FD_GetFieldDefn(definition, Int32(i))
            return Column(
                name: OGRFieldReading.decode(gdal.OGR_Fld_GetNameRef(field)),
                type: gdal.OGR_Fld_GetType(field),
                isBoolean: gdal.OGR_Fld_GetSubType(field) == OFSTBoolean
            )
        }
    }

    /// The properties of `feature`.
    func properties(of feature: OGRFeatureH) -> JSONObject {
        var values: [JSONValue] = []
        values.reserveCapacity(columns.count)
        for (i, column) in columns.enumerated() {
            values.append(value(of: feature, field: Int32(i), column: column))
        }
        return JSONObject(uncheckedKeys: names, values: values)
    }

    private func value(of feature: OGRFeatureH, field i: Int32, column: Column) -> JSONValue {
        guard gdal.OGR_F_IsFieldSetAndNotNull(feature, i) != 0 else { return .null }
        switch column.type {
        case OFTInteger:
            let n = gdal.OGR_F_GetFieldAsInteger(feature, i)
            return column.isBoolean ? .bool(n != 0) : .number(Double(n))
        case OFTInteger64:
            let n = gdal.OGR_F_GetFieldAsInteger64(feature, i)
            return column.isBoolean ? .bool(n != 0) : .number(Double(n))
        case OFTReal:
            return .number(gdal.OGR_F_GetFieldAsDouble(feature, i))
        case OFTDate, OFTTime, OFTDateTime:
            return .string(isoText(of: feature, field: i, type: column.type))
        case OFTIntegerList:
            var count: Int32 = 0
            guard let list = gdal.OGR_F_GetFieldAsIntegerList(feature, i, &count) else { return .array([]) }
            return .array((0..<Int(count)).map { column.isBoolean ? .bool(list[$0] != 0) : .number(Double(list[$0])) })
        case OFTInteger64List:
            var count: Int32 = 0
            guard let list = gdal.OGR_F_GetFieldAsInteger64List(feature, i, &count) else { return .array([]) }
            return .array((0..<Int(count)).map { .number(Double(list[$0])) })
        case OFTRealList:
            var count: Int32 = 0
            guard let list = gdal.OGR_F_GetFieldAsDoubleList(feature, i, &count) else { return .array([]) }
            return .array((0..<Int(count)).map { .number(list[$0]) })
        case OFTStringList:
            guard let list = gdal.OGR_F_GetFieldAsStringList(feature, i) else { return .array([]) }
            var out: [JSONValue] = []
            var k = 0
            while let item = list[k] { out.append(.string(OGRFieldReading.decode(item))); k += 1 }
            return .array(out)
        case OFTBinary:
            var count: Int32 = 0
            guard let bytes = gdal.OGR_F_GetFieldAsBinary(feature, i, &count) else { return .string("") }
            return .string(Data(bytes: bytes, count: Int(count)).base64EncodedString())
        default:
            return .string(OGRFieldReading.decode(gdal.OGR_F_GetFieldAsString(feature, i)))
        }
    }

    /// ISO 8601 text from `OGR_F_GetFieldAsDateTimeEx`: the date, the time, or both joined by `T`, with
    /// fractional seconds only when present and the time zone when the value carries one
    /// (OGR's TZ flag: 100 = UTC, 100 ± n = n quarter hours east/west; 0/1 = unknown/local: none written).
    private func isoText(of feature: OGRFeatureH, field i: Int32, type: OGRFieldType) -> String {
        var year: Int32 = 0, month: Int32 = 0, day: Int32 = 0, hour: Int32 = 0, minute: Int32 = 0, tz: Int32 = 0
        var second: Float = 0
        guard gdal.OGR_F_GetFieldAsDateTimeEx(feature, i, &year, &month, &day, &hour, &minute, &second, &tz) != 0 else {
            return OGRFieldReading.decode(gdal.OGR_F_GetFieldAsString(feature, i))
        }
        let date = String(format: "%04d-%02d-%02d", year, month, day)
        let whole = Int(second)
        let fraction = Int((Double(second) - Double(whole)) * 1000 + 0.5)
        var time = String(format: "%02d:%02d:%02d", hour, minute, whole)
        if fraction > 0 { time += String(format: ".%03d", fraction) }
        if tz == 100 {
            time += "Z"
        } else if tz > 1 {
            let quarters = Int(tz) - 100
            time += String(format: "%@%02d:%02d", quarters < 0 ? "-" : "+", abs(quarters) / 4, abs(quarters) % 4 * 15)
        }
        switch type {
        case OFTDate: return date
        case OFTTime: return time
        default: return date + "T" + time
        }
    }

    /// Text from GDAL, which the drivers hand out as UTF-8 (Shapefile text is recoded from the `.cpg`/LDID
    /// encoding); bytes that are still not UTF-8 are taken as Windows-1252 rather than replaced.
    static func decode(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "" }
        if let valid = String(validatingCString: text) { return valid }
        let data = Data(bytes: text, count: strlen(text))
        return String(data: data, encoding: .windowsCP1252) ?? String(decoding: data, as: UTF8.self)
    }
}
