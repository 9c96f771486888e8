import CsdashCore
import XCTest

/// One definition of worst: status first, then the distance from target as a share of it.
final class WorstTests: XCTestCase {
    func evaluation(_ id: String, value: Double, target: Double, polarity: Polarity = .higher, tolerance: Double = 2) -> IndicatorEvaluation {
        let p = Period("2021/22 Q2")!
        let ind = Indicator(id: id, panel: "p", title: id, unit: .percent, decimals: 1, polarity: polarity,
                            targets: [Target(from: p, value: target, tolerance: tolerance)],
                            history: [Observation(period: p, value: value)])
        return Evaluator.evaluate(ind, asAt: p)
    }

    func testStatusFirstThenShareOfTarget() {
        // 8 points short of 90 (8.9%) is worse than 9 points short of 150 (6%); within comes after both.
        let a = evaluation("a", value: 82, target: 90), b = evaluation("b", value: 141, target: 150)
        let within = evaluation("w", value: 89, target: 90), lower = evaluation("l", value: 30, target: 20, polarity: .lower)
        let better = evaluation("x", value: 95, target: 90)
        let sorted = Worst.sorted([better, within, b, a, lower]).map(\.indicator.id)
        XCTAssertEqual(sorted, ["l", "a", "b", "w", "x"], "50% above a lower-is-better target is the worst")
        XCTAssertEqual(lower.gapWords, "10.0pp above target, a gap of 50% of the target")
        XCTAssertEqual(a.gapWords, "8.0pp below target, a gap of 9% of the target")
        XCTAssertEqual(better.gapWords, "5.0pp better than target, a margin of 6% of the target")
        XCTAssertEqual(evaluation("o", value: 90.04, target: 90).gapWords, "on target")
        XCTAssertEqual(Worst.order([a, a]), [0, 1], "ties keep their order")
    }

    func testTheSampleRanksAlikeOnTheWallAndInTheReport() throws {
        let card = Scorecard(dataset: try DataDirectory.load(sampleDir).dataset, asAt: Period("2021/22 Q2")!)
        let worst = card.worstFirst
        XCTAssertEqual(worst.first?.indicator.id, "agency-rate")
        let report = ReportFormat.text.render(card)
        var at = report.startIndex
        for e in worst where e.status == .worse {
            let r = try XCTUnwrap(report.range(of: ". \(e.indicator.title):", range: at..<report.endIndex), e.indicator.id)
            at = r.upperBound
        }
        XCTAssertTrue(ReportFormat.markdown.render(card).contains("## Worst first"))
    }
}
