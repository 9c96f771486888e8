import CsdashCore

/// The "Risks" page: the 5x5 heat map and the highest-scoring risks with their trend.
enum WallRisks {
    static func trendText(_ r: RiskEvaluation, _ g: Glyphs) -> String {
        switch r.trend {
        case .up: return "\(g.up) up from \(r.previousScore ?? 0)"
        case .down: return "\(g.down) down from \(r.previousScore ?? 0)"
        case .same: return "\(g.flat) no change"
        case .new: return "new"
        }
    }

    static func render(_ buf: inout Buffer, _ body: Rect, _ s: WallState, _ ctx: RenderContext) {
        let t = ctx.theme
        let risks = s.card.risks.filter { $0.score != nil }
        guard !risks.isEmpty else {
            buf.put("no risks assessed by \(s.asAt.short)", in: body, row: body.height / 2, align: .center, t[.muted])
            return
        }
        let bands = s.dataset.riskBands
        // The map takes up to 45% of the width, its cells as large as fit (a wall is read from afar).
        let mapRect = Rect(x: body.x + 1, y: body.y, width: max(38, body.width * 45 / 100), height: body.height)
        let drawn = heatMap(&buf, mapRect, s, t)
        var list = Rect(x: drawn.maxX + 4, y: body.y, width: body.maxX - drawn.maxX - 5, height: body.height)
        guard list.width >= 20 else { return }
        let rowH = list.height - 1 >= risks.count * 3 ? 3 : list.height - 1 >= risks.count * 2 ? 2 : 1
        let shown = min(risks.count, max(1, (list.height - 1) / rowH), 10)
        // The list level with the map.
        let used = 1 + shown * rowH
        list.y += max(0, min(drawn.y - body.y, body.height - used))
        buf.put(list.x, list.y, "Highest-scoring risks", t[.muted])
        for (i, r) in risks.prefix(shown).enumerated() {
            riskRow(&buf, r, list: list, y: list.y + 1 + i * rowH + (rowH == 3 ? 1 : 0), rowH: rowH, bands: bands, ctx)
        }
    }

    /// One risk of the list: score in its band's colour, id, title, and (on taller rows) rating, trend, owner.
    /// A function of its own: Swift 6.3.1's optimizer crashed (CopyPropagation) on the RiskEvaluation bound
    /// inside the loop, as it did in RiskViews.
    static func riskRow(_ buf: inout Buffer, _ r: RiskEvaluation, list: Rect, y: Int, rowH: Int, bands: [RiskBand],
                        _ ctx: RenderContext) {
        let t = ctx.theme, g = ctx.glyphs
        let bi = r.score.flatMap { Evaluator.bandIndex(for: $0, in: bands) } ?? 0
        var x = buf.put(list.x, y, " \(r.score ?? 0) ".leftPadded(to: 4), t.band(index: bi, of: bands.count).bolded) + 1
        x = buf.put(x, y, r.risk.id, t[.title]) + 2
        let trend = trendText(r, g)
        let trendStyle = r.trend == .up ? t[.worse] : r.trend == .down ? t[.better] : t[.muted]
        if rowH == 1 {
            let room = list.maxX - x - trend.count - 2
            buf.put(x, y, r.risk.title.padded(to: max(0, room), ellipsis: g.ellipsis), t[.text])
            if room > 8 { buf.put(list.maxX - trend.count, y, trend, trendStyle) }
        } else {
            buf.put(x, y, r.risk.title.truncated(to: list.maxX - x, ellipsis: g.ellipsis), t[.title])
            var x2 = buf.put(list.x + 5, y + 1, r.rating?.name ?? "Unrated", t[.text]) + 2
            x2 = buf.put(x2, y + 1, trend, trendStyle) + 2
            if !r.risk.owner.isEmpty {
                buf.put(x2, y + 1, r.risk.owner, t[.muted], limit: list.maxX - x2)
            }
        }
    }

    /// The 5x5 likelihood x impact matrix with cells as large as the area allows (up to 24x5), each cell in
    /// its band's colour and holding the ids of the risks scored there. Returns the rectangle it used.
    static func heatMap(_ buf: inout Buffer, _ area: Rect, _ s: WallState, _ t: Theme) -> Rect {
        let bands = s.dataset.riskBands
        let map = HeatMap(risks: s.card.risks, bands: bands)
        let labelW = 4
        let cellW = max(6, min(24, (area.width - labelW) / 5))
        let cellH = max(1, min(5, (area.height - 4) / 5))
        let w = labelW + 5 * cellW, h = 5 * cellH + 3
        let x0 = area.x, y0 = area.y + max(0, (area.height - h) / 2)
        buf.put(x0, y0, "Likelihood", t[.muted])
        for l in 1...5 {
            let y = y0 + 1 + (5 - l) * cellH
            buf.put(x0 + 1, y + cellH / 2, "\(l)", t[.muted])
            for i in 1...5 {
                let x = x0 + labelW + (i - 1) * cellW
                let score = l * i
                let style = t.band(index: Evaluator.bandIndex(for: score, in: bands) ?? 0, of: bands.count)
                buf.fill(Rect(x: x, y: y, width: cellW - 1, height: cellH), " ", style)
                let ids = map.risks(likelihood: l, impact: i)
                var lines = ids.isEmpty ? ["\(score)"] : ids
                if lines.count > cellH {
                    lines = Array(lines.prefix(max(1, cellH - 1))) + ["+\(ids.count - max(1, cellH - 1)) more"]
                    if cellH == 1 { lines = ["\(ids[0]) +\(ids.count - 1)"] }
                }
                var ls = style
                if ids.isEmpty { ls.dim = true } else { ls.bold = true }
                let top = y + (cellH - lines.count) / 2
                for (k, text) in lines.enumerated() {
                    buf.put(text, in: Rect(x: x, y: top + k, width: cellW - 1, height: 1), align: .center, ls)
                }
            }
        }
        let axisY = y0 + 1 + 5 * cellH
        for i in 1...5 {
            buf.put("\(i)", in: Rect(x: x0 + labelW + (i - 1) * cellW, y: axisY, width: cellW - 1, height: 1), align: .center, t[.muted])
        }
        buf.put("Impact", in: Rect(x: x0 + labelW, y: axisY + 1, width: 5 * cellW, height: 1), align: .center, t[.muted])
        return Rect(x: x0, y: y0, width: w, height: h)
    }
}
