import CsdashCore
import XCTest

/// The `spc:` options of indicators.yaml: read when right, an error at their line when wrong.
final class SPCOptionsTests: XCTestCase {
    func testOptionsAreRead() throws {
        let ind = oneIndicator + """
            spc:
              baseline: 12
              recalculate_from: ["2020/21 Q3", "2021/22 Q1"]
              run_length: 8
              screen_moving_ranges: true

        """
        let d = try TempData(indicators: indicatorsYAML(ind))
        let r = try d.load()
        XCTAssertEqual(r.errors, [])
        let spc = try XCTUnwrap(r.dataset.indicator("a")).spc
        XCTAssertEqual(spc, SPCOptions(baseline: 12, recalculateFrom: [Period("2020/21 Q3")!, Period("2021/22 Q1")!],
                                       runLength: 8, screenMovingRanges: true))
    }

    func testDefaultsWithoutOptions() throws {
        let r = try TempData(indicators: indicatorsYAML(oneIndicator)).load()
        XCTAssertEqual(try XCTUnwrap(r.dataset.indicator("a")).spc, SPCOptions())
    }

    func testBadValuesAreErrorsAtTheirLines() throws {
        let ind = oneIndicator + """
            spc:
              baseline: 1
              recalculate_from: ["2021/22 Q1", "2020/21 Q3", "soon"]
              run_length: 40
              screen_moving_ranges: maybe

        """
        let d = try TempData(indicators: indicatorsYAML(ind))
        XCTAssertEqual(try d.errors(), [
            "indicators.yaml:16: error: indicator 'a': spc baseline must be at least 2 points, not 1",
            "indicators.yaml:17: error: indicator 'a': spc recalculate_from not in period order (2020/21 Q3 comes after 2021/22 Q1)",
            "indicators.yaml:17: error: indicator 'a': spc recalculate_from: unreadable period 'soon' (use 2021-09, 2021/22 Q2 or 2021/22)",
            "indicators.yaml:18: error: indicator 'a': spc run_length must be 5 to 12, not 40",
            "indicators.yaml:19: error: indicator 'a': spc screen_moving_ranges must be true or false, not 'maybe'",
        ])
    }
}
