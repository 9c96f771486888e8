extension SPCAnalysis {
    /// The chart of an indicator's own series at its own frequency, up to and including history row `last`
    /// (the current observation of the period being viewed). Periods with no value (a missing or suppressed
    /// row) are left out: the series is the values there are, in time order, so a moving range, a run or a
    /// trend steps over a gap. nil below 2 values, and for an indicator whose data failed to load.
    public static func of(_ indicator: Indicator, upTo last: Int?) -> SPCAnalysis? {
        guard let last, !indicator.dataProblem else { return nil }
        let h = indicator.history
        guard last >= 0, last < h.count else { return nil }
        let raw = h.rawValues
        var values: [Double] = [], periods: [Period] = [], rows: [Int] = []
        values.reserveCapacity(last + 1)
        periods.reserveCapacity(last + 1)
        rows.reserveCapacity(last + 1)
        for i in 0...last {
            let v = raw[raw.startIndex + i]
            guard !v.isNaN else { continue }
            values.append(v)
            periods.append(h.period(at: i))
            rows.append(i)
        }
        guard let latest = periods.last else { return nil }
        return analyse(values: values, periods: periods, historyIndices: rows, polarity: indicator.polarity,
                       target: indicator.target(for: latest)?.value, options: indicator.spc)
    }
}

extension IndicatorEvaluation {
    /// The indicator's SPC chart up to the period being viewed (nil below 2 values).
    public var spc: SPCAnalysis? { SPCAnalysis.of(indicator, upTo: currentIndex) }
}
