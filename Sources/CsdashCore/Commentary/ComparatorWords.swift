/// Sentences comparing the value with its comparators (from the indicator's own history rows) and with its
/// benchmark year (an annual series, usually imported from the DfE).
enum ComparatorWords {
    /// "Better than England (11.4%) in Q2 21/22." / "Worse than England (22.7%) and South West (22.7%); better
    /// than Statistical neighbours (26.0%) in Q2 21/22." Comparators with no value that period are left out.
    static func sentence(_ s: SeriesFacts, _ e: IndicatorEvaluation, _ d: Dataset) -> String? {
        guard e.current?.period == s.currentPeriod else { return nil }
        var groups: [(word: String, names: [String])] = []
        for c in e.comparators(in: d) {
            guard let raw = c.value else { continue }
            let v = Rounding.round(raw, decimals: s.decimals)
            let word = relation(s.current, v, s)
            let item = "\(c.name) (\(s.text(v)))"
            if let k = groups.firstIndex(where: { $0.word == word }) {
                groups[k].names.append(item)
            } else {
                groups.append((word, [item]))
            }
        }
        guard !groups.isEmpty else { return nil }
        let parts = groups.map { "\($0.word) \(list($0.names))" }.joined(separator: "; ")
        return "\(parts.capitalisedFirst) in \(s.currentPeriod.short)."
    }

    /// "better than", "worse than", "higher than", "lower than" or "the same as", by polarity.
    static func relation(_ value: Double, _ other: Double, _ s: SeriesFacts) -> String {
        if s.same(value, other) { return "the same as" }
        let above = value > other
        switch s.polarity {
        case .neutral: return above ? "higher than" : "lower than"
        case .higher: return above ? "better than" : "worse than"
        case .lower: return above ? "worse than" : "better than"
        }
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    /// "In 20/21 (DfE): 30.2%, 10th of 11 with its neighbours and 4th quartile nationally (rank 141 of 149)."
    /// The source is the first word of the benchmark series' source; the year is the series' latest at the
    /// quarter.
    static func benchmarkSentence(_ e: IndicatorEvaluation, _ d: Dataset) -> String? {
        guard let b = e.benchmark(in: d), let v = b.observation.value else { return nil }
        let series = b.series
        let value = ValueFormat.value(Rounding.round(v, decimals: series.decimals), series)
        // The source's first word, and for a census series its day: "(DfE)", "(DfE census, 30 Sep 2021)".
        let word = series.source.split(separator: " ").first.map(String.init)
        let census = series.benchmarkDate == nil ? nil : "census, " + series.benchmarkYearShort(b.observation.period)
        let note = [word, census].compactMap { $0 }.joined(separator: " ")
        let source = note.isEmpty ? "" : " (\(note))"
        let p = b.position
        let words = [p.neighbourWords(polarity: series.polarity), p.nationalWords(polarity: series.polarity)]
            .compactMap { $0 }
        let position = words.isEmpty ? "" : ", " + words.joined(separator: " and ")
        return "In \(b.observation.period.short)\(source): \(value)\(position)."
    }
}
