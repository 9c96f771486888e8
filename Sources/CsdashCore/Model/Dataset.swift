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

    /// Every quarter from the first to the last that holds data (by the end month of each observation).
    public var quarters: [Period] {
        var lo = Int.max, hi = Int.min
        for ind in indicators {
            let h = ind.history
            if !h.isEmpty {
                lo = min(lo, h.period(at: 0).endMonthIndex)
                hi = max(hi, h.period(at: h.count - 1).endMonthIndex)
            }
        }
        for r in risks {
            if let f = r.history.first { lo = min(lo, f.period.endMonthIndex) }
            if let l = r.history.last { hi = max(hi, l.period.endMonthIndex) }
        }
        guard lo <= hi else { return [] }
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
        var ends = Set<Int>()
        for ind in indicators { for o in ind.history { ends.insert(o.period.endMonthIndex) } }
        for r in risks { for a in r.history { ends.insert(a.period.endMonthIndex) } }
        return Set(ends.map { Period.quarter(containingMonthIndex: $0) }).sorted()
    }

    /// The latest quarter with data: the default "as at" quarter.
    public var latestQuarter: Period? { quarters.last }

    /// The quarter the dashboard, the wall and the report open at: `opens_at` (as the quarter that contains it),
    /// else the latest quarter with data.
    public var openingQuarter: Period? {
        opensAt.map { Period.quarter(containingMonthIndex: $0.endMonthIndex) } ?? latestQuarter
    }
}
