/// The statistical-process-control verdict on the current value, in the draft's words: a special cause is
/// said to signal a real change, with the rule it breaks; otherwise the value is within its normal variation.
/// Too few points for reliable limits is said too. Nothing without an analysis (fewer than two values).
enum SPCSentence {
    static func sentence(_ s: SeriesFacts) -> String? {
        guard let a = s.spc, a.points.count >= 3 else { return nil }
        let caveat = a.tooFew ? ", though \(a.limits.fittedCount) points are too few to rely on its limits" : ""
        guard a.variation != .common, let why = reason(a, s.indicator) else {
            return "Within its normal variation\(caveat)."
        }
        return "\(why.capitalisedFirst) \(why.hasPrefix("a ") ? "signals" : "signal") a real change\(caveat)."
    }

    /// The first rule the latest point breaks, in the order a reader checks them.
    static func reason(_ a: SPCAnalysis, _ ind: Indicator) -> String? {
        let p = a.latest, lim = a.limits
        let noun = SPCSentence.noun(ind.frequency)
        if p.rules.contains(.outsideLimits) {
            let above = lim.upper.map { p.value > $0 } ?? false
            guard let limit = above ? lim.upper : lim.lower else { return nil }
            let shown = SPCWords.fmtLimit(limit, ind, beyond: p.value, finer: 0, style: .full)
            return "a value \(above ? "above the upper" : "below the lower") process limit of \(shown)"
        }
        if p.rules.contains(.run) {
            let above = p.value > lim.mean
            let n = count(a) { $0.rules.contains(.run) && ($0.value > lim.mean) == above }
            return "a run of \(Ordinals.cardinal(n)) \(noun)s \(above ? "above" : "below") the average"
        }
        if p.rules.contains(.trend) {
            let rising = a.points.count > 1 && p.value > a.points[a.points.count - 2].value
            let n = count(a) { $0.rules.contains(.trend) }
            return "\(Ordinals.cardinal(n)) \(noun)s \(rising ? "rising" : "falling") in a row"
        }
        if p.rules.contains(.twoOfThree) {
            return "two of the last three \(noun)s close to a process limit"
        }
        return nil
    }

    /// How many points from the latest back satisfy `rule`, without a break.
    static func count(_ a: SPCAnalysis, _ rule: (SPCPoint) -> Bool) -> Int {
        var n = 0
        for p in a.points.reversed() {
            guard rule(p) else { break }
            n += 1
        }
        return n
    }

    static func noun(_ f: Frequency) -> String {
        switch f {
        case .monthly: return "month"
        case .quarterly: return "quarter"
        case .annual: return "year"
        }
    }
}
