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

    init?(_ e: IndicatorEvaluation) {
        guard let ci = e.currentIndex else { return nil }
        let ind = e.indicator, h = ind.history
        indicator = ind
        fullCount = ci + 1
        let special = SPCLayer.specialCauses(e)
        let keep = ChartSeries.thin(h, upTo: ci, keep: special)
        indices = keep
        specialCauses = keep.indices.filter { special.contains(keep[$0]) }
        periods = keep.map { h.period(at: $0) }
        values = keep.map { h.value(at: $0).map { Rounding.round($0, decimals: ind.decimals) } }
    }

    /// The indices to draw of rows 0...last: all of them when few, else per bucket its lowest and highest
    /// value, plus the first, the last, the overall extremes and `keep`.
    static func thin(_ h: History, upTo last: Int, keep: Set<Int>) -> [Int] {
        let n = last + 1
        guard n > maxPoints else { return Array(0..<n) }
        var chosen = Set<Int>([0, last])
        chosen.formUnion(keep.filter { $0 <= last })
        let buckets = maxPoints / 2 - 2
        let size = (n + buckets - 1) / buckets
        var lowAll: (Int, Double)?, highAll: (Int, Double)?
        var start = 0
        while start < n {
            var lo: (Int, Double)?, hi: (Int, Double)?
            for i in start..<min(n, start + size) {
                guard let v = h.value(at: i) else { continue }
                if lo == nil || v < lo!.1 { lo = (i, v) }
                if hi == nil || v > hi!.1 { hi = (i, v) }
            }
            if let lo {
                chosen.insert(lo.0)
                if lowAll == nil || lo.1 < lowAll!.1 { lowAll = lo }
            }
            if let hi {
                chosen.insert(hi.0)
                if highAll == nil || hi.1 > highAll!.1 { highAll = hi }
            }
            start += size
        }
        return chosen.sorted()
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

    static func lines(_ e: IndicatorEvaluation) -> Lines? {
        guard let a = e.spc, a.points.count >= 3 else { return nil }
        let lim = a.limits
        return Lines(mean: lim.mean, lower: lim.lower, upper: lim.upper)
    }

    /// History rows of the points that are special causes.
    static func specialCauses(_ e: IndicatorEvaluation) -> Set<Int> {
        guard let a = e.spc, a.points.count >= 3 else { return [] }
        return Set(a.points.filter { $0.type != .common }.map(\.historyIndex))
    }
}
