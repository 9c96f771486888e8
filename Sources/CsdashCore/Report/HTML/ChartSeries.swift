/// The points an indicator's chart draws: its history up to the quarter viewed, rounded as shown, thinned when
/// long so a pack of a thousand long series stays small. Thinning keeps, for each stretch of the series, its
/// lowest and highest point, and always the first point, the latest, the whole series' extremes and any point
/// the statistical analysis marks as a special cause.
struct ChartSeries {
    /// At most about this many points are drawn.
    static let maxPoints = 120

    let indicator: Indicator
    /// Indices into the history, in order.
    let indices: [Int]
    let periods: [Period]
    let values: [Double?]
    /// Positions (in `indices`) of the special-cause points.
    let specialCauses: [Int]
    /// How many periods the full series holds (before thinning).
    let fullCount: Int

    init?(_ e: IndicatorEvaluation, spc: SPCAnalysis?) {
        guard let ci = e.currentIndex else { return nil }
        let ind = e.indicator, h = ind.history
        indicator = ind
        fullCount = ci + 1
        let special = SPCLayer.specialCauses(spc)
        let keep = ChartSeries.thin(h, upTo: ci, keep: special)
        indices = keep
        specialCauses = keep.indices.filter { special.contains(keep[$0]) }
        periods = keep.map { h.period(at: $0) }
        values = keep.map { h.value(at: $0).map { Rounding.round($0, decimals: ind.decimals) } }
    }

    /// The indices to draw of rows 0...last: all of them when few, else per stretch its lowest and highest
    /// value, plus the first, the last (so the overall extremes too) and the special causes `keep`; when these
    /// are too many to draw, their own lowest and highest per stretch.
    static func thin(_ h: History, upTo last: Int, keep: Set<Int>) -> [Int] {
        let n = last + 1
        guard n > maxPoints else { return Array(0..<n) }
        var chosen = Set<Int>([0, last])
        chosen.formUnion(extremes(h, of: Array(0..<n), buckets: maxPoints / 2 - 2))
        let special = keep.filter { $0 <= last }.sorted()
        chosen.formUnion(special.count <= maxPoints / 2 ? special : extremes(h, of: special, buckets: maxPoints / 4))
        return chosen.sorted()
    }

    /// The rows of `rows` (in order) holding the lowest and the highest value of each of `buckets` stretches.
    static func extremes(_ h: History, of rows: [Int], buckets: Int) -> [Int] {
        let size = max(1, (rows.count + buckets - 1) / buckets)
        var out: [Int] = []
        var start = 0
        while start < rows.count {
            var lo: (Int, Double)?, hi: (Int, Double)?
            for i in rows[start..<min(rows.count, start + size)] {
                guard let v = h.value(at: i) else { continue }
                if lo == nil || v < lo!.1 { lo = (i, v) }
                if hi == nil || v > hi!.1 { hi = (i, v) }
            }
            if let lo { out.append(lo.0) }
            if let hi { out.append(hi.0) }
            start += size
        }
        return out
    }

    var known: [(Int, Double)] { values.enumerated().compactMap { i, v in v.map { (i, $0) } } }
}

/// Statistical-process-control layers on the chart: the latest process's mean and limits, and the special-cause
/// points (which thinning keeps and the chart rings).
enum SPCLayer {
    struct Lines {
        var mean: Double
        var lower: Double?
        var upper: Double?
    }

    static func lines(_ spc: SPCAnalysis?) -> Lines? {
        guard let a = spc, a.points.count >= 3 else { return nil }
        let lim = a.limits
        return Lines(mean: lim.mean, lower: lim.lower, upper: lim.upper)
    }

    /// History rows of the points that are special causes.
    static func specialCauses(_ spc: SPCAnalysis?) -> Set<Int> {
        guard let a = spc, a.points.count >= 3 else { return [] }
        return Set(a.points.filter { $0.type != .common }.map(\.historyIndex))
    }
}
