import CsdashCore
import XCTest

final class EvaluationTests: XCTestCase {
    let q2 = Period("2021/22 Q2")!
    let t90 = [Target(from: Period("2019/20 Q1")!, value: 90, tolerance: 2)]

    func status(_ v: Double?, _ polarity: Polarity = .higher, decimals: Int = 1, targets: [Target]? = nil) -> Status {
        let ind = indicator(polarity, decimals: decimals, targets: targets ?? t90, values: [("2021/22 Q2", v)])
        return Evaluator.evaluate(ind, asAt: q2).status
    }

    func testHigherPolarityBoundaries() {
        XCTAssertEqual(status(90.0), .better, "exactly at target is better")
        XCTAssertEqual(status(89.9), .within)
        XCTAssertEqual(status(88.0), .within, "exactly at target - tolerance is within")
        XCTAssertEqual(status(87.9), .worse)
    }

    func testLowerPolarityMirrors() {
        let t = [Target(from: Period("2019/20 Q1")!, value: 22.5, tolerance: 1.5)]
        XCTAssertEqual(status(22.5, .lower, targets: t), .better)
        XCTAssertEqual(status(22.6, .lower, targets: t), .within)
        XCTAssertEqual(status(24.0, .lower, targets: t), .within, "exactly at target + tolerance")
        XCTAssertEqual(status(24.1, .lower, targets: t), .worse)
        XCTAssertEqual(status(24.4, .lower, targets: t), .worse)
    }

    /// Targets and tolerances are judged as displayed: rounded to the indicator's decimals, like values.
    func testTargetsAreJudgedAsDisplayedHigher() {
        // 90.4 with 0 decimals shows as "90%"; tolerance 1.6 shows as 2, so the band is 88 to 90.
        let t = [Target(from: Period("2019/20 Q1")!, value: 90.4, tolerance: 1.6)]
        XCTAssertEqual(status(90, decimals: 0, targets: t), .better, "90 shown against a target shown as 90")
        XCTAssertEqual(status(89.5, decimals: 0, targets: t), .better, "89.5 shows as 90")
        XCTAssertEqual(status(89.4, decimals: 0, targets: t), .within, "89.4 shows as 89")
        XCTAssertEqual(status(88, decimals: 0, targets: t), .within, "the band's edge, 90 - 2")
        XCTAssertEqual(status(87.5, decimals: 0, targets: t), .within, "87.5 shows as 88")
        XCTAssertEqual(status(87.4, decimals: 0, targets: t), .worse, "87.4 shows as 87")
    }

    func testTargetsAreJudgedAsDisplayedLower() {
        // 22.45 with 1 decimal shows as 22.5; tolerance 1.45 shows as 1.5: band 22.5 to 24.0.
        let t = [Target(from: Period("2019/20 Q1")!, value: 22.45, tolerance: 1.45)]
        XCTAssertEqual(status(22.5, .lower, targets: t), .better, "at the displayed target")
        XCTAssertEqual(status(22.54, .lower, targets: t), .better, "22.54 shows as 22.5")
        XCTAssertEqual(status(22.55, .lower, targets: t), .within, "22.55 shows as 22.6")
        XCTAssertEqual(status(24.0, .lower, targets: t), .within, "the band's edge, 22.5 + 1.5")
        XCTAssertEqual(status(24.04, .lower, targets: t), .within, "24.04 shows as 24.0")
        XCTAssertEqual(status(24.05, .lower, targets: t), .worse, "24.05 shows as 24.1")
        // Every past period in the chart and table is judged the same way.
        let ind = indicator(.lower, decimals: 1, targets: t, values: [("2021/22 Q1", 22.5), ("2021/22 Q2", 24.05)])
        XCTAssertEqual(Evaluator.status(of: ind.history[0], in: ind), .better)
        XCTAssertEqual(Evaluator.status(of: ind.history[1], in: ind), .worse)
    }

    func testFloatingPointSumsAtTheEdgeOfTheBand() {
        // 22.5 + 0.1 is 22.6000000000000014 in binary; 22.6 must still count as within.
        let t = [Target(from: Period("2019/20 Q1")!, value: 22.5, tolerance: 0.1)]
        XCTAssertEqual(status(22.6, .lower, targets: t), .within)
        let h = [Target(from: Period("2019/20 Q1")!, value: 85.3, tolerance: 0.1)]
        XCTAssertEqual(status(85.2, .higher, targets: h), .within)
    }

    func testStatusUsesTheRoundedValue() {
        // 89.96 shows as 90.0, so it meets a target of 90.
        XCTAssertEqual(status(89.96), .better)
        XCTAssertEqual(status(89.94), .within)
        // With no decimals 87.5 shows as 88: exactly at target - tolerance.
        XCTAssertEqual(status(87.5, decimals: 0), .within)
        XCTAssertEqual(status(87.49, decimals: 0), .worse)
    }

    func testRoundingIsHalfAwayFromZeroAsWritten() {
        XCTAssertEqual(Rounding.round(2.675, decimals: 2), 2.68)
        XCTAssertEqual(Rounding.round(1.005, decimals: 2), 1.01)
        XCTAssertEqual(Rounding.round(-1.25, decimals: 1), -1.3)
        XCTAssertEqual(Rounding.round(81.24, decimals: 1), 81.2)
        XCTAssertEqual(ValueFormat.number(4335, decimals: 0), "4,335")
        XCTAssertEqual(ValueFormat.number(1234567.891, decimals: 2), "1,234,567.89")
        XCTAssertEqual(ValueFormat.number(-0.04, decimals: 1), "0.0")
    }

    /// Whole values stay whole however large: the "a hair from .5" tolerance never reaches half a unit.
    func testRoundingLeavesLargeWholeValuesAlone() {
        for v in [5e8, 6e8, 123_456_789_012.0, 1e15, -7e9] {
            XCTAssertEqual(Rounding.round(v, decimals: 0), v, "\(v)")
            XCTAssertEqual(Rounding.round(v, decimals: 1), v, "\(v)")
        }
        XCTAssertEqual(Rounding.round(1e13, decimals: 2), 1e13)
        XCTAssertEqual(ValueFormat.number(600_000_000, decimals: 0), "600,000,000")
        // Large values that are written as a half still round away from zero.
        XCTAssertEqual(Rounding.round(12_345_678.675, decimals: 2), 12_345_678.68)
        XCTAssertEqual(Rounding.round(500_000_000.5, decimals: 0), 500_000_001)
    }

    /// `number` writes digits straight into a buffer: separators every three whole digits, zero-padded fractions,
    /// rounding that carries into a new group, the sign only for a value that stays negative after rounding.
    func testNumberDigitsSeparatorsAndCarries() {
        XCTAssertEqual(ValueFormat.number(0, decimals: 0), "0")
        XCTAssertEqual(ValueFormat.number(0, decimals: 2), "0.00")
        XCTAssertEqual(ValueFormat.number(999, decimals: 0), "999")
        XCTAssertEqual(ValueFormat.number(1000, decimals: 0), "1,000")
        XCTAssertEqual(ValueFormat.number(999.95, decimals: 1), "1,000.0")
        XCTAssertEqual(ValueFormat.number(0.007, decimals: 3), "0.007")
        XCTAssertEqual(ValueFormat.number(123456, decimals: 3), "123,456.000")
        XCTAssertEqual(ValueFormat.number(-5, decimals: 0), "-5")
        XCTAssertEqual(ValueFormat.number(-999999.5, decimals: 0), "-1,000,000")
        XCTAssertEqual(ValueFormat.number(123_456_789, decimals: 0), "123,456,789")
        XCTAssertEqual(ValueFormat.number(26.6, decimals: 1), "26.6")
    }

    func testNeutralAndMissingTargetGiveNone() {
        XCTAssertEqual(status(50, .neutral), .none)
        XCTAssertEqual(status(50, .higher, targets: []), .none)
        XCTAssertEqual(status(nil, targets: []), .none, "a suppressed value without a target has no status")
        XCTAssertEqual(status(nil), .noData, "a suppressed value with a target is no data, never 'no target'")
    }

    func testTargetChangesAtAPeriodBoundary() {
        let targets = [Target(from: Period("2019/20 Q1")!, value: 88, tolerance: 2),
                       Target(from: Period("2021/22 Q2")!, value: 91, tolerance: 2)]
        let ind = indicator(.higher, decimals: 0, targets: targets, values: [("2021/22 Q1", 89), ("2021/22 Q2", 90)])
        let before = Evaluator.evaluate(ind, asAt: Period("2021/22 Q1")!)
        XCTAssertEqual(before.target?.value, 88)
        XCTAssertEqual(before.status, .better)
        let after = Evaluator.evaluate(ind, asAt: q2)
        XCTAssertEqual(after.target?.value, 91)
        XCTAssertEqual(after.status, .within)
        // A month inside the new target's quarter uses it; the month before does not.
        let m = Indicator(id: "m", panel: "p", title: "M", frequency: .monthly, targets: targets)
        XCTAssertEqual(m.target(for: Period("2021-07")!)?.value, 91)
        XCTAssertEqual(m.target(for: Period("2021-06")!)?.value, 88)
        XCTAssertNil(m.target(for: Period("2019-03")!))
    }

    func testCurrentValueIsLatestAtOrBeforeTheQuarter() {
        let ind = indicator(values: [("2021/22 Q1", 80), ("2021/22 Q2", 85), ("2021/22 Q3", 99)])
        let e = Evaluator.evaluate(ind, asAt: q2)
        XCTAssertEqual(e.value, 85)
        XCTAssertEqual(e.previousValue, 80)
        XCTAssertEqual(e.visibleHistory.count, 2)
        XCTAssertNil(Evaluator.evaluate(ind, asAt: Period("2020/21 Q4")!).current)
    }

    func testDirectionByPolarityOnRoundedValues() {
        func dir(_ a: Double, _ b: Double, _ p: Polarity, decimals: Int = 1) -> Direction {
            Evaluator.evaluate(indicator(p, decimals: decimals, values: [("2021/22 Q1", a), ("2021/22 Q2", b)]), asAt: q2).direction
        }
        XCTAssertEqual(dir(80, 81, .higher), .improved)
        XCTAssertEqual(dir(80, 79, .higher), .declined)
        XCTAssertEqual(dir(80, 81, .lower), .declined)
        XCTAssertEqual(dir(80, 79, .lower), .improved)
        XCTAssertEqual(dir(80, 81, .neutral), .up)
        XCTAssertEqual(dir(80, 79, .neutral), .down)
        XCTAssertEqual(dir(80.01, 80.04, .higher), .unchanged, "both show as 80.0")
        XCTAssertEqual(dir(80.04, 80.06, .higher), .improved, "80.0 to 80.1")
        let single = Evaluator.evaluate(indicator(values: [("2021/22 Q2", 5)]), asAt: q2)
        XCTAssertEqual(single.direction, .none)
        let gap = Evaluator.evaluate(indicator(values: [("2021/22 Q1", nil), ("2021/22 Q2", 5)]), asAt: q2)
        XCTAssertEqual(gap.direction, .none, "a suppressed previous value gives no direction")
    }

    func testYearEarlierChange() {
        let ind = indicator(values: [("2020/21 Q2", 92.4), ("2021/22 Q1", 88.2), ("2021/22 Q2", 81.2)])
        let e = Evaluator.evaluate(ind, asAt: q2)
        XCTAssertEqual(e.yearAgo?.value, 92.4)
        XCTAssertEqual(e.yearAgoChange, -11.2)
        XCTAssertEqual(ValueFormat.change(e.yearAgoChange, ind), "-11.2pp")
    }

    func testStaleness() {
        // Monthly: stale when no month inside the quarter.
        XCTAssertFalse(Evaluator.isStale(Period("2021-07"), frequency: .monthly, asAt: q2))
        XCTAssertTrue(Evaluator.isStale(Period("2021-06"), frequency: .monthly, asAt: q2))
        // Quarterly: stale unless it is that quarter.
        XCTAssertFalse(Evaluator.isStale(Period("2021/22 Q2"), frequency: .quarterly, asAt: q2))
        XCTAssertTrue(Evaluator.isStale(Period("2021/22 Q1"), frequency: .quarterly, asAt: q2))
        // Annual: the previous financial year is fine, the one before is stale.
        XCTAssertFalse(Evaluator.isStale(Period("2020/21"), frequency: .annual, asAt: q2))
        XCTAssertTrue(Evaluator.isStale(Period("2019/20"), frequency: .annual, asAt: q2))
        XCTAssertFalse(Evaluator.isStale(Period("2021/22"), frequency: .annual, asAt: Period("2021/22 Q4")!))
        XCTAssertTrue(Evaluator.isStale(nil, frequency: .quarterly, asAt: q2), "no observation at all is stale")
    }

    func testRiskScoreRatingAndTrend() {
        let risk = Risk(id: "R", title: "R", history: [
            RiskAssessment(period: Period("2021/22 Q1")!, likelihood: 2, impact: 4),
            RiskAssessment(period: Period("2021/22 Q2")!, likelihood: 3, impact: 4),
            RiskAssessment(period: Period("2021/22 Q3")!, likelihood: 5, impact: 5),
        ])
        let e = Evaluator.evaluate(risk, bands: RiskBand.defaults, asAt: q2)
        XCTAssertEqual(e.score, 12)
        XCTAssertEqual(e.previousScore, 8)
        XCTAssertEqual(e.rating?.name, "Moderate")
        XCTAssertEqual(e.trend, .up)
        XCTAssertEqual(Evaluator.evaluate(risk, bands: RiskBand.defaults, asAt: Period("2021/22 Q1")!).trend, .new)
        XCTAssertEqual(Evaluator.evaluate(risk, bands: RiskBand.defaults, asAt: Period("2021/22 Q3")!).rating?.name, "High")
        XCTAssertNil(Evaluator.evaluate(risk, bands: RiskBand.defaults, asAt: Period("2020/21 Q4")!).score)
        XCTAssertEqual(Evaluator.band(for: 4, in: RiskBand.defaults)?.name, "Low")
        XCTAssertEqual(Evaluator.band(for: 5, in: RiskBand.defaults)?.name, "Moderate")
        XCTAssertEqual(Evaluator.band(for: 15, in: RiskBand.defaults)?.name, "High")
        let down = Risk(id: "D", title: "D", history: [
            RiskAssessment(period: Period("2021/22 Q1")!, likelihood: 3, impact: 4),
            RiskAssessment(period: Period("2021/22 Q2")!, likelihood: 2, impact: 4)])
        XCTAssertEqual(Evaluator.evaluate(down, bands: RiskBand.defaults, asAt: q2).trend, .down)
        let same = Risk(id: "S", title: "S", history: [
            RiskAssessment(period: Period("2021/22 Q1")!, likelihood: 4, impact: 3),
            RiskAssessment(period: Period("2021/22 Q2")!, likelihood: 3, impact: 4)])
        XCTAssertEqual(Evaluator.evaluate(same, bands: RiskBand.defaults, asAt: q2).trend, .same)
    }
}
