@testable import CsdashCore
import XCTest

/// Each SPC rule at its boundary, on series built so that only the rule under test can fire.
final class SPCRuleTests: XCTestCase {
    /// Quarterly periods from 2015/16 Q1 on.
    func quarters(_ n: Int) -> [Period] { (0..<n).map { Period("2015/16 Q1")!.shifted(by: $0) } }

    func analyse(_ values: [Double], _ polarity: Polarity = .higher, target: Double? = nil,
                 options: SPCOptions = SPCOptions()) -> SPCAnalysis? {
        SPCAnalysis.analyse(values: values, periods: quarters(values.count), historyIndices: Array(values.indices),
                            polarity: polarity, target: target, options: options)
    }

    /// Ten points alternating 15 and 5 (mean 10, moving range 10), ending below the mean.
    let zigzag: [Double] = [15, 5, 15, 5, 15, 5, 15, 5, 15, 5]

    func testRunOfSixDoesNotSignalSevenDoes() throws {
        let six = try XCTUnwrap(analyse(zigzag + Array(repeating: 11, count: 6)))
        XCTAssertTrue(six.points.allSatisfy { $0.type == .common }, "6 in a row above the mean is common cause")
        let seven = try XCTUnwrap(analyse(zigzag + Array(repeating: 11, count: 7)))
        XCTAssertEqual(seven.points.map(\.type), Array(repeating: .common, count: 10) + Array(repeating: .improvement, count: 7))
        XCTAssertTrue(seven.points.suffix(7).allSatisfy { $0.rules == [.run] })
        XCTAssertEqual(seven.variation, .improvement)
        let lower = try XCTUnwrap(analyse(zigzag + Array(repeating: 11, count: 7), .lower))
        XCTAssertEqual(lower.variation, .concern, "above the mean is worse when lower is better")
        let neutral = try XCTUnwrap(analyse(zigzag + Array(repeating: 11, count: 7), .neutral))
        XCTAssertEqual(neutral.variation, .neutral)
    }

    func testAPointOnTheMeanBreaksARun() {
        let limits = XmRLimits(mean: 10, lower: -20, upper: 40, nearLower: -10, nearUpper: 30, fittedCount: 20)
        let rules = SPCRules.apply([11, 11, 11, 10, 11, 11, 11, 11][...], limits: limits, runLength: 7)
        XCTAssertTrue(rules.allSatisfy { $0.isEmpty }, "3 and 4 either side of a point on the mean")
        let unbroken = SPCRules.apply([11, 11, 11, 12, 11, 11, 11, 11][...], limits: limits, runLength: 7)
        XCTAssertTrue(unbroken.allSatisfy { $0.contains(.run) })
    }

    func testRunLengthOption() throws {
        let six = try XCTUnwrap(analyse(zigzag + Array(repeating: 11, count: 6), options: SPCOptions(runLength: 6)))
        XCTAssertEqual(six.variation, .improvement, "a board using 6 sees a run of 6")
        let seven = try XCTUnwrap(analyse(zigzag + Array(repeating: 11, count: 7), options: SPCOptions(runLength: 8)))
        XCTAssertEqual(seven.variation, .common)
    }

    func testTrendOfSixPointsDoesNotSignalSevenDo() throws {
        // The zigzag ends at 5: with 5 more rises that is 6 points rising, with 6 rises 7 points.
        let six = try XCTUnwrap(analyse(zigzag + [6, 7, 8, 9, 10]))
        XCTAssertTrue(six.points.allSatisfy { $0.type == .common }, "5 rises (6 points) is common cause")
        let seven = try XCTUnwrap(analyse(zigzag + [6, 7, 8, 9, 10, 11]))
        XCTAssertEqual(seven.points.map { $0.rules.contains(.trend) }, Array(repeating: false, count: 9) + Array(repeating: true, count: 7))
        XCTAssertEqual(seven.points.last?.type, .improvement, "the latest rising point lies above the mean")
        XCTAssertEqual(seven.points[9].type, .concern, "the trend's first point lies below the mean")
    }

    func testAnEqualValueBreaksATrend() {
        let limits = XmRLimits(mean: 10, lower: -20, upper: 40, nearLower: -10, nearUpper: 30, fittedCount: 20)
        let flat = SPCRules.apply([4, 6, 8, 8, 12, 14, 16, 18][...], limits: limits, runLength: 7)
        XCTAssertFalse(flat.contains { $0.contains(.trend) })
        let falling = SPCRules.apply([18, 16, 14, 12, 11, 9, 8][...], limits: limits, runLength: 7)
        XCTAssertTrue(falling.allSatisfy { $0.contains(.trend) })
    }

    func testTwoOfThreeInTheOuterThird() {
        let limits = XmRLimits(mean: 50, lower: 23.4, upper: 76.6, nearLower: 32.27, nearUpper: 67.73, fittedCount: 20)
        let same = SPCRules.apply([45, 55, 70, 55, 70, 45][...], limits: limits, runLength: 7)
        XCTAssertEqual(same.map { $0.contains(.twoOfThree) }, [false, false, true, false, true, false],
                       "the two points in the outer third are special, the one between is not")
        let opposite = SPCRules.apply([45, 55, 70, 30, 70, 45][...], limits: limits, runLength: 7)
        XCTAssertTrue(opposite.allSatisfy { $0.isEmpty }, "2 of 3 in the outer thirds on opposite sides")
        let oneSideCrossing = SPCRules.apply([45, 70, 45, 70, 45][...], limits: limits, runLength: 7)
        XCTAssertTrue(oneSideCrossing.allSatisfy { $0.isEmpty }, "the middle point of the window is below the mean")
        let onLimit = SPCRules.apply([45, 76.6, 55, 70, 45][...], limits: limits, runLength: 7)
        XCTAssertEqual(onLimit.map(\.rawValue), [0, SPCRules.twoOfThree.rawValue, 0, SPCRules.twoOfThree.rawValue, 0],
                       "a value equal to the limit is inside it, in the outer third")
    }

    func testOutsideTheLimits() throws {
        let a = try XCTUnwrap(analyse(zigzag + [5, 15, 5, 15, 60]))
        XCTAssertEqual(a.latest.rules, [.outsideLimits])
        XCTAssertEqual(a.variation, .improvement)
        XCTAssertEqual(try XCTUnwrap(analyse(zigzag + [5, 15, 5, 15, 60], .lower)).variation, .concern)
    }

    func testConstantSeriesIsCommonCause() throws {
        let a = try XCTUnwrap(analyse(Array(repeating: 42, count: 15)))
        XCTAssertTrue(a.points.allSatisfy { $0.type == .common && $0.rules.isEmpty })
        XCTAssertEqual(a.limits.mean, 42)
        XCTAssertEqual(a.limits.lower, 42)
        XCTAssertEqual(a.limits.upper, 42)
        XCTAssertEqual(try XCTUnwrap(analyse(Array(repeating: 42, count: 15), target: 42)).assurance, .inconsistent)
        XCTAssertEqual(try XCTUnwrap(analyse(Array(repeating: 42, count: 15), target: 40)).assurance, .pass)
        XCTAssertEqual(try XCTUnwrap(analyse(Array(repeating: 42, count: 15), .lower, target: 40)).assurance, .fail)
    }

    func testTwoPointsAreEnoughOneIsNot() throws {
        XCTAssertNil(analyse([]))
        XCTAssertNil(analyse([3]))
        let two = try XCTUnwrap(analyse([3, 5]))
        XCTAssertEqual(two.limits.mean, 4)
        XCTAssertEqual(try XCTUnwrap(two.limits.upper), 4 + 2.66 * 2, accuracy: 1e-12)
        XCTAssertTrue(two.tooFew)
        XCTAssertEqual(two.variation, .common)
    }

    func testElevenPointsAreTooFewTwelveAreEnough() throws {
        XCTAssertTrue(try XCTUnwrap(analyse(Array(zigzag + [15]))).tooFew)
        XCTAssertFalse(try XCTUnwrap(analyse(Array(zigzag + [15, 5]))).tooFew)
    }

    func testAssuranceAtTheLimits() throws {
        // Mean 10, mean moving range 10: limits -16.6 and 36.6.
        let a = try XCTUnwrap(analyse(zigzag + [15, 5]))
        let upper = try XCTUnwrap(a.limits.upper)
        func assurance(_ t: Double, _ p: Polarity) throws -> SPCAssurance? {
            try XCTUnwrap(analyse(zigzag + [15, 5], p, target: t)).assurance
        }
        XCTAssertEqual(try assurance(upper, .higher), .inconsistent, "a target equal to a limit counts as inside")
        XCTAssertEqual(try assurance(upper + 0.01, .higher), .fail)
        XCTAssertEqual(try assurance(upper + 0.01, .lower), .pass)
        XCTAssertEqual(try assurance(-17, .higher), .pass)
        XCTAssertEqual(try assurance(-17, .lower), .fail)
        XCTAssertNil(try assurance(50, .neutral), "no polarity, no assurance")
        XCTAssertNil(a.assurance, "no target, no assurance")
    }

    func testExtremeValuesNeverGiveInfiniteOrNaNLimits() throws {
        let a = try XCTUnwrap(analyse([1e308, -1e308, 1e308, -1e308, 1e308]))
        XCTAssertTrue(a.limits.mean.isFinite)
        XCTAssertEqual(a.limits.mean, 2e307, accuracy: 1e293)
        XCTAssertNil(a.limits.upper, "the limit is beyond the range of a Double")
        XCTAssertNil(a.limits.lower)
        XCTAssertTrue(a.points.allSatisfy { !$0.rules.contains(.outsideLimits) })
        let big = try XCTUnwrap(analyse([1e300, 2e300, 1e300, 2e300]))
        XCTAssertEqual(try XCTUnwrap(big.limits.upper), 1.5e300 + 2.66e300, accuracy: 1e287, "large but finite limits are kept")
        let tiny = try XCTUnwrap(analyse([1e-300, 3e-300]))
        XCTAssertEqual(tiny.limits.mean, 2e-300, accuracy: 1e-305)
    }

    func testBaselineFixesLimitsOnTheFirstPoints() throws {
        let a = try XCTUnwrap(analyse(zigzag + [60, 60], options: SPCOptions(baseline: 10)))
        XCTAssertEqual(a.limits.mean, 10)
        XCTAssertEqual(a.limits.fittedCount, 10)
        XCTAssertEqual(a.points.suffix(2).map(\.rules), [.outsideLimits, .outsideLimits])
        let free = try XCTUnwrap(analyse(zigzag + [60, 60]))
        XCTAssertNotEqual(free.limits.mean, 10, "without a baseline the later points move the mean")
    }

    func testRecalculationStartsANewProcess() throws {
        let values = zigzag + Array(repeating: 50, count: 3) + [45, 55, 45, 55]
        let options = SPCOptions(recalculateFrom: [Period("2015/16 Q1")!.shifted(by: 10)])
        let a = try XCTUnwrap(analyse(values, options: options))
        XCTAssertEqual(a.processes.count, 2)
        XCTAssertEqual(a.processes[0].mean, 10)
        XCTAssertEqual(a.limits.mean, 50)
        XCTAssertEqual(a.points.map(\.process), Array(repeating: 0, count: 10) + Array(repeating: 1, count: 7))
        XCTAssertTrue(a.points.allSatisfy { $0.type == .common }, "the step up is a new process, not a signal")
        XCTAssertTrue(a.tooFew, "7 points since the recalculation")
        let single = try XCTUnwrap(analyse(values))
        XCTAssertNotEqual(single.variation, .common, "without it the step up is special cause")
    }

    func testScreeningDropsLargeMovingRanges() {
        let values: [Double] = [10, 11, 10, 11, 10, 11, 10, 11, 10, 60, 10, 11]
        let plain = XmRLimits.fit(values[...], screen: false)
        let screened = XmRLimits.fit(values[...], screen: true)
        // Ranges: nine of 1 and two of 50 -> mean 109/11; screening drops the two of 50 (>= 3.267 x 9.9).
        XCTAssertEqual(try XCTUnwrap(plain.upper) - plain.mean, 2.66 * 109 / 11, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(screened.upper) - screened.mean, 2.66 * 1, accuracy: 1e-9)
        XCTAssertEqual(XmRLimits.fit([5, 5, 5][...], screen: true).upper, 5, "nothing to screen in a constant series")
    }
}

/// The overview's quick verdict always agrees with the full chart.
final class SPCVerdictTests: XCTestCase {
    func testVerdictAgreesWithTheFullAnalysisOnRandomSeries() {
        var rng = SystemRandomNumberGenerator()
        var seen = Set<String>()
        for trial in 0..<600 {
            let n = Int.random(in: 1...40, using: &rng)
            var values: [(String, Double?)] = []
            let start = Period("2012/13 Q1")!
            var level = 50.0
            for k in 0..<n {
                if Int.random(in: 0..<10, using: &rng) == 0 { level += Double(Int.random(in: -20...20, using: &rng)) }
                let v: Double? = Int.random(in: 0..<12, using: &rng) == 0 ? nil
                    : (level + Double(Int.random(in: -5...5, using: &rng))).rounded()
                values.append((start.shifted(by: k).canonical, v))
            }
            let polarity = [Polarity.higher, .lower, .neutral][trial % 3]
            var ind = indicator(polarity, targets: [Target(from: start, value: Double(Int.random(in: 30...70, using: &rng)))],
                                values: values)
            var options = SPCOptions(runLength: [6, 7, 8][trial % 3], screenMovingRanges: trial % 4 == 0)
            if trial % 5 == 1 { options.baseline = Int.random(in: 2...10, using: &rng) }
            if trial % 7 == 2 { options.recalculateFrom = [start.shifted(by: Int.random(in: 1...30, using: &rng))] }
            ind.spc = options
            let last = n - 1 - Int.random(in: 0...min(3, n - 1), using: &rng)
            let full = SPCAnalysis.of(ind, upTo: last)
            XCTAssertEqual(SPCVerdict.of(ind, upTo: last), full?.verdict, "\(values) \(options) up to \(last)")
            if let v = full?.verdict { seen.insert("\(v.variation) \(String(describing: v.assurance))") }
        }
        XCTAssertGreaterThan(seen.count, 8, "the random series reach most verdicts: \(seen)")
    }
}
