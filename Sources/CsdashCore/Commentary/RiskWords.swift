/// Sentences on a risk: its score and rating and their change, its target score, and its linked indicators.
enum RiskWords {
    static func rated(_ score: Int, _ bands: [RiskBand]) -> String {
        guard let band = Evaluator.band(for: score, in: bands) else { return "a score of \(score)" }
        return "\(band.name) (\(score))"
    }

    /// "Increased from Moderate (8) to Moderate (12) in Q2 21/22." / "Remains rated as Moderate (12),
    /// unchanged since Q4 19/20." / "Rated Moderate (8) when first assessed in Q1 19/20."
    static func scoreSentence(_ r: RiskEvaluation, bands: [RiskBand]) -> String? {
        guard let c = r.current else { return nil }
        let now = rated(c.score, bands)
        var out: String
        switch r.trend {
        case .new:
            out = "Rated \(now) when first assessed in \(c.period.short)."
        case .up, .down:
            let prev = rated(r.previousScore ?? 0, bands)
            out = "\(r.trend == .up ? "Increased" : "Decreased") from \(prev) to \(now) in \(c.period.short)."
        case .same:
            let visible = r.visibleHistory
            var k = visible.count - 1
            while k > 0, visible[k - 1].score == c.score { k -= 1 }
            out = "Remains rated as \(now), unchanged since \(visible[k].period.short)."
        }
        let quarter = Period.quarter(containingMonthIndex: r.asAt.endMonthIndex)
        if c.period.endMonthIndex < quarter.startMonthIndex { out += " Last assessed in \(c.period.short)." }
        return out
    }

    /// "Above its target score of 6." / "At or below its target score of 8."
    static func targetSentence(_ r: RiskEvaluation) -> String? {
        guard let c = r.current, let t = r.risk.target else { return nil }
        return c.score > t ? "Above its target score of \(t)." : "At or below its target score of \(t)."
    }

    /// The indicators linked to a risk, either way round (the risk's `indicators:` or an indicator's `risks:`),
    /// as evaluated on the card, in the card's order.
    static func linked(_ r: RiskEvaluation, _ card: Scorecard) -> [IndicatorEvaluation] {
        let named = Set(r.risk.indicators)
        return card.indicators.filter { named.contains($0.indicator.id) || $0.indicator.risks.contains(r.risk.id) }
    }

    /// "3 of its 4 linked indicators are worse than target and 1 is within tolerance." Every linked indicator
    /// counts; when none of them has a target there is nothing to weigh the score against, and no sentence.
    static func linkedSentence(_ r: RiskEvaluation, _ card: Scorecard) -> String? {
        let all = linked(r, card)
        guard all.contains(where: { TargetWords.phrase($0.status) != nil }) else { return nil }
        let worse = all.filter { $0.status == .worse }.count
        let within = all.filter { $0.status == .within }.count
        let n = all.count
        if n == 1 { return "Its linked indicator is \(TargetWords.phrase(all[0].status) ?? "")." }
        var s = worse == 0 ? "None of its \(n) linked indicators is worse than target"
            : "\(worse) of its \(n) linked indicators \(worse == 1 ? "is" : "are") worse than target"
        if within > 0 { s += " and \(within) \(within == 1 ? "is" : "are") within tolerance" }
        return s + "."
    }
}
