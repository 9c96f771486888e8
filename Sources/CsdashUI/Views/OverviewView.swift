import CsdashCore

/// The overview: every panel with its indicators, as a grid or one panel at a time.
enum OverviewView {
    static func render(_ buf: inout Buffer, _ s: AppState, _ ctx: RenderContext) {
        let g = ctx.glyphs
        let layout = s.layout
        if let strip = layout.tabStrip { tabStrip(&buf, strip, s, ctx) }
        for (i, panel) in s.dataset.panels.enumerated() {
            guard let rect = layout.panels[safe: i], !rect.isEmpty else { continue }
            let list = s.visibleIndicators(panel: i)
            let all = s.card.indicators(in: panel.id)
            let focused = i == s.panelIndex
            let counts = [Status.worse, .within, .better].map { st in "\(g.status(st))\(all.filter { $0.status == st }.count)" }
                .joined(separator: " ")
            buf.render(Box(title: "\(i + 1) \(panel.title)", right: counts, focused: focused), in: rect, ctx)
            let inner = Box.inner(rect)
            drawPanel(&buf, inner, list, selected: focused ? s.rows[safe: i] : nil, s, ctx)
        }
    }

    static func tabStrip(_ buf: inout Buffer, _ rect: Rect, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme
        let g = ctx.glyphs
        var x = rect.x + 1
        for (i, p) in s.dataset.panels.enumerated() {
            let worse = s.card.indicators(in: p.id).filter { $0.status == .worse }.count
            let label = " \(i + 1) \(p.title) \(g.worse)\(worse) "
            let style = i == s.panelIndex ? t[.focusBorder].reversed : t[.muted]
            if x + label.count > rect.maxX { break }
            x = buf.put(x, rect.y, label, style) + 1
        }
    }

    struct Columns {
        var name: Int, value: Int, spark: Int, target: Int, comparator: Int
    }

    /// Name, value, history and arrow always; the target from 62 columns, the first comparator from 90.
    static func columns(width w: Int, values: [String]) -> Columns {
        let vw = min(14, max(6, values.map(\.count).max() ?? 6))
        var tw = w >= 62 ? 8 : 0
        let cw = w >= 90 ? 12 : 0
        func fit() -> Columns {
            let fixed = 2 + 1 + vw + 1 + 1 + (tw > 0 ? tw + 1 : 0) + (cw > 0 ? cw + 1 : 0) + 2
            let avail = w - fixed
            let spark = min(26, max(5, avail - 24))
            return Columns(name: max(4, avail - spark), value: vw, spark: spark, target: tw, comparator: cw)
        }
        var c = fit()
        if c.name < 14, tw > 0 { tw = 0; c = fit() }
        return c
    }

    /// The indicator's first listed comparator that has a value: `Eng 22.7%`, `SW 22.7%`.
    static func comparatorText(_ e: IndicatorEvaluation, _ d: Dataset) -> String {
        guard let c = e.comparators(in: d).first(where: { $0.value != nil }) else { return "" }
        return abbreviation(c.name) + " " + ValueFormat.value(c.value, e.indicator, style: .bare)
    }

    /// `England` -> `Eng`, `South West` -> `SW`, `Statistical neighbours` -> `SN`.
    static func abbreviation(_ name: String) -> String {
        let words = name.split(separator: " ")
        if words.count > 1 { return String(words.prefix(3).compactMap { $0.first }).uppercased() }
        return String(name.prefix(3))
    }

    static func drawPanel(_ buf: inout Buffer, _ inner: Rect, _ list: [IndicatorEvaluation], selected: Int?,
                          _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme
        let g = ctx.glyphs
        guard inner.height >= 2, inner.width >= 20 else { return }
        let values = list.map { $0.indicator.dataProblem ? "error" : ValueFormat.value($0.value, $0.indicator) }
        let c = columns(width: inner.width, values: values)
        // Column heads.
        var hx = inner.x + 2
        hx = buf.put(hx, inner.y, "Indicator".padded(to: c.name), t[.muted]) + 1
        hx = buf.put(hx, inner.y, "Value".leftPadded(to: c.value), t[.muted]) + 1
        hx = buf.put(hx, inner.y, "History".padded(to: c.spark), t[.muted]) + 1
        if c.target > 0 { hx = buf.put(hx, inner.y, "Target".padded(to: c.target), t[.muted]) + 1 }
        if c.comparator > 0 { buf.put(hx, inner.y, "Comparator".padded(to: c.comparator), t[.muted]) }
        let body = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        if list.isEmpty {
            buf.put("no indicators match", in: body, row: 0, align: .center, t[.muted])
            return
        }
        let rows = body.height
        let sel = selected.map { min($0, list.count - 1) }
        let offset = max(0, (sel ?? 0) - rows + 1)
        for (r, e) in list.dropFirst(offset).prefix(rows).enumerated() {
            let y = body.y + r
            let st = t.status(e.status)
            var x = body.x
            let failed = e.indicator.dataProblem
            buf[x, y] = failed ? Cell(g.problem, t[.worse].bolded) : Cell(g.status(e.status), st)
            x += 2
            let name = c.name >= e.indicator.title.count + 2 && c.name > 30 ? e.indicator.title : e.indicator.short
            x = buf.put(x, y, name.padded(to: c.name, ellipsis: g.ellipsis), t[.text]) + 1
            x = buf.put(x, y, values[offset + r].leftPadded(to: c.value),
                        failed ? t[.worse] : e.status == .none ? t[.text] : st.bolded) + 1
            buf.render(IndicatorSparkline(e), in: Rect(x: x, y: y, width: c.spark, height: 1), ctx)
            x += c.spark + 1
            if c.target > 0 {
                x = buf.put(x, y, Chrome.targetText(e, g).padded(to: c.target), t[.target]) + 1
            }
            if c.comparator > 0 {
                x = buf.put(x, y, comparatorText(e, s.dataset).padded(to: c.comparator), t[.series1]) + 1
            }
            buf[x, y] = Cell(g.arrow(e.direction, polarity: e.indicator.polarity), t.direction(e.direction))
            if e.stale && !failed { buf[x + 1, y] = Cell(g.stale, t[.stale]) }
            if offset + r == sel { buf.highlight(Rect(x: body.x, y: y, width: body.width, height: 1), t[.selection]) }
        }
        if list.count > rows {
            let pos = " \((sel ?? 0) + 1)/\(list.count) "
            buf.put(inner.maxX - pos.count, inner.maxY, pos, t[.muted])
        }
    }
}
