/// The one meaning of "worst" wherever indicators are ranked (the overview's sort, the cross-panel list, the wall's
/// Needs attention page and the reports): the status first (worse than target, then no data, within tolerance,
/// better than target, no target), then how far the value is on the wrong side of its target as a share of the
/// target, so 10% short of a target is worse than 5% short whatever the unit, then the order given.
public enum Worst {
    /// The order's name, as the screens and the reports show it.
    public static let name = "worst first"
    /// What it means, in a line.
    public static let meaning = "worse than target first, then furthest from target as a share of it"

    static func rank(_ s: Status) -> Int {
        switch s {
        case .worse: return 0
        case .noData: return 1
        case .within: return 2
        case .better: return 3
        case .none: return 4
        }
    }

    /// Whether `a` is worse than `b` (false for a tie).
    public static func isWorse(_ a: IndicatorEvaluation, than b: IndicatorEvaluation) -> Bool {
        let ra = rank(a.status), rb = rank(b.status)
        if ra != rb { return ra < rb }
        switch (a.relativeGap, b.relativeGap) {
        case let (x?, y?): return x < y
        case (_?, nil): return true
        default: return false
        }
    }

    /// Positions in `list`, worst first; ties keep the order given.
    public static func order(_ list: [IndicatorEvaluation]) -> [Int] {
        list.indices.sorted { i, j in
            isWorse(list[i], than: list[j]) || (!isWorse(list[j], than: list[i]) && i < j)
        }
    }

    /// `list` worst first.
    public static func sorted(_ list: [IndicatorEvaluation]) -> [IndicatorEvaluation] { order(list).map { list[$0] } }
}

extension IndicatorEvaluation {
    /// How far the value is on the good side of its target, as a fraction of the target: negative when it falls
    /// short (`-0.10` is 10% worse than target). Nil without a value, a target or a polarity.
    public var relativeGap: Double? {
        guard let v = value, let t = target, t.value.isFinite, v.isFinite else { return nil }
        let raw: Double
        switch indicator.polarity {
        case .higher: raw = v - t.value
        case .lower: raw = t.value - v
        case .neutral: return nil
        }
        let g = raw / max(abs(t.value), 1e-9)
        return g.isFinite ? g : nil
    }

    /// The distance between the value and the target in the indicator's own unit, with its side: `8.9pp above`,
    /// `18.7pp below`, `2 days above`, `1.2pp better than`; nil without a gap.
    public var unitGap: String? {
        guard let v = value, let t = target, let g = relativeGap else { return nil }
        let ind = indicator
        var n = ValueFormat.number(abs(v - t.value), decimals: ind.decimals)
        switch ind.unit {
        case .percent: n += "pp"
        case .days: n += n == "1" ? " day" : " days"
        default: break
        }
        if g > 0 { return n + " better than" }
        return n + (ind.polarity == .higher ? " below" : " above")
    }

    /// The gap as a share of the target, by which lists are ranked worst first: `59%`; nil without a gap. A
    /// share beyond a billion percent (a target of almost zero, data near the double's limits) is said so, not
    /// converted to an integer it does not fit.
    public var gapShare: String? {
        guard let g = relativeGap else { return nil }
        let share = abs(g) * 100
        guard share < 1e9 else { return "over 1,000,000,000%" }
        return "\(Int(share.rounded()))%"
    }

    /// The gap for lists ranked worst first, in the unit and as the share of the target that ranks it:
    /// `8.9pp above target, a gap of 59% of the target`; `on target`; nil without a gap.
    public var gapWords: String? {
        guard let unit = unitGap, let share = gapShare, let g = relativeGap, let v = value, let t = target else { return nil }
        if Rounding.same(v, t.value, decimals: indicator.decimals) { return "on target" }
        return "\(unit) target, a \(g > 0 ? "margin" : "gap") of \(share) of the target"
    }
}

extension Scorecard {
    /// The indicators worse than target or without data, across panels, worst first: the reports' list.
    public var worstFirst: [IndicatorEvaluation] {
        Worst.sorted(indicators.filter { $0.status == .worse || $0.status == .noData })
    }
}
