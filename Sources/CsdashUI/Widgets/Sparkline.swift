import CsdashCore

/// A one-line chart of recent values: `▁▂▃▄▅▆▇█` (or ASCII), one cell per value, newest on the right.
/// The scale spans the values shown and the target, so the target's own level can be drawn beside it.
public struct Sparkline {
    public var values: [Double?]
    public var target: Double?

    public init(values: [Double?], target: Double? = nil) {
        self.values = values
        self.target = target
    }

    /// The range of the scale: every value shown, and the target.
    public var range: ClosedRange<Double>? {
        let all = values.compactMap { $0 } + (target.map { [$0] } ?? [])
        guard let lo = all.min(), let hi = all.max() else { return nil }
        return lo...hi
    }

    /// The level (0 to levels-1) of `v` on the scale; a flat series sits in the middle.
    public func level(_ v: Double, levels: Int) -> Int {
        guard let r = range, r.upperBound > r.lowerBound else { return levels / 2 }
        let f = (v - r.lowerBound) / (r.upperBound - r.lowerBound)
        return min(levels - 1, max(0, Int((f * Double(levels - 1)).rounded())))
    }

    /// One character per value; a missing value is a space.
    public func characters(_ glyphs: Glyphs) -> [Character] {
        values.map { v in v.map { glyphs.spark[level($0, levels: glyphs.spark.count)] } ?? " " }
    }

    /// The target's level as a character, for the cell after the line.
    public func targetCharacter(_ glyphs: Glyphs) -> Character? {
        target.map { glyphs.spark[level($0, levels: glyphs.spark.count)] }
    }
}

/// An indicator's recent history on one row: the last `width - 1` points of its visible history, each
/// coloured by its status, then the target level in the target colour.
public struct IndicatorSparkline: Widget {
    public var evaluation: IndicatorEvaluation

    public init(_ e: IndicatorEvaluation) { evaluation = e }

    public func render(_ area: Rect, into buf: inout Buffer, _ ctx: RenderContext) {
        let e = evaluation, width = area.width, x = area.x, y = area.y
        guard width >= 2, area.height >= 1 else { return }
        let hist = e.visibleHistory.suffix(width - 1)
        let line = Sparkline(values: hist.map { $0.value }, target: e.target?.value)
        let chars = line.characters(ctx.glyphs)
        let pad = width - 1 - chars.count
        for (i, (c, obs)) in zip(chars, hist).enumerated() {
            buf[x + pad + i, y] = Cell(c, ctx.theme.status(Evaluator.status(of: obs, in: e.indicator)))
        }
        if let t = line.targetCharacter(ctx.glyphs) { buf[x + width - 1, y] = Cell(t, ctx[.target]) }
    }
}
