import CsdashCore

/// The risk register (sorted by score, with the heat map) and a single risk's page.
enum RiskViews {
    static func bandStyle(_ r: RiskEvaluation, _ s: AppState, _ t: Theme) -> Style {
        let i = r.score.flatMap { Evaluator.bandIndex(for: $0, in: s.dataset.riskBands) } ?? 0
        return t.band(index: i, of: s.dataset.riskBands.count)
    }

    static func register(_ buf: inout Buffer, _ area: Rect, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme
        let risks = s.card.risks
        let wide = area.width >= 130
        // The heat map takes 62 to 84 columns on the right; cells widen with it.
        let mapW = wide ? min(84, max(62, area.width - 110)) : 0
        let listW = wide ? area.width - mapW - 2 : area.width
        let list = Rect(x: area.x + 1, y: area.y, width: listW - 2, height: area.height)
        buf.put(list.x, list.y, "Risk register as at \(s.asAt.short): \(risks.count) risks, highest score first", t[.title])
        let ownerW = list.width >= 100 ? 30 : 0
        let titleW = list.width - 30 - ownerW
        var head = "Risk".padded(to: 8) + "Score".leftPadded(to: 5) + "  " + "Rating".padded(to: 9) + "Trend "
        head += "Title".padded(to: titleW) + (ownerW > 0 ? " " + "Owner".padded(to: ownerW - 1) : "")
        buf.put(list.x, list.y + 2, head, t[.muted])
        let sel = min(s.top.selected, max(0, risks.count - 1))
        for (i, r) in risks.enumerated() where list.y + 3 + i < list.maxY {
            let row = Rect(x: list.x, y: list.y + 3 + i, width: list.width, height: 1)
            registerRow(&buf, row, r, titleW: titleW, ownerW: ownerW, s, ctx)
            if i == sel { buf.highlight(row, t[.selection]) }
        }
        let legendY = list.y + 4 + risks.count
        if legendY < list.maxY {
            var x = list.x
            x = buf.put(x, legendY, "Bands: ", t[.muted])
            for (i, b) in s.dataset.riskBands.enumerated() {
                x = buf.put(x, legendY, " \(b.name) \(b.min)-\(b.max) ", t.band(index: i, of: s.dataset.riskBands.count)) + 1
            }
        }
        let selectedID: String? = sel < risks.count ? risks[sel].risk.id : nil
        let map = HeatMap(risks: risks, bands: s.dataset.riskBands, selected: selectedID)
        if wide {
            buf.render(map, in: Rect(x: area.maxX - mapW - 1, y: area.y + 2, width: mapW, height: min(area.height - 2, 14)), ctx)
        } else {
            let top = legendY + 2
            buf.render(map, in: Rect(x: area.x + 1, y: top, width: min(area.width - 2, 70), height: area.maxY - top), ctx)
        }
    }

    /// One row of the register: id, score in its band's colour, rating, trend, title, owner.
    static func registerRow(_ buf: inout Buffer, _ row: Rect, _ r: RiskEvaluation, titleW: Int, ownerW: Int,
                            _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme
        let g = ctx.glyphs
        let y = row.y
        var x = buf.put(row.x, y, r.risk.id.padded(to: 8), t[.text])
        if r.risk.dataProblem { buf[row.x + 7, y] = Cell(g.problem, t[.worse].bolded) }  // part of its entry failed
        x = buf.put(x, y, " \(r.score.map { String($0) } ?? "-") ".leftPadded(to: 5), bandStyle(r, s, t))
        x = buf.put(x + 2, y, (r.rating?.name ?? "-").padded(to: 9), t[.text])
        let trendStyle = r.trend == .up ? t[.worse] : r.trend == .down ? t[.better] : t[.muted]
        x = buf.put(x, y, "\(g.trend(r.trend)) " + (r.previousScore.map { "\($0)" } ?? "").padded(to: 3), trendStyle) + 1
        x = buf.put(x, y, r.risk.title.padded(to: titleW, ellipsis: g.ellipsis), t[.text])
        if ownerW > 0 { buf.put(x + 1, y, r.risk.owner.padded(to: ownerW - 1, ellipsis: g.ellipsis), t[.muted]) }
    }

    static func risk(_ buf: inout Buffer, _ area: Rect, _ s: AppState, id: String, _ ctx: RenderContext) {
        let t = ctx.theme
        let g = ctx.glyphs
        guard let r = s.card.risk(id) else {
            buf.put("unknown risk '\(id)'", in: area, row: 1, align: .center, t[.worse])
            return
        }
        let x = area.x + 1, w = area.width - 2
        buf.put(x, area.y, "\(r.risk.id)  \(r.risk.title)".truncated(to: w, ellipsis: g.ellipsis), t[.title])
        var hx = x
        if let c = r.current {
            hx = buf.put(hx, area.y + 1, " \(r.rating?.name ?? "Unrated") \(c.score) ", bandStyle(r, s, t)) + 1
            hx = buf.put(hx, area.y + 1, "likelihood \(c.likelihood) x impact \(c.impact)", t[.text]) + 2
        } else {
            hx = buf.put(hx, area.y + 1, "not assessed by \(s.asAt.short)", t[.muted]) + 2
        }
        let trendText: String
        switch r.trend {
        case .up: trendText = "\(g.up) up from \(r.previousScore ?? 0)"
        case .down: trendText = "\(g.down) down from \(r.previousScore ?? 0)"
        case .same: trendText = "\(g.flat) same as last time"
        case .new: trendText = "new this period"
        }
        hx = buf.put(hx, area.y + 1, trendText, r.trend == .up ? t[.worse] : r.trend == .down ? t[.better] : t[.muted]) + 2
        if let target = r.risk.target { hx = buf.put(hx, area.y + 1, "target \(target)", t[.target]) + 2 }
        if !r.risk.owner.isEmpty { buf.put(hx, area.y + 1, "owner: \(r.risk.owner)", t[.muted], limit: area.maxX - hx - 1) }

        let rest = Rect(x: x, y: area.y + 3, width: w, height: area.height - 3)
        var doc = Document(width: rest.width)
        if !r.risk.description.isEmpty {
            doc.wrapped(r.risk.description, t[.text])
            doc.blank()
        }
        let hist = r.visibleHistory
        let spark = Sparkline(values: hist.suffix(24).map { Double($0.score) }, target: r.risk.target.map(Double.init))
        let historyRow = doc.newRow()
        var sx = doc.put(0, historyRow, "Score history ", t[.title])
        for (c, a) in zip(spark.characters(g), hist.suffix(24)) {
            let i = Evaluator.bandIndex(for: a.score, in: s.dataset.riskBands) ?? 0
            doc.set(sx, historyRow, Cell(c, t.bandMark(index: i, of: s.dataset.riskBands.count)))
            sx += 1
        }
        doc.line("Period".padded(to: 10) + "L  I  Score  Note", t[.muted])
        for a in hist.suffix(6).reversed() {
            doc.line(a.period.short.padded(to: 10) + "\(a.likelihood)  \(a.impact)  " + "\(a.score)".leftPadded(to: 5) + "  " + a.note, t[.text])
        }
        doc.blank()
        doc.line("Controls", t[.title])
        if r.risk.controls.isEmpty { doc.line("  none recorded", t[.muted]) }
        for c in r.risk.controls { doc.wrapped("- " + c, t[.text], indent: 2) }
        doc.blank()
        doc.line("Actions", t[.title])
        if r.risk.actions.isEmpty { doc.line("  none recorded", t[.muted]) }
        let ownerW = min(34, max(10, w / 4))
        for a in r.risk.actions {
            let textW = max(10, w - ownerW - 18)  // owner, then "due 2021-12"
            let lines = TextWrap.lines(a.text, width: textW)
            for (k, l) in lines.enumerated() {
                let y = doc.newRow()
                doc.put(2, y, (k == 0 ? "- " : "  ") + l, t[.text])
                if k == 0 {
                    doc.put(4 + textW, y, a.owner.padded(to: ownerW, ellipsis: g.ellipsis), t[.muted])
                    doc.put(5 + textW + ownerW, y, a.due.isEmpty ? "" : "due \(a.due)", t[.target])
                }
            }
        }
        doc.blank()
        doc.line("Linked indicators" + (r.risk.indicators.isEmpty ? ": none" : " (Enter opens)"), t[.title])
        for iid in r.risk.indicators {
            let y = doc.newRow(link: true)
            if let e = s.card.indicator(iid) {
                doc.set(2, y, Cell(g.status(e.status), t.status(e.status)))
                var lx = doc.put(4, y, e.indicator.title.padded(to: min(50, w - 30), ellipsis: g.ellipsis), t[.text]) + 1
                lx = doc.put(lx, y, ValueFormat.value(e.value, e.indicator).leftPadded(to: 10), t.status(e.status)) + 1
                doc.put(lx, y, e.status.phrase, t.status(e.status))
            } else {
                doc.put(2, y, iid, t[.muted])
            }
        }
        doc.blit(into: &buf, rest, scroll: s.top.scroll, selectedLink: s.links.isEmpty || !s.top.followLink ? nil : s.top.selected, selection: t[.selection])
    }
}
