import CsdashCore

/// The indicator page's line under the headline: the SPC verdict in words ("Special cause concern: 7 quarters
/// in a row below the average (since Q4 19/20); ..."), its opening words in the verdict's colour.
enum IndicatorSPCLine {
    static func text(_ e: IndicatorEvaluation) -> String? {
        guard !e.indicator.dataProblem else { return nil }
        guard let a = e.spc else {
            return e.currentIndex == nil ? nil : "No SPC chart: it needs at least 2 values, and there is only 1"
        }
        return SPCWords.sentence(a, e.indicator)
    }

    /// The words wrapped into `rect` (what does not fit ends in an ellipsis), the opening words coloured.
    static func draw(_ buf: inout Buffer, _ rect: Rect, _ e: IndicatorEvaluation, _ ctx: RenderContext) {
        let t = ctx.theme, g = ctx.glyphs
        guard let line = text(e), rect.height > 0 else { return }
        var rows = TextWrap.lines(line, width: rect.width)
        if rows.count > rect.height {
            rows = Array(rows.prefix(rect.height))
            rows[rows.count - 1] = (rows[rows.count - 1] + " " + g.ellipsis).truncated(to: rect.width, ellipsis: g.ellipsis)
        }
        for (k, row) in rows.enumerated() { buf.put(rect.x, rect.y + k, row, t[.text]) }
        // The opening words ("Special cause concern:") in the verdict's colour, on the first row.
        if let v = e.spc?.variation, let first = rows.first {
            let head = SPCWords.heading(v) + ":"
            if first.hasPrefix(head) { buf.put(rect.x, rect.y, head, (v == .common ? t[.text] : t.spc(v)).bolded) }
        }
    }
}
