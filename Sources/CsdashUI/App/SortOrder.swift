import CsdashCore

/// The orders `s` cycles through on the overview, each named on screen while it is in force. A new order is a
/// new case here, with its name and its ordering.
public enum SortOrder: String, CaseIterable, Sendable {
    /// Each panel as the indicators file lists it.
    case listed
    /// Each panel worst first, by the one definition of worst (`Worst`).
    case worstFirst
    /// Special cause concern first (then special cause with no polarity, improvement, common cause, too few
    /// values), worst first within each: the order a board asks for when it asks what has really changed.
    case concernFirst
    /// Will miss its target first (SPC assurance: fail, then hit and miss, then pass, then none), worst first
    /// within each: the targets the process as it runs cannot meet.
    case failFirst

    /// The name on screen (`sorted: worst first`).
    public var name: String {
        switch self {
        case .listed: return "as listed"
        case .worstFirst: return Worst.name
        case .concernFirst: return "special cause concern first"
        case .failFirst: return "will miss target first"
        }
    }

    /// The next order `s` moves to, round to the first.
    public var next: SortOrder {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// `positions` (in `all`) in this order; ties keep the order given. `spc` gives the SPC verdict of a position.
    func sorted(_ positions: [Int], _ all: [IndicatorEvaluation], spc: (Int) -> SPCVerdict?) -> [Int] {
        switch self {
        case .listed: return positions
        case .worstFirst: return Worst.order(positions.map { all[$0] }).map { positions[$0] }
        case .concernFirst: return Self.ranked(positions, all) { Self.variationRank(spc($0)) }
        case .failFirst: return Self.ranked(positions, all) { Self.assuranceRank(spc($0)) }
        }
    }

    /// `positions` by `rank` (lowest first), worst first within each rank.
    private static func ranked(_ positions: [Int], _ all: [IndicatorEvaluation], by rank: (Int) -> Int) -> [Int] {
        let worst = Worst.order(positions.map { all[$0] }).map { positions[$0] }
        let ranks = Dictionary(uniqueKeysWithValues: worst.map { ($0, rank($0)) })
        // A stable sort by rank over the worst-first order keeps worst first within each rank.
        return worst.enumerated().sorted { a, b in
            (ranks[a.element]!, a.offset) < (ranks[b.element]!, b.offset)
        }.map(\.element)
    }

    /// Fail 0, hit and miss 1, pass 2, no assurance (no target, no polarity or too few values) 3.
    static func assuranceRank(_ v: SPCVerdict?) -> Int {
        switch v?.assurance {
        case .fail?: return 0
        case .inconsistent?: return 1
        case .pass?: return 2
        case nil: return 3
        }
    }

    /// Concern 0, special cause without polarity 1, improvement 2, common cause 3, no verdict 4.
    static func variationRank(_ v: SPCVerdict?) -> Int {
        switch v?.variation {
        case .concern: return 0
        case .neutral: return 1
        case .improvement: return 2
        case .common: return 3
        case nil: return 4
        }
    }
}
