/// Where an authority stands in a year: its rank and quartile among all authorities with a value, its rank within
/// its statistical neighbour group, and how many neighbours made up the neighbours' mean.
///
/// `csdash import dfe` writes these as reserved history columns (`docs/data-format.md`); they are not comparators.
public struct BenchmarkPosition: Sendable, Equatable {
    /// 1 = best by the indicator's polarity (for `neutral`, the lowest value); ties share a rank.
    public var rank: Int?
    /// How many authorities had a value.
    public var rankOf: Int?
    /// 1 = the best quarter of authorities, 4 = the worst.
    public var quartile: Int?
    /// Among the authority and its neighbours that had a value.
    public var neighbourRank: Int?
    public var neighbourRankOf: Int?
    /// How many of the neighbours had a value (the mean is of these; a joint row counts for each neighbour it names).
    public var neighboursContributing: Int?

    public init(rank: Int? = nil, rankOf: Int? = nil, quartile: Int? = nil, neighbourRank: Int? = nil,
                neighbourRankOf: Int? = nil, neighboursContributing: Int? = nil) {
        self.rank = rank
        self.rankOf = rankOf
        self.quartile = quartile
        self.neighbourRank = neighbourRank
        self.neighbourRankOf = neighbourRankOf
        self.neighboursContributing = neighboursContributing
    }

    /// The reserved history column names, in the order the import writes them.
    public static let columns = ["neighbours_contributing", "rank", "rank_of", "quartile", "neighbour_rank", "neighbour_rank_of"]

    /// Whether a history column name is one of the reserved position columns (ignoring case).
    public static func isReserved(_ name: String) -> Bool { columns.contains(name.lowercased()) }

    /// The cells in `columns` order.
    public var cells: [String] {
        [neighboursContributing, rank, rankOf, quartile, neighbourRank, neighbourRankOf].map { $0.map(String.init) ?? "" }
    }

    public var isEmpty: Bool { self == BenchmarkPosition() }

    /// "4th of 11 with its neighbours" (for `neutral`: "4th lowest of 11 with its neighbours").
    public func neighbourWords(polarity: Polarity = .lower) -> String? {
        guard let r = neighbourRank, let n = neighbourRankOf else { return nil }
        return "\(Ranking.ordinal(r))\(polarity == .neutral ? " lowest" : "") of \(n) with its neighbours"
    }

    /// "3rd quartile nationally (rank 98 of 151)"; for `neutral`, where neither end is better, counted from the
    /// lowest: "2nd quartile from the lowest nationally (59th lowest of 150)".
    public func nationalWords(polarity: Polarity = .lower) -> String? {
        guard let q = quartile, let r = rank, let n = rankOf else { return nil }
        if polarity == .neutral {
            return "\(Ranking.ordinal(q)) quartile from the lowest nationally (\(Ranking.ordinal(r)) lowest of \(n))"
        }
        return "\(Ranking.ordinal(q)) quartile nationally (rank \(r) of \(n))"
    }
}
