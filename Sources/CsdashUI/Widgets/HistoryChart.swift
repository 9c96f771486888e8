import CsdashCore

/// A full-width chart of an indicator's history: a bar per period coloured by its status, the target as a
/// line (steps show where it changed), the tolerance band shaded, and comparators as their own marks.
public struct HistoryChart: Widget {
    public var evaluation: IndicatorEvaluation
    public var comparators: [(name: String, index: Int)]

    public init(_ e: IndicatorEvaluation, dataset: Dataset) {
        evaluation = e
        comparators = e.indicator.comparators.prefix(3).compactMap { name in
            dataset.comparatorIndex(name).map { (name, $0) }
        }
    }

    public func render(_ rect: Rect, into buf: inout Buffer, _ ctx: RenderContext) {
        let theme = ctx.theme, glyphs = ctx.glyphs
        let ind = evaluation.indicator
        let history = Array(evaluation.visibleHistory)
        guard rect.height >= 5, rect.width >= 20 else { return }
        guard !history.isEmpty else {
            buf.put("no history up to \(evaluation.asAt.short)", in: rect, row: rect.height / 2, align: .center, theme[.muted])
            return
        }
        // Legend on the first row.
        var lx = rect.x
        lx = buf.put(lx, rect.y, String(glyphs.bar), theme[.better]) + 1
        lx = buf.put(lx, rect.y, "value by status  ", theme[.muted])
        if history.contains(where: { ind.target(for: $0.period) != nil }) {
            lx = buf.put(lx, rect.y, String(repeating: glyphs.targetLine, count: 2), theme[.target]) + 1
            lx = buf.put(lx, rect.y, "target  ", theme[.muted])
            lx = buf.put(lx, rect.y, String(glyphs.bandFill), theme[.band]) + 1
            lx = buf.put(lx, rect.y, "tolerance  ", theme[.muted])
        }
        for (k, c) in comparators.enumerated() {
            lx = buf.put(lx, rect.y, String(glyphs.comparatorMarks[k]), theme[HistoryChart.seriesRole(k)]) + 1
            lx = buf.put(lx, rect.y, c.name + "  ", theme[.muted], limit: rect.maxX - lx)
        }

        // Scale over values, comparators and target bands.
        var all: [Double] = []
        for o in history {
            if let v = o.value { all.append(v) }
            for c in comparators { if let v = o.comparator(c.index) { all.append(v) } }
            if let t = ind.target(for: o.period) {
                all.append(t.value)
                if t.tolerance > 0 { all.append(ind.polarity == .lower ? t.value + t.tolerance : t.value - t.tolerance) }
            }
        }
        guard var lo = all.min(), var hi = all.max() else { return }
        if hi == lo { lo -= 1; hi += 1 }
        let pad = (hi - lo) * 0.08
        lo = (lo - pad >= 0 || lo < 0) ? lo - pad : 0
        hi += pad

        let labels = [hi, (hi + lo) / 2, lo].map { ValueFormat.value($0, ind, style: .bare) }
        let axisW = (labels.map(\.count).max() ?? 1) + 1
        let plot = Rect(x: rect.x + axisW + 1, y: rect.y + 1, width: rect.width - axisW - 1, height: rect.height - 2)
        let rows = plot.height
        for (i, l) in labels.enumerated() {
            let y = i == 0 ? plot.y : i == 1 ? plot.y + rows / 2 : plot.maxY - 1
            buf.put(rect.x, y, l.leftPadded(to: axisW), theme[.muted])
        }
        for y in plot.y..<plot.maxY { buf[plot.x - 1, y] = Cell(glyphs.vertical, theme[.border]) }

        func fraction(_ v: Double) -> Double { (v - lo) / (hi - lo) }
        func row(_ v: Double) -> Int { plot.maxY - 1 - Int((fraction(v) * Double(rows - 1)).rounded()) }

        // Columns up to 12 cells wide; when everything fits the chart starts at the axis, otherwise it shows
        // the most recent periods that fit, ending at the right edge.
        let colW = max(1, min(12, plot.width / history.count))
        let shown = min(history.count, plot.width / colW)
        let items = history.suffix(shown)
        let barW = colW >= 3 ? colW - 1 : colW
        let x0 = shown == history.count ? plot.x + 1 : plot.maxX - shown * colW
        for (i, o) in items.enumerated() {
            let cx = x0 + i * colW
            let target = ind.target(for: o.period)
            // Tolerance band, shaded where nothing else is drawn.
            if let t = target, t.tolerance > 0 {
                let edge = ind.polarity == .lower ? t.value + t.tolerance : t.value - t.tolerance
                let (a, b) = (min(row(edge), row(t.value)), max(row(edge), row(t.value)))
                for y in a...b { for x in cx..<(cx + colW) { buf[x, y] = Cell(glyphs.bandFill, theme[.band]) } }
            }
            // The bar, in eighths of a cell.
            if let v = o.value {
                let style = theme.status(Evaluator.status(of: o, in: ind))
                let eighths = max(1, Int((fraction(v) * Double(rows) * 8).rounded()))
                for r in 0..<rows {
                    let filled = eighths - r * 8
                    if filled <= 0 { break }
                    let ch: Character = filled >= 8 ? glyphs.bar
                        : glyphs.ascii ? (filled >= 4 ? glyphs.bar : "_") : glyphs.spark[filled - 1]
                    for x in cx..<(cx + barW) { buf[x, plot.maxY - 1 - r] = Cell(ch, style) }
                }
            } else {
                buf.put(cx, plot.maxY - 1, "n/a".truncated(to: barW, ellipsis: ""), theme[.muted])
            }
            // The target line across the column (over the band, under nothing else).
            if let t = target {
                let y = row(t.value)
                for x in cx..<(cx + colW) where buf[x, y].char == " " || buf[x, y].char == glyphs.bandFill {
                    buf[x, y] = Cell(glyphs.targetLine, theme[.target])
                }
            }
            // Comparators: a mark each in the gap after the bar (or on it when there is no gap).
            for (k, c) in comparators.enumerated() {
                guard let v = o.comparator(c.index) else { continue }
                let mx = colW > barW ? cx + barW : cx + barW / 2
                buf[mx, row(v)] = Cell(glyphs.comparatorMarks[k], theme[HistoryChart.seriesRole(k)])
            }
        }
        // Period labels under the bars, as many as fit without overlapping.
        let labelW = items.map { $0.period.short.count }.max() ?? 8
        let every = max(1, Int((Double(labelW + 1) / Double(colW)).rounded(.up)))
        var lastEnd = rect.x
        for (i, o) in items.enumerated() where (shown - 1 - i) % every == 0 {
            let lxx = x0 + i * colW
            let label = o.period.short
            let at = min(lxx, rect.maxX - label.count)
            guard at >= lastEnd else { continue }
            lastEnd = buf.put(at, plot.maxY, label, theme[.muted], limit: rect.maxX - at) + 1
        }
    }

    static func seriesRole(_ k: Int) -> Role { [.series1, .series2, .series3][k % 3] }
}
