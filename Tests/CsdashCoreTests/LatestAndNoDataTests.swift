import CsdashCore
import Foundation
import XCTest

/// One latest quarter (the council's own data decides it) and the "no data" status.
final class LatestAndNoDataTests: XCTestCase {
    /// Indicator `a` reported quarterly to 2021/22 Q2; a benchmark series and an imported annual row (with a
    /// DfE rank) run on to 2024/25; a comparator-only row for 2022/23 Q1.
    func data(extraHistory: String = "") throws -> TempData {
        let yaml = indicatorsYAML(oneIndicator + """
              - id: b
                panel: p
                title: Indicator B
                unit: percent
                polarity: lower
                frequency: annual

            benchmarks:
              - id: a-dfe
                title: A (DfE)
                unit: percent
                polarity: higher

            """)
        let history = """
            indicator,period,value,England,rank
            a,2021/22 Q1,91,,
            a,2021/22 Q2,92,,
            a,2022/23 Q1,,88,
            b,2020/21,20,21,40
            b,2024/25,19,20,35
            a-dfe,2023/24,90,89,12
            a-dfe,2024/25,91,90,10
            \(extraHistory)
            """
        return try TempData(indicators: yaml, history: ["h.csv": history])
    }

    func testLatestQuarterIsTheCouncilsOwn() throws {
        let r = try data().load()
        XCTAssertEqual(r.errors, [])
        let ds = r.dataset
        XCTAssertEqual(ds.latestQuarter, Period("2021/22 Q2"), "benchmark, imported and comparator-only rows never move it")
        XCTAssertEqual(ds.quarters.first, Period("2021/22 Q1"), "nor the earliest")
        XCTAssertEqual(ds.quartersWithData, [Period("2021/22 Q1")!, Period("2021/22 Q2")!])
        XCTAssertEqual(ds.openingQuarter, Period("2021/22 Q2"))
        var opensLater = ds
        opensLater.opensAt = Period("2024/25 Q4")
        XCTAssertEqual(opensLater.openingQuarter, Period("2021/22 Q2"), "opens_at after the latest opens at the latest")
    }

    func testOwnRowLaterMovesIt() throws {
        let ds = try data(extraHistory: "a,2021/22 Q3,93,,").load().dataset
        XCTAssertEqual(ds.latestQuarter, Period("2021/22 Q3"))
    }

    func testImportedFiguresAloneStillGiveQuarters() throws {
        let yaml = indicatorsYAML("""
              - id: b
                panel: p
                title: Indicator B
                unit: percent
                polarity: lower
                frequency: annual

            """)
        let t = try TempData(indicators: yaml, history: ["h.csv": "indicator,period,value,rank\nb,2020/21,20,40\nb,2024/25,19,35\n"])
        XCTAssertEqual(try t.load().dataset.latestQuarter, Period("2024/25 Q4"))
    }

    func testTargetWithoutValueIsNoDataAndNeverNoTarget() throws {
        let withTarget = indicator(targets: [Target(from: Period("2020/21 Q1")!, value: 90, tolerance: 2)])
        let q2 = Period("2021/22 Q2")!
        let none = Evaluator.evaluate(withTarget, asAt: q2)
        XCTAssertEqual(none.status, .noData, "no history at all")
        XCTAssertEqual(none.target?.value, 90, "the target in force is kept, to be shown")
        XCTAssertEqual(Status.noData.phrase, "no data")
        var older = withTarget
        older.history = [Observation(period: Period("2020/21 Q4")!, value: 80)]
        let stale = Evaluator.evaluate(older, asAt: q2)
        XCTAssertEqual(stale.status, .worse, "an older value is judged")
        XCTAssertTrue(stale.stale, "and marked stale")
        var later = withTarget
        later.history = [Observation(period: Period("2021/22 Q3")!, value: 95)]
        XCTAssertEqual(Evaluator.evaluate(later, asAt: q2).status, .noData, "no value up to the quarter")
        XCTAssertEqual(Evaluator.evaluate(indicator(values: [("2021/22 Q2", nil)]), asAt: q2).status, .none,
                       "no target: none")
        var failed = withTarget
        failed.dataProblem = true
        XCTAssertEqual(Evaluator.evaluate(failed, asAt: q2).status, .none, "a failed load keeps its own mark")
    }

    func testMissingFileCountsNoDataInTheSummariesAndWarns() throws {
        let t = try TempData(indicators: indicatorsYAML(oneIndicator + """
              - id: c
                panel: p
                title: Indicator C
                unit: count
                polarity: neutral
                frequency: quarterly

            """), history: ["h.csv": "indicator,period,value\nc,2021/22 Q2,5\n"])
        let card = Scorecard(dataset: try t.load().dataset, asAt: Period("2021/22 Q2")!)
        XCTAssertEqual(card.count(.noData), 1)
        XCTAssertEqual(card.count(.none), 1)
        let text = ReportFormat.text.render(card)
        XCTAssertTrue(text.contains("0 worse than target, 1 no data, 1 without a target"), text)
        XCTAssertTrue(ReportFormat.markdown.render(card).contains("1 no data, 1 without a target"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ReportFormat.json.render(card).utf8)) as? [String: Any])
        XCTAssertEqual((json["summary"] as? [String: Double])?["no_data"], 1)
        XCTAssertTrue(ReportFormat.csv.render(card).contains(",no-data,"))
        let w = card.noDataWarnings
        XCTAssertEqual(w.count, 1)
        XCTAssertEqual(w.first?.severity, .warning)
        XCTAssertEqual(w.first?.subject, .indicator("a"))
        XCTAssertTrue(w.first?.description.hasSuffix(
            "indicators.yaml:6: warning: no data: 'Indicator A' (a) has a target but no value for 2021/22 Q2 (no history row at all)") ?? false,
                      w.first?.description ?? "")
    }
}
