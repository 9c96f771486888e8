/// An indicator judged as at a quarter: what every view and report shows.
///
/// Its fields live in one copy-on-write box, so the lists views filter and copy every frame cost one
/// retain per evaluation.
public struct IndicatorEvaluation: Sendable, Equatable {
    struct Fields: Equatable {
        var indicator: Indicator
        var asAt: Period
        var current: Observation?
        var value: Double?
        var target: Target?
        var status: Status
        var previous: Observation?
        var previousValue: Double?
        var direction: Direction
        var yearAgo: Observation?
        var yearAgoChange: Double?
        var stale: Bool
        var currentIndex: Int?
    }

    final class Box: @unchecked Sendable {
        // Mutated only through `unique()`, i.e. when no other evaluation shares it; no access overlaps another,
        // so the runtime exclusivity check (a call on every read) is left out.
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private mutating func unique() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        return box
    }

    public static func == (a: IndicatorEvaluation, b: IndicatorEvaluation) -> Bool {
        a.box === b.box || a.box.fields == b.box.fields
    }

    init(indicator: Indicator, asAt: Period, current: Observation?, value: Double?, target: Target?, status: Status, previous: Observation?, previousValue: Double?, direction: Direction, yearAgo: Observation?, yearAgoChange: Double?, stale: Bool, currentIndex: Int?) {
        box = Box(Fields(indicator: indicator, asAt: asAt, current: current, value: value, target: target, status: status, previous: previous, previousValue: previousValue, direction: direction, yearAgo: yearAgo, yearAgoChange: yearAgoChange, stale: stale, currentIndex: currentIndex))
    }

    public var indicator: Indicator {
        get { box.fields.indicator }
        set { unique().fields.indicator = newValue }
        _modify { yield &unique().fields.indicator }
    }

    /// The quarter the dashboard is viewed at.
    public var asAt: Period {
        get { box.fields.asAt }
        set { unique().fields.asAt = newValue }
        _modify { yield &unique().fields.asAt }
    }

    /// The latest observation ending on or before the quarter's end.
    public var current: Observation? {
        get { box.fields.current }
        set { unique().fields.current = newValue }
        _modify { yield &unique().fields.current }
    }

    /// The current value rounded to the indicator's decimals (what the user sees), nil when not available.
    public var value: Double? {
        get { box.fields.value }
        set { unique().fields.value = newValue }
        _modify { yield &unique().fields.value }
    }

    public var target: Target? {
        get { box.fields.target }
        set { unique().fields.target = newValue }
        _modify { yield &unique().fields.target }
    }

    public var status: Status {
        get { box.fields.status }
        set { unique().fields.status = newValue }
        _modify { yield &unique().fields.status }
    }

    public var previous: Observation? {
        get { box.fields.previous }
        set { unique().fields.previous = newValue }
        _modify { yield &unique().fields.previous }
    }

    /// The previous value, rounded.
    public var previousValue: Double? {
        get { box.fields.previousValue }
        set { unique().fields.previousValue = newValue }
        _modify { yield &unique().fields.previousValue }
    }

    public var direction: Direction {
        get { box.fields.direction }
        set { unique().fields.direction = newValue }
        _modify { yield &unique().fields.direction }
    }

    /// The observation for the same period a year earlier, and the change against it (rounded values).
    public var yearAgo: Observation? {
        get { box.fields.yearAgo }
        set { unique().fields.yearAgo = newValue }
        _modify { yield &unique().fields.yearAgo }
    }

    public var yearAgoChange: Double? {
        get { box.fields.yearAgoChange }
        set { unique().fields.yearAgoChange = newValue }
        _modify { yield &unique().fields.yearAgoChange }
    }

    /// The current observation is older than the frequency allows, or there is none.
    public var stale: Bool {
        get { box.fields.stale }
        set { unique().fields.stale = newValue }
        _modify { yield &unique().fields.stale }
    }

    /// Index of the current observation in the history (for charts).
    public var currentIndex: Int? {
        get { box.fields.currentIndex }
        set { unique().fields.currentIndex = newValue }
        _modify { yield &unique().fields.currentIndex }
    }

    /// Comparator values on the current observation, in the indicator's comparator order.
    public func comparators(in dataset: Dataset) -> [(name: String, value: Double?)] {
        indicator.comparators.map { name in
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
        let current = currentIndex.map { h[$0] }
        let d = ind.decimals
        // An indicator whose data failed to load has no value it can be judged by: one that loaded may be
        // wrong or out of date because a row beside it failed (see `Indicator.dataProblem`).
        let trusted = !ind.dataProblem
        let value = trusted ? current?.value.map { Rounding.round($0, decimals: d) } : nil
        let target = current.flatMap { ind.target(for: $0.period) }
        let previous = currentIndex.flatMap { $0 > 0 ? h[$0 - 1] : nil }
        let previousValue = trusted ? previous?.value.map { Rounding.round($0, decimals: d) } : nil
        var yearAgo: Observation?
        if let current, let ci = currentIndex {
            yearAgo = h.lastIndex(of: current.period.yearEarlier, before: ci).map { h[$0] }
        }
        let yearAgoValue = yearAgo?.value.map { Rounding.round($0, decimals: d) }
        var change: Double?
        if let value, let yearAgoValue { change = Rounding.round(value - yearAgoValue, decimals: d) }
        return IndicatorEvaluation(
            indicator: ind, asAt: asAt, current: current, value: value, target: target,
            status: Status.of(value: value, target: target?.rounded(decimals: d), polarity: ind.polarity),
            previous: previous, previousValue: previousValue,
            direction: Direction.of(current: value, previous: previousValue, polarity: ind.polarity, decimals: d),
            yearAgo: yearAgo, yearAgoChange: change,
            stale: !trusted || isStale(current?.period, frequency: ind.frequency, asAt: asAt),
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
