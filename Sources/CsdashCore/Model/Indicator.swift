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

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
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
///
/// A value type whose fields live in one shared, copy-on-write box: views and evaluations copy indicators
/// freely (every `IndicatorEvaluation` holds one), and a copy is one retain instead of one per field.
public struct Indicator: Sendable, Equatable {
    struct Fields: Equatable {
        var id: String
        var panel: String
        var title: String
        var short: String
        var unit: Unit
        var per: String?
        var decimals: Int
        var polarity: Polarity
        var frequency: Frequency
        var targets: [Target]
        var comparators: [String]
        var risks: [String]
        var definition: String
        var source: String
        var commentary: [Period: String]
        var history: History
        var location: SourceLocation
        var benchmark: String? = nil
        var isBenchmarkSeries: Bool = false
        var dataProblem = false
        var spc = SPCOptions()
    }

    final class Box: @unchecked Sendable {
        // Mutated only through `unique()`, i.e. when no other Indicator shares it; no access overlaps another,
        // so the runtime exclusivity check (a call on every read) is left out.
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private mutating func unique() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        return box
    }

    public static func == (a: Indicator, b: Indicator) -> Bool { a.box === b.box || a.box.fields == b.box.fields }

    /// The same stored indicator (a copy of it, unchanged since): a check in constant time, where `==`
    /// compares every field.
    public func isSameStorage(as other: Indicator) -> Bool { box === other.box }

    public var id: String {
        get { box.fields.id }
        set { unique().fields.id = newValue }
        _modify { yield &unique().fields.id }
    }

    public var panel: String {
        get { box.fields.panel }
        set { unique().fields.panel = newValue }
        _modify { yield &unique().fields.panel }
    }

    public var title: String {
        get { box.fields.title }
        set { unique().fields.title = newValue }
        _modify { yield &unique().fields.title }
    }

    public var short: String {
        get { box.fields.short }
        set { unique().fields.short = newValue }
        _modify { yield &unique().fields.short }
    }

    public var unit: Unit {
        get { box.fields.unit }
        set { unique().fields.unit = newValue }
        _modify { yield &unique().fields.unit }
    }

    /// For rates: what the rate is per, e.g. `1,000 children`.
    public var per: String? {
        get { box.fields.per }
        set { unique().fields.per = newValue }
        _modify { yield &unique().fields.per }
    }

    public var decimals: Int {
        get { box.fields.decimals }
        set { unique().fields.decimals = newValue }
        _modify { yield &unique().fields.decimals }
    }

    public var polarity: Polarity {
        get { box.fields.polarity }
        set { unique().fields.polarity = newValue }
        _modify { yield &unique().fields.polarity }
    }

    public var frequency: Frequency {
        get { box.fields.frequency }
        set { unique().fields.frequency = newValue }
        _modify { yield &unique().fields.frequency }
    }

    /// In period order.
    public var targets: [Target] {
        get { box.fields.targets }
        set { unique().fields.targets = newValue }
        _modify { yield &unique().fields.targets }
    }

    /// Comparator names to show, in order (names of history columns).
    public var comparators: [String] {
        get { box.fields.comparators }
        set { unique().fields.comparators = newValue }
        _modify { yield &unique().fields.comparators }
    }

    public var risks: [String] {
        get { box.fields.risks }
        set { unique().fields.risks = newValue }
        _modify { yield &unique().fields.risks }
    }

    public var definition: String {
        get { box.fields.definition }
        set { unique().fields.definition = newValue }
        _modify { yield &unique().fields.definition }
    }

    public var source: String {
        get { box.fields.source }
        set { unique().fields.source = newValue }
        _modify { yield &unique().fields.source }
    }

    public var commentary: [Period: String] {
        get { box.fields.commentary }
        set { unique().fields.commentary = newValue }
        _modify { yield &unique().fields.commentary }
    }

    /// Sorted by period, at most one per period; stored as contiguous columns (see `History`).
    public var history: History {
        get { box.fields.history }
        set { unique().fields.history = newValue }
        _modify { yield &unique().fields.history }
    }

    public var location: SourceLocation {
        get { box.fields.location }
        set { unique().fields.location = newValue }
        _modify { yield &unique().fields.location }
    }

    /// Some of its definition or history failed to load (see `Subject`): its value is not trusted, so it is
    /// evaluated as having none and the dashboard marks it.
    public var dataProblem: Bool {
        get { box.fields.dataProblem }
        set { unique().fields.dataProblem = newValue }
    }

    /// How its SPC chart is worked out (`spc:` in indicators.yaml).
    public var spc: SPCOptions {
        get { box.fields.spc }
        set { unique().fields.spc = newValue }
    }

    /// The id of an annual benchmark series shown on this indicator's page (`benchmark:` in indicators.yaml).
    public var benchmark: String? {
        get { box.fields.benchmark }
        set { unique().fields.benchmark = newValue }
        _modify { yield &unique().fields.benchmark }
    }

    /// Listed under `benchmarks:`: annual, no panel, shown only on the pages of indicators that name it.
    public var isBenchmarkSeries: Bool {
        get { box.fields.isBenchmarkSeries }
        set { unique().fields.isBenchmarkSeries = newValue }
        _modify { yield &unique().fields.isBenchmarkSeries }
    }

    public init(id: String, panel: String, title: String, short: String? = nil, unit: Unit = .number,
                per: String? = nil, decimals: Int = 0, polarity: Polarity = .neutral,
                frequency: Frequency = .quarterly, targets: [Target] = [], comparators: [String] = [],
                risks: [String] = [], definition: String = "", source: String = "",
                commentary: [Period: String] = [:], history: [Observation] = [],
                location: SourceLocation = .none) {
        box = Box(Fields(
            id: id,
            panel: panel,
            title: title,
            short: short ?? String(title.prefix(24)),
            unit: unit,
            per: per,
            decimals: decimals,
            polarity: polarity,
            frequency: frequency,
            targets: targets,
            comparators: comparators,
            risks: risks,
            definition: definition,
            source: source,
            commentary: commentary,
            history: History(history),
            location: location))
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
