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

    /// The gap as a share of the target, for lists ranked worst first: `18% below target` (higher is better),
    /// `59% above target` (lower is better), `5% better than target`, `on target`; nil without a gap.
    public var gapWords: String? {
        guard let g = relativeGap else { return nil }
        // A share beyond a billion percent (a target of almost zero, data near the double's limits) is said so,
        // not converted to an integer it does not fit.
        let share = abs(g) * 100
        guard share < 1e9 else { return "over 1,000,000,000% " + (g > 0 ? "better than" : indicator.polarity == .higher ? "below" : "above") + " target" }
        let pct = Int(share.rounded())
        if pct == 0 { return "on target" }
        if g > 0 { return "\(pct)% better than target" }
        return "\(pct)% " + (indicator.polarity == .higher ? "below" : "above") + " target"
    }
}

extension Scorecard {
    /// The indicators worse than target or without data, across panels, worst first: the reports' list.
    public var worstFirst: [IndicatorEvaluation] {
        Worst.sorted(indicators.filter { $0.status == .worse || $0.status == .noData })
    }
}
