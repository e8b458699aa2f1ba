import XCTest
@testable import GeoCore

/// CRS parsing and metadata. Expected names, units and areas of use are PROJ 9.1's database entries as
/// printed by `projinfo EPSG:25832 -o PROJJSON -q` (bbox 6–12.01 E, 38.76–84.33 N; axes in metre) and
/// `projinfo EPSG:4326 -o PROJJSON -q` (bbox -180…180, -90…90).
final class CRSTests: XCTestCase {
    func testWGS84IsGeographicInDegrees() throws {
        let info = try CRS.wgs84.info()
        XCTAssertTrue(info.isGeographic)
        XCTAssertFalse(info.isProjected)
        XCTAssertEqual(info.unitName, "degree")
        XCTAssertEqual(info.name, "WGS 84")
        let area = try XCTUnwrap(info.areaOfUse)
        XCTAssertEqual(area, BoundingBox(minX: -180, minY: -90, maxX: 180, maxY: 90))
    }

    func testUTM32IsProjectedInMetresWithItsAreaOfUse() throws {
        let info = try CRS("EPSG:25832").info()
        XCTAssertTrue(info.isProjected)
        XCTAssertFalse(info.isGeographic)
        XCTAssertEqual(info.unitName, "metre")
        XCTAssertEqual(info.name, "ETRS89 / UTM zone 32N")
        XCTAssertEqual(info.geographicBase, CRS("EPSG:4258"))
        let area = try XCTUnwrap(info.areaOfUse)
        XCTAssertEqual(area.minX, 6, accuracy: 1e-9)
        XCTAssertEqual(area.maxX, 12.01, accuracy: 1e-9)
        XCTAssertEqual(area.minY, 38.76, accuracy: 1e-9)
        XCTAssertEqual(area.maxY, 84.33, accuracy: 1e-9)
        XCTAssertNoThrow(try CRS("EPSG:25832").requireProjected())
    }

    func testURNCRS84PROJStringAndWKTAreAccepted() throws {
        let urn = try CRS("urn:ogc:def:crs:EPSG::25833").info()
        XCTAssertEqual(urn.name, "ETRS89 / UTM zone 33N")
        XCTAssertTrue(urn.isProjected)

        let crs84 = try CRS.crs84.info()
        XCTAssertTrue(crs84.isGeographic)
        XCTAssertEqual(crs84.unitName, "degree")

        let projString = try CRS("+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs +type=crs").info()
        XCTAssertTrue(projString.isProjected)
        XCTAssertEqual(projString.unitName, "metre")

        // WKT1 of EPSG:25832 from `projinfo EPSG:25832 -o WKT1_GDAL -q --single-line`.
        let wkt = try CRS(Self.wkt25832).info()
        XCTAssertTrue(wkt.isProjected)
        XCTAssertEqual(wkt.name, "ETRS89 / UTM zone 32N")
    }

    func testGaussKruegerIsProjected() throws {
        let info = try CRS("EPSG:31468").info()
        XCTAssertTrue(info.isProjected)
        XCTAssertEqual(info.name, "DHDN / 3-degree Gauss-Kruger zone 4")
        XCTAssertEqual(info.geographicBase, CRS("EPSG:4314"))
    }

    func testUnknownCodeAndInvalidPROJStringThrow() {
        XCTAssertThrowsError(try CRS("EPSG:999999").info()) { error in
            guard case ProjectionError.unknownCRS(let definition, let message) = error else {
                return XCTFail("expected unknownCRS, got \(error)")
            }
            XCTAssertEqual(definition, "EPSG:999999")
            XCTAssertFalse(message.isEmpty)
            XCTAssertTrue("\(error)".contains("EPSG:999999"))
        }
        XCTAssertThrowsError(try CRS("+proj=doesnotexist +type=crs").info()) { error in
            guard case ProjectionError.unknownCRS = error else { return XCTFail("expected unknownCRS, got \(error)") }
        }
        // Cached failures must fail again, not turn into a success.
        XCTAssertThrowsError(try CRS("EPSG:999999").info())
    }

    func testOperationIsNotACRS() {
        XCTAssertThrowsError(try CRS("+proj=utm +zone=32 +ellps=GRS80").info()) { error in
            XCTAssertEqual(error as? ProjectionError, .notACRS(definition: "+proj=utm +zone=32 +ellps=GRS80"))
        }
    }

    func testRequireProjectedRejectsGeographic() {
        XCTAssertThrowsError(try CRS.wgs84.requireProjected()) { error in
            guard case ProjectionError.notProjected(let definition, let type) = error else {
                return XCTFail("expected notProjected, got \(error)")
            }
            XCTAssertEqual(definition, "EPSG:4326")
            XCTAssertEqual(type, "geographic 2D CRS")
        }
    }

    /// Zones by the UTM definition: zone = ⌊(lon + 180) / 6⌋ + 1, EPSG:326zz north / 327zz south,
    /// with the Norway (32V) and Svalbard (31X/33X/35X/37X) exceptions worked out by hand.
    func testUTMZone() {
        XCTAssertEqual(CRS.utmZone(lon: 10.78, lat: 52.42), CRS("EPSG:32632"))   // Wolfsburg: ⌊190.78/6⌋+1 = 32
        XCTAssertEqual(CRS.utmZone(lon: 12.5, lat: 51.4), CRS("EPSG:32633"))     // ⌊192.5/6⌋+1 = 33
        XCTAssertEqual(CRS.utmZone(lon: -43.2, lat: -22.9), CRS("EPSG:32723"))   // Rio: ⌊136.8/6⌋+1 = 23, south
        XCTAssertEqual(CRS.utmZone(lon: 151.21, lat: -33.86), CRS("EPSG:32756")) // Sydney: ⌊331.21/6⌋+1 = 56
        XCTAssertEqual(CRS.utmZone(lon: 5.32, lat: 60.39), CRS("EPSG:32632"))    // Bergen: 31 by formula, 32V
        XCTAssertEqual(CRS.utmZone(lon: 8, lat: 78), CRS("EPSG:32631"))          // Svalbard: 32 by formula, 31X
        XCTAssertEqual(CRS.utmZone(lon: 15.6, lat: 78.2), CRS("EPSG:32633"))     // Longyearbyen
        XCTAssertEqual(CRS.utmZone(lon: 180, lat: 0), CRS("EPSG:32601"))         // 180 wraps to -180
        XCTAssertEqual(CRS.utmZone(lon: 179.99, lat: 0), CRS("EPSG:32660"))
        XCTAssertEqual(CRS.utmZone(lon: -180, lat: -1), CRS("EPSG:32701"))
    }

    static let wkt25832 = #"PROJCS["ETRS89 / UTM zone 32N",GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989",SPHEROID["GRS 1980",6378137,298.257222101,AUTHORITY["EPSG","7019"]],AUTHORITY["EPSG","6258"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4258"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",9],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","25832"]]"#
}
