import CsdashCore
import Foundation

/// The value axis at the left of a chart: round ticks with units, and the target's own value, labelled in
/// the target's style on the target's row.
struct ChartAxis {
    let scale: Scale
    let indicator: Indicator
    let target: Target?
    let glyphs: Glyphs
    let labels: [String]
    let targetLabel: String?

    init(scale: Scale, indicator: Indicator, target: Target?, glyphs: Glyphs) {
        self.scale = scale
        self.indicator = indicator
        self.target = target
        self.glyphs = glyphs
        let d = scale.tickDecimals
        labels = scale.ticks.map { Self.label($0, decimals: d, indicator) }
        targetLabel = target.map { Self.label($0.value, decimals: indicator.decimals, indicator) }
    }

    /// A tick value with its unit: `90%`, `8,000`, `12d`; very large numbers in scientific form.
    static func label(_ v: Double, decimals: Int, _ ind: Indicator) -> String {
        guard v.isFinite else { return "" }
        let n = abs(v) >= 1e12 ? String(format: "%.3g", v) : ValueFormat.number(v, decimals: decimals)
        switch ind.unit {
        case .percent: return n + "%"
        case .days: return n + "d"
        default: return n
        }
    }

    var width: Int { ((labels + [targetLabel ?? ""]).map(\.count).max() ?? 1) + 1 }

    func render(into buf: inout Buffer, x: Int, plot: Rect, layer: ChartLayers, _ ctx: RenderContext) {
        let axisX = plot.x - 1
        let w = width - 1
        for y in plot.y..<plot.maxY { buf[axisX, y] = Cell(glyphs.vertical, ctx[.border]) }
        let targetRow = target.map { plot.y + layer.row($0.value) }
        var used: Set<Int> = []
        if let targetRow, let targetLabel {
            buf.put(x, targetRow, targetLabel.leftPadded(to: w), ctx[.target].bolded)
            buf[axisX, targetRow] = Cell(glyphs.ascii ? "+" : "┫", ctx[.target])
            used.insert(targetRow)
        }
        for (t, label) in zip(scale.ticks, labels) {
            let y = plot.y + layer.row(t)
            guard !used.contains(y), !label.isEmpty else { continue }
            used.insert(y)
            buf.put(x, y, label.leftPadded(to: w), ctx[.muted])
            buf[axisX, y] = Cell(glyphs.ascii ? "+" : "┤", ctx[.border])
        }
    }
}
