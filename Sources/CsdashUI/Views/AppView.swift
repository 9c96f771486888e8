import CsdashCore

/// Draws the whole frame for a state into a cell grid. The terminal and `csdash snapshot` both use it.
public enum AppView: FrameView {
    public static func draw(_ s: AppState, _ ctx: RenderContext) -> Buffer {
        let theme = ctx.theme
        var buf = Buffer(width: s.width, height: s.height)
        buf.ellipsis = ctx.glyphs.ellipsis.first ?? "…"
        if s.tooSmall {
            let msg = "terminal too small: \(s.width)x\(s.height), needs \(OverviewLayout.minWidth)x\(OverviewLayout.minHeight)"
            let lines = TextWrap.lines(msg, width: max(1, s.width))
            for (i, l) in lines.enumerated() {
                buf.put(l, in: Rect(x: 0, y: s.height / 2 - lines.count / 2 + i, width: s.width, height: 1), align: .center, theme[.worse])
            }
            return buf
        }
        Chrome.header(&buf, s, ctx)
        Chrome.breadcrumb(&buf, s, ctx)
        if !s.reloadProblems.isEmpty {
            // A live reload failed: the banner takes the breadcrumb's row until the files load again.
            buf.render(ProblemsBanner(s.reloadProblems, key: "!", context: "reload failed: showing the last good data",
                                      folder: s.dataset.folder),
                       in: Rect(x: 0, y: 1, width: s.width, height: 1), ctx)
        }
        let body = OverviewLayout.body(width: s.width, height: s.height)
        switch s.screen {
        case .overview: OverviewView.render(&buf, s, ctx)
        case let .indicator(id): IndicatorView.render(&buf, body, s, id: id, ctx)
        case .risks: RiskViews.register(&buf, body, s, ctx)
        case let .risk(id): RiskViews.risk(&buf, body, s, id: id, ctx)
        case .problems: ProblemsView.render(&buf, body, s, ctx)
        case .worst: WorstView.render(&buf, body, s, ctx)
        }
        Chrome.footer(&buf, s, ctx)
        if let notice = s.notice {
            let line = Rect(x: 0, y: s.height - 1, width: s.width, height: 1)
            buf.fill(line, " ", theme[.notice])
            buf.put(1, line.y, notice, theme[.notice], limit: s.width - 2)
        }
        if s.showHelp { HelpView.render(&buf, s, ctx) }
        return buf
    }
}
