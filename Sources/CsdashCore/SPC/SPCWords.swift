/// The SPC verdict in words, for the indicator page and the reports.
public enum SPCWords {
    /// The verdict's opening words.
    public static func heading(_ v: SPCPointType) -> String {
        switch v {
        case .improvement: return "Special cause improvement"
        case .concern: return "Special cause concern"
        case .neutral: return "Special cause variation"
        case .common: return "Common cause variation"
        }
    }

    /// What an assurance means, in a few words.
    public static func assurance(_ a: SPCAssurance?) -> String {
        switch a {
        case .pass?: return "will consistently meet the target"
        case .fail?: return "will consistently miss the target"
        case .inconsistent?: return "will hit and miss the target at random"
        case nil: return "no assurance (no target or no polarity)"
        }
    }

    /// One line: the verdict, why, a plain warning when there are too few points, and what it means for the
    /// target. "Special cause concern: 7 quarters in a row below the average (since Q4 19/20); ...".
    public static func sentence(_ a: SPCAnalysis, _ ind: Indicator) -> String {
        var parts: [String] = []
        if a.variation != .common, let why = reason(a, ind) { parts.append(why) }
        if a.tooFew { parts.append("only \(a.limits.fittedCount) points, too few to rely on the limits") }
        parts.append(targetClause(a, ind))
        return heading(a.variation) + ": " + parts.joined(separator: "; ")
    }

    /// Why the latest point is special: the first rule it breaks, in the order a reader checks them.
    static func reason(_ a: SPCAnalysis, _ ind: Indicator) -> String? {
        let p = a.latest, lim = a.limits
        let unit = periodWord(ind.frequency)
        if p.rules.contains(.outsideLimits) {
            let above = lim.upper.map { p.value > $0 } ?? false
            let limit = above ? lim.upper : lim.lower
            return "\(p.period.short)'s \(fmt(p.value, ind)) is \(above ? "above the upper" : "below the lower") limit "
                + "of \(fmtLimit(limit, ind, beyond: p.value))"
        }
        if p.rules.contains(.run) {
            let above = p.value > lim.mean
            let start = stretchStart(a) { a.points[$0].rules.contains(.run) && (a.points[$0].value > lim.mean) == above }
            return "\(a.points.count - start) \(unit) in a row \(above ? "above" : "below") the average "
                + "(since \(a.points[start].period.short))"
        }
        if p.rules.contains(.trend) {
            let n = a.points.count
            let rising = p.value > a.points[n - 2].value
            let start = stretchStart(a) { k in
                k == n - 1 || (a.points[k + 1].value > a.points[k].value) == rising && a.points[k].rules.contains(.trend)
            }
            return "\(n - start) \(unit) in a row \(rising ? "rising" : "falling") (since \(a.points[start].period.short))"
        }
        if p.rules.contains(.twoOfThree) {
            let high = p.value > lim.mean
            return "2 of the last 3 \(unit) close to the \(high ? "upper" : "lower") limit"
        }
        return nil
    }

    /// The first index of the stretch, ending at the latest point, whose points all satisfy `holds`
    /// (within the latest process).
    static func stretchStart(_ a: SPCAnalysis, _ holds: (Int) -> Bool) -> Int {
        var k = a.points.count - 1
        let process = a.latest.process
        while k > 0, a.points[k - 1].process == process, holds(k - 1) { k -= 1 }
        return k
    }

    static func targetClause(_ a: SPCAnalysis, _ ind: Indicator) -> String {
        let lim = a.limits
        guard let lower = lim.lower, let upper = lim.upper else {
            return "the limits are beyond the range of numbers (average \(fmtLimit(lim.mean, ind)))"
        }
        let limits = "(limits \(fmtLimit(lower, ind)) to \(fmtLimit(upper, ind)))"
        guard let t = a.target, let assurance = a.assurance else {
            return "the average is \(fmtLimit(lim.mean, ind)) \(limits)"
        }
        let target = "the \(fmt(t, ind)) target"
        let forecast: String
        switch assurance {
        case .pass: forecast = "met consistently"
        case .fail: forecast = "missed consistently"
        case .inconsistent: forecast = "hit and missed at random"
        }
        // A special cause at the latest point means the process the limits describe may have ended: their
        // forecast is said of that process, not promised of a new one the latest value may contradict.
        if a.variation != .common { return "\(target) was being \(forecast) \(limits) until this change" }
        return "\(target) will be \(forecast) \(limits)"
    }

    static func periodWord(_ f: Frequency) -> String {
        switch f {
        case .monthly: return "months"
        case .quarterly: return "quarters"
        case .annual: return "years"
        }
    }

    static func fmt(_ v: Double?, _ ind: Indicator) -> String { ValueFormat.value(v, ind, style: .bare) }

    /// A limit or mean, `extra` decimals finer than the values (one by default), so that a limit never reads the
    /// same as a value beyond it; given that value, as many more decimals as it takes (up to 6 in all) not to read
    /// the same as it: a value of 90% above a limit of 89.96% is not "above the limit of 90%".
    static func fmtLimit(_ v: Double?, _ ind: Indicator, beyond value: Double? = nil, finer extra: Int = 1,
                         style: ValueFormat.Style = .bare) -> String {
        var finer = ind
        finer.decimals = min(6, ind.decimals + extra)
        if let v, let value {
            while finer.decimals < 6,
                  Rounding.round(v, decimals: finer.decimals) == Rounding.round(value, decimals: finer.decimals) {
                finer.decimals += 1
            }
        }
        return ValueFormat.value(v, finer, style: style)
    }
}
