import CsdashCore

/// The `w` page: the indicators worse than target or without data, across every panel, ranked by the one
/// meaning of worst (`Worst`): the list the reports print under "Worst first". Each entry is the title on a
/// selectable row, then its value, target, gap and panel; Enter opens the indicator.
enum WorstView {
    static func render(_ buf: inout Buffer, _ area: Rect, _ s: AppState, _ ctx: RenderContext) {
        let list = s.card.worstFirst
        let n = list.count
        let title = "Worst first at \(s.asAt.short): \(n) indicator\(n == 1 ? "" : "s") worse than target or without data"
        buf.put(area.x + 1, area.y, title, n == 0 ? ctx.theme[.title] : ctx.theme[.worse].bolded, limit: area.width - 2)
        let body = bodyRect(area)
        document(body, s, list, ctx).blit(into: &buf, body, scroll: s.top.scroll,
                                          selectedLink: list.isEmpty ? nil : s.top.selected, ctx)
    }

    static func bodyRect(_ area: Rect) -> Rect {
        Rect(x: area.x + 1, y: area.y + 2, width: area.width - 2, height: area.height - 2)
    }

    /// Measured with the same document that is drawn, so scrolling keeps the selected entry in view.
    static func metrics(_ area: Rect, _ s: AppState, _ ctx: RenderContext) -> PageMetrics {
        let body = bodyRect(area)
        return PageMetrics(document(body, s, s.card.worstFirst, ctx), in: body)
    }

    static func document(_ body: Rect, _ s: AppState, _ list: [IndicatorEvaluation], _ ctx: RenderContext) -> Document {
        let t = ctx.theme, g = ctx.glyphs
        var doc = Document(width: body.width)
        doc.wrapped("Across every panel, \(Worst.meaning). The overview's sort (s) ranks each panel the same way.", t[.muted])
        doc.blank()
        if list.isEmpty {
            doc.wrapped("Every indicator with a target is within tolerance of it or better.", t[.text])
        }
        let numberWidth = "\(list.count).".count
        let panels = Dictionary(s.dataset.panels.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        for (k, e) in list.enumerated() {
            let y = doc.newRow(link: true)
            var x = doc.put(0, y, "\(k + 1).".leftPadded(to: numberWidth), t[.muted])
            doc.set(x + 1, y, Cell(g.status(e.status), t.status(e.status)))
            x = doc.put(x + 3, y, e.indicator.title, t[.text].bolded)
            var facts = [e.indicator.dataProblem ? "data error" : ValueFormat.value(e.value, e.indicator)]
            if let target = e.target { facts.append(Wording.target(target, e.indicator, g)) }
            facts.append(e.gapWords ?? e.status.phrase)
            if let p = panels[e.indicator.panel] { facts.append(p) }
            doc.wrapped(facts.joined(separator: g.bullet), t[.muted], indent: numberWidth + 3)
        }
        return doc
    }
}
