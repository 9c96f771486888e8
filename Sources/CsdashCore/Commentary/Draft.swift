/// A drafted commentary: plain sentences, each a fact read from the data by a general rule.
public struct Draft: Sendable, Equatable {
    public var sentences: [String]

    public init(_ sentences: [String]) { self.sentences = sentences }

    /// The sentences as one paragraph.
    public var text: String { sentences.joined(separator: " ") }

    public var isEmpty: Bool { sentences.isEmpty }
}

/// Drafts the factual half of a quarter's commentary for an indicator or a risk, and finds the team's own.
public enum Commentary {
    /// The draft for an indicator as evaluated at its quarter: the change from the previous period (scaled by
    /// the series' usual movement), a streak, a record, the year-ago comparison, the target and status, monthly
    /// hits, comparators, the benchmark year and the statistical verdict. A fact the data lacks is left out.
    public static func draft(_ e: IndicatorEvaluation, in d: Dataset) -> Draft {
        draft(e, in: d, spc: e.spc)
    }

    /// The draft with `spc`, the indicator's chart (`e.spc`), worked out by the caller: the reports share one.
    public static func draft(_ e: IndicatorEvaluation, in d: Dataset, spc: SPCAnalysis?) -> Draft {
        guard let series = SeriesFacts(e, spc: spc) else { return Draft([]) }
        var out: [String] = []
        out.append(contentsOf: [ChangeWords.sentence(series), StreakWords.sentence(series),
                                RecordWords.sentence(series), ChangeWords.yearAgoSentence(series)].compactMap { $0 })
        out.append(contentsOf: TargetWords.sentences(series))
        out.append(contentsOf: [MonthlyHits.sentence(series), ComparatorWords.sentence(series, e, d),
                                ComparatorWords.benchmarkSentence(e, d), SPCSentence.sentence(series)].compactMap { $0 })
        return Draft(out)
    }

    /// The draft for a risk as evaluated at its quarter: its score and rating and their change, its target
    /// score, and how its linked indicators stand against their targets.
    public static func draft(_ r: RiskEvaluation, in card: Scorecard) -> Draft {
        Draft([RiskWords.scoreSentence(r, bands: card.dataset.riskBands), RiskWords.targetSentence(r), RiskWords.linkedSentence(r, card)]
            .compactMap { $0 })
    }

    /// The team's own commentary for the quarter being viewed, if any.
    public static func team(_ e: IndicatorEvaluation) -> String? {
        nonEmpty(e.indicator.commentary[e.asAt])
    }

    public static func team(_ r: RiskEvaluation) -> String? {
        nonEmpty(r.risk.commentary[r.asAt])
    }

    private static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.allSatisfy(\.isWhitespace) else { return nil }
        return s
    }
}
