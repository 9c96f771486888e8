import Foundation

/// A colour as written in a theme or config file: the terminal's own (`default`), one of the 256 indexed colours
/// (0-255 or an ANSI name such as `red` or `bright-blue`), or 24-bit `#RRGGBB`.
public enum ColourSpec: Hashable, Sendable {
    case `default`
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    /// The 16 ANSI names, in index order (`grey`/`gray` are also accepted for `bright-black`).
    public static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                                   "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue",
                                   "bright-magenta", "bright-cyan", "bright-white"]

    /// Reads `default`, `0`-`255`, an ANSI name, `#RRGGBB` or `#RGB`; nil when it is none of those.
    public init?(_ text: String) {
        // Trim only when an end may be whitespace: both ends ASCII other than space and tab need none.
        let u = text.utf8
        let bare = u.first.map { $0 < 0x80 && $0 != 0x20 && $0 != 0x09 } == true
            && u.last.map { $0 < 0x80 && $0 != 0x20 && $0 != 0x09 } == true
        let s = (bare ? text : text.trimmingCharacters(in: .whitespaces)).lowercased()
        if s == "default" { self = .default; return }
        if let i = Int(s) {
            guard (0...255).contains(i) else { return nil }
            self = .indexed(UInt8(i)); return
        }
        let name = s.replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        if let i = ColourSpec.ansiNames.firstIndex(of: name) { self = .indexed(UInt8(i)); return }
        if name == "grey" || name == "gray" { self = .indexed(8); return }
        if s.hasPrefix("#") {
            let hex = Array(s.dropFirst())
            guard hex.allSatisfy(\.isHexDigit) else { return nil }
            let digits = hex.count == 3 ? hex.flatMap { [$0, $0] } : hex
            guard digits.count == 6, let v = Int(String(digits), radix: 16) else { return nil }
            self = .rgb(UInt8(v >> 16 & 255), UInt8(v >> 8 & 255), UInt8(v & 255))
            return
        }
        return nil
    }

    /// As it would be written in a file.
    public var text: String {
        switch self {
        case .default: return "default"
        case let .indexed(i): return "\(i)"
        case let .rgb(r, g, b):
            return "#" + [r, g, b].map { String($0, radix: 16).leftPadded(2) }.joined()
        }
    }
}

private extension String {
    func leftPadded(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
