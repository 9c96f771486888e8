/// How big a move is against the series' usual movement (its mean moving range).
enum ChangeSize {
    case none, similar, slight, plain, large

    /// No change once rounded; under a quarter of the usual move "similar"; under one usual move "slight";
    /// under two a plain change; two or more a large one. Without a usual move to scale by, a plain change.
    static func of(_ delta: Double, usual: Double?, same: Bool) -> ChangeSize {
        if same { return .none }
        guard let usual, usual > 0 else { return .plain }
        let r = abs(delta) / usual
        return r < 0.25 ? .similar : r < 1 ? .slight : r < 2 ? .plain : .large
    }

    var adverb: String {
        switch self {
        case .slight: return " slightly"
        case .large: return " sharply"
        default: return ""
        }
    }
}

/// Sentences on the change from the previous period and from the same period a year earlier.
enum ChangeWords {
    /// The verb for a move up or down, by polarity: a fall in a lower-is-better measure "improved".
    static func verb(rising: Bool, _ p: Polarity) -> String {
        switch p {
        case .higher: return rising ? "improved" : "worsened"
        case .lower: return rising ? "worsened" : "improved"
        case .neutral: return rising ? "rose" : "fell"
        }
    }

    /// "Improved slightly from 89% to 90% in Q2 21/22." / "Remained similar at 24.4% in Q2 21/22 (24.5% in
    /// Q1 21/22)." / "Unchanged at 85.6% in Q2 21/22."
    static func sentence(_ s: SeriesFacts) -> String? {
        guard let prev = s.previous else { return nil }
        let now = s.current, at = s.currentPeriod.short
        let size = ChangeSize.of(now - prev.value, usual: s.meanMovingRange, same: s.same(now, prev.value))
        switch size {
        case .none:
            return "Unchanged at \(s.text(now)) in \(at)."
        case .similar:
            return "Remained similar at \(s.text(now)) in \(at) (\(s.text(prev.value)) in \(prev.period.short))."
        default:
            let v = verb(rising: now > prev.value, s.polarity)
            return "\(v.capitalisedFirst)\(size.adverb) from \(s.text(prev.value)) to \(s.text(now)) in \(at)."
        }
    }

    /// "Worse than a year earlier (92.4% in Q2 20/21)." Left out for annual series (the previous period is
    /// the year before) and when there is no value a year earlier.
    static func yearAgoSentence(_ s: SeriesFacts) -> String? {
        guard s.indicator.frequency != .annual else { return nil }
        let target = s.currentPeriod.yearEarlier
        guard let i = s.periods.lastIndex(of: target), let then = s.values[i] else { return nil }
        let now = s.current
        let size = ChangeSize.of(now - then, usual: s.meanMovingRange, same: s.same(now, then))
        let figure = "(\(s.text(then)) in \(target.short))"
        switch size {
        case .none: return "The same as a year earlier \(figure)."
        case .similar: return "Similar to a year earlier \(figure)."
        default:
            let rising = now > then
            let word: String
            switch s.polarity {
            case .neutral: word = rising ? "higher" : "lower"
            case .higher: word = rising ? "better" : "worse"
            case .lower: word = rising ? "worse" : "better"
            }
            let lead = size == .slight ? "slightly " : size == .large ? "much " : ""
            return "\((lead + word).capitalisedFirst) than a year earlier \(figure)."
        }
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalisedFirst: String {
        guard let f = first else { return self }
        return f.uppercased() + dropFirst()
    }
}
