/// A terminal colour: the terminal's default, one of the 256 indexed colours, or 24-bit.
public enum Color: Hashable, Sendable {
    case `default`
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    public static let black = Color.indexed(0), red = Color.indexed(1), green = Color.indexed(2)
    public static let yellow = Color.indexed(3), blue = Color.indexed(4), magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6), white = Color.indexed(7), gray = Color.indexed(8)
    public static let brightRed = Color.indexed(9), brightGreen = Color.indexed(10)
    public static let brightYellow = Color.indexed(11), brightBlue = Color.indexed(12)
    public static let brightCyan = Color.indexed(14), brightWhite = Color.indexed(15)

    /// The nearest of the 8 basic colours, for terminals without 256 colours.
    public var basic: Color {
        switch self {
        case .default: return .default
        case let .indexed(i) where i < 8: return self
        case let .indexed(i) where i < 16: return .indexed(i - 8)
        case let .indexed(i) where i >= 232: return i < 244 ? .black : .white
        case let .indexed(i):
            let v = Int(i) - 16
            return Color.nearestBasic(r: v / 36 * 51, g: v / 6 % 6 * 51, b: v % 6 * 51)
        case let .rgb(r, g, b): return Color.nearestBasic(r: Int(r), g: Int(g), b: Int(b))
        }
    }

    static func nearestBasic(r: Int, g: Int, b: Int) -> Color {
        let bits = (r > 127 ? 1 : 0) | (g > 127 ? 2 : 0) | (b > 127 ? 4 : 0)
        return .indexed(UInt8(bits))
    }
}

/// How a cell looks.
public struct Style: Hashable, Sendable {
    public var fg: Color
    public var bg: Color
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(fg: Color = .default, bg: Color = .default, bold: Bool = false, dim: Bool = false,
                reverse: Bool = false, underline: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()

    public var bolded: Style { var s = self; s.bold = true; return s }
    public var reversed: Style { var s = self; s.reverse.toggle(); return s }

    /// This style with another's background where this one has none.
    public func over(_ background: Style) -> Style {
        var s = self
        if s.bg == .default { s.bg = background.bg }
        return s
    }
}
