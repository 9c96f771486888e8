import CsdashCore

/// The orders `s` cycles through on the overview, each named on screen while it is in force. A new order is a
/// new case here, with its name and its ordering.
public enum SortOrder: String, CaseIterable, Sendable {
    /// Each panel as the indicators file lists it.
    case listed
    /// Each panel worst first, by the one definition of worst (`Worst`).
    case worstFirst

    /// The name on screen (`sorted: worst first`).
    public var name: String {
        switch self {
        case .listed: return "as listed"
        case .worstFirst: return Worst.name
        }
    }

    /// The next order `s` moves to, round to the first.
    public var next: SortOrder {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// `positions` (in `all`) in this order; ties keep the order given.
    func sorted(_ positions: [Int], _ all: [IndicatorEvaluation]) -> [Int] {
        switch self {
        case .listed: return positions
        case .worstFirst: return Worst.order(positions.map { all[$0] }).map { positions[$0] }
        }
    }
}
