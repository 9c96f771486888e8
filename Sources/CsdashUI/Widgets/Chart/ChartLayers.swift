import CsdashCore

/// The plot area of a chart, drawn back to front: the tolerance band, then each series (braille lines and
/// point marks), then the target line on top, so nothing ever covers the target.
struct ChartLayers {
    let plot: Rect
    let scale: Scale
    let count: Int
    private var cells: [Cell?]

    init(plot: Rect, scale: Scale, count: Int) {
        self.plot = plot
        self.scale = scale
        self.count = count
        cells = Array(repeating: nil, count: plot.width * plot.height)
    }

    var dotWidth: Int { plot.width * BrailleCanvas.dotsX }
    var dotHeight: Int { plot.height * BrailleCanvas.dotsY }

    /// The dot column of point `i`: spread over the whole width, one dot in from each edge.
    func dotX(_ i: Int) -> Int {
        guard count > 1 else { return dotWidth / 2 }
        return 1 + i * max(0, dotWidth - 3) / (count - 1)
    }

    /// The screen column of point `i`.
    func cellX(_ i: Int) -> Int { plot.x + dotX(i) / BrailleCanvas.dotsX }

    func dotY(_ v: Double) -> Int { dotHeight - 1 - scale.position(v, of: dotHeight) }

    /// The screen row (relative to the plot) a value falls in.
    func row(_ v: Double) -> Int { dotY(v) / BrailleCanvas.dotsY }

    /// Cells between the midpoints to the neighbouring points: the part of the width period `i` owns.
    func span(_ i: Int) -> Range<Int> {
        let from = i == 0 ? 0 : (dotX(i - 1) + dotX(i)) / 2 / BrailleCanvas.dotsX + (i == 0 ? 0 : 1)
        let to = i == count - 1 ? plot.width : (dotX(i) + dotX(i + 1)) / 2 / BrailleCanvas.dotsX + 1
        return min(from, plot.width)..<max(min(from, plot.width), min(to, plot.width))
    }

    subscript(x: Int, y: Int) -> Cell? {
        get { cells[y * plot.width + x] }
        set { if x >= 0, y >= 0, x < plot.width, y < plot.height { cells[y * plot.width + x] = newValue } }
    }

    /// Shades the rows between each period's target and the far edge of its tolerance, at least one row.
    mutating func drawBand(_ history: [Observation], _ ind: Indicator, _ ctx: RenderContext) {
        for (i, o) in history.enumerated() {
            guard let t = ind.target(for: o.period), let edge = ChartBand.edge(t, ind.polarity) else { continue }
            let tr = row(t.value)
            var er = row(edge)
            if er == tr { er = ind.polarity == .higher ? tr + 1 : tr - 1 }
            er = min(plot.height - 1, max(0, er))
            for y in min(tr, er)...max(tr, er) where y != tr {
                for x in span(i) { self[x, y] = Cell(ctx.glyphs.bandFill, ctx[.band]) }
            }
        }
    }

    /// A series: braille lines between consecutive values (none across a missing value), dotted for
    /// comparators, then a mark at each point when the points are far enough apart to tell apart.
    mutating func drawSeries(_ values: [Double?], styles: [Style], dotted: Bool, mark: Character, _ ctx: RenderContext) {
        let spacing = count > 1 ? Double(plot.width) / Double(count) : Double(plot.width)
        if !ctx.glyphs.ascii {
            var canvas = BrailleCanvas(width: plot.width, height: plot.height)
            var cellStyle: [Int: Style] = [:]
            for i in values.indices.dropFirst() {
                guard let a = values[i - 1], let b = values[i] else { continue }
                canvas.line(dotX(i - 1), dotY(a), dotX(i), dotY(b), every: dotted ? 3 : 1) { cellStyle[$0] = styles[i] }
            }
            for (cell, style) in cellStyle {
                let x = cell % plot.width, y = cell / plot.width
                guard let ch = canvas.character(x, y) else { continue }
                self[x, y] = Cell(ch, self[x, y].map { style.over($0.style) } ?? style)
            }
        }
        for (i, v) in values.enumerated() {
            guard let v else { continue }
            let isolated = (i == 0 || values[i - 1] == nil) && (i == values.count - 1 || values[i + 1] == nil)
            guard spacing >= 2 || ctx.glyphs.ascii || isolated || i == values.count - 1 else { continue }
            let x = cellX(i) - plot.x, y = row(v)
            self[x, y] = Cell(mark, self[x, y].map { styles[i].over($0.style) } ?? styles[i])
        }
    }

    /// The target across each period's span, steps where it changed: drawn last, so it is never covered.
    mutating func drawTarget(_ history: [Observation], _ ind: Indicator, _ ctx: RenderContext) {
        for (i, o) in history.enumerated() {
            guard let t = ind.target(for: o.period) else { continue }
            let y = row(t.value)
            for x in span(i) { self[x, y] = Cell(ctx.glyphs.targetRule, ctx[.target]) }
        }
    }

    func copy(into buf: inout Buffer) {
        for y in 0..<plot.height {
            for x in 0..<plot.width {
                if let c = self[x, y] { buf[plot.x + x, plot.y + y] = c }
            }
        }
    }
}
