import CsdashCore

/// A one-line chart of recent values: `▁▂▃▄▅▆▇█` (or ASCII), one cell per value, newest on the right,
/// missing values as gaps. The scale spans the values shown and the target, so the target's level can be
/// marked beside the line, after a gap and in a line glyph (`⎺⎻─⎼⎽`), never as a bar that could pass for data.
public struct Sparkline: Sendable {
    public var values: [Double?]
    public var target: Double?

    public init(values: [Double?], target: Double? = nil) {
        self.values = values
        self.target = target
    }

    /// The scale: every value shown, and the target; safe for any finite numbers.
    var scale: Scale? {
        Scale(values.compactMap { $0 } + (target.map { [$0] } ?? []), ticks: 2, tight: true)
    }

    /// The level (0 to levels-1) of `v` on the scale; a flat series sits in the middle.
    public func level(_ v: Double, levels: Int) -> Int {
        guard let s = scale else { return levels / 2 }
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
    /// A horizontal line at five heights (lowest first): the target's level beside a sparkline.
    public var targetLevels: [Character] { ascii ? ["_", "-", "^"] : ["⎽", "⎼", "─", "⎻", "⎺"] }
}

/// An indicator's recent history on one row: as many of its latest values as fit, each coloured by its
/// status, then (when it has a target) a gap and the target's level as a line mark in the target colour.
public struct IndicatorSparkline: Widget {
    public var evaluation: IndicatorEvaluation

    public init(_ e: IndicatorEvaluation) { evaluation = e }

    /// Cells the target marker takes at the right end (a gap and the mark).
    public static let targetCells = 2

    public func render(_ area: Rect, into buf: inout Buffer, _ ctx: RenderContext) {
        let e = evaluation, x = area.x, y = area.y
        let marker = e.target == nil ? 0 : Self.targetCells
        let width = area.width - marker
        guard width >= 1, area.height >= 1 else { return }
        let hist = e.visibleHistory.suffix(width)
        let line = Sparkline(values: hist.map { $0.value }, target: e.target?.value)
        let chars = line.characters(ctx.glyphs)
        let pad = width - chars.count
        for (i, (c, obs)) in zip(chars, hist).enumerated() {
            buf[x + pad + i, y] = Cell(c, ctx.theme.sparkPoint(Evaluator.status(of: obs, in: e.indicator)))
        }
        if marker > 0, let t = line.targetCharacter(ctx.glyphs) { buf[area.maxX - 1, y] = Cell(t, ctx[.target]) }
    }
}
