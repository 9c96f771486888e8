import CsdashCore

/// An indicator's page: headline, history chart, recent values, definition, commentary and linked risks.
enum IndicatorView {
    /// Title row, two rows of headline (value, status, target, direction, change, comparators), then the
    /// SPC verdict in words.
    static func headRows(_ area: Rect) -> Int { 3 + spcRows(area) }
    /// The SPC verdict's rows: three below 160 columns, where its words (verdict, caveat, what it means for
    /// the target) can need them.
    static func spcRows(_ area: Rect) -> Int { area.width < 160 ? 3 : 2 }

    static func chartRect(_ area: Rect) -> Rect {
        // The SPC words take their rows from the page below the chart, not from the chart.
        let chartH = max(7, min(24, (area.height - headRows(area) + spcRows(area)) / 2))
        return Rect(x: area.x + 1, y: area.y + headRows(area), width: area.width - 2, height: chartH)
    }

    /// The scrollable part under the chart.
    static func pageRect(_ area: Rect) -> Rect {
        let chart = chartRect(area)
        return Rect(x: chart.x, y: chart.maxY + 1, width: chart.width, height: area.maxY - chart.maxY - 1)
    }

    static func metrics(_ area: Rect, _ s: AppState, id: String, _ ctx: RenderContext) -> PageMetrics? {
        guard let e = s.card.indicator(id) else { return nil }
        let rest = pageRect(area)
        return PageMetrics(page(e, s, rest, ctx), in: rest)
    }

    static func render(_ buf: inout Buffer, _ area: Rect, _ s: AppState, id: String, _ ctx: RenderContext) {
        let t = ctx.theme
        guard let e = s.card.indicator(id) else {
            buf.put("unknown indicator '\(id)'", in: area, row: 1, align: .center, t[.worse])
            return
        }
        let ind = e.indicator
        let x = area.x + 1, w = area.width - 2
        let panelTitle = s.dataset.panel(ind.panel)?.title ?? ind.panel
        buf.put(x, area.y, ind.title, t[.title], limit: max(10, w - panelTitle.count - 2))
        buf.put(panelTitle, in: Rect(x: x, y: area.y, width: w, height: 1), align: .right, t[.muted])
        Flow(Rect(x: x, y: area.y + 1, width: w, height: 2)).place(&buf, headline(e, s, ctx))
        IndicatorSPCLine.draw(&buf, Rect(x: x, y: area.y + 3, width: w, height: spcRows(area)), e, ctx)

        var chart = HistoryChart(e, dataset: s.dataset)
        if s.showSPC { (chart.references, chart.marked) = IndicatorSPCLayers.layers(e, ctx.glyphs) }
        buf.render(chart, in: chartRect(area), ctx)
        let rest = pageRect(area)
        guard rest.height > 0 else { return }
        let doc = page(e, s, rest, ctx)
        doc.blit(into: &buf, rest, scroll: s.top.scroll, selectedLink: s.links.isEmpty ? nil : s.top.selected, ctx)
    }

    /// The headline, in the order a reader wants it: value, status, target and band, direction, change,
    /// period, comparators.
    static func headline(_ e: IndicatorEvaluation, _ s: AppState, _ ctx: RenderContext) -> [Flow.Item] {
        let t = ctx.theme, g = ctx.glyphs, ind = e.indicator
        if ind.dataProblem {
            // Its data failed to load: say so instead of a value that may be wrong or out of date.
            let n = s.problemList.filter { $0.severity == .error && $0.subject == .indicator(ind.id) }.count
            let why = n > 0 ? "\(n) problem\(n == 1 ? "" : "s") in its data" : "a history file naming it failed to load"
            return [.init(" \(g.problem) data problem: \(why); its value is not shown. ! lists every problem ",
                          t[.worse].reversed.bolded)]
        }
        var items: [Flow.Item] = []
        items.append(.init(ValueFormat.value(e.value, ind, style: .full), t.status(e.status).bolded))
        items.append(.init("\(g.status(e.status)) \(e.status.phrase)", t.status(e.status)))
        if let target = e.target { items.append(.init(Wording.target(target, ind, g), t[.target])) }
        if e.direction != .none {
            items.append(.init(Wording.direction(e, g), t.direction(e.direction)))
        }
        if let change = e.yearAgoChange, let ya = e.yearAgo {
            items.append(.init("\(ValueFormat.change(change, ind)) on \(ya.period.short)", t[.muted]))
        }
        let when = (e.current.map { "value for " + $0.period.short } ?? "no data") + (e.stale ? " \(g.stale) stale" : "")
        items.append(.init(when, e.stale ? t[.stale] : t[.muted]))
        // Each comparator with its source and period: the figure in the history file for this period.
        let source = e.current.map { " " + ComparatorSource.of($0, ind, in: s.dataset) } ?? ""
        for (k, c) in e.comparators(in: s.dataset).enumerated() where c.value != nil {
            let mark = k < 3 ? "\(g.comparatorMarks[k]) " : ""
            items.append(.init(mark + c.name + " " + ValueFormat.value(c.value, ind, style: .bare) + source,
                               k < 3 ? t[HistoryChart.seriesRole(k)] : t[.muted]))
        }
        return items
    }

    /// The scrollable page: recent values, then the benchmark (IndicatorBenchmark), commentary, definition and
    /// linked risks (side by side when wide).
    static func page(_ e: IndicatorEvaluation, _ s: AppState, _ rest: Rect, _ ctx: RenderContext) -> Document {
        let g = ctx.glyphs
        if rest.width >= 120 {
            // The table beside the text is wide enough for its comparators' names ("× Stat. nbrs"), up to half.
            let comparators = min(3, e.comparators(in: s.dataset).count)
            let leftW = min(max(70, 40 + comparators * 15), rest.width / 2)
            var left = Document(width: leftW - 2, ellipsis: g.ellipsis)
            // Wide pages show as much history as fits beside the text.
            table(&left, e, s, ctx, rows: max(8, rest.height - 3))
            var right = Document(width: rest.width - leftW, ellipsis: g.ellipsis)
            benchmark(&right, e, s, ctx)
            text(&right, e, s, ctx)
            return Document.sideBySide(left, right, rightX: leftW, width: rest.width)
        }
        var stacked = Document(width: rest.width, ellipsis: g.ellipsis)
        table(&stacked, e, s, ctx, rows: 8)
        stacked.blank()
        benchmark(&stacked, e, s, ctx)
        var below = Document(width: rest.width, ellipsis: g.ellipsis)
        text(&below, e, s, ctx)
        stacked.append(below)
        return stacked
    }

    /// The latest values with target, status and comparators, newest first.
    static func table(_ doc: inout Document, _ e: IndicatorEvaluation, _ s: AppState, _ ctx: RenderContext, rows: Int) {
        let t = ctx.theme, g = ctx.glyphs
        let ind = e.indicator
        let comps = e.comparators(in: s.dataset).prefix(3)
        let compW = comps.isEmpty ? 0 : max(9, min(16, (doc.width - 38) / max(1, comps.count) - 1))
        doc.line("Recent values", t[.title])
        // An indicator that never had a target has no Target or Status to show ("-  · -" on every row).
        let judged = !ind.targets.isEmpty
        var head = "Period".padded(to: 9) + "Value".leftPadded(to: 10) + (judged ? "Target".leftPadded(to: 9) + "  Status  " : "")
        for (k, c) in comps.enumerated() {
            let name = c.name.count <= compW - 2 ? c.name : ComparatorName.short(c.name)
            head += " " + "\(g.comparatorMarks[k]) \(name)".truncated(to: compW, ellipsis: g.ellipsis).leftPadded(to: compW)
        }
        doc.line(head, t[.muted])
        for o in e.visibleHistory.suffix(rows).reversed() {
            let st = Evaluator.status(of: o, in: ind)
            let y = doc.newRow()
            var x = doc.put(0, y, o.period.short.padded(to: 9), t[.text])
            x = doc.put(x, y, ValueFormat.value(o.value, ind, style: .bare).leftPadded(to: 10), t.status(st))
            if judged {
                let target = ind.target(for: o.period).map { ChartBand.bound($0.value, ind, g) } ?? "-"
                x = doc.put(x, y, target.leftPadded(to: 9), t[.target])
                x = doc.put(x + 2, y, "\(g.status(st)) \(st == .none ? "-" : st.rawValue)".padded(to: 8), t.status(st))
            }
            for (k, c) in comps.enumerated() {
                let v = s.dataset.comparatorIndex(c.name).flatMap { o.comparator($0) }
                x = doc.put(x + 1, y, ValueFormat.value(v, ind, style: .bare).leftPadded(to: compW), t[HistoryChart.seriesRole(k)])
            }
        }
        if ind.targets.count > 1 {
            doc.blank()
            let changes = ind.targets.map { "\(ChartBand.bound($0.value, ind, g)) from \($0.from.short)" }
            doc.wrapped("Target: " + changes.joined(separator: ", then "), t[.target])
        }
    }

    /// Definition, source, the quarter's commentary and the linked risks.
    static func text(_ doc: inout Document, _ e: IndicatorEvaluation, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme
        let ind = e.indicator
        DraftCommentaryView.indicator(&doc, e, s, ctx)
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
        let y = doc.newRow(link: true)
        let x = doc.put(0, y, "  " + id.padded(to: 7), ctx[.text])
        if let r = s.card.risk(id) { riskDetails(&doc, y, x, r, s, ctx) }
    }

    static func riskDetails(_ doc: inout Document, _ y: Int, _ x: Int, _ r: RiskEvaluation, _ s: AppState,
                            _ ctx: RenderContext) {
        let t = ctx.theme
        let score = r.score.map { String($0) } ?? "-"
        let afterScore = doc.put(x, y, " \(score) ".leftPadded(to: 4), RiskViews.bandStyle(r, s, t))
        let afterTrend = doc.put(afterScore + 1, y, Wording.riskTrend(r, ctx.glyphs).padded(to: 13), RiskViews.trendStyle(r, t))
        doc.put(afterTrend + 1, y, r.risk.title, t[.text])
    }
}
