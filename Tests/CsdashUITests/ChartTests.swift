import CsdashCore
@testable import CsdashUI
import XCTest

/// The history chart and the sparkline: what they encode, and that no data can crash them.
final class ChartTests: XCTestCase {
    let ctx = RenderContext(theme: .monochrome, glyphs: .unicode)

    func evaluation(_ values: [Double?], target: Double? = 90, tolerance: Double = 2, polarity: Polarity = .higher,
                    comparator: [Double?]? = nil) -> (IndicatorEvaluation, Dataset) {
        let periods = values.indices.map { Period("2020/21 Q1")!.shifted(by: $0) }
        let ind = Indicator(id: "x", panel: "p", title: "X", unit: .percent, decimals: 1, polarity: polarity,
                            targets: target.map { [Target(from: periods[0], value: $0, tolerance: tolerance)] } ?? [],
                            comparators: comparator == nil ? [] : ["England"],
                            history: values.enumerated().map { i, v in
                                Observation(period: periods[i], value: v, comparators: comparator.map { [$0[i]] } ?? [])
                            })
        let ds = Dataset(title: "T", panels: [Panel(id: "p", title: "P")], indicators: [ind],
                         comparatorNames: comparator == nil ? [] : ["England"])
        return (Evaluator.evaluate(ind, asAt: periods.last!), ds)
    }

    func draw(_ e: IndicatorEvaluation, _ ds: Dataset, _ w: Int, _ h: Int, glyphs: Glyphs = .unicode) -> [String] {
        var buf = Buffer(width: w, height: h)
        buf.render(HistoryChart(e, dataset: ds), in: buf.area, RenderContext(theme: .monochrome, glyphs: glyphs))
        return buf.lines
    }

    /// A reference line (an SPC limit) in the target's row but not at the target moves to the next row on its own
    /// side instead of vanishing under the target line; one at the target's value stays under it.
    func testAReferenceInTheTargetsRowShowsOnItsOwnSide() {
        let (e, ds) = evaluation([85, 95, 88, 92, 86, 94], target: 90)
        for (value, expectBelow) in [(89.99, true), (90.01, false)] {
            var chart = HistoryChart(e, dataset: ds, legend: false)
            chart.references = [ChartReference(values: Array(repeating: value, count: 6), role: .spcLimit, rule: "┄", legend: "")]
            var buf = Buffer(width: 60, height: 12)
            buf.render(chart, in: buf.area, ctx)
            let lines = buf.lines
            let target = try! XCTUnwrap(lines.firstIndex { $0.contains("━━━") })
            let rule = lines.firstIndex { $0.contains("┄┄┄") }
            XCTAssertEqual(rule, expectBelow ? target + 1 : target - 1, "\(value)\n" + lines.joined(separator: "\n"))
        }
        var chart = HistoryChart(e, dataset: ds, legend: false)
        chart.references = [ChartReference(values: Array(repeating: 90, count: 6), role: .spcLimit, rule: "┄", legend: "")]
        var buf = Buffer(width: 60, height: 12)
        buf.render(chart, in: buf.area, ctx)
        XCTAssertFalse(buf.lines.contains { $0.contains("┄┄┄") }, "a reference at the target's value is under its line")
    }

    func testTargetIsLabelledInItsRowAndValuesOnItAreDrawnOverIt() {
        // Values straddle the target; two of them meet it exactly.
        let (e, ds) = evaluation([85, 90, 95, 88, 92, 90])
        let lines = draw(e, ds, 60, 12)
        let targetRows = lines.enumerated().filter { $0.element.contains("━━━") }
        XCTAssertEqual(targetRows.count, 1)
        let row = targetRows[0].element
        XCTAssertTrue(row.hasPrefix("90.0%"), "target value labelled on the axis: \(row)")
        XCTAssertEqual(row.filter { $0 == "●" }.count, 2, "both values that meet the target are points on its row: \(row)")
        let below = lines[(targetRows[0].offset + 1)...].joined().filter { $0 == "●" }.count
        XCTAssertEqual(below, 2, "85 and 88 are drawn under the target's row")
        XCTAssertTrue(lines[0].contains("━ target ≥90.0%"), lines[0])
        XCTAssertTrue(lines[0].contains("░ within tolerance ≥88.0%"), lines[0])
    }

    /// The SPC mean drawn in the target's row gives way to the target: the heavy target line stays whole.
    func testTargetShowsOverAnSPCMeanInItsRow() throws {
        var s = try sampleState(width: 120, height: 40)
        try s.open(view: "indicator:initial-decisions")
        let lines = AppView.render(s, theme: .monochrome, glyphs: .unicode).lines
        let row = try XCTUnwrap(lines.first { $0.contains("90.0% ┫") }, "the target's row")
        let plot = row.split(separator: "┫", maxSplits: 1)[1]
        XCTAssertTrue(plot.contains("━"), row)
        XCTAssertFalse(plot.contains("─"), "no mean over the target: \(row)")
        XCTAssertTrue(lines.contains { $0.contains("─ mean 90.08%") }, "the mean is still named in the legend")
    }

    func testBandIsShadedOnTheToleranceSideOnly() {
        let (hi, ds) = evaluation([80, 95, 80, 95, 80, 95], target: 90, tolerance: 4, polarity: .higher)
        let lines = draw(hi, ds, 50, 20)
        let t = lines.firstIndex { $0.contains("━━━") }!
        XCTAssertTrue(lines[t + 1].contains("░"), "higher is better: band below the target")
        XCTAssertFalse(lines[t - 1].contains("░"))
        let (lo, ds2) = evaluation([80, 95, 80, 95, 80, 95], target: 90, tolerance: 4, polarity: .lower)
        let l2 = draw(lo, ds2, 50, 20)
        let t2 = l2.firstIndex { $0.contains("━━━") }!
        XCTAssertTrue(l2[t2 - 1].contains("░"), "lower is better: band above the target")
        XCTAssertFalse(l2[t2 + 1].contains("░"))
    }

    func testValuesArePositionsNotBarsAndGapsStayEmpty() {
        let (e, ds) = evaluation([50, nil, 70, 80, nil, 60], target: nil)
        let lines = draw(e, ds, 40, 12)
        let points = lines.dropFirst().joined().filter { $0 == "●" }.count
        XCTAssertEqual(points, 4, "one point per period with a value, none for the two gaps")
        XCTAssertFalse(lines.joined().contains("█"), "no bars")
        XCTAssertTrue(lines.joined().contains("n/a") == false)
    }

    /// Labels (the target's too) stand at heights proportional to their values, round, with the unit.
    func axisLabels(_ lines: [String]) -> [(row: Int, value: Double)] {
        lines.enumerated().compactMap { y, line -> (Int, Double)? in
            guard let bar = line.firstIndex(where: { $0 == "┤" || $0 == "┫" }) else { return nil }
            let text = line[..<bar].trimmingCharacters(in: .whitespaces)
            XCTAssertTrue(text.hasSuffix("%"), "unit on every label: \(text)")
            return Double(text.dropLast()).map { (y, $0) }
        }
    }

    func testLabelsAreToScaleRoundAndCarryTheUnit() {
        for (values, target) in [([81.2, 88.2, 89.9, 91.7, 92.4, 93.1], 90.0), ([10.5, 14.8, 16.3, 17.0, 15.9, 18.4], 15.0),
                                 ([19.8, 22.1, 9.7, 11.2], 17.5)] {
            for h in [9, 16, 30] {
                let (e, ds) = evaluation(values, target: target)
                let lines = draw(e, ds, 70, h)
                let labels = axisLabels(lines)
                XCTAssertGreaterThanOrEqual(labels.count, 3, lines.joined(separator: "\n"))
                let perRow = (labels.last!.value - labels.first!.value) / Double(labels.last!.row - labels.first!.row)
                for l in labels {
                    let expected = labels.first!.value + perRow * Double(l.row - labels.first!.row)
                    XCTAssertEqual(l.value, expected, accuracy: 1e-9, "\(l.value) stands at its height:\n" + lines.joined(separator: "\n"))
                    XCTAssertEqual(l.value * 2, (l.value * 2).rounded(), "round label \(l.value)")
                }
            }
        }
    }

    func testComparatorHasItsOwnMarkAndLegend() {
        let (e, ds) = evaluation([70, 72, 74, 76, 78, 80], target: 90, comparator: [60, 61, 62, 63, 64, 65])
        let lines = draw(e, ds, 70, 16)
        let legendRows = lines.prefix { !$0.contains("│") && !$0.contains("┤") && !$0.contains("┫") }
        XCTAssertTrue(legendRows.joined().contains("◆ England 65.0% (local, Q2 21/22)"), legendRows.joined(separator: "\n"))
        XCTAssertEqual(lines.dropFirst(legendRows.count).joined().filter { $0 == "◆" }.count, 6)
    }

    func testFillsTheAreaItIsGiven() {
        let (e, ds) = evaluation([81, 88, 89, 91, 92, 93])
        let lines = draw(e, ds, 200, 30)
        let lastPoint = lines.map { line in Array(line).lastIndex(of: "●") ?? -1 }.max()!
        XCTAssertGreaterThan(lastPoint, 190, "the latest point reaches the right edge")
        let braille: ClosedRange<Character> = "\u{2801}"..."\u{28FF}"
        let rowsUsed = lines.filter { $0.contains("●") || $0.contains(where: { braille.contains($0) }) }
        XCTAssertGreaterThan(rowsUsed.count, 15, "the series spreads over the height")
    }

    func testExtremeDataNeverCrashes() {
        let series: [[Double?]] = [
            [1e308, -1e308, 1e308, -1e308],
            [1e17, 1e17, 1e17, 1e17, 1e17],
            [42],
            [nil, nil, nil],
            [.greatestFiniteMagnitude, 0, -.greatestFiniteMagnitude],
            [0, 0, 0],
            [-5, -1e-300, 5e-300],
        ]
        for values in series {
            for target in [nil, 90.0, 1e308] {
                let (e, ds) = evaluation(values, target: target, comparator: values.map { $0.map { -$0 } })
                for (w, h) in [(16, 3), (20, 5), (80, 9), (200, 30)] {
                    for g in [Glyphs.unicode, .ascii] {
                        let lines = draw(e, ds, w, h, glyphs: g)
                        XCTAssertEqual(lines.count, h)
                    }
                }
                var buf = Buffer(width: 30, height: 1)
                buf.render(IndicatorSparkline(e), in: buf.area, ctx)
                XCTAssertEqual(buf.width, 30)
            }
        }
        // All values missing: the chart says so instead of drawing zeros.
        let (e, ds) = evaluation([nil, nil, nil], target: 90)
        XCTAssertTrue(draw(e, ds, 60, 12).joined().contains("no values up to"))
    }

    func testScaleIsSafeAndRound() {
        let s = Scale([81.2, 93.1], ticks: 4)!
        XCTAssertEqual(s.step, 5)
        XCTAssertEqual(s.ticks, [80, 85, 90, 95])
        let huge = Scale([1e308, -1e308], ticks: 5)!
        XCTAssertTrue(huge.ticks.allSatisfy(\.isFinite))
        XCTAssertEqual(huge.fraction(1e308), 1, accuracy: 0.3)
        XCTAssertEqual(huge.fraction(-1e308), 0, accuracy: 0.3)
        let flat = Scale([1e17, 1e17], ticks: 3)!
        XCTAssertLessThan(flat.low, 1e17)
        XCTAssertGreaterThan(flat.high, 1e17)
        XCTAssertNil(Scale([.nan, .infinity], ticks: 3))
        XCTAssertEqual(Scale([3, 4], ticks: 3)!.low, 3, "no zero baseline is implied")
    }
}
