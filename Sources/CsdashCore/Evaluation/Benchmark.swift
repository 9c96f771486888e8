/// An indicator's benchmark as at a quarter: the annual series it comes from (the indicator itself when it is annual
/// and carries rank columns, else its `benchmark:` series), that year's value, comparators and position.
public struct Benchmark: Sendable, Equatable {
    public var series: Indicator
    /// The series' latest year ending on or before the quarter's end.
    public var observation: Observation
    public var position: BenchmarkPosition

    /// The series' comparator values that year, in its comparator order.
    public func comparators(in d: Dataset) -> [(name: String, value: Double?)] {
        series.comparators.map { name in (name, d.comparatorIndex(name).flatMap { observation.comparator($0) }) }
    }

    /// Every authority's value that year (the strip), if an authorities file was loaded.
    public func authorities(in d: Dataset) -> [AuthorityValue] {
        d.authorityValues[series.id]?[observation.period] ?? []
    }

    /// "9th of 11 with its neighbours · 4th quartile nationally (rank 126 of 150)".
    public var words: String? { words(polarity: series.polarity) }

    public func words(polarity: Polarity) -> String? {
        let parts = [position.neighbourWords(polarity: polarity), position.nationalWords(polarity: polarity)].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}

extension Dataset {
    /// The position columns of an observation.
    public func position(of o: Observation) -> BenchmarkPosition {
        func v(_ name: String) -> Int? {
            comparatorIndex(name).flatMap { o.comparator($0) }.flatMap { $0.isFinite ? Int($0) : nil }
        }
        return BenchmarkPosition(rank: v("rank"), rankOf: v("rank_of"), quartile: v("quartile"),
                                 neighbourRank: v("neighbour_rank"), neighbourRankOf: v("neighbour_rank_of"),
                                 neighboursContributing: v("neighbours_contributing"))
    }

    /// Comparator series names without the reserved position columns.
    public var comparatorSeriesNames: [String] { comparatorNames.filter { !BenchmarkPosition.isReserved($0) } }
}

extension IndicatorEvaluation {
    /// The benchmark shown with this indicator as at its quarter, or nil when it has none.
    public func benchmark(in d: Dataset) -> Benchmark? {
        let series: Indicator
        if let id = indicator.benchmark, let s = d.indicator(id) {
            series = s
        } else if indicator.frequency == .annual {
            series = indicator
        } else {
            return nil
        }
        let e = series.id == indicator.id ? self : Evaluator.evaluate(series, asAt: asAt)
        guard let o = e.current else { return nil }
        let p = d.position(of: o)
        if series.id == indicator.id, p.isEmpty, d.authorityValues[series.id] == nil { return nil }
        return Benchmark(series: series, observation: o, position: p)
    }
}
