import XCTest

// Replaced by real tests as the module grows; keeps the test target non-empty.
final class SensitivityPlaceholderTests: XCTestCase {
    func testTargetBuilds() {}
}
