import CsdashCore

/// One line showing every authority's value for a year, so a manager sees at a glance where the authority sits
/// in England: each cell is a slice of the value range, drawn as a bar as tall as the number of authorities in it
/// (a one-line histogram), with the authority's own cell marked `●` and its statistical neighbours `▲`
/// (ASCII `O` and `N`). The best end is on the left: for `lower` polarity the lowest value, for `higher` the highest,
/// for `neutral` the lowest.
public struct BenchmarkStrip: Widget {
    public enum Mark: Equatable, Sendable {
        case empty
        /// How many authorities fall in the cell (1 or more).
        case count(Int)
        case neighbour
        case own
    }

    public var values: [AuthorityValue]
    public var polarity: Polarity

    public init(values: [AuthorityValue], polarity: Polarity) {
        self.values = values
        self.polarity = polarity
    }

    /// The scale: from the lowest to the highest value, except that far outliers (more than three interquartile
    /// ranges beyond the quartiles, Tukey's "far out") are pinned to the end cells so one authority at 100% does
    /// not squash the other 150 into a few cells.
    public var range: (lo: Double, hi: Double, clippedLo: Bool, clippedHi: Bool)? {
        let v = values.map(\.value).sorted()
        guard let first = v.first, let last = v.last else { return nil }
        let q1 = v[v.count / 4], q3 = v[(3 * v.count) / 4]
        let spread = 3 * (q3 - q1)
        // The ends are the most extreme values that are not far out, so both ends are real authorities' values.
        let lo = v.first { $0 >= q1 - spread } ?? first, hi = v.last { $0 <= q3 + spread } ?? last
        return (lo, hi, lo > first, hi < last)
    }

    /// The value at the left (best) and right ends.
    public var ends: (left: Double, right: Double)? {
        guard let r = range else { return nil }
        return polarity == .higher ? (r.hi, r.lo) : (r.lo, r.hi)
    }

    /// Whether the left and right end cells also hold values beyond the ends (pinned outliers).
    public var endsClipped: (left: Bool, right: Bool) {
        guard let r = range else { return (false, false) }
        return polarity == .higher ? (r.clippedHi, r.clippedLo) : (r.clippedLo, r.clippedHi)
    }

    /// The column (0 to width-1) a value falls in; equal values share a column. A flat range sits in the middle.
    public func column(of v: Double, width: Int) -> Int {
        guard width > 0, let (l, r) = ends else { return 0 }
        guard l != r else { return width / 2 }
        let f = (v - l) / (r - l)
        return min(width - 1, max(0, Int((f * Double(width - 1)).rounded())))
    }

    /// What each of `width` cells shows: the authority's own mark wins over a neighbour's, which wins over the count.
    public func marks(width: Int) -> [Mark] {
        guard width > 0 else { return [] }
        var counts = Array(repeating: 0, count: width)
        var marks = Array(repeating: Mark.empty, count: width)
        for v in values { counts[column(of: v.value, width: width)] += 1 }
        for (i, c) in counts.enumerated() where c > 0 { marks[i] = .count(c) }
        for v in values where v.group == .neighbour { marks[column(of: v.value, width: width)] = .neighbour }
        for v in values where v.group == .own { marks[column(of: v.value, width: width)] = .own }
        return marks
    }

    /// The character of each cell: counts as bars from zero, the busiest cell full height.
    public func characters(width: Int, glyphs: Glyphs) -> [Character] {
        let m = marks(width: width)
        let most = m.reduce(0) { if case let .count(c) = $1 { return max($0, c) } else { return $0 } }
        let bars = glyphs.spark
        return m.map { mark in
            switch mark {
            case .empty: return " "
            case .own: return glyphs.ascii ? "O" : "●"
            case .neighbour: return glyphs.ascii ? "N" : "▲"
            case let .count(c):
                // Bars from zero: a cell's height is its share of the busiest cell's count (in eighths, rounded
                // up so one authority still shows), not stretched from 1..most, where 2 of 10 looked like 1 of 8.
                let level = Int((Double(c) / Double(max(1, most)) * Double(bars.count)).rounded(.up)) - 1
                return bars[min(bars.count - 1, max(0, level))]
            }
        }
    }

    /// The cells with their styles: bars muted, neighbours in the third series colour (the statistical neighbours' colour in the chart and tables), ours bold in the title colour.
    public func cells(width: Int, _ ctx: RenderContext) -> [Cell] {
        zip(characters(width: width, glyphs: ctx.glyphs), marks(width: width)).map { ch, mark in
            switch mark {
            case .own: return Cell(ch, ctx[.title].bolded)
            case .neighbour: return Cell(ch, ctx[.series3])
            default: return Cell(ch, ctx[.muted])
            }
        }
    }

    /// Draws the strip along the first row of `area`.
    public func render(_ area: Rect, into buf: inout Buffer, _ ctx: RenderContext) {
        guard area.height > 0 else { return }
        for (i, c) in cells(width: area.width, ctx).enumerated() { buf[area.x + i, area.y] = c }
    }
}
