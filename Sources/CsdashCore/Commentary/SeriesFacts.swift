/// The rounded values and periods of an indicator's history up to the period being viewed, the facts every
/// drafted sentence reads. Values are rounded to the indicator's decimals, as the screen shows them.
struct SeriesFacts {
    let indicator: Indicator
    let periods: [Period]
    /// Rounded; nil where the value is not available.
    let values: [Double?]
    /// The index of the current observation (the last one).
    var last: Int { values.count - 1 }
    let status: Status
    let target: Target?
    /// The SPC chart of the series up to the period (nil below two values).
    let spc: SPCAnalysis?
    /// The mean of the absolute differences between consecutive periods that both have a value: how much the
    /// series usually moves from one period to the next. Nil with fewer than two such differences.
    let meanMovingRange: Double?

    init?(_ e: IndicatorEvaluation) { self.init(e, spc: e.spc) }

    /// The facts of `e`'s series, with `spc`, its chart, worked out by the caller.
    init?(_ e: IndicatorEvaluation, spc: SPCAnalysis?) {
        guard let ci = e.currentIndex, e.value != nil else { return nil }
        let ind = e.indicator
        let h = ind.history
        var periods: [Period] = []
        var values: [Double?] = []
        periods.reserveCapacity(ci + 1)
        values.reserveCapacity(ci + 1)
        for i in 0...ci {
            periods.append(h.period(at: i))
            values.append(h.value(at: i).map { Rounding.round($0, decimals: ind.decimals) })
        }
        indicator = ind
        self.periods = periods
        self.values = values
        status = e.status
        target = e.target?.rounded(decimals: ind.decimals)
        self.spc = spc
        meanMovingRange = Self.meanMovingRange(values, periods)
    }

    var current: Double { values[last]! }
    var currentPeriod: Period { periods[last] }
    var decimals: Int { indicator.decimals }
    var polarity: Polarity { indicator.polarity }

    /// The previous observation with a value, if it is the period just before the current one.
    var previous: (period: Period, value: Double)? {
        guard last > 0, let v = values[last - 1] else { return nil }
        return (periods[last - 1], v)
    }

    private static func meanMovingRange(_ values: [Double?], _ periods: [Period]) -> Double? {
        var sum = 0.0, n = 0
        for i in 1..<max(1, values.count) {
            guard let a = values[i - 1], let b = values[i], periods[i - 1].next == periods[i] else { continue }
            sum += abs(b - a)
            n += 1
        }
        return n >= 2 ? sum / Double(n) : nil
    }

    /// The value as the screen writes it.
    func text(_ v: Double) -> String {
        ValueFormat.value(v, indicator, style: indicator.unit == .days ? .full : .compact)
    }

    /// The word for one period of this series: month, quarter or year.
    var periodNoun: String {
        switch indicator.frequency {
        case .monthly: return "month"
        case .quarterly: return "quarter"
        case .annual: return "year"
        }
    }

    func same(_ a: Double, _ b: Double) -> Bool { Rounding.same(a, b, decimals: decimals) }
}
