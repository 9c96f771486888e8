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

    static func render(_ buf: inout Buffer, _ body: Rect, _ s: WallState, _ t: Theme, _ g: Glyphs) {
        let risks = s.card.risks.filter { $0.score != nil }
        guard !risks.isEmpty else {
            buf.put("no risks assessed by \(s.asAt.short)", in: body, row: body.height / 2, align: .center, t[.muted])
            return
        }
        let bands = s.dataset.riskBands
        // The map takes up to 40% of the width (at least its minimum of 38 cells), the list the rest.
        let mapW = max(38, min(13 + 5 * 14, body.width * 2 / 5))
        let cellH = body.height >= 5 * 2 + 3 + 1 ? 2 : 1
        let mapH = 5 * cellH + 3
        let mapRect = Rect(x: body.x + 1, y: body.y + max(0, (body.height - mapH) / 2), width: mapW, height: mapH)
        HeatMap(risks: s.card.risks, bands: bands).render(into: &buf, mapRect, theme: t, glyphs: g)
        let list = Rect(x: mapRect.maxX + 3, y: body.y, width: body.maxX - mapRect.maxX - 4, height: body.height)
        guard list.width >= 20 else { return }
        buf.put(list.x, list.y, "Highest-scoring risks", t[.muted])
        let rowH = list.height - 1 >= risks.count * 3 ? 3 : list.height - 1 >= risks.count * 2 ? 2 : 1
        let shown = min(risks.count, max(1, (list.height - 1) / rowH), 10)
        for (i, r) in risks.prefix(shown).enumerated() {
            let y = list.y + 1 + i * rowH + (rowH == 3 ? 1 : 0)
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
    }
}
