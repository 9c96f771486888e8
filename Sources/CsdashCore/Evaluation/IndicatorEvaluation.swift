/// An indicator judged as at a quarter: what every view and report shows.
///
/// Evaluating finds the current observation and judges it (value, target, status): every indicator needs
/// that, for the counts. The rest (the observation itself, the previous one, the direction, the year-ago
/// change, staleness) is worked out from the current index when it is read, so changing quarter on a large
/// dataset costs a binary search and a judgement per indicator, and the details only for the rows on screen.
///
public struct IndicatorEvaluation: Sendable, Equatable {
    public var indicator: Indicator
    /// The quarter the dashboard is viewed at.
    public let asAt: Period
    /// The current value rounded to the indicator's decimals (what the user sees), nil when not available.
    public let value: Double?
    public let target: Target?
    public let status: Status
    /// Index of the current observation in the history (for charts).
    public let currentIndex: Int?

    /// The latest observation ending on or before the quarter's end.
    public var current: Observation? { currentIndex.map { indicator.history[$0] } }

    /// An indicator whose data failed to load has no value it can be judged by: one that loaded may be wrong
    /// or out of date because a row beside it failed (see `Indicator.dataProblem`).
    private var trusted: Bool { !indicator.dataProblem }

    public var previous: Observation? {
        guard let ci = currentIndex, ci > 0 else { return nil }
        return indicator.history[ci - 1]
    }

    /// The previous value, rounded.
    public var previousValue: Double? {
        guard trusted, let ci = currentIndex, ci > 0, let v = indicator.history.value(at: ci - 1) else { return nil }
        return Rounding.round(v, decimals: indicator.decimals)
    }

    public var direction: Direction {
        let ind = indicator
        return Direction.of(current: value, previous: previousValue, polarity: ind.polarity, decimals: ind.decimals)
    }

    /// The observation for the same period a year earlier, and the change against it (rounded values).
    public var yearAgo: Observation? {
        guard let ci = currentIndex else { return nil }
        let h = indicator.history
        return h.lastIndex(of: h.period(at: ci).yearEarlier, before: ci).map { h[$0] }
    }

    public var yearAgoChange: Double? {
        let d = indicator.decimals
        guard let value, let v = yearAgo?.value else { return nil }
        return Rounding.round(value - Rounding.round(v, decimals: d), decimals: d)
    }

    /// The current observation is older than the frequency allows, or there is none.
    public var stale: Bool {
        !trusted || Evaluator.isStale(currentIndex.map { indicator.history.period(at: $0) },
                                      frequency: indicator.frequency, asAt: asAt)
    }

    /// Comparator values on the current observation, in the indicator's comparator order.
    public func comparators(in dataset: Dataset) -> [(name: String, value: Double?)] {
        let current = self.current
        return indicator.comparators.map { name in
            (name, dataset.comparatorIndex(name).flatMap { current?.comparator($0) })
        }
    }

    /// The history up to and including the viewed quarter.
    public var visibleHistory: Slice<History> {
        guard let currentIndex else { return indicator.history[0..<0] }
        return indicator.history[...currentIndex]
    }
}

public enum Evaluator {
    /// Evaluates one indicator as at the quarter `asAt` (any period: its end month is used).
    public static func evaluate(_ ind: Indicator, asAt: Period) -> IndicatorEvaluation {
        let h = ind.history
        // Binary search on the packed periods: the last observation whose period ends on or before the quarter.
        let currentIndex = h.lastIndex(endingByMonth: asAt.endMonthIndex)
        let d = ind.decimals
        var value: Double?, target: Target?
        if let ci = currentIndex {
            // An indicator whose data failed to load has no value it can be judged by (see `trusted`).
            if !ind.dataProblem, let v = h.value(at: ci) { value = Rounding.round(v, decimals: d) }
            target = ind.target(for: h.periodCode(at: ci))
        }
        var status = Status.of(value: value, target: target?.rounded(decimals: d), polarity: ind.polarity)
        // A target and no value for the quarter (no row up to it, or an empty cell in the row it shows):
        // "no data", with the target in force then. A failed load keeps its own mark (`trusted`).
        if value == nil, !ind.dataProblem, let due = target ?? ind.target(for: asAt) {
            target = due
            status = .noData
        }
        return IndicatorEvaluation(indicator: ind, asAt: asAt, value: value, target: target, status: status,
                                   currentIndex: currentIndex)
    }

    /// monthly: no month inside the quarter; quarterly: not that quarter;
    /// annual: older than the financial year before the quarter's financial year. No observation is stale.
    public static func isStale(_ period: Period?, frequency: Frequency, asAt: Period) -> Bool {
        guard let period else { return true }
        let quarter = Period.quarter(containingMonthIndex: asAt.endMonthIndex)
        switch frequency {
        case .monthly:
            return period.endMonthIndex < quarter.startMonthIndex
        case .quarterly:
            return period != quarter
        case .annual:
            return period.financialYearStart < quarter.financialYearStart - 1
        }
    }

    public static func evaluateAll(_ dataset: Dataset, asAt: Period) -> [IndicatorEvaluation] {
        // Benchmark series show on the pages of the indicators that name them, not in panels or counts.
        dataset.indicators.filter { !$0.isBenchmarkSeries }.map { evaluate($0, asAt: asAt) }
    }
}

extension Evaluator {
    /// The status of one observation against the target in force for its own period.
    public static func status(of obs: Observation, in ind: Indicator) -> Status {
        Status.of(value: obs.value.map { Rounding.round($0, decimals: ind.decimals) },
                  target: ind.target(for: obs.period)?.rounded(decimals: ind.decimals), polarity: ind.polarity)
    }
}

extension Target {
    /// The target and tolerance as the screen shows them: rounded to the indicator's decimals, so a value is
    /// judged against the numbers the reader sees (90.4 with 0 decimals shows as 90, and 90 meets it).
    public func rounded(decimals: Int) -> Target {
        Target(from: from, value: Rounding.round(value, decimals: decimals),
               tolerance: Rounding.round(tolerance, decimals: decimals))
    }
}
