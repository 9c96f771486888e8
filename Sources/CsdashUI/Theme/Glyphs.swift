import CsdashCore
/// Every symbol the views draw, in a UTF-8 set and an ASCII set (`--ascii`, or a non-UTF-8 locale).
public struct Glyphs: Sendable, Equatable {
    public var spark: [Character]
    public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: Character
    public var better, within, worse, none: Character
    public var up, down, flat: Character
    public var stale: Character
    public var targetLine: Character
    public var bandFill: Character
    public var bar: Character
    public var separator: String
    public var ellipsis: String
    public var comparatorMarks: [Character]
    public var ascii: Bool

    public static let unicode = Glyphs(
        spark: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        better: "✓", within: "≈", worse: "✗", none: "·",
        up: "↑", down: "↓", flat: "→", stale: "†", targetLine: "─", bandFill: "░", bar: "█",
        separator: " › ", ellipsis: "…", comparatorMarks: ["◆", "○", "×"], ascii: false)

    public static let ascii = Glyphs(
        spark: ["_", ".", "-", "~", "=", "+", "*", "#"],
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        better: "+", within: "~", worse: "x", none: "-",
        up: "^", down: "v", flat: "=", stale: "*", targetLine: "-", bandFill: ".", bar: "#",
        separator: " > ", ellipsis: "~", comparatorMarks: ["o", "@", "%"], ascii: true)

    /// Marks an indicator or risk whose data failed to load (the same in both sets).
    public var problem: Character { "!" }

    public func status(_ s: Status) -> Character {
        switch s {
        case .better: return better
        case .within: return within
        case .worse: return worse
        case .none: return none
        }
    }

    /// The arrow for a direction of travel: the way the number moved, not whether it is good.
    public func arrow(_ d: Direction, polarity: Polarity) -> Character {
        switch d {
        case .up: return up
        case .down: return down
        case .unchanged: return flat
        case .none: return " "
        case .improved: return polarity == .lower ? down : up
        case .declined: return polarity == .lower ? up : down
        }
    }

    public func trend(_ t: RiskTrend) -> Character {
        switch t {
        case .up: return up
        case .down: return down
        case .same: return flat
        case .new: return "*"
        }
    }
}
