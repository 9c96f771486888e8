/// How big a move is: against the series' usual movement (its mean moving range), held within what its size
/// in the unit allows, so that the word never contradicts the figures beside it.
enum ChangeSize: Int, Comparable {
    case none, similar, slight, plain, large

    /// No change once rounded. Against the usual move: under a quarter "similar", under one "slight", under two
    /// a plain change, two or more a large one (without a usual move to scale by, a plain change). Then the
    /// size in the unit bounds it (`Magnitude`): a small move is at most slight, a moderate one slight to plain,
    /// a big one at least plain. A 1.7-point fall in a steady series is not "sharp", a rise from 9 to 13 not
    /// "slight", and 21.5% to 23.9% not "similar".
    static func of(_ delta: Double, from before: Double, unit: Unit, usual: Double?, same: Bool) -> ChangeSize {
        if same { return .none }
        let byUsual: ChangeSize
        if let usual, usual > 0 {
            let r = abs(delta) / usual
            byUsual = r < 0.25 ? .similar : r < 1 ? .slight : r < 2 ? .plain : .large
        } else {
            byUsual = .plain
        }
        switch Magnitude.of(delta, from: before, unit: unit) {
        case .small: return min(byUsual, .slight)
        case .moderate: return max(.slight, min(byUsual, .plain))
        case .big: return max(byUsual, .plain)
        }
    }

    static func < (a: ChangeSize, b: ChangeSize) -> Bool { a.rawValue < b.rawValue }

    var adverb: String {
        switch self {
        case .slight: return " slightly"
        case .large: return " sharply"
        default: return ""
        }
    }
}

/// The size of a move in the indicator's own unit: percentage points for a percentage (under 1 small, 5 or more
/// big), otherwise relative to where it moved from (under 2% small, 10% or more big).
enum Magnitude {
    case small, moderate, big

    static func of(_ delta: Double, from before: Double, unit: Unit) -> Magnitude {
        let size: Double, small: Double, big: Double
        if unit == .percent {
            (size, small, big) = (abs(delta), 1, 5)
        } else {
            size = before == 0 ? .infinity : abs(delta / before)
            (small, big) = (0.02, 0.10)
        }
        // The figures are rounded as shown: 2.3 - 1.3 is one point, not 0.9999999999999998.
        let slack = 1 - 1e-9
        return size < small * slack ? .small : size < big * slack ? .moderate : .big
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
        let size = ChangeSize.of(now - prev.value, from: prev.value, unit: s.indicator.unit, usual: s.meanMovingRange,
                                 same: s.same(now, prev.value))
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
        let size = ChangeSize.of(now - then, from: then, unit: s.indicator.unit, usual: s.meanMovingRange,
                                 same: s.same(now, then))
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
