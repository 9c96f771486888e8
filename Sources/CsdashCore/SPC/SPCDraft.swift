extension SPCVerdict {
    /// The SPC verdict as a sentence of the drafted commentary (after the comparators): "Special cause concern:
    /// 7 quarters in a row below the average (since Q4 19/20); ...". nil below 2 values.
    static func sentence(_ e: IndicatorEvaluation) -> String? {
        e.spc.map { SPCWords.sentence($0, e.indicator) + "." }
    }
}
