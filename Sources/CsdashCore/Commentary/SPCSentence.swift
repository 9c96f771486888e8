/// The statistical-process-control verdict on the current value ("within its normal variation", or a signal
/// of real change). No SPC analysis is available in this build, so no sentence is drafted: this is where the
/// verdict joins the draft, after the comparators.
enum SPCSentence {
    static func sentence(_ e: IndicatorEvaluation) -> String? { nil }
}
