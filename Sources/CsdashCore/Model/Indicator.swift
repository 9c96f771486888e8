/// How an indicator's value is measured and shown.
public enum Unit: String, Sendable, CaseIterable {
    case percent, count, rate, number, days
}

/// Which way is good.
public enum Polarity: String, Sendable, CaseIterable {
    case higher, lower, neutral
}

/// How often an indicator is reported; it fixes which period form its history rows use.
public enum Frequency: String, Sendable, CaseIterable {
    case monthly, quarterly, annual

    /// The period form a history row of this frequency must use.
    public var periodKind: Period.Kind {
        switch self {
        case .monthly: return .month
        case .quarterly: return .quarter
        case .annual: return .financialYear
        }
    }
}

/// A target in force from a period on.
public struct Target: Sendable, Equatable {
    public var from: Period
    public var value: Double
    public var tolerance: Double

    public init(from: Period, value: Double, tolerance: Double = 0) {
        self.from = from
        self.value = value
        self.tolerance = tolerance
    }
}

/// A panel of the dashboard, in display order.
public struct Panel: Sendable, Equatable {
    public var id: String
    public var title: String

    public init(id: String, title: String) { (self.id, self.title) = (id, title) }
}

/// One observation of an indicator: its value and the comparators' values for that period.
/// `nil` means not available (empty cell or a suppression code), never zero.
public struct Observation: Sendable, Equatable {
    public var period: Period
    public var value: Double?

    /// Where the comparators and the source come from: given, or a row of a history's columns (read only
    /// when asked for, so that taking an observation from a `History` builds no array).
    enum Detail: Sendable {
        case given(comparators: [Double?], source: SourceLocation)
        case row(History.Columns, Int)
    }

    var detail: Detail

    public init(period: Period, value: Double?, comparators: [Double?] = [], source: SourceLocation = .none) {
        self.period = period
        self.value = value
        detail = .given(comparators: comparators, source: source)
    }

    init(period: Period, value: Double?, row: Int, of columns: History.Columns) {
        self.period = period
        self.value = value
        detail = .row(columns, row)
    }

    /// Indexed by `Dataset.comparatorNames`; shorter arrays mean the rest are not available.
    public var comparators: [Double?] {
        get {
            switch detail {
            case let .given(c, _): return c
            case let .row(cols, k): return cols.comparators.map { $0.isEmpty || $0[k].isNaN ? nil : $0[k] }
            }
        }
        set { detail = .given(comparators: newValue, source: source) }
    }

    public var source: SourceLocation {
        get {
            switch detail {
            case let .given(_, s): return s
            case let .row(cols, k):
                let f = cols.file(k)
                return SourceLocation(file: f < cols.files.count ? cols.files[f] : "", line: Int(cols.lines[k]))
            }
        }
        set { detail = .given(comparators: comparators, source: newValue) }
    }

    public func comparator(_ index: Int) -> Double? {
        switch detail {
        case let .given(c, _): return index >= 0 && index < c.count ? c[index] : nil
        case let .row(cols, k):
            guard index >= 0, index < cols.comparators.count, !cols.comparators[index].isEmpty else { return nil }
            let v = cols.comparators[index][k]
            return v.isNaN ? nil : v
        }
    }

    public static func == (a: Observation, b: Observation) -> Bool {
        guard a.period == b.period, a.value == b.value, a.source == b.source else { return false }
        let ca = a.comparators, cb = b.comparators
        for i in 0..<max(ca.count, cb.count) where (i < ca.count ? ca[i] : nil) != (i < cb.count ? cb[i] : nil) {
            return false
        }
        return true
    }
}

/// An indicator's definition (from indicators.yaml) and its history (from history/*.csv).
public struct Indicator: Sendable, Equatable {
    public var id: String
    public var panel: String
    public var title: String
    public var short: String
    public var unit: Unit
    /// For rates: what the rate is per, e.g. `1,000 children`.
    public var per: String?
    public var decimals: Int
    public var polarity: Polarity
    public var frequency: Frequency
    /// In period order.
    public var targets: [Target]
    /// Comparator names to show, in order (names of history columns).
    public var comparators: [String]
    public var risks: [String]
    public var definition: String
    public var source: String
    public var commentary: [Period: String]
    /// Sorted by period, at most one per period; stored as contiguous columns (see `History`).
    public var history: History
    public var location: SourceLocation
    /// The id of an annual benchmark series shown on this indicator's page (`benchmark:` in indicators.yaml).
    public var benchmark: String?
    /// Listed under `benchmarks:`: annual, no panel, shown only on the pages of indicators that name it.
    public var isBenchmarkSeries = false
    /// Annual figures (a benchmark series, or an annual indicator imported from the DfE) that are a census as at
    /// a day of each DfE reporting year (`as_at:`); nil for the year to 31 March.
    public var benchmarkDate: BenchmarkDate?
    /// Some of its definition or history failed to load (see `Subject`): its value is not trusted, so it is
    /// evaluated as having none and the dashboard marks it.
    public var dataProblem = false
    /// How its SPC chart is worked out (`spc:` in indicators.yaml).
    public var spc = SPCOptions()

    public init(id: String, panel: String, title: String, short: String? = nil, unit: Unit = .number,
                per: String? = nil, decimals: Int = 0, polarity: Polarity = .neutral,
                frequency: Frequency = .quarterly, targets: [Target] = [], comparators: [String] = [],
                risks: [String] = [], definition: String = "", source: String = "",
                commentary: [Period: String] = [:], history: [Observation] = [],
                location: SourceLocation = .none) {
        self.id = id
        self.panel = panel
        self.title = title
        self.short = short ?? String(title.prefix(24))
        self.unit = unit
        self.per = per
        self.decimals = decimals
        self.polarity = polarity
        self.frequency = frequency
        self.targets = targets
        self.comparators = comparators
        self.risks = risks
        self.definition = definition
        self.source = source
        self.commentary = commentary
        self.history = History(history)
        self.location = location
    }

    /// The target in force for `period`: the last target whose `from` starts at or before it.
    public func target(for period: Period) -> Target? { target(startingInMonth: period.startMonthIndex) }

    public func target(for code: PeriodCode) -> Target? { target(startingInMonth: code.startMonthIndex) }

    private func target(startingInMonth start: Int) -> Target? {
        var found: Target?
        for t in targets where t.from.startMonthIndex <= start {
            found = t
        }
        return found
    }
}
