import CGDAL
import GeoCore

/// The part of GDAL's C API that Standort calls, resolved from `libgdal` when a GDAL format is first used
/// (``GDALRuntime/load(for:)``), not linked: most runs read and write only the formats Standort parses
/// itself (GeoJSON, CSV), and linking GDAL made every run load ≈ 130 libraries at start-up (issue 15).
///
/// Each property has the type Swift imports for the C declaration in `Sources/CGDAL` (the headers are still
/// compiled against, for the handle types and constants), so call sites read like the C API:
/// `OGR_F_GetFieldAsDouble(feature, index)`.
struct GDALFunctions: Sendable {
    let CPLErrorReset: @convention(c) () -> Void
    let CPLGetErrorHandlerUserData: @convention(c) () -> UnsafeMutableRawPointer?
    let CPLGetThreadLocalConfigOption: @convention(c) (UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> UnsafePointer<CChar>?
    let CPLPopErrorHandler: @convention(c) () -> Void
    let CPLPushErrorHandlerEx: @convention(c) (CPLErrorHandler?, UnsafeMutableRawPointer?) -> Void
    let CPLSetThreadLocalConfigOption: @convention(c) (UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Void
    let CSLAddString: @convention(c) (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafePointer<CChar>?) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    let CSLDestroy: @convention(c) (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Void
    let GDALAllRegister: @convention(c) () -> Void
    let GDALClose: @convention(c) (GDALDatasetH?) -> Void
    let GDALCreate: @convention(c) (GDALDriverH?, UnsafePointer<CChar>?, Int32, Int32, Int32, GDALDataType, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> GDALDatasetH?
    let GDALDatasetCommitTransaction: @convention(c) (GDALDatasetH?) -> Int32
    let GDALDatasetCreateLayer: @convention(c) (GDALDatasetH?, UnsafePointer<CChar>?, OGRSpatialReferenceH?, OGRwkbGeometryType, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> OGRLayerH?
    let GDALDatasetGetLayer: @convention(c) (GDALDatasetH?, Int32) -> OGRLayerH?
    let GDALDatasetGetLayerByName: @convention(c) (GDALDatasetH?, UnsafePointer<CChar>?) -> OGRLayerH?
    let GDALDatasetGetLayerCount: @convention(c) (GDALDatasetH?) -> Int32
    let GDALDatasetStartTransaction: @convention(c) (GDALDatasetH?, Int32) -> Int32
    let GDALGetDatasetDriver: @convention(c) (GDALDatasetH?) -> GDALDriverH?
    let GDALGetDriver: @convention(c) (Int32) -> GDALDriverH?
    let GDALGetDriverByName: @convention(c) (UnsafePointer<CChar>?) -> GDALDriverH?
    let GDALGetDriverCount: @convention(c) () -> Int32
    let GDALGetDriverShortName: @convention(c) (GDALDriverH?) -> UnsafePointer<CChar>?
    let GDALGetMetadataItem: @convention(c) (GDALMajorObjectH?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> UnsafePointer<CChar>?
    let GDALIdentifyDriverEx: @convention(c) (UnsafePointer<CChar>?, UInt32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<UnsafePointer<CChar>?>?) -> GDALDriverH?
    let GDALOpenEx: @convention(c) (UnsafePointer<CChar>?, UInt32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<UnsafePointer<CChar>?>?) -> GDALDatasetH?
    let GDALSetMetadataItem: @convention(c) (GDALMajorObjectH?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> CPLErr
    let GDALVersionInfo: @convention(c) (UnsafePointer<CChar>?) -> UnsafePointer<CChar>?
    let OGR_FD_GetFieldCount: @convention(c) (OGRFeatureDefnH?) -> Int32
    let OGR_FD_GetFieldDefn: @convention(c) (OGRFeatureDefnH?, Int32) -> OGRFieldDefnH?
    let OGR_F_Create: @convention(c) (OGRFeatureDefnH?) -> OGRFeatureH?
    let OGR_F_Destroy: @convention(c) (OGRFeatureH?) -> Void
    let OGR_F_GetFID: @convention(c) (OGRFeatureH?) -> Int64
    let OGR_F_GetFieldAsBinary: @convention(c) (OGRFeatureH?, Int32, UnsafeMutablePointer<Int32>?) -> UnsafeMutablePointer<UInt8>?
    let OGR_F_GetFieldAsDateTimeEx: @convention(c) (OGRFeatureH?, Int32, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Float>?, UnsafeMutablePointer<Int32>?) -> Int32
    let OGR_F_GetFieldAsDouble: @convention(c) (OGRFeatureH?, Int32) -> Double
    let OGR_F_GetFieldAsDoubleList: @convention(c) (OGRFeatureH?, Int32, UnsafeMutablePointer<Int32>?) -> UnsafePointer<Double>?
    let OGR_F_GetFieldAsInteger: @convention(c) (OGRFeatureH?, Int32) -> Int32
    let OGR_F_GetFieldAsInteger64: @convention(c) (OGRFeatureH?, Int32) -> Int64
    let OGR_F_GetFieldAsInteger64List: @convention(c) (OGRFeatureH?, Int32, UnsafeMutablePointer<Int32>?) -> UnsafePointer<Int64>?
    let OGR_F_GetFieldAsIntegerList: @convention(c) (OGRFeatureH?, Int32, UnsafeMutablePointer<Int32>?) -> UnsafePointer<Int32>?
    let OGR_F_GetFieldAsString: @convention(c) (OGRFeatureH?, Int32) -> UnsafePointer<CChar>?
    let OGR_F_GetFieldAsStringList: @convention(c) (OGRFeatureH?, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    let OGR_F_GetGeometryRef: @convention(c) (OGRFeatureH?) -> OGRGeometryH?
    let OGR_F_IsFieldSetAndNotNull: @convention(c) (OGRFeatureH?, Int32) -> Int32
    let OGR_F_SetFieldDouble: @convention(c) (OGRFeatureH?, Int32, Double) -> Void
    let OGR_F_SetFieldInteger: @convention(c) (OGRFeatureH?, Int32, Int32) -> Void
    let OGR_F_SetFieldInteger64: @convention(c) (OGRFeatureH?, Int32, Int64) -> Void
    let OGR_F_SetFieldNull: @convention(c) (OGRFeatureH?, Int32) -> Void
    let OGR_F_SetFieldString: @convention(c) (OGRFeatureH?, Int32, UnsafePointer<CChar>?) -> Void
    let OGR_F_SetGeometryDirectly: @convention(c) (OGRFeatureH?, OGRGeometryH?) -> Int32
    let OGR_Fld_Create: @convention(c) (UnsafePointer<CChar>?, OGRFieldType) -> OGRFieldDefnH?
    let OGR_Fld_Destroy: @convention(c) (OGRFieldDefnH?) -> Void
    let OGR_Fld_GetNameRef: @convention(c) (OGRFieldDefnH?) -> UnsafePointer<CChar>?
    let OGR_Fld_GetSubType: @convention(c) (OGRFieldDefnH?) -> OGRFieldSubType
    let OGR_Fld_GetType: @convention(c) (OGRFieldDefnH?) -> OGRFieldType
    let OGR_Fld_SetSubType: @convention(c) (OGRFieldDefnH?, OGRFieldSubType) -> Void
    let OGR_GT_Flatten: @convention(c) (OGRwkbGeometryType) -> OGRwkbGeometryType
    let OGR_G_AddGeometryDirectly: @convention(c) (OGRGeometryH?, OGRGeometryH?) -> Int32
    let OGR_G_Clone: @convention(c) (OGRGeometryH?) -> OGRGeometryH?
    let OGR_G_CreateGeometry: @convention(c) (OGRwkbGeometryType) -> OGRGeometryH?
    let OGR_G_DestroyGeometry: @convention(c) (OGRGeometryH?) -> Void
    let OGR_G_ForceTo: @convention(c) (OGRGeometryH?, OGRwkbGeometryType, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> OGRGeometryH?
    let OGR_G_GetGeometryCount: @convention(c) (OGRGeometryH?) -> Int32
    let OGR_G_GetGeometryName: @convention(c) (OGRGeometryH?) -> UnsafePointer<CChar>?
    let OGR_G_GetGeometryRef: @convention(c) (OGRGeometryH?, Int32) -> OGRGeometryH?
    let OGR_G_GetGeometryType: @convention(c) (OGRGeometryH?) -> OGRwkbGeometryType
    let OGR_G_GetLinearGeometry: @convention(c) (OGRGeometryH?, Double, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> OGRGeometryH?
    let OGR_G_GetPointCount: @convention(c) (OGRGeometryH?) -> Int32
    let OGR_G_GetPoints: @convention(c) (OGRGeometryH?, UnsafeMutableRawPointer?, Int32, UnsafeMutableRawPointer?, Int32, UnsafeMutableRawPointer?, Int32) -> Int32
    let OGR_G_GetX: @convention(c) (OGRGeometryH?, Int32) -> Double
    let OGR_G_GetY: @convention(c) (OGRGeometryH?, Int32) -> Double
    let OGR_G_IsEmpty: @convention(c) (OGRGeometryH?) -> Int32
    let OGR_G_SetPoint_2D: @convention(c) (OGRGeometryH?, Int32, Double, Double) -> Void
    let OGR_G_SetPoints: @convention(c) (OGRGeometryH?, Int32, UnsafeRawPointer?, Int32, UnsafeRawPointer?, Int32, UnsafeRawPointer?, Int32) -> Void
    let OGR_L_CreateFeature: @convention(c) (OGRLayerH?, OGRFeatureH?) -> Int32
    let OGR_L_CreateField: @convention(c) (OGRLayerH?, OGRFieldDefnH?, Int32) -> Int32
    let OGR_L_GetFIDColumn: @convention(c) (OGRLayerH?) -> UnsafePointer<CChar>?
    let OGR_L_GetFeatureCount: @convention(c) (OGRLayerH?, Int32) -> Int64
    let OGR_L_GetGeomType: @convention(c) (OGRLayerH?) -> OGRwkbGeometryType
    let OGR_L_GetLayerDefn: @convention(c) (OGRLayerH?) -> OGRFeatureDefnH?
    let OGR_L_GetName: @convention(c) (OGRLayerH?) -> UnsafePointer<CChar>?
    let OGR_L_GetNextFeature: @convention(c) (OGRLayerH?) -> OGRFeatureH?
    let OGR_L_GetSpatialRef: @convention(c) (OGRLayerH?) -> OGRSpatialReferenceH?
    let OGR_L_ResetReading: @convention(c) (OGRLayerH?) -> Void
    let OSRAutoIdentifyEPSG: @convention(c) (OGRSpatialReferenceH?) -> Int32
    let OSRClone: @convention(c) (OGRSpatialReferenceH?) -> OGRSpatialReferenceH?
    let OSRExportToWktEx: @convention(c) (OGRSpatialReferenceH?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafePointer<UnsafePointer<CChar>?>?) -> Int32
    let OSRGetAuthorityCode: @convention(c) (OGRSpatialReferenceH?, UnsafePointer<CChar>?) -> UnsafePointer<CChar>?
    let OSRGetAuthorityName: @convention(c) (OGRSpatialReferenceH?, UnsafePointer<CChar>?) -> UnsafePointer<CChar>?
    let OSRNewSpatialReference: @convention(c) (UnsafePointer<CChar>?) -> OGRSpatialReferenceH?
    let OSRRelease: @convention(c) (OGRSpatialReferenceH?) -> Void
    let OSRSetAxisMappingStrategy: @convention(c) (OGRSpatialReferenceH?, OSRAxisMappingStrategy) -> Void
    let OSRSetFromUserInput: @convention(c) (OGRSpatialReferenceH?, UnsafePointer<CChar>?) -> Int32
    let VSIFree: @convention(c) (UnsafeMutableRawPointer?) -> Void

    /// Resolves every function from `library`; fails on the first one it lacks.
    init(_ library: DynamicLibrary) throws(DynamicLibrary.LoadError) {
        CPLErrorReset = try library.function("CPLErrorReset")
        CPLGetErrorHandlerUserData = try library.function("CPLGetErrorHandlerUserData")
        CPLGetThreadLocalConfigOption = try library.function("CPLGetThreadLocalConfigOption")
        CPLPopErrorHandler = try library.function("CPLPopErrorHandler")
        CPLPushErrorHandlerEx = try library.function("CPLPushErrorHandlerEx")
        CPLSetThreadLocalConfigOption = try library.function("CPLSetThreadLocalConfigOption")
        CSLAddString = try library.function("CSLAddString")
        CSLDestroy = try library.function("CSLDestroy")
        GDALAllRegister = try library.function("GDALAllRegister")
        GDALClose = try library.function("GDALClose")
        GDALCreate = try library.function("GDALCreate")
        GDALDatasetCommitTransaction = try library.function("GDALDatasetCommitTransaction")
        GDALDatasetCreateLayer = try library.function("GDALDatasetCreateLayer")
        GDALDatasetGetLayer = try library.function("GDALDatasetGetLayer")
        GDALDatasetGetLayerByName = try library.function("GDALDatasetGetLayerByName")
        GDALDatasetGetLayerCount = try library.function("GDALDatasetGetLayerCount")
        GDALDatasetStartTransaction = try library.function("GDALDatasetStartTransaction")
        GDALGetDatasetDriver = try library.function("GDALGetDatasetDriver")
        GDALGetDriver = try library.function("GDALGetDriver")
        GDALGetDriverByName = try library.function("GDALGetDriverByName")
        GDALGetDriverCount = try library.function("GDALGetDriverCount")
        GDALGetDriverShortName = try library.function("GDALGetDriverShortName")
        GDALGetMetadataItem = try library.function("GDALGetMetadataItem")
        GDALIdentifyDriverEx = try library.function("GDALIdentifyDriverEx")
        GDALOpenEx = try library.function("GDALOpenEx")
        GDALSetMetadataItem = try library.function("GDALSetMetadataItem")
        GDALVersionInfo = try library.function("GDALVersionInfo")
        OGR_FD_GetFieldCount = try library.function("OGR_FD_GetFieldCount")
        OGR_FD_GetFieldDefn = try library.function("OGR_FD_GetFieldDefn")
        OGR_F_Create = try library.function("OGR_F_Create")
        OGR_F_Destroy = try library.function("OGR_F_Destroy")
        OGR_F_GetFID = try library.function("OGR_F_GetFID")
        OGR_F_GetFieldAsBinary = try library.function("OGR_F_GetFieldAsBinary")
        OGR_F_GetFieldAsDateTimeEx = try library.function("OGR_F_GetFieldAsDateTimeEx")
        OGR_F_GetFieldAsDouble = try library.function("OGR_F_GetFieldAsDouble")
        OGR_F_GetFieldAsDoubleList = try library.function("OGR_F_GetFieldAsDoubleList")
        OGR_F_GetFieldAsInteger = try library.function("OGR_F_GetFieldAsInteger")
        OGR_F_GetFieldAsInteger64 = try library.function("OGR_F_GetFieldAsInteger64")
        OGR_F_GetFieldAsInteger64List = try library.function("OGR_F_GetFieldAsInteger64List")
        OGR_F_GetFieldAsIntegerList = try library.function("OGR_F_GetFieldAsIntegerList")
        OGR_F_GetFieldAsString = try library.function("OGR_F_GetFieldAsString")
        OGR_F_GetFieldAsStringList = try library.function("OGR_F_GetFieldAsStringList")
        OGR_F_GetGeometryRef = try library.function("OGR_F_GetGeometryRef")
        OGR_F_IsFieldSetAndNotNull = try library.function("OGR_F_IsFieldSetAndNotNull")
        OGR_F_SetFieldDouble = try library.function("OGR_F_SetFieldDouble")
        OGR_F_SetFieldInteger = try library.function("OGR_F_SetFieldInteger")
        OGR_F_SetFieldInteger64 = try library.function("OGR_F_SetFieldInteger64")
        OGR_F_SetFieldNull = try library.function("OGR_F_SetFieldNull")
        OGR_F_SetFieldString = try library.function("OGR_F_SetFieldString")
        OGR_F_SetGeometryDirectly = try library.function("OGR_F_SetGeometryDirectly")
        OGR_Fld_Create = try library.function("OGR_Fld_Create")
        OGR_Fld_Destroy = try library.function("OGR_Fld_Destroy")
        OGR_Fld_GetNameRef = try library.function("OGR_Fld_GetNameRef")
        OGR_Fld_GetSubType = try library.function("OGR_Fld_GetSubType")
        OGR_Fld_GetType = try library.function("OGR_Fld_GetType")
        OGR_Fld_SetSubType = try library.function("OGR_Fld_SetSubType")
        OGR_GT_Flatten = try library.function("OGR_GT_Flatten")
        OGR_G_AddGeometryDirectly = try library.function("OGR_G_AddGeometryDirectly")
        OGR_G_Clone = try library.function("OGR_G_Clone")
        OGR_G_CreateGeometry = try library.function("OGR_G_CreateGeometry")
        OGR_G_DestroyGeometry = try library.function("OGR_G_DestroyGeometry")
        OGR_G_ForceTo = try library.function("OGR_G_ForceTo")
        OGR_G_GetGeometryCount = try library.function("OGR_G_GetGeometryCount")
        OGR_G_GetGeometryName = try library.function("OGR_G_GetGeometryName")
        OGR_G_GetGeometryRef = try library.function("OGR_G_GetGeometryRef")
        OGR_G_GetGeometryType = try library.function("OGR_G_GetGeometryType")
        OGR_G_GetLinearGeometry = try library.function("OGR_G_GetLinearGeometry")
        OGR_G_GetPointCount = try library.function("OGR_G_GetPointCount")
        OGR_G_GetPoints = try library.function("OGR_G_GetPoints")
        OGR_G_GetX = try library.function("OGR_G_GetX")
        OGR_G_GetY = try library.function("OGR_G_GetY")
        OGR_G_IsEmpty = try library.function("OGR_G_IsEmpty")
        OGR_G_SetPoint_2D = try library.function("OGR_G_SetPoint_2D")
        OGR_G_SetPoints = try library.function("OGR_G_SetPoints")
        OGR_L_CreateFeature = try library.function("OGR_L_CreateFeature")
        OGR_L_CreateField = try library.function("OGR_L_CreateField")
        OGR_L_GetFIDColumn = try library.function("OGR_L_GetFIDColumn")
        OGR_L_GetFeatureCount = try library.function("OGR_L_GetFeatureCount")
        OGR_L_GetGeomType = try library.function("OGR_L_GetGeomType")
        OGR_L_GetLayerDefn = try library.function("OGR_L_GetLayerDefn")
        OGR_L_GetName = try library.function("OGR_L_GetName")
        OGR_L_GetNextFeature = try library.function("OGR_L_GetNextFeature")
        OGR_L_GetSpatialRef = try library.function("OGR_L_GetSpatialRef")
        OGR_L_ResetReading = try library.function("OGR_L_ResetReading")
        OSRAutoIdentifyEPSG = try library.function("OSRAutoIdentifyEPSG")
        OSRClone = try library.function("OSRClone")
        OSRExportToWktEx = try library.function("OSRExportToWktEx")
        OSRGetAuthorityCode = try library.function("OSRGetAuthorityCode")
        OSRGetAuthorityName = try library.function("OSRGetAuthorityName")
        OSRNewSpatialReference = try library.function("OSRNewSpatialReference")
        OSRRelease = try library.function("OSRRelease")
        OSRSetAxisMappingStrategy = try library.function("OSRSetAxisMappingStrategy")
        OSRSetFromUserInput = try library.function("OSRSetFromUserInput")
        VSIFree = try library.function("VSIFree")
    }
}
