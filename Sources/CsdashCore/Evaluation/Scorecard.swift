/// The whole dashboard as at a quarter: indicators by panel, risks, and the counts the header shows.
public struct Scorecard: Sendable {
    public var dataset: Dataset
    public var asAt: Period
    public var indicators: [IndicatorEvaluation]
    public var risks: [RiskEvaluation]

    public init(dataset: Dataset, asAt: Period) {
        self.dataset = dataset
        self.asAt = asAt
        indicators = Evaluator.evaluateAll(dataset, asAt: asAt)
        risks = Evaluator.evaluateRisks(dataset, asAt: asAt)
    }

    public func indicators(in panel: String) -> [IndicatorEvaluation] {
        indicators.filter { $0.indicator.panel == panel }
    }

    public func count(_ status: Status) -> Int { indicators.filter { $0.status == status }.count }

    public func indicator(_ id: String) -> IndicatorEvaluation? { indicators.first { $0.indicator.id == id } }
    public func risk(_ id: String) -> RiskEvaluation? { risks.first { $0.risk.id == id } }

    /// A warning for each indicator with the "no data" status, at its definition in indicators.yaml: `check`
    /// prints them and the dashboard's `!` page lists them. Warnings, not errors: the rest is still judged.
    public var noDataWarnings: [Diagnostic] {
        indicators.filter { $0.status == .noData }.map { e in
            let ind = e.indicator
            let why = e.current.map { "its row for \($0.period.canonical) has no value" }
                ?? (ind.history.isEmpty ? "no history row at all" : "no history row up to then")
            return Diagnostic(.warning, ind.location,
                              "no data: '\(ind.title)' (\(ind.id)) has a target but no value for \(asAt.canonical) (\(why))",
                              subject: .indicator(ind.id))
        }
    }

    /// The latest period of any observation at or before the quarter: the data's "as at" date.
    public var dataAsAt: Period? {
        indicators.compactMap { $0.current?.period }.max { $0.endMonthIndex < $1.endMonthIndex }
    }
}
