import CsdashCore

/// A reference line another layer adds to a chart (an average, a limit): one value per period of the evaluation's
/// visible history (nil where it has none), drawn as `rule` across each period's width in the row of its value,
/// over the comparators and under the values, and named in the legend by `legend` (unless empty).
public struct ChartReference: Sendable {
    public var values: [Double?]
    public var role: Role
    public var rule: Character
    public var legend: String

    public init(values: [Double?], role: Role, rule: Character, legend: String) {
        self.values = values
        self.role = role
        self.rule = rule
        self.legend = legend
    }
}

/// An indicator's history as a line chart that encodes values by position only: a line through the values
/// with a point at each period (gaps only where a period has no value), the tolerance band shaded behind, the
/// target as a heavy line labelled on the axis in its own row, comparators as dotted lines with their own marks,
/// labels at row boundaries with units, and a legend above the plot whose marks match. Every value in the window is
/// a point drawn over every other layer. It fills whatever area it is given, so the indicator page and the wall's
/// tiles both use it.
public struct HistoryChart: Widget {
    public var evaluation: IndicatorEvaluation
    public var comparators: [(name: String, index: Int)]
    /// Draw the legend row when there is height for it.
    public var legend: Bool
    /// Further reference lines (drawn over the comparators, under the values).
    public var references: [ChartReference] = []
    /// Points drawn as `◉` instead of `●`, aligned with the evaluation's visible history.
    public var marked: [Bool] = []
    /// The dataset the comparators come from: it tells a row `csdash import dfe` wrote (`ComparatorSource.of`).
    var dataset: Dataset

    public init(_ e: IndicatorEvaluation, dataset: Dataset, legend: Bool = true) {
        evaluation = e
        comparators = e.indicator.comparators.prefix(3).compactMap { name in
            dataset.comparatorIndex(name).map { (name, $0) }
        }
        self.legend = legend
        self.dataset = dataset
    }

    static func seriesRole(_ k: Int) -> Role { [.series1, .series2, .series3][k % 3] }

    /// How many of the latest periods a plot this wide shows: every point two cells or more from the next.
    static func window(plotWidth: Int) -> Int { max(1, plotWidth / 2) }

    public func render(_ rect: Rect, into buf: inout Buffer, _ ctx: RenderContext) {
        let ind = evaluation.indicator
        guard rect.width >= 16, rect.height >= 3 else { return }
        let visible = Array(evaluation.visibleHistory)
        guard !visible.isEmpty else {
            buf.put("no history up to \(evaluation.asAt.short)", in: rect, row: rect.height / 2, align: .center, ctx[.muted])
            return
        }
        let showLegend = legend && rect.height >= 6
        let showLabels = rect.height >= 4
        let target = evaluation.target ?? visible.last.flatMap { ind.target(for: $0.period) }
        // Each comparator's latest value is written in the legend, so one whose marks are hard to pick out can
        // still be read; on two rows when one is too narrow and there is height.
        let latest = comparators.map { c in
            visible.last(where: { $0.comparator(c.index) != nil }).map { ($0.comparator(c.index), ComparatorSource.of($0, ind, in: dataset)) }
        }
        let legendLines = showLegend ? legendLayout(width: rect.width, target, latest, twoRows: rect.height >= 9, ctx) : []
        var plotTop = rect.y + legendLines.count
        let plotBottom = rect.maxY - (showLabels ? 1 : 0)
        if plotBottom - plotTop < 2 { plotTop = rect.y }
        let plotRows = plotBottom - plotTop

        // The window first from a generous guess at the axis's width, then again once the axis is known.
        var n = Self.window(plotWidth: rect.width - 8)
        guard var (scale, axis) = scaleAndAxis(Array(visible.suffix(n)), rows: plotRows, ctx) else {
            buf.put("no values up to \(evaluation.asAt.short)", in: rect, row: rect.height / 2, align: .center, ctx[.muted])
            return
        }
        let wide = Self.window(plotWidth: rect.width - axis.width - 1)
        if wide > n, let again = scaleAndAxis(Array(visible.suffix(wide)), rows: plotRows, ctx) {
            n = wide
            (scale, axis) = again
        }
        let plot = Rect(x: rect.x + axis.width + 1, y: plotTop, width: rect.width - axis.width - 1, height: plotRows)
        n = min(n, Self.window(plotWidth: plot.width))
        let history = Array(visible.suffix(n))
        drawLayers(&buf, history, visible.count - history.count, plot: plot, scale: scale, ctx)
        axis.render(into: &buf, x: rect.x, plot: plot, ctx)
        if !history.contains(where: { $0.value != nil }) {
            buf.put("no values up to \(evaluation.asAt.short)", in: plot, row: plot.height / 2, align: .center, ctx[.muted])
        }
        if showLabels {
            let layer = ChartLayers(plot: plot, scale: scale, targets: history.map { _ in nil }, polarity: ind.polarity)
            periodLabels(&buf, history, layer, y: plotBottom, rect: rect, ctx)
        }
        for (row, items) in legendLines.enumerated() where plotTop > rect.y + row {
            legendRow(&buf, Rect(x: rect.x, y: rect.y + row, width: rect.width, height: 1), items, ctx)
        }
    }

    /// Values as they are judged: rounded to the indicator's decimals.
    func judged(_ o: Observation) -> Double? { o.value.map { Rounding.round($0, decimals: evaluation.indicator.decimals) } }

    /// The scale over everything the window draws (values, comparators, references, targets and tolerance edges)
    /// and its axis.
    func scaleAndAxis(_ window: [Observation], rows: Int, _ ctx: RenderContext) -> (ChartScale, ChartAxis)? {
        let ind = evaluation.indicator
        let offset = evaluation.visibleHistory.count - window.count
        var numbers: [Double] = [], targets: [Double] = [], edges: [Double] = []
        for (i, o) in window.enumerated() {
            if let v = judged(o) { numbers.append(v) }
            for c in comparators { if let v = o.comparator(c.index) { numbers.append(v) } }
            for r in references { if let v = r.values[safe: offset + i].flatMap({ $0 }) { numbers.append(v) } }
            if let t = ind.target(for: o.period)?.rounded(decimals: ind.decimals) {
                if !targets.contains(t.value) { targets.append(t.value) }
                if let e = ChartBand.edge(t, ind.polarity), !edges.contains(e) { edges.append(e) }
            }
        }
        guard let scale = ChartScale(numbers, targets: targets, edges: edges, rows: rows, polarity: ind.polarity) else { return nil }
        return (scale, ChartAxis(scale: scale, indicator: ind, targets: targets, glyphs: ctx.glyphs))
    }

    /// The layers back to front: band, references, comparator lines, target, comparator marks, the value line, then
    /// every value's point.
    func drawLayers(_ buf: inout Buffer, _ history: [Observation], _ offset: Int, plot: Rect, scale: ChartScale,
                    _ ctx: RenderContext) {
        let ind = evaluation.indicator
        let targets = history.map { ind.target(for: $0.period)?.rounded(decimals: ind.decimals) }
        var layer = ChartLayers(plot: plot, scale: scale, targets: targets, polarity: ind.polarity)
        layer.drawBand(ctx)
        // References (the SPC mean and limits) go under the target. One that is not the target's value but falls
        // in its row moves to the next row on its own side, so that it shows (a limit of 17.8 under a target
        // of 18.0 is drawn just below the target line, not hidden by it); one equal to the target is under it.
        for r in references {
            let values = history.indices.map { r.values[safe: offset + $0].flatMap { $0 } }
            for (i, v) in values.enumerated() {
                guard let v else { continue }
                var y = layer.row(v)
                if let t = targets[i], y == layer.row(t.value), v != t.value {
                    y = min(plot.height - 1, max(0, y + (v < t.value ? 1 : -1)))
                }
                for x in layer.span(i) { layer[x, y] = Cell(r.rule, ctx[r.role]) }
            }
        }
        // Comparators' dotted lines go under the target line, their marks over it.
        let comparatorValues = comparators.map { c in history.map { $0.comparator(c.index) } }
        for (k, values) in comparatorValues.enumerated() {
            layer.drawLine(values, styles: history.map { _ in ctx[Self.seriesRole(k)] }, dotted: true, judged: false, ctx)
        }
        layer.drawTarget(ctx)
        for (k, values) in comparatorValues.enumerated() {
            layer.drawMarks(values, styles: history.map { _ in ctx[Self.seriesRole(k)] },
                            marks: history.map { _ in ctx.glyphs.comparatorMarks[k] }, judged: false)
        }
        let values = history.map(judged)
        let styles = history.map { ctx.theme.status(Evaluator.status(of: $0, in: ind)) }
        layer.drawLine(values, styles: styles, dotted: false, judged: true, ctx)
        let marks = history.indices.map { marked[safe: offset + $0] == true ? ctx.glyphs.markedPoint : ctx.glyphs.point }
        layer.drawMarks(values, styles: styles, marks: marks, judged: true)
        layer.copy(into: &buf)
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
    func legendLayout(width: Int, _ target: Target?, _ latest: [(value: Double?, source: String)?], twoRows: Bool,
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
            for r in references where !r.legend.isEmpty { out.append((r.rule, ctx[r.role], r.legend)) }
            if marked.contains(true) { out.append((g.markedPoint, ctx[.text], short ? "special" : "special cause")) }
            return out
        }
        // The comparators' latest figures, each with its source and period (`England 22.7% (local, Q2 21/22)`), or,
        // when that is too wide and they share one, the source once after them.
        let sources = Set(latest.compactMap { $0?.source })
        func others(short: Bool, values: Bool, eachSource: Bool = true) -> [LegendItem] {
            var out: [LegendItem] = comparators.enumerated().map { k, c in
                let name = short ? ComparatorName.short(c.name) : c.name
                let value = values ? latest[safe: k].flatMap { $0 }.map {
                    " " + ValueFormat.value($0.value, ind, style: .bare) + (eachSource ? " " + $0.source : "")
                } ?? "" : ""
                return (g.comparatorMarks[k], ctx[Self.seriesRole(k)], name + value)
            }
            if values, !eachSource, sources.count == 1, let p = sources.first { out.append((" ", ctx[.muted], p)) }
            return out
        }
        func fits(_ list: [LegendItem]) -> Bool { Self.legendWidth(list, gap: 2) <= width }
        for short in [false, true] where fits(own(short: short) + others(short: short, values: true)) {
            return [own(short: short) + others(short: short, values: true)]
        }
        if twoRows, !comparators.isEmpty {
            let first = fits(own(short: false)) ? own(short: false) : own(short: true)
            let seconds = [(false, true), (true, true), (false, false), (true, false)].map { others(short: $0.0, values: true, eachSource: $0.1) }
            return [first, seconds.first(where: fits) ?? seconds.last!]
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
    /// A data point on a chart, and one another layer marks (a special cause).
    var point: Character { ascii ? "*" : "●" }
    var markedPoint: Character { ascii ? "#" : "◉" }
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
