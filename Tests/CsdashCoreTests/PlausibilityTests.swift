@testable import CsdashCore
import XCTest

/// Values probably typed wrong: warned of with file and line, never refused.
final class PlausibilityTests: XCTestCase {
    func series(_ values: [Double?], unit: CsdashCore.Unit = .percent, decimals: Int = 1) -> Indicator {
        var ind = indicator(decimals: decimals, values: values.enumerated().map { i, v in
            (Period.quarter(startYear: 2015 + i / 4, quarter: i % 4 + 1).canonical, v)
        })
        ind.unit = unit
        return ind
    }

    let typical: [Double?] = [71.2, 73.5, 74.0, 72.8, 75.1, 73.9, 70.4, 74.6, 73.3, 72.1]

    func testAProportionInAPercentageSeriesIsNamed() {
        let f = PlausibilityChecks.findings(series(typical + [0.73]))
        XCTAssertEqual(f.map(\.row), [10])
        XCTAssertEqual(f.first?.message, "'X' (x): 0.73 is far outside its own history (median 73.3): "
            + "a proportion typed for a percentage? 0.73 would be 73%")
    }

    func testOutsideZeroToHundredForAPercentage() {
        let f = PlausibilityChecks.findings(series([50, 173, -2]))
        XCTAssertEqual(f.map(\.row), [1, 2], "judged even with too short a history for its spread")
        XCTAssertEqual(f.first?.message, "'X' (x): 173% is outside 0-100 for a percentage")
        XCTAssertEqual(PlausibilityChecks.findings(series([50, 173], unit: .count)), [], "a count may be 173")
    }

    func testOrdinaryMovesTrendsAndShortSeriesPass() {
        XCTAssertEqual(PlausibilityChecks.findings(series(typical + [60.2, nil])), [], "a real fall of 13 points")
        let trend: [Double?] = (0..<20).map { 40 + Double($0) * 2.5 }
        XCTAssertEqual(PlausibilityChecks.findings(series(trend)), [], "a steady rise from 40 to 87.5")
        XCTAssertEqual(PlausibilityChecks.findings(series([70, 72, 0.7])), [], "too few values to judge the spread")
        let flat: [Double?] = Array(repeating: 12, count: 9) + [13]
        XCTAssertEqual(PlausibilityChecks.findings(series(flat, unit: .count, decimals: 0)), [], "a flat series moving by one")
        let counts: [Double?] = [1200, 1150, 1320, 1280, 1190, 1250, 1310, 1230, 12_400]
        XCTAssertEqual(PlausibilityChecks.findings(series(counts, unit: .count, decimals: 0)).map(\.row), [8],
                       "a count with a digit too many")
    }

    func testMedianAndSelection() {
        var odd = [5.0, 1, 4, 2, 3]
        XCTAssertEqual(PlausibilityChecks.median(&odd), 3)
        var even = [8.0, 1, 7, 2, 6, 3, 5, 4]
        XCTAssertEqual(PlausibilityChecks.median(&even), 4.5)
        var same = [2.0, 2, 2, 2]
        XCTAssertEqual(PlausibilityChecks.median(&same), 2)
        for n in 1...40 {
            let xs = (0..<n).map { Double(($0 * 7919) % 101) }
            for k in [0, n / 3, n / 2, n - 1] {
                var copy = xs
                XCTAssertEqual(PlausibilityChecks.select(&copy, k), xs.sorted()[k], "n \(n) k \(k)")
            }
        }
    }

    /// The rule written out plainly (sorting), against which the selections and the short cut are checked.
    func reference(_ values: [Double], decimals: Int) -> [Int] {
        func median(_ xs: [Double]) -> Double {
            let s = xs.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        let m = median(values)
        let mad = median(values.map { abs($0 - m) })
        var step = 1.0
        for _ in 0..<decimals { step /= 10 }
        let reach = 6 * max(1.4826 * mad, 0.1 * abs(m), step)
        return values.indices.filter { abs(values[$0] - m) > reach }
    }

    func testFindingsAgreeWithThePlainRule() {
        var rng = SystemRandomNumberGenerator()
        for trial in 0..<400 {
            let n = 8 + trial % 30
            let centre = Double(Int.random(in: -50...500, using: &rng))
            var xs = (0..<n).map { _ in centre + Double(Int.random(in: -200...200, using: &rng)) / 10 }
            for _ in 0..<(trial % 4) { xs[Int.random(in: 0..<n, using: &rng)] *= [0.01, 10, -3, 100][trial % 4] }
            let got = PlausibilityChecks.findings(series(xs.map { $0 }, unit: .count, decimals: 1)).map(\.row)
            XCTAssertEqual(got, reference(xs, decimals: 1), "\(xs)")
        }
    }

    func testCheckWarnsWithFileAndLineAndLoadsAnyway() throws {
        let rows = (0..<10).map { "a,\(Period.quarter(startYear: 2019 + $0 / 4, quarter: $0 % 4 + 1).canonical),\(80 + $0 % 3)" }
        let t = try TempData(indicators: indicatorsYAML(oneIndicator),
                             history: ["h.csv": "indicator,period,value\n" + rows.joined(separator: "\n") + "\na,2021/22 Q3,0.82\n"])
        let r = try t.load()
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.warnings.map { $0.description.replacingOccurrences(of: t.path + "/", with: "") },
                       ["history/h.csv:12: warning: 'Indicator A' (a): 0.82 is far outside its own history (median 81): "
                        + "a proportion typed for a percentage? 0.82 would be 82% (column 'value')"])
        XCTAssertEqual(r.warnings.first?.subject, .indicator("a"))
        XCTAssertFalse(r.dataset.indicator("a")!.dataProblem, "a warning does not mark the indicator")
    }

    func testTheSampleIsPlausible() throws {
        XCTAssertEqual(try DataDirectory.load(sampleDir).warnings, [])
    }
}
