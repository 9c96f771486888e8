import CsdashCore

/// The frame around every screen: the header (title, quarter, counts), the breadcrumb, the footer of keys.
enum Chrome {
    static func header(_ buf: inout Buffer, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme
        let g = ctx.glyphs
        let w = buf.width
        let hs = t[.header]
        buf.fill(Rect(x: 0, y: 0, width: w, height: 1), " ", hs)
        let org = s.dataset.organisation.isEmpty ? "" : g.bullet + s.dataset.organisation
        // Right side: quarter, data date and the counts, each count in its status colour.
        var parts: [(String, Style)] = [(s.asAt.short, hs)]
        if let d = s.card.dataAsAt { parts.append(("  data to \(d.endDateText)", hs)) }
        parts.append(("   ", hs))
        for st in [Status.better, .within, .worse] {
            parts.append(("\(g.status(st))\(s.card.count(st)) ", t.status(st).over(hs).bolded))
        }
        let rightText = parts.map(\.0).joined()
        let leftRoom = max(0, w - rightText.count - 3)
        buf.put(1, 0, (s.dataset.title + org).truncated(to: leftRoom, ellipsis: g.ellipsis), hs)
        var x = w - rightText.count - 1
        for (text, style) in parts { x = buf.put(x, 0, text, style) }
    }

    static func breadcrumb(_ buf: inout Buffer, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme
        let g = ctx.glyphs
        let crumbs = s.breadcrumb
        var x = 1
        // The data-problems banner takes the right of the row, up to half of it; the crumbs the rest.
        var bannerX = buf.width
        let banner = ProblemsBanner(s.problems)
        if banner.width > 0 {
            // Up to two thirds of the row: the crumbs are short, the file and line matter.
            let w = min(banner.width, max(buf.width / 2, buf.width - 2 - s.breadcrumb.joined(separator: " › ").displayWidth))
            bannerX = buf.width - w
            buf.render(banner, in: Rect(x: bannerX, y: 1, width: w, height: 1), ctx)
        }
        for (i, c) in crumbs.enumerated() {
            if i > 0 { x = buf.put(x, 1, g.separator, t[.muted], limit: bannerX - 1 - x) }
            x = buf.put(x, 1, c, i == crumbs.count - 1 ? t[.title] : t[.text], limit: bannerX - 1 - x)
        }
        var right = ""
        if s.editingFilter || !s.filter.isEmpty { right += "filter: /\(s.filter)\(s.editingFilter ? "_" : "")" }
        if s.statusFilter != .all { right += (right.isEmpty ? "" : "   ") + "showing: \(s.statusFilter.rawValue)" }
        if !right.isEmpty {
            let rx = max(x + 2, bannerX - right.count - 1)
            buf.put(rx, 1, right, t[.key], limit: bannerX - 1 - rx)
        }
    }

    static func footer(_ buf: inout Buffer, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme
        let y = buf.height - 1
        var x = 1
        if s.editingFilter {
            x = buf.put(x, y, "type to filter", t[.muted])
            for (k, what) in [("Enter", "keep"), ("Esc", "clear"), ("Backspace", "delete")] {
                x = buf.put(x + 2, y, k, t[.key]); x = buf.put(x + 1, y, what, t[.muted])
            }
            return
        }
        var items: [(String, String)] = []
        for b in KeyBindings.all {
            guard let short = b.footer else { continue }
            if b.action == .previousQuarter { continue }
            items.append((b.action == .nextQuarter ? "[ ]" : ctx.glyphs.keyLabel(b.label), short))
        }
        for (label, what) in items {
            let need = label.count + what.count + 3
            if x + need > buf.width { break }
            x = buf.put(x, y, label, t[.key])
            x = buf.put(x + 1, y, what, t[.muted]) + 2
        }
    }

    /// A value's target written as a bound: `≥90.0%` for higher, `≤22.5%` for lower.
    static func targetText(_ e: IndicatorEvaluation, _ g: Glyphs) -> String {
        guard let t = e.target else { return "" }
        let v = ValueFormat.value(t.value, e.indicator, style: .bare)
        switch e.indicator.polarity {
        case .higher: return (g.ascii ? ">=" : "≥") + v
        case .lower: return (g.ascii ? "<=" : "≤") + v
        case .neutral: return v
        }
    }
}

extension Buffer {
    /// Marks a row as selected: the selection background (or reverse video) under the existing characters, and
    /// the selection's bold and underline (the monochrome selection, which must not reverse a sparkline).
    mutating func highlight(_ rect: Rect, _ selection: Style) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) {
                var c = self[x, y]
                if selection.reverse { c.style.reverse = true } else { c.style.bg = selection.bg }
                if selection.bold { c.style.bold = true }
                if selection.underline { c.style.underline = true }
                self[x, y] = c
            }
        }
    }
}
