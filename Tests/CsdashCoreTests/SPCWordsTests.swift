import CsdashCore
import XCTest

/// The SPC verdict in words opens with the verdict and says why.
final class SPCWordsTests: XCTestCase {
    func ind(_ values: [Double], _ polarity: Polarity = .higher, target: Double? = nil) -> Indicator {
        let start = Period("2017/18 Q1")!
        return indicator(polarity, targets: target.map { [Target(from: start, value: $0)] } ?? [],
                         values: values.enumerated().map { (start.shifted(by: $0.offset).canonical, $0.element) })
    }

    func sentence(_ i: Indicator) throws -> String {
        SPCWords.sentence(try XCTUnwrap(SPCAnalysis.of(i, upTo: i.history.count - 1)), i)
    }

    let zigzag: [Double] = [95, 85, 95, 85, 95, 85, 95, 85, 95, 85]

    func testARunBelowTheAverage() throws {
        let text = try sentence(ind(zigzag + Array(repeating: 88, count: 7), target: 90))
        XCTAssertTrue(text.hasPrefix("Special cause concern: 8 quarters in a row below the average (since Q2 19/20)"), text)
        // A special cause: the limits' forecast is said of the process before the change.
        XCTAssertTrue(text.hasSuffix("the 90.0% target was being hit and missed at random (limits 73.72% to 104.64%) until this change"), text)
        XCTAssertFalse(text.contains("too few"))  // mean 1516/17, mean moving range 93/16
    }

    func testCommonCauseNamesTheTargetAndLimits() throws {
        let text = try sentence(ind(zigzag + [95, 85], target: 90))
        XCTAssertEqual(text, "Common cause variation: the 90.0% target will be hit and missed at random (limits 63.40% to 116.60%)")
        let passing = try sentence(ind(zigzag + [95, 85], target: 60))
        XCTAssertTrue(passing.hasSuffix("the 60.0% target will be met consistently (limits 63.40% to 116.60%)"), passing)
    }

    func testTooFewPointsIsSaidPlainly() throws {
        let text = try sentence(ind([80, 82, 81], .lower))
        XCTAssertTrue(text.hasPrefix("Common cause variation: only 3 points, too few to rely on the limits; the average is 81.00%"), text)
    }

    func testOutsideTheLimitsAndTrendsAndNoPolarity() throws {
        let outside = try sentence(ind(zigzag + [95, 85, 200]))
        XCTAssertTrue(outside.hasPrefix("Special cause improvement: Q1 20/21's 200.0% is above the upper limit of "), outside)
        let trend = try sentence(ind(zigzag + [86, 87, 88, 89, 90, 91], .neutral))
        XCTAssertTrue(trend.hasPrefix("Special cause variation: 7 quarters in a row rising (since Q2 19/20)"), trend)
        XCTAssertTrue(try sentence(ind(Array(repeating: 5, count: 14))).hasPrefix("Common cause variation: the average is 5.00%"))
    }
}
