import CsdashCore

/// The SPC layers of the indicator page's chart: the mean and the two process limits of each point's process
/// (so a recalculation steps them), named in the legend, and the special-cause points drawn as `◉`.
enum IndicatorSPCLayers {
    /// Mean and limits as `ChartReference`s aligned with the evaluation's visible history, and which of its
    /// rows are special causes; nothing below 2 values.
    static func layers(_ e: IndicatorEvaluation, _ g: Glyphs) -> (references: [ChartReference], marked: [Bool]) {
        guard let a = e.spc else { return ([], []) }
        let n = e.visibleHistory.count
        var mean = [Double?](repeating: nil, count: n), lower = mean, upper = mean
        var marked = [Bool](repeating: false, count: n)
        for p in a.points where p.historyIndex < n {
            let lim = a.processes[p.process]
            mean[p.historyIndex] = lim.mean
            lower[p.historyIndex] = lim.lower
            upper[p.historyIndex] = lim.upper
            marked[p.historyIndex] = p.type != .common
        }
        let ind = e.indicator
        var finer = ind
        finer.decimals = min(6, ind.decimals + 1)
        let f = { (v: Double?) in ValueFormat.value(v, finer, style: .bare) }
        let lim = a.limits
        var refs = [ChartReference(values: mean, role: .spcMean, rule: g.spcMeanRule, legend: "mean \(f(lim.mean))")]
        if lim.lower != nil, lim.upper != nil {
            refs.append(ChartReference(values: lower, role: .spcLimit, rule: g.spcLimitRule,
                                       legend: "process limits \(f(lim.lower))-\(f(lim.upper))"))
            refs.append(ChartReference(values: upper, role: .spcLimit, rule: g.spcLimitRule, legend: ""))
        }
        return (refs, marked)
    }
}

extension Glyphs {
    /// The SPC mean across the chart (thin, under the target's heavy line) and the process limits (dashed).
    var spcMeanRule: Character { ascii ? "-" : "─" }
    var spcLimitRule: Character { ascii ? ":" : "┄" }
}
