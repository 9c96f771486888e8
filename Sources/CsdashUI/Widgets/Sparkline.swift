import CsdashCore

/// A one-line chart of recent values: `▁▂▃▄▅▆▇█` (or ASCII), one cell per value, newest on the right,
/// missing values as gaps. Unless given a fixed range, the scale spans the values shown and the target (the
/// shape of the trend), so the target's level can be marked beside the line, after a gap and in a line glyph
/// (`‾ ─ _`), never as a bar that could pass for data. A quantity with a known range (a risk score, 1 to 25)
/// passes `range`, so its bars stand on an honest baseline: 8 is a third of 25, not nothing.
public struct Sparkline: Sendable {
    public var values: [Double?]
    public var target: Double?
    public var range: ClosedRange<Double>?
    /// The far edge of the tolerance band: on the scale too, so a move smaller than the band never fills it.
    public var bandEdge: Double?

    public init(values: [Double?], target: Double? = nil, bandEdge: Double? = nil, range: ClosedRange<Double>? = nil) {
        self.values = values
        self.target = target
        self.bandEdge = bandEdge
        self.range = range
    }

    /// The scale: the fixed range if given, else every value shown, the target and the band's far edge (a drop of
    /// 1.7pp against a 3pp band shows as about half the height, not as a collapse); safe for any finite numbers.
    var scale: Scale? {
        if let r = range { return Scale(tightFrom: r.lowerBound, to: r.upperBound) }
        var mn = Double.infinity, mx = -Double.infinity
        func include(_ v: Double?) {
            guard let v, v.isFinite else { return }
            mn = min(mn, v)
            mx = max(mx, v)
        }
        for v in values { include(v) }
        include(target)
        include(bandEdge)
        return Scale(tightFrom: mn, to: mx)
    }

    /// The level (0 to levels-1) of `v` on the scale; a flat series sits in the middle.
    public func level(_ v: Double, levels: Int) -> Int { level(v, levels: levels, scale: scale) }

    /// `level` on a scale already computed (`scale`): the scale spans every value, so working it out per value
    /// would make a line quadratic.
    func level(_ v: Double, levels: Int, scale s: Scale?) -> Int {
        guard let s else { return levels / 2 }
        return s.position(v, of: levels)
    }

    /// One character per value; a missing value is a space.
    public func characters(_ glyphs: Glyphs) -> [Character] {
        // The scale once for the whole line (as `level` would give for each value).
        let s = scale, levels = glyphs.spark.count
        return values.map { v in v.map { glyphs.spark[s?.position($0, of: levels) ?? levels / 2] } ?? " " }
    }

    /// The target's level as a line glyph, for the marker beside the sparkline.
    public func targetCharacter(_ glyphs: Glyphs) -> Character? {
        target.map { glyphs.targetLevels[level($0, levels: glyphs.targetLevels.count)] }
    }
}

extension Glyphs {
    /// A horizontal line at three heights (lowest first): the target's level beside a sparkline. Only WGL4
    /// characters (the set Consolas and Liberation Mono are built to cover; DejaVu Sans Mono, and so Menlo,
    /// checked with fontconfig); the scan-line glyphs `⎺⎻⎼⎽` are missing from DejaVu Sans Mono and show as boxes.
    public var targetLevels: [Character] { ascii ? ["_", "-", "^"] : ["_", "─", "‾"] }
}

/// An indicator's recent history on one row: as many of its latest values as fit, each coloured by its
/// status, then (when it has a target) a gap and the target's level as a line mark in the target colour.
public struct IndicatorSparkline: Widget {
    public var evaluation: IndicatorEvaluation

    public init(_ e: IndicatorEvaluation) { evaluation = e }

    /// Cells the target marker takes at the right end (a gap and the mark).
    public static let targetCells = 2

    public func render(_ area: Rect, into buf: inout Buffer, _ ctx: RenderContext) {
        let e = evaluation, x = area.x
        let marker = e.target == nil ? 0 : Self.targetCells
        let width = area.width - marker
        guard width >= 1, area.height >= 1 else { return }
        // One row, or two (each bar graded in twice as many steps) when the area is two rows tall.
        let rows = min(2, area.height), bottom = area.y + rows - 1
        let g = ctx.glyphs, steps = g.spark.count
        // Straight from the history's columns (no Observation per point): the latest `width` rows up to the quarter.
        let ind = e.indicator, h = ind.history
        let end = e.currentIndex.map { $0 + 1 } ?? 0
        let hist = max(0, end - width)..<end
        let line = Sparkline(values: hist.map { h.value(at: $0) }, target: e.target?.value,
                             bandEdge: e.target.flatMap { ChartBand.edge($0, ind.polarity) })
        let scale = line.scale
        let pad = width - hist.count
        // One theme lookup per status, not per cell; each point's status as `Evaluator.status(of:in:)` gives it,
        // with the targets rounded once per line.
        // A coloured block shows its status by its colour, and bold adds nothing visible to a block element:
        // without it the terminal needs no attribute reset between bars of different statuses. Where bold
        // is what tells a status (the mono theme) or the line is ASCII, it stays.
        let blocks = !g.ascii
        func bar(_ s: Status) -> Style {
            var style = ctx.theme.sparkPoint(s)
            if blocks && style.fg != .default { style.bold = false }
            return style
        }
        let better = bar(.better), within = bar(.within), worse = bar(.worse), none = bar(.none)
        let decimals = ind.decimals, polarity = ind.polarity
        let codes = g.spark.map(Graphemes.code)
        let targets = ind.targets.map { $0.rounded(decimals: decimals) }
        for (i, k) in hist.enumerated() {
            guard let v = line.values[i] else { continue }
            let start = h.periodCode(at: k).startMonthIndex
            var target: Target?
            for t in targets where t.from.startMonthIndex <= start { target = t }
            let style: Style
            switch Status.of(value: Rounding.round(v, decimals: decimals), target: target, polarity: polarity) {
            case .better: style = better
            case .within: style = within
            case .worse: style = worse
            case .none, .noData: style = none  // Status.of never gives noData: a point has a value
            }
            let level = line.level(v, levels: steps * rows, scale: scale)
            for r in 0..<rows {
                // Row r from the bottom holds steps r*steps ..< (r+1)*steps; full below the top of the bar.
                let inRow = level - r * steps
                guard inRow >= 0 || r == 0 else { continue }
                let c = inRow >= steps ? codes[steps - 1] : codes[max(0, inRow)]
                buf[x + pad + i, bottom - r] = Cell(code: c, style)
            }
        }
        if marker > 0, let t = e.target?.value {
            let marks = g.targetLevels
            let level = line.level(t, levels: marks.count * rows, scale: scale)
            buf[area.maxX - 1, bottom - level / marks.count] = Cell(marks[level % marks.count], ctx[.target])
        }
    }
}
