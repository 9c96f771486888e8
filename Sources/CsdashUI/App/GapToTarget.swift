import CsdashCore

extension IndicatorEvaluation {
    /// How far the value is on the good side of its target, as a fraction of the target: negative when it
    /// falls short (`-0.10` is 10% worse than target). Nil without a value, a target or a polarity.
    public var relativeGap: Double? {
        guard let v = value, let t = target, t.value.isFinite, v.isFinite else { return nil }
        let raw: Double
        switch indicator.polarity {
        case .higher: raw = v - t.value
        case .lower: raw = t.value - v
        case .neutral: return nil
        }
        let g = raw / max(abs(t.value), 1e-9)
        return g.isFinite ? g : nil
    }

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
