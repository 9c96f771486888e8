import CsdashCore

/// An indicator's page: headline, history chart, recent values, definition, commentary and linked risks.
enum IndicatorView {
    static func render(_ buf: inout Buffer, _ area: Rect, _ s: AppState, id: String, _ ctx: RenderContext) {
        let t = ctx.theme
        let g = ctx.glyphs
        guard let e = s.card.indicator(id) else {
            buf.put("unknown indicator '\(id)'", in: area, row: 1, align: .center, t[.worse])
            return
        }
        let ind = e.indicator
        let x = area.x + 1, w = area.width - 2
        buf.put(x, area.y, ind.title.truncated(to: w - 20, ellipsis: g.ellipsis), t[.title])
        let panelTitle = s.dataset.panel(ind.panel)?.title ?? ind.panel
        buf.put(panelTitle, in: Rect(x: x, y: area.y, width: w, height: 1), align: .right, t[.muted])

        if ind.dataProblem {
            // Its data failed to load: say so instead of a value that may be wrong or out of date.
            let n = s.problems.filter { $0.severity == .error && $0.subject == .indicator(id) }.count
            let why = n > 0 ? "\(n) problem\(n == 1 ? "" : "s") in its data" : "a history file naming it failed to load"
            buf.put(x, area.y + 1, " \(g.problem) data problem: \(why); its value is not shown. ! lists every problem ",
                    t[.worse].reversed.bolded, limit: w)
        } else {
            headline(&buf, area, e, s, t, g)
        }
        let comps = e.comparators(in: s.dataset)
        if !comps.isEmpty {
            let text = comps.map { "\($0.name) \(ValueFormat.value($0.value, ind, style: .bare))" }.joined(separator: g.bullet)
            buf.put(x, area.y + 2, "Comparators: " + text, t[.muted], limit: w)
        }

        let chartH = max(7, min(24, (area.height - 3) / 2))
        let chart = Rect(x: x, y: area.y + 3, width: w, height: chartH)
        buf.render(HistoryChart(e, dataset: s.dataset), in: chart, ctx)

        let rest = Rect(x: x, y: chart.maxY + 1, width: w, height: area.maxY - chart.maxY - 1)
        guard rest.height > 0 else { return }
        let doc: Document
        if rest.width >= 120 {
            let leftW = min(70, rest.width / 2)
            var left = Document(width: leftW - 2)
            table(&left, e, s, ctx)
            var right = Document(width: rest.width - leftW)
            text(&right, e, s, ctx)
            doc = Document.sideBySide(left, right, rightX: leftW, width: rest.width)
        } else {
            var stacked = Document(width: rest.width)
            table(&stacked, e, s, ctx)
            stacked.blank()
            var below = Document(width: rest.width)
            text(&below, e, s, ctx)
            stacked.append(below)
            doc = stacked
        }
        doc.blit(into: &buf, rest, scroll: s.top.scroll,
                 selectedLink: s.links.isEmpty || !s.top.followLink ? nil : s.top.selected, selection: t[.selection])
    }

    /// Value, status against target, direction, year-on-year change, period.
    static func headline(_ buf: inout Buffer, _ area: Rect, _ e: IndicatorEvaluation, _ s: AppState, _ t: Theme, _ g: Glyphs) {
        let ind = e.indicator
        let x = area.x + 1
        var hx = buf.put(x, area.y + 1, ValueFormat.value(e.value, ind, style: .full), t.status(e.status).bolded) + 2
        hx = buf.put(hx, area.y + 1, "\(g.status(e.status)) \(e.status.phrase)", t.status(e.status))
        if let target = e.target {
            hx = buf.put(hx, area.y + 1, " " + ValueFormat.value(target.value, ind, style: .bare)
                         + (target.tolerance > 0 ? " (\(g.plusMinus)\(ValueFormat.number(target.tolerance, decimals: ind.decimals)))" : ""), t[.target])
        }
        if e.direction != .none {
            hx = buf.put(hx + 2, area.y + 1, "\(g.arrow(e.direction, polarity: ind.polarity)) \(e.direction.rawValue) from "
                         + ValueFormat.value(e.previousValue, ind, style: .bare), t.direction(e.direction))
        }
        if let change = e.yearAgoChange {
            hx = buf.put(hx + 2, area.y + 1, "\(ValueFormat.change(change, ind)) on a year ago", t[.muted])
        }
        let when = (e.current?.period.short ?? "no data") + (e.stale ? " \(g.stale) stale" : "")
        buf.put(hx + 2, area.y + 1, when, e.stale ? t[.stale] : t[.muted], limit: area.maxX - hx - 3)
    }

    /// The last 8 values with target, status and comparators.
    static func table(_ doc: inout Document, _ e: IndicatorEvaluation, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme
        let g = ctx.glyphs
        let ind = e.indicator
        let comps = e.comparators(in: s.dataset).prefix(3)
        let compW = comps.isEmpty ? 0 : max(6, min(12, (doc.width - 36) / max(1, comps.count) - 1))
        doc.line("Recent values", t[.title])
        var head = "Period".padded(to: 9) + "Value".leftPadded(to: 10) + "Target".leftPadded(to: 9) + "  Status  "
        for c in comps { head += " " + c.name.truncated(to: compW, ellipsis: g.ellipsis).leftPadded(to: compW) }
        doc.line(head, t[.muted])
        for o in e.visibleHistory.suffix(8).reversed() {
            let st = Evaluator.status(of: o, in: ind)
            let y = doc.newRow()
            var x = doc.put(0, y, o.period.short.padded(to: 9), t[.text])
            x = doc.put(x, y, ValueFormat.value(o.value, ind, style: .bare).leftPadded(to: 10), t.status(st))
            let target = ind.target(for: o.period).map { ValueFormat.value($0.value, ind, style: .bare) } ?? "-"
            x = doc.put(x, y, target.leftPadded(to: 9), t[.target])
            x = doc.put(x + 2, y, "\(g.status(st)) \(st.rawValue)".padded(to: 8), t.status(st))
            for (k, c) in comps.enumerated() {
                let v = s.dataset.comparatorIndex(c.name).flatMap { o.comparator($0) }
                x = doc.put(x + 1, y, ValueFormat.value(v, ind, style: .bare).leftPadded(to: compW), t[HistoryChart.seriesRole(k)])
            }
        }
        if ind.targets.count > 1 {
            doc.blank()
            let changes = ind.targets.map { "\(ValueFormat.value($0.value, ind, style: .bare)) from \($0.from.short)" }
            doc.wrapped("Target: " + changes.joined(separator: ", then "), t[.target])
        }
    }

    /// Definition, source, the quarter's commentary and the linked risks.
    static func text(_ doc: inout Document, _ e: IndicatorEvaluation, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme
        let ind = e.indicator
        doc.line("Commentary, \(s.asAt.short)", t[.title])
        if let c = ind.commentary[s.asAt] {
            doc.wrapped(c, t[.text])
        } else {
            doc.line("No commentary for this quarter.", t[.muted])
        }
        doc.blank()
        if !ind.definition.isEmpty { doc.wrapped("Definition: " + ind.definition, t[.muted]) }
        if !ind.source.isEmpty { doc.wrapped("Source: " + ind.source, t[.muted]) }
        doc.blank()
        doc.line("Linked risks" + (ind.risks.isEmpty ? ": none" : " (Enter opens)"), t[.title])
        for id in ind.risks { riskLine(&doc, id, s, ctx) }
    }

    /// One linked risk: id, score in its band's colour, trend, title.
    static func riskLine(_ doc: inout Document, _ id: String, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme
        let y = doc.newRow(link: true)
        let x = doc.put(0, y, "  " + id.padded(to: 7), t[.text])
        if let r = s.card.risk(id) { riskDetails(&doc, y, x, r, s, ctx) }
    }

    static func riskDetails(_ doc: inout Document, _ y: Int, _ x: Int, _ r: RiskEvaluation, _ s: AppState,
                            _ ctx: RenderContext) {
        let t = ctx.theme
        let g = ctx.glyphs
        let score = r.score.map { String($0) } ?? "-"
        let afterScore = doc.put(x, y, " \(score) ".leftPadded(to: 4), RiskViews.bandStyle(r, s, t))
        let afterTrend = doc.put(afterScore + 1, y, "\(g.trend(r.trend)) ", t[.muted])
        doc.put(afterTrend, y, r.risk.title, t[.text])
    }
}
