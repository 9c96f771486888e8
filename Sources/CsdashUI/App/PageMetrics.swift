/// The size of what a page or the risk register shows, measured with the same code that draws it, so the
/// update function can keep the scroll offset inside the content and the selection in view.
struct PageMetrics {
    /// Rows of content, the row of each selectable item, and the rows on screen at once.
    var rows: Int
    var linkRows: [Int]
    var viewport: Int

    /// A page's document shown in `rect`.
    init(_ doc: Document, in rect: Rect) {
        self.init(rows: doc.rowCount, linkRows: doc.linkRows, viewport: max(1, rect.height))
    }

    init(rows: Int, linkRows: [Int], viewport: Int) {
        (self.rows, self.linkRows, self.viewport) = (rows, linkRows, viewport)
    }

    func clamp(_ scroll: Int) -> Int { max(0, min(scroll, rows - viewport)) }

    static func measure(_ s: AppState) -> PageMetrics? {
        let body = OverviewLayout.body(width: s.width, height: s.height)
        let ctx = RenderContext(theme: .monochrome, glyphs: .unicode)
        switch s.screen {
        case .overview: return nil
        case .risks: return RiskViews.registerMetrics(body, s)
        case let .indicator(id): return IndicatorView.metrics(body, s, id: id, ctx)
        case let .risk(id): return RiskViews.riskMetrics(body, s, id: id, ctx)
        case .problems: return ProblemsView.metrics(body, s, ctx)
        case .worst: return WorstView.metrics(body, s, ctx)
        }
    }
}
