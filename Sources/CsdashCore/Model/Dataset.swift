/// Everything loaded from a data directory.
public struct Dataset: Sendable, Equatable {
    public var title: String
    public var organisation: String
    public var panels: [Panel]
    public var indicators: [Indicator]
    /// Names of comparator series (history columns other than indicator, period, value), in first-seen order.
    public var comparatorNames: [String]
    public var riskBands: [RiskBand]
    public var risks: [Risk]
    /// The `wall:` section of indicators.yaml (pages and dwell for `csdash wall`), if any.
    public var wall: WallConfig?
    /// `opens_at` in indicators.yaml: the quarter the dashboard and report open at when no --period is given.
    public var opensAt: Period? = nil
    /// Every authority's value by indicator id and year (`authorities/*.csv`, written by `csdash import dfe`).
    public var authorityValues: [String: [Period: [AuthorityValue]]] = [:]
    /// The data folder the dataset was loaded from, as an absolute path; "" when it was not loaded from one.
    public var folder: String = ""

    public init(title: String = "", organisation: String = "", panels: [Panel] = [], indicators: [Indicator] = [],
                comparatorNames: [String] = [], riskBands: [RiskBand] = RiskBand.defaults, risks: [Risk] = []) {
        self.title = title
        self.organisation = organisation
        self.panels = panels
        self.indicators = indicators
        self.comparatorNames = comparatorNames
        self.riskBands = riskBands
        self.risks = risks
    }

    public func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }
    public func risk(_ id: String) -> Risk? { risks.first { $0.id == id } }
    public func panel(_ id: String) -> Panel? { panels.first { $0.id == id } }

    /// The index of a comparator series by name, ignoring case.
    public func comparatorIndex(_ name: String) -> Int? {
        let key = name.lowercased()
        return comparatorNames.firstIndex { $0.lowercased() == key }
    }

    /// Which rows are the authority's own data, the rows that decide the quarters there are (`quarters`,
    /// `latestQuarter`): a row with a value, of an indicator that is not a benchmark series, and without a
    /// DfE position (the rank columns `csdash import dfe` writes: the DfE's published figures, which run on
    /// after the authority's own reporting). A row with only comparator values (England's figure for a year
    /// the authority has not published) is not either. When no row is the authority's own (a directory of
    /// imported figures only, or every value suppressed), every row counts, so there is still a quarter to show.
    struct OwnRows {
        let series: [Indicator]
        let positionColumns: [Int]
        let importedToo: Bool

        init(_ d: Dataset) {
            let columns = d.comparatorNames.indices.filter { BenchmarkPosition.isReserved(d.comparatorNames[$0]) }
            let own = OwnRows(series: d.indicators.filter { !$0.isBenchmarkSeries }, positionColumns: columns,
                              importedToo: false)
            let any = own.series.contains { ind in ind.history.indices.contains { own.holds(ind.history, $0) } }
            self = any ? own : OwnRows(series: d.indicators, positionColumns: columns, importedToo: true)
        }

        private init(series: [Indicator], positionColumns: [Int], importedToo: Bool) {
            self.series = series
            self.positionColumns = positionColumns
            self.importedToo = importedToo
        }

        @inline(__always) func holds(_ h: History, _ i: Int) -> Bool {
            if importedToo { return true }
            guard h.value(at: i) != nil else { return false }
            return !positionColumns.contains { h.comparator($0, at: i) != nil }
        }
    }

    /// The least and greatest end month of the authority's own data (`OwnRows`) and of any risk assessment;
    /// nil when there is none. A history is in period order, so its first and last own rows hold its least
    /// and greatest end month.
    var endMonthRange: (Int, Int)? { endMonthRange(OwnRows(self)) }

    func endMonthRange(_ own: OwnRows) -> (Int, Int)? {
        var lo = Int.max, hi = Int.min
        for ind in own.series {
            let h = ind.history
            guard let first = h.indices.first(where: { own.holds(h, $0) }),
                  let last = h.indices.last(where: { own.holds(h, $0) }) else { continue }
            lo = min(lo, h.periodCode(at: first).endMonthIndex)
            hi = max(hi, h.periodCode(at: last).endMonthIndex)
        }
        for r in risks {
            for a in r.history {
                lo = min(lo, a.period.endMonthIndex)
                hi = max(hi, a.period.endMonthIndex)
            }
        }
        return lo <= hi ? (lo, hi) : nil
    }

    /// Every quarter from the first to the last that holds the authority's own data (by the end month of
    /// each row): the quarters a `--period` may name. Benchmark series never widen it.
    public var quarters: [Period] {
        guard let (lo, hi) = endMonthRange else { return [] }
        var out: [Period] = []
        var q = Period.quarter(containingMonthIndex: lo)
        let last = Period.quarter(containingMonthIndex: hi)
        while q <= last {
            out.append(q)
            q = q.next
        }
        return out
    }

    /// The quarters in which one of the authority's own rows (`OwnRows`), or a risk assessment, ends, oldest
    /// first: the quarters `[` and `]` step through (a quarter with no data at all is never shown).
    public var quartersWithData: [Period] {
        // Straight from the period columns (no Observation per row): the range of end months, then one flag per
        // quarter in it. Quarter k holds months 3k+3 ... 3k+5 (April to June of year k/4, and so on).
        func key(_ month: Int) -> Int { (month - 3) >= 0 ? (month - 3) / 3 : -((3 - month + 2) / 3) }
        let own = OwnRows(self)
        guard let (lo, hi) = endMonthRange(own) else { return [] }
        let first = key(lo)
        var seen = [Bool](repeating: false, count: key(hi) - first + 1)
        for ind in own.series {
            let h = ind.history
            var last = Int.min
            for i in 0..<h.count where own.holds(h, i) {
                let m = h.periodCode(at: i).endMonthIndex
                if m != last {  // consecutive rows mostly share a month (or a quarter)
                    seen[key(m) - first] = true
                    last = m
                }
            }
        }
        for r in risks { for a in r.history { seen[key(a.period.endMonthIndex) - first] = true } }
        return seen.indices.filter { seen[$0] }.map { Period.quarter(containingMonthIndex: ($0 + first) * 3 + 3) }
    }

    /// The latest quarter of the authority's own data: the last quarter `]` reaches, `}` jumps to and a
    /// `--period` may name, and the one the wall's staleness is measured from. The one definition of "latest"
    /// for the dashboard, the wall, the report, snapshot and check.
    public var latestQuarter: Period? { quarters.last }

    /// The quarter the dashboard, the wall and the report open at: `opens_at` (as the quarter that contains it),
    /// else the latest quarter with data. An `opens_at` after the latest quarter opens at the latest.
    public var openingQuarter: Period? {
        guard let latest = latestQuarter else { return opensAt.map { Period.quarter(containingMonthIndex: $0.endMonthIndex) } }
        return opensAt.map { min(Period.quarter(containingMonthIndex: $0.endMonthIndex), latest) } ?? latest
    }
}

extension SourceLocation {
    /// The same place with its file named relative to the data folder (`history/social-care.csv:4`), for
    /// screens other people see (the wall, the `!` page): the server's own path stays off them. A file
    /// outside the folder keeps its path.
    public func relative(to folder: String) -> SourceLocation {
        guard !folder.isEmpty else { return self }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        guard file.hasPrefix(prefix), file.count > prefix.count else { return self }
        return SourceLocation(file: String(file.dropFirst(prefix.count)), line: line, column: column, character: character)
    }
}
