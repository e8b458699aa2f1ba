import XCTest
@testable import SiteScoring

/// `UniqueIDCheck`: the hashes find whether a second look is needed; the second look reports the duplicate a
/// whole-file check reports (the earliest second occurrence and the position of its first), numbers and strings
/// compared as `SiteID` compares them (3 and 3.0 are one id; "3" is another).
final class UniqueIDCheckTests: XCTestCase {
    func testUniqueIDsNeedNoSecondLook() {
        var check = UniqueIDCheck()
        for i in 0..<10_000 { check.add(i % 2 == 0 ? .number(Double(i)) : .string("S-\(i)")) }
        XCTAssertTrue(check.suspectHashes().isEmpty)
    }

    func testTheEarliestSecondOccurrenceIsReported() {
        let ids: [SiteID] = [.string("a"), .number(3), .string("3"), .string("b"), .number(3.0), .string("a")]
        var check = UniqueIDCheck()
        ids.forEach { check.add($0) }
        let suspects = check.suspectHashes()
        XCTAssertEqual(suspects.count, 2, "a and 3 repeat")
        var resolver = UniqueIDCheck.Resolver(suspects: suspects)
        for (i, id) in ids.enumerated() { resolver.add(id, index: i) }
        XCTAssertEqual(resolver.duplicate?.index, 4)
        XCTAssertEqual(resolver.duplicate?.first, 1)
        XCTAssertEqual(resolver.duplicate?.id, .number(3))
    }

    /// A second look with every hash suspect (as if all collided) finds nothing when the ids differ.
    func testCollidingHashesOfDifferentIDsAreNoDuplicate() {
        let ids: [SiteID] = (0..<100).map { .string("id-\($0)") }
        var resolver = UniqueIDCheck.Resolver(suspects: Set(ids.map(\.hashValue)))
        for (i, id) in ids.enumerated() { resolver.add(id, index: i) }
        XCTAssertNil(resolver.duplicate)
    }
}
