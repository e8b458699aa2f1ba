import CGDAL

/// GDAL configuration options set for the current thread only (`CPLSetThreadLocalConfigOption`) while `body`
/// runs, then restored, so concurrent readers and writers never see each other's settings.
enum GDALConfiguration {
    static func with<T, E: Error>(_ options: [(key: String, value: String)], _ body: () throws(E) -> T) throws(E) -> T {
        let previous = options.map { option in gdal.CPLGetThreadLocalConfigOption(option.key, nil).map { String(cString: $0) } }
        for option in options { gdal.CPLSetThreadLocalConfigOption(option.key, option.value) }
        defer {
            for (option, old) in zip(options, previous) { gdal.CPLSetThreadLocalConfigOption(option.key, old) }
        }
        return try body()
    }

    /// What every read sets: spreadsheets (XLSX, ODS) have a header row. GDAL 3.6 guesses it otherwise
    /// (`HEADERS=AUTO`), and a sheet whose columns are all text would lose its column names.
    static let reading: [(key: String, value: String)] = [("OGR_XLSX_HEADERS", "FORCE"), ("OGR_ODS_HEADERS", "FORCE")]
}
