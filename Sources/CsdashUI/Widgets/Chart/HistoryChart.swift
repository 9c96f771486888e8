import CsdashCore

/// An indicator's history as a line chart that encodes values by position only: a line through the values
/// with a dot at each period (gaps where a period has no value), the tolerance band shaded behind, the target
/// as a heavy line that nothing covers and whose value is labelled on the axis, comparators as dotted lines
/// with their own marks, round ticks with units, and a legend whose marks match. It fills whatever area it is
/// given, so the indicator page and the wall's tiles both use it.
public struct HistoryChart: Widget {
    public var evaluation: IndicatorEvaluation
    public var comparators: [(name: String, index: Int)]
    /// Draw the legend row when there is height for it.
    public var legend: Bool

    public init(_ e: IndicatorEvaluation, dataset: Dataset, legend: Bool = true) {
        evaluation = e
        comparators = e.indicator.comparators.prefix(3).compactMap { name in
            dataset.comparatorIndex(name).map { (name, $0) }
        }
        self.legend = legend
    }

    static func seriesRole(_ k: Int) -> Role { [.series1, .series2, .series3][k % 3] }

    public func render(_ rect: Rect, into buf: inout Buffer, _ ctx: RenderContext) {
        let ind = evaluation.indicator
        guard rect.width >= 16, rect.height >= 3 else { return }
        let all = Array(evaluation.visibleHistory)
        guard !all.isEmpty else {
            buf.put("no history up to \(evaluation.asAt.short)", in: rect, row: rect.height / 2, align: .center, ctx[.muted])
            return
        }
        let showLegend = legend && rect.height >= 6
        let showLabels = rect.height >= 4
        let target = evaluation.target ?? all.last.flatMap { ind.target(for: $0.period) }
        // Each comparator's latest value is written in the legend, so one whose line lies under the target
        // line (which nothing covers) can still be read; on two rows when one is too narrow and there is height.
        let latest = comparators.map { c in all.last(where: { $0.comparator(c.index) != nil })?.comparator(c.index) }
        let legendLines = showLegend ? legendLayout(width: rect.width, target, latest, twoRows: rect.height >= 9, ctx) : []
        var plotTop = rect.y + legendLines.count
        let plotBottom = rect.maxY - (showLabels ? 1 : 0)
        if plotBottom - plotTop < 2 { plotTop = rect.y }

        // Every number the axis must hold: values, comparators, targets and tolerance edges.
        var numbers: [Double] = []
        for o in all {
            if let v = o.value { numbers.append(v) }
            for c in comparators { if let v = o.comparator(c.index) { numbers.append(v) } }
            if let t = ind.target(for: o.period) {
                numbers.append(t.value)
                if let e = ChartBand.edge(t, ind.polarity) { numbers.append(e) }
            }
        }
        let plotRows = plotBottom - plotTop
        guard let scale = Scale(numbers, ticks: max(2, min(6, plotRows / 2 + 1))) else {
            buf.put("no values up to \(evaluation.asAt.short)", in: rect, row: rect.height / 2, align: .center, ctx[.muted])
            return
        }
        let axis = ChartAxis(scale: scale, indicator: ind, target: target, glyphs: ctx.glyphs)
        let plot = Rect(x: rect.x + axis.width + 1, y: plotTop, width: rect.width - axis.width - 1, height: plotRows)
        // As many of the latest periods as there are dot columns for.
        let history = Array(all.suffix(max(1, plot.width * BrailleCanvas.dotsX - 2)))
        var layer = ChartLayers(plot: plot, scale: scale, count: history.count)
        layer.drawBand(history, ind, ctx)
        for (k, c) in comparators.enumerated() {
            layer.drawSeries(history.map { $0.comparator(c.index) }, styles: history.map { _ in ctx[Self.seriesRole(k)] },
                             dotted: true, mark: ctx.glyphs.comparatorMarks[k], ctx)
        }
        let statusStyles = history.map { ctx.theme.status(Evaluator.status(of: $0, in: ind)) }
        layer.drawSeries(history.map(\.value), styles: statusStyles, dotted: false, mark: ctx.glyphs.point, ctx)
        layer.drawTarget(history, ind, ctx)
        layer.copy(into: &buf)
        axis.render(into: &buf, x: rect.x, plot: plot, layer: layer, ctx)
        if !history.contains(where: { $0.value != nil }) {
            buf.put("no values up to \(evaluation.asAt.short)", in: plot, row: plot.height / 2, align: .center, ctx[.muted])
        }
        if showLabels { periodLabels(&buf, history, layer, y: plotBottom, rect: rect, ctx) }
        for (row, items) in legendLines.enumerated() where plotTop > rect.y + row {
            legendRow(&buf, Rect(x: rect.x, y: rect.y + row, width: rect.width, height: 1), items, ctx)
        }
    }

    /// Period names under their points, the latest always, others where they fit without touching.
    func periodLabels(_ buf: inout Buffer, _ history: [Observation], _ layer: ChartLayers, y: Int, rect: Rect,
                      _ ctx: RenderContext) {
        var leftEdge = rect.maxX + 1
        for i in history.indices.reversed() {
            let label = history[i].period.short
            let centre = layer.cellX(i)
            let x = min(rect.maxX - label.count, max(layer.plot.x, centre - label.count / 2))
            guard x + label.count < leftEdge else { continue }
            buf.put(x, y, label, ctx[.muted])
            leftEdge = x - 1
        }
    }

    typealias LegendItem = (mark: Character, style: Style, text: String)

    /// The legend's rows: `● value  ━ target ≥90.0%  ░ within tolerance ≥88.0%  ◆ England 84.4%  ○ South West
    /// 83.0%`, names shortened when that does not fit, then the comparators on a second row when `twoRows`
    /// allows, and only as a last resort without their values.
    func legendLayout(width: Int, _ target: Target?, _ latest: [Double?], twoRows: Bool,
                      _ ctx: RenderContext) -> [[LegendItem]] {
        let ind = evaluation.indicator, g = ctx.glyphs
        func own(short: Bool) -> [LegendItem] {
            var out: [LegendItem] = [(g.point, ctx[.text], "value")]
            if ind.unit == .rate, let per = ind.per { out[0].text = "value per \(per)" }
            if let t = target {
                out.append((g.targetRule, ctx[.target], "target " + ChartBand.bound(t.value, ind, g)))
                if let e = ChartBand.edge(t, ind.polarity) {
                    out.append((g.bandFill, ctx[.band], (short ? "tolerance " : "within tolerance ") + ChartBand.bound(e, ind, g)))
                }
            }
            return out
        }
        func others(short: Bool, values: Bool) -> [LegendItem] {
            comparators.enumerated().map { k, c in
                let name = short ? ComparatorName.short(c.name) : c.name
                let value = values ? latest[safe: k].flatMap { $0 }.map { " " + ValueFormat.value($0, ind, style: .bare) } ?? "" : ""
                return (g.comparatorMarks[k], ctx[Self.seriesRole(k)], name + value)
            }
        }
        func fits(_ list: [LegendItem]) -> Bool { Self.legendWidth(list, gap: 2) <= width }
        for short in [false, true] where fits(own(short: short) + others(short: short, values: true)) {
            return [own(short: short) + others(short: short, values: true)]
        }
        if twoRows, !comparators.isEmpty {
            let first = fits(own(short: false)) ? own(short: false) : own(short: true)
            let second = fits(others(short: false, values: true)) ? others(short: false, values: true) : others(short: true, values: true)
            return [first, second]
        }
        return [own(short: true) + others(short: true, values: false)]
    }

    static func legendWidth(_ list: [LegendItem], gap: Int) -> Int {
        list.reduce(0) { $0 + 2 + $1.text.count } + gap * max(0, list.count - 1)
    }

    func legendRow(_ buf: inout Buffer, _ rect: Rect, _ list: [LegendItem], _ ctx: RenderContext) {
        let gap = Self.legendWidth(list, gap: 2) > rect.width ? 1 : 2
        var x = rect.x
        for (mark, style, text) in list {
            guard x + 2 < rect.maxX else { break }
            buf[x, rect.y] = Cell(mark, style)
            x = buf.put(x + 2, rect.y, text.truncated(to: rect.maxX - x - 2, ellipsis: ctx.glyphs.ellipsis), ctx[.muted]) + gap
        }
    }
}

extension Glyphs {
    /// A data point on a chart.
    var point: Character { ascii ? "*" : "●" }
    /// The target's line on a chart: heavier than borders and axes.
    var targetRule: Character { ascii ? "=" : "━" }
}

/// Comparator names for tight spaces: ones a reader knows.
enum ComparatorName {
    static func short(_ name: String) -> String {
        switch name.lowercased() {
        case "statistical neighbours", "statistical neighbour average": return "Stat. nbrs"
        case "south west": return "SW"
        case "england": return "England"
        default:
            let words = name.split(separator: " ")
            return words.count > 1 ? String(words.prefix(3).compactMap(\.first)).uppercased() : String(name.prefix(8))
        }
    }
}

/// The tolerance band's far edge, and bounds written as `≥90.0%`.
enum ChartBand {
    static func edge(_ t: Target, _ p: Polarity) -> Double? {
        guard t.tolerance > 0 else { return nil }
        switch p {
        case .higher: return t.value - t.tolerance
        case .lower: return t.value + t.tolerance
        case .neutral: return nil
        }
    }

    static func bound(_ v: Double, _ ind: Indicator, _ g: Glyphs) -> String {
        let n = ValueFormat.value(v, ind, style: .bare)
        switch ind.polarity {
        case .higher: return (g.ascii ? ">=" : "≥") + n
        case .lower: return (g.ascii ? "<=" : "≤") + n
        case .neutral: return n
        }
    }
}
