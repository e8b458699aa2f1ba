import SiteScoring
import XCTest

/// Element-wise approximate comparison for the MCDA tests (`==` stays exact in the library).
func assertClose(
    _ actual: [Double], _ expected: [Double], accuracy: Double = 1e-12,
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(actual.count, expected.count, "count \(message())", file: file, line: line)
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        XCTAssertEqual(a, e, accuracy: accuracy, "element \(index) \(message())", file: file, line: line)
    }
}

/// The error thrown by `body`, as an ``MCDAError``, or a failure.
func mcdaError<T>(_ body: () throws -> T, file: StaticString = #filePath, line: UInt = #line) -> MCDAError? {
    do {
        _ = try body()
        XCTFail("expected an MCDAError", file: file, line: line)
    } catch let error as MCDAError {
        return error
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
    return nil
}
