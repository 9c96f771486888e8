/// What the reports write about one indicator beyond its evaluation: its SPC chart and its drafted commentary,
/// each worked out once and read by every part of the report that needs it (the chart is the costliest part of a
/// report, and the draft reads it too).
struct IndicatorReport: Sendable {
    let evaluation: IndicatorEvaluation
    let spc: SPCAnalysis?
    let draft: Draft

    init(_ e: IndicatorEvaluation, in d: Dataset) {
        evaluation = e
        spc = e.spc
        draft = Commentary.draft(e, in: d, spc: spc)
    }

    /// The reports of `evals`, worked out on all cores, in order.
    static func of(_ evals: [IndicatorEvaluation], in d: Dataset) -> [IndicatorReport] {
        Parallel.map(evals.count) { IndicatorReport(evals[$0], in: d) }
    }

    /// Works out the reports of `evals` a batch at a time on all cores, turns each into its part of the output
    /// (`part`, given its offset in `evals`, also runs on all cores) and calls `body` with each batch's parts, in
    /// order: a report on a large dataset holds one batch of charts and parts at a time rather than all of them.
    static func forEachBatch<T: Sendable>(_ evals: [IndicatorEvaluation], in d: Dataset, size: Int = 64,
                                          part: @Sendable (_ offset: Int, IndicatorReport) -> T,
                                          _ body: ([T]) -> Void) {
        var from = 0
        while from < evals.count {
            let start = from, to = min(from + size, evals.count)
            body(Parallel.map(to - start) { k in part(start + k, IndicatorReport(evals[start + k], in: d)) })
            from = to
        }
    }
}
