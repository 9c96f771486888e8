import CsdashCore

/// One page of the wall as shown at the current size: a configured page, or one part of it when a panel
/// has more tiles (or the attention list more rows) than fit on one screen.
public struct WallPage: Sendable, Equatable {
    public var kind: WallConfig.PageKind
    /// 0-based part and number of parts.
    public var part: Int
    public var parts: Int
    /// Seconds on screen.
    public var dwell: Double

    /// The configured pages, split into parts that fit the screen.
    static func expand(_ s: WallState) -> [WallPage] {
        let body = WallLayout.frame(s).body
        var out: [WallPage] = []
        for p in (s.dataset.wall ?? WallConfig()).pages(for: s.dataset) {
            let dwell = s.options.dwellOverride ?? p.dwell ?? s.defaultDwell
            let perPage: Int
            let count: Int
            switch p.kind {
            case let .panel(id):
                count = s.card.indicators(in: id).count
                perPage = WallLayout.tilesPerPage(body, count: count)
            case .attention:
                count = WallAttention.count(s.card)
                perPage = WallAttention.rowsPerPage(body)
            case .risks:
                count = 1
                perPage = 1
            }
            let parts = max(1, (count + max(1, perPage) - 1) / max(1, perPage))
            for i in 0..<parts { out.append(WallPage(kind: p.kind, part: i, parts: parts, dwell: dwell)) }
        }
        return out
    }

    /// The page's name: the panel's title, "Needs attention", "Risks"; with "(2/3)" for parts.
    func title(_ d: Dataset) -> String {
        let name: String
        switch kind {
        case let .panel(id): name = d.panel(id)?.title ?? id
        case .attention: name = "Needs attention"
        case .risks: name = "Risks"
        }
        return parts > 1 ? "\(name) (\(part + 1)/\(parts))" : name
    }
}

/// Where things go on a wall frame: the header, the page line, banners, the body.
enum WallLayout {
    struct Frame {
        var header: Rect
        var pageLine: Rect
        var banners: [Rect]
        var body: Rect
    }

    static func bannerCount(_ s: WallState) -> Int {
        (s.staleness.isStale ? 1 : 0) + (s.noData.isEmpty ? 0 : 1)
            + (s.problems.isEmpty && ProblemsBanner(s.startProblems).width == 0 ? 0 : 1)
    }

    static func frame(_ s: WallState) -> Frame {
        let w = s.width, h = s.height
        let n = bannerCount(s)
        let banners = (0..<n).map { Rect(x: 0, y: 2 + $0, width: w, height: 1) }
        // A blank row under the page line on screens tall enough, so the body does not crowd the titles.
        let gap = h >= 40 ? 1 : 0
        let top = 2 + n + gap
        return Frame(header: Rect(x: 0, y: 0, width: w, height: 1), pageLine: Rect(x: 0, y: 1, width: w, height: 1),
                     banners: banners, body: Rect(x: 0, y: top, width: w, height: h - top))
    }

    /// The smallest tile: a border round three rows (name; value and target; sparkline), 24 cells wide.
    static let minTileWidth = 24, minTileHeight = 5

    /// Columns and rows of tiles for `count` tiles: the biggest tiles that fit, preferring room for large digits.
    static func tileGrid(_ body: Rect, count: Int) -> (columns: Int, rows: Int) {
        let n = max(1, count)
        var best: (score: Int, cols: Int, rows: Int)?
        for cols in 1...n {
            let rows = (n + cols - 1) / cols
            let tw = body.width / cols, th = body.height / rows
            guard tw >= minTileWidth, th >= minTileHeight else { continue }
            let level = WallTiles.digitRows(tileWidth: tw, tileHeight: th, valueWidth: 6) / 2  // 0, 1 or 2
            // Large digits first, then the larger tile side measured in rows (a cell is about twice as tall as wide).
            let score = level * 10_000 + min(tw / 2, th) * 100 + min(tw, th * 2)
            if best == nil || score > best!.score { best = (score, cols, rows) }
        }
        if let b = best { return (b.cols, b.rows) }
        let cols = max(1, body.width / minTileWidth), rows = max(1, body.height / minTileHeight)
        return (cols, rows)
    }

    /// How many tiles fit on one page.
    static func tilesPerPage(_ body: Rect, count: Int) -> Int {
        let cols = max(1, body.width / minTileWidth), rows = max(1, body.height / minTileHeight)
        let most = cols * rows
        guard count > most else { return max(1, count) }
        // Split evenly: 13 tiles where 12 fit go 7 + 6, not 12 + 1.
        let parts = (count + most - 1) / most
        return (count + parts - 1) / parts
    }
}
