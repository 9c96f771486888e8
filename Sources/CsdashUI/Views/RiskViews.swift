import CsdashCore

/// The risk register (sorted by score, with the heat map) and a single risk's page.
enum RiskViews {
    static func bandStyle(_ r: RiskEvaluation, _ s: AppState, _ t: Theme) -> Style {
        let i = r.score.flatMap { Evaluator.bandIndex(for: $0, in: s.dataset.riskBands) } ?? 0
        return t.band(index: i, of: s.dataset.riskBands.count)
    }

    static func trendStyle(_ r: RiskEvaluation, _ t: Theme) -> Style {
        r.trend == .up ? t[.worse] : r.trend == .down ? t[.better] : t[.muted]
    }

    /// Where the register's parts go: the list rows (scrolled), the band legend, and the heat map (on the
    /// right when wide, below the list otherwise).
    struct RegisterLayout {
        var list: Rect
        var rows: Rect
        var legendY: Int
        var map: Rect
    }

    static func registerLayout(_ area: Rect, count: Int) -> RegisterLayout {
        let wide = area.width >= 130
        // The heat map takes 62 to 84 columns on the right (cells widen with it), once the list has room for
        // whole titles and owners (about 140 columns).
        let mapW = wide ? min(84, max(62, area.width - 140)) : 0
        let listW = wide ? area.width - mapW - 2 : area.width
        let list = Rect(x: area.x + 1, y: area.y, width: listW - 2, height: area.height)
        // Narrow: the heat map (5 rows, axis, label) goes under the list when the list leaves room for it.
        let mapH = 9
        let needed: Int = max(1, count) + 4 + mapH
        let below: Bool = !wide && area.height >= needed
        let room: Int = area.height - 4 - (below ? mapH : 0)
        let rows = Rect(x: list.x, y: list.y + 3, width: list.width, height: max(1, min(max(1, count), room)))
        let legendY = rows.maxY + 1
        let map: Rect
        if wide {
            // Room for cells of three rows, which a cell of three risks needs (HeatMap takes only what it needs).
            map = Rect(x: area.maxX - mapW - 1, y: area.y + 2, width: mapW, height: min(area.height - 2, 18))
        } else if below {
            map = Rect(x: area.x + 1, y: legendY + 2, width: min(area.width - 2, 70), height: area.maxY - legendY - 2)
        } else {
            map = Rect(x: 0, y: 0, width: 0, height: 0)
        }
        return RegisterLayout(list: list, rows: rows, legendY: legendY, map: map)
    }

    static func registerMetrics(_ area: Rect, _ s: AppState) -> PageMetrics {
        let n = s.visibleRisks.count
        let l = registerLayout(area, count: n)
        return PageMetrics(rows: n, linkRows: Array(0..<n), viewport: l.rows.height)
    }

    static func register(_ buf: inout Buffer, _ area: Rect, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme, g = ctx.glyphs
        let risks = s.visibleRisks
        let l = registerLayout(area, count: risks.count)
        let list = l.list
        let shown = s.riskFilter.isEmpty ? "\(risks.count) risks" : "\(risks.count) of \(s.card.risks.count) risks matching /\(s.riskFilter)"
        let heading = "Risk register as at \(s.asAt.short): \(shown)"
        let order = ", highest score first"
        buf.put(list.x, list.y, heading.count + order.count <= list.width ? heading + order : heading, t[.title], limit: list.width)
        let ownerW = list.width >= 130 ? 36 : list.width >= 100 ? 30 : 0
        let titleW = list.width - 37 - ownerW
        var head = "Risk".padded(to: 8) + "Score".leftPadded(to: 5) + "  " + "Rating".padded(to: 9) + "Trend".padded(to: 14)
        head += "Title".padded(to: titleW) + (ownerW > 0 ? " " + "Owner".padded(to: ownerW - 1) : "")
        buf.put(list.x, list.y + 2, head, t[.muted], limit: list.width)
        if risks.isEmpty {
            buf.put(list.x, l.rows.y, "no risks match /\(s.riskFilter) (Esc clears it)", t[.muted], limit: list.width)
        }
        let sel = min(s.top.selected, max(0, risks.count - 1))
        let offset = max(0, min(s.top.scroll, risks.count - l.rows.height))
        for (i, r) in risks.enumerated().dropFirst(offset).prefix(l.rows.height) {
            let row = Rect(x: list.x, y: l.rows.y + i - offset, width: list.width, height: 1)
            registerRow(&buf, row, r, titleW: titleW, ownerW: ownerW, s, ctx)
            if i == sel { buf.highlight(row, t[.selection]) }
        }
        if risks.count > l.rows.height {
            let up: String = offset > 0 ? g.moreAbove : " "
            let down: String = offset + l.rows.height < risks.count ? g.moreBelow : " "
            let pos = " \(sel + 1)/\(risks.count) " + up + down + " "
            buf.put(list.maxX - pos.count, l.rows.maxY, pos, t[.key])
        }
        if l.legendY < list.maxY {
            var x = list.x
            x = buf.put(x, l.legendY, "Bands: ", t[.muted])
            for (i, b) in s.dataset.riskBands.enumerated() {
                x = buf.put(x, l.legendY, " \(b.name) \(b.min)-\(b.max) ", t.band(index: i, of: s.dataset.riskBands.count)) + 1
            }
        }
        let selectedID: String? = sel < risks.count ? risks[sel].risk.id : nil
        let map = HeatMap(risks: risks, bands: s.dataset.riskBands, selected: selectedID)
        if !l.map.isEmpty { buf.render(map, in: l.map, ctx) }
    }

    /// One row of the register: id, score in its band's colour, rating, trend, title, owner.
    static func registerRow(_ buf: inout Buffer, _ row: Rect, _ r: RiskEvaluation, titleW: Int, ownerW: Int,
                            _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme, g = ctx.glyphs
        let y = row.y
        var x = buf.put(row.x, y, r.risk.id.padded(to: 8, ellipsis: g.ellipsis), t[.text])
        if r.risk.dataProblem { buf[row.x + 7, y] = Cell(g.problem, t[.worse].bolded) }  // part of its entry failed
        x = buf.put(x, y, " \(r.score.map { String($0) } ?? "-") ".leftPadded(to: 5), bandStyle(r, s, t))
        x = buf.put(x + 2, y, (r.rating?.name ?? "-").padded(to: 9, ellipsis: g.ellipsis), t[.text])
        x = buf.put(x, y, Wording.riskTrend(r, g).padded(to: 14), trendStyle(r, t))
        x = buf.put(x, y, r.risk.title.padded(to: titleW, ellipsis: g.ellipsis), t[.text])
        if ownerW > 0 { buf.put(x + 1, y, r.risk.owner.padded(to: ownerW - 1, ellipsis: g.ellipsis), t[.muted]) }
    }

    static func riskPageRect(_ area: Rect) -> Rect {
        Rect(x: area.x + 1, y: area.y + 3, width: area.width - 2, height: area.height - 3)
    }

    static func riskMetrics(_ area: Rect, _ s: AppState, id: String, _ ctx: RenderContext) -> PageMetrics? {
        guard let r = s.card.risk(id) else { return nil }
        let rest = riskPageRect(area)
        return PageMetrics(riskPage(r, s, rest, ctx), in: rest)
    }

    static func risk(_ buf: inout Buffer, _ area: Rect, _ s: AppState, id: String, _ ctx: RenderContext) {
        let t = ctx.theme, g = ctx.glyphs
        guard let r = s.card.risk(id) else {
            buf.put("unknown risk '\(id)'", in: area, row: 1, align: .center, t[.worse])
            return
        }
        let x = area.x + 1, w = area.width - 2
        buf.put(x, area.y, "\(r.risk.id)  \(r.risk.title)", t[.title], limit: w)
        var items: [Flow.Item] = []
        if let c = r.current {
            items.append(.init(" \(r.rating?.name ?? "Unrated") \(c.score) ", bandStyle(r, s, t)))
            items.append(.init("likelihood \(c.likelihood) x impact \(c.impact)", t[.text]))
        } else {
            items.append(.init("not assessed by \(s.asAt.short)", t[.muted]))
        }
        items.append(.init(r.trend == .new ? "new this period" : Wording.riskTrend(r, g), trendStyle(r, t)))
        if let target = r.risk.target { items.append(.init("target score \(target)", t[.target])) }
        if !r.risk.owner.isEmpty { items.append(.init("owner: \(r.risk.owner)", t[.muted])) }
        Flow(Rect(x: x, y: area.y + 1, width: w, height: 2)).place(&buf, items)

        let rest = riskPageRect(area)
        let doc = riskPage(r, s, rest, ctx)
        doc.blit(into: &buf, rest, scroll: s.top.scroll, selectedLink: s.links.isEmpty ? nil : s.top.selected, ctx)
    }

    /// The scrollable part of a risk's page: description, score history, controls, actions, linked indicators.
    static func riskPage(_ r: RiskEvaluation, _ s: AppState, _ rest: Rect, _ ctx: RenderContext) -> Document {
        let t = ctx.theme, g = ctx.glyphs
        let w = rest.width
        var doc = Document(width: w, ellipsis: g.ellipsis)
        if !r.risk.description.isEmpty {
            doc.wrapped(r.risk.description, t[.text])
            doc.blank()
        }
        DraftCommentaryView.risk(&doc, r, s, ctx)
        scoreHistory(&doc, r, s, ctx)
        doc.blank()
        doc.line("Controls", t[.title])
        if r.risk.controls.isEmpty { doc.line("  none recorded", t[.muted]) }
        for c in r.risk.controls { doc.wrapped("- " + c, t[.text], indent: 2) }
        doc.blank()
        doc.line("Actions", t[.title])
        if r.risk.actions.isEmpty { doc.line("  none recorded", t[.muted]) }
        let ownerW = min(34, max(10, w / 4))
        for a in r.risk.actions {
            // "- " and the text, a space, the owner, a space, then "due 2021-12-31".
            let textW = max(10, w - 4 - ownerW - 2 - 14)
            let lines = TextWrap.lines(a.text, width: textW)
            for (k, l) in lines.enumerated() {
                let y = doc.newRow()
                doc.put(2, y, (k == 0 ? "- " : "  ") + l, t[.text])
                if k == 0 {
                    doc.put(5 + textW, y, a.owner.padded(to: ownerW, ellipsis: g.ellipsis), t[.muted])
                    doc.put(6 + textW + ownerW, y, a.due.isEmpty ? "" : "due \(a.due)", t[.target])
                }
            }
        }
        doc.blank()
        doc.line("Linked indicators" + (r.risk.indicators.isEmpty ? ": none" : " (Enter opens)"), t[.title])
        // Status mark, title, value, then the status in words ("better than target", 18 cells at most): the
        // title gives way first.
        let linked = r.risk.indicators.compactMap { s.card.indicator($0) }
        let valueW = min(16, max(6, linked.map { ValueFormat.value($0.value, $0.indicator).count }.max() ?? 6))
        let titleW = max(10, min(50, w - 4 - valueW - 2 - 18))
        for iid in r.risk.indicators {
            let y = doc.newRow(link: true)
            if let e = s.card.indicator(iid) {
                doc.set(2, y, Cell(g.status(e.status), t.status(e.status)))
                let title = e.indicator.title.count <= titleW ? e.indicator.title : e.indicator.short
                var lx = doc.put(4, y, title.padded(to: titleW, ellipsis: g.ellipsis), t[.text]) + 1
                lx = doc.put(lx, y, ValueFormat.value(e.value, e.indicator).leftPadded(to: valueW), t.status(e.status)) + 1
                doc.put(lx, y, e.status.phrase, t.status(e.status))
            } else {
                doc.put(2, y, iid, t[.muted])
            }
        }
        return doc
    }

    /// The score's history: a sparkline on the score's own scale, then the last six assessments.
    static func scoreHistory(_ doc: inout Document, _ r: RiskEvaluation, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme, g = ctx.glyphs
        let w = doc.width
        let hist = r.visibleHistory
        let shown = hist.suffix(max(6, min(48, w - 20)))
        // On the score's own scale (1, the lowest a score can be, to the largest a band allows, 25 on a 5x5
        // grid), not min..max, so a rise from 8 to 12 does not read as nothing to full; from 1, not 0, so that
        // the eight bars split the scores finely enough for a rise from 9 to 12 to show.
        let maxScore = Double(max(25, s.dataset.riskBands.map(\.max).max() ?? 25, shown.map(\.score).max() ?? 0))
        let spark = Sparkline(values: shown.map { Double($0.score) }, range: 1...maxScore)
        let historyRow = doc.newRow()
        var sx = doc.put(0, historyRow, "Score history ", t[.title])
        for (c, a) in zip(spark.characters(g), shown) {
            let i = Evaluator.bandIndex(for: a.score, in: s.dataset.riskBands) ?? 0
            doc.set(sx, historyRow, Cell(c, t.bandMark(index: i, of: s.dataset.riskBands.count)))
            sx += 1
        }
        if let first = shown.first, let last = shown.last {
            doc.put(sx + 1, historyRow, "scale 1-\(Int(maxScore)), \(first.period.short) to \(last.period.short)", t[.muted])
        }
        doc.line("Period".padded(to: 10) + "L  I  Score  Note", t[.muted])
        for a in hist.suffix(6).reversed() {
            doc.line(a.period.short.padded(to: 10) + "\(a.likelihood)  \(a.impact)  " + "\(a.score)".leftPadded(to: 5) + "  " + a.note, t[.text])
        }
    }
}
