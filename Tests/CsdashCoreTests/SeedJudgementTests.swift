import CsdashCore
import XCTest

/// The sample data must reach the same judgements as the Q2 2021/22 report it was built from.
final class SeedJudgementTests: XCTestCase {
    func testStatusesAgreeWithTheReport() throws {
        let result = try DataDirectory.load(sampleDir)
        XCTAssertEqual(result.errors, [], "the sample data loads cleanly")
        XCTAssertEqual(result.dataset.opensAt, Period("2021/22 Q2"), "opens at the report's quarter")
        XCTAssertEqual(result.dataset.latestQuarter, Period("2021/22 Q2"),
                       "the latest quarter is the council's own: the imported DfE years (to 2024/25) never move it")
        let card = Scorecard(dataset: result.dataset, asAt: Period("2021/22 Q2")!)

        func check(_ id: String, _ value: Double, _ status: Status, file: StaticString = #filePath, line: UInt = #line) {
            guard let e = card.indicator(id) else { return XCTFail("no indicator \(id)", file: file, line: line) }
            XCTAssertEqual(e.value, value, id, file: file, line: line)
            XCTAssertEqual(e.status, status, id, file: file, line: line)
            XCTAssertFalse(e.stale, id, file: file, line: line)
        }
        check("initial-decisions", 81.2, .worse)
        XCTAssertEqual(card.indicator("initial-decisions")?.target?.value, 90)
        check("audits-ri", 90, .within)
        XCTAssertEqual(card.indicator("audits-ri")?.target?.value, 91, "the stretch target applies from Q2")
        check("re-referrals", 24.4, .worse)
        XCTAssertEqual(card.indicator("re-referrals")?.target?.value, 22.5)
        check("s47-visits", 76, .worse)
        XCTAssertEqual(card.indicator("s47-visits")?.target?.value, 85)
        check("in-house-foster", 64, .worse)
        XCTAssertEqual(card.indicator("in-house-foster")?.target?.value, 70)
        check("repeat-admissions", 3.4, .better)
        check("long-stability", 66, .better)
        check("short-stability", 16.2, .worse)

        // Last quarter the audits were better than the old 88% target.
        let q1 = Scorecard(dataset: result.dataset, asAt: Period("2021/22 Q1")!)
        XCTAssertEqual(q1.indicator("audits-ri")?.status, .better)
        XCTAssertEqual(q1.indicator("audits-ri")?.target?.value, 88)

        let workforce = try XCTUnwrap(card.risk("CS-03"))
        XCTAssertEqual(workforce.score, 12)
        XCTAssertEqual(workforce.previousScore, 8)
        XCTAssertEqual(workforce.trend, .up)
        XCTAssertEqual(workforce.rating?.name, "Moderate")
        XCTAssertEqual(card.risk("CS-01")?.score, 8)
        XCTAssertEqual(card.risk("CS-02")?.score, 12)
        XCTAssertEqual(card.risk("CS-04")?.score, 12)
    }

    func testSampleDataIsBigEnough() throws {
        let ds = try DataDirectory.load(sampleDir).dataset
        XCTAssertGreaterThanOrEqual(ds.indicators.count, 28)
        let shown = ds.indicators.filter { !$0.isBenchmarkSeries }
        XCTAssertEqual(Set(shown.map(\.panel)), ["social-care", "children-in-care", "workforce", "education"])
        // Every benchmark series is named by an indicator and has at least five DfE years.
        for series in ds.indicators where series.isBenchmarkSeries {
            XCTAssertTrue(shown.contains { $0.benchmark == series.id }, series.id)
            XCTAssertGreaterThanOrEqual(series.history.count, 5, series.id)
        }
        for ind in shown {
            let enough = ind.frequency == .monthly ? 24 : ind.frequency == .quarterly ? 8 : 5
            XCTAssertGreaterThanOrEqual(ind.history.count, enough, ind.id)
            XCTAssertLessThanOrEqual(ind.short.count, 24, ind.id)
            XCTAssertNotNil(ind.commentary[Period("2021/22 Q2")!], ind.id)
        }
    }
}
