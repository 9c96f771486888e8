/// What changed since the previous quarter, for the pack's "since last quarter" page: indicators whose status
/// changed (and those newly worse than target), risks whose score moved, and targets that changed.
struct PackChanges {
    struct StatusChange {
        var now: IndicatorEvaluation
        var before: Status
    }

    struct TargetChange {
        var now: IndicatorEvaluation
        var before: Target?
    }

    struct ScoreChange {
        var now: RiskEvaluation
        var before: Int?
    }

    let previousQuarter: Period
    var statusChanges: [StatusChange] = []
    var targetChanges: [TargetChange] = []
    var scoreChanges: [ScoreChange] = []

    var newlyWorse: [StatusChange] { statusChanges.filter { $0.now.status == .worse } }

    /// Nil when the data holds nothing before the quarter viewed.
    init?(_ card: Scorecard) {
        let quarter = Period.quarter(containingMonthIndex: card.asAt.endMonthIndex)
        let prev = quarter.previous
        guard let first = card.dataset.quarters.first, first <= prev else { return nil }
        previousQuarter = prev
        let before = Scorecard(dataset: card.dataset, asAt: prev)
        var old: [String: IndicatorEvaluation] = [:]
        for e in before.indicators { old[e.indicator.id] = e }
        for e in card.indicators {
            guard let b = old[e.indicator.id] else { continue }
            if b.status != e.status { statusChanges.append(StatusChange(now: e, before: b.status)) }
            let d = e.indicator.decimals
            let t0 = b.target?.rounded(decimals: d), t1 = e.target?.rounded(decimals: d)
            if t0?.value != t1?.value || t0?.tolerance != t1?.tolerance, t1 != nil || t0 != nil {
                targetChanges.append(TargetChange(now: e, before: b.target))
            }
        }
        var oldRisk: [String: RiskEvaluation] = [:]
        for r in before.risks { oldRisk[r.risk.id] = r }
        for r in card.risks {
            let b = oldRisk[r.risk.id]?.score
            if b != r.score, r.score != nil { scoreChanges.append(ScoreChange(now: r, before: b)) }
        }
    }
}
