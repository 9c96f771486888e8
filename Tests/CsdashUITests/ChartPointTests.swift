import CsdashCore
@testable import CsdashUI
import XCTest

/// Every value in a chart's window is a point on the screen, and a value that misses its target is never drawn in
/// the target's row or beyond it: counted in the frames of the sample's indicator pages and wall tiles.
final class ChartPointTests: XCTestCase {
    static let points: Set<Character> = ["●", "◉"]

    /// The chart's rows of an indicator page: from the legend's row down to the table's heading.
    func chartLines(_ lines: [String]) -> [String] {
        guard let top = lines.firstIndex(where: { $0.contains("● value") }),
              let end = lines.firstIndex(where: { $0.contains("Recent values") }) else { return [] }
        return Array(lines[(top + 1)..<end])
    }

    func testEveryQuarterlyValueIsOnePointOnTheIndicatorPage() throws {
        for (w, h) in [(120, 40), (200, 60)] {
            let base = try sampleState(width: w, height: h)
            for ind in base.dataset.indicators where ind.frequency == .quarterly {
                var s = base
                try s.open(view: "indicator:\(ind.id)")
                let lines = AnsiText.plain(AppView.render(s, theme: .monochrome, glyphs: .unicode))
                    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let e = try XCTUnwrap(s.card.indicator(ind.id))
                let values = e.visibleHistory.filter { $0.value != nil }.count
                let drawn = chartLines(lines).joined().filter { Self.points.contains($0) }.count
                XCTAssertEqual(drawn, values, "\(ind.id) at \(w)x\(h): \(values) values, \(drawn) points\n"
                               + chartLines(lines).joined(separator: "\n"))
                XCTAssertLessThanOrEqual(e.visibleHistory.count, 10)
            }
        }
    }

    func testEveryValueIsOnePointOnTheWallTiles() throws {
        for (w, h) in [(160, 48), (200, 60)] {
            var s = try wallState(width: w, height: h)
            var charted = 0
            for page in s.pages.indices {
                s.pageIndex = page
                let lines = AnsiText.plain(WallView.render(s, theme: .monochrome, glyphs: .unicode))
                    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                for tile in wallTiles(lines) where tile.contains(where: { $0.contains("┤") || $0.contains("┫") }) {
                    let name = wallTileName(tile[0])
                    let named = s.card.indicators.filter { name.hasPrefix($0.indicator.title) || name.hasPrefix($0.indicator.short) }
                    let e = try XCTUnwrap(named.max { $0.indicator.title.count < $1.indicator.title.count }, "a tile named \(name)")
                    // The plot starts after the axis and ends before the tile's right padding.
                    let axisRow = try XCTUnwrap(tile.first { $0.contains("┤") || $0.contains("┫") }.map(Array.init))
                    let axis = try XCTUnwrap(axisRow.firstIndex { $0 == "┤" || $0 == "┫" })
                    let window = HistoryChart.window(plotWidth: axisRow.count - 1 - (axis + 1))
                    if e.indicator.frequency == .quarterly {
                        XCTAssertGreaterThanOrEqual(window, e.visibleHistory.count, "\(e.indicator.id): every quarter in the window")
                    }
                    let drawn = tile.joined().filter { Self.points.contains($0) }.count
                    XCTAssertEqual(drawn, e.visibleHistory.suffix(window).filter { $0.value != nil }.count,
                                   "\(e.indicator.id) at \(w)x\(h)\n" + tile.joined(separator: "\n"))
                    charted += 1
                }
            }
            XCTAssertGreaterThan(charted, 10, "tiles with charts at \(w)x\(h)")
        }
    }

    /// Each point's row, left to right, and the axis's target labels (value to row), in the chart's lines.
    func pointsAndTargets(_ chart: [String]) -> (points: [(x: Int, y: Int)], targets: [Double: Int]) {
        var points: [(x: Int, y: Int)] = [], targets: [Double: Int] = [:]
        for (y, line) in chart.enumerated() {
            let chars = Array(line)
            for (x, c) in chars.enumerated() where Self.points.contains(c) { points.append((x, y)) }
            if let bar = chars.firstIndex(of: "┫"), let v = Double(String(chars[..<bar]).trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: "%", with: "").replacingOccurrences(of: ",", with: "")) {
                targets[v] = y
            }
        }
        return (points.sorted { $0.x < $1.x }, targets)
    }

    func testNoValueThatMissesItsTargetIsDrawnAtOrBeyondTheTargetsRow() throws {
        var checked = 0
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            let base = try sampleState(width: w, height: h)
            for ind in base.dataset.indicators where ind.frequency == .quarterly && ind.polarity != .neutral && !ind.targets.isEmpty {
                var s = base
                try s.open(view: "indicator:\(ind.id)")
                let chart = chartLines(AnsiText.plain(AppView.render(s, theme: .monochrome, glyphs: .unicode))
                    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
                let (points, targets) = pointsAndTargets(chart)
                let e = try XCTUnwrap(s.card.indicator(ind.id))
                let observed = e.visibleHistory.filter { $0.value != nil }
                XCTAssertEqual(points.count, observed.count, "\(ind.id) at \(w)x\(h)")
                for (p, o) in zip(points, observed) {
                    guard let t = ind.target(for: o.period)?.rounded(decimals: ind.decimals), let v = o.value,
                          let ty = targets[t.value] ?? (targets.count == 1 ? targets.first!.value : nil) else { continue }
                    let misses = ind.polarity == .higher ? Rounding.round(v, decimals: ind.decimals) < t.value
                                                         : Rounding.round(v, decimals: ind.decimals) > t.value
                    guard misses else { continue }
                    checked += 1
                    if ind.polarity == .higher {
                        XCTAssertGreaterThan(p.y, ty, "\(ind.id) \(o.period.short) \(v) under \(t.value) at \(w)x\(h)\n" + chart.joined(separator: "\n"))
                    } else {
                        XCTAssertLessThan(p.y, ty, "\(ind.id) \(o.period.short) \(v) over \(t.value) at \(w)x\(h)\n" + chart.joined(separator: "\n"))
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 50, "values that miss their targets were found and checked")
    }
}

/// The boxes of a wall page: each tile's rows, found from its top-left corner.
func wallTiles(_ lines: [String]) -> [[String]] {
    let grid = lines.map(Array.init)
    var out: [[String]] = []
    for (y, row) in grid.enumerated() {
        for (x, ch) in row.enumerated() where ch == "┌" {
            guard let right = row[x...].firstIndex(of: "┐"),
                  let bottom = grid[(y + 1)...].firstIndex(where: { $0[safe: x] == "└" }) else { continue }
            out.append(grid[(y + 1)..<bottom].map { String($0[(x + 1)..<min(right, $0.count)]) })
        }
    }
    return out
}

/// The indicator name on a tile's first line, after its status and the two SPC icons (` ✗ ⇩~ Initial decisions`).
func wallTileName(_ firstLine: String) -> String {
    firstLine.dropFirst(6).trimmingCharacters(in: .whitespaces)
}
