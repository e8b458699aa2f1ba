import CGDAL

/// A NULL-terminated `char**` list (`CSLAddString`), owned by this value and freed with `CSLDestroy`;
/// GDAL takes option lists in this form (`KEY=VALUE` entries).
final class CPLStringList {
    private(set) var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    init(_ entries: [String] = []) {
        for entry in entries { list = gdal.CSLAddString(list, entry) }
    }

    deinit { gdal.CSLDestroy(list) }

    /// The list as GDAL's `CSLConstList`, valid while `self` is alive.
    var constList: UnsafePointer<UnsafePointer<CChar>?>? {
        list.map { UnsafeRawPointer($0).assumingMemoryBound(to: UnsafePointer<CChar>?.self) }
    }
}
