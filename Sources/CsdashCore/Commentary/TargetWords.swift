/// Sentences on the target: the status against it, a change of status and a change of target.
enum TargetWords {
    static func phrase(_ st: Status) -> String? {
        switch st {
        case .better: return "better than target"
        case .within: return "within tolerance of target"
        case .worse: return "worse than target"
        case .none, .noData: return nil
        }
    }

    /// "Remains worse than target (90.0%)." / "Moved from better than target to within tolerance of target
    /// (91%) because the target rose from 88% to 91%." The "because" is said only when the previous value
    /// would have kept its status against the new target's predecessor, i.e. the target's move alone explains
    /// it; otherwise the target's change is its own sentence.
    static func sentences(_ s: SeriesFacts) -> [String] {
        guard let t = s.target, let now = phrase(s.status) else { return [] }
        let ind = s.indicator
        let figure = "(\(s.text(t.value)))"
        guard let prev = s.previous else { return ["\(now.capitalisedFirst) \(figure)."] }
        let prevTarget = ind.target(for: prev.period)?.rounded(decimals: s.decimals)
        let prevStatus = Status.of(value: prev.value, target: prevTarget, polarity: s.polarity)
        var change: String?
        if let pt = prevTarget, !s.same(pt.value, t.value) {
            let way = t.value > pt.value ? "rose" : "fell"
            change = "the target \(way) from \(s.text(pt.value)) to \(s.text(t.value))"
        }
        guard let before = phrase(prevStatus) else {
            return ["\(now.capitalisedFirst) \(figure)."] + (change.map { ["\($0.capitalisedFirst)."] } ?? [])
        }
        if prevStatus == s.status {
            return ["Remains \(now) \(figure)."] + (change.map { ["\($0.capitalisedFirst)."] } ?? [])
        }
        let moved = "Moved from \(before) to \(now) \(figure)"
        let underOld = Status.of(value: s.current, target: prevTarget, polarity: s.polarity)
        if let change, underOld == prevStatus { return ["\(moved) because \(change)."] }
        return ["\(moved)."] + (change.map { ["\($0.capitalisedFirst)."] } ?? [])
    }
}

/// Monthly indicators: how many recent months met the target.
enum MonthlyHits {
    /// The months considered are the longest run ending at the current month that starts with a month better
    /// than target and in which more than half are better than target; at least three months.
    static let minimumMonths = 3

    /// "Better than target in 4 of the last 5 months."
    static func sentence(_ s: SeriesFacts) -> String? {
        guard s.indicator.frequency == .monthly, s.target != nil else { return nil }
        let ind = s.indicator
        var hits = 0, best: (hits: Int, months: Int)?
        var i = s.last
        while i >= 0 {
            if i < s.last, s.periods[i].next != s.periods[i + 1] { break }
            let t = ind.target(for: s.periods[i])?.rounded(decimals: s.decimals)
            let st = Status.of(value: s.values[i], target: t, polarity: s.polarity)
            let months = s.last - i + 1
            if st == .better {
                hits += 1
                if hits * 2 > months { best = (hits, months) }
            }
            i -= 1
        }
        guard let best, best.months >= minimumMonths else { return nil }
        if best.hits == best.months { return "Better than target in each of the last \(best.months) months." }
        return "Better than target in \(best.hits) of the last \(best.months) months."
    }
}
