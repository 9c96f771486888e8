/// Where a value stands against its target band.
///
/// `noData`: the indicator has a target but no value for the quarter viewed: no row at all up to it (its
/// history file is missing, or has no row for it yet) or an empty cell in the row it shows. An older row is
/// judged instead (and marked stale). It is a problem to see, not a quieter dashboard: counted, listed by `!`
/// and by `check` as a warning, and never worded "no target". It comes only from `Evaluator.evaluate`, never
/// from judging one observation (`of(value:target:polarity:)`).
public enum Status: String, Sendable, CaseIterable {
    case better, within, worse, none
    case noData = "no-data"

    /// Compares a value already rounded to the indicator's decimals with the target.
    /// `higher`: value >= target is better; value >= target - tolerance is within; else worse.
    /// `lower` mirrors it. `neutral` polarity or no target: none.
    public static func of(value: Double?, target: Target?, polarity: Polarity) -> Status {
        guard let value, let target else { return .none }
        switch polarity {
        case .neutral:
            return .none
        case .higher:
            if Rounding.atLeast(value, target.value) { return .better }
            if Rounding.atLeast(value, target.value - target.tolerance) { return .within }
            return .worse
        case .lower:
            if Rounding.atMost(value, target.value) { return .better }
            if Rounding.atMost(value, target.value + target.tolerance) { return .within }
            return .worse
        }
    }

    /// Words for people: "better than target".
    public var phrase: String {
        switch self {
        case .better: return "better than target"
        case .within: return "within tolerance"
        case .worse: return "worse than target"
        case .none: return "no target"
        case .noData: return "no data"
        }
    }
}

/// Direction of travel against the previous observation.
public enum Direction: String, Sendable, CaseIterable {
    case improved, declined, unchanged, up, down, none

    /// Compares two values already rounded to the indicator's decimals.
    public static func of(current: Double?, previous: Double?, polarity: Polarity, decimals: Int) -> Direction {
        guard let current, let previous else { return .none }
        if Rounding.same(current, previous, decimals: decimals) { return .unchanged }
        let rising = current > previous
        switch polarity {
        case .neutral: return rising ? .up : .down
        case .higher: return rising ? .improved : .declined
        case .lower: return rising ? .declined : .improved
        }
    }
}
