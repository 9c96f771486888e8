import CsdashCore
import XCTest

/// The rules that draft commentary, each on a small hand-built series.
final class CommentaryRuleTests: XCTestCase {
    let quarters = ["2020/21 Q1", "2020/21 Q2", "2020/21 Q3", "2020/21 Q4", "2021/22 Q1", "2021/22 Q2"]

    func draft(_ ind: Indicator, asAt: String = "2021/22 Q2", dataset: Dataset? = nil) -> [String] {
        let d = dataset ?? Dataset(panels: [Panel(id: "p", title: "P")], indicators: [ind])
        return Commentary.draft(Evaluator.evaluate(ind, asAt: Period(asAt)!), in: d).sentences
    }

    func series(_ values: [Double?]) -> [(String, Double?)] {
        Array(zip(quarters.suffix(values.count), values))
    }

    func testAFallImprovesALowerIsBetterMeasureAndScalesByTheUsualMove() {
        // Moves of 2, 2, 2, 2 then 6: three usual moves and six points, a sharp improvement when lower is better.
        let ind = indicator(.lower, values: series([30, 28, 30, 28, 30, 24]))
        XCTAssertEqual(draft(ind).first, "Improved sharply from 30.0% to 24.0% in Q2 21/22.")
        let up = indicator(.higher, values: series([30, 28, 30, 28, 30, 24]))
        XCTAssertEqual(draft(up).first, "Worsened sharply from 30.0% to 24.0% in Q2 21/22.")
        let neutral = indicator(.neutral, values: series([30, 29, 30, 29, 30, 30.5]))
        XCTAssertEqual(draft(neutral).first, "Rose slightly from 30.0% to 30.5% in Q2 21/22.")
    }

    /// The size in the unit bounds the word: three usual moves of one point is not sharp when it is three
    /// points; a move well inside the usual one is not "similar" when it is 2.4 points; 9 to 13 is not slight.
    func testTheWordNeverContradictsTheFiguresBesideIt() {
        let steady = indicator(.higher, values: series([30, 29, 30, 29, 30, 27]))
        XCTAssertEqual(draft(steady).first, "Worsened from 30.0% to 27.0% in Q2 21/22.")
        let noisy = indicator(.lower, values: series([10, 30, 10, 30, 21.5, 23.9]))
        XCTAssertEqual(draft(noisy).first, "Worsened slightly from 21.5% to 23.9% in Q2 21/22.")
        var count = indicator(.lower, decimals: 0, values: series([2, 30, 2, 30, 9, 13]))
        count.unit = .count
        XCTAssertEqual(draft(count).first, "Worsened from 9 to 13 in Q2 21/22.")
        let yearAgo = indicator(.higher, values: series([75, 75.5, 74.5, 75.5, 74, 73]))
        XCTAssertTrue(draft(yearAgo).contains("Worse than a year earlier (75.5% in Q2 20/21)."), "\(draft(yearAgo))")
    }

    func testAMoveWellUnderTheUsualOneIsSimilarAndNoMoveIsUnchanged() {
        let similar = indicator(.lower, values: series([28, 30, 28, 30, 24.5, 24.4]))
        XCTAssertEqual(draft(similar).first, "Remained similar at 24.4% in Q2 21/22 (24.5% in Q1 21/22).")
        let same = indicator(.higher, values: series([28, 30, 28, 30, 24.5, 24.5]))
        XCTAssertEqual(draft(same).first, "Unchanged at 24.5% in Q2 21/22.")
    }

    func testNoYearAgoSentenceWithoutLastYearsFigure() {
        let ind = indicator(.higher, values: series([nil, 80, 81, 85, 86]))
        XCTAssertFalse(draft(ind).contains { $0.contains("year earlier") }, "\(draft(ind))")
        let full = indicator(.higher, values: series([80, 70, 81, 85, 86, 80]))
        XCTAssertTrue(draft(full).contains("Better than a year earlier (70.0% in Q2 20/21)."), "\(draft(full))")
    }

    func testAStreakCountsThePeriodsThatMovedAndOneIsNoStreak() {
        let ind = indicator(.lower, values: series([12, 11.2, 14.5, 17.6, 19.8, 22.1]))
        XCTAssertTrue(draft(ind).contains("Up for the fourth quarter running, from 11.2% in Q2 20/21 to 22.1%."),
                      "\(draft(ind))")
        let one = indicator(.lower, values: series([12, 13, 14, 13, 12, 14]))
        XCTAssertFalse(draft(one).contains { $0.contains("running") }, "\(draft(one))")
    }

    func testRecordsNeedFiveValuesAndAStrictExtreme() {
        let record = indicator(.neutral, values: series([40, 41, 42, 41, 43, 44]))
        XCTAssertTrue(draft(record).contains("The highest level in the figures, which start in Q1 20/21."), "\(draft(record))")
        let tie = indicator(.neutral, values: series([40, 44, 42, 41, 43, 44]))
        XCTAssertFalse(draft(tie).contains { $0.contains("highest") }, "\(draft(tie))")
        let short = indicator(.neutral, values: series([43, 44]))
        XCTAssertFalse(draft(short).contains { $0.contains("highest") })
        let since = indicator(.neutral, values: series([30, 45, 50, 48, 47, 33]))
        XCTAssertTrue(draft(since).contains("The lowest since Q1 20/21 (30.0%)."), "\(draft(since))")
    }

    func testATargetThatRoseExplainsAChangeOfStatus() {
        let targets = [Target(from: Period("2020/21 Q1")!, value: 88, tolerance: 2),
                       Target(from: Period("2021/22 Q2")!, value: 91, tolerance: 2)]
        let ind = indicator(.higher, decimals: 0, targets: targets, values: series([85, 86, 88, 89, 90]))
        XCTAssertTrue(draft(ind).contains(
            "Moved from better than target to within tolerance of target (91%) because the target rose from 88% to 91%."),
                      "\(draft(ind))")
        // A fall that would have changed the status under the old target too is not put down to the target.
        let fell = indicator(.higher, decimals: 0, targets: targets, values: series([85, 86, 88, 89, 87]))
        XCTAssertTrue(draft(fell).contains("Moved from better than target to worse than target (91%)."), "\(draft(fell))")
        XCTAssertTrue(draft(fell).contains("The target rose from 88% to 91%."))
        XCTAssertFalse(draft(fell).contains { $0.contains("because") })
    }

    func testNoTargetNoStatusSentence() {
        let ind = indicator(.higher, values: series([80, 81, 82]))
        XCTAssertFalse(draft(ind).contains { $0.contains("target") })
    }

    func testMonthlyHitsCountFromTheFirstHitOfTheLatestSpell() {
        let months = ["2021-03", "2021-04", "2021-05", "2021-06", "2021-07", "2021-08", "2021-09"]
        let values: [Double] = [30.4, 26.3, 21.8, 22.1, 30.5, 21.9, 21.4]
        let ind = indicator(.lower, targets: [Target(from: Period("2021-01")!, value: 22.5, tolerance: 1.5)],
                            values: Array(zip(months, values)), frequency: .monthly)
        XCTAssertTrue(draft(ind).contains("Better than target in 4 of the last 5 months."), "\(draft(ind))")
    }

    func testComparatorsFollowPolarityAndNameTheirPeriod() {
        var ind = indicator(.lower, values: [])
        ind.comparators = ["England", "Council"]
        ind.history = History([Observation(period: Period("2021/22 Q1")!, value: 3.5, comparators: [10, nil]),
                               Observation(period: Period("2021/22 Q2")!, value: 3.4, comparators: [11.4, 2])])
        var d = Dataset(panels: [Panel(id: "p", title: "P")], indicators: [ind])
        d.comparatorNames = ["England", "Council"]
        XCTAssertTrue(draft(ind, dataset: d).contains("Better than England (11.4%); worse than Council (2.0%) in Q2 21/22."),
                      "\(draft(ind, dataset: d))")
    }

    func testNothingIsDraftedWithoutACurrentValue() {
        let ind = indicator(.higher, values: series([80, 81, nil]))
        XCTAssertEqual(draft(ind), [])
    }

    func testRiskScoreChangeTargetAndLinkedIndicators() {
        let q1 = Period("2021/22 Q1")!, q2 = Period("2021/22 Q2")!
        var risk = Risk(id: "R", title: "R", target: 8,
                        history: [RiskAssessment(period: q1, likelihood: 2, impact: 4),
                                  RiskAssessment(period: q2, likelihood: 3, impact: 4)])
        risk.indicators = ["a", "b"]
        var a = indicator(.higher, targets: [Target(from: q1, value: 90)], values: series([80]))
        a.id = "a"
        var b = indicator(.higher, targets: [Target(from: q1, value: 90)], values: series([95]))
        b.id = "b"
        let d = Dataset(panels: [Panel(id: "p", title: "P")], indicators: [a, b], risks: [risk])
        let card = Scorecard(dataset: d, asAt: q2)
        let text = Commentary.draft(card.risk("R")!, in: card).sentences
        XCTAssertEqual(text, ["Increased from Moderate (8) to Moderate (12) in Q2 21/22.", "Above its target score of 8.",
                              "1 of its 2 linked indicators is worse than target."])
        let later = Scorecard(dataset: d, asAt: Period("2021/22 Q3")!)
        XCTAssertEqual(Commentary.draft(later.risk("R")!, in: later).sentences.first,
                       "Increased from Moderate (8) to Moderate (12) in Q2 21/22. Last assessed in Q2 21/22.")
    }
}
