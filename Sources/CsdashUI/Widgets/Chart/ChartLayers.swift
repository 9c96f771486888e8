import CsdashCore

/// The plot area of a chart, drawn back to front, each layer over the ones before it: the tolerance band, the
/// comparators' dotted lines, the target line, the comparators' marks, any further reference layers, the value
/// line, and last the value points, so nothing ever hides a value. `HistoryChart` calls the layers in that order.
struct ChartLayers {
    let plot: Rect
    let scale: ChartScale
    let count: Int
    /// Each period's target (rounded as it is judged), and which side of it is better.
    let targets: [Target?]
    let polarity: Polarity
    private var cells: [Cell?]

    init(plot: Rect, scale: ChartScale, targets: [Target?], polarity: Polarity) {
        self.plot = plot
        self.scale = scale
        self.count = targets.count
        self.targets = targets
        self.polarity = polarity
        cells = Array(repeating: nil, count: plot.width * plot.height)
    }

    var dotWidth: Int { plot.width * BrailleCanvas.dotsX }

    /// The dot column of point `i`: spread over the whole width, one dot in from each edge.
    func dotX(_ i: Int) -> Int {
        guard count > 1 else { return dotWidth / 2 }
        return 1 + i * max(0, dotWidth - 3) / (count - 1)
    }

    /// The screen column of point `i`.
    func cellX(_ i: Int) -> Int { plot.x + dotX(i) / BrailleCanvas.dotsX }

    /// The screen row (relative to the plot) a value falls in.
    func row(_ v: Double) -> Int { scale.row(v) }

    /// The dot row of period `i`'s value. A value that misses the period's target is never drawn in the target's
    /// row or beyond it, even where the target could not be put on a row boundary (two targets whose difference no
    /// step that fits divides): it moves to the first dot row on its own side.
    func valueDotY(_ v: Double, at i: Int) -> Int {
        let d = scale.dotY(v), per = ChartScale.dotsPerRow
        guard let t = targets[safe: i].flatMap({ $0 }) else { return d }
        let tr = scale.row(t.value)
        switch polarity {
        case .higher where v < t.value && d / per <= tr: return min(scale.dotRows - 1, (tr + 1) * per)
        case .lower where v > t.value && d / per >= tr: return max(0, tr * per - 1)
        default: return d
        }
    }

    /// Cells between the midpoints to the neighbouring points: the part of the width period `i` owns.
    func span(_ i: Int) -> Range<Int> {
        let from = i == 0 ? 0 : (dotX(i - 1) + dotX(i)) / 2 / BrailleCanvas.dotsX + 1
        let to = i == count - 1 ? plot.width : (dotX(i) + dotX(i + 1)) / 2 / BrailleCanvas.dotsX + 1
        return min(from, plot.width)..<max(min(from, plot.width), min(to, plot.width))
    }

    subscript(x: Int, y: Int) -> Cell? {
        get { cells[y * plot.width + x] }
        set { if x >= 0, y >= 0, x < plot.width, y < plot.height { cells[y * plot.width + x] = newValue } }
    }

    /// Shades the rows between each period's target and the far edge of its tolerance, at least one row.
    mutating func drawBand(_ ctx: RenderContext) {
        for (i, t) in targets.enumerated() {
            guard let t, let edge = ChartBand.edge(t, polarity) else { continue }
            let tr = row(t.value)
            var er = row(edge)
            if er == tr { er = polarity == .higher ? tr + 1 : tr - 1 }
            er = min(plot.height - 1, max(0, er))
            for y in min(tr, er)...max(tr, er) where y != tr {
                for x in span(i) { self[x, y] = Cell(ctx.glyphs.bandFill, ctx[.band]) }
            }
        }
    }

    /// The target across each period's span, in the row of its value, stepping where it changed.
    mutating func drawTarget(_ ctx: RenderContext) {
        for (i, t) in targets.enumerated() {
            guard let t else { continue }
            let y = row(t.value)
            for x in span(i) { self[x, y] = Cell(ctx.glyphs.targetRule, ctx[.target]) }
        }
    }

    /// Braille lines between consecutive values (none across a missing value), dotted when `dotted`, each segment
    /// in the style of the point it leads to. `judged` places the values as `valueDotY` does.
    mutating func drawLine(_ values: [Double?], styles: [Style], dotted: Bool, judged: Bool, _ ctx: RenderContext) {
        guard !ctx.glyphs.ascii else { return }
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        var cellStyle: [Int: Style] = [:]
        for i in values.indices.dropFirst() {
            guard let a = values[i - 1], let b = values[i] else { continue }
            let ya = judged ? valueDotY(a, at: i - 1) : scale.dotY(a), yb = judged ? valueDotY(b, at: i) : scale.dotY(b)
            canvas.line(dotX(i - 1), ya, dotX(i), yb, every: dotted ? 3 : 1) { cellStyle[$0] = styles[i] }
        }
        for (cell, style) in cellStyle {
            let x = cell % plot.width, y = cell / plot.width
            guard let ch = canvas.character(x, y) else { continue }
            self[x, y] = Cell(ch, self[x, y].map { style.over($0.style) } ?? style)
        }
    }

    /// A mark at each value (a comparator's, or a value point when `judged`); `marks` picks each point's glyph.
    mutating func drawMarks(_ values: [Double?], styles: [Style], marks: [Character], judged: Bool) {
        for (i, v) in values.enumerated() {
            guard let v, let mark = marks[safe: i] else { continue }
            let x = cellX(i) - plot.x, y = (judged ? valueDotY(v, at: i) : scale.dotY(v)) / ChartScale.dotsPerRow
            self[x, y] = Cell(mark, self[x, y].map { styles[i].over($0.style) } ?? styles[i])
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
