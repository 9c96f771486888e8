extension IndicatorEvaluation {
    /// The movement since the previous value and, when the indicator has a polarity, whether it is good, in words
    /// that cannot be misread: `up, worse` (a rate that should fall rose), `down, better`, `unchanged`, `up` or
    /// `down` (no polarity), `-` (nothing to compare). The text and markdown reports' Direction column; the
    /// machine formats keep the `direction` field.
    public var movementWords: String {
        switch direction {
        case .none: return "-"
        case .unchanged: return "unchanged"
        case .up: return "up"
        case .down: return "down"
        case .improved, .declined:
            let rose = (indicator.polarity == .higher) == (direction == .improved)
            return (rose ? "up" : "down") + (direction == .improved ? ", better" : ", worse")
        }
    }
}
