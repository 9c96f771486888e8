import CsdashCore
import Foundation

/// The value axis at the left of a chart: labels at row boundaries with units, each in the row where its value is
/// drawn, and every target in the window labelled in the target's style on the target's own row.
struct ChartAxis {
    let scale: ChartScale
    let indicator: Indicator
    let glyphs: Glyphs
    /// Tick values and their labels, and the targets' values and labels.
    let ticks: [(value: Double, label: String)]
    let targets: [(value: Double, label: String)]

    init(scale: ChartScale, indicator: Indicator, targets: [Double], glyphs: Glyphs) {
        self.scale = scale
        self.indicator = indicator
        self.glyphs = glyphs
        let values = scale.ticks(wanted: max(2, min(6, scale.rows / 2 + 1)), taken: targets)
        let d = values.map(scale.decimals(for:)).max() ?? 0
        ticks = values.map { ($0, Self.label($0, decimals: d, indicator)) }
        var seen: [Double] = []
        for t in targets.reversed() where !seen.contains(t) { seen.append(t) }
        self.targets = seen.map { ($0, Self.label($0, decimals: indicator.decimals, indicator)) }
    }

    /// A value with its unit: `90%`, `8,000`, `12d`; very large numbers in scientific form.
    static func label(_ v: Double, decimals: Int, _ ind: Indicator) -> String {
        guard v.isFinite else { return "" }
        let n = abs(v) >= 1e12 ? String(format: "%.3g", v) : ValueFormat.number(v, decimals: decimals)
        switch ind.unit {
        case .percent: return n + "%"
        case .days: return n + "d"
        default: return n
        }
    }

    var width: Int { ((ticks + targets).map(\.label.count).max() ?? 1) + 1 }

    /// The axis line, the targets' labels (the latest first, so it wins a shared row), then the ticks in the rows
    /// left free.
    func render(into buf: inout Buffer, x: Int, plot: Rect, _ ctx: RenderContext) {
        let axisX = plot.x - 1
        let w = width - 1
        for y in plot.y..<plot.maxY { buf[axisX, y] = Cell(glyphs.vertical, ctx[.border]) }
        var used: Set<Int> = []
        for t in targets {
            let y = plot.y + scale.row(t.value)
            guard used.insert(y).inserted else { continue }
            buf.put(x, y, t.label.leftPadded(to: w), ctx[.target].bolded)
            buf[axisX, y] = Cell(glyphs.ascii ? "+" : "┫", ctx[.target])
        }
        for t in ticks where !t.label.isEmpty {
            let y = plot.y + scale.row(t.value)
            guard used.insert(y).inserted else { continue }
            buf.put(x, y, t.label.leftPadded(to: w), ctx[.muted])
            buf[axisX, y] = Cell(glyphs.ascii ? "+" : "┤", ctx[.border])
        }
    }
}
