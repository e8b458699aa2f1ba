import XCTest
import GeoCore

/// Geodesic distances on WGS 84 against PROJ's `geod` tool (Karney's algorithm), e.g.
/// `echo "52.42 10.78 51.42 12.24" | geod +ellps=WGS84 -I +units=m -f %.6f -F %.6f`
/// → `137.348369  -41.502324  149893.780797` (azimuth 1, azimuth 2, distance).
final class GeodesicTests: XCTestCase {
    func testWolfsburgToLeipzigAirport() {
        let result = Geodesic.inverse(from: Position(lon: 10.78, lat: 52.42), to: Position(lon: 12.24, lat: 51.42))
        XCTAssertEqual(result.distance, 149_893.780797, accuracy: 1e-3)
        XCTAssertEqual(result.initialAzimuth, 137.348369, accuracy: 1e-6)
        XCTAssertEqual(result.finalAzimuth, 180 - 41.502324, accuracy: 1e-6) // geod prints the back azimuth
    }

    func testDortmundToHamm() {
        // echo "51.51 7.47 51.68 7.82" | geod +ellps=WGS84 -I +units=m -F %.6f → 30756.772157
        XCTAssertEqual(Geodesic.distance(from: Position(lon: 7.47, lat: 51.51), to: Position(lon: 7.82, lat: 51.68)),
                       30_756.772157, accuracy: 1e-3)
    }

    func testSydneyToNewYorkAcrossTheAntimeridianSide() {
        // echo "-33.86 151.21 40.71 -74.01" | geod +ellps=WGS84 -I +units=m -F %.6f → 15987188.882641
        XCTAssertEqual(Geodesic.distance(from: Position(lon: 151.21, lat: -33.86), to: Position(lon: -74.01, lat: 40.71)),
                       15_987_188.882641, accuracy: 1e-3)
    }

    func testZeroAndSymmetric() {
        let a = Position(lon: 7.47, lat: 51.51), b = Position(lon: 12.24, lat: 51.42)
        XCTAssertEqual(Geodesic.distance(from: a, to: a), 0)
        XCTAssertEqual(Geodesic.distance(from: a, to: b), Geodesic.distance(from: b, to: a), accuracy: 1e-6)
    }
}
