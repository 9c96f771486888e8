import CsdashCore
import Foundation
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
    /// Between items in a line of text ("England 81.2 · South West 79.0").
    public var bullet: String
    /// Before a tolerance ("(±2.0)").
    public var plusMinus: String
    public var comparatorMarks: [Character]
    public var ascii: Bool

    public static let unicode = Glyphs(
        spark: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        better: "✓", within: "≈", worse: "✗", none: "·",
        up: "↑", down: "↓", flat: "→", stale: "†", targetLine: "─", bandFill: "░", bar: "█",
        separator: " › ", ellipsis: "…", bullet: " · ", plusMinus: "±", comparatorMarks: ["◆", "○", "×"], ascii: false)

    public static let ascii = Glyphs(
        spark: ["_", ".", "-", "~", "=", "+", "*", "#"],
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        better: "+", within: "~", worse: "x", none: "-",
        up: "^", down: "v", flat: "=", stale: "*", targetLine: "-", bandFill: ".", bar: "#",
        separator: " > ", ellipsis: "~", bullet: " - ", plusMinus: "+/-", comparatorMarks: ["o", "@", "%"], ascii: true)

    /// A key's label from the key table as this set writes it: arrows become Up, Down, Left, Right in ASCII.
    public func keyLabel(_ label: String) -> String {
        guard ascii else { return label }
        var out = label
        for (arrow, word) in [("↑", "Up"), ("↓", "Down"), ("←", "Left"), ("→", "Right")] {
            out = out.replacingOccurrences(of: arrow, with: word)
        }
        return Glyphs.asciiText(out)
    }

    /// Text with every character outside ASCII replaced by its nearest ASCII character (accents dropped,
    /// typographic quotes and dashes straightened, symbols by their ASCII glyphs, anything else `?`), so that
    /// `--ascii` and a non-UTF-8 locale never receive a byte above 127.
    public static func asciiText(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 128 }) { return text }
        return String(text.map(asciiCharacter))
    }

    public static func asciiCharacter(_ c: Character) -> Character {
        if c.isASCII { return c }
        if let m = asciiMap[c] { return m }
        let base = c.unicodeScalars.first.map { String($0) } ?? ""
        let stripped = base.decomposedStringWithCanonicalMapping.unicodeScalars.first
        if let s = stripped, s.isASCII { return Character(s) }
        return "?"
    }

    static let asciiMap: [Character: Character] = [
        "±": "+", "·": "-", "•": "*", "‘": "'", "’": "'", "“": "\"", "”": "\"", "–": "-", "—": "-", "…": "~",
        "↑": "^", "↓": "v", "←": "<", "→": ">", "✓": "+", "✗": "x", "≈": "~", "≥": ">", "≤": "<", "×": "x",
        "›": ">", "‹": "<", "«": "<", "»": ">", "£": "L", "€": "E", "°": "o", "\u{00A0}": " ", "─": "-", "│": "|",
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "█": "#", "░": ".", "▁": "_", "◆": "o", "○": "@", "†": "*",
        "●": "*", "▾": "&", "⇑": "+", "⇓": "+", "⇧": "!", "⇩": "!", "⇡": "*", "⇣": "*", "‾": "^", "\u{FEFF}": " ",
    ]

    /// Marks an indicator or risk whose data failed to load, and the data-problems banner (not `!`: that is
    /// the key that lists the problems).
    public var problem: Character { ascii ? "E" : "⚠" }

    /// Marks the "no data" status: a target and no value up to the quarter viewed.
    public var noData: Character { ascii ? "?" : "∅" }

    public func status(_ s: Status) -> Character {
        switch s {
        case .better: return better
        case .within: return within
        case .worse: return worse
        case .none: return none
        case .noData: return noData
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

    /// The SPC variation icon: a filled double arrow for improvement, a hollow one for concern and a dashed
    /// one for special cause with no polarity, each pointing the way the latest point lies from the mean; a
    /// dot for common cause. ASCII: `+` improvement, `!` concern, `*` special cause, `-` common cause.
    public func spcVariation(_ v: SPCVerdict?) -> Character {
        guard let v else { return " " }
        switch v.variation {
        case .improvement: return ascii ? "+" : (v.high ? "⇑" : "⇓")
        case .concern: return ascii ? "!" : (v.high ? "⇧" : "⇩")
        case .neutral: return ascii ? "*" : (v.high ? "⇡" : "⇣")
        case .common: return ascii ? "-" : "·"
        }
    }

    /// The SPC assurance icon: P (will consistently pass the target), F (will consistently fail it),
    /// ~ (hit and miss at random); blank with no target or polarity.
    public func spcAssurance(_ v: SPCVerdict?) -> Character {
        switch v?.assurance {
        case .pass?: return "P"
        case .fail?: return "F"
        case .inconsistent?: return "~"
        case nil: return " "
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
