import CsdashCore

/// The overview: every panel with its indicators, as a grid or one panel at a time.
enum OverviewView {
    static func render(_ buf: inout Buffer, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme
        let layout = s.layout
        if let strip = layout.tabStrip { tabStrip(&buf, strip, s, ctx) }
        for (i, panel) in s.dataset.panels.enumerated() {
            guard let rect = layout.panels[safe: i], !rect.isEmpty else { continue }
            let list = s.visibleIndicatorPositions(panel: i)
            let focused = i == s.panelIndex
            buf.render(Box(title: "\(i + 1) \(panel.title)", focused: focused), in: rect, ctx)
            // Counts worst first, each in its status colour, focused or not.
            let counts = Chrome.counts(s.overview.counts(panel: panel.id, in: s.card), ctx)
            let countsW = counts.reduce(0) { $0 + $1.0.count } + counts.count - 1
            if rect.width - countsW - 4 >= 12 + "\(i + 1) \(panel.title)".count / 2 {
                var x = rect.maxX - 2 - countsW - 1
                x = buf.put(x, rect.y, " ", t[.border])
                for (k, c) in counts.enumerated() {
                    if k > 0 { x = buf.put(x, rect.y, " ", t[.border]) }
                    x = buf.put(x, rect.y, c.0, c.1.bolded)
                }
                buf.put(x, rect.y, " ", t[.border])
                // The title gives way to the counts.
                let titleEnd = rect.maxX - 2 - countsW - 2
                if titleEnd < rect.x + 3 + "\(i + 1) \(panel.title)".count {
                    buf.put(rect.x + 2, rect.y, "\(i + 1) \(panel.title)", focused ? t[.focusBorder] : t[.title],
                            limit: titleEnd - rect.x - 2)
                    buf.put(titleEnd, rect.y, " ", t[.border])
                }
            }
            drawPanel(&buf, Box.inner(rect), list, selected: focused ? s.rows[safe: i] : nil, rowHeight: layout.rowHeight, s, ctx)
        }
    }

    static func tabStrip(_ buf: inout Buffer, _ rect: Rect, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme
        let g = ctx.glyphs
        var x = rect.x + 1
        // With a filter on, each tab counts the rows it shows, so a panel without a match can be told at a glance.
        let filtered = !s.filter.isEmpty || s.statusFilter != .all
        for (i, p) in s.dataset.panels.enumerated() {
            let label = " \(i + 1) \(p.title) "
            let focused = i == s.panelIndex
            if x + label.count + 3 > rect.maxX { break }
            x = buf.put(x, rect.y, label, focused ? t[.focusBorder].reversed : t[.muted])
            if filtered {
                let shown = s.visibleIndicatorPositions(panel: i).count
                x = buf.put(x, rect.y, "(\(shown))", shown == 0 ? t[.muted] : t[.text].bolded) + 2
                continue
            }
            let worse = s.overview.counts(panel: p.id, in: s.card)[Chrome.countOrder.firstIndex(of: .worse)!]
            // The label shows which tab is focused; the count keeps its colour on the page's background, where
            // every theme's status colours are readable (reversed, white on bright red is not).
            x = buf.put(x, rect.y, "\(g.worse)\(worse)", t[.worse].bolded) + 2
        }
    }

    struct Columns {
        var name: Int, value: Int, spark: Int, target: Int, comparator: Int, change: Int
    }

    /// Cells before the name: status, became-worse mark, SPC variation, SPC assurance, a space.
    static let lead = 5

    /// Status and mark, SPC icons, name, value, history and arrow always; the target from 62 columns, the first
    /// comparator from 90, the change on the previous value from 95. The history grows to show every value the data has (up to 48), names grow to
    /// their full titles, as the width allows.
    static func columns(width w: Int, values: [String], titles: [String], shorts: [String], history: Int,
                        comparators: [String]) -> Columns {
        columns(width: w, valueWidth: values.map(\.count).max(), titleWidth: titles.map(\.count).max(),
                shortWidth: shorts.map(\.count).max(), history: history, comparatorWidth: comparators.map(\.count).max())
    }

    /// `columns` from the widest value, title, short name and comparator text (nil when the list is empty).
    static func columns(width w: Int, valueWidth: Int?, titleWidth: Int?, shortWidth: Int?, history: Int,
                        comparatorWidth: Int?) -> Columns {
        let vw = min(16, max(6, valueWidth ?? 6))
        var tw = w >= 62 ? 8 : 0
        let cw = w >= 90 ? min(20, max(10, comparatorWidth ?? 0)) : 0
        let chw = w >= 95 ? 8 : 0
        let sparkWanted = min(48, max(5, history)) + IndicatorSparkline.targetCells
        let fullName = titleWidth ?? 10, shortName = max(10, shortWidth ?? 10)
        func fit() -> Columns {
            let fixed = lead + vw + 1 + 1 + (tw > 0 ? tw + 1 : 0) + (cw > 0 ? cw + 1 : 0) + (chw > 0 ? chw + 1 : 0) + 3
            let avail = w - fixed
            let spark: Int
            if avail >= fullName + sparkWanted || avail >= shortName + sparkWanted {
                spark = sparkWanted
            } else {
                spark = max(5, avail - shortName)
            }
            return Columns(name: max(4, avail - spark), value: vw, spark: spark, target: tw, comparator: cw, change: chw)
        }
        var c = fit()
        if c.name < 14, tw > 0 { tw = 0; c = fit() }
        return c
    }

    /// The indicator's first listed comparator that has a value: `England 22.7%`, `Stat. nbrs 23.6%`.
    static func comparatorText(_ e: IndicatorEvaluation, _ d: Dataset, width: Int) -> String {
        guard let c = e.comparators(in: d).first(where: { $0.value != nil }) else { return "" }
        let v = ValueFormat.value(c.value, e.indicator, style: .bare)
        return c.name.count + 1 + v.count <= width ? c.name + " " + v : ComparatorName.short(c.name) + " " + v
    }

    /// Draws a panel's rows; `positions` are the visible indicators' positions in `s.card.indicators`. Column
    /// widths come from the whole list through the per-scorecard cache; only the rows on screen are formatted.
    static func drawPanel(_ buf: inout Buffer, _ inner: Rect, _ positions: [Int], selected: Int?,
                          rowHeight: Int = 1, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme
        let g = ctx.glyphs
        guard inner.height >= 2, inner.width >= 20 else { return }
        let all = s.card.indicators, cache = s.overview
        var vw: Int?, tw: Int?, sw: Int?, cw: Int?, history = 0
        for i in positions {
            vw = max(vw ?? 0, cache.valueWidth[i])
            tw = max(tw ?? 0, cache.titleWidth[i])
            sw = max(sw ?? 0, cache.shortWidth[i])
            cw = max(cw ?? 0, cache.comparatorWidth[i])
            history = max(history, all[i].currentIndex.map { $0 + 1 } ?? 0)
        }
        let c = columns(width: inner.width, valueWidth: vw, titleWidth: tw, shortWidth: sw, history: history,
                        comparatorWidth: cw)
        // Column heads.
        var hx = inner.x + lead
        hx = buf.put(hx, inner.y, "Indicator".padded(to: c.name), t[.muted]) + 1
        hx = buf.put(hx, inner.y, "Value".leftPadded(to: c.value), t[.muted]) + 1
        if c.change > 0 { hx = buf.put(hx, inner.y, "Change".leftPadded(to: c.change), t[.muted]) + 1 }
        hx = buf.put(hx, inner.y, "History".padded(to: c.spark), t[.muted]) + 1
        if c.target > 0 { hx = buf.put(hx, inner.y, "Target".padded(to: c.target), t[.muted]) + 1 }
        if c.comparator > 0 { buf.put(hx, inner.y, "Comparator".padded(to: c.comparator), t[.muted]) }
        let body = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        if positions.isEmpty {
            buf.put("no indicators match", in: body, row: 0, align: .center, t[.muted])
            return
        }
        let rows = max(1, body.height / rowHeight)
        let sel = selected.map { min($0, positions.count - 1) }
        let offset = max(0, (sel ?? 0) - rows + 1)
        for (r, p) in positions.dropFirst(offset).prefix(rows).enumerated() {
            let e = all[p]
            // On two rows the text sits on the lower row, level with the foot of the sparkline's bars.
            let top = body.y + r * rowHeight, y = top + rowHeight - 1
            let st = t.status(e.status)
            var x = body.x
            let failed = e.indicator.dataProblem
            buf[x, y] = failed ? Cell(g.problem, t[.worse].bolded) : Cell(g.status(e.status), st)
            if e.becameWorse { buf[x + 1, y] = Cell(g.becameWorse, t[.worse]) }
            let verdict = s.spc.verdict(p, e)
            buf[x + 2, y] = Cell(g.spcVariation(verdict), t.spc(verdict?.variation ?? .common))
            buf[x + 3, y] = Cell(g.spcAssurance(verdict), t.assurance(verdict?.assurance))
            x += lead
            let name = c.name >= e.indicator.title.count ? e.indicator.title : e.indicator.short
            x = buf.put(x, y, name.padded(to: c.name, ellipsis: g.ellipsis), t[.text]) + 1
            x = buf.put(x, y, OverviewCache.valueText(e).leftPadded(to: c.value),
                        failed ? t[.worse] : e.status == .none ? t[.text] : st.bolded) + 1
            if c.change > 0 {
                let change = e.value.flatMap { v in e.previousValue.map { v - $0 } }
                let text = change.map { ValueFormat.change(Rounding.round($0, decimals: e.indicator.decimals), e.indicator) } ?? ""
                x = buf.put(x, y, text.leftPadded(to: c.change), t.direction(e.direction)) + 1
            }
            // On two rows the sparkline stands on the second (its bars twice as finely graded).
            buf.render(IndicatorSparkline(e), in: Rect(x: x, y: top, width: c.spark, height: rowHeight), ctx)
            x += c.spark + 1
            if c.target > 0 {
                x = buf.put(x, y, Chrome.targetText(e, g).padded(to: c.target), t[.target]) + 1
            }
            if c.comparator > 0 {
                x = buf.put(x, y, comparatorText(e, s.dataset, width: c.comparator).padded(to: c.comparator, ellipsis: g.ellipsis),
                            t[.series1]) + 1
            }
            buf[x, y] = Cell(g.arrow(e.direction, polarity: e.indicator.polarity), t.direction(e.direction))
            if e.stale && !failed { buf[x + 1, y] = Cell(g.stale, t[.stale]) }
            if offset + r == sel { buf.highlight(Rect(x: body.x, y: top, width: body.width, height: rowHeight), t[.selection]) }
        }
        if positions.count > rows {
            let up: String = offset > 0 ? g.moreAbove : ""
            let down: String = offset + rows < positions.count ? g.moreBelow : ""
            let more = up + down
            let pos = " \((sel ?? 0) + 1)/\(positions.count) \(more) "
            buf.put(inner.maxX - pos.count, inner.maxY, pos, t[.key])
        }
    }
}
