/// Where the overview's panels go at a given size. The update function uses it to move between
/// panels and to page; the view uses it to draw, so both always agree.
public struct OverviewLayout: Equatable, Sendable {
    /// Panel rectangles, by panel index; empty rects are not shown (one-at-a-time mode).
    public var panels: [Rect]
    public var columns: Int
    /// One panel at a time (Tab switches), with a strip of panel names above it.
    public var single: Bool
    public var tabStrip: Rect?
    /// Screen rows per indicator: 2 (a two-row sparkline, twice the resolution) when every panel has room
    /// for all its indicators at that height, as at 200x60, or (one panel at a time) the panel shown does;
    /// else 1.
    public var rowHeight: Int = 1

    /// The smallest terminal the dashboard draws on.
    public static let minWidth = 80, minHeight = 24
    /// Width from which panels sit side by side in two columns.
    public static let twoColumnWidth = 120

    /// The body is the screen less the header (2 rows) and the footer (1 row).
    public static func body(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 2, width: width, height: height - 3)
    }

    /// `panelSizes`: how many indicators each panel holds (for the row height); empty means one row each.
    public init(width: Int, height: Int, panelCount: Int, focused: Int, panelSizes: [Int] = []) {
        self.init(grid: width, height: height, panelCount: panelCount, focused: focused)
        // In the grid every panel must fit (panels side by side share one look); one panel at a time decides
        // for itself, since it is the only one on screen.
        let fitsTall: Bool
        if panelSizes.isEmpty {
            fitsTall = false
        } else if single {
            fitsTall = panels[safe: focused].map { $0.height - 3 >= 2 * (panelSizes[safe: focused] ?? 0) } ?? false
        } else {
            fitsTall = panelSizes.enumerated().allSatisfy { i, n in (panels[safe: i]?.height ?? 0) - 3 >= 2 * n }
        }
        rowHeight = fitsTall ? 2 : 1
    }

    private init(grid width: Int, height: Int, panelCount: Int, focused: Int) {
        let body = OverviewLayout.body(width: width, height: height)
        let n = max(1, panelCount)
        if width >= OverviewLayout.twoColumnWidth {
            let gridRows = (n + 1) / 2
            // Two columns when each panel gets at least 6 rows; otherwise one panel at a time.
            if body.height / gridRows >= 6 {
                columns = 2
                single = false
                tabStrip = nil
                let rowRects = body.rows(gridRows)
                panels = (0..<n).map { i in rowRects[i / 2].columns(2, gap: 1)[i % 2] }
                if n % 2 == 1 { panels[n - 1] = rowRects[gridRows - 1] }
                return
            }
        }
        columns = 1
        single = true
        let (strip, rest) = body.splitTop(1)
        tabStrip = strip
        panels = (0..<n).map { $0 == focused ? rest : Rect(x: 0, y: 0, width: 0, height: 0) }
    }

    /// Rows of indicators a panel can show (inside its border, less its column header).
    public func visibleRows(_ panel: Int) -> Int {
        guard let r = panels[safe: panel], !r.isEmpty else { return 1 }
        return max(1, (r.height - 3) / rowHeight)
    }

    /// The panel to the left or right of `panel` in the grid, if any.
    public func neighbour(of panel: Int, dx: Int, count: Int) -> Int? {
        if single {
            let n = panel + dx
            return (0..<count).contains(n) ? n : nil
        }
        let col = panel % columns
        let n = panel + dx
        guard col + dx >= 0, col + dx < columns, (0..<count).contains(n) else { return nil }
        return n
    }
}
