/// The headline of an indicator's SPC chart, without its points: what the overview, the wall and the filters
/// show for every indicator on screen. Worked out from the latest process's limits and the last few points
/// only (a run, trend or 2-of-3 window that holds the latest point lies within its last `runLength` points),
/// so it costs one pass over the values; it always agrees with `SPCAnalysis`'s.
public struct SPCVerdict: Sendable, Equatable {
    public var variation: SPCPointType
    public var assurance: SPCAssurance?
    public var tooFew: Bool
    /// The latest point lies above the mean (or, exactly on it, ends a rising trend): which way an icon points.
    public var high: Bool

    public init(variation: SPCPointType, assurance: SPCAssurance?, tooFew: Bool, high: Bool) {
        self.variation = variation
        self.assurance = assurance
        self.tooFew = tooFew
        self.high = high
    }

    /// The verdict of `indicator`'s series up to history row `last`; nil below 2 values (as `SPCAnalysis.of`).
    public static func of(_ indicator: Indicator, upTo last: Int?) -> SPCVerdict? {
        guard let last, !indicator.dataProblem, last >= 0, last < indicator.history.count else { return nil }
        let h = indicator.history
        let options = indicator.spc
        let raw = h.rawValues
        // The latest process starts at the last recalculation period that has a value before it.
        var values: [Double] = []
        var total = 0, latestRow = -1, previousStart = Int.min
        let cuts = options.recalculateFrom.map(\.startMonthIndex)
        values.reserveCapacity(last + 1)
        for i in 0...last {
            let v = raw[raw.startIndex + i]
            guard !v.isNaN else { continue }
            total += 1
            latestRow = i
            guard !cuts.isEmpty else {
                values.append(v)
                continue
            }
            // A new process from the first value in or after a recalculation period (not the very first value).
            let start = h.periodCode(at: i).startMonthIndex
            if total > 1, cuts.contains(where: { $0 <= start && $0 > previousStart }) {
                values.removeAll(keepingCapacity: true)
            }
            values.append(v)
            previousStart = start
        }
        guard total >= 2, latestRow >= 0 else { return nil }
        let fitted = options.baseline.map { values.prefix(max(1, $0)) } ?? values[...]
        let limits = XmRLimits.fit(fitted, screen: options.screenMovingRanges)
        let tail = values.suffix(max(options.runLength, 3))
        let rules = SPCRules.apply(tail, limits: limits, runLength: options.runLength).last ?? []
        let n = values.count
        let latest = values[n - 1]
        let trendUp = n > 1 ? latest > values[n - 2] : false
        let a = SPCAnalysis(points: [SPCPoint(historyIndex: latestRow, period: h.period(at: latestRow), value: latest,
                                              type: SPCAnalysis.pointType(latest, rules: rules, mean: limits.mean,
                                                                          polarity: indicator.polarity, trendUp: trendUp),
                                              rules: rules, process: 0)],
                            processes: [limits], polarity: indicator.polarity, runLength: options.runLength,
                            target: indicator.target(for: h.period(at: latestRow))?.value)
        let high = latest == limits.mean ? trendUp : latest > limits.mean
        return SPCVerdict(variation: a.variation, assurance: a.assurance, tooFew: a.tooFew, high: high)
    }
}

extension SPCAnalysis {
    public var verdict: SPCVerdict {
        let p = latest, mean = limits.mean
        let n = points.count
        let rising = n > 1 && points[n - 2].process == p.process && p.value > points[n - 2].value
        let high = p.value == mean ? rising : p.value > mean
        return SPCVerdict(variation: variation, assurance: assurance, tooFew: tooFew, high: high)
    }
}
