import Foundation
import XCTest
@testable import GeoCore

/// `DynamicLibrary` against the C library it loads: libm's `cos` through `dlsym` gives what Glibc's `cos` gives,
/// and the two failures name what was missing.
final class DynamicLibraryTests: XCTestCase {
    func testFunctionFromLibmMatchesTheLinkedOne() throws {
        let libm = try DynamicLibrary(firstOf: ["libm.so.6"])
        XCTAssertEqual(libm.fileName, "libm.so.6")
        let cosine: @convention(c) (Double) -> Double = try libm.function("cos")
        for x in [0.0, 0.5, 1.0, 2.5, -3.0] { XCTAssertEqual(cosine(x), Foundation.cos(x)) }
    }

    func testFirstLoadableNameWins() throws {
        let libm = try DynamicLibrary(firstOf: ["libstandort-does-not-exist.so.1", "libm.so.6"])
        XCTAssertEqual(libm.fileName, "libm.so.6")
    }

    func testNoLoadableNameListsThemAll() {
        XCTAssertThrowsError(try DynamicLibrary(firstOf: ["/nonexistent/libgdal.so.32", "libstandort-does-not-exist.so"])) { error in
            guard case .notFound(let names, let message)? = error as? DynamicLibrary.LoadError else { return XCTFail("\(error)") }
            XCTAssertEqual(names, ["/nonexistent/libgdal.so.32", "libstandort-does-not-exist.so"])
            XCTAssertTrue(message.contains("/nonexistent/libgdal.so.32"), message)
            XCTAssertTrue("\(error)".contains("could not be loaded"), "\(error)")
        }
    }

    func testMissingSymbolNamesIt() throws {
        let libm = try DynamicLibrary(firstOf: ["libm.so.6"])
        XCTAssertThrowsError(try libm.function("standort_no_such_function", as: (@convention(c) () -> Void).self)) { error in
            XCTAssertEqual(error as? DynamicLibrary.LoadError, .missingSymbol("standort_no_such_function", library: "libm.so.6"))
        }
    }

    func testEnvironmentVariableOverridesTheDefaultNames() {
        let variable = "STANDORT_TEST_LIBRARY_\(getpid())"
        XCTAssertEqual(DynamicLibrary.fileNames(["libm.so.6", "libm.so"], overriddenBy: variable), ["libm.so.6", "libm.so"])
        setenv(variable, "", 1)
        XCTAssertEqual(DynamicLibrary.fileNames(["libm.so.6"], overriddenBy: variable), ["libm.so.6"], "an empty value is no choice")
        setenv(variable, "/opt/gdal/lib/libgdal.so.36", 1)
        defer { unsetenv(variable) }
        XCTAssertEqual(DynamicLibrary.fileNames(["libm.so.6"], overriddenBy: variable), ["/opt/gdal/lib/libgdal.so.36"])
    }
}
