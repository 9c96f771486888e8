/// Runs of moves in one direction, counted as the periods that moved: 11.2, 14.5, 17.6, 19.8, 22.1 is up for
/// the fourth quarter, from 11.2 to 22.1. A run of one is no streak and is not mentioned.
enum StreakWords {
    /// The number of consecutive moves in one direction ending at the current period, their direction and the
    /// index the run started from. Periods must follow each other with a value; an unchanged value ends it.
    static func streak(_ s: SeriesFacts) -> (count: Int, rising: Bool, from: Int)? {
        var count = 0, rising = false, i = s.last
        while i > 0, let b = s.values[i], let a = s.values[i - 1], s.periods[i - 1].next == s.periods[i],
              !s.same(a, b) {
            let up = b > a
            if count > 0 && up != rising { break }
            rising = up
            count += 1
            i -= 1
        }
        return count >= 2 ? (count, rising, i) : nil
    }

    /// "Up for the fifth quarter running, from 23.2 in Q1 20/21 to 26.6."
    static func sentence(_ s: SeriesFacts) -> String? {
        guard let run = streak(s), let start = s.values[run.from] else { return nil }
        let way = run.rising ? "Up" : "Down"
        return "\(way) for the \(Ordinals.word(run.count)) \(s.periodNoun) running, from \(s.text(start)) in "
            + "\(s.periods[run.from].short) to \(s.text(s.current))."
    }
}

/// Records: the highest or lowest value of the whole series, or the highest or lowest for a while.
enum RecordWords {
    /// A series needs this many values before a record means anything.
    static let minimumValues = 5
    /// "The lowest since ..." only when that reaches back at least this many periods.
    static let minimumSpan = 4

    /// "The highest level in the figures, which start in Q1 19/20." (the file's history, not all time) / "The
    /// lowest since Q4 19/20 (42.8%)." A value equal to an earlier one is not a record.
    static func sentence(_ s: SeriesFacts) -> String? {
        let known = s.values.compactMap { $0 }
        guard known.count >= minimumValues else { return nil }
        let now = s.current
        for highest in [true, false] {
            let word = highest ? "highest" : "lowest"
            // The last earlier period at least as extreme as now.
            let beaten = (0..<s.last).last { i in
                guard let v = s.values[i] else { return false }
                return s.same(v, now) || (highest ? v > now : v < now)
            }
            guard let j = beaten else {
                let start = s.values.firstIndex { $0 != nil }.map { s.periods[$0].short } ?? s.periods[0].short
                return "The \(word) level in the figures, which start in \(start)."
            }
            if s.last - j >= minimumSpan + 1, let v = s.values[j], !s.same(v, now) {
                return "The \(word) since \(s.periods[j].short) (\(s.text(v)))."
            }
        }
        return nil
    }
}
