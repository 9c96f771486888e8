/// Trend of a risk's score against its previous assessment.
public enum RiskTrend: String, Sendable, CaseIterable {
    case up, down, same, new
}

/// A risk judged as at a quarter.
public struct RiskEvaluation: Sendable, Equatable {
    public var risk: Risk
    public var asAt: Period
    /// The latest assessment at or before the quarter.
    public var current: RiskAssessment?
    public var previous: RiskAssessment?
    public var rating: RiskBand?
    public var trend: RiskTrend

    public var score: Int? { current?.score }
    public var previousScore: Int? { previous?.score }
    /// Assessments up to and including the viewed quarter.
    public var visibleHistory: [RiskAssessment] {
        risk.history.filter { $0.period.endMonthIndex <= asAt.endMonthIndex }
    }
}

extension Evaluator {
    public static func evaluate(_ risk: Risk, bands: [RiskBand], asAt: Period) -> RiskEvaluation {
        let visible = risk.history.filter { $0.period.endMonthIndex <= asAt.endMonthIndex }
        let current = visible.last
        let previous = visible.count >= 2 ? visible[visible.count - 2] : nil
        var trend = RiskTrend.new
        if let c = current, let p = previous {
            trend = c.score > p.score ? .up : c.score < p.score ? .down : .same
        }
        return RiskEvaluation(risk: risk, asAt: asAt, current: current, previous: previous,
                              rating: current.flatMap { band(for: $0.score, in: bands) }, trend: trend)
    }

    public static func band(for score: Int, in bands: [RiskBand]) -> RiskBand? {
        bandIndex(for: score, in: bands).map { bands[$0] }
    }

    /// The position of the band holding `score` (lowest band first), if any.
    public static func bandIndex(for score: Int, in bands: [RiskBand]) -> Int? {
        bands.firstIndex { score >= $0.min && score <= $0.max }
    }

    /// Risks as at the quarter, highest score first (unscored last), then by id.
    public static func evaluateRisks(_ dataset: Dataset, asAt: Period) -> [RiskEvaluation] {
        dataset.risks.map { evaluate($0, bands: dataset.riskBands, asAt: asAt) }
            .sorted { ($0.score ?? -1, $1.risk.id) > ($1.score ?? -1, $0.risk.id) }
    }
}
