import CsdashCore
import CsdashUI
import XCTest

/// The benchmark part of an indicator page, drawn from the sample's imported DfE data.
final class IndicatorBenchmarkTests: XCTestCase {
    func page(_ id: String, at period: String, _ w: Int = 120, _ h: Int = 80, ascii: Bool = false) throws -> [String] {
        let ds = try DataDirectory.load(sampleDir).dataset
        var s = AppState(dataset: ds, asAt: Period(period)!, width: w, height: h)
        try s.open(view: "indicator:\(id)")
        return AppView.render(s, theme: .monochrome, glyphs: ascii ? .ascii : .unicode).lines
    }

    func testQuarterlyIndicatorShowsItsDfEYear() throws {
        let lines = try page("re-referrals", at: "2021/22 Q4")
        let text = lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("Benchmark, year to 31 March 2022"), text)
        XCTAssertTrue(text.replacingOccurrences(of: "\n ", with: " ")
            .contains("● 24.5% · ◆ England 21.5% (DfE, 2021/22) · ○ South West 22.6% (DfE, 2021/22) · × Statistical neighbours 20.1% (DfE,"), text)
        XCTAssertTrue(text.contains("9th of 11 with its neighbours · 4th quartile nationally (rank 126 of 150)"), text)
        XCTAssertTrue(text.contains("150 authorities · ● Gloucestershire · ▲ 10 statistical neighbours"), text)
        let strip = try XCTUnwrap(lines.first { $0.contains("best ") && $0.contains(" worst") })
        XCTAssertEqual(strip.filter { $0 == "●" }.count, 1, strip)
        XCTAssertTrue(text.contains("21/22     24.5%        21.5%        22.6%        20.1%  126/150  Q4  9/11"), text)
    }

    func testAsAtTheReportQuarterTheLatestEndedYearIsShown() throws {
        let text = try page("re-referrals", at: "2021/22 Q2").joined(separator: "\n")
        XCTAssertTrue(text.contains("Benchmark, year to 31 March 2021"), text)
        XCTAssertTrue(text.contains("10th of 11 with its neighbours · 4th quartile nationally (rank 141 of 149)"), text)
    }

    func testAnnualIndicatorIsItsOwnBenchmarkAndNeutralReadsFromTheLowest() throws {
        let text = try page("cla-rate", at: "2021/22 Q2", ascii: true).joined(separator: "\n")
        XCTAssertTrue(text.contains("Benchmark, year to 31 March 2021\n") || text.contains("Benchmark, year to 31 March 2021 "), text)
        // ASCII: every character on screen is ASCII, the separators included.
        XCTAssertTrue(text.allSatisfy(\.isASCII), text)
        let flat = text.replacingOccurrences(of: "\n ", with: " ")
        XCTAssertTrue(flat.contains("O 62 - o England 69 (DfE, 2020/21) - @ South West 58 (DfE, 2020/21) - % Statistical neighbours 57 (DfE,"), text)
        XCTAssertTrue(text.contains("8th lowest of 11 with its neighbours - 2nd quartile from the lowest nationally"), text)
        XCTAssertTrue(text.contains("O Gloucestershire - N 10 statistical neighbours"), text)
        // City of London's 306 per 10,000 is far out: pinned to the high end, which reads ">215" (Blackpool).
        XCTAssertTrue(text.contains("low 25 ") && text.contains(" >215 high"), text)
    }

    func testIndicatorsWithoutBenchmarkShowNone() throws {
        XCTAssertFalse(try page("initial-decisions", at: "2021/22 Q2").joined().contains("Benchmark"))
    }
}
