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

    /// The latest quarter with data: the default "as at" quarter.
    public var latestQuarter: Period? { quarters.last }
}
