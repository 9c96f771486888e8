/// Rank and quartile among authorities, and the mean of a group: the sums behind a benchmark.
public enum Ranking {
    /// Which way rank 1 lies.
    public static func ascending(_ polarity: Polarity) -> Bool { polarity != .higher }

    /// The rank of `value` among `values` (1 = best by polarity; `neutral` ranks the lowest value 1).
    /// Ties share a rank, and the next rank skips (1, 2, 2, 4): the rank is one more than the number of
    /// strictly better values.
    public static func rank(of value: Double, among values: [Double], polarity: Polarity) -> Int {
        let up = ascending(polarity)
        var better = 0
        for v in values where up ? v < value : v > value { better += 1 }
        return better + 1
    }

    /// The quartile of a rank among `count` (1 = the best quarter): `(4 * (rank - 1)) / count + 1`.
    /// Tied authorities share a rank and so a quartile.
    public static func quartile(rank: Int, of count: Int) -> Int {
        guard count > 0, rank >= 1 else { return 0 }
        return min(4, (4 * (rank - 1)) / count + 1)
    }

    /// The mean of the values that are available, and how many there were (nil when none).
    public static func mean(_ values: [Double?]) -> (mean: Double, count: Int)? {
        let present = values.compactMap { $0 }
        guard !present.isEmpty else { return nil }
        return (present.reduce(0, +) / Double(present.count), present.count)
    }

    /// An ordinal in words: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 101st, 111th.
    public static func ordinal(_ n: Int) -> String {
        let mod100 = n % 100, mod10 = n % 10
        let suffix: String
        if (11...13).contains(mod100) { suffix = "th" } else {
            switch mod10 {
            case 1: suffix = "st"
            case 2: suffix = "nd"
            case 3: suffix = "rd"
            default: suffix = "th"
            }
        }
        return "\(n)\(suffix)"
    }
}
