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

    /// The least and greatest end month of any observation or risk assessment; nil when there is none. A
    /// history is in period order, so its first and last rows hold its least and greatest end month.
    var endMonthRange: (Int, Int)? {
        var lo = Int.max, hi = Int.min
        for ind in indicators {
            let h = ind.history
            if !h.isEmpty {
                lo = min(lo, h.periodCode(at: 0).endMonthIndex)
                hi = max(hi, h.periodCode(at: h.count - 1).endMonthIndex)
            }
        }
        for r in risks {
            for a in r.history {
                lo = min(lo, a.period.endMonthIndex)
                hi = max(hi, a.period.endMonthIndex)
            }
        }
        return lo <= hi ? (lo, hi) : nil
    }

    /// Every quarter from the first to the last that holds data (by the end month of each observation).
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

    /// The quarters in which some indicator or risk has an observation ending, oldest first: the quarters
    /// `[` and `]` step through (a quarter with no data at all is never shown).
    public var quartersWithData: [Period] {
        // Straight from the period columns (no Observation per row): the range of end months, then one flag per
        // quarter in it. Quarter k holds months 3k+3 ... 3k+5 (April to June of year k/4, and so on).
        func key(_ month: Int) -> Int { (month - 3) >= 0 ? (month - 3) / 3 : -((3 - month + 2) / 3) }
        guard let (lo, hi) = endMonthRange else { return [] }
        let first = key(lo)
        var seen = [Bool](repeating: false, count: key(hi) - first + 1)
        for ind in indicators {
            let h = ind.history
            var last = Int.min
            for i in 0..<h.count {
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

    /// The latest quarter with data: the default "as at" quarter.
    public var latestQuarter: Period? { quarters.last }

    /// The quarter the dashboard, the wall and the report open at: `opens_at` (as the quarter that contains it),
    /// else the latest quarter with data.
    public var openingQuarter: Period? {
        opensAt.map { Period.quarter(containingMonthIndex: $0.endMonthIndex) } ?? latestQuarter
    }
}
