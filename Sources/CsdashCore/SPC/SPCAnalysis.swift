/// What a special-cause point means for the indicator, or `common` for a point that is not special.
public enum SPCPointType: String, Sendable, CaseIterable {
    case common, improvement, concern, neutral
}

/// Whether the process, as it runs, will meet its target.
public enum SPCAssurance: String, Sendable, CaseIterable {
    /// The target lies outside the limits on the good side: the indicator will consistently meet it.
    case pass
    /// The target lies outside the limits on the bad side: the indicator will consistently miss it.
    case fail
    /// The target lies within the limits (a limit included): it will be hit and missed at random.
    case inconsistent
}

/// One value of the series as the chart judges it.
public struct SPCPoint: Sendable, Equatable {
    /// Its row in the indicator's history.
    public var historyIndex: Int
    public var period: Period
    public var value: Double
    public var type: SPCPointType
    public var rules: SPCRules
    /// Which process (0 first) it belongs to; `SPCAnalysis.processes[process]` holds its limits.
    public var process: Int
}

/// An indicator's series as an XmR chart: its processes' limits and each point's type.
public struct SPCAnalysis: Sendable, Equatable {
    public var points: [SPCPoint]
    /// One per process, in time order; the last one is the latest point's.
    public var processes: [XmRLimits]
    public var polarity: Polarity
    public var runLength: Int
    /// The target in force at the latest point, if any.
    public var target: Double?

    /// The least number of points whose limits can be relied on.
    public static let reliableCount = 12

    public var latest: SPCPoint { points[points.count - 1] }
    /// The limits of the latest point's process.
    public var limits: XmRLimits { processes[latest.process] }

    /// The headline verdict: the type of the latest point.
    public var variation: SPCPointType { latest.type }

    /// Fewer than 12 points behind the latest limits: drawn, but not to be relied on.
    public var tooFew: Bool { limits.fittedCount < Self.reliableCount }

    /// Pass, fail or inconsistent when there is a target and a polarity and the limits are finite; nil otherwise.
    public var assurance: SPCAssurance? {
        guard let t = target, polarity != .neutral, let lower = limits.lower, let upper = limits.upper else { return nil }
        if t > upper { return polarity == .higher ? .fail : .pass }
        if t < lower { return polarity == .higher ? .pass : .fail }
        return .inconsistent
    }
}

extension SPCAnalysis {
    /// The chart of `values` (finite, in time order) with their periods and history rows; nil below 2 points.
    public static func analyse(values: [Double], periods: [Period], historyIndices: [Int], polarity: Polarity,
                               target: Double?, options: SPCOptions = SPCOptions()) -> SPCAnalysis? {
        precondition(values.count == periods.count && values.count == historyIndices.count)
        guard values.count >= 2 else { return nil }
        var points: [SPCPoint] = []
        points.reserveCapacity(values.count)
        var processes: [XmRLimits] = []
        for range in processRanges(periods, options.recalculateFrom) {
            let slice = values[range]
            let fitted = options.baseline.map { slice.prefix(max(1, $0)) } ?? slice
            let limits = XmRLimits.fit(fitted, screen: options.screenMovingRanges)
            let rules = SPCRules.apply(slice, limits: limits, runLength: options.runLength)
            for (k, i) in range.enumerated() {
                let type = pointType(values[i], rules: rules[k], mean: limits.mean, polarity: polarity,
                                     trendUp: k > 0 ? values[i] > values[i - 1] : values[min(i + 1, range.upperBound - 1)] > values[i])
                points.append(SPCPoint(historyIndex: historyIndices[i], period: periods[i], value: values[i],
                                       type: type, rules: rules[k], process: processes.count))
            }
            processes.append(limits)
        }
        return SPCAnalysis(points: points, processes: processes, polarity: polarity, runLength: options.runLength,
                           target: target)
    }

    /// The index ranges of the processes: a new one starts at the first point in or after each
    /// recalculation period; a recalculation with no point after it starts nothing.
    static func processRanges(_ periods: [Period], _ starts: [Period]) -> [Range<Int>] {
        var cuts: [Int] = []
        for s in starts.sorted(by: { $0.startMonthIndex < $1.startMonthIndex }) {
            guard let i = periods.firstIndex(where: { $0.startMonthIndex >= s.startMonthIndex }), i > 0 else { continue }
            if cuts.last != i { cuts.append(i) }
        }
        var ranges: [Range<Int>] = []
        var from = 0
        for c in cuts where c > from {
            ranges.append(from..<c)
            from = c
        }
        ranges.append(from..<periods.count)
        return ranges
    }

    /// A special point is an improvement on the better side of the mean for the polarity, a concern on the
    /// worse side, neutral with no polarity. Only a trend point can sit exactly on the mean: it takes the
    /// trend's direction instead.
    static func pointType(_ v: Double, rules: SPCRules, mean: Double, polarity: Polarity, trendUp: Bool) -> SPCPointType {
        guard !rules.isEmpty else { return .common }
        if polarity == .neutral { return .neutral }
        let high = v == mean ? trendUp : v > mean
        return high == (polarity == .higher) ? .improvement : .concern
    }
}
