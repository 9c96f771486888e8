import CsdashCore

extension IndicatorEvaluation {
    /// The status of the observation before the current one, against the target then in force.
    public var previousStatus: Status? {
        previous.map { Evaluator.status(of: $0, in: indicator) }
    }

    /// The status is worse than it was for the previous observation (better -> within, within -> worse...).
    public var becameWorse: Bool {
        func rank(_ s: Status) -> Int? { s == .better ? 0 : s == .within ? 1 : s == .worse ? 2 : nil }
        guard let now = rank(status), let before = previousStatus.flatMap(rank) else { return false }
        return now > before
    }
}
